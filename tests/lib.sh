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

# sql DB QUERY: prints the rows of QUERY, one a line, columns split by '|'.
sql() {
	python3 - "$1" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for row in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
PY
}

# expect_eq NAME ACTUAL EXPECTED
expect_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "got '$2', expected '$3'"
	fi
}

# start_httpd DIR [--latency MS]: serves DIR on a free loopback port; sets
# HTTPD_PID and BASE (http://127.0.0.1:PORT).
start_httpd() {
	dir=$1
	shift
	rm -f "$WORK/port"
	python3 "$top_srcdir/tests/httpd.py" "$dir" "$WORK/port" "$@" &
	HTTPD_PID=$!
	i=0
	while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	BASE="http://127.0.0.1:$(cat "$WORK/port")"
	trap 'kill $HTTPD_PID 2>/dev/null; rm -rf "$WORK"' EXIT
}

# ---- the user interface in tmux (the server's socket is $SOCK) ----------
screen() { tmux -S "$SOCK" capture-pane -p; }
# Sends keys, then gives the UI $KEYS_PAUSE seconds (0.4) to redraw.
keys() { tmux -S "$SOCK" send-keys "$@"; sleep "${KEYS_PAUSE:-0.4}"; }
# Waits up to 10 s for a text on the screen.
wait_for() {
	_tries=0
	while [ $_tries -lt 50 ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.2
		_tries=$((_tries + 1))
	done
	return 1
}
