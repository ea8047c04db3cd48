package input_test

import (
	"fmt"

	"golang.org/x/text/encoding/simplifiedchinese"

	"concord/corpora/input"
)

func ExampleDecode() {
	// A line of the L.15 draft as a GB18030 file would hold it.
	data, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("第1条. 宗旨\r\n本公约的宗旨是：\r\n"))
	text, err := input.Decode("L15.gb.txt", data, "")
	fmt.Printf("%q %v %s\n", text, err, input.Detect(data))

	_, err = input.Decode("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "")
	fmt.Println(err)
	_, err = input.Decode("notes.txt", []byte("A\x00r\x00t\x00i\x00c\x00l\x00e\x00 \x001\x00"), "")
	fmt.Println(err)
	// Output:
	// "第1条. 宗旨\r\n本公约的宗旨是：\r\n" <nil> gb18030
	// image.png: binary data: NUL byte at line 3 (byte offset 8)
	// notes.txt: binary data: NUL byte at line 1 (byte offset 1); if this is UTF-16 text without a byte-order mark, give the encoding (utf-16le or utf-16be)
}
