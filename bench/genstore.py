#!/usr/bin/env python3
"""bench/genstore.py N DB [--shuffled]: fills a retl store (created by
retl with its own schema) with N generated articles over three years
(2023-2025), each with its publication event, two events found in its
text, their actors, one or two quotes, now and then a document, and a
short text in the search index.

Articles get their ids in the order they were published, as a store
filled by `retl --refresh` over the years has them; --shuffled gives ids
in random order of date instead: the worst case for reading a range of
dates, since its rows are then spread over the whole file."""
import random
import sqlite3
import sys
import time

n, path = int(sys.argv[1]), sys.argv[2]
shuffled = "--shuffled" in sys.argv[3:]
db = sqlite3.connect(path)
db.execute("PRAGMA synchronous = OFF")
rnd = random.Random(5)
actors = ["China", "United States", "MOFCOM", "USTR", "US Treasury", "White House",
          "European Union", "Japan", "WTO", "BIS", "OFAC", "South Korea"]
db.executemany("INSERT OR IGNORE INTO actors (name, kind) VALUES (?, 'agency')",
               [(a,) for a in actors])
ids = [r[0] for r in db.execute("SELECT id FROM actors ORDER BY id")]
for f in range(50):
    db.execute("INSERT INTO feeds (url, name) VALUES (?, ?)",
               ("http://127.0.0.1/f%d.xml" % f, "source %d" % f))
words = ("tariff export control rare earth port fee talks truce ministry commerce "
         "announcement sanctions shipping soybeans chips licence").split()
speakers = ["Scott Bessent", "Jamieson Greer", "He Yongqian", "Li Chenggang",
            "a spokesperson", "Howard Lutnick", "an analyst", "Wang Wentao"]
start = int(time.mktime((2023, 1, 1, 0, 0, 0, 0, 0, 0)))
span = 3 * 365 * 86400
times = [start + rnd.randrange(span) for _ in range(n)]
if not shuffled:
    times.sort()
db.execute("DROP TRIGGER articles_analysis_insert")


def articles():
    for i in range(1, n + 1):
        t = times[i - 1]
        title = "%s %s %s %d" % (rnd.choice(words).title(), rnd.choice(words), rnd.choice(words), i)
        yield (i, 1 + i % 50, "g%d" % i, title, "http://127.0.0.1/a/%d" % i, t,
               "<p>%s</p>" % title, t, t)


db.executemany("INSERT INTO articles (id, feed_id, guid, title, link, published, content,"
               " first_seen, last_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", articles())


def events():
    eid = 0
    for (i, t, title) in db.execute("SELECT id, published, title FROM articles ORDER BY id").fetchall():
        day = time.strftime("%Y-%m-%d", time.gmtime(t))
        eid += 1
        yield (eid, i, day, "day", day, day, "", title, "published")
        for k in range(2):
            d = time.strftime("%Y-%m-%d", time.gmtime(t - rnd.randrange(60) * 86400))
            eid += 1
            yield (eid, i, d, "day", d, d, "on Thursday", "%s said on Thursday." % title, "text")


db.executemany("INSERT INTO events (id, article_id, date, precision, day_first, day_last,"
               " expr, sentence, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", events())
db.execute("INSERT INTO event_actors (event_id, actor_id) SELECT id, (id * 7) %% %d + %d FROM events"
           % (len(ids), ids[0]))
db.execute("INSERT OR IGNORE INTO event_actors (event_id, actor_id) SELECT id, (id * 3) %% %d + %d"
           " FROM events WHERE id %% 3 = 0" % (len(ids), ids[0]))


def quotes():
    for i in range(1, n + 1):
        for k in range(1 + (i % 2)):
            text = " ".join(rnd.choice(words) for _ in range(8 + rnd.randrange(30)))
            actor = ids[rnd.randrange(len(ids))] if rnd.random() < 0.6 else None
            yield (i, rnd.choice(speakers), actor, rnd.choice(("direct", "indirect", "mixed")),
                   "said", text, 10 * k, 10 * k + len(text))


db.executemany("INSERT INTO quotes (article_id, speaker, actor_id, kind, cue, text, start, end)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", quotes())
db.executemany("INSERT INTO documents (id, name) VALUES (?, ?)",
               [(d, "Announcement No. %d of %d" % (d % 100 + 1, 2023 + d % 3))
                for d in range(1, 301)])
db.executemany("INSERT INTO article_documents (article_id, document_id) VALUES (?, ?)",
               [(i, 1 + rnd.randrange(300)) for i in range(1, n + 1, 8)])
db.execute("INSERT INTO search (rowid, title, text) SELECT id, title, title FROM articles")
db.execute("CREATE TRIGGER articles_analysis_insert AFTER INSERT ON articles BEGIN"
           "  INSERT OR IGNORE INTO analysis_pending (article_id, fresh) VALUES (new.id, 1);"
           "END;")
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
