/* What a line of extracted text is: its measures (characters, clauses,
 * words, whether it ends a sentence), and whether it is page furniture
 * rather than the story: a label ("Advertisement"), a credit, a plug, a
 * contact line, a caption's credit, a release's end mark or the heading
 * of the boilerplate after it.  extract.c asks these of each paragraph it
 * writes; they read text only, never the tree. */
#include "config.h"

#include "parse/lines.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Ideographs and kana carry a word each: they weigh two, so that length
 * thresholds mean about as much text in Chinese as in English. */
static bool is_cjk(unsigned cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	       (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) ||
	       (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f);
}

/* Decodes the UTF-8 character at s (which is valid: the parser's output). */
unsigned utf8_at(const unsigned char *s, size_t n, size_t *step)
{
	if (s[0] < 0x80 || n < 2) {
		*step = 1;
		return s[0];
	}
	if (s[0] < 0xe0) {
		*step = 2;
		return ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
	}
	if (s[0] < 0xf0 || n < 4) {
		*step = n < 3 ? n : 3;
		return n < 3 ? 0xfffd : ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
	}
	*step = 4;
	return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3fu) << 12) | ((s[2] & 0x3fu) << 6) |
	       (s[3] & 0x3fu);
}

struct measure measure_text(const unsigned char *s, size_t n)
{
	struct measure m = {0, 0};
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		if (c < 0x80) {
			if (c > ' ')
				m.chars++;
			if (c == ',' || c == ';')
				m.commas++;
			i++;
			continue;
		}
		size_t step;
		unsigned cp = utf8_at(s + i, n - i, &step);
		i += step;
		if (cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0x3000)
			continue;
		m.chars += is_cjk(cp) ? 2 : 1;
		if (cp == 0xff0c || cp == 0x3001 || cp == 0xff1b)
			m.commas++;
	}
	return m;
}

bool starts_with_word(const char *s, const char *const *prefixes)
{
	for (; *prefixes != NULL; prefixes++)
		if (strncasecmp(s, *prefixes, strlen(*prefixes)) == 0)
			return true;
	return false;
}

size_t count_words(const char *s)
{
	struct measure m = measure_text((const unsigned char *)s, strlen(s));
	size_t words = 0;
	bool in = false;
	for (const char *p = s; *p; p++) {
		bool sp = *p == ' ';
		if (!sp && !in)
			words++;
		in = !sp;
	}
	/* Unspaced scripts: about two characters a word. */
	return words > m.chars / 6 ? words : m.chars / 6;
}

bool has_year(const char *s)
{
	for (const char *p = s; p[0] && p[1] && p[2] && p[3]; p++)
		if ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))
			if (p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
			    (p == s || p[-1] < '0' || p[-1] > '9') && (p[4] < '0' || p[4] > '9'))
				return true;
	return false;
}

bool ends_sentence(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == '"' || s[len - 1] == ')' || s[len - 1] == '\''))
		len--;
	if (len == 0)
		return false;
	char c = s[len - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':')
		return true;
	return len >= 3 && (memcmp(s + len - 3, "\xe3\x80\x82", 3) == 0 || /* 。 */
			    memcmp(s + len - 3, "\xe2\x80\x9d", 3) == 0);  /* ” */
}

/* Lines of page furniture that survive inside article containers. */
/* Whether s ends, but for closing punctuation, with one of the phrases
 * (in any case). */
static bool ends_with_phrase(const char *s, size_t len, const char *const *phrases)
{
	while (len > 0 && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == ' ' ||
			   s[len - 1] == ')' || s[len - 1] == '"'))
		len--;
	for (const char *const *p = phrases; *p != NULL; p++) {
		size_t n = strlen(*p);
		if (len >= n && strncasecmp(s + len - n, *p, n) == 0 &&
		    (len == n || s[len - n - 1] == ' ' || s[len - n - 1] == '.'))
			return true;
	}
	return false;
}

/* Whether s ends with a photographer's credit in parentheses: an agency
 * and a name ("(Xinhua/Li Haotian)"), or "(Photo by ...)". */
static bool ends_with_photo_credit(const char *s, size_t len)
{
	/* "……新华社记者 李紫恒 摄": a photographer's credit in Chinese */
	if (len > 9 && memcmp(s + len - 3, "\xe6\x91\x84", 3) == 0 && s[len - 4] == ' ' &&
	    strstr(s, "\xe8\xae\xb0\xe8\x80\x85") != NULL) /* 摄, 记者 */
		return true;
	/* "……码头。图：视觉中国": a picture's source after its caption */
	static const char *const marks[] = {"\xe5\x9b\xbe\xef\xbc\x9a" /* 图： */, "\xe5\x9b\xbe/",
					    NULL};
	for (const char *const *m = marks; *m != NULL; m++) {
		const char *at = strstr(s, *m);
		size_t after = at != NULL ? len - (size_t)(at - s) - strlen(*m) : 0;
		if (at != NULL && after > 0 && after <= 30 && strstr(at + 1, *m) == NULL &&
		    (at == s || at[-1] == ' ' || (at - s >= 3 && memcmp(at - 3, "\xe3\x80\x82", 3) == 0)))
			return true; /* after "。" or a space, or alone */
	}
	if (len < 4 || s[len - 1] != ')')
		return false;
	const char *open = NULL;
	for (size_t i = len - 1; i-- > 0;)
		if (s[i] == '(') {
			open = s + i;
			break;
		}
	if (open == NULL)
		return false;
	size_t n = (size_t)(s + len - open);
	if (n > 60)
		return false;
	if (strncasecmp(open, "(photo", 6) == 0 || strncasecmp(open, "(image", 6) == 0)
		return true;
	const char *slash = memchr(open, '/', n);
	if (slash == NULL || slash == open + 1 || slash[1] == ')')
		return false;
	/* "(Agency/Name Name)": letters and spaces, capitalised, no digits */
	for (const char *c = open + 1; c < s + len - 1; c++)
		if ((*c >= '0' && *c <= '9') || *c == ',' || *c == ';')
			return false;
	return open[1] >= 'A' && open[1] <= 'Z' && slash[1] >= 'A' && slash[1] <= 'Z';
}

bool line_is_furniture(const char *s, size_t len, bool at_top)
{
	static const char *const labels[] = {
	    "advertisement", "advertising", "ad", "sponsored", "sponsored content", "广告",
	    /* the same label in other languages */
	    "anzeige", "werbung", "publicidad", "publicit\xc3\xa9", "pubblicit\xc3\xa0",
	    "publicidade", "advertentie", "reklam", "reklama", "\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",
	    "\xea\xb4\x91\xea\xb3\xa0", "\xe5\xba\x83\xe5\x91\x8a", "\xe5\xbb\xa3\xe5\x91\x8a",
	    "share", "share this", "share this article", "share this story", "print",
	    "email", "comments", "related", "related stories", "related articles",
	    "read more", "more from", "recommended", "tweet", NULL,
	};
	for (const char *const *l = labels; *l != NULL; l++)
		if (strlen(*l) == len && strncasecmp(s, *l, len) == 0)
			return true;
	static const char *const prefixes[] = {
	    "read more:", "read more ", "also read", "related:", "see also:", "more:",
	    "editor:", "editing by", "责任编辑", "编辑：", "【责任编辑", "photo:", "image:",
	    "photograph:", "credit:", "(photo", "图片来源", "原标题", "media contact",
	    /* "Source:" in other languages */
	    "\xc5\xb9r\xc3\xb3\x64\xc5\x82o:", "fuente:", "quelle:", "fonte:", "bron:",
	    "press contact", "for more information, contact", "for more information:",
	    "para m\xc3\xa1s informaci\xc3\xb3n", /* para más información */
	    "contact:", "subscribe",
	    "sign up", "follow us", "copyright", "©", "all rights reserved", "source:",
	    "problems viewing this page", "press officer:", "phone:",
	    "tel:", "tel.:", "telephone:",
	    /* contact lines in Chinese: 新闻联系人, 新聞聯絡人, 联系电话, 聯絡電話 */
	    "\xe6\x96\xb0\xe9\x97\xbb\xe8\x81\x94\xe7\xb3\xbb\xe4\xba\xba",
	    "\xe6\x96\xb0\xe8\x81\x9e\xe8\x81\xaf\xe7\xb5\xa1\xe4\xba\xba",
	    "\xe8\x81\x94\xe7\xb3\xbb\xe7\x94\xb5\xe8\xaf\x9d",
	    "\xe8\x81\xaf\xe7\xb5\xa1\xe9\x9b\xbb\xe8\xa9\xb1", NULL,
	};
	size_t words = count_words(s);
	if (words <= 12 && starts_with_word(s, prefixes))
		return true;
	/* A newsletter's contents line: "In today's issue: port fees · ..." */
	static const char *const contents[] = {"in today's issue", "in today\xe2\x80\x99s issue",
					       "in this issue", NULL};
	if (words <= 30 && starts_with_word(s, contents))
		return true;
	static const char *const credits[] = {
	    "reporting by", "(reporting by", "additional reporting", "writing by", "editing by",
	    "compiled by", "with assistance from", "(updates", "(adds", "(corrects", "(web editor:",
	    "(editor:", "start printed page", "billing code", "for further information contact",
	    "to contact the reporter", "to contact the editor", "reproduced with permission",
	    "problems viewing this page",
	    NULL};
	const char *c = s;
	while (*c == ' ' || *c == '-' || strncmp(c, "\xe2\x80\x94", 3) == 0) /* — */
		c += *c == '\xe2' ? 3 : 1;
	if (words <= 40 && starts_with_word(c, credits))
		return true;
	if (words <= 60 && (strstr(s, "\xc2\xa9") != NULL || strcasestr(s, "all rights reserved") ||
			    strstr(s, "\xec\xa0\x80\xec\x9e\x91\xea\xb6\x8c\xec\x9e\x90") != NULL || /* 저작권자 */
			    strstr(s, "\xe7\x89\x88\xe6\x9d\x83\xe6\x89\x80\xe6\x9c\x89") != NULL)) /* 版权所有 */
		return true;
	/* "Associated Press writers X and Y contributed to this report." */
	static const char *const contributed[] = {"contributed to this report",
						  "contributed to this article",
						  "contributed reporting", NULL};
	if (words <= 40 && ends_with_phrase(s, len, contributed))
		return true;
	/* "Appeared in the October 10, 2025, print edition as ..." */
	if (words <= 40 && strcasestr(s, "print edition") != NULL &&
	    (strncasecmp(s, "appeared in", 11) == 0 || strncasecmp(s, "a version of this", 17) == 0))
		return true;
	/* A printed page's footer: "Page 1 of 2", "- 3 -". */
	if (words <= 4 && strncasecmp(s, "page ", 5) == 0 && s[5] >= '0' && s[5] <= '9')
		return true;
	/* A rule drawn with characters ("___", "* * *"), an e-mail address
	 * alone (a reporter's). */
	if (strspn(s, "_-*=~\xe2\x80\x94 ") == len)
		return true;
	if (words <= 3 && strchr(s, '@') != NULL && !ends_sentence(s, len))
		return true;
	/* A photo caption in a paragraph of its own: "... Oct. 12, 2025.
	 * (Xinhua/Li Haotian)", "(Photo by Gen Jie/Xinhua)". */
	if (words <= 80 && ends_with_photo_credit(s, len))
		return true;
	/* A newsletter plug inside the body: "... daily guide to trade.
	 * Sign up here." */
	static const char *const plugs[] = {"sign up here", "subscribe here", "sign up now",
					    "subscribe now", "sign up for free", "subscribe for free",
					    NULL};
	if (words <= 40 && ends_with_phrase(s, len, plugs))
		return true;
	/* "Click here to join Express on WhatsApp and get latest news" */
	static const char *const invitations[] = {
	    "click here to join", "click here to follow", "join us on whatsapp",
	    "join our whatsapp", "join our telegram", "(you can now subscribe",
	    "you can now subscribe", "forwarded this email", "update your email preferences",
	    "how did you like today", "to print this article", NULL};
	if (words <= 25 && starts_with_word(s, invitations))
		return true;
	if (words <= 12 && strcasestr(s, "unsubscribe") != NULL)
		return true;
	/* "If you have questions about ..., please contact the authors" */
	static const char *const questions[] = {"if you have questions", "if you have any questions",
						"should you have any questions", NULL};
	if (words <= 60 && starts_with_word(s, questions) && strcasestr(s, "contact") != NULL)
		return true;
	/* A firm's or a site's disclaimer, a reader's plug-in notice */
	static const char *const notices[] = {
	    "does not constitute legal advice", "for general information purposes only",
	    "is not intended to be legal advice", "is not legal advice",
	    "for general information only", "adobe acrobat reader", "adobe reader",
	    "auto-generated from a syndicated feed",
	    "nep\xc5\x99\x65\x64stavuje pr\xc3\xa1vn\xc3\xad poradenstv\xc3\xad", /* Czech: is not legal advice */
	    NULL};
	for (const char *const *n = notices; words <= 60 && *n != NULL; n++)
		if (strcasestr(s, *n) != NULL)
			return true;
	/* A reporter's line ending in an address: "박지훈 기자 jh@x.example" */
	const char *last_space = strrchr(s, ' ');
	if (words <= 8 && last_space != NULL && strchr(last_space, '@') != NULL &&
	    strchr(strchr(last_space, '@'), '.') != NULL)
		return true;
	/* A caption under a Korean paper's picture: "▲부산항 신항 ... (사진=...)" */
	if (words <= 60 && strncmp(s, "\xe2\x96\xb2", 3) == 0)
		return true;
	/* A note above the text: "Update, 9 October: corrected the value ..." */
	static const char *const updates[] = {"update, ", "update: ", "updated, ", "updated: ", NULL};
	if (at_top && words <= 40 && starts_with_word(s, updates))
		return true;
	/* A sign-up box's consent line: "By submitting, you consent to ..." */
	static const char *const consent[] = {"by submitting", "by signing up", "by subscribing",
					      "by clicking", NULL};
	if (words <= 40 && starts_with_word(s, consent))
		return true;
	/* "Media enquiries should be directed to the Media Office" */
	static const char *const enquiries[] = {"media enquiries", "media inquiries",
						"press enquiries", "press inquiries", NULL};
	if (words <= 60 && starts_with_word(s, enquiries) &&
	    (strstr(s, " directed to ") != NULL || strstr(s, " referred to ") != NULL))
		return true;
	/* A correction or an update noted under the text: "Correction (10
	 * October 2025): an earlier version ...", "Editor's note: This story
	 * has been updated ..." */
	static const char *const corrections[] = {"correction:", "correction (", "correctie",
						  "clarification:", NULL};
	if (words <= 60 && starts_with_word(s, corrections))
		return true;
	static const char *const editors[] = {"editor's note:", "editor\xe2\x80\x99s note:", NULL};
	if (words <= 40 && starts_with_word(s, editors) && strstr(s, " updated") != NULL)
		return true;
	/* A reading time: "3 min", "5 min read" */
	if (words <= 3 && s[0] >= '0' && s[0] <= '9' && strstr(s, " min") != NULL)
		return true;
	/* "Questions related to ... should be directed to the Directorate at
	 * x@cbp.gov": an address says it is a contact line */
	if (words <= 60 && strncasecmp(s, "questions ", 10) == 0 && strchr(s, '@') != NULL &&
	    (strstr(s, " directed to ") != NULL || strstr(s, " referred to ") != NULL))
		return true;
	/* A live blog's "Updated at 15.12 BST" under an entry. */
	if (words <= 5 && strncasecmp(s, "updated at ", 11) == 0 && s[11] >= '0' && s[11] <= '9')
		return true;
	/* A live blog's "17:55 Author" above each entry. */
	if (words <= 6 && s[0] >= '0' && s[0] <= '9' &&
	    (s[1] == ':' || (s[1] >= '0' && s[1] <= '9' && s[2] == ':')))
		return true;
	/* At the top, before the body is under way: bylines and dates. */
	if (at_top && words <= 20 && !ends_sentence(s, len)) {
		static const char *const top[] = {
		    "by ",	 "von ",     "par ",	  "作者",    "记者",	 "文/", "文｜", "文|",
		    "来源：", "来源:",   "发布时间", "发布日期", "published", "updated",
		    "posted",	 "last updated", "date:", "time:",   NULL,
		};
		if (starts_with_word(s, top) || has_year(s))
			return true;
	}
	return false;
}

/* Text that follows a picture in its block, short and not a sentence: its
 * caption or credit ("Getty Images", "资料图：青岛港（图片来源：视觉中国）"). */
bool line_is_picture_label(const char *s, size_t len)
{
	return count_words(s) <= 15 && !ends_sentence(s, len);
}

/* A heading that opens what follows a release's text, "###" or not:
 * "About Meridian Gulf Terminals, Inc.", "Notes to editors",
 * "Forward-Looking Statements". */
bool line_is_boilerplate_heading(const char *s)
{
	if (count_words(s) > 8)
		return false;
	static const char *const heads[] = {"notes to editors", "note to editors",
					    "notes for editors", "media enquiries", "media inquiries",
					    "media contacts", "press enquiries", "press inquiries",
					    "for further information, please contact",
					    "for more information, please contact", "footnotes",
					    "informasi lebih lanjut", /* Indonesian */
					    "endnotes",
					    /* contact, in Japanese: （問い合わせ先）, 問い合わせ先, お問い合わせ */
					    "\xef\xbc\x88\xe5\x95\x8f\xe3\x81\x84\xe5\x90\x88\xe3\x82\x8f\xe3\x81\x9b",
					    "\xe5\x95\x8f\xe3\x81\x84\xe5\x90\x88\xe3\x82\x8f\xe3\x81\x9b",
					    "\xe3\x81\x8a\xe5\x95\x8f\xe3\x81\x84\xe5\x90\x88\xe3\x82\x8f\xe3\x81\x9b",
					    "forward-looking statements",
					    "forward looking statements", "safe harbor statement",
					    "cautionary statement", NULL};
	for (const char *const *h = heads; *h != NULL; h++)
		if (strncasecmp(s, *h, strlen(*h)) == 0)
			return true;
	return false;
}

/* "About Meridian Gulf Terminals, Inc.": a name follows, not "about the
 * new rules".  Where the text ends is known only at its end (see
 * cut_about()): an explainer may have a section "About Section 301". */
bool line_is_about_heading(const char *s)
{
	return count_words(s) <= 8 && strncasecmp(s, "about ", 6) == 0 && s[6] >= 'A' &&
	       s[6] <= 'Z' && strncmp(s + 6, "The ", 4) != 0;
}

/* Where a press release or a letter ends: "###", "-30-", "ENDS", a
 * closing salutation.  What follows is boilerplate (About..., contacts). */
bool line_is_end_mark(const char *s, size_t len)
{
	static const char *const marks[] = {"###", "# # #", "-30-", "- 30 -", "ends", "- ends -",
					    "-ends-", "end", "(end)", "- end -", "enditem",
					    "(\xeb\x81\x9d)" /* (끝) */, "\xef\xbc\x88\xe5\xae\x8c\xef\xbc\x89" /* （完） */,
					    NULL};
	for (const char *const *m = marks; *m != NULL; m++)
		if (strlen(*m) == len && strncasecmp(s, *m, len) == 0)
			return true;
	static const char *const closings[] = {"with best regards", "best regards", "kind regards",
					       "sincerely", "yours sincerely", "yours faithfully",
					       "with kind regards", "regards,", NULL};
	if (len < 40 && starts_with_word(s, closings))
		return true;
	/* A newsletter's sign-off: "That's it for this week. Reply to ..." */
	static const char *const signoffs[] = {"that's it for this", "that\xe2\x80\x99s it for this",
					       "that's all for this", "that\xe2\x80\x99s all for this",
					       "that's it for today", "that\xe2\x80\x99s it for today",
					       "that's all for today", "that\xe2\x80\x99s all for today",
					       NULL};
	if (count_words(s) <= 30 && starts_with_word(s, signoffs))
		return true;
	/* Hong Kong's "Ends/Wednesday, October 8, 2025", a teleprinter's NNNN */
	if (strncasecmp(s, "ends/", 5) == 0 || strncasecmp(s, "ends /", 6) == 0 ||
	    (len == 4 && strcmp(s, "NNNN") == 0))
		return true;
	/* A Spanish release's closing ornament: "--oo0oo--", "-o0o-". */
	if (len >= 3 && len <= 20 && strspn(s, "-oO0 ") == len && strpbrk(s, "oO0") != NULL &&
	    strchr(s, '-') != NULL)
		return true;
	/* An act's or a treaty's closing formula: "Done at Brussels, 9
	 * October 2025." (the signatures follow) */
	return strncmp(s, "Done at ", 8) == 0 && count_words(s) <= 12 && has_year(s);
}
