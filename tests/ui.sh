#!/bin/sh
# The user interface, driven in a real terminal (tmux) on the demo corpus:
# open, scroll, read an article and come back, filter to MOFCOM, a date
# range, a search, the quotes, help, resizing, quitting; hostile titles
# and wide characters.
. "${top_srcdir:-.}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux not installed"
	exit 0
fi
export RETL_DEMO_DIR="${top_srcdir:-.}/data/demo" RETL_ACTORS="${top_srcdir:-.}/actors.conf"
export XDG_CONFIG_HOME="$WORK/cfg" TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8
SOCK="$WORK/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT


tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 30 \
	"'$RETL' --demo; echo \"EXIT=\$?\"; sleep 30"

wait_for "events, newest first"
expect_eq "the demo opens on the timeline" "$?" 0
expect_eq "rows are shown" "$(screen | sed -n '3,28p' | grep -c '20[0-9][0-9]')" 26
keys j j j Down
keys Enter
wait_for "Actors:"
expect_eq "Enter opens an article" "$?" 0
keys q
wait_for "events, newest first"
expect_eq "q comes back to the timeline" "$?" 0

keys a
wait_for "type to filter"
expect_eq "a opens the actor picker" "$?" 0
keys M O F C O M Enter
wait_for "actors: MOFCOM"
expect_eq "the filter shows in the status line" "$?" 0
rows=$(screen | sed -n '3,29p' | grep '20[0-9][0-9]')
expect_eq "every row shown involves MOFCOM" \
	"$(printf '%s\n' "$rows" | grep -vc 'MOFCOM')" 0
expect_eq "and there are such rows" "$([ -n "$rows" ] && echo yes)" yes
keys A
keys d
keys 2 0 2 5 - 1 0 Enter
wait_for "dates: 2025-10-01..2025-10-31"
expect_eq "d sets a date range" "$?" 0
expect_eq "every row is in October 2025" \
	"$(screen | sed -n '3,29p' | grep '20[0-9][0-9]' | grep -vc '^. *2025-\(10\|W4[0-4]\)')" 0
keys d Enter
keys / s o y b e a n s Enter
wait_for "search: soybeans"
expect_eq "/ searches" "$?" 0
expect_eq "the search finds rows" "$(screen | sed -n '3,29p' | grep -c '20[0-9][0-9]')" \
	"$(screen | sed -n '3,29p' | grep -c '20[0-9][0-9]' | awk '$1 > 0')"
keys / BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace Enter
keys '"'
wait_for "retl quotes"
expect_eq "\" shows the quotes" "$?" 0
expect_eq "quotes have speakers" "$(screen | grep -c 'Scott Bessent')" \
	"$(screen | grep -c 'Scott Bessent' | awk '$1 > 0')"
keys q
keys '?'
wait_for "this help"
expect_eq "? shows the help" "$?" 0
keys q
expect_eq "the status line tells the last refresh" "$(screen | tail -1 | grep -c 'last refresh 20')" 1
keys R
wait_for "refresh done"
expect_eq "R refreshes in the background and says when it is done" "$?" 0
expect_eq "the timeline is still there after it" "$(screen | grep -c 'newest first')" 1
tmux -S "$SOCK" resize-window -x 60 -y 15
sleep 0.5
expect_eq "60x15 still draws the timeline" "$(screen | grep -c 'newest first')" 1
tmux -S "$SOCK" resize-window -x 30 -y 8
sleep 0.5
expect_eq "30x8 says it is too small" "$(screen | grep -c 'too small')" 1
tmux -S "$SOCK" resize-window -x 120 -y 30
sleep 0.5
expect_eq "back to 120x30" "$(screen | grep -c 'newest first')" 1

# Wide characters: the row of the Chinese report keeps the columns.
python3 - "$(screen)" <<'PY' >"$WORK/widths"
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [l for l in sys.argv[1].split("\n")[2:-1] if l.strip()]
print(max(width(l) for l in rows) <= 120)
PY
expect_eq "no row is wider than the window" "$(cat "$WORK/widths")" True

keys q
wait_for "EXIT=0"
expect_eq "q quits with status 0" "$?" 0
expect_eq "the terminal is restored (the UI is gone)" "$(screen | grep -c 'newest first')" 0

# Hostile titles: escape sequences, BEL, CR and a right-to-left override.
mkdir -p "$WORK/hostile"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>H</title>
<item><title>\033[31mRED\033[0m ring\007 CR\rX \342\200\256evil</title><guid>h1</guid><pubDate>Fri, 21 Nov 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Body.&lt;/p&gt;</description></item>
<item><title>商务部新闻发言人就稀土出口管制答记者问</title><guid>h2</guid><pubDate>Thu, 20 Nov 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;正文。&lt;/p&gt;</description></item></channel></rss>\n' >"$WORK/hostile/01-hostile.xml"
export RETL_DEMO_DIR="$WORK/hostile"
tmux -S "$SOCK" kill-server 2>/dev/null
sleep 1
tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 20 \
	"'$RETL' --demo; echo \"EXIT=\$?\"; sleep 30"
wait_for "newest first"
expect_eq "a feed of hostile titles opens" "$?" 0
expect_eq "the title's words show" "$(screen | grep -c 'RED.*ring')" 1
expect_eq "no escape sequence reaches the terminal" \
	"$(tmux -S "$SOCK" capture-pane -p -e | grep -c "$(printf "\033")\[31m")" 0
expect_eq "no right-to-left override reaches the terminal" \
	"$(screen | grep -c "$(printf '\342\200\256')")" 0
expect_eq "the Chinese title is shown whole" "$(screen | grep -c '答记者问')" 1
python3 - "$(screen)" <<'PY' >"$WORK/cols"
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [l for l in sys.argv[1].split("\n") if "2025-11-2" in l and "hostile" in l]
# the source column (feed name "hostile") starts at the same column in every row
print(sorted(set(width(l[:l.rfind("hostile")]) for l in rows)))
PY
expect_eq "columns stay aligned with wide characters" "$(wc -w <"$WORK/cols" | tr -d ' ')" 1
keys q
wait_for "EXIT=0"
expect_eq "and quits cleanly" "$?" 0

# A refresh from cron while the UI is open: nothing breaks, and the new
# events show on the next reload (g).  The feed's URL carries a password,
# which the source column never shows.
tmux -S "$SOCK" kill-server 2>/dev/null
sleep 1
mkdir -p "$WORK/www"
item() { printf '<item><title>%s</title><guid>%s</guid><pubDate>%s</pubDate><description>&lt;p&gt;%s&lt;/p&gt;</description></item>' "$@"; }
{
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title></title>'
	item "MOFCOM issues Announcement No. 61" a1 "Thu, 09 Oct 2025 08:00:00 GMT" "The ministry said on Thursday that controls apply."
	printf '</channel></rss>'
} >"$WORK/www/live.xml"
start_httpd "$WORK/www"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; kill $HTTPD_PID 2>/dev/null; rm -rf "$WORK"' EXIT
echo "$(echo "$BASE" | sed 's|http://|http://analyst:s3cret@|')/live.xml" >"$WORK/live.conf"
"$RETL" --refresh -q --config "$WORK/live.conf" --db "$WORK/live.db"
tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 20 \
	"'$RETL' --db '$WORK/live.db' --config '$WORK/live.conf'; echo \"EXIT=\$?\"; sleep 30"
wait_for "Announcement No. 61"
expect_eq "the UI shows the stored article" "$?" 0
expect_eq "the source column never shows the password" "$(screen | grep -c 's3cret')" 0
expect_eq "but shows the feed's address, as it has no name" \
	"$(screen | grep -c 'http://analyst' | awk '$1 > 0 { print "yes" }')" yes
{
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title></title>'
	item "MOFCOM issues Announcement No. 61" a1 "Thu, 09 Oct 2025 08:00:00 GMT" "The ministry said on Thursday that controls apply."
	item "Port fees take effect" a2 "Tue, 14 Oct 2025 08:00:00 GMT" "Fees on US ships began on Tuesday."
	printf '</channel></rss>'
} >"$WORK/www/live.xml"
keys j Enter
"$RETL" --refresh -q --config "$WORK/live.conf" --db "$WORK/live.db"
expect_eq "a refresh runs beside the open UI" "$?" 0
keys q g
wait_for "Port fees take effect"
expect_eq "its new events show on the next reload" "$?" 0
keys q
wait_for "EXIT=0"
expect_eq "the UI quits cleanly after it" "$?" 0

# A first run, in a fresh home with no feeds.conf: one screen (80x24) that
# says where the feeds come from, how to add feeds and how to fetch them.
tmux -S "$SOCK" kill-server 2>/dev/null
sleep 1
FRESH="$WORK/fresh"
tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
	"env -u RETL_CONFIG -u RETL_DB HOME='$FRESH' XDG_CONFIG_HOME='$FRESH/cfg' \
	XDG_DATA_HOME='$FRESH/data' '$RETL'; echo \"EXIT=\$?\"; sleep 30"
wait_for "Welcome to retl"
expect_eq "a first run greets the user" "$?" 0
screen | tr -s ' \n' ' ' >"$WORK/welcome"
SHIPPED=$(cd "$top_srcdir" && pwd)/feeds.conf
expect_in "... says retl uses the list it ships, and where it is" "$WORK/welcome" \
	"You have no feeds.conf of your own, so retl uses the list it ships, $SHIPPED: 11 feeds, from USTR, BIS, OFAC"
expect_in "... how to fetch them" "$WORK/welcome" "Press R to fetch them now, or run retl --refresh"
expect_in "... how to add a feed, and the file it goes to" "$WORK/welcome" \
	"retl --add-feed URL [name=NAME] checks a feed and adds it to $FRESH/cfg/retl/feeds.conf"
expect_in "... how to import from another reader" "$WORK/welcome" "retl --import-opml FILE"
expect_in "... that the shipped feeds are kept" "$WORK/welcome" "starts as a copy of the shipped list"
expect_in "... all of it on one screen, down to the demo" "$WORK/welcome" "quit with q and run retl --demo"
check "the store is created on demand under XDG_DATA_HOME, 0600" test "$(stat -c %a "$FRESH/data/retl/retl.db")" = 600
keys q
wait_for "EXIT=0"
expect_eq "and quits with 0" "$?" 0

# With a feed list of the user's own: its size, then R fills the timeline.
DEMO=$(cd "${top_srcdir:-.}/data/demo" && pwd)
for f in "$DEMO"/01-mofcom.xml "$DEMO"/02-ustr.xml; do echo "file://$f"; done >"$WORK/own.conf"
tmux -S "$SOCK" kill-server 2>/dev/null
sleep 1
tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 24 \
	"'$RETL' --db '$WORK/own.db' --config '$WORK/own.conf'; echo \"EXIT=\$?\"; sleep 30"
wait_for "Welcome to retl"
expect_in "a list of the user's own is named with its size" "$(screen | tr -s ' \n' ' ' >"$WORK/welcome"; echo "$WORK/welcome")" \
	"Your feed list, $WORK/own.conf, has 2 feeds."
keys R
wait_for "refresh done"
keys g
wait_for "MOFCOM"
expect_eq "R fetches them and the timeline replaces the welcome" "$(screen | grep -c 'Welcome to retl')" 0
keys q
tmux -S "$SOCK" kill-server 2>/dev/null
sleep 1
printf 'not a url\n' >"$WORK/broken.conf"
tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 24 \
	"'$RETL' --db '$WORK/empty.db' --config '$WORK/broken.conf'; echo \"EXIT=\$?\"; sleep 30"
wait_for "Welcome to retl"
expect_in "a broken feed list is named with its error on the first screen" \
	"$(screen | tr -s ' \n' ' ' >"$WORK/welcome"; echo "$WORK/welcome")" "The feed list has an error: $WORK/broken.conf:1:"
keys q

# The same walk under valgrind: no invalid access, no leak.  Not with ASan
# (--enable-sanitizers), which does that check itself and valgrind cannot run.
if [ -n "${RETL_SANITIZERS:-}" ]; then
	printf 'ok %d - # SKIP under valgrind: retl is built with ASan\n' "$((TAP_N += 1))"
elif command -v valgrind >/dev/null 2>&1; then
	tmux -S "$SOCK" kill-server 2>/dev/null
	sleep 1
	tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
		"valgrind -q --leak-check=full --show-leak-kinds=definite \
		--errors-for-leak-kinds=definite --error-exitcode=9 \
		'$RETL' --db '$WORK/live.db' --config '$WORK/live.conf' 2>'$WORK/vg.log'; \
		echo \"EXIT=\$?\"; sleep 30"
	wait_for "Port fees"
	for k in j Enter q a M Enter '"' Enter q q '?' q s / p o r t Enter n G g; do
		keys "$k"
	done
	keys q
	sleep 1
	wait_for "EXIT="
	expect_eq "under valgrind: exit 0, no errors, no leaks" "$(screen | grep -o 'EXIT=[0-9]*')" EXIT=0
	[ -s "$WORK/vg.log" ] && sed 's/^/# /' "$WORK/vg.log" | head -20
fi
done_testing
