#!/bin/sh
# fulltext=yes against a real HTTP server on 127.0.0.1 (and "localhost", a
# second host): which pages are fetched, how politely (two at a time to a
# host, conditionally, set host-delay=), within which limits, what is
# stored (the text beside the kept summary) and that the analysis reads
# the page's text.
. "${top_srcdir:-.}/tests/lib.sh"

WWW="$WORK/www"
mkdir -p "$WWW"
start_httpd "$WWW"
PORT=${BASE##*:}
LOCAL="http://localhost:$PORT"
DB="$WORK/ft.db"
CONF="$WORK/feeds.conf"
export RETL_DB="$DB" RETL_CONFIG="$CONF"

# Pages: an article each, with a quote found only on the page.
python3 - "$WWW" <<'PY'
import sys
d = sys.argv[1]
head = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s | Wire</title>'
        '<script>var tracking = "<p>not text</p>";</script></head><body>'
        '<nav><a href="/">Home</a> <a href="/trade">Trade</a> <a href="/world">World</a></nav>'
        '<div class="cookie-banner">We use cookies. By continuing to browse you accept'
        ' our use of cookies and our long privacy policy.</div><main><article>'
        '<h1>%s</h1><p class="byline">By Jane Doe</p>')
tail = ('</article></main><aside class="related"><h3>Related stories</h3><ul>'
        '<li><a href="/r1">Teaser headline about port fees and shipping</a></li>'
        '<li><a href="/r2">Another teaser about tariffs on steel</a></li></ul></aside>'
        '<footer>Copyright 2025 Wire. All rights reserved.</footer></body></html>')

def page(n, title):
    body = ('<p>BEIJING, Oct %d (Wire) - China\'s Ministry of Commerce on Thursday announced'
            ' new export controls on rare earth technologies, in a move analysts said would'
            ' tighten its grip on the supply chain, page %d.</p>'
            '<p>"We will safeguard national security and interests in case %d," said He'
            ' Yadong, a spokesperson for the ministry, adding that the controls complied'
            ' with international practice.</p>'
            '<p>US Treasury Secretary Scott Bessent said on Friday that the United States'
            ' would respond, but did not give details of any measures.</p>') % (n, n, n)
    return head % (title, title) + body + tail

for n in range(1, 7):
    open("%s/p%d.html" % (d, n), "w").write(page(n, "Story %d" % n))
    open("%s/q%d.html" % (d, n), "w").write(page(10 + n, "Local story %d" % n))
for n in range(1, 5):
    open("%s/d%d.html" % (d, n), "w").write(page(20 + n, "Delayed %d" % n))
# Latin-1 text whose charset only the HTTP header gives.
latin = ('<html><head><title>Tarifs</title></head><body><article><p>La Commission'
         ' européenne a annoncé des droits de douane sur l\'acier chinois, à compter de'
         ' l\'été prochain, selon un communiqué publié à Bruxelles jeudi.</p><p>Les'
         ' importateurs réclament une période de transition plus longue pour l\'économie'
         ' européenne et ses entreprises.</p></article></body></html>')
open(d + "/latin.html", "wb").write(latin.encode("latin-1"))
gb = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
      '<title>商务部公告</title></head><body><div class="TRS_Editor"><p>商务部新闻发言人何亚东'
      '表示，中方将坚定维护国家安全和利益，有关出口管制措施符合国际通行做法，不针对任何特定国家和'
      '地区。</p><p>商务部公告2025年第62号自公布之日起正式实施，相关企业应当依法申请许可。</p>'
      '</div></body></html>')
open(d + "/gb.html", "wb").write(gb.encode("gb2312"))
open(d + "/empty.html", "w").write('<html><body><nav><a href="/a">A</a> <a href="/b">B</a>'
                                    '</nav></body></html>')
open(d + "/big.html", "w").write(page(99, "Big") + "<!-- " + "x" * 300000 + " -->")
open(d + "/other.html", "w").write(page(50, "Other feed"))
PY

item() { # GUID LINK DESCRIPTION
	printf '<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>Thu, 09 Oct 2025 08:00:00 GMT</pubDate><description>%s</description></item>\n' "$1" "$2" "$1" "$3"
}
write_feed() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title><link>%s/</link>\n' "$BASE"
		for n in 1 2 3 4 5 6; do
			item "p$n" "$BASE/slow/300/p$n.html" "Summary of story $n."
			item "q$n" "$LOCAL/slow/300/q$n.html" "Summary of local story $n."
		done
		item latin "$BASE/charset/iso-8859-1/latin.html" "Tarifs."
		item gb "$BASE/gb.html" "Chinese."
		item empty "$BASE/empty.html" "No article."
		item big "$BASE/big.html" "Too big."
		item gone "$BASE/missing.html" "Gone."
		item file "file:///etc/passwd" "A file."
		item js "javascript:alert(1)" "Script."
		printf '</channel></rss>\n'
	} >"$WWW/wire.xml"
}
write_feed
printf '<rss version="2.0"><channel><title>Other</title><item><title>O</title><link>%s/other.html</link><guid>o1</guid><description>Other summary.</description></item></channel></rss>\n' "$BASE" >"$WWW/other.xml"
cat >"$CONF" <<EOF
set max-size=200K
$BASE/wire.xml name=Wire fulltext=yes
$BASE/other.xml name=Other
EOF

run_retl --refresh -v
expect_rc "a page that failed makes the refresh exit 1" 1
expect_in "the 404 is told with its URL" "$WORK/err" "$BASE/missing.html: HTTP status 404: the page is gone"
expect_in "the page over max-size is told" "$WORK/err" "larger than the limit of 204800 bytes"
expect_in "a page without an article is told" "$WORK/err" "empty.html: no article text found"
expect_in "the summary line counts the pages" "$WORK/err" "17 pages for full text: 14 with text, 0 not modified, 2 failed"

expect_eq "pages only for http(s) links of fulltext feeds" \
	"$(sql "$DB" "SELECT count(*) FROM pages")" 17
expect_eq "no page row for file: or javascript: links" \
	"$(sql "$DB" "SELECT count(*) FROM pages WHERE url NOT LIKE 'http%'")" 0
if grep -q 'other.html' "$WORK/requests.log"; then
	fail "a feed without fulltext=yes: its pages are not fetched"
else
	pass "a feed without fulltext=yes: its pages are not fetched"
fi

# Concurrency from the server's own clock: at most two at once to a host,
# more than two at once in all (the two hosts in parallel).
concurrency() { # HOST-PATTERN
	python3 - "$WORK/timing.log" "$1" <<'PY'
import sys
spans = []
for line in open(sys.argv[1]):
    host, start, end, path = line.split()
    if sys.argv[2] in host and "/slow/" in path:
        spans.append((float(start), float(end)))
events = sorted([(s, 1) for s, e in spans] + [(e, -1) for s, e in spans])
now = peak = 0
for _, d in events:
    now += d
    peak = max(peak, now)
print(peak)
PY
}
expect_eq "at most 2 transfers at once to 127.0.0.1" "$(concurrency 127.0.0.1)" 2
expect_eq "at most 2 transfers at once to localhost" "$(concurrency localhost)" 2
expect_eq "both hosts at once: 4 transfers in all" "$(concurrency :)" 4

expect_eq "the page's text is stored" \
	"$(sql "$DB" "SELECT substr(text, 1, 40) FROM pages WHERE url LIKE '%/p3.html'")" \
	"BEIJING, Oct 3 (Wire) - China's Ministry"
expect_eq "the feed's summary is kept" \
	"$(sql "$DB" "SELECT summary FROM articles WHERE guid = 'p3'")" "Summary of story 3."
expect_eq "headline, byline, banner, teasers and footer left out" \
	"$(sql "$DB" "SELECT count(*) FROM pages WHERE text LIKE '%Story%' OR text LIKE '%Jane Doe%' OR text LIKE '%cookies%' OR text LIKE '%Teaser%' OR text LIKE '%Copyright%'")" 0
expect_eq "the analysis read the page: its quote is attributed" \
	"$(sql "$DB" "SELECT speaker FROM quotes JOIN articles a ON a.id = article_id WHERE a.guid = 'p3' AND text LIKE '%case 3%'")" \
	"He Yadong"
expect_eq "search finds words of the page" \
	"$(sql "$DB" "SELECT count(*) FROM search WHERE search MATCH 'Bessent'")" 12
expect_eq "charset from the HTTP header (ISO-8859-1, no <meta>)" \
	"$(sql "$DB" "SELECT charset, instr(text, 'européenne') > 0 FROM pages WHERE url LIKE '%latin.html'")" \
	"WINDOWS-1252|1"
expect_eq "charset from <meta http-equiv> (GB2312)" \
	"$(sql "$DB" "SELECT charset, instr(text, '商务部公告2025年第62号') > 0 FROM pages WHERE url LIKE '%gb.html'")" \
	"GB18030|1"
expect_eq "a 404 is not fetched again" \
	"$(sql "$DB" "SELECT status, due, failures FROM pages WHERE url LIKE '%missing.html'")" "404|0|1"
expect_eq "a page too large is tried again at the next refresh" \
	"$(sql "$DB" "SELECT due, failures FROM pages WHERE url LIKE '%big.html'")" "1|1"

# Nothing changed: only the feeds are asked for, and answer 304.
: >"$WORK/requests.log"
run_retl --refresh
expect_eq "an unchanged refresh fetches no page but the failed one" \
	"$(grep -c '\.html' "$WORK/requests.log")" 1

# An entry changes: its page is asked for with its ETag, and is unchanged.
sed -i 's/Summary of story 2\./Summary of story 2, updated./' "$WWW/wire.xml"
: >"$WORK/requests.log"
run_retl --refresh
if grep -q '^GET /slow/300/p2.html "' "$WORK/requests.log"; then
	pass "a changed entry's page is fetched with If-None-Match"
else
	fail "a changed entry's page is fetched with If-None-Match" "$(cat "$WORK/requests.log")"
fi
expect_eq "a 304 keeps the text" \
	"$(sql "$DB" "SELECT status, substr(text, 1, 8) FROM pages WHERE url LIKE '%/p2.html'")" \
	"304|BEIJING,"

# The page itself changes: the new text is stored and analysed again.
sed -i 's/in case 2,/in case 2 and beyond,/' "$WWW/p2.html"
sed -i 's/Summary of story 2, updated\./Summary of story 2, again./' "$WWW/wire.xml"
run_retl --refresh
expect_eq "a changed page: the new quote is in the analysis" \
	"$(sql "$DB" "SELECT count(*) FROM quotes JOIN articles a ON a.id = article_id WHERE a.guid = 'p2' AND text LIKE '%case 2 and beyond%'")" 1

# set host-delay=: requests to one host start that far apart.
printf '<rss version="2.0"><channel><title>Delay</title>' >"$WWW/delay.xml"
for n in 1 2 3 4; do item "d$n" "$BASE/d$n.html" "Delayed $n." >>"$WWW/delay.xml"; done
printf '</channel></rss>\n' >>"$WWW/delay.xml"
printf 'set host-delay=400ms\n%s/delay.xml fulltext=yes\n' "$BASE" >"$WORK/delay.conf"
: >"$WORK/timing.log"
run_retl --refresh --config "$WORK/delay.conf" --db "$WORK/delay.db"
expect_rc "the delayed refresh succeeds" 0
gaps=$(python3 - "$WORK/timing.log" <<'PY'
import sys
starts = sorted(float(l.split()[1]) for l in open(sys.argv[1]) if l.split()[3].endswith(".html"))
print(len(starts), min(b - a for a, b in zip(starts, starts[1:])) >= 0.38)
PY
)
expect_eq "four pages, each start 400 ms after the last" "$gaps" "4 True"

# set fulltext=yes for all, fulltext=no for one feed.
printf 'set fulltext=yes\n%s/other.xml\n%s/delay.xml fulltext=no\n' "$BASE" "$BASE" >"$WORK/default.conf"
run_retl --refresh --config "$WORK/default.conf" --db "$WORK/default.db"
expect_eq "set fulltext=yes applies; fulltext=no overrides it" \
	"$(sql "$WORK/default.db" "SELECT group_concat(url) FROM pages")" "$BASE/other.html"

# The reader in a real terminal: the page's text, where it comes from,
# and f for the feed's own text.
if command -v tmux >/dev/null 2>&1; then
	SOCK="$WORK/tmux.sock"
	trap 'tmux -S "$SOCK" kill-server 2>/dev/null; kill $HTTPD_PID 2>/dev/null; rm -rf "$WORK"' EXIT
	tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 30 \
		"TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 RETL_DB='$DB' RETL_CONFIG='$CONF' '$RETL'; sleep 30"
	wait_for "newest first"
	keys / c a s e space 3 Enter
	keys Enter
	wait_for "Text: the page's full text, fetched 20"
	expect_eq "the reader says the text is the page's" "$?" 0
	expect_eq "the reader shows the page's quote" "$(screen | grep -c 'said He Yadong, a spokesperson')" 1
	keys f
	wait_for "Text: the feed's own (f: the page's full text)"
	expect_eq "f switches to the feed's own text" "$?" 0
	expect_eq "the feed's summary is shown" "$(screen | grep -c '^ *Summary of story 3\.$')" 1
	keys f
	wait_for "Text: the page's full text"
	expect_eq "f again: the page's text" "$(screen | grep -c 'said He Yadong, a spokesperson')" 1
	tmux -S "$SOCK" kill-server 2>/dev/null
else
	for t in 1 2 3 4 5; do pass "# SKIP tmux not installed"; done
fi

# --extract on a saved page, from a file and from standard input.
run_retl --extract "$WWW/p1.html"
expect_rc "--extract FILE succeeds" 0
expect_eq "--extract prints paragraphs apart" "$(sed -n 2p "$WORK/out")" ""
"$RETL" --extract - <"$WWW/gb.html" >"$WORK/stdin.txt" 2>"$WORK/err"
expect_in "--extract - reads standard input" "$WORK/stdin.txt" "商务部公告2025年第62号"
run_retl --extract "$WWW/empty.html"
expect_rc "no article text: exit 1" 1
expect_in "no article text: said so" "$WORK/err" "empty.html: no article text found"
run_retl --extract "$WORK/nonexistent.html"
expect_rc "an unreadable file: exit 1" 1
expect_in "an unreadable file: named" "$WORK/err" "nonexistent.html: cannot read it"
run_retl --max-size 100K --extract "$WWW/big.html"
expect_in "--max-size bounds --extract" "$WORK/err" "larger than 102400 bytes"

done_testing
