#!/bin/sh
# OPML: --import-opml reads the exports of other readers (written here in
# their formats: tests/opml/NAME.opml, expected feeds.conf lines in
# NAME.expected), skips duplicates and what is not a feed, names bad files
# with the reason and writes nothing then; --export-opml writes OPML 2.0
# that other programs parse and that reads back without losing a feed, a
# name, a tag or a setting.
. "${top_srcdir:-.}/tests/lib.sh"

OPML="$top_srcdir/tests/opml"
unset RETL_CONFIG

# body FILE: the feed lines of a feeds.conf (no comments, no blanks).
body() {
	grep -v '^#' "$1" | grep -v '^[[:space:]]*$'
}

# ---- other readers' exports ----------------------------------------------
for name in feedly freshrss inoreader latin1 liferea miniflux netnewswire newsboat sfeed \
	thunderbird ttrss; do
	conf="$WORK/$name.conf"
	run_retl --config "$conf" --import-opml "$OPML/$name.opml"
	want=0
	[ "$name" = freshrss ] && want=1 # its HTML+XPath source is not a feed
	expect_rc "$name: status $want" "$want"
	if body "$conf" | cmp -s - "$OPML/$name.expected"; then
		pass "$name: the feeds, names and tags expected"
	else
		fail "$name: the feeds, names and tags expected" "$(body "$conf" | diff "$OPML/$name.expected" - | head -8)"
	fi
	expect_in "$name: a comment names the file it came from" "$conf" "# Imported from $OPML/$name.opml"
	expect_eq "$name: a new feeds.conf is private" "$(stat -c %a "$conf")" 600
done
expect_in "the head's title goes into the comment" "$WORK/feedly.conf" "(Jane subscriptions in feedly Cloud)"
expect_in "the report counts what was added" "$WORK/out" "Added 2 feeds to $WORK/ttrss.conf."
run_retl --config "$WORK/fr.conf" --import-opml "$OPML/freshrss.opml"
expect_in "a page scraper is named as skipped, with its type" "$WORK/err" \
	"freshrss.opml: line 13: skipped https://english.mofcom.gov.cn/News/: its type is HTML+XPath"
expect_in "a feed in two folders is listed once, with both tags" "$WORK/feedly.conf" \
	"https://www.wto.org/library/rss/latest_news_e.xml name=\"WTO news\" tags=Trade-Policy,China"

# ---- duplicates ------------------------------------------------------------
cp "$WORK/feedly.conf" "$WORK/feedly.before"
run_retl --config "$WORK/feedly.conf" --import-opml "$OPML/feedly.opml"
expect_rc "importing the same file again: status 0" 0
expect_in "... says every feed was already listed" "$WORK/out" "Added 0 feeds to $WORK/feedly.conf; 3 were already listed."
check "... and leaves the file as it was" cmp -s "$WORK/feedly.conf" "$WORK/feedly.before"
printf '# mine\nhttps://ustr.gov/rss.xml name=Mine tags=keep\n' >"$WORK/mine.conf"
chmod 640 "$WORK/mine.conf"
run_retl -v --config "$WORK/mine.conf" --import-opml "$OPML/miniflux.opml"
expect_in "-v names a feed already listed" "$WORK/out" "already listed: https://ustr.gov/rss.xml"
expect_in "-v names each feed added" "$WORK/out" "added: https://www.fmc.gov/feed/"
expect_in "the user's own line is kept as it was" "$WORK/mine.conf" "https://ustr.gov/rss.xml name=Mine tags=keep"
expect_eq "the imported feeds follow it" "$(body "$WORK/mine.conf" | wc -l)" 3
expect_eq "an existing file keeps its mode" "$(stat -c %a "$WORK/mine.conf")" 640

# ---- standard input, links, the default place ------------------------------
"$RETL" --config "$WORK/stdin.conf" --import-opml - <"$OPML/sfeed.opml" >"$WORK/out" 2>&1
expect_eq "--import-opml - reads standard input" "$(body "$WORK/stdin.conf")" "$(cat "$OPML/sfeed.expected")"
expect_in "... and says so in the comment" "$WORK/stdin.conf" "# Imported from standard input"
mkdir -p "$WORK/dotfiles"
printf 'https://example.org/first.xml\n' >"$WORK/dotfiles/feeds.conf"
ln -s "$WORK/dotfiles/feeds.conf" "$WORK/link.conf"
run_retl --config "$WORK/link.conf" --import-opml "$OPML/sfeed.opml"
check "a feeds.conf that is a symbolic link stays one" test -L "$WORK/link.conf"
expect_eq "... and the file it points at gets the feeds" "$(body "$WORK/dotfiles/feeds.conf" | wc -l)" 3
USERCONF="$WORK/home/cfg/retl/feeds.conf"
(
	export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/cfg"
	"$RETL" --import-opml "$OPML/sfeed.opml" >"$WORK/out" 2>"$WORK/err"
)
expect_in "feeds of the shipped list count as listed when the user has no feeds.conf" "$WORK/out" \
	"Added 0 feeds to $USERCONF; 2 were already listed."
check "... and with nothing to add, no file is made" test ! -e "$USERCONF"
(
	export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/cfg"
	umask 0
	"$RETL" --import-opml "$OPML/newsboat.opml" >"$WORK/out" 2>"$WORK/err"
)
check "with no feeds.conf of the user's, the import creates ~/.config/retl/feeds.conf" test -f "$USERCONF"
expect_eq "... 0600 in a folder 0700 (umask 0)" "$(stat -c %a "$USERCONF") $(stat -c %a "$WORK/home/cfg/retl")" "600 700"
shipped=$(body "$top_srcdir/feeds.conf" | wc -l)
expect_eq "... starting with the shipped feeds, which retl used until then" \
	"$(body "$USERCONF" | head -n "$shipped")" "$(body "$top_srcdir/feeds.conf")"
expect_eq "... then the imported ones" "$(body "$USERCONF" | tail -n 3)" "$(cat "$OPML/newsboat.expected")"
expect_in "... and says so" "$WORK/out" "it starts with the $shipped feeds retl shipped"

# ---- bad files ---------------------------------------------------------------
# bad_file NAME LINE REASON: refused, named with the line and the reason,
# and nothing written.
bad_file() {
	printf 'https://example.org/kept.xml name=kept\n' >"$WORK/bad.conf"
	cp "$WORK/bad.conf" "$WORK/bad.before"
	run_retl --config "$WORK/bad.conf" --import-opml "$OPML/$1"
	expect_rc "$1: status 1" 1
	expect_in "$1: the message names the file, the line and the reason" "$WORK/err" \
		"retl: $OPML/$1: line $2: $3; nothing imported"
	check "$1: feeds.conf unchanged" cmp -s "$WORK/bad.conf" "$WORK/bad.before"
}
bad_file bad-ampersand.opml 6 "EntityRef: expecting ';'"
bad_file bad-feed.opml 2 "this is a feed, not an OPML file: list its URL in feeds.conf"
bad_file bad-html.opml 2 "not an OPML file: the document is <html>, not <opml>"
bad_file bad-xxe.opml 2 "the document declares an entity ('secret'); OPML needs none"
bad_file bad-laughs.opml 3 "the document declares an entity ('a'); OPML needs none"
check "the XXE file's target never shows" sh -c "! grep -qF \"\$(cat /etc/hostname)\" '$WORK/out' '$WORK/err' '$WORK/bad.conf'"
printf '' >"$WORK/empty.opml"
run_retl --config "$WORK/bad.conf" --import-opml "$WORK/empty.opml"
expect_in "an empty file is named as empty" "$WORK/err" "empty.opml: the file is empty; nothing imported"
run_retl --config "$WORK/bad.conf" --import-opml "$WORK/missing.opml"
expect_rc "a missing file: status 1" 1
expect_in "... named with the system's reason" "$WORK/err" "missing.opml: No such file or directory"
head -c 17000000 /dev/zero | tr '\0' ' ' >"$WORK/huge.opml"
run_retl --config "$WORK/bad.conf" --import-opml "$WORK/huge.opml"
expect_in "a file over 16 MiB is refused" "$WORK/err" "huge.opml: larger than 16 MiB"
python3 -c "print('<opml>' + '<body>' + '<outline text=\"x\">' * 5000 + '</outline>' * 5000 + '</body></opml>')" >"$WORK/deep.opml"
run_retl --config "$WORK/bad.conf" --import-opml "$WORK/deep.opml"
expect_in "5,000 nested folders are refused" "$WORK/err" "deep.opml: line 1: elements nested deeper than 256; nothing imported"

# Outlines that are not acceptable feeds are skipped; the rest go in.
run_retl --config "$WORK/urls.conf" --import-opml "$OPML/bad-urls.opml"
expect_rc "outlines refused: status 1" 1
expect_eq "... the good ones imported" "$(body "$WORK/urls.conf")" "$(cat "$OPML/bad-urls.expected")"
expect_in "a file: URL is skipped by line" "$WORK/err" "bad-urls.opml: line 5: skipped file:///home/user/.ssh/id_rsa: not an http or https URL"
expect_in "a URL with a space is skipped with feeds.conf's reason" "$WORK/err" \
	"line 8: skipped https://example.org/a feed.xml: 'https://example.org/a feed.xml' holds a space or a quote"
expect_in "the report counts the skipped" "$WORK/out" "Added 2 feeds to $WORK/urls.conf; 4 were skipped."
check "no control or bidi character reaches feeds.conf" sh -c "! LC_ALL=C grep -q \"\$(printf '[\\001-\\010\\013-\\037\\177]')\" '$WORK/urls.conf' && ! grep -q \"\$(printf '\\342\\200\\256')\" '$WORK/urls.conf'"

printf 'https://example.org/a.xml\nnot a url\n' >"$WORK/broken.conf"
cp "$WORK/broken.conf" "$WORK/broken.before"
run_retl --config "$WORK/broken.conf" --import-opml "$OPML/sfeed.opml"
expect_rc "a broken feeds.conf: status 2" 2
expect_in "... named with its line" "$WORK/err" "broken.conf:2: "
check "... and left as it was" cmp -s "$WORK/broken.conf" "$WORK/broken.before"
mkdir -p "$WORK/ro"
printf 'https://example.org/a.xml\n' >"$WORK/ro/feeds.conf"
chmod 555 "$WORK/ro"
if [ "$(id -u)" -eq 0 ]; then
	RO_RUN="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	chmod 777 "$WORK"
	chmod 644 "$WORK/ro/feeds.conf"
else
	RO_RUN=
fi
$RO_RUN "$RETL" --config "$WORK/ro/feeds.conf" --import-opml "$OPML/sfeed.opml" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "a folder that cannot be written: status 1" 1
expect_in "... names the file and the reason" "$WORK/err" "cannot write $WORK/ro/feeds.conf: Permission denied; nothing imported"
expect_eq "... and leaves it as it was" "$(cat "$WORK/ro/feeds.conf")" "https://example.org/a.xml"
chmod 755 "$WORK/ro"

# ---- export ------------------------------------------------------------------
cat >"$WORK/all.conf" <<'EOF'
set interval=1h user-agent="Default/1.0"
https://ustr.gov/rss.xml name=USTR actor=USTR tags=us,official
https://example.org/q?a=1&b=<2> name="A \"quoted\" \\ name & more" tags="trade policy,us/china" interval=30m fulltext=yes
https://example.org/ua.xml user-agent="Mozilla/5.0 (X11)" fulltext=no
https://example.org/plain.xml
https://example.org/zh.xml name="商务部 新闻" actor="MOFCOM" tags=china,official
EOF
run_retl --config "$WORK/all.conf" --export-opml
expect_rc "--export-opml: status 0" 0
cp "$WORK/out" "$WORK/all.opml"
check "the export is well-formed XML" xmllint --noout "$WORK/all.opml"
check "... OPML 2.0 with a head (title, dateCreated) and a body" python3 - "$WORK/all.opml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "opml" and root.get("version") == "2.0"
head = root.find("head")
assert head.find("title").text and head.find("dateCreated").text.endswith("GMT")
feeds = [o for o in root.iter("outline") if o.get("xmlUrl")]
assert len(feeds) == 5, len(feeds)
assert all(o.get("text") and o.get("type") == "rss" for o in feeds)
PY
expect_in "feeds sit in a folder named by their first tag" "$WORK/all.opml" '<outline text="us" title="us">'
expect_in "OPML's category lists every tag" "$WORK/all.opml" 'category="/trade policy,/us/china"'
expect_in "special characters are escaped" "$WORK/all.opml" 'xmlUrl="https://example.org/q?a=1&amp;b=&lt;2&gt;"'
run_retl --config "$WORK/back.conf" --import-opml "$WORK/all.opml"
expect_rc "the export reads back: status 0" 0
check "the round trip keeps every feed, name, tag and setting" python3 - "$WORK/all.conf" "$WORK/back.conf" <<'PY'
import shlex, sys
def feeds(path):
    out = {}
    defaults = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = shlex.split(line, posix=True)
        if words[0] == "set":
            defaults = dict(w.split("=", 1) for w in words[1:])
            continue
        out[words[0]] = dict(w.split("=", 1) for w in words[1:])
    return out, defaults
a, defaults = feeds(sys.argv[1])
b, _ = feeds(sys.argv[2])
assert a.keys() == b.keys(), (a.keys(), b.keys())
for url in a:
    x, y = a[url], b[url]
    # an interval is written back in seconds
    for s in (x, y):
        if "interval" in s:
            v = s["interval"]
            s["interval"] = str(int(v[:-1]) * {"s": 1, "m": 60, "h": 3600}[v[-1]]) if v[-1] in "smh" else v
    assert x == y, (url, x, y)
PY
run_retl --config "$top_srcdir/feeds.conf" --export-opml
cp "$WORK/out" "$WORK/shipped.opml"
run_retl --config "$WORK/shipped.conf" --import-opml "$WORK/shipped.opml"
expect_eq "the shipped list survives export and import line for line" \
	"$(body "$WORK/shipped.conf")" "$(body "$top_srcdir/feeds.conf")"
for name in feedly ttrss thunderbird; do
	run_retl --config "$WORK/$name.conf" --export-opml
	cp "$WORK/out" "$WORK/$name.again.opml"
	run_retl --config "$WORK/$name.again.conf" --import-opml "$WORK/$name.again.opml"
	expect_eq "$name: imported, exported and imported again, nothing changes" \
		"$(body "$WORK/$name.again.conf" | sort)" "$(body "$WORK/$name.conf" | sort)"
done
run_retl --config "$WORK/missing/feeds.conf" --export-opml
expect_rc "--export-opml with a missing feeds.conf: status 2" 2
expect_in "... names it" "$WORK/err" "$WORK/missing/feeds.conf: No such file or directory"
"$RETL" --config "$WORK/all.conf" --export-opml >/dev/full 2>"$WORK/err"
RC=$?
expect_rc "--export-opml to a full disk: status 1" 1
expect_in "... says it could not write" "$WORK/err" "cannot write the output"

done_testing
