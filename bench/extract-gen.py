#!/usr/bin/env python3
"""Generate a corpus of realistic news and government web pages for
bench/extract, and score extracted text against it.

Generate (deterministic: the same --seed and --size give the same bytes on
every run and machine; Python 3.7 or later, stdlib only):

    extract-gen.py [--size BYTES] [--seed N] --out DIR

writes DIR/pages/NNNN.html (about 400 pages of 20-300 KB, --size bytes in
all, default 50,000,000), DIR/words/NNNN.txt (the words of each page's
article body, one paragraph a line, UTF-8) and DIR/manifest.tsv (name,
template, charset, bytes, body words).

The pages are what article pages carry: big heads (meta, link, inline
scripts and styles, JSON-LD), navigation menus, cookie banners, nested divs
with the class names of real site generators, an article body of 300-2000
words (p, h2, ul, blockquote, figure), ads and in-body asides, share bars,
related and most-read lists, comment sections and footers with link
columns.  Most are English UTF-8; some are windows-1252 (declared with
<meta>), some Chinese in UTF-8, some Chinese in GB2312.

Score (the check run of bench/extract):

    extract-gen.py --score TEXTDIR [--label NAME] DIR

reads TEXTDIR/NNNN.txt (the text some extractor gave for each page) and
prints, per page and in all, the recall of the body's words: the share of
the body's word occurrences (a multiset; a CJK ideograph counts as a word)
that the text holds.  "noise" is the share of the text's words that are not
body words (boilerplate let in).  Exit 0 when every page has text and a
recall of at least --min-recall (default 0.9), 1 otherwise.
"""

import argparse
import json
import os
import random
import re
import sys
from collections import Counter

DEFAULT_SIZE = 50_000_000
DEFAULT_SEED = 20241207
MIN_PAGE = 20_000
MAX_PAGE = 300_000
MODE_PAGE = 60_000  # triangular(20K, 300K, 60K): mean 127 KB, ~390 pages

# ---- vocabulary -------------------------------------------------------------

REGIONS = ["EU", "US", "China", "Japan", "India", "Brazil", "Canada", "Mexico",
           "UK", "Australia", "South Korea", "Vietnam", "Indonesia", "Türkiye",
           "South Africa", "Chile", "Côte d'Ivoire", "Mercosur", "ASEAN", "Norway"]
PRODUCTS = ["steel", "aluminium", "solar panels", "electric vehicles", "soybeans",
            "semiconductors", "rare earths", "wine", "dairy", "lithium batteries",
            "shrimp", "rice", "fertiliser", "wind turbines", "pharmaceuticals",
            "timber", "cotton", "beef", "polysilicon", "ceramic tiles", "biodiesel",
            "optical fibre", "hardwood plywood", "crémant", "olive oil", "tyres"]
INSTITUTIONS = ["European Commission", "USTR", "MOFCOM", "WTO Dispute Settlement Body",
                "Department of Commerce", "DG TRADE", "Trade Remedies Authority",
                "International Trade Commission", "Canada Border Services Agency",
                "Ministry of Economy, Trade and Industry", "Federal Register"]
PEOPLE = ["Valdis Dombrovskis", "Katherine Tai", "Ngozi Okonjo-Iweala", "Hélène Dubois",
          "José Manuel Ortega", "Piyush Goyal", "Mary Ng", "Kemi Badenoch", "Ömer Bolat",
          "Bernd Lange", "François Lefèvre", "Søren Østergaard", "Gina Raimondo",
          "Don Farrell", "Zhang Wei", "Li Na", "Chen Jing"]
AUTHORS = ["Anna Kowalska", "Ben Carter", "Chloé Martin", "David Okafor", "Emma Lindqvist",
           "Marta Ruiz", "Nikhil Rao", "Olivier Bénard", "Priya Natarajan", "Sam O'Neill",
           "Tomás Ó Briain", "Jürgen Weiß"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SENTENCES = [
    "The measure follows a complaint lodged by domestic producers of {product}, who argue "
    "that imports from {region} surged by {pct}% over the investigation period.",
    "Officials said the provisional duties, ranging from {pct}% to {pct2}%, would apply "
    "for six months while the investigation continues.",
    "Importers have until {date} to submit comments & supporting evidence to the {inst}.",
    "Industry groups welcomed the decision — though several warned it came “far too "
    "late” for plants that have already closed.",
    "Exporters in {region} rejected the findings, saying the dumping margin of {pct}% "
    "relied on a surrogate country whose prices are not comparable.",
    "The ruling covers {n} tariff lines under HS headings {hs1} and {hs2}.",
    "Analysts expect the volume of affected trade to exceed €{n} billion a year, most of "
    "it in {product}.",
    "A hearing is scheduled for {date}; a final determination is due by {date2}.",
    "Under the agreement, tariffs on {product} fall to zero over {n} years, with a "
    "safeguard if imports grow faster than {pct}% in any twelve-month period.",
    "Shipping data show that cargo volumes at the main ports were {pct}% lower than a "
    "year earlier, partly because of longer routes around the Cape.",
    "Trade lawyers noted that the margin is below the de minimis level of 2% for one of "
    "the cooperating exporters, which will be excluded.",
    "Customs authorities will require importers to register consignments of {product} "
    "from {date}, allowing duties to be collected retroactively.",
    "The panel found that the measure was “inconsistent with Articles I and II” of the "
    "GATT 1994, and recommended that {region} bring it into conformity.",
    "Prices for {product} on the domestic market fell {pct}% between {date} and {date2}.",
    "Smaller firms say compliance costs are a greater burden than the duty itself.",
    "Negotiators from {region} and {region2} meet again in Geneva on {date} to discuss "
    "the remaining chapters.",
    "{person}, who chairs the committee, said the {inst} would publish its reasoning in "
    "full before the end of {month}.",
    "The investigation found that {n} producers had cut output and that employment in "
    "the sector fell by {pct}% over three years.",
    "Farm organisations in {region} asked for the quota on {product} to be reviewed "
    "every {n} months rather than once a year.",
    "Figures released on {date} put the trade surplus with {region} at ${n}.{n2} billion, "
    "up {pct}% from the same quarter last year.",
]
QUOTES = [
    "We will defend our industry against unfair competition, firmly and within the rules.",
    "This is a protectionist step that harms consumers and downstream users.",
    "Our door remains open to dialogue — but dialogue needs two parties.",
    "The evidence of injury is overwhelming; we could not wait any longer.",
    "We are studying the decision carefully and reserve all our rights under the WTO.",
    "Retaliation is not our first choice, but it is on the table.",
    "The agreement gives our farmers certainty for the next decade.",
    "Supply chains cannot be rebuilt overnight, whatever the tariff rate.",
]
H2S = ["What the duties cover", "Background", "Reaction from industry", "What happens next",
       "The numbers", "Why it matters", "A long dispute", "Key dates", "The legal basis",
       "Who is affected", "Market impact", "Timeline"]
SECTIONS = ["World", "Politics", "Business", "Trade", "Markets", "Economy", "Policy",
            "Europe", "Asia", "Americas", "Africa", "Energy", "Climate", "Technology",
            "Opinion", "Analysis", "Podcasts", "Video", "Data", "Newsletters"]
FOOT_LINKS = ["About us", "Contact", "Careers", "Advertise", "Privacy policy",
              "Cookie settings", "Terms of use", "Accessibility", "Sitemap", "RSS feeds",
              "Corrections", "Press office", "Subscribe", "Help centre", "Archive",
              "Freedom of information", "Open data", "Procurement", "Complaints", "Jobs"]
COMMENT_WORDS = ("honestly this is what happens when nobody thinks about the long term and "
                 "the people who pay are always the same workers and small businesses who "
                 "never get a say while lobbyists write the rules behind closed doors I have "
                 "been importing for twenty years and every time they promise it will be "
                 "different it never is great reporting though thanks for explaining the "
                 "numbers so clearly").split()
NICKS = ["tradewatcher", "jd_1978", "MarketSkeptic", "lena.k", "PortOfCall", "anon_importer",
         "R. Patel", "steelman42", "Grumpy Economist", "farmgirl", "xiaoming", "Kiwi_Trader"]

# Chinese: government notices and news (UTF-8 and GB2312 pages).
ZH_REGIONS = ["欧盟", "美国", "日本", "印度", "巴西", "加拿大", "墨西哥", "英国", "澳大利亚",
              "韩国", "越南", "印度尼西亚", "南非", "智利", "东盟", "挪威"]
ZH_PRODUCTS = ["钢铁", "铝材", "光伏组件", "电动汽车", "大豆", "半导体", "稀土", "葡萄酒",
               "乳制品", "锂电池", "虾类产品", "大米", "化肥", "风力发电机组", "药品", "木材",
               "棉花", "牛肉", "多晶硅", "陶瓷砖", "生物柴油", "光纤"]
ZH_INST = ["商务部", "海关总署", "国务院关税税则委员会", "世界贸易组织", "国家发展和改革委员会",
           "财政部", "贸易救济调查局", "国家市场监督管理总局"]
ZH_PEOPLE = ["王文涛", "张伟", "李娜", "陈静", "刘洋", "周敏", "赵磊", "孙丽", "何亚东", "束珏婷"]
ZH_SENTENCES = [
    "{inst}新闻发言人{person}表示，{region}对原产于中国的{product}征收反倾销税的做法违反世贸组织规则。",
    "根据调查结果，{product}的倾销幅度为{pct}%至{pct2}%，自{date}起实施临时反倾销措施。",
    "{inst}将于{date}举行听证会，利害关系方可在规定期限内提交书面评论意见。",
    "数据显示，今年前{n}个月我国对{region}出口{product}同比增长{pct}%，进口下降{pct2}%。",
    "业内人士认为，此次调整有利于稳定{product}产业链供应链，促进贸易高质量发展。",
    "{region}方面称，相关措施旨在保护本国产业，但多家企业对此表示强烈关切。",
    "{person}指出，中方将密切关注事态发展，坚决维护中国企业的合法权益。",
    "自{date}起，{inst}对{n}个税目的{product}实施暂定税率，平均税率降至{pct}%。",
    "双方同意于{date}在日内瓦举行新一轮磋商，就市场准入和原产地规则等问题交换意见。",
    "企业如有疑问，可通过{inst}官方网站或服务热线进行咨询。",
    "专家分析称，{region}的贸易保护主义倾向加剧，将对全球{product}市场造成冲击。",
    "本次复审调查期为{date}至{date2}，调查范围包括{n}家主要生产企业。",
]
ZH_H2 = ["一、基本情况", "二、调查结果", "三、有关措施", "四、下一步工作", "背景资料",
         "相关链接说明", "政策解读", "附件说明"]
ZH_NAV = ["首页", "新闻发布", "政策法规", "政务公开", "办事服务", "互动交流", "数据统计",
          "专题专栏", "国际合作", "地方商务", "机构设置", "English"]
ZH_FOOT = ["网站地图", "联系我们", "使用帮助", "隐私声明", "版权声明", "网站纠错", "无障碍浏览"]

TEMPLATES = ["wire", "gov", "react", "wordpress", "tabloid", "legacy"]
ZH_TEMPLATES = ["zhgov", "zhnews"]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def aesc(s):
    return esc(s).replace('"', "&quot;")


def slug(s):
    out = []
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")[:60] or "item"


# ---- words ------------------------------------------------------------------

WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+|[\u3400-\u9fff\uf900-\ufaff]")


def words(text):
    """The words of a text, lowercased: runs of Latin letters and digits, and
    each CJK ideograph by itself (Chinese has no spaces)."""
    return [w.lower() for w in WORD.findall(text)]


# ---- one page -----------------------------------------------------------------


class Page:
    def __init__(self, rng, serial, target, template, charset):
        self.r = rng
        self.serial = serial
        self.target = target
        self.template = template
        self.charset = charset
        self.zh = template in ZH_TEMPLATES
        self.body_words = []  # paragraphs of the body, as plain text
        r = rng
        if self.zh:
            self.headline = "%s关于对原产于%s的%s反倾销调查的公告" % (
                r.choice(ZH_INST), r.choice(ZH_REGIONS), r.choice(ZH_PRODUCTS))
        else:
            self.headline = "%s %s %s from %s" % (
                r.choice(REGIONS), r.choice(["imposes duties on", "opens probe into",
                                             "lifts quota on", "extends tariffs on",
                                             "bans imports of", "cuts tariffs on"]),
                r.choice(PRODUCTS), r.choice(REGIONS))
        self.author = r.choice(AUTHORS)
        self.date = "2024-%02d-%02dT%02d:%02d:00Z" % (
            r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59))
        self.url = "https://%s/%s/%d/%s" % (
            {"wire": "www.tradewire.example.com", "gov": "www.trade.example.gov",
             "react": "news.example.net", "wordpress": "policyblog.example.org",
             "tabloid": "www.dailyledger.example.co.uk", "legacy": "www.harbour-business.example.com",
             "zhgov": "www.mofcom.example.cn", "zhnews": "news.example.com.cn"}[template],
            r.choice(SECTIONS).lower(), 100000 + serial * 7, slug(self.headline))

    # -- text ------------------------------------------------------------

    def date_words(self):
        r = self.r
        if self.zh:
            return "%d年%d月%d日" % (r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28))
        if r.random() < 0.5:
            return "%d %s %d" % (r.randint(1, 28), r.choice(MONTHS), r.randint(2023, 2025))
        return "%d-%02d-%02d" % (r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28))

    def sentence(self):
        r = self.r
        if self.zh:
            return r.choice(ZH_SENTENCES).format(
                inst=r.choice(ZH_INST), person=r.choice(ZH_PEOPLE), region=r.choice(ZH_REGIONS),
                product=r.choice(ZH_PRODUCTS), pct=r.randint(3, 95), pct2=r.randint(96, 250),
                n=r.randint(2, 12), date=self.date_words(), date2=self.date_words())
        return r.choice(SENTENCES).format(
            product=r.choice(PRODUCTS), region=r.choice(REGIONS), region2=r.choice(REGIONS),
            pct=r.randint(3, 95), pct2=r.randint(96, 250), n=r.randint(2, 60),
            n2=r.randint(0, 9), date=self.date_words(), date2=self.date_words(),
            inst=r.choice(INSTITUTIONS), person=r.choice(PEOPLE), month=r.choice(MONTHS),
            hs1="%04d.%02d" % (r.randint(1000, 9999), r.randint(10, 99)),
            hs2="%04d.%02d" % (r.randint(1000, 9999), r.randint(10, 99)))

    def short_sentence(self):
        """A headline-like line for menus, related lists and teasers."""
        r = self.r
        if self.zh:
            return "%s%s%s" % (r.choice(ZH_REGIONS), r.choice(["调整", "延长", "启动", "终止"]),
                              r.choice(ZH_PRODUCTS) + r.choice(["关税", "反倾销调查", "进口配额"]))
        return "%s %s %s" % (r.choice(REGIONS), r.choice(["weighs", "delays", "confirms",
                                                           "challenges", "rethinks"]),
                             r.choice(["tariffs on ", "curbs on ", "deal on ", "probe into "])
                             + r.choice(PRODUCTS))

    def para_text(self, lo, hi):
        sep = "" if self.zh else " "
        return sep.join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    # -- the body --------------------------------------------------------

    def body_blocks(self):
        """The article body as a list of HTML blocks; records its words."""
        r = self.r
        nwords = r.randint(300, 2000)
        got = 0
        blocks = []
        while got < nwords:
            x = r.random()
            if x < 0.07 and blocks:
                t = r.choice(ZH_H2 if self.zh else H2S)
                blocks.append("<h2>%s</h2>" % esc(t))
            elif x < 0.15:
                items = [self.sentence() for _ in range(r.randint(2, 5))]
                self.body_words.extend(items)
                got += sum(len(words(i)) for i in items) // (2 if self.zh else 1)
                tag = "ol" if r.random() < 0.3 else "ul"
                blocks.append("<%s>%s</%s>" % (tag, "".join("<li>%s</li>" % esc(i) for i in items), tag))
                continue
            elif x < 0.22 and not self.zh:
                q = r.choice(QUOTES)
                who = r.choice(PEOPLE)
                self.body_words.append(q)
                got += len(words(q))
                blocks.append('<blockquote class="%s"><p>“%s”</p></blockquote>'
                              % (r.choice(["pullquote", "quote", "wp-block-quote"]), esc(q)))
                said = "That was how %s put it on %s." % (who, self.date_words())
                blocks.append("<p>%s</p>" % esc(said))
                self.body_words.append(said)
                continue
            elif x < 0.27:
                cap = self.sentence()
                blocks.append('<figure class="%s"><img src="https://cdn.example.com/img/%d/%d.jpg" '
                              'srcset="https://cdn.example.com/img/%d/%d-480.jpg 480w, '
                              'https://cdn.example.com/img/%d/%d-960.jpg 960w" '
                              'sizes="(max-width: 600px) 480px, 960px" alt="%s" loading="lazy" '
                              'width="960" height="540"><figcaption>%s <span class="credit">'
                              'Photo: Reuters</span></figcaption></figure>'
                              % (r.choice(["article-figure", "wp-block-image", "media"]),
                                 self.serial, r.randint(1, 999), self.serial, 1, self.serial, 1,
                                 aesc(cap[:60]), esc(cap)))
                continue
            text = self.para_text(1, 5)
            self.body_words.append(text)
            got += len(words(text)) // (2 if self.zh else 1)
            h = esc(text)
            if r.random() < 0.25 and not self.zh:
                # an inline link and emphasis, as in real copy
                cut = h.find(" ", len(h) // 3)
                end = h.find(" ", cut + 25)  # a link of a few words
                if cut > 0 and end > 0 and "&" not in h[cut:end]:
                    h = '%s <a href="%s?ref=inline">%s</a>%s' % (
                        h[:cut], aesc(self.url), h[cut + 1:end], h[end:])
            if r.random() < 0.15:
                tag = r.choice(["strong", "em", "b"])
                h = "<%s>%s</%s>" % (tag, h, tag) if "<a " not in h else h
            blocks.append("<p>%s</p>" % h)
        return blocks

    # -- furniture ---------------------------------------------------------

    def links(self, n, prefix="/"):
        r = self.r
        out = []
        for _ in range(n):
            t = r.choice(ZH_NAV if self.zh else SECTIONS)
            out.append('<li class="menu-item"><a href="%s%s/" class="nav-link">%s</a></li>'
                       % (prefix, slug(t) if not self.zh else "col%d" % r.randint(1, 99), esc(t)))
        return "".join(out)

    def nav(self):
        r = self.r
        sub = "".join('<li class="menu-item menu-item-has-children"><a href="/%d/">%s</a>'
                      '<ul class="sub-menu">%s</ul></li>' % (i, esc(r.choice(ZH_NAV if self.zh else SECTIONS)),
                                                              self.links(r.randint(4, 10)))
                      for i in range(r.randint(5, 10)))
        return ('<nav class="site-nav" role="navigation" aria-label="Main"><button class="menu-toggle" '
                'aria-expanded="false"><svg class="icon" viewBox="0 0 24 24"><path d="M3 6h18M3 12h18M3 18h18"/>'
                '</svg>Menu</button><ul id="primary-menu" class="menu nav-menu">%s</ul></nav>' % sub)

    def cookie_banner(self):
        if self.zh:
            t = "本网站使用Cookie以改善您的浏览体验。继续浏览即表示您同意我们使用Cookie。"
        else:
            t = ("We use cookies and similar technologies to recognise your repeat visits and "
                 "preferences, to measure the effectiveness of campaigns and to analyse traffic. "
                 "By clicking “Accept all”, you consent to the use of cookies. You can change "
                 "your choices at any time in the cookie settings, linked at the bottom of every page.")
        return ('<div id="onetrust-consent-sdk"><div class="cookie-banner" role="dialog" aria-live="polite">'
                '<div class="cookie-banner__inner"><p class="cookie-banner__text">%s <a href="/privacy">'
                'Privacy notice</a></p><div class="cookie-banner__buttons"><button class="btn btn-primary">'
                'Accept all</button><button class="btn">Reject all</button><button class="btn btn-link">'
                'Settings</button></div></div></div></div>' % esc(t))

    def share_bar(self):
        u = aesc(self.url)
        return ('<div class="share-bar social-share" aria-label="Share this article"><ul>'
                + "".join('<li><a class="share share--%s" href="https://%s.example/share?u=%s" '
                          'target="_blank" rel="noopener"><svg viewBox="0 0 24 24" aria-hidden="true">'
                          '<use href="#icon-%s"></use></svg><span class="visually-hidden">Share on %s'
                          '</span></a></li>' % (s, s, u, s, s.title())
                          for s in ["facebook", "twitter", "linkedin", "whatsapp", "email"])
                + "</ul></div>")

    def ad(self):
        r = self.r
        return ('<div class="ad-slot ad-slot--inline" id="div-gpt-ad-%d-%d" data-ad-unit="/1234/news/%s" '
                'data-sizes="[[300,250],[728,90]]"><span class="ad-label">Advertisement</span>'
                '<script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-%d-%d");});</script></div>'
                % (self.serial, r.randint(1, 99), r.choice(SECTIONS).lower(), self.serial, r.randint(1, 99)))

    def teaser_list(self, title, n, cls, summaries):
        r = self.r
        items = []
        for _ in range(n):
            t = self.short_sentence()
            s = ""
            if summaries:
                s = '<p class="%s__summary">%s</p>' % (cls, esc(self.sentence()))
            items.append('<li class="%s__item"><a href="/%s/%d"><img src="/img/t%d.jpg" alt="" width="120" '
                         'height="80"><h3 class="%s__title">%s</h3></a>%s<time datetime="2024-05-%02d">%d hours ago'
                         '</time></li>' % (cls, slug(t), r.randint(1000, 99999), r.randint(1, 999), cls,
                                           esc(t), s, r.randint(1, 28), r.randint(1, 23)))
        return ('<section class="%s" aria-labelledby="%s-h"><h2 id="%s-h" class="section-title">%s</h2>'
                '<ul class="%s__list">%s</ul></section>' % (cls, cls, cls, esc(title), cls, "".join(items)))

    def comments(self):
        r = self.r
        out = []
        for i in range(r.randint(3, 25)):
            n = r.randint(15, 120)
            if self.zh:
                text = "".join(r.choice(["支持", "希望", "政策", "落实", "企业", "关注", "好消息", "点赞",
                                         "什么时候", "执行", "了解", "谢谢"]) for _ in range(n // 3))
            else:
                text = " ".join(r.choice(COMMENT_WORDS) for _ in range(n)).capitalize() + "."
            out.append('<li class="comment even thread-even depth-1" id="comment-%d"><article class="comment-body">'
                       '<footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" '
                       'src="/avatar/%d.png" width="40" height="40" alt=""><b class="fn">%s</b></div>'
                       '<div class="comment-metadata"><time datetime="2024-06-0%dT10:00">%d days ago</time>'
                       '</div></footer><div class="comment-content"><p>%s</p></div><div class="reply">'
                       '<a class="comment-reply-link" href="#respond">Reply</a></div></article></li>'
                       % (i + 1000 * self.serial, r.randint(1, 500), esc(r.choice(NICKS)), r.randint(1, 9),
                          r.randint(1, 9), esc(text)))
        return ('<div id="comments" class="comments-area"><h2 class="comments-title">%d comments</h2>'
                '<ol class="comment-list">%s</ol><div id="respond" class="comment-respond"><form '
                'action="/wp-comments-post.php" method="post"><textarea name="comment" rows="8"></textarea>'
                '<input type="submit" value="Post comment"></form></div></div>' % (len(out), "".join(out)))

    def footer(self):
        r = self.r
        cols = []
        for c in range(r.randint(4, 6)):
            names = ZH_FOOT if self.zh else FOOT_LINKS
            cols.append('<div class="footer__col"><h4>%s</h4><ul>%s</ul></div>' % (
                esc(r.choice(ZH_NAV if self.zh else SECTIONS)),
                "".join('<li><a href="/%s">%s</a></li>' % (slug(n) if not self.zh else "f%d" % k, esc(n))
                        for k, n in enumerate(r.sample(names, min(len(names), r.randint(5, 9)))))))
        copy = ("主办单位：中华人民共和国商务部　版权所有　京ICP备05004093号　京公网安备11040102700091号"
                if self.zh else
                "© 2024 Example Media Group Ltd. All rights reserved. Registered in England and Wales "
                "No. 01234567. Registered office: 1 Example Square, London. Example News is not "
                "responsible for the content of external sites.")
        return ('<footer class="site-footer" role="contentinfo"><div class="footer__columns">%s</div>'
                '<div class="footer__newsletter"><form class="newsletter-form"><label for="nl-email">Get our '
                'daily briefing</label><input type="email" id="nl-email" placeholder="Email address">'
                '<button>Sign up</button></form></div><p class="footer__copyright">%s</p></footer>'
                % ("".join(cols), esc(copy)))

    # -- the head and the weight of real pages ------------------------------

    def head(self):
        r = self.r
        cs = self.charset
        if cs == "utf-8":
            meta_cs = '<meta charset="utf-8">'
        elif r.random() < 0.5:
            meta_cs = '<meta charset="%s">' % cs
        else:
            meta_cs = '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % cs
        desc = self.sentence()
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": self.headline,
              "datePublished": self.date, "dateModified": self.date,
              "author": [{"@type": "Person", "name": self.author}],
              "publisher": {"@type": "Organization", "name": "Example News",
                            "logo": {"@type": "ImageObject", "url": "https://cdn.example.com/logo.png"}},
              "description": desc, "mainEntityOfPage": self.url,
              "image": ["https://cdn.example.com/img/%d/1.jpg" % self.serial]}
        if r.random() < 0.2:  # some sites also put (the start of) the body there
            ld["articleBody"] = " ".join(self.body_words)[:r.choice([300, 1000, 100000])]
        h = [meta_cs, '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>%s | Example News</title>" % esc(self.headline),
             '<meta name="description" content="%s">' % aesc(desc),
             '<link rel="canonical" href="%s">' % aesc(self.url)]
        for p, v in [("og:type", "article"), ("og:title", self.headline), ("og:description", desc),
                     ("og:url", self.url), ("og:image", "https://cdn.example.com/img/%d/1.jpg" % self.serial),
                     ("og:site_name", "Example News"), ("article:published_time", self.date),
                     ("article:author", self.author), ("twitter:card", "summary_large_image"),
                     ("twitter:site", "@examplenews")]:
            h.append('<meta property="%s" content="%s">' % (p, aesc(v)))
        for i in range(r.randint(4, 14)):
            h.append('<link rel="%s" href="https://cdn.example.com/static/%s.%x.%s"%s>' % (
                r.choice(["preload", "stylesheet", "modulepreload", "prefetch"]),
                r.choice(["main", "vendor", "article", "fonts", "runtime"]), r.getrandbits(48),
                r.choice(["css", "js", "woff2"]), ' as="script"' if i % 3 == 0 else ""))
        h.append('<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">')
        h.append('<script type="application/ld+json">%s</script>' % json.dumps(ld, ensure_ascii=True))
        h.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                 "gtag('js',new Date());gtag('config','G-%08X',{'anonymize_ip':true,'page_path':'%s'});"
                 "</script>" % (r.getrandbits(32), slug(self.headline)))
        h.append('<script async src="https://www.googletagmanager.com/gtag/js?id=G-%08X"></script>'
                 % r.getrandbits(32))
        return h

    def css(self, n):
        r = self.r
        rules = []
        size = 0
        while size < n:
            sel = ".%s%s" % (r.choice(["article", "nav", "footer", "card", "teaser", "btn", "grid",
                                       "hero", "ad-slot", "share", "byline", "c"]),
                             r.choice(["", "__title", "__body", "--large", "-%x" % r.getrandbits(20)]))
            rule = ("%s{margin:%dpx %dpx;padding:0 %drem;font:%d %dpx/%s var(--font-%s);color:#%06x;"
                    "display:%s}@media (min-width:%dpx){%s{grid-template-columns:repeat(%d,1fr)}}" % (
                        sel, r.randint(0, 40), r.randint(0, 40), r.randint(0, 4), r.choice([400, 600, 700]),
                        r.randint(12, 48), r.choice(["1.2", "1.4", "1.6"]), r.choice(["serif", "sans"]),
                        r.getrandbits(24), r.choice(["flex", "block", "grid", "none"]),
                        r.choice([600, 768, 1024, 1280]), sel, r.randint(1, 4)))
            rules.append(rule)
            size += len(rule)
        return "<style>%s</style>" % "".join(rules)

    def js(self, n):
        r = self.r
        parts = []
        size = 0
        while size < n:
            v = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(2))
            s = ("function %s%d(e,t){var n=e&&e.__esModule?e:{default:e};if(t<%d){return n.default"
                 "[\"%s\"]||null}for(var i=0;i<t.length;i++){n[i]=t[i]<<%d^0x%x}return Object."
                 "assign({},n,{id:\"%x\",ok:!0})}" % (v, r.randint(0, 9999), r.randint(1, 99), v,
                                                      r.randint(1, 8), r.getrandbits(24), r.getrandbits(32)))
            parts.append(s)
            size += len(s)
        return "<script>%s</script>" % ";".join(parts)

    def state_json(self, n):
        """Framework state (Next.js __NEXT_DATA__): the body again, escaped."""
        r = self.r
        items = []
        size = 0
        while size < n:
            it = {"id": "%x" % r.getrandbits(40), "type": r.choice(["teaser", "promo", "ad", "paragraph"]),
                  "text": self.short_sentence(), "url": "/%s/%d" % (slug(self.short_sentence()), r.randint(1, 10**6)),
                  "tracking": {"pos": r.randint(1, 40), "variant": r.choice(["a", "b", "control"])}}
            s = json.dumps(it, ensure_ascii=True)
            items.append(s)
            size += len(s) + 1
        return ('<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"items":[%s]}},'
                '"page":"/[section]/[slug]","buildId":"%x"}</script>' % (",".join(items), r.getrandbits(40)))

    def svg_sprite(self, n):
        r = self.r
        parts = []
        size = 0
        while size < n:
            s = ('<symbol id="icon-%x" viewBox="0 0 24 24"><path d="M%d %dc%d %d %d %d %d %dl%d %dz"/>'
                 '<circle cx="%d" cy="%d" r="%d"/></symbol>' % tuple(
                     [r.getrandbits(24)] + [r.randint(0, 24) for _ in range(13)]))
            parts.append(s)
            size += len(s)
        return '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">%s</svg>' % "".join(parts)

    # -- the whole ------------------------------------------------------------

    def build(self):
        r = self.r
        t = self.template
        blocks = self.body_blocks()
        headline = esc(self.headline)
        byline = ('<div class="byline"><span class="author">By <a href="/authors/%s" rel="author">%s</a>'
                  '</span> <time datetime="%s">%s</time> <span class="read-time">%d min read</span></div>'
                  % (slug(self.author), esc(self.author), self.date, self.date[:10], r.randint(2, 12)))
        # ads and asides between paragraphs
        body = []
        for i, b in enumerate(blocks):
            body.append(b)
            if i and i % r.randint(3, 6) == 0 and i < len(blocks) - 2:
                if r.random() < 0.6:
                    body.append(self.ad())
                else:
                    body.append('<aside class="inline-related"><strong>Read more:</strong> <a href="/x/%d">%s</a>'
                                '</aside>' % (r.randint(1, 99999), esc(self.short_sentence())))
        related = self.teaser_list("相关新闻" if self.zh else "Related stories", r.randint(4, 8),
                                   "related", summaries=r.random() < 0.6)
        most = self.teaser_list("热点排行" if self.zh else "Most read", 10, "most-read", summaries=False)
        breadcrumb = ('<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">%s</a></li><li>'
                      '<a href="/%s">%s</a></li></ol></nav>' % ("首页" if self.zh else "Home", "trade",
                                                                  "政策发布" if self.zh else "Trade"))
        tags = '<ul class="tags">%s</ul>' % "".join(
            '<li><a href="/tag/%s" rel="tag">%s</a></li>' % (slug(p), esc(p))
            for p in r.sample(PRODUCTS, 4))
        header = ('<header class="site-header"><div class="site-branding"><a href="/" class="logo"><img '
                  'src="/logo.svg" alt="Example News"></a></div>%s<div class="header-search"><form action="/search">'
                  '<input type="search" name="q" placeholder="Search"></form></div></header>' % self.nav())
        paras = "\n".join(body)
        if t == "wire":
            main = ('<main id="main" class="main-content"><div class="container"><div class="row"><div class="col-lg-8">'
                    '%s<article class="article" itemscope itemtype="https://schema.org/NewsArticle"><header '
                    'class="article__header"><h1 class="article__headline" itemprop="headline">%s</h1>%s</header>'
                    '%s<div class="article__body" itemprop="articleBody">\n%s\n</div>%s</article>%s%s</div>'
                    '<div class="col-lg-4"><aside class="sidebar">%s%s</aside></div></div></div></main>'
                    % (breadcrumb, headline, byline, self.share_bar(), paras, tags, related,
                       self.comments() if r.random() < 0.5 else "", most, self.ad()))
        elif t == "gov":
            main = ('<div class="dialog-off-canvas-main-canvas"><main role="main" id="main-content"><div class='
                    '"layout-content"><div class="region region-content"><div id="block-mainpagecontent" class='
                    '"block block-system"><div class="node node--type-press-release node--view-mode-full"><h1 '
                    'class="page-title"><span class="field field--name-title">%s</span></h1><div class="field '
                    'field--name-field-date">%s</div><div class="clearfix text-formatted field field--name-body '
                    'field--type-text-with-summary field--label-hidden field__item">\n%s\n</div><div class="field '
                    'field--name-field-related-documents"><h2>Related documents</h2>%s</div></div></div></div>'
                    '</div><aside class="layout-sidebar-second">%s</aside></main></div>'
                    % (headline, self.date[:10], paras,
                       '<ul>%s</ul>' % "".join('<li><a href="/docs/%d.pdf">%s (PDF, %d KB)</a></li>'
                                               % (r.randint(1, 9999), esc(self.short_sentence()), r.randint(50, 900))
                                               for _ in range(r.randint(2, 6))), most))
        elif t == "react":
            ps = "".join('<div class="css-%x" data-component="text-block">%s</div>' % (
                r.getrandbits(24), b if not b.startswith("<p>") else '<p class="css-83cqas e5tfeyi2">' + b[3:])
                for b in body)
            main = ('<div id="__next"><div class="css-1x3k9z"><div class="sc-bdVaJa kQwZHj">%s<div class="css-'
                    '%x"><h1 class="css-1jf3hw e1h1ag0i0" id="main-heading">%s</h1><div class="css-%x">%s</div>'
                    '%s<div class="css-%x">%s</div>%s</div></div></div></div>'
                    % (breadcrumb, r.getrandbits(24), headline, r.getrandbits(24), byline, self.share_bar(),
                       r.getrandbits(24), ps, related))
        elif t == "wordpress":
            main = ('<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" '
                    'class="site-main"><article id="post-%d" class="post-%d post type-post status-publish format-'
                    'standard has-post-thumbnail hentry category-trade"><header class="entry-header"><h1 class='
                    '"entry-title">%s</h1><div class="entry-meta">%s</div></header><div class="entry-content">\n'
                    '%s\n%s</div><footer class="entry-footer">%s</footer></article><nav class="navigation post-'
                    'navigation"><div class="nav-links"><a href="/p/1" rel="prev">%s</a><a href="/p/2" rel="next">'
                    '%s</a></div></nav>%s</main></div><aside id="secondary" class="widget-area">%s%s</aside></div>'
                    % (self.serial, self.serial, headline, byline, paras, self.share_bar(), tags,
                       esc(self.short_sentence()), esc(self.short_sentence()), self.comments(), most, related))
        elif t == "tabloid":
            chunks = []
            step = max(3, len(body) // r.randint(2, 4))
            for i in range(0, len(body), step):
                chunks.append('<div class="story-body__inner" data-chunk="%d">%s</div>' % (i, "".join(body[i:i + step])))
                chunks.append('<div class="mpu-container"><div class="ad-slot">%s</div></div>' % self.ad())
            main = ('<div class="page-wrapper"><div class="story-container"><div class="story-header"><h1 '
                    'class="story-headline">%s</h1>%s</div><div class="story-body">%s</div>%s%s</div>%s</div>'
                    % (headline, byline, "".join(chunks), related, self.comments(), most))
        elif t == "legacy":
            # an older site: tables for layout, <br><br> between paragraphs, <font>
            text = []
            for b in blocks:
                if b.startswith("<p>"):
                    text.append(b[3:-4] + "<br><br>")
                else:
                    text.append(b)
            main = ('<table width="100%%" cellpadding="0" cellspacing="0" border="0"><tr><td class="leftnav" '
                    'width="180" valign="top"><ul>%s</ul></td><td valign="top"><table width="100%%"><tr><td '
                    'class="headline"><font size="5"><b>%s</b></font></td></tr><tr><td class="date">%s</td></tr>'
                    '<tr><td class="bodytext"><font face="Verdana" size="2">\n%s\n</font></td></tr></table></td>'
                    '<td class="rightcol" width="200" valign="top">%s%s</td></tr></table>'
                    % (self.links(r.randint(15, 30)), headline, self.date[:10], "\n".join(text), self.ad(), most))
        elif t == "zhgov":
            ps = "".join(('<p style="text-indent:2em;">%s</p>' % b[3:-4]) if b.startswith("<p>") else b
                         for b in body)
            main = ('<div class="w1200 main"><div class="location">当前位置：%s</div><div class="article-con">'
                    '<h1 class="art-title">%s</h1><div class="art-info"><span>发布时间：%s</span><span>来源：%s'
                    '</span><span class="font-size">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】'
                    '</span></div><div class="pages_content" id="UCAP-CONTENT"><div class="TRS_Editor">\n%s\n'
                    '</div></div><div class="art-share">分享到：%s</div><div class="print"><a href="javascript:'
                    'window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div></div>'
                    '%s</div>' % (breadcrumb, headline, self.date[:10], esc(r.choice(ZH_INST)), ps,
                                  self.share_bar(), related))
        else:  # zhnews
            main = ('<div class="container clearfix"><div class="main-left"><div class="left_zw" id="p-detail">'
                    '<h1 id="title">%s</h1><div class="info">%s 来源：%s 作者：%s</div><div id="detail">\n%s\n'
                    '</div><div class="editor">【责任编辑：%s】</div></div>%s%s</div><div class="main-right">%s'
                    '</div></div>' % (headline, self.date[:10], esc(r.choice(ZH_INST)), esc(r.choice(ZH_PEOPLE)),
                                      paras, esc(r.choice(ZH_PEOPLE)), related, self.comments(), most))
        head = self.head()
        tail = ["<script>window.__CONFIG__={\"env\":\"prod\",\"section\":\"%s\",\"id\":%d};</script>"
                % (r.choice(SECTIONS).lower(), self.serial)]
        doctype = "<!DOCTYPE html>" if t != "legacy" else \
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">'
        lang = "zh-CN" if self.zh else "en"

        def assemble(head_extra, tail_extra):
            return ('%s\n<html lang="%s"><head>\n%s\n%s\n</head>\n<body class="single article-page">\n%s\n%s\n'
                    '%s\n%s\n%s\n%s\n</body></html>\n' % (
                        doctype, lang, "\n".join(head), head_extra, self.cookie_banner(), header, main,
                        self.footer(), "\n".join(tail), tail_extra))

        page = self.encode(assemble("", ""))
        # The weight of real pages: styles and scripts in the head, state
        # JSON and an icon sprite in the body, as much as the target asks.
        room = self.target - len(page)
        head_extra = tail_extra = ""
        if room > 0:
            shares = [r.random() for _ in range(4)]
            tot = sum(shares)
            css_n, js_n, json_n, svg_n = (int(room * s / tot) for s in shares)
            if t == "legacy":  # no frameworks there
                css_n, js_n, json_n, svg_n = room // 2, room - room // 2, 0, 0
            head_extra = self.css(css_n * 0.97) + self.js(js_n * 0.97)
            tail_extra = (self.state_json(json_n * 0.97) if json_n > 200 else "") + \
                (self.svg_sprite(svg_n * 0.97) if svg_n > 200 else "")
            page = self.encode(assemble(head_extra, tail_extra))
            # top up (or trim) to the target with one last script
            pad = self.target - len(page) - len("<script></script>")
            if pad > 0:
                filler = ("/* %s */" % ("x" * 40)) * (pad // 48 + 1)
                tail_extra += "<script>%s</script>" % filler[:pad]
                page = self.encode(assemble(head_extra, tail_extra))
        return page

    def encode(self, s):
        if self.charset == "utf-8":
            return s.encode("utf-8")
        return s.encode(self.charset, "xmlcharrefreplace")


# ---- the corpus -------------------------------------------------------------------


def parse_size(s):
    m = re.fullmatch(r"(\d+)([kKmMgG]?)", s)
    if not m:
        raise argparse.ArgumentTypeError("bad size %r" % s)
    return int(m.group(1)) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]


def generate(size, seed, out):
    rng = random.Random(seed)
    pages_dir = os.path.join(out, "pages")
    words_dir = os.path.join(out, "words")
    for d in (pages_dir, words_dir):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
    total = 0
    serial = 0
    manifest = []
    while total < size:
        left = size - total
        target = int(rng.triangular(MIN_PAGE, MAX_PAGE, MODE_PAGE))
        if left - target < MIN_PAGE:  # the last page takes what is left
            target = max(left, MIN_PAGE)
        x = rng.random()
        if x < 0.70:
            template, charset = rng.choice(TEMPLATES), "utf-8"
        elif x < 0.80:
            template, charset = rng.choice(["legacy", "gov", "wordpress"]), "windows-1252"
        elif x < 0.92:
            template, charset = rng.choice(ZH_TEMPLATES), "utf-8"
        else:
            template, charset = rng.choice(ZH_TEMPLATES), "gb2312"
        p = Page(rng, serial, target, template, charset)
        data = p.build()
        name = "%04d" % serial
        with open(os.path.join(pages_dir, name + ".html"), "wb") as f:
            f.write(data)
        body = "\n".join(" ".join(words(w)) for w in p.body_words) + "\n"
        with open(os.path.join(words_dir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(body)
        manifest.append("%s\t%s\t%s\t%d\t%d\n" % (name, template, charset, len(data), len(body.split())))
        total += len(data)
        serial += 1
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("name\ttemplate\tcharset\tbytes\tbody_words\n")
        f.writelines(manifest)
    print("extract-gen: %d pages, %d bytes" % (serial, total), file=sys.stderr)


def score(corpus, textdir, label, min_recall, verbose):
    rows = []
    with open(os.path.join(corpus, "manifest.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            rows.append(line.rstrip("\n").split("\t"))
    empty = []
    low = []
    recalls = []
    noises = []
    by_kind = {}
    for name, template, charset, _nbytes, _nwords in rows:
        with open(os.path.join(corpus, "words", name + ".txt"), encoding="utf-8") as f:
            want = Counter(f.read().split())
        path = os.path.join(textdir, name + ".txt")
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                got = Counter(words(f.read()))
        except FileNotFoundError:
            got = Counter()
        if not got:
            empty.append(name)
        hit = sum(min(n, got[w]) for w, n in want.items())
        rec = hit / max(1, sum(want.values()))
        noise = 1 - hit / sum(got.values()) if got else 0.0
        recalls.append(rec)
        noises.append(noise)
        by_kind.setdefault("%s/%s" % (template, charset), []).append(rec)
        if rec < min_recall:
            low.append((name, template, charset, rec))
        if verbose:
            print("%s %-10s %-12s recall %.3f noise %.3f" % (name, template, charset, rec, noise))
    recalls_sorted = sorted(recalls)
    n = len(recalls)
    print("%s: %d pages, %d with no text; recall of body words: mean %.3f, median %.3f, min %.3f; "
          "%d pages below %.2f; noise (text words not in the body): mean %.3f"
          % (label, n, len(empty), sum(recalls) / n, recalls_sorted[n // 2], recalls_sorted[0],
             len(low), min_recall, sum(noises) / n, ))
    print("  by template/charset: " + ", ".join(
        "%s %.3f (min %.3f, %d)" % (k, sum(v) / len(v), min(v), len(v)) for k, v in sorted(by_kind.items())))
    for name, template, charset, rec in low[:10]:
        print("  below: %s (%s, %s) recall %.3f" % (name, template, charset, rec))
    if len(low) > 10:
        print("  ... and %d more" % (len(low) - 10))
    return 0 if not empty and not low else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=parse_size, default=DEFAULT_SIZE)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", help="corpus folder to write")
    ap.add_argument("--score", metavar="TEXTDIR", help="score the texts in TEXTDIR against the corpus")
    ap.add_argument("--label", default="text")
    ap.add_argument("--min-recall", type=float, default=0.9)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("corpus", nargs="?", help="corpus folder (with --score)")
    a = ap.parse_args()
    if a.score:
        if not a.corpus:
            ap.error("--score needs the corpus folder")
        return score(a.corpus, a.score, a.label, a.min_recall, a.verbose)
    if not a.out:
        ap.error("--out is required")
    generate(a.size, a.seed, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
