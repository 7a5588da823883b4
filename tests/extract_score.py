#!/usr/bin/env python3
"""Score `retl --extract` on the hand-written pages of tests/extract-pages/.

For every NAME.html in DIR (default: extract-pages/ beside this script),
`RETL --extract NAME.html` is run (10 s timeout) and its standard output is
compared with NAME.txt, the expected article text (see
extract-pages/README.md for the rules it follows).

Two measures, both precision / recall / F1 over multisets:
  words     maximal runs of letters and digits, casefolded; every CJK
            ideograph, kana and hangul syllable is a word of its own;
  shingles  4-grams of consecutive words (as in the ScrapingHub
            article-extraction benchmark); a text of fewer than 4 words is
            one shingle.

One line per page (name, word P R F1, shingle F1), then the means.
Exit 1 if a page's word F1 is below --min-page or the mean word F1 below
--min-mean; exit 2 on a setup error (retl missing, no pages).

--expected-only checks the corpus itself without retl: every .html has a
non-empty UTF-8 .txt (and the reverse), the .txt is in the expected shape
(paragraphs separated by one blank line, trailing newline), the .html
decodes in its declared charset and parses, and every expected paragraph
occurs, word for word, in the page's text (its visible text or a JSON-LD
string).

Only the Python standard library is used.
"""

import argparse
import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def is_cjk(ch):
    o = ord(ch)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3134F
            or 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9D
            or 0xAC00 <= o <= 0xD7AF)


def words(text):
    """Letter/digit runs, casefolded; each CJK character is a word."""
    out = []
    run = []
    for ch in unicodedata.normalize("NFKC", text).casefold():
        if is_cjk(ch):
            if run:
                out.append("".join(run))
                run = []
            out.append(ch)
        elif ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc"):
            run.append(ch)
        elif run:
            out.append("".join(run))
            run = []
    if run:
        out.append("".join(run))
    return out


def shingles(ws, n=4):
    if not ws:
        return []
    if len(ws) < n:
        return [tuple(ws)]
    return [tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)]


def prf(got, want):
    g, w = collections.Counter(got), collections.Counter(want)
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(w.values()) if w else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- corpus checks ----------------------------------------------------------

WHATWG = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
          "windows-1252": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
          "gb18030": "gb18030", "utf8": "utf-8", "utf-8": "utf-8"}


def declared_charset(raw):
    head = raw[:4096].decode("ascii", "replace")
    m = re.search(r"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", head, re.I)
    return m.group(1).lower() if m else "utf-8"


class TextCollector(html.parser.HTMLParser):
    SKIP = {"script", "style", "template", "noscript"}
    BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
             "section", "article", "aside", "header", "footer", "main", "nav", "blockquote",
             "figure", "figcaption", "table", "ul", "ol", "dl", "dt", "dd", "form"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.jsonld = []
        self.stack = []
        self.ntags = 0
        self.seen = set()

    def handle_starttag(self, tag, attrs):
        self.ntags += 1
        self.seen.add(tag)
        if tag in self.SKIP:
            kind = dict(attrs).get("type", "") or ""
            self.stack.append((tag, kind.lower()))
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.stack:
            self.parts.append(data)
        elif self.stack[-1] == ("script", "application/ld+json"):
            self.jsonld.append(data)


def json_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from json_strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from json_strings(v)


def check_page(path):
    """Problems with one page of the corpus, as a list of strings."""
    problems = []
    base = path[:-5]
    txt = base + ".txt"
    if not os.path.exists(txt):
        return ["no expected text %s" % os.path.basename(txt)]
    raw = open(txt, "rb").read()
    try:
        exp = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["%s is not UTF-8: %s" % (os.path.basename(txt), e)]
    if not exp.strip():
        return ["%s is empty" % os.path.basename(txt)]
    if not exp.endswith("\n") or exp.endswith("\n\n"):
        problems.append("the .txt must end in exactly one newline")
    if exp.startswith("\ufeff"):
        problems.append("the .txt starts with a byte-order mark")
    paras = exp.rstrip("\n").split("\n\n")
    for i, p in enumerate(paras):
        if not p or "\n" in p or p != p.strip() or re.search(r"\s\s", p):
            problems.append("paragraph %d is not one clean line: %r" % (i + 1, p[:60]))
    hraw = open(path, "rb").read()
    cs = declared_charset(hraw)
    codec = WHATWG.get(cs, cs)
    try:
        doc = hraw.decode(codec)
    except (LookupError, UnicodeDecodeError) as e:
        return problems + ["the .html does not decode as its declared %s: %s" % (cs, e)]
    col = TextCollector()
    try:
        col.feed(doc)
        col.close()
    except Exception as e:  # html.parser is lenient; anything here is serious
        return problems + ["the .html does not parse: %s" % e]
    if col.ntags < 20 or "body" not in col.seen:
        problems.append("the .html has no body or hardly any markup")
    sources = ["".join(col.parts)]
    for blob in col.jsonld:
        try:
            sources.extend(json_strings(json.loads(blob)))
        except ValueError as e:
            problems.append("a JSON-LD block does not parse: %s" % e)
    hay = ["\x01" + "\x01".join(words(s)) + "\x01" for s in sources]
    for i, p in enumerate(paras):
        needle = "\x01" + "\x01".join(words(p)) + "\x01"
        if needle == "\x01\x01":
            problems.append("paragraph %d has no words" % (i + 1))
        elif not any(needle in h for h in hay):
            problems.append("paragraph %d does not occur word for word in the page: %r" % (i + 1, p[:70]))
    return problems


def expected_only(pages, folder):
    bad = 0
    htmls = {p[:-5] for p in pages}
    for t in sorted(f for f in os.listdir(folder) if f.endswith(".txt")):
        if os.path.join(folder, t[:-4]) not in htmls:
            print("%s: expected text without a page" % t)
            bad += 1
    for path in pages:
        probs = check_page(path)
        name = os.path.basename(path)[:-5]
        print("%-40s %s" % (name, "ok" if not probs else "FAIL"))
        for pr in probs:
            print("    " + pr)
        bad += bool(probs)
    print("%d pages, %d with problems" % (len(pages), bad))
    return 1 if bad else 0


# --- scoring ------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", default=os.path.join(HERE, "extract-pages"))
    ap.add_argument("--retl", default=None, help="the retl binary (default $RETL or src/retl)")
    ap.add_argument("--min-page", type=float, default=0.0)
    ap.add_argument("--min-mean", type=float, default=0.0)
    ap.add_argument("--verbose", "-v", action="store_true", help="show missing and extra words per page")
    ap.add_argument("--expected-only", action="store_true", help="check the corpus only; do not run retl")
    a = ap.parse_args()

    if not os.path.isdir(a.dir):
        print("extract_score: no directory %s" % a.dir, file=sys.stderr)
        return 2
    pages = sorted(os.path.join(a.dir, f) for f in os.listdir(a.dir) if f.endswith(".html"))
    if not pages:
        print("extract_score: no .html pages in %s" % a.dir, file=sys.stderr)
        return 2
    if a.expected_only:
        return expected_only(pages, a.dir)

    retl = a.retl or os.environ.get("RETL")
    if not retl:
        top = os.environ.get("top_srcdir") or os.path.dirname(HERE)
        cands = [os.path.join(os.getcwd(), "src", "retl"), os.path.join(top, "src", "retl")]
        retl = next((c for c in cands if os.path.isfile(c)), cands[-1])
    if not (os.path.isfile(retl) and os.access(retl, os.X_OK)):
        print("extract_score: no executable retl at %s (use --retl or $RETL)" % retl, file=sys.stderr)
        return 2

    wf, sf, failures = [], [], []
    print("# %-38s %6s %6s %6s  %s" % ("page", "P", "R", "F1", "shingleF1"))
    for path in pages:
        name = os.path.basename(path)[:-5]
        txt = path[:-5] + ".txt"
        if not os.path.exists(txt):
            print("extract_score: %s has no expected text" % name, file=sys.stderr)
            return 2
        want = open(txt, encoding="utf-8").read()
        note = ""
        try:
            res = subprocess.run([retl, "--extract", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 stdin=subprocess.DEVNULL, timeout=10)
            got = res.stdout.decode("utf-8", "replace")
            if res.returncode != 0:
                note = "  (exit %d%s)" % (res.returncode, ": " + res.stderr.decode("utf-8", "replace").strip().splitlines()[-1][:80]
                                          if res.stderr.strip() else "")
        except subprocess.TimeoutExpired:
            got, note = "", "  (timed out after 10 s)"
        except OSError as e:
            print("extract_score: cannot run %s: %s" % (retl, e), file=sys.stderr)
            return 2
        gw, ww = words(got), words(want)
        p, r, f = prf(gw, ww)
        _, _, s = prf(shingles(gw), shingles(ww))
        wf.append(f)
        sf.append(s)
        print("%-40s %6.3f %6.3f %6.3f  %6.3f%s" % (name, p, r, f, s, note))
        if a.verbose:
            g, w = collections.Counter(gw), collections.Counter(ww)
            miss, extra = w - g, g - w
            if miss:
                print("    missing: " + " ".join("%s×%d" % kv if kv[1] > 1 else kv[0] for kv in miss.most_common(15)))
            if extra:
                print("    extra:   " + " ".join("%s×%d" % kv if kv[1] > 1 else kv[0] for kv in extra.most_common(15)))
        if f < a.min_page:
            failures.append("%s: word F1 %.3f below --min-page %.3f" % (name, f, a.min_page))
    mw, ms = sum(wf) / len(wf), sum(sf) / len(sf)
    print("mean word F1: %.3f" % mw)
    print("mean shingle F1: %.3f" % ms)
    if mw < a.min_mean:
        failures.append("mean word F1 %.3f below --min-mean %.3f" % (mw, a.min_mean))
    for fl in failures:
        print("FAIL " + fl)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
