module concord

go 1.26.0

require (
	github.com/creack/pty v1.1.24
	github.com/go-ego/gse v0.80.3
	github.com/rivo/uniseg v0.4.7
	github.com/sergi/go-diff v1.4.0
	github.com/spf13/pflag v1.1.0
	golang.org/x/net v0.63.0
	golang.org/x/term v0.48.0
	golang.org/x/text v0.44.0
)

require (
	github.com/vcaesar/cedar v0.20.2 // indirect
	golang.org/x/sys v0.50.0 // indirect
)
