from common import *
import base64

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>USTR Fact Sheets</title>
  <id>tag:ustr.gov,2025:fact-sheets</id>
  <updated>2025-04-02T20:30:00Z</updated>
  <entry>
    <title>Fact Sheet: President Trump Declares National Emergency to Increase our Competitive Edge</title>
    <id>tag:ustr.gov,2025:fact-sheets/reciprocal</id>
    <updated>2025-04-02T20:30:00Z</updated>
    <link href="https://ustr.gov/about/policy-offices/press-office/fact-sheets/2025/april/fact-sheet-reciprocal-tariffs"/>
  </entry>
</feed>
''')
fixture('atom10-minimal', x, F('atom10', 'USTR Fact Sheets', None, None, '2025-04-02T20:30:00Z', [],
    [E('tag:ustr.gov,2025:fact-sheets/reciprocal',
       'Fact Sheet: President Trump Declares National Emergency to Increase our Competitive Edge',
       'https://ustr.gov/about/policy-offices/press-office/fact-sheets/2025/april/fact-sheet-reciprocal-tariffs',
       updated='2025-04-02T20:30:00Z')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">European Commission – Trade press corner</title>
  <subtitle type="html">Press releases &lt;em&gt;and&lt;/em&gt; statements of &lt;b&gt;DG Trade&lt;/b&gt;</subtitle>
  <link rel="self" type="application/atom+xml" href="https://ec.europa.eu/commission/presscorner/api/rss?policyarea=TRADE"/>
  <link rel="alternate" type="text/html" href="https://ec.europa.eu/commission/presscorner/home/en"/>
  <id>urn:uuid:5e2b7c1e-0f3d-4a8e-9c1b-ec0trade0001</id>
  <updated>2025-07-27T18:15:00+02:00</updated>
  <author>
    <name>European Commission</name>
    <email>press@ec.europa.eu</email>
    <uri>https://ec.europa.eu</uri>
  </author>
  <generator uri="https://ec.europa.eu/commission/presscorner">presscorner</generator>
  <rights>© European Union, 2025</rights>
  <entry>
    <title type="html">EU–US &lt;b&gt;joint statement&lt;/b&gt; on a framework agreement</title>
    <link rel="alternate" type="text/html" href="https://ec.europa.eu/commission/presscorner/detail/en/statement_25_1930"/>
    <id>urn:uuid:statement_25_1930</id>
    <published>2025-08-21T10:00:00+02:00</published>
    <updated>2025-08-21T12:30:00+02:00</updated>
    <author><name>Maroš Šefčovič</name></author>
    <author><name>Ursula von der Leyen</name></author>
    <contributor><name>DG Trade press office</name></contributor>
    <category term="trade" label="Trade"/>
    <category term="usa"/>
    <category label="Economic security"/>
    <category term="trade"/>
    <summary type="text">The EU and the US set out a framework for reciprocal, fair and balanced trade.</summary>
    <content type="html">&lt;p&gt;The European Union and the United States &lt;a href="https://ec.europa.eu/x"&gt;agreed&lt;/a&gt; on a framework.&lt;/p&gt;</content>
  </entry>
</feed>
''')
fixture('atom10-full', x, F('atom10', 'European Commission – Trade press corner',
    'https://ec.europa.eu/commission/presscorner/home/en', 'Press releases and statements of DG Trade',
    '2025-07-27T16:15:00Z', [],
    [E('urn:uuid:statement_25_1930', 'EU–US joint statement on a framework agreement',
       'https://ec.europa.eu/commission/presscorner/detail/en/statement_25_1930',
       'Maroš Šefčovič, Ursula von der Leyen', '2025-08-21T08:00:00Z', '2025-08-21T10:30:00Z',
       'The EU and the US set out a framework for reciprocal, fair and balanced trade.',
       '<p>The European Union and the United States <a href="https://ec.europa.eu/x">agreed</a> on a framework.</p>',
       ['trade', 'usa', 'Economic security'])]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Global Trade Alert: <em>state acts</em></div></title>
  <id>https://www.globaltradealert.org/feed</id>
  <updated>2025-05-01T00:00:00Z</updated>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">India <b>raises</b> duties &amp; fees</div></title>
    <id>https://www.globaltradealert.org/intervention/140001</id>
    <link href="https://www.globaltradealert.org/intervention/140001"/>
    <updated>2025-04-30T16:00:00Z</updated>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Import tariff on <abbr title="Harmonized &quot;System&quot;">HS</abbr> 7208 raised.</p></div></summary>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>The Government of India raised the basic customs duty from 7.5% to 10%.<br/>Effective immediately.</p>
        <p class="source">Source: <a href="https://cbic.gov.in/notification?id=12&amp;y=2025">CBIC notification</a> &lt;12/2025&gt;</p>
        <script></script>
        <xhtml:img xmlns:xhtml="http://www.w3.org/1999/xhtml" src="chart.png" alt="chart"/>
      </div>
    </content>
  </entry>
</feed>
''')
fixture('atom10-xhtml', x, F('atom10', 'Global Trade Alert: state acts', None, None, '2025-05-01T00:00:00Z', [],
    [E('https://www.globaltradealert.org/intervention/140001', 'India raises duties & fees',
       'https://www.globaltradealert.org/intervention/140001', None, None, '2025-04-30T16:00:00Z',
       '<p>Import tariff on <abbr title="Harmonized &quot;System&quot;">HS</abbr> 7208 raised.</p>',
       '<p>The Government of India raised the basic customs duty from 7.5% to 10%.<br/>Effective immediately.</p>\n'
       '        <p class="source">Source: <a href="https://cbic.gov.in/notification?id=12&amp;y=2025">CBIC notification</a> &lt;12/2025&gt;</p>\n'
       '        <script></script>\n'
       '        <img src="chart.png" alt="chart"/>')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Politico Pro Trade</title>
  <id>tag:politico.com,2025:trade</id>
  <updated>2025-03-04T05:01:00-05:00</updated>
  <link href="https://www.politico.com/trade"/>
  <entry>
    <title type="html">Tariffs on Canada &amp;amp; Mexico take effect</title>
    <id>tag:politico.com,2025:trade/1</id>
    <link href="https://www.politico.com/news/2025/03/04/tariffs-canada-mexico"/>
    <updated>2025-03-04T05:01:00-05:00</updated>
    <summary type="html">&lt;p&gt;25%&amp;nbsp;duties begin&lt;/p&gt;</summary>
    <content type="html"><![CDATA[<p>Duties of 25% on goods from <b>Canada</b> & Mexico took effect at 12:01 a.m.</p>]]></content>
  </entry>
  <entry>
    <title type="text/html">Canada&apos;s &lt;i&gt;counter-tariffs&lt;/i&gt;</title>
    <id>tag:politico.com,2025:trade/2</id>
    <updated>2025-03-04T12:00:00Z</updated>
    <content type="text/html">&lt;ul&gt;&lt;li&gt;C$30 billion&lt;/li&gt;&lt;/ul&gt;</content>
  </entry>
</feed>
''')
fixture('atom10-html', x, F('atom10', 'Politico Pro Trade', 'https://www.politico.com/trade', None,
    '2025-03-04T10:01:00Z', [],
    [E('tag:politico.com,2025:trade/1', 'Tariffs on Canada & Mexico take effect',
       'https://www.politico.com/news/2025/03/04/tariffs-canada-mexico', None, None, '2025-03-04T10:01:00Z',
       '<p>25%&nbsp;duties begin</p>',
       '<p>Duties of 25% on goods from <b>Canada</b> & Mexico took effect at 12:01 a.m.</p>'),
     E('tag:politico.com,2025:trade/2', "Canada's counter-tariffs", updated='2025-03-04T12:00:00Z',
       content='<ul><li>C$30 billion</li></ul>')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Tags &lt;b&gt; &amp; tariffs</title>
  <id>tag:tradeblog.example,2025:feed</id>
  <updated>2025-02-01T09:00:00Z</updated>
  <entry>
    <title type="text">Why "&lt;b&gt;" tags &amp; tariffs don't mix</title>
    <id>tag:tradeblog.example,2025:1</id>
    <updated>2025-02-01T09:00:00Z</updated>
    <author><name>A. &lt;Tom&gt; Smith &amp; Co.</name></author>
    <summary>Plain text: 5 &lt; 10 &amp;&amp; &lt;em&gt;not&lt;/em&gt; markup</summary>
    <content type="text">
  Line one.
Line two &amp; three.  </content>
  </entry>
</feed>
''')
fixture('atom10-text-literal', x, F('atom10', 'Tags <b> & tariffs', None, None, '2025-02-01T09:00:00Z', [],
    [E('tag:tradeblog.example,2025:1', 'Why "<b>" tags & tariffs don\'t mix', None, 'A. <Tom> Smith & Co.',
       None, '2025-02-01T09:00:00Z', 'Plain text: 5 < 10 && <em>not</em> markup',
       'Line one.\nLine two & three.')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>WTO Dispute Settlement</title>
  <id>tag:wto.org,2025:disputes</id>
  <updated>2025-06-20T14:00:00Z</updated>
  <entry>
    <title>DS623: panel report circulated</title>
    <id>tag:wto.org,2025:ds623</id>
    <link rel="alternate" href="https://www.wto.org/english/tratop_e/dispu_e/cases_e/ds623_e.htm"/>
    <updated>2025-06-20T14:00:00Z</updated>
    <summary>The panel report in DS623 was circulated to Members.</summary>
    <content type="application/pdf" src="https://docs.wto.org/dol2fe/Pages/SS/ds623r.pdf"/>
  </entry>
  <entry>
    <title>DS624: request for consultations</title>
    <id>tag:wto.org,2025:ds624</id>
    <updated>2025-06-21T09:00:00Z</updated>
    <content type="html" src="https://www.wto.org/english/tratop_e/dispu_e/cases_e/ds624_e.htm">ignored: out of line</content>
  </entry>
  <entry>
    <title>DS625: annex</title>
    <id>tag:wto.org,2025:ds625</id>
    <updated>2025-06-22T09:00:00Z</updated>
    <content type="application/octet-stream">VGhpcyBpcyBiaW5hcnk=</content>
  </entry>
</feed>
''')
fixture('atom10-content-src', x, F('atom10', 'WTO Dispute Settlement', None, None, '2025-06-20T14:00:00Z', [],
    [E('tag:wto.org,2025:ds623', 'DS623: panel report circulated',
       'https://www.wto.org/english/tratop_e/dispu_e/cases_e/ds623_e.htm', None, None, '2025-06-20T14:00:00Z',
       'The panel report in DS623 was circulated to Members.'),
     E('tag:wto.org,2025:ds624', 'DS624: request for consultations', updated='2025-06-21T09:00:00Z'),
     E('tag:wto.org,2025:ds625', 'DS625: annex', updated='2025-06-22T09:00:00Z')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Federal Register: Section 232</title>
  <link rel="self" href="https://www.federalregister.gov/section-232.atom"/>
  <link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
  <link rel="alternate" hreflang="en" href="https://www.federalregister.gov/section-232"/>
  <id>tag:federalregister.gov,2025:section-232</id>
  <updated>2025-03-12T04:00:00Z</updated>
  <entry>
    <title>Adjusting Imports of Aluminum</title>
    <id>tag:federalregister.gov,2025:2025-02833</id>
    <updated>2025-02-18T00:00:00Z</updated>
    <link rel="self" href="https://www.federalregister.gov/api/v1/documents/2025-02833.json"/>
    <link rel="enclosure" type="application/pdf" href="https://www.govinfo.gov/content/pkg/FR-2025-02-18/pdf/2025-02833.pdf"/>
    <link rel="related" href="https://www.whitehouse.gov/presidential-actions/2025/02/adjusting-imports-of-aluminum/"/>
    <link rel="alternate" type="application/pdf" href="https://www.federalregister.gov/documents/2025/02/18/2025-02833.pdf"/>
    <link rel="alternate" type="text/html" href="https://www.federalregister.gov/documents/2025/02/18/2025-02833/adjusting-imports-of-aluminum"/>
  </entry>
  <entry>
    <title>Only self and enclosure</title>
    <id>tag:federalregister.gov,2025:2025-02834</id>
    <updated>2025-02-18T00:00:00Z</updated>
    <link rel="self" href="https://www.federalregister.gov/api/v1/documents/2025-02834.json"/>
    <link rel="enclosure" href="https://www.govinfo.gov/content/pkg/FR-2025-02-18/pdf/2025-02834.pdf"/>
  </entry>
  <entry>
    <title>A link with no rel is the alternate</title>
    <id>tag:federalregister.gov,2025:2025-02835</id>
    <updated>2025-02-18T00:00:00Z</updated>
    <link rel="via" href="https://www.regulations.gov/document/USTR-2025-0001"/>
    <link href="https://www.federalregister.gov/d/2025-02835"/>
  </entry>
  <entry>
    <title>Alternate of another type beats other relations</title>
    <id>tag:federalregister.gov,2025:2025-02836</id>
    <updated>2025-02-18T00:00:00Z</updated>
    <link rel="replies" href="https://www.federalregister.gov/d/2025-02836/comments"/>
    <link rel="alternate" type="application/pdf" href="https://www.federalregister.gov/d/2025-02836.pdf"/>
    <link rel="edit" href="https://www.federalregister.gov/admin/2025-02836"/>
  </entry>
</feed>
''')
fixture('atom10-links', x, F('atom10', 'Federal Register: Section 232', 'https://www.federalregister.gov/section-232',
    None, '2025-03-12T04:00:00Z', [],
    [E('tag:federalregister.gov,2025:2025-02833', 'Adjusting Imports of Aluminum',
       'https://www.federalregister.gov/documents/2025/02/18/2025-02833/adjusting-imports-of-aluminum',
       updated='2025-02-18T00:00:00Z'),
     E('tag:federalregister.gov,2025:2025-02834', 'Only self and enclosure',
       'https://www.federalregister.gov/api/v1/documents/2025-02834.json', updated='2025-02-18T00:00:00Z'),
     E('tag:federalregister.gov,2025:2025-02835', 'A link with no rel is the alternate',
       'https://www.federalregister.gov/d/2025-02835', updated='2025-02-18T00:00:00Z'),
     E('tag:federalregister.gov,2025:2025-02836', 'Alternate of another type beats other relations',
       'https://www.federalregister.gov/d/2025-02836.pdf', updated='2025-02-18T00:00:00Z')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>CBP Trade News</title>
  <id>tag:cbp.gov,2025:trade</id>
  <updated>2025-04-05T04:01:00Z</updated>
  <author><name>U.S. Customs and Border Protection</name></author>
  <entry>
    <title>CSMS # 64649265: Guidance on Reciprocal Tariffs</title>
    <id>tag:cbp.gov,2025:csms-64649265</id>
    <updated>2025-04-05T04:01:00Z</updated>
  </entry>
  <entry>
    <title>Trade Statistics for March</title>
    <id>tag:cbp.gov,2025:stats-march</id>
    <updated>2025-04-04T15:00:00Z</updated>
    <author><name>Office of Trade</name><uri>https://www.cbp.gov/trade</uri></author>
  </entry>
  <entry>
    <title>Author without a name</title>
    <id>tag:cbp.gov,2025:no-name</id>
    <updated>2025-04-03T15:00:00Z</updated>
    <author><email>trade@cbp.dhs.gov</email></author>
  </entry>
</feed>
''')
fixture('atom10-author-fallback', x, F('atom10', 'CBP Trade News', None, None, '2025-04-05T04:01:00Z', [],
    [E('tag:cbp.gov,2025:csms-64649265', 'CSMS # 64649265: Guidance on Reciprocal Tariffs', None,
       'U.S. Customs and Border Protection', None, '2025-04-05T04:01:00Z'),
     E('tag:cbp.gov,2025:stats-march', 'Trade Statistics for March', None, 'Office of Trade', None,
       '2025-04-04T15:00:00Z'),
     E('tag:cbp.gov,2025:no-name', 'Author without a name', None, 'U.S. Customs and Border Protection', None,
       '2025-04-03T15:00:00Z')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Planet Trade Policy</title>
  <id>tag:planet.tradepolicy.example,2025:feed</id>
  <updated>2025-03-13T16:30:00Z</updated>
  <author><name>Planet Trade editors</name></author>
  <entry>
    <id>tag:planet.tradepolicy.example,2025:1</id>
    <title>Canada announces retaliatory tariffs</title>
    <updated>2025-03-13T15:00:00Z</updated>
    <link href="https://www.canada.ca/en/department-finance/news/2025/03/countermeasures.html"/>
    <source>
      <id>https://www.canada.ca/en/department-finance.atom</id>
      <title>Department of Finance Canada</title>
      <subtitle>News releases</subtitle>
      <link rel="alternate" href="https://www.canada.ca/en/department-finance.html"/>
      <updated>2025-03-13T16:00:00Z</updated>
      <author><name>Finance Canada</name></author>
      <category term="source-category"/>
    </source>
  </entry>
  <entry>
    <source>
      <id>https://www.international.gc.ca/news.atom</id>
      <title>Global Affairs Canada</title>
      <link href="https://www.international.gc.ca/"/>
      <published>2025-03-01T00:00:00Z</published>
      <rights>Crown copyright</rights>
      <author><name>GAC</name></author>
    </source>
    <title>Countermeasures list published</title>
    <id>tag:planet.tradepolicy.example,2025:2</id>
    <updated>2025-03-13T16:30:00Z</updated>
  </entry>
</feed>
''')
fixture('atom10-source-no-leak', x, F('atom10', 'Planet Trade Policy', None, None, '2025-03-13T16:30:00Z', [],
    [E('tag:planet.tradepolicy.example,2025:1', 'Canada announces retaliatory tariffs',
       'https://www.canada.ca/en/department-finance/news/2025/03/countermeasures.html', 'Planet Trade editors',
       None, '2025-03-13T15:00:00Z'),
     E('tag:planet.tradepolicy.example,2025:2', 'Countermeasures list published', None, 'Planet Trade editors',
       None, '2025-03-13T16:30:00Z')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.federalregister.gov/">
  <title>Federal Register: Antidumping</title>
  <link href="topics/antidumping"/>
  <id>tag:federalregister.gov,2025:antidumping</id>
  <updated>2025-05-20T04:00:00Z</updated>
  <entry xml:base="documents/2025/05/20/">
    <title>Certain Steel Nails From Taiwan</title>
    <id>tag:federalregister.gov,2025:2025-09001</id>
    <updated>2025-05-20T04:00:00Z</updated>
    <link href="2025-09001/certain-steel-nails-from-taiwan"/>
  </entry>
  <entry xml:base="documents/2025/05/21/">
    <title>Nested bases are cumulative</title>
    <id>tag:federalregister.gov,2025:2025-09100</id>
    <updated>2025-05-21T04:00:00Z</updated>
    <content type="xhtml" xml:base="../22/"><div xmlns="http://www.w3.org/1999/xhtml"><p>See below.</p></div></content>
    <link xml:base="2025-09100/" href="full-text.html"/>
  </entry>
  <entry>
    <title>Absolute href ignores the base</title>
    <id>tag:federalregister.gov,2025:2025-09200</id>
    <updated>2025-05-22T04:00:00Z</updated>
    <link href="https://www.regulations.gov/docket/ITA-2025-0001"/>
  </entry>
</feed>
''')
fixture('atom10-xml-base', x, F('atom10', 'Federal Register: Antidumping', 'https://www.federalregister.gov/topics/antidumping',
    None, '2025-05-20T04:00:00Z', [],
    [E('tag:federalregister.gov,2025:2025-09001', 'Certain Steel Nails From Taiwan',
       'https://www.federalregister.gov/documents/2025/05/20/2025-09001/certain-steel-nails-from-taiwan',
       updated='2025-05-20T04:00:00Z'),
     E('tag:federalregister.gov,2025:2025-09100', 'Nested bases are cumulative',
       'https://www.federalregister.gov/documents/2025/05/21/2025-09100/full-text.html',
       updated='2025-05-21T04:00:00Z', content='<p>See below.</p>'),
     E('tag:federalregister.gov,2025:2025-09200', 'Absolute href ignores the base',
       'https://www.regulations.gov/docket/ITA-2025-0001', updated='2025-05-22T04:00:00Z')]))

# A relative xml:base, itself resolved against the document's URL.
x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/trade/">
  <title>SCMP Trade</title>
  <link rel="alternate" href="./"/>
  <id>tag:scmp.com,2025:trade</id>
  <updated>2025-04-10T00:00:00Z</updated>
  <entry>
    <title>Hong Kong exporters brace for US tariffs</title>
    <id>tag:scmp.com,2025:3305999</id>
    <updated>2025-04-10T00:00:00Z</updated>
    <link href="article/3305999/hong-kong-exporters-brace"/>
  </entry>
  <entry xml:base="https://amp.scmp.com/">
    <title>AMP page</title>
    <id>tag:scmp.com,2025:3306000</id>
    <updated>2025-04-10T01:00:00Z</updated>
    <link href="news/3306000"/>
  </entry>
</feed>
''')
fixture('atom10-xml-base-url', x, F('atom10', 'SCMP Trade', 'https://www.scmp.com/trade/', None, '2025-04-10T00:00:00Z', [],
    [E('tag:scmp.com,2025:3305999', 'Hong Kong exporters brace for US tariffs',
       'https://www.scmp.com/trade/article/3305999/hong-kong-exporters-brace', updated='2025-04-10T00:00:00Z'),
     E('tag:scmp.com,2025:3306000', 'AMP page', 'https://amp.scmp.com/news/3306000',
       updated='2025-04-10T01:00:00Z')]), url='https://www.scmp.com/rss/feeds/trade.xml')

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Dates in Atom</title>
  <id>tag:dates.example,2025:feed</id>
  <updated>2025-10-09T10:00:00+02:00</updated>
  <entry><id>e1</id><title>Z</title><published>2025-10-09T08:00:00Z</published><updated>2025-10-09T08:00:00Z</updated></entry>
  <entry><id>e2</id><title>Offset with colon</title><published>2025-10-09T16:00:00+08:00</published><updated>2025-10-09T03:00:00-05:00</updated></entry>
  <entry><id>e3</id><title>Offset without colon</title><published>2025-10-09T13:30:00+0530</published></entry>
  <entry><id>e4</id><title>Fractional seconds</title><published>2025-10-09T08:00:00.123456Z</published></entry>
  <entry><id>e5</id><title>No seconds</title><published>2025-10-09T08:00Z</published></entry>
  <entry><id>e6</id><title>Date only</title><published>2025-10-09</published></entry>
  <entry><id>e7</id><title>Month only</title><published>2025-10</published></entry>
  <entry><id>e8</id><title>Space for T</title><published>2025-10-09 08:00:00Z</published></entry>
  <entry><id>e9</id><title>asctime</title><updated>Thu Oct  9 08:00:00 2025</updated></entry>
  <entry><id>e10</id><title>RFC 822 in Atom</title><updated>Thu, 09 Oct 2025 08:00:00 GMT</updated></entry>
  <entry><id>e11</id><title>Unparseable</title><published>TBD</published><updated>  </updated></entry>
  <entry><id>e12</id><title>Across the year</title><published>2026-01-01T01:30:00+02:00</published></entry>
</feed>
''')
def d(i, t, p=None, u=None):
    return E(i, t, None, None, p, u)
fixture('atom10-dates', x, F('atom10', 'Dates in Atom', None, None, '2025-10-09T08:00:00Z', [],
    [d('e1', 'Z', '2025-10-09T08:00:00Z', '2025-10-09T08:00:00Z'),
     d('e2', 'Offset with colon', '2025-10-09T08:00:00Z', '2025-10-09T08:00:00Z'),
     d('e3', 'Offset without colon', '2025-10-09T08:00:00Z'),
     d('e4', 'Fractional seconds', '2025-10-09T08:00:00Z'),
     d('e5', 'No seconds', '2025-10-09T08:00:00Z'),
     d('e6', 'Date only', '2025-10-09T00:00:00Z'),
     d('e7', 'Month only', '2025-10-01T00:00:00Z'),
     d('e8', 'Space for T', '2025-10-09T08:00:00Z'),
     d('e9', 'asctime', None, '2025-10-09T08:00:00Z'),
     d('e10', 'RFC 822 in Atom', None, '2025-10-09T08:00:00Z'),
     d('e11', 'Unparseable'),
     d('e12', 'Across the year', '2025-12-31T23:30:00Z')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed>
  <title>Un-namespaced Atom</title>
  <link rel="alternate" href="https://www.tradewinds.example/"/>
  <updated>2025-01-20T17:00:00Z</updated>
  <entry>
    <title>Inauguration day trade orders</title>
    <id>tag:tradewinds.example,2025:1</id>
    <link href="https://www.tradewinds.example/2025/01/20/orders"/>
    <updated>2025-01-20T17:00:00Z</updated>
    <author><name>Trade Winds</name></author>
  </entry>
</feed>
''')
fixture('atom10-no-namespace', x, F('atom10', 'Un-namespaced Atom', 'https://www.tradewinds.example/', None,
    '2025-01-20T17:00:00Z', [],
    [E('tag:tradewinds.example,2025:1', 'Inauguration day trade orders',
       'https://www.tradewinds.example/2025/01/20/orders', 'Trade Winds', None, '2025-01-20T17:00:00Z')]))

# ---------------------------------------------------------------- Atom 0.3
x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
  <title mode="escaped" type="text/html">Inside &lt;i&gt;U.S. Trade&lt;/i&gt;</title>
  <tagline>Weekly news on U.S. trade policy</tagline>
  <link rel="alternate" type="text/html" href="https://insidetrade.com/"/>
  <id>tag:insidetrade.com,2004:feed</id>
  <modified>2004-06-01T12:00:00Z</modified>
  <author><name>Inside U.S. Trade</name></author>
  <entry>
    <title>WTO panel rules on cotton subsidies</title>
    <link rel="alternate" type="text/html" href="https://insidetrade.com/2004/06/cotton"/>
    <id>tag:insidetrade.com,2004:cotton</id>
    <issued>2004-06-01T08:00:00-04:00</issued>
    <modified>2004-06-02T09:30:00Z</modified>
    <created>2004-05-31T20:00:00Z</created>
    <summary type="text/plain">Brazil wins a preliminary ruling against U.S. cotton subsidies.</summary>
    <content type="text/html" mode="escaped">&lt;p&gt;A WTO panel has ruled &lt;b&gt;against&lt;/b&gt; US cotton subsidies.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Only created</title>
    <id>tag:insidetrade.com,2004:created-only</id>
    <created>2004-05-30T10:00:00Z</created>
  </entry>
</feed>
''')
fixture('atom03-escaped', x, F('atom03', 'Inside U.S. Trade', 'https://insidetrade.com/',
    'Weekly news on U.S. trade policy', '2004-06-01T12:00:00Z', [],
    [E('tag:insidetrade.com,2004:cotton', 'WTO panel rules on cotton subsidies', 'https://insidetrade.com/2004/06/cotton',
       'Inside U.S. Trade', '2004-06-01T12:00:00Z', '2004-06-02T09:30:00Z',
       'Brazil wins a preliminary ruling against U.S. cotton subsidies.',
       '<p>A WTO panel has ruled <b>against</b> US cotton subsidies.</p>'),
     E('tag:insidetrade.com,2004:created-only', 'Only created', None, 'Inside U.S. Trade', '2004-05-30T10:00:00Z')]))

x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Trade Law Blog</title>
  <link rel="alternate" type="text/html" href="http://tradelaw.blogspot.com/"/>
  <modified>2005-01-10T10:00:00Z</modified>
  <entry>
    <title type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Softwood <em>lumber</em> ruling</div></title>
    <link rel="alternate" type="text/html" href="http://tradelaw.blogspot.com/2005/01/softwood.html"/>
    <id>tag:blogger.com,1999:blog-1.post-11</id>
    <issued>2005-01-10T10:00:00Z</issued>
    <content type="application/xhtml+xml" mode="xml" xml:space="preserve"><div xmlns="http://www.w3.org/1999/xhtml"><p>NAFTA panel &amp; <a href="http://www.nafta-sec-alena.org/">secretariat</a>.</p></div></content>
  </entry>
  <entry>
    <title>HTML written inline</title>
    <id>tag:blogger.com,1999:blog-1.post-12</id>
    <issued>2005-01-11T10:00:00Z</issued>
    <content type="text/html" mode="xml"><p xmlns="http://www.w3.org/1999/xhtml">Odd &amp; <b>inline</b></p></content>
  </entry>
  <entry>
    <title>Plain text, mode xml by default</title>
    <id>tag:blogger.com,1999:blog-1.post-13</id>
    <issued>2005-01-12T10:00:00Z</issued>
    <content type="text/plain">5 &lt; 6</content>
  </entry>
</feed>
''')
fixture('atom03-xml', x, F('atom03', 'Trade Law Blog', 'http://tradelaw.blogspot.com/', None, '2005-01-10T10:00:00Z', [],
    [E('tag:blogger.com,1999:blog-1.post-11', 'Softwood lumber ruling', 'http://tradelaw.blogspot.com/2005/01/softwood.html',
       published='2005-01-10T10:00:00Z',
       # Atom 0.3 has no wrapper div: the div is content.
       content='<div><p>NAFTA panel &amp; <a href="http://www.nafta-sec-alena.org/">secretariat</a>.</p></div>'),
     E('tag:blogger.com,1999:blog-1.post-12', 'HTML written inline', published='2005-01-11T10:00:00Z',
       content='<p>Odd &amp; <b>inline</b></p>'),
     E('tag:blogger.com,1999:blog-1.post-13', 'Plain text, mode xml by default', published='2005-01-12T10:00:00Z',
       content='5 < 6')]))

html = '<p>Übersicht: Zölle auf Stahl – 25 %</p>'
b64 = base64.encodebytes(html.encode('utf-8')).decode('ascii')
summ = 'Kurzfassung ✓'
b64s = base64.b64encode(summ.encode('utf-8')).decode('ascii')
x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Handelsblatt Handelspolitik</title>
  <link rel="alternate" type="text/html" href="https://www.handelsblatt.com/politik/"/>
  <modified>2005-03-01T08:00:00+01:00</modified>
  <entry>
    <title>Zölle auf Stahl</title>
    <id>tag:handelsblatt.com,2005:1</id>
    <modified>2005-03-01T08:00:00+01:00</modified>
    <summary type="text/plain" mode="base64">%s</summary>
    <content type="text/html" mode="base64">
%s    </content>
  </entry>
</feed>
''') % (b64s, b64)
fixture('atom03-base64', x, F('atom03', 'Handelsblatt Handelspolitik', 'https://www.handelsblatt.com/politik/', None,
    '2005-03-01T07:00:00Z', [],
    [E('tag:handelsblatt.com,2005:1', 'Zölle auf Stahl', updated='2005-03-01T07:00:00Z', summary=summ, content=html)]))
