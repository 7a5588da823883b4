# shellcheck shell=sh
# Helpers for retl's shell tests, which speak TAP.
# Sourced by the tests; expects RETL (the binary) and top_srcdir.

: "${top_srcdir:=.}"
: "${RETL:=$top_srcdir/src/retl}"
export FEEDS="$top_srcdir/tests/feeds"
TAP_N=0
TAP_FAILED=0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/retl-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# pass NAME / fail NAME [DETAIL...]
pass() {
	TAP_N=$((TAP_N + 1))
	printf 'ok %d - %s\n' "$TAP_N" "$1"
}
fail() {
	TAP_N=$((TAP_N + 1))
	TAP_FAILED=$((TAP_FAILED + 1))
	printf 'not ok %d - %s\n' "$TAP_N" "$1"
	shift
	for line in "$@"; do printf '# %s\n' "$line"; done
}

# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "failed: $*"; fi
}

# run_retl ARGS...: runs retl, leaving status in RC, output in OUT/ERR files.
run_retl() {
	"$RETL" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
}

# expect_rc NAME STATUS: checks the status of the last run_retl.
expect_rc() {
	if [ "$RC" -eq "$2" ]; then
		pass "$1"
	else
		fail "$1" "status $RC, expected $2" "stderr: $(head -c 300 "$WORK/err")"
	fi
}

# expect_in NAME FILE TEXT: checks that FILE contains TEXT (fixed string).
expect_in() {
	if grep -qF -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1" "'$3' not found in: $(head -c 300 "$2")"
	fi
}

done_testing() {
	printf '1..%d\n' "$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}
