#!/bin/sh
# retl --add-feed URL [key=value...]: a feed is checked by fetching it
# (from a real HTTP server on 127.0.0.1) before its line is appended to
# the user's feeds.conf; a web page that links to one feed gives that
# feed, to several lists them; what is not a feed, cannot be fetched, or
# is already listed changes nothing.
. "${top_srcdir:-.}/tests/lib.sh"

unset RETL_CONFIG
WWW="$WORK/www"
mkdir -p "$WWW"
cp "$FEEDS/rss20-full.xml" "$WWW/feed.xml" 2>/dev/null || cp "$(ls "$FEEDS"/*.xml | head -1)" "$WWW/feed.xml"
cat >"$WWW/atom.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry &amp; News</title><id>urn:x</id>
<updated>2025-10-09T08:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><updated>2025-10-09T08:00:00Z</updated></entry>
<entry><title>Two</title><id>urn:2</id><updated>2025-10-09T08:00:00Z</updated></entry>
</feed>
XML
cat >"$WWW/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Ministry</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/atom+xml" title="News" href="atom.xml">
</head><body><p>Welcome</p></body></html>
HTML
cat >"$WWW/two.html" <<'HTML'
<html><head>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="Alternate home" type="application/atom+xml; charset=utf-8" href="https://example.org/a.atom">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
</head><body></body></html>
HTML
printf '<html><head><title>Nothing</title></head><body>no feed here</body></html>\n' >"$WWW/none.html"
cat >"$WWW/bad-link.html" <<'HTML'
<html><head><link rel="alternate" type="application/rss+xml" href="none.html"></head></html>
HTML
start_httpd "$WWW"
CONF="$WORK/feeds.conf"

run_retl --config "$CONF" --add-feed "$BASE/atom.xml" name="Ministry news" actor=MOFCOM tags=china,official interval=2h
expect_rc "a feed is added: status 0" 0
expect_eq "its line is appended with the settings given" "$(grep -v '^#' "$CONF")" \
	"$BASE/atom.xml name=\"Ministry news\" actor=MOFCOM tags=china,official interval=2h"
expect_in "the report names the feed, its format and entries, and the file" "$WORK/out" \
	"Added \"Ministry & News\" (Atom 1.0, 2 entries now) to $CONF."
expect_in "... and says how to fetch it" "$WORK/out" "Run retl --refresh (or press R in retl) to fetch it."
expect_eq "a new feeds.conf is 0600" "$(stat -c %a "$CONF")" 600
check "the line reads back: a refresh of that feeds.conf works" \
	"$RETL" --refresh -q --config "$CONF" --db "$WORK/r.db"

cp "$CONF" "$WORK/before"
run_retl --config "$CONF" --add-feed "$BASE/atom.xml"
expect_rc "a feed already listed: status 0" 0
expect_in "... says so" "$WORK/out" "$BASE/atom.xml is already in $CONF."
check "... and changes nothing" cmp -s "$CONF" "$WORK/before"

run_retl --config "$CONF" --add-feed "$BASE/page.html"
expect_rc "a page that links to one feed: status 0" 0
expect_in "... which is already listed" "$WORK/out" "the feed it links to, $BASE/atom.xml, is already in $CONF"
check "... and changes nothing then" cmp -s "$CONF" "$WORK/before"
run_retl --config "$WORK/page.conf" --add-feed "$BASE/page.html" name=Mini
expect_eq "a page's one feed is added under its own URL, with the settings" \
	"$(grep -v '^#' "$WORK/page.conf")" "$BASE/atom.xml name=Mini"
expect_in "... saying which feed it took" "$WORK/out" "$BASE/page.html is a web page; it links to the feed $BASE/atom.xml."

run_retl --config "$CONF" --add-feed "$BASE/two.html"
expect_rc "a page that links to several feeds: status 1" 1
expect_in "... lists them, resolved, once each" "$WORK/err" "links to 2 feeds; add the one you want:"
expect_in "... the relative one" "$WORK/err" "  retl --add-feed $BASE/feed.xml"
expect_in "... the absolute one (rel with other words, type with parameters)" "$WORK/err" "  retl --add-feed https://example.org/a.atom"
check "... never a file: link" sh -c "! grep -q 'file:' '$WORK/err'"
check "... and adds nothing" cmp -s "$CONF" "$WORK/before"

run_retl --config "$CONF" --add-feed "$BASE/none.html"
expect_rc "a page without feeds: status 1" 1
expect_in "... says it is no feed and links to none" "$WORK/err" "$BASE/none.html: "
expect_in "... and that nothing was added" "$WORK/err" "and the page links to no feed; nothing added"
run_retl --config "$CONF" --add-feed "$BASE/bad-link.html"
expect_in "a page whose one link is no feed either: named" "$WORK/err" "links to $BASE/none.html, which is not a feed either"
run_retl --config "$CONF" --add-feed "$BASE/status/404"
expect_rc "a URL that cannot be fetched: status 1" 1
expect_in "... named with the reason" "$WORK/err" "retl: cannot fetch $BASE/status/404: "
expect_in "... nothing added" "$WORK/err" "; nothing added"
check "none of them changed feeds.conf" cmp -s "$CONF" "$WORK/before"

run_retl --config "$CONF" --add-feed ftp://example.org/feed
expect_rc "an ftp URL: status 2" 2
expect_in "... refused by feeds.conf's rule" "$WORK/err" "'ftp://example.org/feed' is not an http or https URL"
run_retl --config "$CONF" --add-feed "$BASE/feed.xml" colour=red
expect_rc "an unknown setting: status 2" 2
expect_in "... lists the settings there are" "$WORK/err" "unknown setting 'colour' (name, actor, tags, interval, fulltext or user-agent"
run_retl --config "$CONF" --add-feed "$BASE/feed.xml" interval=soon
expect_rc "a bad interval: status 2" 2
expect_in "... says what to write" "$WORK/err" "invalid interval 'soon' (try 30m, 2h or 1d)"
run_retl --config "$CONF" --add-feed "$BASE/feed.xml" loose
expect_in "a word that is no setting: says to write key=value" "$WORK/err" "'loose' is not a setting: write key=value"
check "... feeds.conf unchanged by bad usage" cmp -s "$CONF" "$WORK/before"

HOSTPORT=${BASE#http://}
run_retl --config "$WORK/scheme.conf" -q --add-feed "$HOSTPORT/feed.xml"
expect_eq "a URL without a scheme is tried as https (a plain server refuses it)" "$RC" 1
expect_in "... named with https" "$WORK/err" "cannot fetch https://$HOSTPORT/feed.xml"

printf 'https://example.org/a.xml\nbroken line here\n' >"$WORK/broken.conf"
cp "$WORK/broken.conf" "$WORK/broken.before"
run_retl --config "$WORK/broken.conf" --add-feed "$BASE/feed.xml"
expect_rc "a broken feeds.conf: status 2" 2
expect_in "... named with its line and what to do" "$WORK/err" "broken.conf:2: "
check "... left as it was" cmp -s "$WORK/broken.conf" "$WORK/broken.before"

(
	export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/cfg"
	"$RETL" --add-feed "$BASE/feed.xml" >"$WORK/out" 2>"$WORK/err"
)
USERCONF="$WORK/home/cfg/retl/feeds.conf"
check "with no feeds.conf of the user's, --add-feed creates ~/.config/retl/feeds.conf" test -f "$USERCONF"
expect_eq "... with the shipped feeds first, then the new one" \
	"$(grep -v '^#' "$USERCONF" | grep -v '^$' | wc -l)" \
	"$(($(grep -v '^#' "$top_srcdir/feeds.conf" | grep -v '^$' | wc -l) + 1))"
expect_in "... and says so" "$WORK/out" "The file is new: it starts with the"
run_retl --config "$WORK/q.conf" -q --add-feed "$BASE/atom.xml"
expect_eq "-q: nothing on standard output" "$(cat "$WORK/out")" ""
expect_eq "-q: nothing on standard error" "$(cat "$WORK/err")" ""

done_testing
