#!/bin/sh
# A refresh stores each article's analysis; --reanalyze after adding an
# actor to the user's actors.conf links its mentions.
. "${top_srcdir:-.}/tests/lib.sh"

WWW="$WORK/www"
mkdir -p "$WWW" "$WORK/cfg/retl"
cat >"$WWW/feed.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Trade wire</title>
<item><title>MOFCOM tightens rare earth controls</title><guid>a1</guid>
<pubDate>Fri, 21 Nov 2025 08:00:00 GMT</pubDate>
<description><![CDATA[<p>Last week, China&#8217;s Ministry of Commerce issued Announcement No. 62 of 2025.</p>
<p>&#8220;This is China versus the world,&#8221; said US Treasury Secretary Scott Bessent.</p>
<p>The Ruritanian Trade Office said on Thursday that it was studying the rules.</p>]]></description>
</item></channel></rss>
XML
start_httpd "$WWW"
echo "$BASE/feed.xml name=wire" >"$WORK/feeds.conf"
export XDG_CONFIG_HOME="$WORK/cfg"
DB="$WORK/retl.db"

"$RETL" -r --config "$WORK/feeds.conf" --db "$DB"
RC=$?
expect_rc "the refresh succeeds" 0
expect_eq "the quote is stored with its speaker and actor" \
	"$(sql "$DB" "SELECT q.speaker, a.name, q.kind FROM quotes q JOIN actors a ON a.id = q.actor_id")" \
	"Scott Bessent|US Treasury|direct"
expect_eq "the events are stored with their dates" \
	"$(sql "$DB" "SELECT group_concat(date, ' ') FROM (SELECT date FROM events WHERE kind = 'text' ORDER BY day_first)")" \
	"2025-W46 2025-11-20"
expect_eq "the article's publication is an event, its title the text, with its actors" \
	"$(sql "$DB" "SELECT e.date, e.precision, e.sentence <> '', (SELECT count(*) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.id AND a.name = 'MOFCOM') FROM events e WHERE kind = 'published'")" \
	"2025-11-21|day|1|1"
expect_eq "its text is searchable, not its markup" \
	"$(sql "$DB" "SELECT (SELECT count(*) FROM search WHERE search MATCH 'studying'), (SELECT count(*) FROM search WHERE search MATCH 'p')")" \
	"1|0"
expect_eq "last week's event has MOFCOM among its actors" \
	"$(sql "$DB" "SELECT count(*) FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id WHERE e.date = '2025-W46' AND a.name = 'MOFCOM'")" 1
expect_eq "the document is linked to the article" \
	"$(sql "$DB" "SELECT d.name FROM documents d JOIN article_documents ad ON ad.document_id = d.id")" \
	"Announcement No. 62 of 2025"
expect_eq "the Ruritanian office is not known yet" \
	"$(sql "$DB" "SELECT count(*) FROM actors WHERE name = 'Ruritania Trade Office'")" 0

cat >"$WORK/cfg/retl/actors.conf" <<'CONF'
[Ruritania Trade Office]
kind = agency
alias = Ruritanian Trade Office
CONF
"$RETL" --reanalyze --db "$DB" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "--reanalyze succeeds" 0
expect_eq "--reanalyze links the new actor's mention" \
	"$(sql "$DB" "SELECT aa.mentions FROM article_actors aa JOIN actors a ON a.id = aa.actor_id WHERE a.name = 'Ruritania Trade Office'")" 1
expect_eq "--reanalyze adds it to Thursday's event" \
	"$(sql "$DB" "SELECT a.name FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id WHERE e.date = '2025-11-20'")" \
	"Ruritania Trade Office"
expect_eq "--reanalyze leaves one copy of each quote" "$(sql "$DB" "SELECT count(*) FROM quotes WHERE speaker = 'Scott Bessent'")" 1

# A stored article whose text changes is analysed again; one that does not
# change is not queued.
"$RETL" -r --force --config "$WORK/feeds.conf" --db "$DB"
expect_eq "an unchanged article is not queued again" "$(sql "$DB" "SELECT count(*) FROM analysis_pending")" 0
sed 's/said US Treasury Secretary Scott Bessent/said Treasury Secretary Scott Bessent. \&#8220;We will respond,\&#8221; he added/' \
	"$WWW/feed.xml" >"$WWW/feed.tmp" && mv "$WWW/feed.tmp" "$WWW/feed.xml"
"$RETL" -r --force --config "$WORK/feeds.conf" --db "$DB"
RC=$?
expect_rc "the refresh of the changed article succeeds" 0
expect_eq "a changed article is analysed again: its new quote is stored" \
	"$(sql "$DB" "SELECT count(*) FROM quotes WHERE speaker = 'Scott Bessent'")" 2
expect_eq "and nothing is left pending" "$(sql "$DB" "SELECT count(*) FROM analysis_pending")" 0

# A refresh of more new text than it analyses inline (4 MiB) leaves the
# analysis to a detached process: the refresh returns, the analysis
# follows.
python3 - "$WWW/big.xml" <<'PY'
import sys
para = "<p>On Thursday, China\u2019s Ministry of Commerce said it would review the rules. " * 40 + "</p>"
items = "".join("<item><title>Item %d</title><guid>big-%d</guid>"
                "<pubDate>Fri, 21 Nov 2025 08:00:00 GMT</pubDate>"
                "<description><![CDATA[%s]]></description></item>" % (i, i, para)
                for i in range(1400))
open(sys.argv[1], "w").write('<rss version="2.0"><channel><title>Big</title>%s</channel></rss>' % items)
PY
echo "$BASE/big.xml name=big" >"$WORK/big.conf"
"$RETL" -r --config "$WORK/big.conf" --db "$WORK/big.db"
RC=$?
expect_rc "a large refresh succeeds" 0
expect_eq "a large refresh stores every article" "$(sql "$WORK/big.db" "SELECT count(*) FROM articles")" 1400
i=0
while [ "$(sql "$WORK/big.db" "SELECT count(*) FROM analysis_pending")" != 0 ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_eq "the detached analysis analyses them all" \
	"$(sql "$WORK/big.db" "SELECT count(*) FROM analysis_pending")" 0
expect_eq "the detached analysis stores their events" \
	"$(sql "$WORK/big.db" "SELECT count(DISTINCT article_id) FROM events WHERE date = '2025-11-20'")" 1400

printf '[Broken\n' >"$WORK/cfg/retl/actors.conf"
"$RETL" --reanalyze --db "$DB" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "a bad actors.conf: status 2" 2
expect_in "a bad actors.conf: file and line named" "$WORK/err" "actors.conf:1:"

done_testing
