#!/bin/sh
# Refreshes killed with SIGKILL at random moments leave a consistent store
# that a final refresh completes; a second refresh never runs beside the
# first; SIGTERM stops after the feed in progress is stored.
. "${top_srcdir:-.}/tests/lib.sh"

WWW="$WORK/www"
mkdir -p "$WWW"
NFEEDS=40
ITEMS=25
python3 - "$WWW" "$NFEEDS" "$ITEMS" <<'PY'
import sys
d, feeds, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
body = "<p>" + "The ministry said the controls would take effect in December. " * 20 + "</p>"
for f in range(feeds):
    out = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title>' % f]
    for i in range(items):
        out.append("<item><title>Feed %d item %d</title><guid>f%d-%d</guid>"
                   "<link>https://example.org/%d/%d</link>"
                   "<description><![CDATA[%s]]></description></item>" % (f, i, f, i, f, i, body))
    out.append("</channel></rss>")
    open("%s/f%d.xml" % (d, f), "w").write("\n".join(out))
PY
start_httpd "$WWW" --latency 40
: >"$WORK/feeds.conf"
f=0
while [ $f -lt $NFEEDS ]; do
	echo "$BASE/f$f.xml name=f$f" >>"$WORK/feeds.conf"
	f=$((f + 1))
done
DB="$WORK/retl.db"

integrity() {
	python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("PRAGMA integrity_check").fetchone()[0])
PY
}
# Every feed has all of its articles or none: one transaction per feed.
partial_feeds() {
	sql "$DB" "SELECT count(*) FROM (SELECT feed_id, count(*) AS n FROM articles GROUP BY feed_id HAVING n != $ITEMS)"
}

i=1
while [ $i -le 10 ]; do
	"$RETL" -r -q --force --config "$WORK/feeds.conf" --db "$DB" 2>>"$WORK/kill.err" &
	pid=$!
	sleep "$(python3 -c "import random; random.seed($i); print(round(random.uniform(0.05, 0.9), 3))")"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -f "$DB" ]; then
		expect_eq "SIGKILL $i: integrity_check" "$(integrity)" ok
		expect_eq "SIGKILL $i: no feed half stored" "$(partial_feeds)" 0
	else
		pass "SIGKILL $i: killed before the store existed"
		pass "SIGKILL $i: nothing half stored"
	fi
	i=$((i + 1))
done

"$RETL" -r -q --force --config "$WORK/feeds.conf" --db "$DB"
RC=$?
expect_rc "the final refresh succeeds" 0
expect_eq "the final refresh has every article, once" \
	"$(sql "$DB" "SELECT count(*), count(DISTINCT guid) FROM articles")" "$((NFEEDS * ITEMS))|$((NFEEDS * ITEMS))"

# Two refreshes at once: one works, the other says so and leaves.
rm -f "$DB" "$DB-wal" "$DB-shm"
"$RETL" -r --config "$WORK/feeds.conf" --db "$DB" >"$WORK/a.out" 2>"$WORK/a.err" &
a=$!
sleep 0.3
"$RETL" -r --config "$WORK/feeds.conf" --db "$DB" >"$WORK/b.out" 2>"$WORK/b.err"
b_rc=$?
wait $a
a_rc=$?
expect_eq "two refreshes: the first succeeds" "$a_rc" 0
expect_eq "two refreshes: the second exits 0" "$b_rc" 0
expect_in "two refreshes: the second says why it left" "$WORK/b.err" "another refresh is running"
expect_eq "two refreshes: articles stored once" "$(sql "$DB" "SELECT count(*) FROM articles")" "$((NFEEDS * ITEMS))"

# --wait waits for the running one, then refreshes (here: all 304).
"$RETL" -r --force --config "$WORK/feeds.conf" --db "$DB" 2>/dev/null &
a=$!
sleep 0.3
"$RETL" -r --force --wait -v --config "$WORK/feeds.conf" --db "$DB" >"$WORK/b.out" 2>"$WORK/b.err"
b_rc=$?
wait $a
expect_eq "--wait: the waiting refresh succeeds" "$b_rc" 0
expect_in "--wait: it ran after the first" "$WORK/b.err" "not modified"

# A reader (as the UI will be) keeps reading while a refresh writes, and
# never blocks it: WAL.
rm -f "$DB" "$DB-wal" "$DB-shm"
# One transfer at a time (40 feeds, 40 ms each): the refresh outlasts the
# reader's start even on a busy machine, and the reader reads until it ends.
"$RETL" -r -q -j 1 --config "$WORK/feeds.conf" --db "$DB" >/dev/null 2>"$WORK/w.err" &
writer=$!
python3 - "$DB" "$writer" >"$WORK/reader.out" 2>&1 <<'PY'
import os, sqlite3, sys, time
path, writer = sys.argv[1], int(sys.argv[2])
def writing():
    try:
        os.kill(writer, 0)
        return True
    except OSError:
        return False
end = time.time() + 20
while time.time() < end:  # wait for the refresh to create the store
    try:
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=0.2)
        db.execute("SELECT count(*) FROM articles")
        break
    except sqlite3.OperationalError:
        time.sleep(0.02)
reads = errors = 0
counts = set()
end = time.time() + 1.5
while (time.time() < end or writing()) and time.time() < end + 30:
    try:
        db.execute("BEGIN")
        n1 = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        time.sleep(0.02)  # a long read transaction sees one snapshot
        n2 = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        db.execute("COMMIT")
        reads += 1
        counts.add(n1)
        if n1 != n2:
            errors += 1
    except sqlite3.OperationalError as e:
        errors += 1
print("reads=%d errors=%d growing=%s" % (reads, errors, len(counts) > 1))
PY
wait $writer
w_rc=$?
expect_eq "a refresh beside a reader succeeds" "$w_rc" 0
expect_in "the reader read without errors, on one snapshot" "$WORK/reader.out" "errors=0 growing=True"

# SIGTERM: stops soon, stores what was fetched, says so, exits 1.
rm -f "$DB" "$DB-wal" "$DB-shm"
# One transfer at a time, so that 40 feeds take a while even when polling
# the store is slow.
"$RETL" -r -j 1 --config "$WORK/feeds.conf" --db "$DB" >"$WORK/t.out" 2>"$WORK/t.err" &
pid=$!
# Once a feed is stored, not after a fixed time: a slow build (ASan) or a
# busy machine may not have stored any by then.
tries=0
while [ "$tries" -lt 400 ]; do
	if [ -f "$DB" ]; then
		case $(sql "$DB" "SELECT count(DISTINCT feed_id) FROM articles" 2>/dev/null) in
		'' | 0) ;;
		*) break ;;
		esac
	fi
	sleep 0.05
	tries=$((tries + 1))
done
kill -TERM "$pid"
start=$(date +%s)
wait "$pid"
t_rc=$?
expect_eq "SIGTERM: exit status 1" "$t_rc" 1
expect_in "SIGTERM: says it was interrupted" "$WORK/t.err" "interrupted"
check "SIGTERM: stopped at once" test $(($(date +%s) - start)) -le 3
expect_eq "SIGTERM: integrity_check" "$(integrity)" ok
expect_eq "SIGTERM: no feed half stored" "$(partial_feeds)" 0
stored=$(sql "$DB" "SELECT count(DISTINCT feed_id) FROM articles")
check "SIGTERM: some feeds were stored ($stored), not all" test "$stored" -gt 0 -a "$stored" -lt $NFEEDS

done_testing
