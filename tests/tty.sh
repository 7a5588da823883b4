#!/bin/sh
# retl --refresh on a real terminal (tmux): one progress line that ends in
# a summary, and the failed feed named on its own line.
. "${top_srcdir:-.}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux not installed"
	exit 0
fi

WWW="$WORK/www"
mkdir -p "$WWW"
i=0
while [ $i -lt 12 ]; do
	printf '<rss version="2.0"><channel><title>F%d</title><item><title>A</title><guid>a%d</guid></item><item><title>B</title><guid>b%d</guid></item></channel></rss>\n' $i $i $i >"$WWW/f$i.xml"
	echo "f$i.xml" >>"$WORK/list"
	i=$((i + 1))
done
start_httpd "$WWW" --latency 100
sed "s|^|$BASE/|" "$WORK/list" >"$WORK/feeds.conf"
echo "$BASE/status/404 name=gone" >>"$WORK/feeds.conf"

SOCK="$WORK/tmux.sock"
tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 20 \
	"'$RETL' -r -j 2 --config '$WORK/feeds.conf' --db '$WORK/t.db'; echo \"rc=\$?\"; sleep 30"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; kill $HTTPD_PID 2>/dev/null; rm -rf "$WORK"' EXIT

# While it runs: a progress line counting feeds.
seen_progress=no
n=0
while [ $n -lt 100 ]; do
	screen=$(tmux -S "$SOCK" capture-pane -p)
	case "$screen" in
	*"Refreshing: "*" of 13 feeds"*) seen_progress=yes ;;
	esac
	case "$screen" in *rc=*) break ;; esac
	sleep 0.05
	n=$((n + 1))
done
expect_eq "a progress line shows while refreshing" "$seen_progress" yes
screen=$(tmux -S "$SOCK" capture-pane -p)
printf '%s\n' "$screen" >"$WORK/screen"
expect_in "the summary counts the new articles" "$WORK/screen" "13 feeds: 24 new articles, 0 updated, 1 failed"
expect_in "the failed feed is named" "$WORK/screen" "gone ($BASE/status/404): HTTP status 404"
expect_in "the status is 1" "$WORK/screen" "rc=1"
check "the progress line is gone at the end" sh -c "! grep -q 'Refreshing:' '$WORK/screen'"


# The user interface on a store it cannot create: the store named once.
# A server on a socket of its own: reusing the one just killed races.
tmux -S "$SOCK" kill-server 2>/dev/null
SOCK="$WORK/tmux2.sock"
tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 20 \
	"'$RETL' --config '$WORK/feeds.conf' --db '$WORK/list/retl.db' 2>'$WORK/ui.err'; echo \"rc=\$?\" >'$WORK/ui.rc'; sleep 30"
n=0
while [ ! -s "$WORK/ui.rc" ] && [ $n -lt 400 ]; do
	sleep 0.05
	n=$((n + 1))
done
expect_eq "the UI on a store it cannot create: status 1" "$(cat "$WORK/ui.rc")" "rc=1"
expect_eq "... names the store once and says why" "$(cat "$WORK/ui.err")" \
	"retl: $WORK/list/retl.db: cannot create the store: Not a directory"

done_testing
