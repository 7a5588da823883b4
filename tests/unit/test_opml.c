/* The OPML reader: which outlines are feeds, what their tags, names and
 * retl settings are, and what each refusal says. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse/opml.h"

static struct opml_doc parse_ok(const char *text)
{
	struct opml_doc doc;
	char *error = NULL;
	if (!opml_parse(text, strlen(text), &doc, &error))
		fail_msg("unexpected error: %s", error);
	return doc;
}

static void expect_error(const char *text, const char *message)
{
	struct opml_doc doc;
	char *error = NULL;
	assert_false(opml_parse(text, strlen(text), &doc, &error));
	assert_non_null(error);
	assert_string_equal(error, message);
	assert_int_equal(doc.nfeeds, 0);
	free(error);
}

static void expect_tags(const struct opml_feed *f, const char *const *tags, size_t n)
{
	assert_int_equal(f->ntags, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(f->tags[i], tags[i]);
}

static void test_folders_and_categories(void **state)
{
	(void)state;
	struct opml_doc d = parse_ok(
	    "<?xml version='1.0'?>\n"
	    "<opml version='2.0'><head><title> My  list </title></head><body>\n"
	    "<outline text='Trade, policy'>\n"
	    "  <outline title='Inner'>\n"
	    "    <outline type='rss' text='T' title='Title' xmlUrl='https://a.example/f'/>\n"
	    "  </outline>\n"
	    "  <outline text='https://b.example/f' xmlurl='https://b.example/f'\n"
	    "           category='/x/y, z ,/x'/>\n"
	    "</outline>\n"
	    "<outline text='C' xmlURL='feed://c.example/f'/>\n"
	    "<outline text='D' xmlUrl='feed:https://d.example/f'/>\n"
	    "<outline text='again' xmlUrl='https://a.example/f' category='new'/>\n"
	    "</body></opml>\n");
	assert_string_equal(d.title, "My list");
	assert_int_equal(d.nfeeds, 4);
	assert_int_equal(d.duplicates, 1);
	assert_string_equal(d.feeds[0].url, "https://a.example/f");
	assert_string_equal(d.feeds[0].name, "Title");
	assert_int_equal(d.feeds[0].line, 5);
	expect_tags(&d.feeds[0], (const char *const[]){"Trade-policy", "Inner", "new"}, 3);
	assert_null(d.feeds[1].name); /* the text is the URL */
	expect_tags(&d.feeds[1], (const char *const[]){"Trade-policy", "x", "y", "z"}, 4);
	assert_string_equal(d.feeds[2].url, "http://c.example/f");
	assert_string_equal(d.feeds[2].name, "C");
	assert_int_equal(d.feeds[2].ntags, 0);
	assert_string_equal(d.feeds[3].url, "https://d.example/f");
	opml_free(&d);
}

static void test_retl_namespace(void **state)
{
	(void)state;
	struct opml_doc d = parse_ok(
	    "<opml version='2.0' xmlns:r='" OPML_RETL_NS "'><body>"
	    "<outline text='Folder'><outline text='N' xmlUrl='https://a.example/f' category='/c'"
	    " r:tags='trade policy, us/china' r:actor='USTR' r:interval='1800' r:fulltext='yes'"
	    " r:user-agent='UA/1 (X)' other:x='1' xmlns:other='urn:other'/></outline>"
	    "</body></opml>");
	assert_int_equal(d.nfeeds, 1);
	/* retl's own list wins over folders and categories, exactly */
	expect_tags(&d.feeds[0], (const char *const[]){"trade policy", "us/china"}, 2);
	assert_string_equal(d.feeds[0].actor, "USTR");
	assert_string_equal(d.feeds[0].interval, "1800");
	assert_string_equal(d.feeds[0].fulltext, "yes");
	assert_string_equal(d.feeds[0].user_agent, "UA/1 (X)");
	opml_free(&d);
}

static void test_cleaning(void **state)
{
	(void)state;
	struct opml_doc d = parse_ok(
	    "<opml><body><outline text='&#x202E;evil&#x9B;31m &#10; name'"
	    " xmlUrl='  https://a.example/f  ' type='rss'/>"
	    "<outline text='&#x9B;' xmlUrl='https://b.example/f'/></body></opml>");
	assert_int_equal(d.nfeeds, 2);
	assert_string_equal(d.feeds[0].url, "https://a.example/f");
	assert_string_equal(d.feeds[0].name, "evil31m name");
	assert_string_equal(d.feeds[0].type, "rss");
	assert_null(d.feeds[1].name);
	opml_free(&d);
}

static void test_empty_lists(void **state)
{
	(void)state;
	struct opml_doc d = parse_ok("<opml version='1.0'><head/><body/></opml>");
	assert_int_equal(d.nfeeds, 0);
	assert_null(d.title);
	opml_free(&d);
	d = parse_ok("<opml><body><outline text='folder only'><outline text='x'/></outline>"
		     "</body></opml>");
	assert_int_equal(d.nfeeds, 0);
	opml_free(&d);
}

static void test_refusals(void **state)
{
	(void)state;
	expect_error("", "the file is empty");
	expect_error("<rss version='2.0'><channel/></rss>",
		     "line 1: this is a feed, not an OPML file: list its URL in feeds.conf");
	expect_error("<html><body/></html>",
		     "line 1: not an OPML file: the document is <html>, not <opml>");
	expect_error("<?xml version='1.0'?>\n<!DOCTYPE opml [<!ENTITY x 'y'>]>\n<opml/>",
		     "line 2: the document declares an entity ('x'); OPML needs none");
	expect_error("<opml><body>\n<outline text='a' xmlUrl='https://a/?q=1&b=2'/></body></opml>",
		     "line 2: EntityRef: expecting ';'");
	expect_error("<opml><body><outline text='&nbsp;'/></body></opml>",
		     "line 1: Entity 'nbsp' not defined");
	expect_error("<opml><body>\n<outline text='a' xmlUrl='https://a/'/>\n",
		     "line 2: the file ends before its elements are closed (cut short?)");
	expect_error("<opml/><opml/>", "line 1: Extra content at the end of the document");
	expect_error("just text", "line 1: not an XML document: no element in it");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folders_and_categories),
		cmocka_unit_test(test_retl_namespace),
		cmocka_unit_test(test_cleaning),
		cmocka_unit_test(test_empty_lists),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
