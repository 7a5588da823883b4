#!/bin/sh
# Builds the seed corpora fuzz/corpus/NAME/ (in the current directory)
# from the test fixtures in SRCDIR (default: the directory above this
# script).  Seeds are added, never removed: what the fuzzers found stays.
# Usage: fuzz/seeds.sh [SRCDIR]
set -eu
src=${1:-$(cd "$(dirname "$0")/.." && pwd)}
out=fuzz/corpus

mkdir -p "$out/feed" "$out/date" "$out/html" "$out/analyse" "$out/feeds_conf" \
	"$out/actors_conf" "$out/opml" "$out/extract"

# copy DIR FILE...: each file into DIR under its own name, but none over
# 64 KiB: a large seed slows every run (and sets libFuzzer's -max_len);
# the test suite covers the large fixtures (quadratic-blowup.xml...).
copy() {
	dir=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] && [ "$(wc -c <"$f")" -le 65536 ] && cp "$f" "$dir/${f##*/}"
	done
	return 0
}

copy "$out/feed" "$src"/tests/feeds/*.xml "$src"/data/demo/*.xml
copy "$out/analyse" "$src"/tests/articles/*.txt
copy "$out/feeds_conf" "$src"/feeds.conf
copy "$out/actors_conf" "$src"/actors.conf
copy "$out/opml" "$src"/tests/opml/*.opml

# The date strings of the date tests, one file each: the first C string
# of every table row '{ "...", ... }'.
sed -n 's/^[[:space:]]*{ *"\(\([^"\\]\|\\.\)*\)".*/\1/p' "$src"/tests/unit/test_date.c |
	awk -v dir="$out/date" '{ f = sprintf("%s/test-%03d", dir, NR); printf "%s", $0 > f; close(f) }'
# The dates the feed fixtures carry.
cat "$src"/tests/feeds/*.xml | sed -n \
	's/.*<\(pubDate\|published\|updated\|modified\|issued\|created\|dc:date\|lastBuildDate\)>\([^<]*\)<.*/\2/p' |
	sort -u | awk -v dir="$out/date" '{ f = sprintf("%s/feed-%03d", dir, NR); printf "%s", $0 > f; close(f) }'

# HTML: the escaped and CDATA bodies of the feed fixtures, unescaped
# roughly, plus the articles as plain text.
n=0
for f in "$src"/tests/feeds/*.xml; do
	n=$((n + 1))
	sed -n 's/.*<\(description\|content\|summary\|content:encoded\)[^>]*>\(.*\)<\/\1>.*/\2/p' "$f" |
		sed 's/<!\[CDATA\[//; s/\]\]>//; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' \
			>"$out/html/feed-$n"
	[ -s "$out/html/feed-$n" ] || rm -f "$out/html/feed-$n"
done
copy "$out/html" "$src"/tests/articles/*.txt

# Web pages for extraction: the saved test pages, each behind a first byte
# that picks the transport's charset (0: none).
for f in "$src"/tests/extract-pages/*.html; do
	[ -f "$f" ] && [ "$(wc -c <"$f")" -le 65536 ] || continue
	{ printf '\000'; cat "$f"; } >"$out/extract/${f##*/}"
done

# Every input that once crashed is a seed too.
for d in "$src"/tests/fuzz-regressions/*/; do
	[ -d "$d" ] || continue
	name=${d%/}
	name=${name##*/}
	mkdir -p "$out/$name"
	copy "$out/$name" "$d"*
done
