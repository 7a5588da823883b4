#!/bin/sh
# The command line as users meet it: options, exit statuses, messages.
. "${top_srcdir:-.}/tests/lib.sh"

run_retl --help
expect_rc "--help exits 0" 0
expect_in "--help lists --parse" "$WORK/out" "--parse FILE"
expect_eq "--help fits on one screen: at most 23 lines" "$(test "$(wc -l <"$WORK/out")" -le 23 && echo yes)" yes
expect_eq "... of at most 80 columns" "$(awk 'length($0) > 80' "$WORK/out")" ""
missing=
for opt in $(sed -n 's/^[[:space:]]*{"\([a-z-]*\)", [a-z_]*argument.*/\1/p' "$top_srcdir/src/main.c"); do
	grep -q -- "--$opt" "$WORK/out" || missing="$missing --$opt"
done
expect_eq "--help names every long option of src/main.c" "$missing" ""

run_retl --version
expect_rc "--version exits 0" 0
expect_in "--version names retl" "$WORK/out" "retl "

run_retl --no-such-option
expect_rc "an unknown option is bad usage" 2
expect_in "an unknown option is named" "$WORK/err" "--no-such-option"

run_retl
expect_rc "no command is bad usage" 2

run_retl --parse
expect_rc "--parse without a file is bad usage" 2

run_retl --parse x.xml --max-size lots
expect_rc "a bad --max-size is bad usage" 2
expect_in "a bad --max-size is named" "$WORK/err" "lots"

cat >"$WORK/feed.xml" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>MOFCOM news</title>
<link>/en/</link>
<item><title>Announcement No. 62 of 2025</title><link>a62.html</link>
<pubDate>Thu, 9 Oct 2025 16:00:00 +0800</pubDate></item>
</channel></rss>
XML

run_retl --parse "$WORK/feed.xml" --url http://english.mofcom.gov.cn/news/
expect_rc "a feed parses with status 0" 0
check "the output is valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out"
expect_in "a relative link resolves against --url" "$WORK/out" '"link": "http://english.mofcom.gov.cn/news/a62.html"'
expect_in "the date is in UTC" "$WORK/out" '"published": "2025-10-09T08:00:00Z"'

"$RETL" --parse - <"$WORK/feed.xml" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "--parse - reads standard input" 0
expect_in "standard input gives the entries" "$WORK/out" '"title": "Announcement No. 62 of 2025"'

run_retl --parse "$WORK/missing.xml"
expect_rc "a missing file exits 1" 1
expect_in "a missing file is named" "$WORK/err" "missing.xml"

printf '<!DOCTYPE html>\n<html><body><p>Not a feed</p></body></html>\n' >"$WORK/page.html"
run_retl --parse "$WORK/page.html"
expect_rc "an HTML page exits 1" 1
expect_in "an HTML page is not a feed" "$WORK/err" "not an RSS or Atom feed"
if [ -s "$WORK/out" ]; then fail "nothing on stdout for a refused document"; else pass "nothing on stdout for a refused document"; fi

printf '{"items": []}\n' >"$WORK/body.json"
run_retl --parse "$WORK/body.json"
expect_rc "a JSON body exits 1" 1
expect_in "a JSON body is not a feed" "$WORK/err" "not an RSS or Atom feed"

run_retl --parse "$WORK/feed.xml" --max-size 100
expect_rc "a document over --max-size exits 1" 1
expect_in "the size limit is explained" "$WORK/err" "larger than the limit"

# A 40 MB file is refused from its size alone, before any of it is read.
dd if=/dev/zero of="$WORK/big.xml" bs=1M count=0 seek=40 2>/dev/null
start=$(date +%s)
run_retl --parse "$WORK/big.xml"
elapsed=$(($(date +%s) - start))
expect_rc "a document over the default 32 MiB limit exits 1" 1
expect_in "the default limit is explained" "$WORK/err" "larger than the limit of 33554432 bytes"
check "the oversized file is refused at once" test "$elapsed" -le 2

# Hostile article text costs time and output in proportion to its size:
# one 1 MB "sentence" full of dates (an event's text is an excerpt, not
# the whole sentence), one that quotes itself over and over (quotes are
# bounded by the article's own size, their offsets counted once), and
# 60,000 citations (listed once each, without comparing every pair).
python3 - "$WORK/dates.txt" "$WORK/selfquote.txt" "$WORK/citations.txt" <<'PY'
import sys
open(sys.argv[1], "w").write(" ".join(["on Thursday last week in April 2025 next month"] * 8000))
open(sys.argv[3], "w").write(" ".join("Order No. %d and" % i for i in range(60000)))
open(sys.argv[2], "w").write(" ".join(['"the talks," said Bessent, "go on" and'] * 10000))
PY
for f in dates selfquote citations; do
	start=$(date +%s)
	RETL_ACTORS="$top_srcdir/actors.conf" "$RETL" --analyze "$WORK/$f.txt" --date 2025-11-21 >"$WORK/$f.json" 2>"$WORK/err"
	RC=$?
	elapsed=$(($(date +%s) - start))
	expect_rc "$f: --analyze of a hostile article succeeds" 0
	check "$f: in bounded time" test "$elapsed" -le 10
	in=$(wc -c <"$WORK/$f.txt")
	out=$(wc -c <"$WORK/$f.json")
	check "$f: output ($out bytes) bounded by the input ($in bytes)" test "$out" -le $((in * 60))
done
check "dates: event texts are excerpts" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(not (len(d['events']) > 1000 and max(len(e['text']) for e in d['events']) <= 480))" "$WORK/dates.json"


# Error messages name the thing once, say what is wrong and what to do.
run_retl --since 2025 --db "$WORK/nostore.db"
expect_rc "--since without a store exits 1" 1
expect_eq "--since without a store: the store named once, and what to do" "$(cat "$WORK/err")" \
	"retl: $WORK/nostore.db: the store does not exist yet (run retl --refresh first)"
run_retl --reanalyze --db "$WORK/nostore.db"
expect_rc "--reanalyze without a store exits 1" 1
expect_eq "--reanalyze without a store: the store named once, and what to do" "$(cat "$WORK/err")" \
	"retl: $WORK/nostore.db: the store does not exist yet (run retl --refresh first)"
run_retl --list-actors --db "$WORK/nostore.db"
expect_eq "--list-actors without a store: the store named once" \
	"$(grep -o "$WORK/nostore.db" "$WORK/err" | wc -l)" 1
run_retl --since 2025 --db "$WORK/feed.xml"
expect_rc "--since on a file that is not a store exits 1" 1
expect_eq "... the file named once" "$(grep -o "$WORK/feed.xml" "$WORK/err" | wc -l)" 1
printf '' >"$WORK/empty.conf"
run_retl --refresh --config "$WORK/empty.conf" --db "$WORK/feed.xml/retl.db"
expect_rc "--refresh with a store that cannot be created exits 1" 1
expect_eq "... names it once and says why" "$(cat "$WORK/err")" \
	"retl: $WORK/feed.xml/retl.db: cannot take the refresh lock: Not a directory"
run_retl --refresh --config "$WORK/no-such.conf" --db "$WORK/r.db"
expect_rc "--refresh with a missing feeds.conf exits 2" 2
expect_eq "... names it and points to feeds.conf(5)" "$(cat "$WORK/err")" \
	"retl: $WORK/no-such.conf: No such file or directory (see feeds.conf(5))"
printf 'https://a.example/f colour=red\n' >"$WORK/bad.conf"
run_retl --refresh --config "$WORK/bad.conf" --db "$WORK/r.db"
expect_rc "--refresh with a bad feeds.conf exits 2" 2
expect_eq "... names the file and line, and points to feeds.conf(5)" "$(cat "$WORK/err")" \
	"retl: $WORK/bad.conf:1: unknown feed setting 'colour' (see feeds.conf(5))"
run_retl --since 2025 --db "$WORK/nostore.db" --format svgz
expect_rc "an unknown --format is bad usage" 2
expect_in "... named, with the formats to try" "$WORK/err" \
	"retl: --format: unknown format 'svgz' (try text, markdown, json, csv or svg)"
RETL_ACTORS="$top_srcdir/actors.conf" "$RETL" --analyze "$WORK/missing.txt" --date 2025-11-21 \
	>"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "--analyze of a missing file exits 1" 1
expect_eq "... names it and says why" "$(cat "$WORK/err")" \
	"retl: $WORK/missing.txt: cannot read it: No such file or directory"

done_testing
