#!/usr/bin/env python3
"""Generate the feeds that bench/refresh serves: N feeds of M items each.

The feeds are a mix of RSS 2.0, Atom 1.0 and RSS 1.0 (RDF), in turn, with
trade-policy news items whose bodies are realistic 1-6 KB HTML (quotes,
dates, entities, non-ASCII text), made by bench/genfeed.py's Generator.
The output is deterministic: the same --seed, --feeds and --items give the
same bytes on every run and every machine (Python 3.6 or later, stdlib).

Writes DIR/feeds/NNN.xml and DIR/manifest.tsv, one line a feed:

    NNN <TAB> format <TAB> content-type <TAB> etag <TAB> last-modified <TAB> items <TAB> bytes

The ETag (a quoted hash of the bytes) and the Last-Modified date (an HTTP
date) are what bench/refresh-server.py serves and what the warm curl floor
sends back.  A summary line goes to standard error.

Usage: refresh-gen.py --out DIR [--feeds 200] [--items 50] [--seed N]
"""

import argparse
import hashlib
import os
import sys
from datetime import timedelta
from email.utils import format_datetime

sys.dont_write_bytecode = True  # no __pycache__ in bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genfeed  # noqa: E402  (bench/genfeed.py: vocabulary and bodies)

DEFAULT_SEED = 20240602
FORMATS = ["rss2", "atom", "rss1"]
CONTENT_TYPES = {
    "rss2": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "rss1": "application/rdf+xml; charset=utf-8",
}
DESKS = [
    "Trade Remedies", "WTO & Disputes", "Tariffs", "Export Controls",
    "Sanctions", "Free Trade Agreements", "Customs & Origin", "Agriculture",
    "Steel & Metals", "Energy Transition", "Supply Chains", "Digital Trade",
    "Asia-Pacific", "Europe", "Americas", "Africa",
]
esc = genfeed.xml_escape
aesc = genfeed.attr_escape


def rfc3339(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class FeedMaker:
    def __init__(self, seed):
        self.g = genfeed.Generator(seed)
        self.r = self.g.rng

    def entry(self, feed_no):
        """The fields of one news item (a dict), its body 1-6 KB of HTML."""
        g, r = self.g, self.r
        g.serial += 1
        n = g.serial
        when = g.now - timedelta(minutes=37 * (n % 1000) + r.randint(0, 36),
                                 days=feed_no % 7)
        region = r.choice(genfeed.REGIONS)
        title = "%s %s %s" % (region, r.choice(genfeed.VERBS), r.choice(genfeed.PRODUCTS))
        if r.random() < 0.2:
            title += " from %s" % r.choice([x for x in genfeed.REGIONS if x != region])
        if r.random() < 0.1:
            title += " — update"
        slug = genfeed.slugify(title)
        link = "https://tradewire.example.com/news/%d/%02d/%s-%d" % (
            when.year, when.month, slug, n)
        lead = "<p><em>%s, %s</em> — %s</p>" % (
            r.choice(["Brussels", "Geneva", "Washington", "Beijing (北京)", "Tokyo",
                      "New Delhi", "São Paulo", "Ottawa", "London"]),
            g.date_words(), g.sentence())
        size = r.randint(1000, 6000)
        body = lead + "\n" + g.body_html(max(0, size - len(lead)))
        return {
            "n": n, "when": when, "title": title, "link": link,
            "author": r.choice(genfeed.AUTHORS),
            "cats": r.sample(genfeed.CATEGORIES, r.randint(1, 3)),
            "summary": g.sentence(), "body": body,
            "cdata": "]]>" not in body and r.random() < 0.7,
        }

    @staticmethod
    def html_text(e):
        """The body as XML text: in CDATA, or escaped."""
        if e["cdata"]:
            return "<![CDATA[%s]]>" % e["body"]
        return esc(e["body"])

    def rss2(self, no, title, entries):
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
               '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
               ' xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n',
               "<title>%s</title>\n" % esc(title),
               "<link>https://tradewire.example.com/desk/%03d</link>\n" % no,
               "<description>Trade policy news: %s</description>\n" % esc(title),
               "<language>en</language>\n",
               "<lastBuildDate>%s</lastBuildDate>\n" % genfeed.rfc822(entries[0]["when"])]
        for e in entries:
            out.append("<item>\n<title>%s</title>\n<link>%s</link>\n" % (esc(e["title"]), esc(e["link"])))
            out.append('<guid isPermaLink="false">tradewire-%08d</guid>\n' % e["n"])
            out.append("<pubDate>%s</pubDate>\n" % genfeed.rfc822(e["when"]))
            out.append("<dc:creator>%s</dc:creator>\n" % esc(e["author"]))
            for c in e["cats"]:
                out.append("<category>%s</category>\n" % esc(c))
            out.append("<description>%s</description>\n" % self.html_text(e))
            out.append("</item>\n")
        out.append("</channel>\n</rss>\n")
        return "".join(out)

    def atom(self, no, title, entries):
        out = ['<?xml version="1.0" encoding="utf-8"?>\n'
               '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n',
               "<title>%s</title>\n" % esc(title),
               '<link rel="alternate" href="https://tradewire.example.com/desk/%03d"/>\n' % no,
               "<id>tag:tradewire.example.com,2024:desk-%03d</id>\n" % no,
               "<updated>%s</updated>\n" % rfc3339(entries[0]["when"])]
        for e in entries:
            out.append("<entry>\n<title type=\"text\">%s</title>\n" % esc(e["title"]))
            out.append('<link rel="alternate" type="text/html" href="%s"/>\n' % aesc(e["link"]))
            out.append("<id>tag:tradewire.example.com,2024:%08d</id>\n" % e["n"])
            out.append("<published>%s</published>\n" % rfc3339(e["when"]))
            out.append("<updated>%s</updated>\n" % rfc3339(e["when"] + timedelta(minutes=5)))
            out.append("<author><name>%s</name></author>\n" % esc(e["author"]))
            for c in e["cats"]:
                out.append('<category term="%s"/>\n' % aesc(c))
            out.append("<summary>%s</summary>\n" % esc(e["summary"]))
            out.append('<content type="html">%s</content>\n' % self.html_text(e))
            out.append("</entry>\n")
        out.append("</feed>\n")
        return "".join(out)

    def rss1(self, no, title, entries):
        chan = "https://tradewire.example.com/desk/%03d" % no
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
               '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
               ' xmlns="http://purl.org/rss/1.0/"'
               ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
               ' xmlns:content="http://purl.org/rss/1.0/modules/content/">\n',
               '<channel rdf:about="%s">\n<title>%s</title>\n<link>%s</link>\n'
               % (chan, esc(title), chan),
               "<description>Trade policy news: %s</description>\n" % esc(title),
               "<items>\n<rdf:Seq>\n"]
        for e in entries:
            out.append('<rdf:li rdf:resource="%s"/>\n' % aesc(e["link"]))
        out.append("</rdf:Seq>\n</items>\n</channel>\n")
        for e in entries:
            out.append('<item rdf:about="%s">\n' % aesc(e["link"]))
            out.append("<title>%s</title>\n<link>%s</link>\n" % (esc(e["title"]), esc(e["link"])))
            out.append("<dc:date>%s</dc:date>\n" % rfc3339(e["when"]))
            out.append("<dc:creator>%s</dc:creator>\n" % esc(e["author"]))
            for c in e["cats"]:
                out.append("<dc:subject>%s</dc:subject>\n" % esc(c))
            out.append("<description>%s</description>\n" % esc(e["summary"]))
            out.append("<content:encoded>%s</content:encoded>\n" % self.html_text(e))
            out.append("</item>\n")
        out.append("</rdf:RDF>\n")
        return "".join(out)

    def feed(self, no, nitems):
        fmt = FORMATS[no % len(FORMATS)]
        title = "TradeWire %03d — %s" % (no, DESKS[no % len(DESKS)])
        entries = [self.entry(no) for _ in range(nitems)]
        entries.sort(key=lambda e: e["when"], reverse=True)
        text = getattr(self, fmt)(no, title, entries)
        return fmt, text.encode("utf-8"), entries[0]["when"]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate bench/refresh's feeds.")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a = ap.parse_args(argv)
    if not 1 <= a.feeds <= 100000 or not 1 <= a.items <= 100000:
        ap.error("--feeds and --items must be between 1 and 100000")

    mk = FeedMaker(a.seed)
    fdir = os.path.join(a.out, "feeds")
    os.makedirs(fdir, exist_ok=True)
    lines, total = [], 0
    for no in range(a.feeds):
        fmt, data, newest = mk.feed(no, a.items)
        name = "%03d" % no
        with open(os.path.join(fdir, name + ".xml"), "wb") as f:
            f.write(data)
        etag = '"%s"' % hashlib.sha1(data).hexdigest()[:20]
        lastmod = format_datetime(newest + timedelta(minutes=3), usegmt=True)
        lines.append("\t".join([name, fmt, CONTENT_TYPES[fmt], etag, lastmod,
                                str(a.items), str(len(data))]))
        total += len(data)
    tmp = os.path.join(a.out, "manifest.tsv.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, os.path.join(a.out, "manifest.tsv"))
    print("refresh-gen: %d feeds, %d items, %d bytes" % (a.feeds, a.feeds * a.items, total),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
