#!/usr/bin/env python3
"""retl --analyze on the seed article: the quotes, speakers, events, actors
and document of issue 4's acceptance test.  Prints TAP."""
import json
import os
import subprocess
import sys

top = os.environ.get("top_srcdir", ".")
retl = os.environ.get("RETL", os.path.join(top, "src", "retl"))
seed = os.path.join(top, "tests", "articles", "seed-rare-earths.txt")
env = dict(os.environ, RETL_ACTORS=os.path.join(top, "actors.conf"),
           XDG_CONFIG_HOME="/nonexistent")

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


out = subprocess.run([retl, "--analyze", seed, "--date", "2025-11-21"],
                     capture_output=True, env=env)
check("--analyze exits 0", out.returncode == 0, out.stderr.decode()[:300])
try:
    got = json.loads(out.stdout)
except ValueError as e:
    got = {"quotes": [], "events": [], "actors": [], "documents": []}
    check("--analyze prints JSON", False, str(e))
text = open(seed, encoding="utf-8").read()

# (speaker, kind, a distinctive part of the words)
EXPECTED = [
    ("Scott Bessent", "direct", "This is China versus the world"),
    ("Scott Bessent", "indirect", "negotiations remain a possibility"),
    ("Scott Bessent", "direct", "I believe China is open to discussion"),
    ("a spokesperson for the Chinese Commerce Ministry", "direct", "despite repeated dissuasion"),
    ("Naoise McDonagh", "mixed", "shock the system"),
    ("Naoise McDonagh", "direct", "The timing has really upset"),
    ("Naoise McDonagh", "indirect", "Washington can also threaten China"),
    ("Naoise McDonagh", "mixed", "stop it dead in the water"),
    ("Naoise McDonagh", "indirect", "willing to endure some pain"),
    ("Naoise McDonagh", "direct", "China can carry on"),
    ("Naoise McDonagh", "direct", "But if China cuts off"),
    ("Natasha Jha Bhaskar", "indirect", "approximately 70%"),
    ("Natasha Jha Bhaskar", "mixed", "best immediate lever"),
    ("Marina Zhang", "indirect", "worked diligently to establish its dominance"),
    ("Marina Zhang", "indirect", "vast talent pool"),
    ("Marina Zhang", "indirect", "production infrastructure remains underdeveloped"),
    ("Marina Zhang", "direct", "Even if the US and all its allies"),
    ("Sophia Kalantzakos", "indirect", "a very small part of China"),
    ("Sophia Kalantzakos", "mixed", "is huge"),
    ("Sophia Kalantzakos", "mixed", "getting its ducks in a row"),
    ("Jiao Yang", "indirect", "upper hand"),
    ("Jiao Yang", "indirect", "could offer to lower tariffs"),
]

quotes = got.get("quotes", [])
used = set()
found = 0
for speaker, kind, words in EXPECTED:
    hit = None
    for i, q in enumerate(quotes):
        if i not in used and words in (q.get("text") or "") and q.get("speaker") == speaker:
            hit = i
            break
    if hit is not None:
        used.add(hit)
        found += 1
    print("# %-4s %s: %s" % ("ok" if hit is not None else "MISS", speaker, words))
extras = [q for i, q in enumerate(quotes) if i not in used]
for q in extras:
    print("# extra: %s: %s" % (q.get("speaker"), (q.get("text") or "")[:60]))
check("at least 20 of the 22 quotes with the right speaker (%d)" % found, found >= 20)
check("no more than 3 other quotes (%d)" % len(extras), len(extras) <= 3)
spokes = [q for q in quotes if "despite repeated dissuasion" in (q.get("text") or "")]
check("the spokesperson's quote is MOFCOM's",
      bool(spokes) and spokes[0].get("actor") == "MOFCOM")

# start/end are character offsets of the words in the input
bad = [q for q in quotes if text[q["start"]:q["end"]] != q["text"]]
check("every quote's start/end give its text", not bad, repr(bad[:1]))

dates = {e["date"] for e in got.get("events", [])}
for d in ["2025-W46", "2025-11-20", "2025-09", "2025-W47", "2025-05", "2025-11", "2025-04"]:
    check("an event dated %s" % d, d in dates, sorted(dates))
w46 = [e for e in got.get("events", []) if e["date"] == "2025-W46"]
check("last week's event is MOFCOM's announcement",
      bool(w46) and "MOFCOM" in w46[0]["actors"] and "Announcement No. 62" in w46[0]["text"])

actors = {a["name"] for a in got.get("actors", [])}
for a in ["MOFCOM", "US Treasury", "China", "United States"]:
    check("actor %s found" % a, a in actors, sorted(actors))
check("the document Announcement No. 62 of 2025",
      "Announcement No. 62 of 2025" in got.get("documents", []), got.get("documents"))

for n, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
    if not ok and detail:
        print("# %s" % str(detail)[:500])
print("1..%d" % len(results))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
