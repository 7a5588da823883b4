/* Article text: HTML to paragraphs, sentence splitting, and document
 * references. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyse/docrefs.h"
#include "analyse/text.h"

static void check_html(const char *html, const char *expected)
{
	size_t len;
	char *text = text_from_html(html, strlen(html), &len);
	assert_string_equal(text, expected);
	assert_int_equal(len, strlen(expected));
	free(text);
}

static void test_html_paragraphs(void **state)
{
	(void)state;
	check_html("<p>First  para.</p><p>Second&nbsp;one &amp; more.</p>",
		   "First para.\n\nSecond one & more.");
	check_html("<div><script>var x = 1;</script><p>Text</p><style>p{}</style></div>", "Text");
	check_html("<nav><a href=/>Home</a></nav><article><h1>Title</h1><p>Body</p></article>"
		   "<footer>(c) 2025</footer>",
		   "Title\n\nBody");
	check_html("Line one<br>line two<br><br>new para", "Line one\nline two\n\nnew para");
	check_html("<ul><li>a</li><li>b</li></ul>", "a\n\nb");
	check_html("<p>商务部 <b>公告</b></p>", "商务部 公告");
	check_html("plain text, no tags", "plain text, no tags");
	check_html("", "");
	/* blanks between elements add no space; text split by entities
	 * stays one run */
	check_html("<p>a</p>\n\n   \n<p>b</p>", "a\n\nb");
	check_html("<p>x &lt; y &amp;&amp; z</p>", "x < y && z");
	check_html("<aside><div><p>side <em>deep</em></p></div></aside><p>kept</p>", "kept");
}

/* Nesting far deeper than any page costs no stack and loses no text. */
static void test_html_deep(void **state)
{
	(void)state;
	enum { DEPTH = 20000 };
	char *html = malloc(DEPTH * 11 + 16);
	size_t n = 0, len;
	assert_non_null(html);
	for (int i = 0; i < DEPTH; i++)
		n += (size_t)sprintf(html + n, "<div>");
	n += (size_t)sprintf(html + n, "deep");
	for (int i = 0; i < DEPTH; i++)
		n += (size_t)sprintf(html + n, "</div>");
	char *text = text_from_html(html, n, &len);
	assert_string_equal(text, "deep");
	free(text);
	free(html);
}

/* Splits text and checks the sentences, given as one string each. */
static void check_sentences(const char *text, const char *const *expected, size_t n)
{
	struct doc d = {.text = text, .len = strlen(text)};
	doc_split(&d);
	if (d.nsentences != n) {
		for (size_t i = 0; i < d.nsentences; i++)
			print_message("# [%zu] %.*s\n", i,
				      (int)(d.sentences[i].end - d.sentences[i].start),
				      text + d.sentences[i].start);
	}
	assert_int_equal(d.nsentences, n);
	for (size_t i = 0; i < n; i++) {
		size_t len = d.sentences[i].end - d.sentences[i].start;
		assert_int_equal(len, strlen(expected[i]));
		assert_memory_equal(text + d.sentences[i].start, expected[i], len);
	}
	doc_free_spans(&d);
}

static void test_sentences(void **state)
{
	(void)state;
	static const char *const abbrev[] = {
	    "Mr. Smith met Prof. Jiao and Ms. Zhang in the U.S. on Jan. 5.",
	    "They agreed on a 3.5% cut.",
	};
	check_sentences("Mr. Smith met Prof. Jiao and Ms. Zhang in the U.S. on Jan. 5. "
			"They agreed on a 3.5% cut.",
			abbrev, 2);
	static const char *const quoted[] = {
	    "\xE2\x80\x9CThis is China versus the world. We won\xE2\x80\x99t have it,\xE2\x80\x9D "
	    "he said.",
	    "Talks resume.",
	};
	check_sentences("\xE2\x80\x9CThis is China versus the world. We won\xE2\x80\x99t have "
			"it,\xE2\x80\x9D he said. Talks resume.",
			quoted, 2);
	static const char *const questions[] = {"Will it last?", "Nobody knows!",
						"See Announcement No. 62."};
	check_sentences("Will it last? Nobody knows! See Announcement No. 62.", questions, 3);
	static const char *const closing[] = {"He called it \"a bazooka.\"", "Then he left."};
	check_sentences("He called it \"a bazooka.\" Then he left.", closing, 2);
	static const char *const initials[] = {"J. K. Smith spoke."};
	check_sentences("J. K. Smith spoke.", initials, 1);
}

static void test_paragraphs(void **state)
{
	(void)state;
	const char *text = "First para.\nStill first.\n\n  \nSecond para. Two sentences.\n";
	struct doc d = {.text = text, .len = strlen(text)};
	doc_split(&d);
	assert_int_equal(d.nparagraphs, 2);
	assert_int_equal(d.nsentences, 4);
	assert_memory_equal(text + d.paragraphs[1].start, "Second para. Two sentences.", 27);
	assert_int_equal(d.paragraphs[1].end - d.paragraphs[1].start, 27);
	/* Sentences never cross paragraphs. */
	assert_true(d.sentences[1].end <= d.paragraphs[0].end);
	assert_int_equal(doc_sentence_at(&d, d.sentences[3].start + 2), 3);
	assert_int_equal(doc_sentence_at(&d, 0), 0);
	doc_free_spans(&d);

	struct doc empty = {.text = "", .len = 0};
	doc_split(&empty);
	assert_int_equal(empty.nsentences, 0);
	doc_free_spans(&empty);
}

static void check_docrefs(const char *text, const char *const *names, size_t n)
{
	struct doc d = {.text = text, .len = strlen(text)};
	struct docref *refs = NULL;
	size_t count = 0;
	docrefs_find(&d, &refs, &count);
	assert_int_equal(count, n);
	for (size_t i = 0; i < count; i++) {
		assert_string_equal(refs[i].name, names[i]);
		free(refs[i].name);
	}
	free(refs);
}

static void test_docrefs(void **state)
{
	(void)state;
	static const char *const a62[] = {"Announcement No. 62 of 2025"};
	check_docrefs("a document officially titled \xE2\x80\x9C"
		      "Announcement No. 62 of 2025.\xE2\x80\x9D",
		      a62, 1);
	static const char *const a61[] = {"Announcement No. 61"};
	check_docrefs("MOFCOM Announcement No. 61 tightened controls.", a61, 1);
	static const char *const eo[] = {"Executive Order 14257", "90 FR 15041", "Proclamation 10896"};
	check_docrefs("Executive Order 14257 (90 FR 15041) and Proclamation 10896 apply.", eo, 3);
	static const char *const acts[] = {"CHIPS and Science Act", "Export Control Law"};
	check_docrefs("The CHIPS and Science Act and, under the Export Control Law, more.", acts, 2);
	check_docrefs("No documents here: 62 of them, an Order of 2025, The Act.", NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_paragraphs),
		cmocka_unit_test(test_html_deep),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_docrefs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
