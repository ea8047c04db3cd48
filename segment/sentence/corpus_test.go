package sentence

import (
	"testing"

	"concord/corpora/testenv"
)

// corpus returns the path of a file or folder in the shared corpora (see
// testenv): the test is skipped when CONCORD_CORPORA is unset and fails
// when it points nowhere.
func corpus(t testing.TB, rel string) string {
	t.Helper()
	return testenv.File(t, rel)
}
