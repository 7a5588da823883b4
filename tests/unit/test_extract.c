/* Main-text extraction: what is kept and left out of a page, where its
 * encoding comes from, JSON-LD, and hostile pages. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/util.h"
#include "parse/extract.h"

/* Three paragraphs that read as an article, for pages to wrap. */
#define BODY                                                                                   \
	"<p>China's Ministry of Commerce on Thursday announced new export controls on rare "   \
	"earth technologies, in a move analysts said would tighten its grip.</p>"               \
	"<p>The ministry said that exports of technologies used in mining, smelting and "      \
	"separation would require a licence, effective immediately.</p>"                        \
	"<p>US Treasury Secretary Scott Bessent said the United States would respond, but "    \
	"did not give details of any measures under consideration.</p>"
#define BODY_TEXT                                                                              \
	"China's Ministry of Commerce on Thursday announced new export controls on rare "      \
	"earth technologies, in a move analysts said would tighten its grip.\n\n"               \
	"The ministry said that exports of technologies used in mining, smelting and "         \
	"separation would require a licence, effective immediately.\n\n"                        \
	"US Treasury Secretary Scott Bessent said the United States would respond, but did "   \
	"not give details of any measures under consideration."

static char *extract(const char *html, size_t len, const char *charset, struct extracted *e)
{
	struct extract_options o = {.charset = charset, .max_size = 0};
	assert_true(extract_page(html, len, &o, e));
	return e->text;
}

static void expect_text(const char *html, const char *expected)
{
	struct extracted e;
	char *text = extract(html, strlen(html), NULL, &e);
	assert_non_null(text);
	assert_string_equal(text, expected);
	assert_int_equal(e.len, strlen(expected));
	extracted_free(&e);
}

static void test_boilerplate_left_out(void **state)
{
	(void)state;
	expect_text("<html><head><title>Rare earths | Wire</title></head><body>"
		    "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav>"
		    "<div class=cookie-consent>We use cookies to give you the best experience, "
		    "and by browsing on you agree to that, as our policy explains.</div>"
		    "<article><h1>Rare earths</h1><p class=byline>By Jane Doe</p>" BODY
		    "<div class=share><a href=/t>Twitter</a> <a href=/f>Facebook</a></div>"
		    "</article><aside><h3>Related</h3><ul><li><a href=/1>Teaser one about "
		    "tariffs and trade</a></li><li><a href=/2>Teaser two about port fees</a></li>"
		    "</ul></aside><footer>Copyright 2025 Wire. All rights reserved.</footer>"
		    "</body></html>",
		    BODY_TEXT);
}

static void test_structure_kept(void **state)
{
	(void)state;
	expect_text("<body><div class=story>" BODY "<h2>What comes next</h2>"
		    "<ul><li>Licences for smelting technology.</li>"
		    "<li>Licences for separation technology.</li></ul>"
		    "<blockquote>We will respond, he said.</blockquote></div></body>",
		    BODY_TEXT "\n\nWhat comes next\n\nLicences for smelting technology.\n\n"
			      "Licences for separation technology.\n\nWe will respond, he said.");
}

static void test_captions_not_candidates(void **state)
{
	(void)state;
	/* A script-built page: each paragraph in its own div, and a picture
	 * whose figure carries a positive hint ("article-figure") and a long
	 * caption.  The caption must not pull the choice to the figure. */
	expect_text("<body><div class=css-a1><div class=css-b2 data-component=text-block>"
		    "<p>China's Ministry of Commerce on Thursday announced new export controls "
		    "on rare earth technologies, in a move analysts said would tighten its "
		    "grip.</p></div><div class=css-c3 data-component=text-block>"
		    "<figure class=article-figure><img src=a.jpg><figcaption>The ministry's "
		    "building in Beijing, where officials announced the measure, in a picture "
		    "taken on Thursday, with a long caption, and commas, to score.</figcaption>"
		    "</figure></div><div class=css-b2 data-component=text-block>"
		    "<p>The ministry said that exports of technologies used in mining, smelting "
		    "and separation would require a licence, effective immediately.</p></div>"
		    "<div class=css-b2 data-component=text-block><p>US Treasury Secretary Scott "
		    "Bessent said the United States would respond, but did not give details of "
		    "any measures under consideration.</p></div></div></body>",
		    BODY_TEXT);
}

static void test_hints_in_context(void **state)
{
	(void)state;
	/* Hints that name the page's own containers do not discard it; data-
	 * attributes name a byline and a newsletter box; an inline footnote
	 * mark stays in its sentence; a pull quote takes no heading with it;
	 * a picture's credit and a newsletter plug go; a sibling named
	 * "bottom-of-article" that holds only author notes stays out. */
	expect_text("<body class=layout-newsletter><main class=container--newsletter>"
		    "<article class=\"story newsletter\"><section name=articleBody>"
		    "<div data-component=byline-block><p>Jane Doe</p><p>Trade reporter</p></div>"
		    "<p>China's Ministry of Commerce on Thursday announced new export controls on "
		    "rare earth technologies, in a move analysts said would tighten its "
		    "grip.<sup><a class=footnote-ref href=#fn1>1</a></sup></p>"
		    "<div><img src=a.jpg><span>Getty Images</span></div>"
		    "<h2>What comes next</h2><figure class=pull-quote><blockquote>The ministry "
		    "said that exports would require a licence.</blockquote></figure>"
		    "<p>The ministry said that exports of technologies used in mining, smelting "
		    "and separation would require a licence, effective immediately.</p>"
		    "<div data-component=newsletter-signup><p>Free daily newsletter</p><p>Get set "
		    "for the working day, with the news you need every morning, in your inbox "
		    "before eight.</p></div>"
		    "<p>The Trade Watch newsletter is your daily guide to tariffs. <a "
		    "href=/n>Sign up here.</a></p>"
		    "<p>US Treasury Secretary Scott Bessent said the United States would respond, "
		    "but did not give details of any measures under consideration.</p></section>"
		    "<div class=bottom-of-article><div><p><a href=/by/jd>Jane Doe</a> covers trade "
		    "and international economics, and is based in Washington, since 2019.</p>"
		    "</div></div></article></main></body>",
		    "China's Ministry of Commerce on Thursday announced new export controls on rare "
		    "earth technologies, in a move analysts said would tighten its grip.1\n\n"
		    "What comes next\n\n"
		    "The ministry said that exports of technologies used in mining, smelting and "
		    "separation would require a licence, effective immediately.\n\n"
		    "US Treasury Secretary Scott Bessent said the United States would respond, but "
		    "did not give details of any measures under consideration.");
}

static void test_wire_and_release_shapes(void **state)
{
	(void)state;
	/* Paragraphs a site marks "paywall" are the story; a heading whose
	 * class says "header" is a heading; a photo caption with its
	 * agency credit, a drawn rule, a contribution line and what follows
	 * an end mark go; a release's quotes after its body come with their
	 * speakers. */
	expect_text("<body><div class=release><div class=body>"
		    "<p class=paywall>China's Ministry of Commerce on Thursday announced new "
		    "export controls on rare earth technologies, in a move analysts said would "
		    "tighten its grip.</p>"
		    "<p><img src=port.jpg></p><p>Containers wait at Qingdao Port in east China's "
		    "Shandong Province, Oct. 12, 2025. (Xinhua/Li Haotian)</p>"
		    "<h2 class=header-anchor-post>What comes next</h2>"
		    "<p class=paywall>The ministry said that exports of technologies used in mining, "
		    "smelting and separation would require a licence, effective immediately.</p>"
		    "<p>___</p><p>Associated Press writers Dina Tan in Beijing and Paul Weller in "
		    "Washington contributed to this report.</p></div>"
		    "<div id=quotes><h2>Quotes</h2><figure class=quote><blockquote><p>\u201cUS "
		    "Treasury Secretary Scott Bessent said the United States would respond, but did "
		    "not give details.\u201d</p></blockquote><figcaption><cite class=quote__author>"
		    "Jana Novak, Commissioner for Trade</cite></figcaption></figure></div>"
		    "<div class=contacts><p>(END)</p><p>Press contact: Olof Gill, +32 2 29 56</p>"
		    "</div></div></body>",
		    "China's Ministry of Commerce on Thursday announced new export controls on rare "
		    "earth technologies, in a move analysts said would tighten its grip.\n\n"
		    "What comes next\n\n"
		    "The ministry said that exports of technologies used in mining, smelting and "
		    "separation would require a licence, effective immediately.\n\n"
		    "Quotes\n\n"
		    "\u201cUS Treasury Secretary Scott Bessent said the United States would respond, "
		    "but did not give details.\u201d\n\n"
		    "Jana Novak, Commissioner for Trade");
}

static void test_second_look_and_pdf(void **state)
{
	(void)state;
	/* A page laid out in a "sidebar-grid": the first look finds nothing
	 * but boilerplate; the second, without class hints, finds the
	 * story. */
	expect_text("<body><nav><a href=/>Home</a></nav><div class=sidebar-grid><div "
		    "class=col-a>" BODY "</div><div class=col-b><a href=/x>Most read</a>"
		    "</div></div></body>",
		    BODY_TEXT);
	/* pdf2htmlEX: a line a positioned div, spacers between words,
	 * numbered paragraphs, title lines, page footers; every page. */
	expect_text("<html><head><meta name=generator content=pdf2htmlEX></head><body>"
		    "<div id=sidebar><div id=outline><a href=#pf1>Scope</a></div></div>"
		    "<div id=page-container><div class=pf><div class=pc>"
		    "<div class=\"t m0 x1\">1. This Notice is issued by the<span class=\"_ _5\"> "
		    "</span>Harbour Board under section 41 of</div>"
		    "<div class=\"t m0 x1\">the Ports Ordinance, and applies from 1 December"
		    "</div><div class=\"t m0 x1\">2025.</div>"
		    "<div class=\"t m0 x1\">Scope</div>"
		    "<div class=\"t m0 x1\">2. The charge applies to every vessel of 1,000"
		    "</div><div class=\"t m0 x1\">gross tonnage or more, from that day on.</div>"
		    "<div class=\"t m0 x2\">Page 1 of 2</div></div></div>"
		    "<div class=pf><div class=pc><div class=\"t m0 x1\">3. The charge is paid "
		    "before the vessel is granted port</div><div class=\"t m0 x1\">clearance, "
		    "in full, by its agent.</div></div></div></div></body></html>",
		    "1. This Notice is issued by the Harbour Board under section 41 of the Ports "
		    "Ordinance, and applies from 1 December 2025.\n\nScope\n\n"
		    "2. The charge applies to every vessel of 1,000 gross tonnage or more, from "
		    "that day on.\n\n3. The charge is paid before the vessel is granted port "
		    "clearance, in full, by its agent.");
}

static void test_paywall_wrapper_and_credits(void **state)
{
	(void)state;
	/* A wrapper marked "paywall" holds the rest of the story; the prompt
	 * after it is small and goes; so do the contribution, "Write to" and
	 * print-edition lines and a web editor's credit. */
	expect_text("<body><section class=ArticleBody><p>China's Ministry of Commerce on "
		    "Thursday announced new export controls on rare earth technologies, in a "
		    "move analysts said would tighten its grip.</p><div class=paywall>"
		    "<p>The ministry said that exports of technologies used in mining, smelting "
		    "and separation would require a licence, effective immediately.</p>"
		    "<p>US Treasury Secretary Scott Bessent said the United States would respond, "
		    "but did not give details of any measures under consideration.</p></div>"
		    "<div class=paywall-prompt><p>Continue reading your article with a "
		    "subscription.</p></div>"
		    "<p>\u2014Yuki Danforth in Tokyo contributed to this article.</p>"
		    "<p>Appeared in the October 10, 2025, print edition as 'Toolmakers Brace'.</p>"
		    "<p>(Web editor: Zhao Minjie, Liang Qiao)</p></section></body>",
		    BODY_TEXT);
}

static void test_blocks_of_one_class(void **state)
{
	(void)state;
	/* A site builder's page: the story in blocks of one class, each under
	 * wrappers of its own, a button between them; a section whose id is
	 * its heading's anchor ("policy-recommendations") is not a widget of
	 * recommendations. */
	expect_text("<body><div class=page><div class=strip><div class=col><div class=wrap>"
		    "<div class=\"rt wixui-rich-text\"><p>China's Ministry of Commerce on Thursday "
		    "announced new export controls on rare earth technologies, in a move analysts "
		    "said would tighten its grip.</p></div></div></div></div>"
		    "<div class=strip><div class=col><button>Book a call</button></div></div>"
		    "<div class=strip><div class=col><div class=wrap><div class=\"rt wixui-rich-text\">"
		    "<p>The ministry said that exports of technologies used in mining, smelting and "
		    "separation would require a licence, effective immediately.</p></div></div></div>"
		    "</div><div class=strip><div class=col><div class=wrap>"
		    "<div class=\"rt wixui-rich-text\"><section id=policy-recommendations>"
		    "<h2>Policy recommendations</h2><p>US Treasury Secretary Scott Bessent said the "
		    "United States would respond, but did not give details of any measures under "
		    "consideration.</p></section></div></div></div></div></div></body>",
		    "China's Ministry of Commerce on Thursday announced new export controls on rare "
		    "earth technologies, in a move analysts said would tighten its grip.\n\n"
		    "The ministry said that exports of technologies used in mining, smelting and "
		    "separation would require a licence, effective immediately.\n\n"
		    "Policy recommendations\n\n"
		    "US Treasury Secretary Scott Bessent said the United States would respond, but "
		    "did not give details of any measures under consideration.");
}

static void test_forms_tables_and_release_ends(void **state)
{
	(void)state;
	/* An ASP.NET page inside one <form>; a newsletter's web version laid
	 * out one table row a paragraph, its sponsor-free; what follows a
	 * release without "###": "About X", "Notes to editors". */
	expect_text("<body><form id=form1><input type=hidden name=__VIEWSTATE value=x>"
		    "<table class=bh__table><tr><td><a href=/r>Read online</a></td></tr>"
		    "<tr><td><p>China's Ministry of Commerce on Thursday announced new export "
		    "controls on rare earth technologies, in a move analysts said would tighten "
		    "its grip.</p></td></tr><tr><td><p>The ministry said that exports of "
		    "technologies used in mining, smelting and separation would require a licence, "
		    "effective immediately.</p></td></tr><tr><td><p>US Treasury Secretary Scott "
		    "Bessent said the United States would respond, but did not give details of any "
		    "measures under consideration.</p></td></tr>"
		    "<tr><td><p><b>About Meridian Gulf Terminals, Inc.</b></p></td></tr>"
		    "<tr><td><p>Meridian Gulf Terminals, Inc. operates seven bulk terminals in "
		    "Texas and Louisiana, with a long tail of words here.</p></td></tr>"
		    "</table></form></body>",
		    BODY_TEXT);
	/* A newsletter's contents line and a sponsor's box between its
	 * sections. */
	expect_text("<body><div class=post><p>In today\u2019s issue: port fees \u00b7 Entity List "
		    "\u00b7 Section 301 exclusions \u00b7 one number</p>" BODY
		    "<table><tr><td>TOGETHER WITH CLEARDOCK</td></tr><tr><td><h3>Classify 10,000 "
		    "SKUs before lunch</h3></td></tr><tr><td><p>ClearDock uses AI to suggest HTS "
		    "codes, flag duties and keep an audit trail your broker will love.</p></td></tr>"
		    "</table></div></body>",
		    BODY_TEXT);
	expect_text("<body><div class=govspeak>" BODY "<h2>Notes to editors</h2><p>The Export "
		    "Control Joint Unit administers the system of export controls and licensing, "
		    "with a long sentence.</p></div></body>",
		    BODY_TEXT);
}

/* Rows of a table as lines; an act's numbered paragraphs in one-row
 * tables; a title's list of language codes is no paragraph of prose. */
static void test_rows_and_legal_acts(void **state)
{
	(void)state;
	expect_text("<body><article>" BODY "<table><tr><th>Product</th><th>Rate</th></tr>"
		    "<tr><td><p>Semiconductors</p></td><td>50%</td></tr></table></article></body>",
		    BODY_TEXT "\n\nProduct Rate\n\nSemiconductors 50%");
	/* EUR-Lex: the title's block has a comma every few characters; the
	 * recitals are tables of a number and a text; "Done at" closes. */
	expect_text(
	    "<body><div id=MainContent><div class=DocumentTitle><p>Commission Implementing "
	    "Regulation (EU) 2025/2143 on coils</p><p>OJ L, 2025/2143, (BG, ES, CS, DA, DE, ET, EL, "
	    "EN, FR, GA, HR, IT, LV, LT, HU, MT, NL, PL, PT, RO, SK, SL, FI, SV)</p></div>"
	    "<div class=eli-container><div class=eli-subdivision>"
	    "<p>THE EUROPEAN COMMISSION,</p><p>Having regard to the Treaty on the Functioning of "
	    "the European Union, and in particular Article 207 thereof,</p><p>Having regard to "
	    "Regulation (EU) 2016/1036 on protection against dumped imports from countries not "
	    "members of the European Union, and in particular Article 13 thereof,</p>"
	    "<p>Whereas:</p>"
	    "<div><table><tr><td><p>(1)</p></td><td><p>By Implementing Regulation (EU) 2020/1408, "
	    "the Commission imposed a definitive anti-dumping duty on imports of coils.</p></td>"
	    "</tr></table></div><div><table><tr><td><p>(2)</p></td><td><p>On 14 February 2025, "
	    "the Commission initiated an investigation concerning the possible circumvention of "
	    "the measures.</p></td></tr></table></div><div><table><tr><td><p>(3)</p></td><td><p>"
	    "The investigation established that imports of the product concerned increased, "
	    "while imports from the countries concerned fell.</p></td></tr></table></div>"
	    "<p>HAS ADOPTED THIS REGULATION:</p>"
	    "<p>This Regulation shall enter into force on the day following that of its "
	    "publication.</p></div>"
	    "<div><p>Done at Brussels, 9 October 2025.</p><p>For the Commission</p>"
	    "<p>The President</p></div></div></div></body>",
	    "THE EUROPEAN COMMISSION,\n\nHaving regard to the Treaty on the Functioning of the "
	    "European Union, and in particular Article 207 thereof,\n\nHaving regard to "
	    "Regulation (EU) 2016/1036 on protection against dumped imports from countries not "
	    "members of the European Union, and in particular Article 13 thereof,\n\nWhereas:"
	    "\n\n(1) By Implementing Regulation (EU) "
	    "2020/1408, the Commission imposed a definitive anti-dumping duty on imports of "
	    "coils.\n\n(2) On 14 February 2025, the Commission initiated an investigation "
	    "concerning the possible circumvention of the measures.\n\n(3) The investigation "
	    "established that imports of the product concerned increased, while imports from the "
	    "countries concerned fell.\n\nHAS ADOPTED THIS REGULATION:\n\nThis Regulation "
	    "shall enter into force on the day following that of its publication.");
}

/* Each paragraph in a table of its own, wrappers deep: no element gathers
 * their scores, and a short box of comma-rich lines outscores them all.
 * The last look takes what holds most of the page's prose. */
#define DEEP(text) "<div><div><table><tr><td><p>" text "</p></td></tr></table></div></div>"
static void test_prose_without_scores(void **state)
{
	(void)state;
	expect_text("<body><div class=panel><div class=intro><p>Rules, notices, decisions, guidance, forms, "
		    "letters, tables, annexes, corrigenda, and more, by date, by body, by "
		    "number.</p><p>Search, filter, sort, save, share, print, export, compare, "
		    "subscribe, or browse by subject, year, type, or author.</p></div></div>"
		    "<div class=col><div class=doc>" DEEP("China's Ministry of Commerce on Thursday announced new "
					   "export controls on rare earth technologies.")
			DEEP("The ministry said that exports of technologies used in mining "
			     "would require a licence from the first of December.")
			    DEEP("US Treasury Secretary Scott Bessent said the United States "
				 "would respond in kind and in good time.")
				DEEP("Analysts said the controls were the broadest the ministry "
				     "has announced since the trade talks began.")
				    DEEP("Shipping lines said the new port fees would add to the "
					 "cost of every call at an American port.")
					DEEP("The European Commission said it was studying the "
					     "measures with its partners in the group.")
					    "</div></div></body>",
		    "China's Ministry of Commerce on Thursday announced new export controls on "
		    "rare earth technologies.\n\nThe ministry said that exports of technologies "
		    "used in mining would require a licence from the first of December.\n\nUS "
		    "Treasury Secretary Scott Bessent said the United States would respond in kind "
		    "and in good time.\n\nAnalysts said the controls were the broadest the "
		    "ministry has announced since the trade talks began.\n\nShipping lines said "
		    "the new port fees would add to the cost of every call at an American port."
		    "\n\nThe European Commission said it was studying the measures with its "
		    "partners in the group.");
}

/* A list of links that a sentence announces is text; "Related:" is no
 * sentence. */
static void test_announced_link_list(void **state)
{
	(void)state;
	expect_text("<body><div id=mainContent>" BODY "<p>The following documents were "
		    "circulated before the meeting:</p><ul><li><a href=/861.pdf>G/C/W/861 "
		    "\u2014 Port fees on vessels</a></li><li><a href=/862.pdf>G/C/W/862 \u2014 "
		    "Export licensing requirements</a></li></ul><p>Related:</p><ul><li><a href=/a>"
		    "Members discuss fisheries subsidies</a></li><li><a href=/b>Goods Council "
		    "meets in March</a></li></ul><p>Problems viewing this page? Please contact "
		    "webmaster@wto.example giving details of the operating system and web browser "
		    "you are using.</p></div></body>",
		    BODY_TEXT "\n\nThe following documents were circulated before the meeting:\n\n"
			      "G/C/W/861 \u2014 Port fees on vessels\n\nG/C/W/862 \u2014 Export "
			      "licensing requirements");
}

/* The eighth held-out set's lessons: a quotation's own footer names its
 * speaker; Drupal's "field--label-hidden" is on the body's own fields;
 * notes, contacts and notices after the text in several shapes. */
static void test_notes_contacts_and_speakers(void **state)
{
	(void)state;
	expect_text("<body><article>" BODY "<blockquote><p>\u201cOur pressure will be "
		    "maintained until the occupation ends.\u201d</p><footer>Mette Rasmussen-Holm, "
		    "Minister for European Affairs</footer></blockquote></article></body>",
		    BODY_TEXT "\n\n\u201cOur pressure will be maintained until the occupation "
			      "ends.\u201d\n\nMette Rasmussen-Holm, Minister for European Affairs");
	/* a Drupal field inside the body's own field: both "label-hidden" */
	expect_text("<body><article><div class=\"text-formatted field--label-hidden\">" BODY
		    "<p>Exporters will need a licence for each shipment from the first of "
		    "December, the ministry said.</p><div class=\"text-formatted "
		    "field--label-hidden\"><h2>How to check</h2><p>The state of the quotas can be "
		    "seen every day in the Commission's TARIC database.</p></div></div></article>"
		    "</body>",
		    BODY_TEXT "\n\nExporters will need a licence for each shipment from the first "
			      "of December, the ministry said.\n\nHow to check\n\nThe state of the "
			      "quotas can be seen every day in the Commission's TARIC database.");
	expect_text("<body><article><p>Update, 9 October: corrected the value in the table "
		    "below. Thanks to the readers who wrote in.</p>" BODY
		    "<p>\u25b2Busan New Port container terminal. (Photo=Busan Port Authority)</p>"
		    "<p>Park Ji-hoon reporter jhpark@busan.example</p>"
		    "<p>\u65b0\u805e\u806f\u7d61\u4eba \u570b\u969b\u8cbf\u6613\u7f72</p>"
		    "<p>Ends/Wednesday, October 8, 2025</p><p>Issued at HKT 15:20</p>"
		    "</article></body>",
		    BODY_TEXT);
	expect_text("<body><article><p>To print this article, all you need is to be registered "
		    "or login on Mondaq.com.</p>" BODY "<p>If you have questions about how the "
		    "rule applies to your business, please contact any of the authors.</p><p>This "
		    "alert is provided for general information purposes only and does not "
		    "constitute legal advice.</p><h3>Footnotes</h3><p>1. 90 Fed. Reg. 47112 (Sept. "
		    "30, 2025).</p></article></body>",
		    BODY_TEXT);
	expect_text("<body><article>" BODY "<p>The fourth paragraph says more about the export "
		    "controls and who they cover.</p><hr><p class=fn>[1] Under Article IV of the "
		    "Articles of Agreement, the Fund holds bilateral discussions with members.</p>"
		    "<p>PRESS OFFICER: Laura Benedetti</p></article></body>",
		    BODY_TEXT "\n\nThe fourth paragraph says more about the export controls and "
			      "who they cover.");
	expect_text("<body><article>" BODY "<p>\uff08\u554f\u3044\u5408\u308f\u305b\u5148"
		    "\uff09</p><p>\u6771\u4eac\u7a0e\u95a2 \u8abf\u67fb\u90e8 \u96fb\u8a71"
		    "\uff1a03-3599-6421</p><p>PDF files need Adobe Acrobat Reader, free from Adobe."
		    "</p></article></body>",
		    BODY_TEXT);
}

/* The ninth and tenth held-out sets' lessons: a page built of "widget"
 * blocks; the page's description printed as a standfirst above the text
 * (the story's own first paragraph may say the same); Notion's cells and
 * heading blocks; notes, notices and reading times. */
static void test_widgets_standfirsts_and_notes(void **state)
{
	(void)state;
	expect_text("<body><article><div class=article-widgets>"
		    "<div class=\"article-widget article-widget-text\"><p>China's Ministry of "
		    "Commerce on Thursday announced new export controls on rare earth technologies, "
		    "in a move analysts said would tighten its grip.</p></div>"
		    "<div class=\"article-widget article-widget-text\"><p>The ministry said that "
		    "exports of technologies used in mining, smelting and separation would require a "
		    "licence, effective immediately.</p></div>"
		    "<div class=\"article-widget article-widget-text\"><p>US Treasury Secretary "
		    "Scott Bessent said the United States would respond, but did not give details of "
		    "any measures under consideration.</p></div>"
		    "<div class=\"article-widget article-widget-related\"><a href=/r>Port fees "
		    "start</a></div></div></article></body>",
		    BODY_TEXT);
	/* a standfirst that is the description; a lede that is too */
	expect_text("<head><meta name=description content=\"Exporters must obtain permits "
		    "before shipping chips to the listed firms, the ministry said\"></head><body>"
		    "<article><h2>Exporters must obtain permits before shipping chips to the listed "
		    "firms, the ministry said</h2><div class=text>" BODY "</div></article></body>",
		    BODY_TEXT);
	expect_text("<head><meta name=description content=\"Exporters must obtain permits "
		    "before shipping chips to the listed firms, the ministry said.\"></head><body>"
		    "<div class=story><p class=lead>Exporters must obtain permits before shipping "
		    "chips to the listed firms, the ministry said.</p>" BODY "</div></body>",
		    BODY_TEXT);
	expect_text("<head><meta property=og:description content=\"China's Ministry of Commerce "
		    "on Thursday announced new export controls on rare earth technologies, in a move "
		    "analysts said would tighten its grip.\"></head><body><article>" BODY
		    "</article></body>",
		    BODY_TEXT);
	/* a Notion table: each cell's text in wrappers; a heading block */
	expect_text("<body><article>" BODY "<div class=\"notion-selectable notion-header-block\">"
		    "<div><h2>What is covered</h2></div></div><div class=notion-table-block><table>"
		    "<tr><td><div class=notion-table-cell><div>Sintered magnets</div></div></td><td>"
		    "<div class=notion-table-cell><div>8505.1110</div></div></td></tr></table></div>"
		    "</article></body>",
		    BODY_TEXT "\n\nWhat is covered\n\nSintered magnets 8505.1110");
	expect_text("<body><article><p>3 min</p><p>Editor\u2019s note: This story has been "
		    "updated with comment from the federation.</p>" BODY "<p>Media enquiries should "
		    "be directed to the Media Office (+33 1 45 24 97 00).</p><p>Correction (10 October "
		    "2025): An earlier version said twelve companies. There are eleven.</p><p>This "
		    "note is for general information only and is not legal advice.</p><p>BY PARK "
		    "EUN-JI [park.eunji@daily.example]</p><p>Fuente: Ministerio de Econom\u00eda</p>"
		    "</article></body>",
		    BODY_TEXT);
}

/* What closes a release in other ways and languages, and the plugs,
 * markers and credits inside a story. */
static void test_more_ends_and_plugs(void **state)
{
	(void)state;
	expect_text("<body><article>" BODY "<p>--oo0oo--</p><p>Para m\u00e1s informaci\u00f3n: "
		    "Coordinaci\u00f3n General de Comunicaci\u00f3n Social</p></article></body>",
		    BODY_TEXT);
	expect_text("<body><article>" BODY "<h3>Media enquiries</h3><p>Minister's office: 02 "
		    "6277 7420</p></article></body>",
		    BODY_TEXT);
	expect_text("<body><article>" BODY "<p>To contact the reporter on this story: Alana "
		    "Whitcombe in Washington at aw@example.com</p><p>Reproduced with permission. "
		    "Published Oct. 9, 2025. Copyright 2025 Bloomberg Industry Group.</p>"
		    "<p>Updated at 15.12 BST</p><p><em>Click here to join Express on WhatsApp and "
		    "get latest news and updates</em></p></article></body>",
		    BODY_TEXT);
	/* "About X" ends a release when little follows it; an explainer's
	 * section "About Section 301" is text. */
	expect_text("<body><article>" BODY "<h2>About Section 301</h2>"
		    "<p>Section 301 of the Trade Act of 1974 lets the trade representative act "
		    "against unfair practices of other governments.</p>"
		    "<p>It was used against China in 2018, when tariffs were imposed on goods "
		    "worth hundreds of billions of dollars.</p>"
		    "<p>The investigations take a year, with hearings and written comments from "
		    "companies, unions and trade groups.</p>"
		    "<p>The findings can lead to tariffs, fees or restrictions on services, as in "
		    "the shipbuilding case decided this year.</p>"
		    "<p>Courts have upheld the tariffs, and importers have asked for exclusions "
		    "product by product since then.</p></article></body>",
		    BODY_TEXT "\n\nAbout Section 301\n\nSection 301 of the Trade Act of 1974 lets "
			      "the trade representative act against unfair practices of other "
			      "governments.\n\nIt was used against China in 2018, when tariffs were "
			      "imposed on goods worth hundreds of billions of dollars.\n\nThe "
			      "investigations take a year, with hearings and written comments from "
			      "companies, unions and trade groups.\n\nThe findings can lead to "
			      "tariffs, fees or restrictions on services, as in the shipbuilding case "
			      "decided this year.\n\nCourts have upheld the tariffs, and importers "
			      "have asked for exclusions product by product since then.");
	expect_text("<body><article>" BODY "<p><b>About Meridian</b></p><p>Meridian is a "
		    "terminal operator founded in 1964, with seven terminals.</p><p>Media contact: "
		    "press@meridian.example</p></article></body>",
		    BODY_TEXT);
	/* An advertisement's label in other languages; a contact table after
	 * its lead-in. */
	expect_text("<body><article><p>Anzeige</p>" BODY "<div>Reklam</div><p>For further "
		    "information, please contact:</p><table><tr><td>Trade Policy Division</td>"
		    "<td>+82-44-203-4011</td></tr></table></article></body>",
		    BODY_TEXT);
	/* A newsletter's sign-off and footer, a sign-up box's consent line, a
	 * notice's contact line (one without an address is text). */
	expect_text("<body><article>" BODY "<p>Questions concerning the allocation may be "
		    "directed to the Office during business hours.</p><p>Questions related to "
		    "filing should be directed to the Directorate at trade@cbp.example.</p>"
		    "<p>By submitting, you consent to receiving marketing emails from us.</p>"
		    "<p>That\u2019s it for this week. Reply to this email if there is something "
		    "you want us to dig into.</p><p>How did you like today\u2019s newsletter?</p>"
		    "</article></body>",
		    BODY_TEXT "\n\nQuestions concerning the allocation may be directed to the "
			      "Office during business hours.");
	expect_text("<body><article>" BODY "<p>(You can now subscribe to our Markets WhatsApp "
		    "channel)</p><p>Forwarded this email? Subscribe here for more.</p><p>Update "
		    "your email preferences or unsubscribe here</p></article></body>",
		    BODY_TEXT);
	/* The story's own heading stays before a box of links that has a
	 * label of its own; a "Related" heading goes with its list. */
	expect_text("<body><article>" BODY "<h2>Industry seeks clarity</h2><div><div>Express "
		    "Premium</div><ul><li><a href=/a>Why magnet makers are racing the clock</a></li>"
		    "<li><a href=/b>The quiet rise of the DGFT</a></li></ul></div><p>Exporters said "
		    "the notification lacked detail on how existing contracts would be treated.</p>"
		    "<h2>More on trade</h2><ul><li><a href=/c>Port fees take effect next week</a></li>"
		    "<li><a href=/d>Tariff truce extended by ninety days</a></li></ul></article></body>",
		    BODY_TEXT "\n\nIndustry seeks clarity\n\nExporters said the notification "
			      "lacked detail on how existing contracts would be treated.");
	/* A chart in a figure: its title, subtitle and source are a caption;
	 * a table in a figure is text. */
	expect_text("<body><article>" BODY "<figure><span>Chart of the week</span><h3>Shifting "
		    "tides</h3><p>Chinese exports, % change on a year earlier</p><img src=c.png>"
		    "<figcaption>Sources: Eurostat</figcaption></figure><figure><table><tr><td>"
		    "Steel</td><td>25%</td></tr></table></figure></article></body>",
		    BODY_TEXT "\n\nSteel 25%");
	/* A Chinese caption with its picture's source; a byline with a
	 * full-width bar. */
	expect_text("<body><article><p>\u6587\uff5c\u8d22\u65b0 \u5468\u654f</p>" BODY
		    "<p>2025\u5e749\u6708\uff0c\u6d0b\u5c71\u6df1\u6c34\u6e2f\u96c6\u88c5"
		    "\u7bb1\u7801\u5934\u3002\u56fe\uff1a\u89c6\u89c9\u4e2d\u56fd</p>"
		    "</article></body>",
		    BODY_TEXT);
}

static void test_line_breaks(void **state)
{
	(void)state;
	expect_text("<body><td>First paragraph of an old page, with enough words to count, and "
		    "a clause or two, as they had.<br><br>Second paragraph, also long enough to "
		    "count for something, with commas, too.<br>Its second line.</td></body>",
		    "First paragraph of an old page, with enough words to count, and a clause or "
		    "two, as they had.\n\nSecond paragraph, also long enough to count for "
		    "something, with commas, too. Its second line.");
}

static void test_hidden_and_scripts(void **state)
{
	(void)state;
	expect_text("<body><div class=content><script>document.write('<p>no</p>')</script>"
		    "<p hidden>Hidden paragraph, long enough to count as text if it were seen.</p>"
		    "<p style=\"display: none\">Another hidden paragraph, also long enough.</p>"
		    "<style>p { color: red }</style>" BODY "</div></body>",
		    BODY_TEXT);
}

static void test_controls_dropped(void **state)
{
	(void)state;
	struct extracted e;
	const char html[] = "<body><div class=text><p>Escape \x1b[31m sequences, bells \x07 "
			    "and C1 \xc2\x9b controls never reach a terminal, whatever the "
			    "page says, in any paragraph.</p>" BODY "</div></body>";
	char *text = extract(html, sizeof(html) - 1, NULL, &e);
	assert_non_null(text);
	for (const char *p = text; *p; p++)
		assert_false((unsigned char)*p < 0x20 && *p != '\n');
	assert_null(strstr(text, "\xc2\x9b"));
	extracted_free(&e);
}

static void test_json_ld(void **state)
{
	(void)state;
	/* A script-rendered page: the body only in JSON-LD. */
	expect_text("<html><head><script type=\"application/ld+json\">{\"@context\":"
		    "\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":"
		    "\"H\",\"articleBody\":\"First paragraph \\\"quoted\\\", caf\\u00e9 "
		    "\\ud83d\\ude00.\\n\\nSecond paragraph.\"}]}</script></head>"
		    "<body><div id=app>Loading</div></body></html>",
		    "First paragraph \"quoted\", caf\xc3\xa9 \xf0\x9f\x98\x80.\n\nSecond paragraph.");
	/* The markup wins when it holds the article: a teaser in JSON-LD. */
	struct extracted e;
	const char html[] = "<head><script type=application/ld+json>{\"articleBody\":"
			    "\"China's Ministry of Commerce on Thursday\"}</script></head>"
			    "<body><article>" BODY "</article></body>";
	extract(html, sizeof(html) - 1, NULL, &e);
	assert_int_equal(e.source, EXTRACT_DOM);
	assert_string_equal(e.text, BODY_TEXT);
	extracted_free(&e);
}

static void test_encodings(void **state)
{
	(void)state;
	static const struct {
		const char *why, *html, *transport, *read_as, *holds;
	} cases[] = {
	    {"GB2312 named by <meta http-equiv>: \"商务部\" is C9CC CEF1 B2BF",
	     "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
	     "charset=gb2312\"></head><body><p>\xc9\xcc\xce\xf1\xb2\xbf\xa3\xac long enough text "
	     "in the same paragraph to be an article, with a comma, and more words.</p></body>"
	     "</html>",
	     NULL, "GB18030", "\xe5\x95\x86\xe5\x8a\xa1\xe9\x83\xa8"},
	    {"the transport's charset wins over <meta>",
	     "<html><head><meta charset=utf-8></head><body><p>Caf\xe9 tariffs on steel, long "
	     "enough to be an article, with a comma, and more words after it.</p></body></html>",
	     "iso-8859-1", "WINDOWS-1252", "Caf\xc3\xa9"},
	    {"undeclared and not UTF-8: windows-1252, as browsers read it",
	     "<body><p>\x93Quoted\x94 words about tariffs, long enough to be an article, with a "
	     "comma, and more words.</p></body>",
	     NULL, "WINDOWS-1252", "\xe2\x80\x9cQuoted\xe2\x80\x9d"},
	    {"undeclared UTF-8, a sequence cut off at the end (a size limit): UTF-8",
	     "<body><p>\xe2\x80\x9cQuoted\xe2\x80\x9d words about tariffs, long enough to be an "
	     "article, with a comma, and more words.</p>\xe5\x95",
	     NULL, "UTF-8", "\xe2\x80\x9cQuoted\xe2\x80\x9d words"},
	    {"a byte-order mark wins over everything",
	     "\xef\xbb\xbf<meta charset=windows-1252><body><p>Caf\xc3\xa9 tariffs on steel, long "
	     "enough to be an article, with a comma, and more words after it.</p></body>",
	     "iso-8859-1", "UTF-8", "Caf\xc3\xa9 tariffs"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct extracted e;
		print_message("%s\n", cases[i].why);
		extract(cases[i].html, strlen(cases[i].html), cases[i].transport, &e);
		assert_string_equal(e.charset, cases[i].read_as);
		assert_non_null(strstr(e.text, cases[i].holds));
		extracted_free(&e);
	}
}

static void test_title(void **state)
{
	(void)state;
	struct extracted e;
	const char html[] = "<head><title>Rare earths | Wire</title><meta property=og:title "
			    "content=\"Rare earths\"></head><body><article>" BODY "</article></body>";
	extract(html, sizeof(html) - 1, NULL, &e);
	assert_string_equal(e.title, "Rare earths");
	extracted_free(&e);
}

static void test_nothing(void **state)
{
	(void)state;
	struct extracted e;
	const char *pages[] = {"", "<html></html>", "<nav><a href=/>Home</a></nav>",
			       "\xff\xfe\x00", "<script>only()</script>"};
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		extract(pages[i], strlen(pages[i]), NULL, &e);
		assert_null(e.text);
		assert_int_equal(e.source, EXTRACT_NONE);
		extracted_free(&e);
	}
}

static void test_limits(void **state)
{
	(void)state;
	struct extracted e;
	struct extract_options small = {.charset = NULL, .max_size = 100};
	char big[200];
	memset(big, 'a', sizeof(big));
	assert_false(extract_page(big, sizeof(big), &small, &e));
	assert_null(e.text);

	/* 200,000 nested elements: no recursion to overflow the stack. */
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 200000; i++)
		buf_puts(&b, "<div>");
	buf_puts(&b, BODY);
	extract(b.data, b.len, NULL, &e);
	extracted_free(&e);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boilerplate_left_out),
		cmocka_unit_test(test_structure_kept),
		cmocka_unit_test(test_captions_not_candidates),
		cmocka_unit_test(test_hints_in_context),
		cmocka_unit_test(test_wire_and_release_shapes),
		cmocka_unit_test(test_second_look_and_pdf),
		cmocka_unit_test(test_paywall_wrapper_and_credits),
		cmocka_unit_test(test_blocks_of_one_class),
		cmocka_unit_test(test_forms_tables_and_release_ends),
		cmocka_unit_test(test_rows_and_legal_acts),
		cmocka_unit_test(test_more_ends_and_plugs),
		cmocka_unit_test(test_prose_without_scores),
		cmocka_unit_test(test_announced_link_list),
		cmocka_unit_test(test_notes_contacts_and_speakers),
		cmocka_unit_test(test_widgets_standfirsts_and_notes),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_hidden_and_scripts),
		cmocka_unit_test(test_controls_dropped),
		cmocka_unit_test(test_json_ld),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
