#!/bin/sh
# retl --refresh against a real HTTP server on 127.0.0.1: every outcome a
# feed can have, the rows it leaves and the message it prints.
. "${top_srcdir:-.}/tests/lib.sh"

WWW="$WORK/www"
mkdir -p "$WWW"

# feed_xml TITLE N [GUIDS]: an RSS 2.0 feed with N items.
feed_xml() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>%s</title><link>https://example.org/</link>\n' "$1"
	i=1
	while [ $i -le "$2" ]; do
		printf '<item><title>%s item %d</title><link>https://example.org/%d</link><guid>g%d</guid><pubDate>Thu, 09 Oct 2025 0%d:00:00 GMT</pubDate><description>Text %d</description></item>\n' "$1" $i $i $i $((i % 10)) $i
		i=$((i + 1))
	done
	printf '</channel></rss>\n'
}

feed_xml "Plain" 3 >"$WWW/rss.xml"
cat >"$WWW/atom.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:a</id>
<updated>2025-10-09T08:00:00Z</updated>
<entry><id>urn:a:1</id><title>One</title><link href="https://example.org/a1"/><updated>2025-10-09T08:00:00Z</updated></entry>
<entry><id>urn:a:2</id><title>Two</title><link href="https://example.org/a2"/><updated>2025-10-09T09:00:00Z</updated></entry>
</feed>
XML
python3 - "$WWW" <<'PY'
import sys
d = sys.argv[1]
gb = '<?xml version="1.0" encoding="GB2312"?>\n<rss version="2.0"><channel><title>商务部新闻</title><item><title>商务部公告2025年第62号</title><guid>m62</guid></item></channel></rss>\n'
open(d + "/gb2312.xml", "wb").write(gb.encode("gb2312"))
latin = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Économie</title><item><title>Les tarifs de l\'été</title><guid>e1</guid></item></channel></rss>\n'
open(d + "/latin1.xml", "wb").write(latin.encode("latin-1"))
PY
cat >"$WWW/dups.xml" <<'XML'
<rss version="2.0"><channel><title>Dups</title>
<item><title>First</title><guid>same</guid></item>
<item><title>Second</title><guid>same</guid></item>
<item><title>Third</title><guid>other</guid></item>
</channel></rss>
XML
cat >"$WWW/noids.xml" <<'XML'
<rss version="2.0"><channel><title>No ids</title>
<item><title>Alpha</title><link>https://example.org/alpha</link></item>
<item><title>Beta</title><link>https://example.org/beta</link></item>
<item><title>Gamma, no link</title></item>
</channel></rss>
XML
printf '<rss version="2.0"><channel><title>Broken</title><item><title>Kept</title><guid>k1</guid></item><item><title>Lost</title>' >"$WWW/malformed.xml"
printf '<!DOCTYPE html>\n<html><head><title>Home</title></head><body>Hello</body></html>\n' >"$WWW/page.html"

start_httpd "$WWW"

# refresh NAME URL [RETL ARGS...]: one feed named NAME into $WORK/NAME.db.
refresh() {
	name=$1
	url=$2
	shift 2
	printf '%s name=%s\n' "$url" "$name" >"$WORK/$name.conf"
	"$RETL" --refresh --config "$WORK/$name.conf" --db "$WORK/$name.db" "$@" \
		>"$WORK/out" 2>"$WORK/err"
	RC=$?
}
articles() { sql "$WORK/$1.db" "SELECT count(*) FROM articles"; }
feed_field() { sql "$WORK/$1.db" "SELECT $2 FROM feeds"; }

refresh ok "$BASE/rss.xml"
expect_rc "200: status 0" 0
expect_eq "200: three articles stored" "$(articles ok)" 3
expect_eq "200: the feed's status is 200" "$(feed_field ok last_status)" 200
expect_eq "200: quiet without a terminal" "$(cat "$WORK/err")" ""
expect_eq "200: the title is stored" "$(sql "$WORK/ok.db" "SELECT title FROM articles WHERE guid='g2'")" "Plain item 2"

refresh ok "$BASE/rss.xml" -v
expect_rc "304 with ETag: status 0" 0
expect_in "304 with ETag: -v says not modified" "$WORK/err" "not modified"
expect_eq "304 with ETag: the status is 304" "$(feed_field ok last_status)" 304
expect_eq "304 with ETag: still three articles" "$(articles ok)" 3
check "304 with ETag: If-None-Match was sent" grep -q 'GET /rss.xml "' "$WORK/requests.log"

refresh lm "$BASE/lastmod-only/rss.xml"
refresh lm "$BASE/lastmod-only/rss.xml"
expect_eq "304 with Last-Modified: the status is 304" "$(feed_field lm last_status)" 304
check "304 with Last-Modified: If-Modified-Since was sent" \
	grep -q 'GET /lastmod-only/rss.xml - [A-Z][a-z][a-z], ' "$WORK/requests.log"

refresh gz "$BASE/gzip/atom.xml"
expect_rc "gzip: status 0" 0
expect_eq "gzip: both Atom entries stored" "$(articles gz)" 2

refresh redir "$BASE/redirect/3/rss.xml"
expect_rc "a 301/302 chain is followed" 0
expect_eq "a 301/302 chain: articles stored" "$(articles redir)" 3

refresh loop "$BASE/loop"
expect_rc "a redirect loop fails" 1
expect_in "a redirect loop is explained" "$WORK/err" "redirect"
expect_in "a redirect loop names the feed" "$WORK/err" "loop ("

refresh tofile "$BASE/to-file"
expect_rc "a redirect to file:// is refused" 1
expect_eq "a redirect to file:// stores nothing" "$(articles tofile)" 0
check "file:// was not read" sh -c "! grep -q root: '$WORK/err'"

refresh toftp "$BASE/to-ftp"
expect_rc "a redirect to ftp:// is refused" 1
expect_in "a refused redirect is explained" "$WORK/err" "ftp"

refresh e404 "$BASE/status/404"
expect_rc "404 fails" 1
expect_in "404 is named" "$WORK/err" "HTTP status 404"
expect_eq "404 is recorded" "$(feed_field e404 last_status)|$(feed_field e404 last_error)" "404|HTTP status 404: no feed at this address: check the URL in feeds.conf"

refresh e500 "$BASE/status/500"
expect_rc "500 fails" 1
expect_in "500 is named" "$WORK/err" "HTTP status 500"
expect_in "... and says to try again later" "$WORK/err" "HTTP status 500: the server failed: try again later"

start=$(date +%s)
printf 'set timeout=3\n%s name=hang\n' "$BASE/hang" >"$WORK/hang.conf"
"$RETL" --refresh --config "$WORK/hang.conf" --db "$WORK/hang.db" >"$WORK/out" 2>"$WORK/err"
RC=$?
elapsed=$(($(date +%s) - start))
expect_rc "a server that never answers fails" 1
check "a server that never answers: ended in seconds ($elapsed s)" test "$elapsed" -le 10
expect_in "a server that never answers: timeout named" "$WORK/err" "timed out"
expect_in "... and what to do" "$WORK/err" "(try again later, or raise set timeout= in feeds.conf)"

refresh huge "$BASE/huge"
expect_rc "an endless body fails" 1
expect_in "an endless body is cut at the limit" "$WORK/err" "larger than the limit"
expect_in "... and says how to raise it" "$WORK/err" "(raise set max-size= in feeds.conf)"

refresh declared "$BASE/huge-declared"
expect_rc "a declared oversized body fails" 1
expect_in "a declared oversized body is refused" "$WORK/err" "larger than the limit"

refresh bomb "$BASE/gzip-bomb"
expect_rc "a gzip bomb fails" 1
expect_in "a gzip bomb is cut at the limit" "$WORK/err" "larger than the limit"

refresh bad "$BASE/malformed.xml"
expect_rc "malformed XML still succeeds" 0
expect_eq "malformed XML: the entry before the damage is kept" "$(sql "$WORK/bad.db" "SELECT title FROM articles")" "Kept"

refresh html "$BASE/page.html"
expect_rc "HTML instead of a feed fails" 1
expect_in "HTML instead of a feed is explained" "$WORK/err" "not an RSS or Atom feed"

refresh gb "$BASE/gb2312.xml"
expect_eq "GB2312: decoded to UTF-8" "$(sql "$WORK/gb.db" "SELECT title FROM articles")" "商务部公告2025年第62号"
refresh latin "$BASE/latin1.xml"
expect_eq "ISO-8859-1: decoded to UTF-8" "$(sql "$WORK/latin.db" "SELECT title FROM articles")" "Les tarifs de l'été"

refresh dups "$BASE/dups.xml"
expect_eq "duplicate ids: stored once" "$(articles dups)" 2
expect_eq "duplicate ids: the last copy wins" "$(sql "$WORK/dups.db" "SELECT title FROM articles WHERE guid='same'")" "Second"

refresh noids "$BASE/noids.xml"
cp "$WWW/noids.xml" "$WWW/noids2.xml"
refresh noids "$BASE/noids.xml" --force
expect_eq "entries without ids: stored once across refreshes" "$(articles noids)" 3

feed_xml "Changing" 2 >"$WWW/change.xml"
refresh change "$BASE/change.xml"
sed 's/Text 2/Text 2, corrected/' "$WWW/change.xml" >"$WWW/change.tmp" && mv "$WWW/change.tmp" "$WWW/change.xml"
refresh change "$BASE/change.xml" -v
expect_eq "a changed entry is not duplicated" "$(articles change)" 2
expect_eq "a changed entry is updated" "$(sql "$WORK/change.db" "SELECT summary FROM articles WHERE guid='g2'")" "Text 2, corrected"
expect_in "a changed entry is counted as updated" "$WORK/err" "0 new, 1 updated"

auth_url=$(printf '%s' "$BASE/auth/rss.xml" | sed 's|http://|http://reader:s3cret@|')
refresh auth "$auth_url"
expect_rc "a URL with a password works" 0
expect_eq "a URL with a password: articles stored" "$(articles auth)" 3
bad_auth=$(printf '%s' "$BASE/auth/rss.xml" | sed 's|http://|http://reader:wrongpass@|')
refresh badauth "$bad_auth" -v
expect_rc "a wrong password fails" 1
check "the password is never printed" sh -c "! grep -q wrongpass '$WORK/err'"
expect_in "the URL is shown with the password hidden" "$WORK/err" "reader:***@"

# interval=: a feed refreshed recently is skipped unless --force.
printf '%s name=iv interval=1h\n' "$BASE/rss.xml" >"$WORK/iv.conf"
"$RETL" -r --config "$WORK/iv.conf" --db "$WORK/iv.db"
n_before=$(grep -c 'GET /rss.xml' "$WORK/requests.log")
"$RETL" -r --config "$WORK/iv.conf" --db "$WORK/iv.db"
expect_eq "interval: a feed not due is not fetched" "$(grep -c 'GET /rss.xml' "$WORK/requests.log")" "$n_before"
"$RETL" -r --config "$WORK/iv.conf" --db "$WORK/iv.db" --force
expect_eq "interval: --force fetches it" "$(grep -c 'GET /rss.xml' "$WORK/requests.log")" "$((n_before + 1))"

# One broken feed never stops the others.
printf '%s name=a\n%s name=b\n%s name=c\n' "$BASE/status/500" "$BASE/rss.xml" "$BASE/atom.xml" >"$WORK/mix.conf"
"$RETL" -r --config "$WORK/mix.conf" --db "$WORK/mix.db" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "a failing feed among good ones: status 1" 1
expect_eq "a failing feed among good ones: the others stored" "$(sql "$WORK/mix.db" "SELECT count(*) FROM articles")" 5
expect_eq "a failing feed among good ones: one message" "$(wc -l <"$WORK/err")" 1

# The store: file mode, WAL, version.
expect_eq "the database is created mode 0600" "$(stat -c %a "$WORK/ok.db")" 600
expect_eq "the database is in WAL mode" "$(sql "$WORK/ok.db" "PRAGMA journal_mode")" wal

# A config that does not parse: status 2, file and line named, nothing fetched.
printf '%s name=x\nftp://example.org/feed\n' "$BASE/rss.xml" >"$WORK/badconf.conf"
n_before=$(wc -l <"$WORK/requests.log")
"$RETL" -r --config "$WORK/badconf.conf" --db "$WORK/badconf.db" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "a bad feeds.conf: status 2" 2
expect_in "a bad feeds.conf: file and line named" "$WORK/err" "badconf.conf:2:"
expect_eq "a bad feeds.conf: nothing fetched" "$(wc -l <"$WORK/requests.log")" "$n_before"

done_testing
