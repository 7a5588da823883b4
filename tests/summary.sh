#!/bin/sh
# retl --since: golden outputs of every format on the demo corpus, stored
# in the repository and loaded through the real refresh path (file://
# feeds); the month and precision rules, actor aliases, the empty case,
# unknown actors, and no terminal escape from feed text in any format.
# RETL_REGEN=1 rewrites the golden files (then read the diff).
. "${top_srcdir:-.}/tests/lib.sh"

GOLD="${top_srcdir:-.}/tests/summary"
export RETL_ACTORS="${top_srcdir:-.}/actors.conf" XDG_CONFIG_HOME="$WORK/cfg" NO_COLOR=1
DEMO=$(cd "${top_srcdir:-.}/data/demo" && pwd)
for f in "$DEMO"/0*.xml; do
	n=$(basename "$f" .xml)
	echo "file://$f name=${n#??-}"
done >"$WORK/feeds.conf"
DB="$WORK/s.db"
"$RETL" --refresh -q --config "$WORK/feeds.conf" --db "$DB"
expect_rc() { :; }
check() { # NAME ARGS...: the output against tests/summary/NAME
	name=$1
	shift
	"$RETL" --db "$DB" "$@" >"$WORK/$name" 2>"$WORK/$name.err"
	rc=$?
	if [ "${RETL_REGEN:-}" = 1 ]; then
		cp "$WORK/$name" "$GOLD/$name"
	fi
	if cmp -s "$WORK/$name" "$GOLD/$name"; then same=yes; else same=no; diff "$GOLD/$name" "$WORK/$name" | head -20 | sed 's/^/# /'; fi
	expect_eq "$name: status 0 and the golden output" "$rc $same" "0 yes"
}

for format in text markdown json csv svg; do
	check "october.$format" --since 2025-10 --until 2025-10 --format "$format"
done

# The picture: well-formed standalone SVG (no script, no external
# resource), lanes for the busiest actors and others, labels, a density
# strip; rendered to PNG by rsvg-convert.
SVG="$WORK/october.svg"
expect_eq "svg: well-formed XML" "$(xmllint --noout "$SVG" 2>&1 | wc -l | tr -d ' ')" 0
expect_eq "svg: no script, no external resource" \
	"$(grep -c -i -e '<script' -e 'href=' -e 'url(' "$SVG")" 0
expect_eq "svg: at most 8 actor lanes and the others" \
	"$(grep -c '<g class="lane">' "$SVG")" 9
expect_eq "svg: the busiest actor has a lane" "$(grep -A2 '<g class="lane">' "$SVG" | grep -c '>China<')" 1
expect_eq "svg: the key events are labelled" \
	"$(grep -c 'class="label"' "$SVG" | awk '$1 >= 5 { print "yes" }')" yes
expect_eq "svg: a strip of events per week" "$(grep -c '<g class="density"' "$SVG")" 1
if command -v rsvg-convert >/dev/null 2>&1; then
	rsvg-convert "$SVG" -o "$WORK/october.png"
	expect_eq "svg: rsvg-convert renders it" "$? $(head -c 4 "$WORK/october.png" | tail -c 3)" "0 PNG"
fi
check "mofcom.text" --since 2025-04 --until 2025-11 --actor mofcom
"$RETL" --db "$DB" --since 2025-04 --until 2025-11 --actor "Commerce Ministry" >"$WORK/alias.text"
expect_eq "an alias, any case, means its actor" "$(cmp -s "$WORK/alias.text" "$WORK/mofcom.text" && echo same)" same
"$RETL" --db "$DB" --list-actors >"$WORK/actors.list"
expect_eq "--list-actors: the actors, most events first, with their counts" \
	"$(head -n 4 "$WORK/actors.list")" "$(printf 'China\t201\nUnited States\t180\nWhite House\t99\nMOFCOM\t79')"
expect_eq "--list-actors: one line per actor of the store" "$(wc -l <"$WORK/actors.list")" \
	"$(sql "$DB" "SELECT count(*) FROM actors")"
"$RETL" --db "$WORK/none.db" --list-actors >"$WORK/out" 2>"$WORK/err"
expect_eq "--list-actors without a store: status 1" $? 1
expect_in "... saying to refresh first" "$WORK/err" "(run retl --refresh first)"

# Month boundaries: --since 2025-04 starts on April 1, --until 2025-04
# ends on April 30; a week or a month that overlaps the range is in it,
# printed at its own precision.
"$RETL" --db "$DB" --since 2025-04 --until 2025-04 --format csv >"$WORK/april.csv"
expect_eq "April: no event starts before April 1 or after April 30" \
	"$(tail -n +2 "$WORK/april.csv" | cut -d, -f1 | grep -v '^2025-04' | grep -v '^2025-W1[4-8]' | grep -v '^2025-W13' | grep -vc '^2025$')" 0
expect_eq "April: events of the whole month are in it, at month precision" \
	"$(tail -n +2 "$WORK/april.csv" | grep -c '^2025-04,month,')" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE precision = 'month' AND date = '2025-04'" | awk '$1 > 0 { print }')"
W=$(sqlite3 "$DB" "SELECT date FROM events WHERE precision = 'week' AND day_first < '2025-10-01' AND day_last >= '2025-10-01' LIMIT 1")
if [ -n "$W" ]; then
	expect_eq "a week across the month boundary ($W) is in October, as a week" \
		"$(grep -c "^$W,week," "$WORK/october.csv")" \
		"$(grep -c "^$W,week," "$WORK/october.csv" | awk '$1 > 0 { print }')"
fi

# Nothing in the range: a line on stderr, status 0, [] and a bare header.
"$RETL" --db "$DB" --since 2031 --format json >"$WORK/empty.json" 2>"$WORK/empty.err"
expect_eq "empty: status 0" "$?" 0
expect_eq "empty: JSON is an empty array" "$(cat "$WORK/empty.json")" "[]"
expect_eq "empty: one line on stderr" "$(wc -l <"$WORK/empty.err" | tr -d ' ')" 1
"$RETL" --db "$DB" --since 2031 --format csv >"$WORK/empty.csv" 2>/dev/null
expect_eq "empty: CSV has only its header" "$(wc -l <"$WORK/empty.csv" | tr -d ' ')" 1

# Unknown actor: status 2 and the closest names.
"$RETL" --db "$DB" --since 2025 --actor mofcon >/dev/null 2>"$WORK/unknown.err"
expect_eq "an unknown actor is bad usage" "$?" 2
expect_eq "and the closest known names are listed" "$(grep -c 'MOFCOM' "$WORK/unknown.err")" 1
"$RETL" --db "$DB" --since April >/dev/null 2>&1
expect_eq "a bad date is bad usage" "$?" 2
"$RETL" --db "$DB" --since 2025 --format svgz >/dev/null 2>&1
expect_eq "a bad format is bad usage" "$?" 2

# Duplicates: the same event from two feeds is shown once, with both.
mkdir -p "$WORK/dup"
for n in 1 2; do
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire %s</title><item><title>Port fees begin</title><guid>p%s</guid><pubDate>Tue, 14 Oct 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;Port fees on each other&#8217;s ships took effect on Tuesday.&lt;/p&gt;</description></item></channel></rss>' $n $n >"$WORK/dup/w$n.xml"
	echo "file://$WORK/dup/w$n.xml name=wire$n" >>"$WORK/dup.conf"
done
"$RETL" --refresh -q --config "$WORK/dup.conf" --db "$WORK/dup.db"
"$RETL" --db "$WORK/dup.db" --since 2025-10 --format csv >"$WORK/dup.csv"
expect_eq "a repeated event is shown once, with its sources" \
	"$(grep -c 'took effect on Tuesday' "$WORK/dup.csv") $(grep 'took effect on Tuesday' "$WORK/dup.csv" | grep -c 'wire1, wire2')" "1 1"

# Feed text with escapes never carries them into any format.
mkdir -p "$WORK/evil"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>E</title><item><title>Tariffs \033]0;owned\007 \033[2J now</title><guid>e1</guid><pubDate>Wed, 15 Oct 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;Tariffs rose on Wednesday &#x1b;[31m sharply.&lt;/p&gt;</description></item></channel></rss>' >"$WORK/evil/e.xml"
echo "file://$WORK/evil/e.xml name=evil" >"$WORK/evil.conf"
"$RETL" --refresh -q --config "$WORK/evil.conf" --db "$WORK/evil.db" 2>/dev/null
for format in text markdown json csv svg; do
	"$RETL" --db "$WORK/evil.db" --since 2025 --format "$format" >"$WORK/evil.$format"
	expect_eq "no escape byte in the $format output" \
		"$(grep -c "$(printf '\033')" "$WORK/evil.$format") $(grep -c 'Tariffs' "$WORK/evil.$format" | awk '$1 > 0 { print "shown" }')" "0 shown"
done
done_testing
