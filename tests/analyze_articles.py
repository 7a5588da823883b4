#!/usr/bin/env python3
"""retl --analyze on the hand-annotated articles of tests/articles/.

Every tests/articles/NAME.txt that has a NAME.expected.json is analysed with
`retl --analyze NAME.txt --date DATE` and checked exactly against it: the
quotes (speaker, actor, kind, and a distinctive part of the words), the
events (date and expression), the actors that must be found, and the
documents (as a set).  Four TAP lines per article; `# ` lines say what is
missing, extra or wrong.  At the end, precision and recall over all articles
for quotes with the right speaker and for events.

The expected files are checked first (each quote's words and each event's
expression must occur in the article, event dates must agree with the
calendar); a mistake there is a test-data error and stops the run.

The expected file:
  {"date": "YYYY-MM-DD",
   "quotes": [{"speaker": "Name" or ["Name", "accepted variant", ...],
               "actor": "actors.conf name" or null,
               "kind": "direct" | "indirect" | "mixed",
               "text": "10 to 60 characters of the words, exactly as in the article"}],
   "events": [{"date": "2025-11-20" | "2025-W47" | "2025-11" | "2025",
               "expr": "the expression exactly as in the article"}],
   "actors": ["actors.conf name", ...],
   "documents": ["Announcement No. 62 of 2025", ...]}
Quotes and events are multisets: an expression used twice is listed twice.

Environment: RETL (default $top_srcdir/src/retl), top_srcdir (default the
directory above this script).  RETL_ACTORS is set to $top_srcdir/actors.conf
and XDG_CONFIG_HOME to /nonexistent, so only the shipped actors count.

Options: --check-data (only validate the expected files), --audit (list the
time-like words of each article that no expected event covers: a help when
annotating a new article).
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.environ.get("top_srcdir") or os.path.dirname(HERE)
ARTICLES = os.path.join(TOP, "tests", "articles")
RETL = os.environ.get("RETL") or os.path.join(TOP, "src", "retl")
ACTORS_CONF = os.path.join(TOP, "actors.conf")

KINDS = ("direct", "indirect", "mixed")
QUOTE_MARKS = '"\u201c\u201d\u2018\u00ab\u00bb'


# ---- helpers ---------------------------------------------------------------

def norm(s):
    """Text for comparison: one kind of apostrophe and quotation mark, single spaces."""
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()


def norm_speaker(s):
    s = norm(s).casefold()
    return s[4:] if s.startswith("the ") else s


def norm_expr(s):
    return norm(s).casefold()


def speakers_of(q):
    sp = q["speaker"]
    return sp if isinstance(sp, list) else [sp]


def short(s, n=70):
    s = norm(s)
    return s if len(s) <= n else s[:n - 3] + "..."


def count_phrase(text, phrase):
    """Occurrences of phrase in text as whole words (so "Nov. 1" is not in "Nov. 10")."""
    return len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text))


def load_actors_conf(path):
    """{canonical name: [names and aliases]} and the "not" phrases, from actors.conf."""
    actors, nots, cur = {}, [], None
    try:
        f = open(path, encoding="utf-8")
    except OSError:
        return None, []
    with f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^\[(.+)\]$", line)
            if m:
                cur = m.group(1).strip()
                actors.setdefault(cur, [cur])
                continue
            m = re.match(r"^(\w+)\s*=\s*(.*)$", line)
            if m and cur:
                key, val = m.group(1), m.group(2).strip()
                if key == "alias":
                    actors[cur].append(val)
                elif key == "not":
                    nots.append(val)
    return actors, nots


# ---- calendar checks for the expected events -------------------------------

MONTHS = {}
for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
        ("december", "dec")], 1):
    for n in names:
        MONTHS[n] = i
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_RE = r"([A-Za-z]+)\.?"


def iso_week(d):
    y, w, _ = d.isocalendar()
    return "%04d-W%02d" % (y, w)


def month_value(y, m):
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return "%04d-%02d" % (y, m)


def plausible_values(expr, d):
    """The values expr can take in an article of date d, or None when unknown.
    Tense is not judged here: a weekday may be the one before or after."""
    e = norm(expr).casefold()
    e = re.sub(r"^(on|in)\s+", "", e)
    e = re.sub(r"^(early|mid|late)[- ]", "", e)
    one = datetime.timedelta(days=1)
    if e == "today":
        return {d.isoformat()}
    if e == "yesterday":
        return {(d - one).isoformat()}
    if e == "tomorrow":
        return {(d + one).isoformat()}
    m = re.match(r"^(this|last|next) week$", e)
    if m:
        k = {"this": 0, "last": -7, "next": 7}[m.group(1)]
        return {iso_week(d + datetime.timedelta(days=k))}
    m = re.match(r"^(this|last|next|later this|earlier this) month$", e)
    if m:
        k = {"last": -1, "next": 1}.get(m.group(1), 0)
        return {month_value(d.year, d.month + k)}
    m = re.match(r"^(this|last|next|later this|earlier this) year$", e)
    if m:
        k = {"last": -1, "next": 1}.get(m.group(1), 0)
        return {"%04d" % (d.year + k)}
    m = re.match(r"^(last |this |next )?(%s)$" % "|".join(WEEKDAYS), e)
    if m:
        wd = WEEKDAYS.index(m.group(2))
        before = [d - datetime.timedelta(days=k) for k in range(1, 8)]
        after = [d + datetime.timedelta(days=k) for k in range(1, 8)]
        cands = (before if m.group(1) == "last " else before + after)
        return {c.isoformat() for c in cands if c.weekday() == wd}
    if re.match(r"^\d{4}$", e):
        return {e}
    # "April 9, 2025", "Oct. 30", "Sept. 16"
    m = re.match(r"^%s (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$" % MONTH_RE, e)
    if m and m.group(1) in MONTHS:
        mon, day, year = MONTHS[m.group(1)], int(m.group(2)), m.group(3)
        years = [int(year)] if year else [d.year - 1, d.year, d.year + 1]
        return {"%04d-%02d-%02d" % (y, mon, day) for y in years}
    # "27 July 2025", "1 August"
    m = re.match(r"^(\d{1,2}) %s(?: (\d{4}))?$" % MONTH_RE, e)
    if m and m.group(2) in MONTHS:
        day, mon, year = int(m.group(1)), MONTHS[m.group(2)], m.group(3)
        years = [int(year)] if year else [d.year - 1, d.year, d.year + 1]
        return {"%04d-%02d-%02d" % (y, mon, day) for y in years}
    # "April", "December 2024"
    m = re.match(r"^%s(?: (\d{4}))?$" % MONTH_RE, e)
    if m and m.group(1) in MONTHS:
        mon, year = MONTHS[m.group(1)], m.group(2)
        years = [int(year)] if year else [d.year - 1, d.year, d.year + 1]
        return {"%04d-%02d" % (y, mon) for y in years}
    return None


def valid_timeml(v):
    try:
        if re.match(r"^\d{4}$", v):
            return True
        if re.match(r"^\d{4}-\d{2}$", v):
            datetime.date(int(v[:4]), int(v[5:]), 1)
            return True
        if re.match(r"^\d{4}-W\d{2}$", v):
            datetime.date.fromisocalendar(int(v[:4]), int(v[6:]), 1)
            return True
        datetime.date.fromisoformat(v)
        return bool(re.match(r"^\d{4}-\d{2}-\d{2}$", v))
    except ValueError:
        return False


# ---- the expected files ----------------------------------------------------

def validate(name, exp, text, actors):
    """Mistakes in one expected file, as a list of messages."""
    errs = []
    for key in ("date", "quotes", "events", "actors", "documents"):
        if key not in exp:
            errs.append("no %r" % key)
    if errs:
        return errs
    try:
        adate = datetime.date.fromisoformat(exp["date"])
    except (TypeError, ValueError):
        return ["bad date %r" % exp["date"]]
    for q in exp["quotes"]:
        sp = speakers_of(q)
        if not sp or not all(isinstance(s, str) and s.strip() for s in sp):
            errs.append("quote with a bad speaker: %r" % q)
        if q.get("kind") not in KINDS:
            errs.append("quote with a bad kind: %r" % q)
        if "actor" not in q or not (q["actor"] is None or isinstance(q["actor"], str)):
            errs.append("quote without an actor (use null): %r" % q)
        elif actors is not None and q["actor"] is not None and q["actor"] not in actors:
            errs.append("quote actor %r is not in actors.conf" % q["actor"])
        t = q.get("text") or ""
        if not 10 <= len(t) <= 60:
            errs.append("quote text must be 10-60 characters: %r" % t)
        if any(c in t for c in QUOTE_MARKS):
            errs.append("quote text has quotation marks: %r" % t)
        if t not in text:
            errs.append("quote text not in the article: %r" % t)
    wanted = {}
    for ev in exp["events"]:
        v, expr = ev.get("date"), ev.get("expr") or ""
        if not isinstance(v, str) or not valid_timeml(v):
            errs.append("event with a bad date: %r" % ev)
            continue
        if expr not in text:
            errs.append("event expression not in the article: %r" % expr)
            continue
        wanted[expr] = wanted.get(expr, 0) + 1
        vals = plausible_values(expr, adate)
        if vals is not None and v not in vals:
            errs.append("event %r dated %s, but in an article of %s it can only be %s"
                        % (expr, v, adate, " or ".join(sorted(vals))))
    for expr, n in wanted.items():
        have = count_phrase(text, expr)
        if have < n:
            errs.append("%r listed %d times but occurs %d times" % (expr, n, have))
    for a in exp["actors"]:
        if actors is not None and a not in actors:
            errs.append("actor %r is not in actors.conf" % a)
    for doc in exp["documents"]:
        if doc not in text:
            errs.append("document %r not written so in the article" % doc)
    return ["%s: %s" % (name, e) for e in errs]


def actor_in_text(text, names, nots):
    """Whether one of an actor's names occurs in text, "not" phrases removed."""
    t = text.replace("\u2019", "'")
    for n in sorted(nots, key=len, reverse=True):
        t = re.sub(r"(?<!\w)" + re.escape(n) + r"(?!\w)", " ", t, flags=re.I)
    return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", t, flags=re.I) for n in names)


def audit(name, exp, text):
    """Time-like words not inside any expected expression: to review by hand."""
    covered = []
    for ev in exp["events"]:
        for m in re.finditer(re.escape(ev["expr"]), text):
            covered.append((m.start(), m.end()))
    words = (r"\b(?:%s)\b" % "|".join(
        [w.capitalize() for w in MONTHS if len(w) > 3] + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
                                                          "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
        + [w.capitalize() for w in WEEKDAYS] + WEEKDAYS
        + ["today", "Today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year",
           "years", "weekend", "quarter", "decade", "ago", "earlier", "later", "since", "until"])
        + r"|\b(?:19|20)\d\d\b")
    for m in re.finditer(words, text):
        if not any(s <= m.start() < e for s, e in covered):
            a, b = max(0, m.start() - 30), min(len(text), m.end() + 30)
            print("# %s: %r in ...%s..." % (name, m.group(0), norm(text[a:b])))


# ---- comparing ------------------------------------------------------------

def compare_quotes(exp_quotes, got_quotes):
    """(messages, speaker-correct matches)."""
    msgs, used, right = [], set(), 0
    for q in exp_quotes:
        want = norm(q["text"])
        cands = [i for i, g in enumerate(got_quotes)
                 if i not in used and want in norm(g.get("text"))]
        names = {norm_speaker(s) for s in speakers_of(q)}

        def score(i):
            g = got_quotes[i]
            return ((norm_speaker(g.get("speaker")) in names) * 4 + (g.get("actor") == q["actor"]) * 2
                    + (g.get("kind") == q["kind"]))
        if not cands:
            msgs.append("missing: %s (%s): %s" % (speakers_of(q)[0], q["kind"], q["text"]))
            continue
        i = max(cands, key=score)
        used.add(i)
        g = got_quotes[i]
        if norm_speaker(g.get("speaker")) in names:
            right += 1
        else:
            msgs.append("wrong speaker: %r, expected %r: %s" % (g.get("speaker"), speakers_of(q)[0], q["text"]))
        if g.get("actor") != q["actor"]:
            msgs.append("wrong actor: %r, expected %r: %s" % (g.get("actor"), q["actor"], q["text"]))
        if g.get("kind") != q["kind"]:
            msgs.append("wrong kind: %r, expected %r: %s" % (g.get("kind"), q["kind"], q["text"]))
    for i, g in enumerate(got_quotes):
        if i not in used:
            msgs.append("extra: %s (%s, %s): %s" % (g.get("speaker"), g.get("kind"), g.get("actor"),
                                                   short(g.get("text"))))
    return msgs, right


def compare_events(exp_events, got_events):
    """(messages, matches)."""
    msgs, used, hits = [], set(), 0
    missing = []
    for ev in exp_events:
        hit = None
        for i, g in enumerate(got_events):
            if i not in used and g.get("date") == ev["date"] and norm_expr(g.get("expr")) == norm_expr(ev["expr"]):
                hit = i
                break
        if hit is None:
            missing.append(ev)
        else:
            used.add(hit)
            hits += 1
    for ev in missing:
        same = [i for i, g in enumerate(got_events)
                if i not in used and norm_expr(g.get("expr")) == norm_expr(ev["expr"])]
        if same:
            used.add(same[0])
            msgs.append("wrong date: %r is %s, expected %s" % (ev["expr"], got_events[same[0]].get("date"),
                                                             ev["date"]))
        else:
            msgs.append("missing: %s %r" % (ev["date"], ev["expr"]))
    for i, g in enumerate(got_events):
        if i not in used:
            msgs.append("extra: %s %r in: %s" % (g.get("date"), g.get("expr"), short(g.get("text"), 60)))
    return msgs, hits


# ---- main -----------------------------------------------------------------

def main(argv):
    check_only = "--check-data" in argv
    do_audit = "--audit" in argv
    actors, nots = load_actors_conf(ACTORS_CONF)

    cases, errors = [], []
    for path in sorted(glob.glob(os.path.join(ARTICLES, "*.expected.json"))):
        name = os.path.basename(path)[:-len(".expected.json")]
        article = os.path.join(ARTICLES, name + ".txt")
        try:
            with open(path, encoding="utf-8") as f:
                exp = json.load(f)
        except (OSError, ValueError) as e:
            errors.append("%s: %s" % (os.path.basename(path), e))
            continue
        try:
            with open(article, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            errors.append("%s: no article: %s" % (name, e))
            continue
        errors += validate(name, exp, text, actors)
        cases.append((name, article, exp, text))
    if not cases and not errors:
        errors.append("no annotated articles in %s" % ARTICLES)
    if errors:
        for e in errors:
            print("# test data: %s" % e)
        print("Bail out! %d error(s) in the expected files of tests/articles" % len(errors))
        return 1
    if do_audit:
        for name, _, exp, text in cases:
            audit(name, exp, text)
    if check_only:
        print("# %d annotated articles, %d quotes, %d events: test data valid" % (
            len(cases), sum(len(c[2]["quotes"]) for c in cases), sum(len(c[2]["events"]) for c in cases)))
        return 0

    env = dict(os.environ, RETL_ACTORS=ACTORS_CONF, XDG_CONFIG_HOME="/nonexistent")
    n, failed = 0, 0
    tot = {"q_exp": 0, "q_got": 0, "q_ok": 0, "e_exp": 0, "e_got": 0, "e_ok": 0}

    # Known gaps: "ARTICLE ASPECT" lines of what the analysis does not get
    # right yet.  A failure listed there is reported as a TAP skip, with
    # its reasons; a listed one that passes fails the suite until its line
    # is removed, so the list only ever shrinks.
    gaps = set()
    gaps_file = os.path.join(os.path.dirname(ACTORS_CONF), "tests", "articles", "KNOWN_GAPS")
    if os.path.exists(gaps_file):
        for line in open(gaps_file, encoding="utf-8"):
            line = line.split("#", 1)[0].split()
            if len(line) == 2:
                gaps.add((line[0], line[1]))

    def tap(ok, desc, msgs):
        nonlocal n, failed
        n += 1
        name, _, aspect = desc.partition(": ")
        known = (name, aspect.split(" ")[0]) in gaps
        if known and ok:
            ok = False
            desc += ": listed in KNOWN_GAPS but passes now; remove its line"
        elif known:
            ok = True
            desc += " # SKIP known gap (tests/articles/KNOWN_GAPS)"
        failed += not ok
        print("%s %d - %s" % ("ok" if ok else "not ok", n, desc))
        for m in msgs:
            print("# %s" % m)

    for name, article, exp, text in cases:
        problem = None
        try:
            out = subprocess.run([RETL, "--analyze", article, "--date", exp["date"]],
                                 capture_output=True, env=env, timeout=60)
            if out.returncode != 0:
                problem = "retl --analyze exited %d: %s" % (out.returncode,
                                                           short(out.stderr.decode("utf-8", "replace"), 200))
            got = json.loads(out.stdout.decode("utf-8"))
            if not isinstance(got, dict):
                raise ValueError("not a JSON object")
        except (OSError, subprocess.TimeoutExpired, ValueError) as e:
            problem = problem or "retl --analyze: %s" % e
            got = {}
        pre = [problem] if problem else []
        gq = [q for q in got.get("quotes") or [] if isinstance(q, dict)]
        ge = [e for e in got.get("events") or [] if isinstance(e, dict)]

        msgs, right = compare_quotes(exp["quotes"], gq)
        tot["q_exp"] += len(exp["quotes"])
        tot["q_got"] += len(gq)
        tot["q_ok"] += right
        tap(not msgs and not problem, "%s: quotes (%d expected, %d found)" % (name, len(exp["quotes"]), len(gq)),
            pre + msgs)

        msgs, hits = compare_events(exp["events"], ge)
        tot["e_exp"] += len(exp["events"])
        tot["e_got"] += len(ge)
        tot["e_ok"] += hits
        tap(not msgs and not problem, "%s: events (%d expected, %d found)" % (name, len(exp["events"]), len(ge)),
            pre + msgs)

        found = {a.get("name") for a in got.get("actors") or [] if isinstance(a, dict)}
        msgs = ["missing actor: %s" % a for a in exp["actors"] if a not in found]
        if actors is not None:
            msgs += ["(test data: no name of %s occurs in the article)" % a for a in exp["actors"]
                     if a in actors and not actor_in_text(text, actors[a], nots)]
        if msgs:
            msgs.append("found: %s" % ", ".join(sorted(x for x in found if x)))
        tap(not msgs and not problem, "%s: actors" % name, pre + msgs)

        docs = got.get("documents") or []
        docs = {d for d in docs if isinstance(d, str)}
        want = set(exp["documents"])
        msgs = ["missing document: %s" % d for d in sorted(want - docs)]
        msgs += ["extra document: %s" % d for d in sorted(docs - want)]
        tap(not msgs and not problem, "%s: documents" % name, pre + msgs)

    def ratio(a, b):
        return "%.2f" % (a / b) if b else "n/a"
    print("# quotes: P=%s, R=%s (%d with the right speaker; %d found, %d expected)" % (
        ratio(tot["q_ok"], tot["q_got"]), ratio(tot["q_ok"], tot["q_exp"]), tot["q_ok"], tot["q_got"], tot["q_exp"]))
    print("# events: P=%s, R=%s (%d right; %d found, %d expected)" % (
        ratio(tot["e_ok"], tot["e_got"]), ratio(tot["e_ok"], tot["e_exp"]), tot["e_ok"], tot["e_got"], tot["e_exp"]))
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
