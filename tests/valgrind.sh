#!/bin/sh
# retl --parse under valgrind on every feed fixture: no memory error and no
# leak (issue 2, "Must hold" 5).  One TAP test per fixture.
#
# Environment: RETL, the binary (make check sets it); top_srcdir;
# VALGRIND_JOBS, how many runs at once (default: the number of CPUs).

top_srcdir=${top_srcdir:-.}
RETL=${RETL:-$top_srcdir/src/retl}
feeds=$top_srcdir/tests/feeds

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind not installed"
	exit 0
fi
if [ -n "${RETL_SANITIZERS:-}" ]; then
	echo "1..0 # SKIP retl is built with ASan (--enable-sanitizers), which valgrind cannot run"
	exit 0
fi

set -- "$feeds"/*.xml
if [ ! -f "$1" ]; then
	echo "Bail out! no fixtures in $feeds"
	exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/retl-valgrind.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
jobs=${VALGRIND_JOBS:-$(nproc 2>/dev/null || echo 2)}

# Runs one fixture; its valgrind log goes to $work/N.log, retl's exit
# status to $work/N.status.
run() {
	n=$1 xml=$2
	name=${xml##*/}
	name=${name%.xml}
	if [ -f "$feeds/$name.url" ]; then
		set -- --parse "$xml" --url "$(sed -n 1p "$feeds/$name.url")"
	else
		set -- --parse "$xml"
	fi
	valgrind --error-exitcode=1 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible \
		--show-leak-kinds=definite,indirect,possible -q \
		--log-file="$work/$n.log" "$RETL" "$@" >/dev/null 2>&1
	echo $? >"$work/$n.status"
}

n=0
for xml in "$@"; do
	n=$((n + 1))
	run $n "$xml" &
	if [ $((n % jobs)) -eq 0 ]; then
		wait
	fi
done
wait

# valgrind's verdict is its log (-q: errors and leaks only), since its error
# status and retl's own for a document that is not a feed are both 1.
echo "1..$#"
n=0
for xml in "$@"; do
	n=$((n + 1))
	name=${xml##*/}
	name=${name%.xml}
	want=0
	[ -f "$feeds/$name.err" ] && want=1
	status=$(cat "$work/$n.status" 2>/dev/null)
	if [ -s "$work/$n.log" ] || [ "$status" != "$want" ]; then
		echo "not ok $n - $name"
		echo "# exit status ${status:-?}, expected $want"
		sed 's/^/# /' "$work/$n.log"
	else
		echo "ok $n - $name"
	fi
done
