from common import *

def rss(encoding_decl, title, item_title, desc, link='https://example.org/item'):
    return doc('''
    <?xml version="1.0" encoding="%s"?>
    <rss version="2.0">
    <channel>
    <title>%s</title>
    <link>https://example.org/</link>
    <item>
    <title>%s</title>
    <link>%s</link>
    <description>%s</description>
    </item>
    </channel>
    </rss>
    ''') % (encoding_decl, title, item_title, link, desc)

# ISO-8859-1 declared, windows-1252 bytes (0x92, 0x96, 0x97): read as windows-1252.
t = 'Le Monde – Économie'
it = 'Droits de douane : l’Union européenne riposte'
de = '« Nous répondrons fermement », a déclaré la Commission — 26 milliards d’euros.'
l = 'https://www.lemonde.fr/economie/article/2025/03/12/droits-de-douane_1.html'
x = rss('ISO-8859-1', t, it, de, l)
fixture('enc-iso-8859-1', x.encode('cp1252'), F('rss20', t, 'https://example.org/', None, None, [],
    [E(fid(l, it), it, l, summary=de)]))

# windows-1252 with 0x80 (euro), 0x85 (ellipsis), and 0x81, which is undefined.
t = 'Financial Times – Trade'
it = 'EU prepares €26bn of counter-tariffs…'
l = 'https://www.ft.com/content/eu-counter-tariffs'
x = rss('windows-1252', t, it, 'Brussels’ list XX covers bourbon.', l).encode('cp1252')
x = x.replace(b'XX', b'\x81')
fixture('enc-windows-1252', x, F('rss20', t, 'https://example.org/', None, None,
    ['1 invalid WINDOWS-1252 byte sequence or character replaced'],
    [E(fid(l, it), it, l, summary='Brussels’ list \ufffd covers bourbon.')]))

# GB2312 declared, GBK bytes (喆 is in GBK, not in GB2312): read as GB18030.
t = '商务部新闻发布'
it = '商务部新闻发言人就美方宣布对华加征“对等关税”答记者问'
de = '记者：张喆。问：美方宣布对所有贸易伙伴加征所谓“对等关税”，商务部对此有何评论？'
l = 'http://www.mofcom.gov.cn/article/xwfb/xwfyrth/202504/20250403571234.shtml'
x = rss('GB2312', t, it, de, l)
fixture('enc-gb2312', x.encode('gbk'), F('rss20', t, 'https://example.org/', None, None, [],
    [E(fid(l, it), it, l, summary=de)]))

# GB18030 with four-byte sequences (©, emoji).
t = '中国日报 © 2025'
it = '出口增长 📈 超出预期'
de = '海关总署数据显示，前三季度出口同比增长6.1%。'
l = 'https://cn.chinadaily.com.cn/a/202510/13/WS68ec.html'
x = rss('GB18030', t, it, de, l)
fixture('enc-gb18030', x.encode('gb18030'), F('rss20', t, 'https://example.org/', None, None, [],
    [E(fid(l, it), it, l, summary=de)]))

t = '經濟部新聞'
it = '經濟部：美國對臺關稅談判持續進行'
de = '經濟部表示，將與美方持續溝通，爭取合理待遇。'
l = 'https://www.moea.gov.tw/MNS/populace/news/News.aspx?kind=1&amp;menu_id=40&amp;news_id=119000'
x = rss('Big5', t, it, de, l)
lr = l.replace('&amp;', '&')
fixture('enc-big5', x.encode('big5'), F('rss20', t, 'https://example.org/', None, None, [],
    [E(fid(lr, it), it, lr, summary=de)]))

# Shift_JIS declared; ① (0x8740) is a CP932 extension, as Japanese sites use.
t = '経済産業省 ﾆｭｰｽﾘﾘｰｽ'
it = '①輸出貿易管理令の一部を改正する政令について'
de = '経済産業省は、外為法に基づく輸出管理を強化します。'
l = 'https://www.meti.go.jp/press/2025/04/20250410001/20250410001.html'
x = rss('Shift_JIS', t, it, de, l)
fixture('enc-shift-jis', x.encode('cp932'), F('rss20', t, 'https://example.org/', None, None, [],
    [E(fid(l, it), it, l, summary=de)]))

t = 'Zölle – Überblick'
it = 'Ausfuhren nach China: 5 % weniger'
de = 'Das Statistische Bundesamt meldet Rückgänge.'
l = 'https://www.destatis.de/DE/Presse/Pressemitteilungen/2025/04/PD25_001.html'
x = rss('UTF-16', t, it, de, l)
exp = F('rss20', t, 'https://example.org/', None, None, [], [E(fid(l, it), it, l, summary=de)])
fixture('enc-utf16le-bom', b'\xff\xfe' + x.encode('utf-16-le'), exp)
fixture('enc-utf16be-bom', b'\xfe\xff' + x.encode('utf-16-be'), exp)

# A UTF-8 byte-order mark beats the declaration.
x = rss('ISO-8859-1', t, it, de, l)
fixture('enc-utf8-bom-beats-declaration', b'\xef\xbb\xbf' + x.encode('utf-8'), exp)

# UTF-16 declared on bytes that are plainly ASCII-compatible: UTF-8.
x = rss('UTF-16', t, it, de, l)
fixture('enc-utf16-label-on-utf8', x.encode('utf-8'), exp)

x = rss('x-klingon-tlhIngan', 'Qapla&apos;', 'Trade talks succeed', 'Caf\u00e9 au lait', l)
fixture('enc-unknown-charset', x.encode('utf-8'), F('rss20', "Qapla'", 'https://example.org/', None, None,
    ["line 1, column 1: unknown encoding 'x-klingon-tlhIngan', read as UTF-8"],
    [E(fid(l, 'Trade talks succeed'), 'Trade talks succeed', l, summary='Caf\u00e9 au lait')]))

# Invalid UTF-8: a lone 0xFF, a truncated sequence, an overlong '/', an
# encoded surrogate, a Latin-1 byte.  One U+FFFD per maximal subpart.
R = '\ufffd'
t = 'Broken bytes'
it = 'Tariffs A\xff B\xe4\xb8 C\xc0\xaf D\xed\xa0\x80 caf\xe9 end'
x = rss('UTF-8', t, 'TITLE', 'Sanitised.', l).encode('utf-8')
x = x.replace(b'TITLE', it.encode('latin-1'))
it_exp = 'Tariffs A' + R + ' B' + R + ' C' + R + R + ' D' + R * 3 + ' caf' + R + ' end'
fixture('enc-invalid-utf8', x, F('rss20', t, 'https://example.org/', None, None,
    ['8 invalid UTF-8 byte sequences or characters replaced'],
    [E(fid(l, it_exp), it_exp, l, summary='Sanitised.')]))

# NUL and other C0 controls, U+FFFE and U+FFFF: not XML characters.  DEL and
# C1 controls are XML characters and stay.
x = rss('UTF-8', 'Controls', 'NUL\x00 SOH\x01 VT\x0b ESC\x1b FF\x0c DEL\x7f end', 'Non\ufffecharacters\uffff here; C1 \x85 stays', l)
x = x.encode('utf-8', 'surrogatepass')
it_exp = 'NUL' + R + ' SOH' + R + ' VT' + R + ' ESC' + R + ' FF' + R + ' DEL\x7f end'
fixture('enc-control-chars', x, F('rss20', 'Controls', 'https://example.org/', None, None,
    ['7 invalid UTF-8 byte sequences or characters replaced'],
    [E(fid(l, it_exp), it_exp, l, summary='Non' + R + 'characters' + R + ' here; C1 \x85 stays')]))

# ---------------------------------------------------------------- text in many scripts
x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>商务部 | MOFCOM</title>
<link>http://www.mofcom.gov.cn/</link>
<description>中华人民共和国商务部</description>
<item>
<title>商务部新闻发言人何咏前答记者问：关于稀土出口管制</title>
<link>http://www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_5a1c.html</link>
<author>商务部新闻办公室</author>
<category>新闻发布</category>
<pubDate>Thu, 09 Oct 2025 16:00:00 +0800</pubDate>
<description>&lt;p&gt;问：商务部发布了关于对稀土相关技术实施出口管制的决定，请问有何考虑？&lt;/p&gt;</description>
</item>
<item>
<title>日本経済産業省：対米交渉の状況</title>
<link>https://www.meti.go.jp/press/2025/10/20251009001/20251009001.html</link>
</item>
<item>
<title>산업통상자원부, 대미 관세 협상 결과 발표</title>
<link>https://www.motie.go.kr/kor/article/ATCL3f49a5a8c</link>
</item>
</channel>
</rss>
''')
items = [('商务部新闻发言人何咏前答记者问：关于稀土出口管制', 'http://www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_5a1c.html'),
         ('日本経済産業省：対米交渉の状況', 'https://www.meti.go.jp/press/2025/10/20251009001/20251009001.html'),
         ('산업통상자원부, 대미 관세 협상 결과 발표', 'https://www.motie.go.kr/kor/article/ATCL3f49a5a8c')]
fixture('text-cjk', x, F('rss20', '商务部 | MOFCOM', 'http://www.mofcom.gov.cn/', '中华人民共和国商务部', None, [],
    [E(fid(items[0][1], items[0][0]), items[0][0], items[0][1], '商务部新闻办公室', '2025-10-09T08:00:00Z',
       summary='<p>问：商务部发布了关于对稀土相关技术实施出口管制的决定，请问有何考虑？</p>', categories=['新闻发布']),
     E(fid(items[1][1], items[1][0]), items[1][0], items[1][1]),
     E(fid(items[2][1], items[2][0]), items[2][0], items[2][1])]))

x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Trade Desk 📦</title>
<link>https://tradedesk.example/</link>
<item>
<title>Tariffs 📈 and trade 🇨🇳🇺🇸 &#x1F4C9;</title>
<link>https://tradedesk.example/2025/emoji</link>
<author>Analyst 👩🏽‍💼</author>
<category>🚢 Shipping</category>
</item>
</channel>
</rss>
''')
t = 'Tariffs 📈 and trade 🇨🇳🇺🇸 📉'
fixture('text-emoji', x, F('rss20', 'Trade Desk 📦', 'https://tradedesk.example/', None, None, [],
    [E(fid('https://tradedesk.example/2025/emoji', t), t, 'https://tradedesk.example/2025/emoji',
       'Analyst 👩🏽‍💼', categories=['🚢 Shipping'])]))

# Bidirectional controls are kept in the model (display strips them).
x = doc('''
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Al Jazeera Economy</title>
<link>https://www.aljazeera.net/ebusiness/</link>
<item>
<title>\u202eseiraT\u202c on Gulf aluminium</title>
<link>https://www.aljazeera.net/ebusiness/2025/3/12/aluminium</link>
</item>
<item>
<title>\u200fالرسوم الجمركية الأمريكية على الألمنيوم&#x200F;</title>
<link>https://www.aljazeera.net/ebusiness/2025/3/13/rusum</link>
</item>
</channel>
</rss>
''')
t1 = '\u202eseiraT\u202c on Gulf aluminium'
t2 = '\u200fالرسوم الجمركية الأمريكية على الألمنيوم\u200f'
fixture('text-bidi-controls', x, F('rss20', 'Al Jazeera Economy', 'https://www.aljazeera.net/ebusiness/', None, None, [],
    [E(fid('https://www.aljazeera.net/ebusiness/2025/3/12/aluminium', t1), t1,
       'https://www.aljazeera.net/ebusiness/2025/3/12/aluminium'),
     E(fid('https://www.aljazeera.net/ebusiness/2025/3/13/rusum', t2), t2,
       'https://www.aljazeera.net/ebusiness/2025/3/13/rusum')]))

# ---------------------------------------------------------------- long enough to stream
# Past the decoder's 1 KiB sniffing window, so that pushes of any size split
# multi-byte characters (the unit test feeds these a byte at a time).
paras = ['第%d条：对原产于美国的进口商品加征关税，税率由百分之八十四提高至百分之一百二十五。' % i for i in range(1, 13)]
desc = ''.join(paras)
items = [('国务院关税税则委员会公告 2025 年第 %d 号 📄' % i,
          'http://gss.mof.gov.cn/gzdt/zhengcefabu/202504/t2025041%d_3962000.htm' % i) for i in range(1, 4)]
def stream_doc(encoding):
    body = ''.join(doc('''
    <item>
    <title>%s</title>
    <link>%s</link>
    <description>%s</description>
    <pubDate>Fri, 11 Apr 2025 1%d:00:00 +0800</pubDate>
    </item>
    ''') % (t, l, desc, i) for i, (t, l) in enumerate(items))
    return doc('''
    <?xml version="1.0" encoding="%s"?>
    <rss version="2.0">
    <channel>
    <title>财政部关税政策 — 中华人民共和国财政部</title>
    <link>http://gss.mof.gov.cn/</link>
    <description>%s</description>
    %s</channel>
    </rss>
    ''') % (encoding, desc, body)
def stream_expected():
    return F('rss20', '财政部关税政策 — 中华人民共和国财政部', 'http://gss.mof.gov.cn/', desc, None, [],
             [E(fid(l, t), t, l, published='2025-04-11T0%d:00:00Z' % (2 + i), summary=desc)
              for i, (t, l) in enumerate(items)])
fixture('stream-utf8-long', stream_doc('UTF-8'), stream_expected())
fixture('stream-gb18030-long', stream_doc('GB18030').encode('gb18030'), stream_expected())
fixture('stream-utf16le-long', b'\xff\xfe' + stream_doc('UTF-16').encode('utf-16-le'), stream_expected())
