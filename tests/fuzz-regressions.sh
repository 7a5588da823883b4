#!/bin/sh
# Every input a fuzzer once crashed on, replayed through the same entry
# point (fuzz/fuzz_NAME.c linked with tests/fuzz_replay.c): it must return
# normally.  One TAP test per file under tests/fuzz-regressions/NAME/.
#
# Environment: top_srcdir, top_builddir (make check sets them).

. "${top_srcdir:-.}/tests/lib.sh"
top_builddir=${top_builddir:-.}

for input in "$top_srcdir"/tests/fuzz-regressions/*/*; do
	[ -f "$input" ] || continue
	name=${input%/*}
	name=${name##*/}
	replay=$top_builddir/tests/fuzz/replay_$name
	if "$replay" "$input" >/dev/null 2>"$WORK/err"; then
		pass "$name/${input##*/} returns normally"
	else
		fail "$name/${input##*/} (exit $?)" "$(head -30 "$WORK/err")"
	fi
done
[ "$TAP_N" -gt 0 ] || { echo "1..0 # SKIP no inputs under tests/fuzz-regressions"; exit 0; }
done_testing
