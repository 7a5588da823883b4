#!/bin/sh
# Hostile feeds served over loopback, through retl --refresh (not just the
# parser), each beside a good feed: entities (XXE to a file and to the
# network, billion laughs, quadratic blowup), deep nesting, bodies that
# are huge or never end, broken bytes, huge fields and entry counts,
# terminal escapes.  Every refresh must end in bounded time and memory,
# keep the good feed, and name the failing one.
. "${top_srcdir:-.}/tests/lib.sh"

export RETL_ACTORS="$top_srcdir/actors.conf"
WWW="$WORK/www"
mkdir -p "$WWW"
MAX_KB=307200 # 300 MB of peak RSS
# AddressSanitizer's shadow memory and quarantine triple what a run holds
[ -n "${RETL_SANITIZERS:-}" ] && MAX_KB=$((MAX_KB * 3))
MAX_S=30

cat >"$WWW/good.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Good</title>
<item><title>Good one</title><guid>good1</guid><link>https://example.org/g1</link></item>
<item><title>Good two</title><guid>good2</guid><link>https://example.org/g2</link></item>
</channel></rss>
XML

SECRET="retl-xxe-secret-$$"
printf '%s\n' "$SECRET" >"$WORK/secret.txt"

# A listener on another loopback port: any connection to it is a leak.
rm -f "$WORK/net.port" "$WORK/net.hits"
python3 - "$WORK/net.port" "$WORK/net.hits" <<'PY' &
import socket, sys, threading
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
threading.Timer(600, lambda: os._exit(0)).start()
while True:
    c, _ = s.accept()
    with open(sys.argv[2], "a") as f:
        f.write("connection\n")
    c.close()
PY
NET_PID=$!
start_httpd "$WWW"
trap 'kill $HTTPD_PID $NET_PID 2>/dev/null; rm -rf "$WORK"' EXIT
i=0
while [ ! -s "$WORK/net.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
NET="http://127.0.0.1:$(cat "$WORK/net.port")"

cat >"$WWW/xxe-file.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://$WORK/secret.txt">]>
<rss version="2.0"><channel><title>XXE &xxe;</title>
<item><title>File &xxe; here</title><guid>x1</guid><link>https://example.org/x1</link>
<description>Leak: &xxe;</description><author>&xxe;</author></item>
</channel></rss>
XML
cat >"$WWW/xxe-net.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss SYSTEM "$NET/external.dtd" [
<!ENTITY % remote SYSTEM "$NET/param.dtd">
%remote;
<!ENTITY net SYSTEM "$NET/entity">
]>
<rss version="2.0"><channel><title>Net &net;</title>
<item><title>Net &net; here</title><guid>n1</guid><description>&net;</description></item>
</channel></rss>
XML
cat >"$WWW/escapes.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Esc &#x9b;2J&#x202e;feed</title>
<item><title>Title &amp;#27;]0;PWNED&amp;#7; &#x9b;31m &#x202e;evil&#x2066; ok</title><guid>e1</guid>
<link>https://example.org/&#x202e;x&#x9b;&amp;#27;[2J</link>
<author>a@b (Aut&#x202e;hor &#x9b;2J)</author><dc:creator>Cre&#x2067;ator&amp;#27;[1m</dc:creator>
<category>Cat&#x9b;31m&#x202e;</category><pubDate>Thu, 09 Oct 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;On October 9, 2025, China's Ministry of Commerce &amp;#27;[2J announced export controls &#x202e;on rare earths.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>On October 9, 2025, China's Ministry of Commerce &#27;]0;PWNED&#7; announced export &#x9b;31m controls &#x202e;on &#x2068;rare earths.</p>]]></content:encoded>
</item></channel></rss>
XML

# hostile NAME URL EXPECTED_RC: a refresh of the feed NAME at URL beside the
# good feed, into $WORK/NAME.db; checks time, memory, the good feed and,
# when it fails, that the message names the feed.
hostile() {
	hn=$1
	printf 'set timeout=5\n%s name=%s\n%s name=good\n' "$2" "$hn" "$BASE/good.xml" >"$WORK/$hn.conf"
	start=$(date +%s)
	/usr/bin/time -f %M -o "$WORK/$hn.rss" "$RETL" -r --config "$WORK/$hn.conf" \
		--db "$WORK/$hn.db" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	elapsed=$(($(date +%s) - start))
	rss=$(tail -1 "$WORK/$hn.rss")
	printf '# %s: %s s, peak RSS %s KB\n' "$hn" "$elapsed" "$rss"
	expect_rc "$hn: exit status $3" "$3"
	check "$hn: ended in bounded time ($elapsed s)" test "$elapsed" -le $MAX_S
	check "$hn: bounded memory ($rss KB)" test "$rss" -le $MAX_KB
	expect_eq "$hn: the good feed beside it is stored" \
		"$(sql "$WORK/$hn.db" "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.name = 'good'")" 2
	if [ "$3" -ne 0 ]; then
		expect_in "$hn: the message names the failing feed" "$WORK/err" "$hn ("
		check "$hn: one message, for the failing feed only" test "$(wc -l <"$WORK/err")" -eq 1
	fi
	# a background analysis may still hold the store: let it end.
	flock "$WORK/$hn.db.analysis.lock" true
}
# no_escapes FILE...: none of FILE holds a control or bidi character.
no_escapes() {
	python3 - "$@" <<'PY'
import re, sys
bad = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
found = [f for f in sys.argv[1:] if bad.search(open(f, encoding="utf-8", errors="replace").read())]
if found:
    print("# control characters in: " + " ".join(found))
sys.exit(1 if found else 0)
PY
}

# XXE, a local file: never read, never stored, never printed.
hostile xxe-file "$BASE/xxe-file.xml" 0
cat "$WORK/xxe-file.db"* "$WORK/out" "$WORK/err" >"$WORK/all"
check "xxe-file: the file's content is in neither store nor output" sh -c "! grep -qF '$SECRET' '$WORK/all'"
expect_eq "xxe-file: the entry is stored, entity left out" \
	"$(sql "$WORK/xxe-file.db" "SELECT title FROM articles WHERE guid='x1'")" "File here"
"$RETL" --since 2025 --db "$WORK/xxe-file.db" --format json >"$WORK/xxe.json" 2>&1
check "xxe-file: not in a summary either" sh -c "! grep -qF '$SECRET' '$WORK/xxe.json'"

# XXE, the network: an external DTD, a parameter entity and an entity on
# another loopback port; nothing ever connects to it.
hostile xxe-net "$BASE/xxe-net.xml" 0
check "xxe-net: no connection reached the other port" test ! -e "$WORK/net.hits"
expect_eq "xxe-net: the entry is stored" "$(sql "$WORK/xxe-net.db" "SELECT count(*) FROM articles WHERE guid='n1'")" 1
# the listener does work: a real connection is seen
python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1]))).close()" "$(cat "$WORK/net.port")"
sleep 0.2
check "xxe-net: (the listener sees a real connection)" test -s "$WORK/net.hits"

hostile billion "$BASE/gen/billion" 0
expect_eq "billion laughs: the entry is stored, unexpanded" \
	"$(sql "$WORK/billion.db" "SELECT length(title) < 100 FROM articles WHERE guid='b1'")" 1
check "billion laughs: the store stays small" test "$(du -k "$WORK/billion.db" | cut -f1)" -lt 10000

hostile quadratic "$BASE/gen/quadratic" 0
expect_eq "quadratic blowup: the entry is stored, unexpanded" \
	"$(sql "$WORK/quadratic.db" "SELECT coalesce(length(title), 0) < 1000 FROM articles WHERE guid='q1'")" 1

hostile nest "$BASE/gen/nest" 0
expect_eq "10,000-level nesting: the feed is recorded, the entries cut off not stored" \
	"$(sql "$WORK/nest.db" "SELECT f.title, count(a.id) FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id WHERE f.name = 'nest'")" "Nest|0"
"$RETL" -r -v --force --config "$WORK/nest.conf" --db "$WORK/nest.db" >"$WORK/out" 2>"$WORK/err"
expect_in "10,000-level nesting: -v names the feed and the damage" "$WORK/err" "nest ($BASE/gen/nest): recovered: line 2"
expect_in "10,000-level nesting: the depth limit is named" "$WORK/err" "nested deeper than 256"

hostile 100m "$BASE/gen/100m" 1
expect_in "100 MB without Content-Length: refused at the limit" "$WORK/err" "larger than the limit"
sent=$(cat "$WORK/sent-100m" 2>/dev/null || echo 0)
printf '# 100m: the server sent %s bytes\n' "$sent"
check "100 MB without Content-Length: not read to the end ($sent bytes sent)" \
	test "$sent" -gt 0 -a "$sent" -lt $((48 * 1024 * 1024))
expect_eq "100 MB without Content-Length: nothing of it stored" \
	"$(sql "$WORK/100m.db" "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.name = '100m'")" 0

hostile endless "$BASE/gen/endless" 1
expect_in "a body that never ends: cut by the timeout" "$WORK/err" "timed out"

hostile badutf8 "$BASE/gen/badutf8" 0
expect_eq "invalid UTF-8: every stored text is valid UTF-8" "$(python3 - "$WORK/badutf8.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.text_factory = bytes
bad = 0
for row in db.execute("SELECT title, link, guid, author, summary, content FROM articles"):
    for v in row:
        if v is not None:
            try:
                v.decode("utf-8")
            except UnicodeDecodeError:
                bad += 1
print(bad)
PY
)" 0
expect_eq "invalid UTF-8: the entry is stored, bad bytes replaced" \
	"$(sql "$WORK/badutf8.db" "SELECT count(*) FROM articles WHERE title LIKE 'Bad %title'")" 1

hostile nul "$BASE/gen/nul" 0
expect_eq "NUL bytes: no stored text holds a NUL" \
	"$(sql "$WORK/nul.db" "SELECT count(*) FROM articles WHERE instr(CAST(title AS BLOB), x'00') OR instr(CAST(summary AS BLOB), x'00')")" 0

hostile bigtitle "$BASE/gen/bigtitle" 0
expect_eq "a 1 MB title: the entry is stored" \
	"$(sql "$WORK/bigtitle.db" "SELECT count(*) FROM articles WHERE guid='t1'")" 1

MAX_S=60 # 100,000 entries stored and analysed: 7 s here, 18 s under make -j2 check
hostile many "$BASE/gen/many" 0
MAX_S=30
expect_eq "100,000 entries: all stored" \
	"$(sql "$WORK/many.db" "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.name = 'many'")" 100000

hostile escapes "$BASE/escapes.xml" 0
for fmt in text markdown json csv svg; do
	"$RETL" --since 2025 --db "$WORK/escapes.db" --format $fmt >"$WORK/esc.$fmt" 2>&1
done
check "escapes: the summary has the event" grep -q "announced export" "$WORK/esc.text"
"$RETL" --since 2025 --db "$WORK/escapes.db" --grep rare >"$WORK/esc.rare" 2>&1
check "escapes: a word wrapped in a bidi isolate is still found by --grep" \
	grep -q "announced export" "$WORK/esc.rare"
check "escapes: no control or bidi character in any summary format" \
	no_escapes "$WORK/esc.text" "$WORK/esc.markdown" "$WORK/esc.json" "$WORK/esc.csv" "$WORK/esc.svg"
"$RETL" -r -v --force --config "$WORK/escapes.conf" --db "$WORK/escapes.db" >"$WORK/esc.out" 2>"$WORK/esc.err"
check "escapes: none in the refresh's messages" no_escapes "$WORK/esc.out" "$WORK/esc.err"

# The UI on those stores: no escape reaches the terminal (the title set by
# OSC 0 would show as the pane's title), no secret on the screen.
if command -v tmux >/dev/null 2>&1; then
	SOCK="$WORK/tmux.sock"
	trap 'tmux -S "$SOCK" kill-server 2>/dev/null; kill $HTTPD_PID $NET_PID 2>/dev/null; rm -rf "$WORK"' EXIT
	export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$WORK/cfg"
	tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 30 \
		"'$RETL' --db '$WORK/escapes.db' --config /dev/null; sleep 30"
	tmux -S "$SOCK" set-option -g allow-rename on >/dev/null 2>&1
	tmux -S "$SOCK" set-option -g set-titles on >/dev/null 2>&1
	wait_for "Title "
	expect_eq "escapes, UI: the event is shown" "$?" 0
	sleep 0.5
	tmux -S "$SOCK" send-keys / e x p o r t Enter
	wait_for "search: export"
	sleep 0.5
	tmux -S "$SOCK" send-keys Enter
	wait_for "Actors:"
	expect_eq "escapes, UI: the article opens" "$?" 0
	screen >"$WORK/esc.screen"
	check "escapes, UI: the text is shown" grep -q "rare earths" "$WORK/esc.screen"
	check "escapes, UI: no OSC title reached the terminal" \
		sh -c "! tmux -S '$SOCK' display -p '#{pane_title}' | grep -q PWNED"
	check "escapes, UI: the screen was not cleared by the feed" grep -q "Actors:" "$WORK/esc.screen"
	tmux -S "$SOCK" send-keys q q
	tmux -S "$SOCK" kill-server 2>/dev/null
	# a new server on its own socket: reusing the one just killed races
	SOCK="$WORK/tmux2.sock"
	tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 30 \
		"'$RETL' --db '$WORK/xxe-file.db' --config /dev/null; sleep 30"
	wait_for "retl timeline"
	expect_eq "xxe-file, UI: the UI runs on that store" "$?" 0
	screen >"$WORK/xxe.screen"
	check "xxe-file, UI: the secret is not on the screen" sh -c "! grep -qF '$SECRET' '$WORK/xxe.screen'"
	tmux -S "$SOCK" kill-server 2>/dev/null
fi

done_testing
