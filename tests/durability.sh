#!/bin/sh
# Nothing is lost: --reanalyze killed with SIGKILL leaves a consistent
# store that a second run completes with the same analysis as a run never
# interrupted; a full disk (a small tmpfs) and a read-only store fail with
# a message naming the store, a non-zero status, and the store intact.
. "${top_srcdir:-.}/tests/lib.sh"

export RETL_ACTORS="$top_srcdir/actors.conf" XDG_CONFIG_HOME="$WORK/cfg"
WWW="$WORK/www"
mkdir -p "$WWW"
NFEEDS=8
ITEMS=500
# feeds F0 F1 ITEMS: feeds fF0..fF1-1 of ITEMS articles each, with dates,
# actors, quotes and documents for the analysis to find.
feeds() {
	python3 - "$WWW" "$1" "$2" "$3" <<'PY'
import sys
d, first, last, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
paras = ["On Thursday, China\u2019s Ministry of Commerce said it would review the export controls on rare earths announced on October 9, 2025.",
         "\u201cWe will respond firmly,\u201d said US Treasury Secretary Scott Bessent, citing Announcement No. 62 of 2025.",
         "The European Commission said last week that the measures would take effect in December."]
for f in range(first, last):
    out = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title>' % f]
    for i in range(items):
        body = "".join("<p>%s Item %d.%d.</p>" % (paras[(i + k) % 3], i, k) for k in range(12))
        out.append("<item><title>Feed %d item %d</title><guid>f%d-%d</guid>"
                   "<link>https://example.org/%d/%d</link><pubDate>Fri, 21 Nov 2025 08:00:00 GMT</pubDate>"
                   "<description><![CDATA[%s]]></description></item>" % (f, i, f, i, f, i, body))
    out.append("</channel></rss>")
    open("%s/f%d.xml" % (d, f), "w").write("\n".join(out))
PY
}
feeds 0 $((NFEEDS + 4)) $ITEMS
start_httpd "$WWW"
conf() { # conf FILE F0 F1
	: >"$1"
	f=$2
	while [ "$f" -lt "$3" ]; do
		echo "$BASE/f$f.xml name=f$f" >>"$1"
		f=$((f + 1))
	done
}
conf "$WORK/feeds.conf" 0 $NFEEDS
conf "$WORK/more.conf" $NFEEDS $((NFEEDS + 4))
conf "$WORK/base.conf" 0 2
DB="$WORK/retl.db"

# wait_analysis DB: waits for a detached analysis to finish.
wait_analysis() {
	i=0
	while [ "$(sql "$1" "SELECT count(*) FROM analysis_pending")" != 0 ] && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	flock "$1.analysis.lock" true
}
integrity() { sql "$1" "PRAGMA integrity_check"; }
fk_errors() { sql "$1" "PRAGMA foreign_key_check" | wc -l; }
# articles DB: a digest of every article's stored fields.
articles_digest() {
	sql "$1" "SELECT count(*), sum(length(title) + length(summary)) FROM articles" | tr '\n' ' '
	sql "$1" "SELECT guid, title, link, summary FROM articles ORDER BY guid" | sha256sum | cut -c1-16
}
# analysis DB: a digest of the analysis, free of row ids.
analysis_digest() {
	python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
q = {
 "events": "SELECT a.guid, e.date, e.precision, e.day_first, e.day_last, e.expr, e.sentence, e.kind,"
           " (SELECT group_concat(name, ',') FROM (SELECT ac.name FROM event_actors ea JOIN actors ac"
           " ON ac.id = ea.actor_id WHERE ea.event_id = e.id ORDER BY ac.name))"
           " FROM events e JOIN articles a ON a.id = e.article_id",
 "quotes": "SELECT a.guid, q.speaker, ac.name, q.kind, q.cue, q.text, q.start, q.end FROM quotes q"
           " JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.actor_id",
 "actors": "SELECT a.guid, ac.name, aa.mentions FROM article_actors aa JOIN articles a"
           " ON a.id = aa.article_id JOIN actors ac ON ac.id = aa.actor_id",
 "documents": "SELECT a.guid, d.name FROM article_documents ad JOIN articles a ON a.id = ad.article_id"
              " JOIN documents d ON d.id = ad.document_id",
}
out = []
for name, sql in q.items():
    rows = sorted(repr(r) for r in db.execute(sql))
    out.append("%s=%d:%s" % (name, len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:12]))
print(" ".join(out))
PY
}

"$RETL" -r -q --config "$WORK/feeds.conf" --db "$DB"
RC=$?
expect_rc "the store is filled" 0
wait_analysis "$DB"
ARTICLES=$(articles_digest "$DB")
expect_eq "every article is stored" "$(sql "$DB" "SELECT count(*) FROM articles")" $((NFEEDS * ITEMS))

# The reference: --reanalyze on a copy, never interrupted.
python3 -c "import sqlite3,sys; s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]); s.backup(d)" "$DB" "$WORK/ref.db"
start=$(date +%s%N)
"$RETL" --reanalyze --db "$WORK/ref.db" >"$WORK/out" 2>"$WORK/err"
RC=$?
took_ms=$((($(date +%s%N) - start) / 1000000))
printf '# an uninterrupted --reanalyze of %d articles: %d ms\n' $((NFEEDS * ITEMS)) "$took_ms"
expect_rc "an uninterrupted --reanalyze succeeds" 0
REF=$(analysis_digest "$WORK/ref.db")
check "the reference analysis has events, quotes, actors and documents" \
	sh -c "echo '$REF' | grep -q 'events=[1-9].*quotes=[1-9].*actors=[1-9].*documents=[1-9]'"

# --reanalyze killed at random moments.
killed=0
i=1
while [ $i -le 6 ]; do
	"$RETL" --reanalyze -q --db "$DB" 2>>"$WORK/kill.err" &
	pid=$!
	# a moment within the run, whatever this machine's speed: 10% to 80%
	# of the time a run takes, halved each time a run ended first (the
	# reference may have been timed on a busier minute)
	sleep "$(python3 -c "import random; random.seed($i); print(round(max(0.05, random.uniform(0.1, 0.8) * $took_ms / 1000), 3))")"
	if kill -9 "$pid" 2>/dev/null; then
		killed=$((killed + 1))
	else
		took_ms=$((took_ms / 2))
	fi
	wait "$pid" 2>/dev/null
	expect_eq "reanalyze SIGKILL $i: integrity_check" "$(integrity "$DB")" ok
	expect_eq "reanalyze SIGKILL $i: foreign_key_check is empty" "$(fk_errors "$DB")" 0
	expect_eq "reanalyze SIGKILL $i: every article is still there, unchanged" "$(articles_digest "$DB")" "$ARTICLES"
	i=$((i + 1))
done
check "reanalyze SIGKILL: most runs were killed while running ($killed of 6)" test $killed -ge 4
"$RETL" --reanalyze -q --db "$DB" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc "--reanalyze after the kills succeeds" 0
expect_eq "--reanalyze after the kills: the same analysis as an uninterrupted run" \
	"$(analysis_digest "$DB")" "$REF"
expect_eq "--reanalyze after the kills: articles unchanged" "$(articles_digest "$DB")" "$ARTICLES"

# A full disk: the store on a small tmpfs, filled up but for FREE KB, then
# a refresh of new feeds.  Then the space comes back, and a refresh works.
DISK="$WORK/disk"
mkdir -p "$DISK"
if mount -t tmpfs -o size=96m retl-test "$DISK" 2>/dev/null; then
	trap 'umount "$DISK" 2>/dev/null; kill $HTTPD_PID 2>/dev/null; rm -rf "$WORK"' EXIT
	umount "$DISK"
	for free in 0 36 64 1024; do
		mount -t tmpfs -o size=96m retl-test "$DISK"
		"$RETL" -r -q --config "$WORK/base.conf" --db "$DISK/retl.db"
		wait_analysis "$DISK/retl.db"
		before=$(articles_digest "$DISK/retl.db")
		dd if=/dev/zero of="$DISK/fill" bs=4096 2>/dev/null
		truncate -s "-${free}K" "$DISK/fill"
		"$RETL" -r --config "$WORK/more.conf" --db "$DISK/retl.db" >"$WORK/out" 2>"$WORK/err"
		RC=$?
		expect_rc "full disk ($free KB free): status 1" 1
		expect_in "full disk ($free KB free): the message names the store" "$WORK/err" "$DISK/retl.db: "
		check "full disk ($free KB free): the message says why" \
			grep -qE 'disk is full|disk I/O error' "$WORK/err"
		check "full disk ($free KB free): no misleading constraint error" \
			sh -c "! grep -q 'constraint' '$WORK/err'"
		rm -f "$DISK/fill"
		expect_eq "full disk ($free KB free): integrity_check" "$(integrity "$DISK/retl.db")" ok
		expect_eq "full disk ($free KB free): foreign_key_check is empty" "$(fk_errors "$DISK/retl.db")" 0
		expect_eq "full disk ($free KB free): every article stored before is there" \
			"$(articles_digest "$DISK/retl.db")" "$before"
		"$RETL" -r -q --config "$WORK/more.conf" --db "$DISK/retl.db"
		RC=$?
		expect_rc "full disk ($free KB free): with space again, the refresh succeeds" 0
		expect_eq "full disk ($free KB free): with space again, the new feeds are stored" \
			"$(sql "$DISK/retl.db" "SELECT count(*) FROM articles")" $((6 * ITEMS))
		wait_analysis "$DISK/retl.db"
		umount "$DISK"
	done
else
	echo "# SKIP full disk: cannot mount a tmpfs here"
fi

# A read-only store: the file 0400, then the folder 0500.  root writes
# through permissions, so the runs are made as nobody then.
as_user() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}
RO="$WORK/ro"
mkdir -p "$RO"
python3 -c "import sqlite3,sys; s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]); s.backup(d)" "$DB" "$RO/retl.db"
chmod 0644 "$WORK/more.conf"
chmod 0711 "$WORK"
[ "$(id -u)" = 0 ] && chown -R 65534:65534 "$RO"
if as_user "$RETL" --version >/dev/null 2>&1; then
	# the store's content and size; SQLite may add an empty -wal and a
	# -shm beside it, as any reader does.
	snapshot() {
		sha256sum <"$RO/retl.db"
		stat -c '%s %a' "$RO/retl.db"
		[ ! -s "$RO/retl.db-wal" ] && echo "no WAL content"
	}
	readonly_case() { # readonly_case NAME: runs a refresh and a --reanalyze
		before=$(snapshot)
		as_user "$RETL" -r --config "$WORK/more.conf" --db "$RO/retl.db" >"$WORK/out" 2>"$WORK/err"
		RC=$?
		expect_rc "$1: a refresh fails" 1
		expect_in "$1: the refresh names the store" "$WORK/err" "$RO/retl.db"
		check "$1: the refresh says why" grep -qiE 'permission denied|readonly|read-only' "$WORK/err"
		as_user "$RETL" --reanalyze --db "$RO/retl.db" >"$WORK/out" 2>"$WORK/err"
		RC=$?
		expect_rc "$1: --reanalyze fails" 1
		expect_in "$1: --reanalyze names the store" "$WORK/err" "$RO/retl.db"
		expect_eq "$1: nothing changed" "$(snapshot)" "$before"
	}
	chmod 0400 "$RO/retl.db"
	readonly_case "a store file 0400"
	chmod 0600 "$RO/retl.db"
	chmod 0500 "$RO"
	readonly_case "a store folder 0500"
	chmod 0700 "$RO"
	expect_eq "a read-only store: still consistent" "$(integrity "$RO/retl.db")" ok
	expect_eq "a read-only store: every article there" "$(articles_digest "$RO/retl.db")" "$ARTICLES"
else
	echo "# SKIP read-only store: retl cannot be run as an unprivileged user here"
fi

done_testing
