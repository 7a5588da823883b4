from common import *

# ---------------------------------------------------------------- RSS 0.9x
x = doc('''
<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
<channel>
<title>USTR Press Releases</title>
<link>https://ustr.gov/about-us/policy-offices/press-office/press-releases</link>
<description>Press releases of the Office of the United States Trade Representative</description>
<language>en-us</language>
<image>
<title>USTR seal</title>
<url>https://ustr.gov/themes/custom/ustr/logo.png</url>
<link>https://ustr.gov/</link>
<description>The seal of the USTR</description>
</image>
<item>
<title>USTR Announces Section 301 Action on Shipbuilding</title>
<link>https://ustr.gov/about-us/policy-offices/press-office/press-releases/2025/april/ustr-section-301-action-shipbuilding</link>
<description>The Office of the United States Trade Representative today announced responsive action in the Section 301 investigation.</description>
</item>
<item>
<title>Statement by Ambassador Greer on the Geneva&nbsp;Talks</title>
<link>https://ustr.gov/about-us/policy-offices/press-office/press-releases/2025/may/statement-ambassador-greer-geneva</link>
<description>Ambassador Jamieson Greer issued the following statement&hellip;</description>
</item>
</channel>
</rss>
''')
l1 = 'https://ustr.gov/about-us/policy-offices/press-office/press-releases/2025/april/ustr-section-301-action-shipbuilding'
t1 = 'USTR Announces Section 301 Action on Shipbuilding'
l2 = 'https://ustr.gov/about-us/policy-offices/press-office/press-releases/2025/may/statement-ambassador-greer-geneva'
t2 = 'Statement by Ambassador Greer on the Geneva Talks'
fixture('rss091-netscape', x, F('rss09x', 'USTR Press Releases',
    'https://ustr.gov/about-us/policy-offices/press-office/press-releases',
    'Press releases of the Office of the United States Trade Representative', None,
    [at(x, '&nbsp;') + ": undeclared HTML entity '&nbsp;' decoded",
     at(x, '&hellip;') + ": undeclared HTML entity '&hellip;' decoded"],
    [E(fid(l1, t1), t1, l1, summary='The Office of the United States Trade Representative today announced responsive action in the Section 301 investigation.'),
     E(fid(l2, t2), t2, l2, summary='Ambassador Jamieson Greer issued the following statement\u2026')]),
    encoding='latin-1')

x = doc('''
<?xml version="1.0"?>
<rss version="0.92">
<channel>
<title>WTO | News</title>
<link>https://www.wto.org/english/news_e/news_e.htm</link>
<description>News items from the World Trade Organization</description>
<lastBuildDate>Mon, 14 Apr 2025 09:30:00 +0200</lastBuildDate>
<item>
<description>Members discuss &lt;b&gt;trade concerns&lt;/b&gt; at the Council for Trade in Goods.</description>
<category domain="https://www.wto.org/topics">Goods</category>
<enclosure url="https://www.wto.org/audio/goods_council.mp3" length="1048576" type="audio/mpeg"/>
</item>
<item>
<title>DG Okonjo-Iweala welcomes US-China de-escalation</title>
<link>https://www.wto.org/english/news_e/news25_e/dgno_12may25_e.htm</link>
<description>Director-General Ngozi Okonjo-Iweala welcomed the joint statement issued in Geneva.</description>
<category>Dispute settlement</category>
<category>Goods</category>
</item>
</channel>
</rss>
''')
s1 = 'Members discuss <b>trade concerns</b> at the Council for Trade in Goods.'
l2 = 'https://www.wto.org/english/news_e/news25_e/dgno_12may25_e.htm'
t2 = 'DG Okonjo-Iweala welcomes US-China de-escalation'
fixture('rss092-no-title', x, F('rss09x', 'WTO | News', 'https://www.wto.org/english/news_e/news_e.htm',
    'News items from the World Trade Organization', '2025-04-14T07:30:00Z', [],
    # Neither link nor title: the fallback id also takes the summary in.
    [E(fnv_id(None, '\n', None, s1), None, None, summary=s1, categories=['Goods']),
     E(fid(l2, t2), t2, l2, summary='Director-General Ngozi Okonjo-Iweala welcomed the joint statement issued in Geneva.',
       categories=['Dispute settlement', 'Goods'])]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="0.94">
<channel>
<title>China Daily - Business</title>
<link>https://www.chinadaily.com.cn/business</link>
<description>Business news from China Daily</description>
<pubDate>Fri, 11 Apr 2025 06:00:00 +0800</pubDate>
<item>
<title>China raises tariffs on US goods to 125%</title>
<link>https://www.chinadaily.com.cn/a/202504/11/WS67f8a1b2a3104d9fd381e3c1.html</link>
<guid>https://www.chinadaily.com.cn/a/202504/11/WS67f8a1b2a3104d9fd381e3c1.html</guid>
<author>business@chinadaily.com.cn (Zhong Nan)</author>
<pubDate>Fri, 11 Apr 2025 17:43:00 +0800</pubDate>
<source url="https://www.mofcom.gov.cn/">MOFCOM</source>
<description>The Customs Tariff Commission of the State Council said the additional tariff rate would rise from 84 percent to 125 percent.</description>
</item>
</channel>
</rss>
''')
l = 'https://www.chinadaily.com.cn/a/202504/11/WS67f8a1b2a3104d9fd381e3c1.html'
fixture('rss094-guid-author', x, F('rss09x', 'China Daily - Business', 'https://www.chinadaily.com.cn/business',
    'Business news from China Daily', '2025-04-10T22:00:00Z', [],
    [E(l, 'China raises tariffs on US goods to 125%', l, 'business@chinadaily.com.cn (Zhong Nan)',
       '2025-04-11T09:43:00Z', None,
       'The Customs Tariff Commission of the State Council said the additional tariff rate would rise from 84 percent to 125 percent.')]))

# ---------------------------------------------------------------- RSS 2.0
x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>MOFCOM News</title>
<link>http://english.mofcom.gov.cn/</link>
<item>
<title>MOFCOM spokesperson answers questions on export controls</title>
<link>http://english.mofcom.gov.cn/News/PressConferences/art/2025/art_7f0e.html</link>
</item>
</channel>
</rss>
''')
l = 'http://english.mofcom.gov.cn/News/PressConferences/art/2025/art_7f0e.html'
t = 'MOFCOM spokesperson answers questions on export controls'
fixture('rss20-minimal', x, F('rss20', 'MOFCOM News', 'http://english.mofcom.gov.cn/', None, None, [],
    [E(fid(l, t), t, l)]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" version="2.0">
  <channel>
    <title><![CDATA[BBC News - Business]]></title>
    <description><![CDATA[BBC News - Business]]></description>
    <link>https://www.bbc.co.uk/news/business</link>
    <image>
      <url>https://news.bbcimg.co.uk/nol/shared/img/bbc_news_120x60.gif</url>
      <title>BBC News - Business</title>
      <link>https://www.bbc.co.uk/news/business</link>
    </image>
    <generator>RSS for Node</generator>
    <lastBuildDate>Thu, 09 Oct 2025 09:12:43 GMT</lastBuildDate>
    <pubDate>Thu, 09 Oct 2025 06:00:00 GMT</pubDate>
    <atom:link href="https://feeds.bbci.co.uk/news/business/rss.xml" rel="self" type="application/rss+xml"/>
    <copyright><![CDATA[Copyright: (C) British Broadcasting Corporation]]></copyright>
    <language><![CDATA[en-gb]]></language>
    <ttl>15</ttl>
    <item>
      <title><![CDATA[US and China agree to pause tariffs for 90 days]]></title>
      <description><![CDATA[The two countries will cut "reciprocal" tariffs after talks in Geneva.]]></description>
      <link>https://www.bbc.co.uk/news/articles/c0mzv0pwv1ro</link>
      <guid isPermaLink="true">https://www.bbc.co.uk/news/articles/c0mzv0pwv1ro#0</guid>
      <pubDate>Mon, 12 May 2025 08:21:17 GMT</pubDate>
      <media:thumbnail width="240" height="135" url="https://ichef.bbci.co.uk/ace/standard/240/cpsprodpb/1.jpg"/>
      <category>Business</category>
    </item>
    <item>
      <title>Steel tariffs: what they mean for UK exporters</title>
      <description>UK steel makers face a 25% levy on exports to the US.</description>
      <link>https://www.bbc.co.uk/news/articles/cx2l7e0d9dvo</link>
      <guid isPermaLink="false">cx2l7e0d9dvo</guid>
      <author>business@bbc.co.uk (BBC Business)</author>
      <comments>https://www.bbc.co.uk/news/articles/cx2l7e0d9dvo#comments</comments>
      <enclosure url="https://media.bbc.co.uk/audio/steel.mp3" length="2345678" type="audio/mpeg"/>
      <source url="https://feeds.bbci.co.uk/news/business/rss.xml">BBC News - Business</source>
      <pubDate>Wed, 12 Mar 2025 04:01:00 GMT</pubDate>
      <category>Business</category>
      <category>UK</category>
    </item>
  </channel>
</rss>
''')
fixture('rss20-full', x, F('rss20', 'BBC News - Business', 'https://www.bbc.co.uk/news/business',
    'BBC News - Business', '2025-10-09T09:12:43Z', [],
    [E('https://www.bbc.co.uk/news/articles/c0mzv0pwv1ro#0', 'US and China agree to pause tariffs for 90 days',
       'https://www.bbc.co.uk/news/articles/c0mzv0pwv1ro', None, '2025-05-12T08:21:17Z', None,
       'The two countries will cut "reciprocal" tariffs after talks in Geneva.', categories=['Business']),
     E('cx2l7e0d9dvo', 'Steel tariffs: what they mean for UK exporters',
       'https://www.bbc.co.uk/news/articles/cx2l7e0d9dvo', 'business@bbc.co.uk (BBC Business)',
       '2025-03-12T04:01:00Z', None, 'UK steel makers face a 25% levy on exports to the US.',
       categories=['Business', 'UK'])]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>South China Morning Post - China Economy</title>
<link>https://www.scmp.com/economy/china-economy</link>
<description>China economy news</description>
<item>
<title>Beijing adds US firms to unreliable entity list</title>
<link>https://www.scmp.com/economy/china-economy/article/3305321/beijing-adds-us-firms</link>
<guid isPermaLink="false">3305321</guid>
<description><![CDATA[<p>China&#8217;s commerce ministry added 11 US companies to its list.</p>]]></description>
<content:encoded><![CDATA[
<p>China&#8217;s <strong>commerce ministry</strong> on Friday added 11 US companies to its unreliable entity list.</p>
<p>&ldquo;The measures are lawful,&rdquo; a spokesperson said.</p>
]]></content:encoded>
</item>
<item>
<title>Content only</title>
<link>https://www.scmp.com/economy/china-economy/article/3305400/content-only</link>
<guid isPermaLink="false">3305400</guid>
<content:encoded>&lt;p&gt;Escaped &amp;amp; encoded.&lt;/p&gt;</content:encoded>
</item>
</channel>
</rss>
''')
fixture('rss20-content-encoded', x, F('rss20', 'South China Morning Post - China Economy',
    'https://www.scmp.com/economy/china-economy', 'China economy news', None, [],
    [E('3305321', 'Beijing adds US firms to unreliable entity list',
       'https://www.scmp.com/economy/china-economy/article/3305321/beijing-adds-us-firms', None, None, None,
       # CDATA is not markup: references inside stay as written.
       '<p>China&#8217;s commerce ministry added 11 US companies to its list.</p>',
       '<p>China&#8217;s <strong>commerce ministry</strong> on Friday added 11 US companies to its unreliable entity list.</p>\n'
       '<p>&ldquo;The measures are lawful,&rdquo; a spokesperson said.</p>'),
     E('3305400', 'Content only', 'https://www.scmp.com/economy/china-economy/article/3305400/content-only',
       content='<p>Escaped &amp; encoded.</p>')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Nikkei Asia - Trade</title>
<link>https://asia.nikkei.com/Economy/Trade</link>
<description>Trade news from Nikkei Asia</description>
<dc:creator>Nikkei Asia</dc:creator>
<dc:date>2025-06-02T01:00:00Z</dc:date>
<item>
<title>Japan seeks exemption from US auto tariffs</title>
<link>https://asia.nikkei.com/Economy/Trade/Japan-seeks-exemption-from-US-auto-tariffs</link>
<dc:creator>Yuichi Nakamura</dc:creator>
<dc:creator>Kenji Kawase</dc:creator>
<dc:creator>Yuichi Nakamura</dc:creator>
<dc:date>2025-06-01T22:30:00+09:00</dc:date>
<dc:subject>Trade</dc:subject>
<dc:subject>Japan</dc:subject>
<category>Trade</category>
<category>Autos</category>
</item>
<item>
<title>Toyota weighs price rises</title>
<link>https://asia.nikkei.com/Business/Automobiles/Toyota-weighs-price-rises</link>
<dc:date>2025-06-01</dc:date>
</item>
</channel>
</rss>
''')
l1 = 'https://asia.nikkei.com/Economy/Trade/Japan-seeks-exemption-from-US-auto-tariffs'
t1 = 'Japan seeks exemption from US auto tariffs'
l2 = 'https://asia.nikkei.com/Business/Automobiles/Toyota-weighs-price-rises'
t2 = 'Toyota weighs price rises'
fixture('rss20-dc-elements', x, F('rss20', 'Nikkei Asia - Trade', 'https://asia.nikkei.com/Economy/Trade',
    'Trade news from Nikkei Asia', '2025-06-02T01:00:00Z', [],
    [E(fid(l1, t1), t1, l1, 'Yuichi Nakamura, Kenji Kawase', '2025-06-01T13:30:00Z',
       categories=['Trade', 'Japan', 'Autos']),
     # No author of its own: the channel's dc:creator.
     E(fid(l2, t2), t2, l2, 'Nikkei Asia', '2025-06-01T00:00:00Z')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>US Treasury Press Releases</title>
<link>https://home.treasury.gov/news/press-releases</link>
<description>Press releases</description>
<item>
<title>Secretary Bessent statement on China talks</title>
<guid>https://home.treasury.gov/news/press-releases/sb0129</guid>
</item>
<item>
<title>Treasury sanctions network evading export controls</title>
<guid isPermaLink="true">https://home.treasury.gov/news/press-releases/sb0130</guid>
</item>
<item>
<title>Readout of Secretary Bessent's call</title>
<guid isPermaLink="false">tag:treasury.gov,2025:sb0131</guid>
</item>
<item>
<title>Joint statement on economic dialogue</title>
<link>https://home.treasury.gov/news/press-releases/sb0132</link>
<guid>https://home.treasury.gov/news/press-releases/sb0132?utm=rss</guid>
</item>
</channel>
</rss>
''')
fixture('rss20-guid-permalink', x, F('rss20', 'US Treasury Press Releases', 'https://home.treasury.gov/news/press-releases',
    'Press releases', None, [],
    [E('https://home.treasury.gov/news/press-releases/sb0129', 'Secretary Bessent statement on China talks',
       'https://home.treasury.gov/news/press-releases/sb0129'),
     E('https://home.treasury.gov/news/press-releases/sb0130', 'Treasury sanctions network evading export controls',
       'https://home.treasury.gov/news/press-releases/sb0130'),
     E('tag:treasury.gov,2025:sb0131', "Readout of Secretary Bessent's call"),
     E('https://home.treasury.gov/news/press-releases/sb0132?utm=rss', 'Joint statement on economic dialogue',
       'https://home.treasury.gov/news/press-releases/sb0132')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>The White House - Presidential Actions</title>
<link>https://www.whitehouse.gov/presidential-actions/</link>
<description>Executive orders and proclamations</description>
<item>
<title>Regulating Imports with a Reciprocal Tariff</title>
<link>https://www.whitehouse.gov/presidential-actions/2025/04/regulating-imports-with-a-reciprocal-tariff/</link>
</item>
<item>
<title>Adjusting Imports of Steel into the United States</title>
</item>
<item>
<link>https://www.whitehouse.gov/presidential-actions/2025/02/adjusting-imports-of-aluminum/</link>
</item>
<item>
<title>Regulating Imports with a Reciprocal Tariff</title>
<link>https://www.whitehouse.gov/presidential-actions/2025/04/regulating-imports-with-a-reciprocal-tariff/</link>
<description>The same item a second time: the same id.</description>
</item>
</channel>
</rss>
''')
l1 = 'https://www.whitehouse.gov/presidential-actions/2025/04/regulating-imports-with-a-reciprocal-tariff/'
t1 = 'Regulating Imports with a Reciprocal Tariff'
t2 = 'Adjusting Imports of Steel into the United States'
l3 = 'https://www.whitehouse.gov/presidential-actions/2025/02/adjusting-imports-of-aluminum/'
fixture('rss20-missing-ids', x, F('rss20', 'The White House - Presidential Actions',
    'https://www.whitehouse.gov/presidential-actions/', 'Executive orders and proclamations', None, [],
    [E(fid(l1, t1), t1, l1), E(fid(None, t2), t2), E(fid(l3, None), None, l3),
     E(fid(l1, t1), t1, l1, summary='The same item a second time: the same id.')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>European Commission - Trade News</title>
<link>https://policy.trade.ec.europa.eu/news_en</link>
<image>
<url>https://policy.trade.ec.europa.eu/logo.png</url>
<title>EU Trade logo</title>
<link>https://policy.trade.ec.europa.eu/</link>
<description>Logo of DG Trade</description>
</image>
<textInput>
<title>Search DG Trade</title>
<description>Search the news of DG Trade</description>
<name>q</name>
<link>https://policy.trade.ec.europa.eu/search</link>
</textInput>
<item>
<title>EU and Japan deepen cooperation on economic security</title>
<link>https://policy.trade.ec.europa.eu/news/eu-japan-economic-security_en</link>
<guid>https://policy.trade.ec.europa.eu/news/eu-japan-economic-security_en</guid>
</item>
</channel>
</rss>
''')
l = 'https://policy.trade.ec.europa.eu/news/eu-japan-economic-security_en'
fixture('rss20-image-textinput', x, F('rss20', 'European Commission - Trade News', 'https://policy.trade.ec.europa.eu/news_en',
    None, None, [], [E(l, 'EU and Japan deepen cooperation on economic security', l)]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Federal Register: Tariffs</title>
<link>https://www.federalregister.gov/topics/tariffs</link>
<description>Documents about tariffs</description>
<item>
<title>Implementation of Additional Duties</title>
<link>https://www.federalregister.gov/d/2025-05000</link>
<category>Tariffs</category>
<category> Tariffs </category>
<category>Imports</category>
<category domain="https://www.federalregister.gov/agencies">Trade Representative, Office of United States</category>
<dc:subject>Imports</dc:subject>
<dc:subject>Customs duties and inspection</dc:subject>
<category>tariffs</category>
<category></category>
</item>
</channel>
</rss>
''')
l = 'https://www.federalregister.gov/d/2025-05000'
t = 'Implementation of Additional Duties'
fixture('rss20-categories', x, F('rss20', 'Federal Register: Tariffs', 'https://www.federalregister.gov/topics/tariffs',
    'Documents about tariffs', None, [],
    # Duplicates dropped after white space folding; case is kept apart.
    [E(fid(l, t), t, l, categories=['Tariffs', 'Imports', 'Trade Representative, Office of United States',
                                   'Customs duties and inspection', 'tariffs'])]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>
    Reuters:
    World News
</title>
<link> https://www.reuters.com/world/ </link>
<description>	Top stories,
	every hour  </description>
<item>
<title>  U.S.&#160;&#160;tariffs
	hit   Asian&nbsp;exporters  </title>
<link>
    https://www.reuters.com/world/asia-pacific/us-tariffs-hit-asian-exporters-2025-04-03/
</link>
<dc:creator>  David   Lawder  </dc:creator>
<description>
   Asian exporters reel.
</description>
</item>
<item>
<title>   </title>
<link>https://www.reuters.com/world/blank-title/</link>
</item>
</channel>
</rss>
''')
l1 = 'https://www.reuters.com/world/asia-pacific/us-tariffs-hit-asian-exporters-2025-04-03/'
t1 = 'U.S. tariffs hit Asian exporters'
l2 = 'https://www.reuters.com/world/blank-title/'
fixture('rss20-whitespace', x, F('rss20', 'Reuters: World News', 'https://www.reuters.com/world/',
    'Top stories, every hour', None, [at(x, '&nbsp;') + ": undeclared HTML entity '&nbsp;' decoded"],
    [E(fid(l1, t1), t1, l1, 'David Lawder', summary='Asian exporters reel.'),
     E(fid(l2, None), None, l2)]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Trade Compliance Digest</title>
<link>https://www.tradecompliance.example/</link>
<description>Dates as feeds really write them</description>
<item><title>RFC 1123</title><guid isPermaLink="false">d1</guid><pubDate>Thu, 09 Oct 2025 08:00:00 GMT</pubDate></item>
<item><title>Numeric zone</title><guid isPermaLink="false">d2</guid><pubDate>Thu, 09 Oct 2025 16:00:00 +0800</pubDate></item>
<item><title>No weekday, single-digit day, no seconds</title><guid isPermaLink="false">d3</guid><pubDate>9 Oct 2025 04:00 EDT</pubDate></item>
<item><title>Two-digit year</title><guid isPermaLink="false">d4</guid><pubDate>Thu, 09 Oct 25 08:00:00 GMT</pubDate></item>
<item><title>Full month name, PST</title><guid isPermaLink="false">d5</guid><pubDate>Wednesday, 8 October 2025 23:00:00 PST</pubDate></item>
<item><title>Named zone JST</title><guid isPermaLink="false">d6</guid><pubDate>Thu, 09 Oct 2025 17:00:00 JST</pubDate></item>
<item><title>GMT+8</title><guid isPermaLink="false">d7</guid><pubDate>Thu, 09 Oct 2025 16:00:00 GMT+8</pubDate></item>
<item><title>Date only</title><guid isPermaLink="false">d8</guid><pubDate>Thu, 09 Oct 2025</pubDate></item>
<item><title>Unparseable</title><guid isPermaLink="false">d9</guid><pubDate>last Thursday, around breakfast</pubDate></item>
<item><title>Empty</title><guid isPermaLink="false">d10</guid><pubDate></pubDate></item>
<item><title>ISO in pubDate</title><guid isPermaLink="false">d11</guid><pubDate>2025-10-09T10:00:00+02:00</pubDate></item>
<item><title>Extra commas, CEST</title><guid isPermaLink="false">d12</guid><pubDate>Thu,, 09 Oct 2025, 10:00:00 CEST</pubDate></item>
</channel>
</rss>
''')
def d(guid, title, when):
    return E(guid, title, None, published=when)
fixture('rss20-dates', x, F('rss20', 'Trade Compliance Digest', 'https://www.tradecompliance.example/',
    'Dates as feeds really write them', None, [],
    [d('d1', 'RFC 1123', '2025-10-09T08:00:00Z'),
     d('d2', 'Numeric zone', '2025-10-09T08:00:00Z'),
     d('d3', 'No weekday, single-digit day, no seconds', '2025-10-09T08:00:00Z'),
     d('d4', 'Two-digit year', '2025-10-09T08:00:00Z'),
     d('d5', 'Full month name, PST', '2025-10-09T07:00:00Z'),
     d('d6', 'Named zone JST', '2025-10-09T08:00:00Z'),
     d('d7', 'GMT+8', '2025-10-09T08:00:00Z'),
     d('d8', 'Date only', '2025-10-09T00:00:00Z'),
     d('d9', 'Unparseable', None),
     d('d10', 'Empty', None),
     d('d11', 'ISO in pubDate', '2025-10-09T08:00:00Z'),
     d('d12', 'Extra commas, CEST', '2025-10-09T08:00:00Z')]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Office of the Chief Economist</title>
<link>https://www.commerce.gov/oce</link>
<description>No entries yet</description>
<lastBuildDate>Sat, 01 Nov 2025 00:00:00 +0000</lastBuildDate>
</channel>
</rss>
''')
fixture('rss20-empty-channel', x, F('rss20', 'Office of the Chief Economist', 'https://www.commerce.gov/oce',
    'No entries yet', '2025-11-01T00:00:00Z', [], []))

# Relative links: resolved against the document's URL (NAME.url).
x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>MOFCOM Regular Press Conference</title>
<link>/News/PressConferences/</link>
<description>Transcripts</description>
<item>
<title>Regular Press Conference of the Ministry of Commerce (April 17, 2025)</title>
<link>art/2025/art_0417.html</link>
</item>
<item>
<title>Regular Press Conference of the Ministry of Commerce (April 24, 2025)</title>
<guid>../2025/art_0424.html</guid>
</item>
<item>
<title>Absolute link stays</title>
<link>https://english.mofcom.gov.cn/News/PressConferences/art/2025/art_0501.html</link>
</item>
<item>
<title>Protocol-relative</title>
<link>//english.mofcom.gov.cn/News/Releases/art_0502.html</link>
</item>
</channel>
</rss>
''')
base = 'https://english.mofcom.gov.cn/News/PressConferences/index.xml'
l1 = 'https://english.mofcom.gov.cn/News/PressConferences/art/2025/art_0417.html'
t1 = 'Regular Press Conference of the Ministry of Commerce (April 17, 2025)'
l3 = 'https://english.mofcom.gov.cn/News/PressConferences/art/2025/art_0501.html'
l4 = 'https://english.mofcom.gov.cn/News/Releases/art_0502.html'
fixture('rss20-relative-links', x, F('rss20', 'MOFCOM Regular Press Conference',
    'https://english.mofcom.gov.cn/News/PressConferences/', 'Transcripts', None, [],
    [E(fid(l1, t1), t1, l1),
     # The id is the guid as written; the link it gives is resolved.
     E('../2025/art_0424.html', 'Regular Press Conference of the Ministry of Commerce (April 24, 2025)',
       'https://english.mofcom.gov.cn/News/2025/art_0424.html'),
     E(fid(l3, 'Absolute link stays'), 'Absolute link stays', l3),
     E(fid(l4, 'Protocol-relative'), 'Protocol-relative', l4)]), url=base)

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xml:base="https://www.federalregister.gov/">
<channel xml:base="documents/">
<title>Federal Register: Commerce Department</title>
<link>search?conditions%5Bagencies%5D%5B%5D=commerce-department</link>
<description>Recent documents</description>
<item xml:base="2025/04/16/">
<title>Section 232 National Security Investigation of Imports of Semiconductors</title>
<link>2025-06591/section-232-semiconductors</link>
<guid isPermaLink="false">2025-06591</guid>
</item>
<item>
<title>Absolute base on the link itself</title>
<link xml:base="https://public-inspection.federalregister.gov/">2025-07000.pdf</link>
<guid isPermaLink="false">2025-07000</guid>
</item>
</channel>
</rss>
''')
fixture('rss20-xml-base', x, F('rss20', 'Federal Register: Commerce Department',
    'https://www.federalregister.gov/documents/search?conditions%5Bagencies%5D%5B%5D=commerce-department',
    'Recent documents', None, [],
    [E('2025-06591', 'Section 232 National Security Investigation of Imports of Semiconductors',
       'https://www.federalregister.gov/documents/2025/04/16/2025-06591/section-232-semiconductors'),
     E('2025-07000', 'Absolute base on the link itself', 'https://public-inspection.federalregister.gov/2025-07000.pdf')]))

# ---------------------------------------------------------------- RSS 1.0 / 0.90
x = doc('''
<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://www.federalregister.gov/api/v1/documents.rss?conditions[agencies][]=trade-representative-office-of-united-states">
<title>Federal Register: Trade Representative, Office of United States</title>
<link>https://www.federalregister.gov/agencies/trade-representative-office-of-united-states</link>
<description>Documents published by the Office of the United States Trade Representative</description>
<dc:date>2025-04-09T04:00:00-04:00</dc:date>
<items>
<rdf:Seq>
<rdf:li rdf:resource="https://www.federalregister.gov/d/2025-06063"/>
<rdf:li rdf:resource="https://www.federalregister.gov/d/2025-05922"/>
</rdf:Seq>
</items>
<image rdf:resource="https://www.federalregister.gov/assets/logo.png"/>
</channel>
<image rdf:about="https://www.federalregister.gov/assets/logo.png">
<title>Federal Register</title>
<url>https://www.federalregister.gov/assets/logo.png</url>
<link>https://www.federalregister.gov/</link>
</image>
<item rdf:about="https://www.federalregister.gov/d/2025-06063">
<title>Notice of Modification of Section 301 Action: China's Acts, Policies, and Practices Related to Technology Transfer</title>
<link>https://www.federalregister.gov/documents/2025/04/09/2025-06063/notice-of-modification</link>
<description>The U.S. Trade Representative has determined to modify the action.</description>
<dc:creator>Trade Representative, Office of United States</dc:creator>
<dc:date>2025-04-09T08:45:00-04:00</dc:date>
<dc:subject>Tariffs</dc:subject>
<dc:subject>Imports</dc:subject>
<dcterms:modified>2025-04-10T12:00:00Z</dcterms:modified>
<content:encoded><![CDATA[<h2>Action</h2><p>Notice of modification.</p>]]></content:encoded>
</item>
<item rdf:about="https://www.federalregister.gov/d/2025-05922">
<title>Request for Comments on Significant Trade Deficits</title>
<link>https://www.federalregister.gov/documents/2025/04/04/2025-05922/request-for-comments</link>
<dcterms:issued>2025-04-04</dcterms:issued>
<dcterms:created>2025-03-28</dcterms:created>
</item>
</rdf:RDF>
''')
fixture('rss10-dc', x, F('rss10', 'Federal Register: Trade Representative, Office of United States',
    'https://www.federalregister.gov/agencies/trade-representative-office-of-united-states',
    'Documents published by the Office of the United States Trade Representative', '2025-04-09T08:00:00Z', [],
    [E('https://www.federalregister.gov/d/2025-06063',
       "Notice of Modification of Section 301 Action: China's Acts, Policies, and Practices Related to Technology Transfer",
       'https://www.federalregister.gov/documents/2025/04/09/2025-06063/notice-of-modification',
       'Trade Representative, Office of United States', '2025-04-09T12:45:00Z', '2025-04-10T12:00:00Z',
       'The U.S. Trade Representative has determined to modify the action.',
       '<h2>Action</h2><p>Notice of modification.</p>', ['Tariffs', 'Imports']),
     E('https://www.federalregister.gov/d/2025-05922', 'Request for Comments on Significant Trade Deficits',
       'https://www.federalregister.gov/documents/2025/04/04/2025-05922/request-for-comments',
       published='2025-04-04T00:00:00Z')]))

x = doc('''
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://www.meti.go.jp/english/press/rss.xml">
<title>METI Press Releases</title>
<link>https://www.meti.go.jp/english/press/</link>
</channel>
<textinput rdf:about="https://www.meti.go.jp/english/search">
<title>Search METI</title>
<description>Search the METI site</description>
<name>q</name>
<link>https://www.meti.go.jp/english/search</link>
</textinput>
<image rdf:about="https://www.meti.go.jp/logo.gif">
<title>METI logo</title>
<url>https://www.meti.go.jp/logo.gif</url>
<link>https://www.meti.go.jp/</link>
</image>
<item rdf:about="https://www.meti.go.jp/english/press/2025/0410_001.html">
<title>Revision of the Export Trade Control Order</title>
<link>https://www.meti.go.jp/english/press/2025/0410_001.html</link>
</item>
</rdf:RDF>
''')
fixture('rss10-textinput-no-leak', x, F('rss10', 'METI Press Releases', 'https://www.meti.go.jp/english/press/',
    None, None, [],
    [E('https://www.meti.go.jp/english/press/2025/0410_001.html', 'Revision of the Export Trade Control Order',
       'https://www.meti.go.jp/english/press/2025/0410_001.html')]))

x = doc('''
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel>
<title>Korea MOTIE News</title>
<link>http://english.motie.go.kr/</link>
<description>Ministry of Trade, Industry and Energy</description>
</channel>
<image>
<title>MOTIE</title>
<url>http://english.motie.go.kr/logo.gif</url>
<link>http://english.motie.go.kr/</link>
</image>
<item>
<title>Korea and US hold tariff consultations</title>
<link>http://english.motie.go.kr/en/pc/pressreleases/bbs/bbsView.do?bbs_seq_n=1234</link>
</item>
<item>
<title>Semiconductor exports rise in March</title>
<link>http://english.motie.go.kr/en/pc/pressreleases/bbs/bbsView.do?bbs_seq_n=1235</link>
</item>
</rdf:RDF>
''')
l1 = 'http://english.motie.go.kr/en/pc/pressreleases/bbs/bbsView.do?bbs_seq_n=1234'
t1 = 'Korea and US hold tariff consultations'
l2 = 'http://english.motie.go.kr/en/pc/pressreleases/bbs/bbsView.do?bbs_seq_n=1235'
t2 = 'Semiconductor exports rise in March'
fixture('rss090', x, F('rss09x', 'Korea MOTIE News', 'http://english.motie.go.kr/',
    'Ministry of Trade, Industry and Energy', None, [],
    [E(fid(l1, t1), t1, l1), E(fid(l2, t2), t2, l2)]))
