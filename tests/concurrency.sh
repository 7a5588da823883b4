#!/bin/sh
# The UI stays open (in tmux) while ten refreshes run one after another,
# each bringing new items: every refresh succeeds (none fails on a lock),
# the UI keeps answering its keys and shows the new items after g, and
# the store ends consistent with every article.
. "${top_srcdir:-.}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux not installed"
	exit 0
fi
export RETL_ACTORS="$top_srcdir/actors.conf" XDG_CONFIG_HOME="$WORK/cfg"
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8
WWW="$WORK/www"
mkdir -p "$WWW"
PER_ROUND=5
# feed N: the feed with items 1..N, item I published I hours after
# 2025-11-01 00:00 UTC, so the newest is first in the timeline.
feed() {
	python3 - "$WWW/feed.xml" "$1" <<'PY'
import sys, email.utils
n = int(sys.argv[2])
items = "".join("<item><title>Wire item %04d</title><guid>w%d</guid>"
                "<link>https://example.org/w/%d</link><pubDate>%s</pubDate>"
                "<description>Item %d of the wire.</description></item>"
                % (i, i, i, email.utils.formatdate(1761955200 + i * 3600, usegmt=True), i)
                for i in range(1, n + 1))
open(sys.argv[1] + ".tmp", "w").write('<rss version="2.0"><channel><title>Wire</title>%s</channel></rss>' % items)
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
PY
}
feed $PER_ROUND
start_httpd "$WWW"
printf '%s name=wire\n' "$BASE/feed.xml" >"$WORK/feeds.conf"
DB="$WORK/retl.db"
"$RETL" -r -q --config "$WORK/feeds.conf" --db "$DB"
RC=$?
expect_rc "the first refresh succeeds" 0

SOCK="$WORK/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; kill $HTTPD_PID 2>/dev/null; rm -rf "$WORK"' EXIT
KEYS_PAUSE=0.3
tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 30 \
	"'$RETL' --db '$DB' --config '$WORK/feeds.conf'; echo \"EXIT=\$?\"; sleep 30"
wait_for "Wire item 0005"
expect_eq "the UI opens on the first items" "$?" 0

failed=0
moved=0
shown=0
r=1
while [ $r -le 10 ]; do
	top=$(((r + 1) * PER_ROUND))
	feed $top
	# keys while the refresh runs
	keys j j k
	"$RETL" -r --config "$WORK/feeds.conf" --db "$DB" >"$WORK/out.$r" 2>"$WORK/err.$r" &
	pid=$!
	keys j j j
	wait $pid
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$WORK/err.$r" ]; then
		failed=$((failed + 1))
		printf '# refresh %d: status %d: %s\n' "$r" "$rc" "$(cat "$WORK/err.$r")"
	fi
	# g reloads: the newest item is on top; j then Enter opens the second.
	keys g
	if wait_for "Wire item $(printf %04d $top)"; then shown=$((shown + 1)); fi
	keys j Enter
	if wait_for "https://example.org/w/$((top - 1))$"; then
		moved=$((moved + 1))
	else
		screen | sed 's/^/# /' | head -5
	fi
	keys q
	r=$((r + 1))
done
expect_eq "ten refreshes beside the UI: all exit 0 without a message" "$failed" 0
expect_eq "after each, g shows the newest item" "$shown" 10
expect_eq "after each, j and Enter open the second newest (keys work)" "$moved" 10
keys q
sleep 0.5
expect_eq "the UI quits cleanly" "$(screen | grep -c 'EXIT=0')" 1
expect_eq "the store is consistent" "$(sql "$DB" "PRAGMA integrity_check")" ok
expect_eq "foreign_key_check is empty" "$(sql "$DB" "PRAGMA foreign_key_check" | wc -l)" 0
expect_eq "every article stored, once" "$(sql "$DB" "SELECT count(*), count(DISTINCT guid) FROM articles")" \
	"$((11 * PER_ROUND))|$((11 * PER_ROUND))"

done_testing
