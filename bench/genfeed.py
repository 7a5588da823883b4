#!/usr/bin/env python3
"""Generate a large, realistic RSS 2.0 trade-news feed for benchmarks.

The output is deterministic: the same --seed and --size give the same
bytes on every run and every machine (Python 3.6 or later, stdlib only).
The file is exactly --size bytes long (unless --size is too small to hold
the channel and one short entry, about 1.5 KB: then it is a little longer).

Each <item> carries what a trade-news feed carries: title, link, guid,
pubDate, dc:creator, a few categories and a 1-6 KB description of HTML,
mostly in CDATA, sometimes escaped (&lt;p&gt;...), with entities, quotes,
dates and some non-ASCII text (e.g. accented names, em dashes, Chinese).

Usage: genfeed.py [--size BYTES] [--out FILE] [--seed N]
The number of items written is printed on standard error.
"""

import argparse
import os
import random
import sys
from datetime import datetime, timedelta, timezone

DEFAULT_SIZE = 50_000_000
DEFAULT_SEED = 20240601

# ---- vocabulary -------------------------------------------------------------

REGIONS = [
    "EU", "US", "China", "Japan", "India", "Brazil", "Canada", "Mexico",
    "UK", "Australia", "South Korea", "Vietnam", "Indonesia", "Türkiye",
    "South Africa", "Chile", "Côte d'Ivoire", "Mercosur", "ASEAN", "Norway",
]
PRODUCTS = [
    "steel", "aluminium", "solar panels", "electric vehicles", "soybeans",
    "semiconductors", "rare earths", "wine", "dairy", "lithium batteries",
    "shrimp", "rice", "fertiliser", "wind turbines", "pharmaceuticals",
    "timber", "cotton", "beef", "polysilicon", "ceramic tiles", "biodiesel",
    "optical fibre", "hardwood plywood", "crémant", "olive oil", "tyres",
]
VERBS = [
    "imposes anti-dumping duties on", "opens safeguard probe into",
    "lifts quota on", "extends countervailing duties on",
    "files WTO dispute over", "agrees tariff cut for",
    "suspends retaliatory tariffs on", "tightens export controls on",
    "launches expiry review of duties on", "raises MFN tariff on",
    "grants duty-free access to", "bans imports of",
]
INSTITUTIONS = [
    "European Commission", "USTR", "MOFCOM", "WTO Dispute Settlement Body",
    "Department of Commerce", "DG TRADE", "Ministry of Economy, Trade and Industry",
    "Canada Border Services Agency", "Directorate General of Trade Remedies",
    "Trade Remedies Authority", "International Trade Commission",
]
PEOPLE = [
    "Valdis Dombrovskis", "Katherine Tai", "Wang Wentao (王文涛)",
    "Ngozi Okonjo-Iweala", "Hélène Dubois", "José Manuel Ortega",
    "Zhang Wei (张伟)", "Li Na (李娜)", "Piyush Goyal", "Mary Ng",
    "Kemi Badenoch", "Ömer Bolat", "Bernd Lange", "Chen Jing (陈静)",
    "François Lefèvre", "Søren Østergaard", "Yasutoshi Nishimura",
    "Gina Raimondo", "Don Farrell", "Alckmin Geraldo",
]
AUTHORS = [
    "Anna Kowalska", "Ben Carter", "Chloé Martin", "David Okafor",
    "Emma Lindqvist", "Liu Yang (刘洋)", "Marta Ruiz", "Nikhil Rao",
    "Olivier Bénard", "Priya Natarajan", "Sam O'Neill", "Tomás Ó Briain",
    "Zhou Min (周敏)", "Jürgen Weiß",
]
CATEGORIES = [
    "Trade Remedies", "Anti-dumping", "Countervailing Duties", "Safeguards",
    "WTO", "Tariffs", "Export Controls", "Free Trade Agreements", "Customs",
    "Agriculture", "Steel & Aluminium", "Energy Transition", "Sanctions",
    "Supply Chains", "Digital Trade", "Asia-Pacific", "Europe", "Americas",
    "Africa", "Market Access", "Rules of Origin", "Investment Screening",
]
CATEGORY_DOMAIN = "https://tradewire.example.com/topics"
SENTENCES = [
    "The measure follows a complaint lodged by domestic producers, who argue that "
    "imports surged by {pct}% over the investigation period.",
    "Officials said the provisional duties, ranging from {pct}% to {pct2}%, would "
    "apply for six months while the investigation continues.",
    "Importers have until {date} to submit comments & supporting evidence.",
    "Industry groups welcomed the decision — though several warned it came "
    "“far too late” for plants that have already closed.",
    "Exporters rejected the findings, saying the dumping margin of {pct}% relied on "
    "a surrogate country whose prices are not comparable.",
    "The ruling covers {n} tariff lines under HS headings {hs1} and {hs2}.",
    "Analysts expect the volume of affected trade to exceed €{bn} billion a year.",
    "A hearing is scheduled for {date}; a final determination is due by {date2}.",
    "Under the agreement, tariffs on {product} fall to zero over {n} years, with "
    "a safeguard if imports grow faster than {pct}% in any twelve-month period.",
    "Shipping data show that cargo volumes at the main ports were {pct}% lower "
    "than a year earlier, partly because of longer routes around the Cape.",
    "The case is the {n}th brought under the procedure since it was introduced.",
    "Trade lawyers noted that the margin is below the de minimis level of 2% for "
    "one of the cooperating exporters, which will be excluded.",
    "Customs authorities will require importers to register consignments from "
    "{date}, allowing duties to be collected retroactively.",
    "The panel found that the measure was “inconsistent with Articles I and II” "
    "of the GATT 1994, and recommended that it be brought into conformity.",
    "Prices for {product} on the domestic market fell {pct}% between {date} and {date2}.",
    "Smaller firms say compliance costs are a greater burden than the duty itself.",
    "Negotiators meet again in Geneva on {date} to discuss the remaining chapters.",
]
QUOTES = [
    "We will defend our industry against unfair competition, firmly and within the rules.",
    "This is a protectionist step that harms consumers & downstream users.",
    "Our door remains open to dialogue — but dialogue needs two parties.",
    "The evidence of injury is overwhelming; we could not wait any longer.",
    "We are studying the decision carefully and reserve all our rights under the WTO.",
    "Retaliation is not our first choice, but it is on the table.",
    "The agreement gives our farmers certainty for the next decade.",
    "Supply chains cannot be rebuilt overnight, whatever the tariff rate.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"]


def xml_escape(s):
    """Escapes text for an XML element's content."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr_escape(s):
    return xml_escape(s).replace('"', "&quot;")


def rfc822(t):
    return "%s, %02d %s %04d %02d:%02d:%02d +0000" % (
        DAYS[t.weekday()], t.day, MON3[t.month - 1], t.year, t.hour, t.minute, t.second)


def slugify(s):
    out = []
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")[:60]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.now = datetime(2024, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
        self.serial = 0

    def date_words(self):
        r = self.rng
        d = self.now + timedelta(days=r.randint(-400, 200))
        if r.random() < 0.5:
            return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
        return d.strftime("%Y-%m-%d")

    def sentence(self):
        r = self.rng
        return r.choice(SENTENCES).format(
            pct=r.randint(3, 95), pct2=r.randint(96, 250), n=r.randint(2, 60),
            date=self.date_words(), date2=self.date_words(),
            hs1="%04d.%02d" % (r.randint(1000, 9999), r.randint(10, 99)),
            hs2="%04d.%02d" % (r.randint(1000, 9999), r.randint(10, 99)),
            bn=r.randint(1, 40), product=r.choice(PRODUCTS))

    def paragraph(self):
        """One HTML paragraph (or quote, or list) of the body."""
        r = self.rng
        x = r.random()
        if x < 0.15:
            person = r.choice(PEOPLE)
            return ("<blockquote><p>“%s”</p><footer>— %s, %s</footer></blockquote>"
                    % (r.choice(QUOTES), person, self.date_words()))
        if x < 0.25:
            items = "".join("<li>%s</li>" % self.sentence() for _ in range(r.randint(2, 4)))
            return "<ul>%s</ul>" % items
        if x < 0.35:
            return ('<p>"%s," said %s of the %s. <a href="https://tradewire.example.com/'
                    'search?q=%s&amp;lang=en&amp;page=%d">Read more</a></p>'
                    % (r.choice(QUOTES).rstrip("."), r.choice(PEOPLE),
                       r.choice(INSTITUTIONS), slugify(r.choice(PRODUCTS)),
                       r.randint(1, 9)))
        parts = [self.sentence() for _ in range(r.randint(2, 5))]
        if r.random() < 0.3:
            parts[0] = "<strong>%s</strong>" % parts[0]
        if r.random() < 0.2:
            parts.append("Duties stay &lt; 10%% for exporters that cooperated "
                         "(see <em>OJ L %d</em>)." % r.randint(100, 399))
        return "<p>%s</p>" % " ".join(parts)

    def body_html(self, target):
        """HTML of roughly target bytes (UTF-8)."""
        r = self.rng
        out = []
        size = 0
        if r.random() < 0.3:
            img = ('<p><img src="https://cdn.tradewire.example.com/img/%d.jpg" '
                   'alt="Container port" width="640" height="360"/></p>' % r.randint(1, 99999))
            out.append(img)
            size += len(img)
        while size < target:
            p = self.paragraph()
            out.append(p)
            size += len(p.encode("utf-8"))
        return "\n".join(out)

    def item(self, body_bytes=None, filler=0):
        """One <item> as UTF-8 bytes.  filler adds that many ASCII bytes to
        the end of the description, to make the file an exact size."""
        r = self.rng
        self.serial += 1
        n = self.serial
        when = self.now - timedelta(minutes=17 * n + r.randint(0, 16))
        region = r.choice(REGIONS)
        product = r.choice(PRODUCTS)
        verb = r.choice(VERBS)
        title = "%s %s %s" % (region, verb, product)
        if r.random() < 0.2:
            title += " from %s" % r.choice([x for x in REGIONS if x != region])
        if r.random() < 0.15:
            title = "%s & %s: %s" % (region, r.choice(REGIONS), title[len(region) + 1:])
        if r.random() < 0.1:
            title += " — update"
        slug = slugify(title)
        link = "https://tradewire.example.com/news/%d/%02d/%s-%d" % (
            when.year, when.month, slug, n)
        if r.random() < 0.2:
            link += "?utm_source=rss&utm_medium=feed"
        cats = r.sample(CATEGORIES, r.randint(2, 4))
        author = r.choice(AUTHORS)

        if body_bytes is None:
            body_bytes = r.randint(1000, 6000)
        lead = "<p><em>%s, %s</em> — %s</p>" % (
            r.choice(["Brussels", "Geneva", "Washington", "Beijing (北京)", "Tokyo",
                      "New Delhi", "São Paulo", "Ottawa", "London"]),
            self.date_words(), self.sentence())
        html = lead + "\n" + self.body_html(max(0, body_bytes - len(lead)))
        if filler:
            # Plain ASCII text, so that escaping cannot change its length.
            html += (" end of feed padding" * (filler // 20 + 1))[:filler]

        out = ["<item>\n"]
        out.append("<title>%s</title>\n" % xml_escape(title))
        out.append("<link>%s</link>\n" % xml_escape(link))
        if r.random() < 0.7:
            out.append('<guid isPermaLink="false">tradewire-%08d</guid>\n' % n)
        else:
            out.append('<guid isPermaLink="true">%s</guid>\n' % xml_escape(link))
        out.append("<pubDate>%s</pubDate>\n" % rfc822(when))
        out.append("<dc:creator>%s</dc:creator>\n" % xml_escape(author))
        for c in cats:
            if r.random() < 0.3:
                out.append('<category domain="%s">%s</category>\n'
                           % (attr_escape(CATEGORY_DOMAIN), xml_escape(c)))
            else:
                out.append("<category>%s</category>\n" % xml_escape(c))
        if "]]>" not in html and r.random() < 0.8:
            out.append("<description><![CDATA[%s]]></description>\n" % html)
        else:
            out.append("<description>%s</description>\n" % xml_escape(html))
        out.append("</item>\n")
        return "".join(out).encode("utf-8")


def header(gen):
    built = rfc822(gen.now)
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>TradeWire — Trade Policy &amp; Remedies News</title>
<link>https://tradewire.example.com/</link>
<atom:link href="https://tradewire.example.com/feed.rss" rel="self" type="application/rss+xml"/>
<description>Anti-dumping, safeguards, tariffs &amp; WTO disputes, as they happen.</description>
<language>en-gb</language>
<copyright>© 2024 TradeWire Ltd.</copyright>
<lastBuildDate>%s</lastBuildDate>
<generator>retl bench/genfeed.py</generator>
<ttl>30</ttl>
""" % built).encode("utf-8")


FOOTER = b"</channel>\n</rss>\n"


def generate(size, seed, out):
    """Writes the feed to the binary file out; returns (bytes, items)."""
    gen = Generator(seed)
    written = 0
    items = 0
    head = header(gen)
    out.write(head)
    written += len(head)
    while True:
        item = gen.item()
        if len(item) > size - written - len(FOOTER):
            break  # dropped: the rest is filled below
        out.write(item)
        written += len(item)
        items += 1
    # What is left is filled with one last, short item padded to the exact
    # byte, or with blank lines when not even a short item fits (but a feed
    # always gets at least one item).
    budget = size - written - len(FOOTER)
    state, serial = gen.rng.getstate(), gen.serial
    short = gen.item(body_bytes=0)
    if len(short) < budget:
        gen.rng.setstate(state)
        gen.serial = serial
        short = gen.item(body_bytes=0, filler=budget - len(short))
        assert len(short) == budget, (len(short), budget)
    if len(short) <= budget or items == 0:
        out.write(short)
        written += len(short)
        items += 1
    budget = size - written - len(FOOTER)
    if budget > 0:
        out.write(b"\n" * budget)
        written += budget
    out.write(FOOTER)
    written += len(FOOTER)
    return written, items


def parse_size(s):
    mult = 1
    s = s.strip()
    suffixes = {"K": 1000, "M": 1000 ** 2, "G": 1000 ** 3,
                "KI": 1024, "MI": 1024 ** 2, "GI": 1024 ** 3}
    up = s.upper().rstrip("B")
    for suf in ("KI", "MI", "GI", "K", "M", "G"):
        if up.endswith(suf):
            mult = suffixes[suf]
            up = up[:-len(suf)]
            break
    try:
        n = int(float(up) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError("not a size: %r" % s)
    if n <= 0:
        raise argparse.ArgumentTypeError("size must be positive: %r" % s)
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Generate a deterministic, realistic RSS 2.0 trade-news feed.")
    ap.add_argument("--size", type=parse_size, default=DEFAULT_SIZE,
                    help="size in bytes, K/M/G = 10^3/10^6/10^9, Ki/Mi/Gi = 2^10.. "
                         "(default 50M = 50,000,000 bytes)")
    ap.add_argument("--out", default="-", help="output file (default: standard output)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED,
                    help="random seed (default %d)" % DEFAULT_SEED)
    args = ap.parse_args(argv)

    if args.out == "-":
        written, items = generate(args.size, args.seed, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        tmp = args.out + ".tmp"
        with open(tmp, "wb") as f:
            written, items = generate(args.size, args.seed, f)
        os.replace(tmp, args.out)
    print("genfeed: %d bytes, %d items" % (written, items), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
