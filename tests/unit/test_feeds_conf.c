/* feeds.conf: what parses, into what, and what each mistake says. */
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
#include "conf/feeds_conf.h"

static struct feeds_conf parse_ok(const char *text)
{
	struct feeds_conf conf;
	char *error = NULL;
	bool ok = feeds_conf_parse("feeds.conf", text, strlen(text), &conf, &error);
	if (!ok)
		fail_msg("unexpected error: %s", error);
	return conf;
}

static void expect_error(const char *text, const char *message)
{
	struct feeds_conf conf;
	char *error = NULL;
	assert_false(feeds_conf_parse("feeds.conf", text, strlen(text), &conf, &error));
	assert_non_null(error);
	assert_string_equal(error, message);
	free(error);
}

static void test_settings(void **state)
{
	(void)state;
	struct feeds_conf c = parse_ok(
	    "# trade feeds\n"
	    "\n"
	    "https://ustr.gov/rss.xml name=USTR actor=USTR tags=us,official\n"
	    "  https://example.org/feed name=\"BBC Business\" actor=\"White House\" interval=2h\n"
	    "http://example.org/a#frag user-agent=\"Mozilla/5.0 (X11)\" fulltext=yes # note\r\n");
	assert_int_equal(c.nfeeds, 3);
	assert_string_equal(c.feeds[0].url, "https://ustr.gov/rss.xml");
	assert_string_equal(c.feeds[0].name, "USTR");
	assert_string_equal(c.feeds[0].tags, "us,official");
	assert_int_equal(c.feeds[0].line, 3);
	assert_int_equal(c.feeds[0].interval, 0);
	assert_string_equal(c.feeds[1].name, "BBC Business");
	assert_string_equal(c.feeds[1].actor, "White House");
	assert_int_equal(c.feeds[1].interval, 7200);
	assert_string_equal(c.feeds[2].url, "http://example.org/a#frag");
	assert_string_equal(c.feeds[2].user_agent, "Mozilla/5.0 (X11)");
	assert_true(c.feeds[2].fulltext);
	assert_false(c.feeds[0].fulltext);
	assert_null(c.feeds[0].user_agent);
	feeds_conf_free(&c);
}

static void test_defaults(void **state)
{
	(void)state;
	struct feeds_conf c = parse_ok("set jobs=4 interval=30m user-agent=\"bot/1\" timeout=90\n"
				       "https://a.example/feed\n"
				       "https://b.example/feed interval=0 user-agent=mine\n"
				       "set fulltext=yes max-size=1M\n");
	assert_int_equal(c.jobs, 4);
	assert_int_equal(c.timeout, 90);
	assert_int_equal(c.max_size, 1 << 20);
	assert_int_equal(c.feeds[0].interval, 1800);
	assert_string_equal(c.feeds[0].user_agent, "bot/1");
	assert_int_equal(c.feeds[1].interval, 0);
	assert_string_equal(c.feeds[1].user_agent, "mine");
	/* A default applies to every feed, wherever its set line stands. */
	assert_true(c.feeds[0].fulltext);
	assert_true(c.feeds[1].fulltext);
	feeds_conf_free(&c);
}

static void test_quotes(void **state)
{
	(void)state;
	struct feeds_conf c = parse_ok("https://a.example/f name=\"say \\\"hi\\\" \\\\ there\"\n");
	assert_string_equal(c.feeds[0].name, "say \"hi\" \\ there");
	feeds_conf_free(&c);
}

static void test_empty(void **state)
{
	(void)state;
	struct feeds_conf c = parse_ok("# nothing yet\n\n   \n");
	assert_int_equal(c.nfeeds, 0);
	assert_int_equal(c.jobs, 8);
	feeds_conf_free(&c);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("https://a.example/f\nftp://b.example/f\n",
		     "feeds.conf:2: 'ftp://b.example/f' is not an http or https URL");
	expect_error("https://a.example/f colour=red\n",
		     "feeds.conf:1: unknown feed setting 'colour' (see feeds.conf(5))");
	expect_error("set colour=red\n",
		     "feeds.conf:1: unknown setting 'colour' (see feeds.conf(5))");
	expect_error("\nhttps://a.example/f name=\"open\n",
		     "feeds.conf:2: unterminated quoted value (add the closing quote)");
	expect_error("https://a.example/f\nhttps://a.example/f\n",
		     "feeds.conf:2: feed already listed on line 1 (remove one)");
	expect_error("https://a.example/f interval=soon\n",
		     "feeds.conf:1: invalid interval 'soon' (try 30m, 2h or 1d)");
	expect_error("https://a.example/f fulltext=maybe\n",
		     "feeds.conf:1: invalid value 'maybe' for fulltext (yes or no)");
	expect_error("https://a.example/f name\n",
		     "feeds.conf:1: expected key=value, found 'name' (quote a value with spaces)");
	expect_error("set jobs=0\n", "feeds.conf:1: invalid jobs '0' (1 to 64)");
	expect_error("set timeout=0\n", "feeds.conf:1: invalid timeout '0' (try 60 or 2m)");
	expect_error("https://\n", "feeds.conf:1: 'https://' is not an http or https URL");
	expect_error("https://a.example/f name=\"a\tb\"\n",
		     "feeds.conf:1: control character in the value of 'name'");
}

static void test_hostile(void **state)
{
	(void)state;
	/* A NUL byte, an overlong line: errors, not crashes. */
	const char nul[] = "https://a.example/f\0name=x\n";
	struct feeds_conf conf;
	char *error = NULL;
	assert_false(feeds_conf_parse("f", nul, sizeof(nul) - 1, &conf, &error));
	assert_string_equal(error, "f:1: NUL byte in the line");
	free(error);

	size_t n = 20000;
	char *long_line = malloc(n + 1);
	memset(long_line, 'a', n);
	long_line[n] = '\0';
	error = NULL;
	assert_false(feeds_conf_parse("f", long_line, n, &conf, &error));
	assert_string_equal(error, "f:1: line longer than 8191 bytes");
	free(error);
	free(long_line);
}

static void test_units(void **state)
{
	(void)state;
	long s;
	size_t b;
	assert_true(parse_interval("90", &s));
	assert_int_equal(s, 90);
	assert_true(parse_interval("1d", &s));
	assert_int_equal(s, 86400);
	assert_false(parse_interval("-5m", &s));
	assert_false(parse_interval("5w", &s));
	assert_false(parse_interval("99999999999999999999d", &s));
	assert_true(parse_size("512K", &b));
	assert_int_equal(b, 512 * 1024);
	assert_false(parse_size("0", &b));
	assert_false(parse_size("12X", &b));
}

/* The shipped default parses, and every feed in it is named and speaks
 * for an actor. */
static void test_shipped_default(void **state)
{
	(void)state;
	const char *top = getenv("top_srcdir");
	char path[512];
	struct feeds_conf c;
	char *error = NULL;

	snprintf(path, sizeof(path), "%s/feeds.conf", top != NULL ? top : ".");
	if (!feeds_conf_load(path, &c, &error))
		fail_msg("%s", error);
	assert_true(c.nfeeds >= 11);
	for (size_t i = 0; i < c.nfeeds; i++) {
		assert_non_null(c.feeds[i].name);
		assert_non_null(c.feeds[i].actor);
	}
	feeds_conf_free(&c);
}

/* A formatted line reads back as what was formatted, whatever the value
 * holds: blanks, quotes, backslashes, '#', '=' or nothing special. */
static void test_format_round_trip(void **state)
{
	(void)state;
	static const char *const names[] = {"USTR",	    "White House", "say \"no\"",
					    "back\\slash\\", "a # b = c",   "商务部 新闻",
					    "\"",	    "\\"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct feed_line l = {.url = "https://example.org/f?a=1&b=2#x",
				      .name = names[i],
				      .actor = names[i],
				      .tags = "us,trade policy",
				      .interval = "30m",
				      .fulltext = "yes",
				      .user_agent = names[i]};
		struct buf b;
		buf_init(&b);
		feeds_conf_format_line(&b, &l);
		buf_putc(&b, '\0');
		char *reason = NULL;
		if (!feeds_conf_check_line(b.data, &reason))
			fail_msg("%s: %s", b.data, reason);
		struct feeds_conf c = parse_ok(b.data);
		assert_int_equal(c.nfeeds, 1);
		assert_string_equal(c.feeds[0].url, l.url);
		assert_string_equal(c.feeds[0].name, names[i]);
		assert_string_equal(c.feeds[0].actor, names[i]);
		assert_string_equal(c.feeds[0].user_agent, names[i]);
		assert_string_equal(c.feeds[0].tags, "us,trade policy");
		assert_int_equal(c.feeds[0].interval, 1800);
		assert_true(c.feeds[0].interval_set && c.feeds[0].fulltext_set &&
			    c.feeds[0].user_agent_set);
		feeds_conf_free(&c);
		buf_free(&b);
	}
	struct buf b;
	buf_init(&b);
	feeds_conf_format_line(&b, &(struct feed_line){.url = "https://example.org/plain"});
	buf_putc(&b, '\0');
	assert_string_equal(b.data, "https://example.org/plain");
	buf_free(&b);
}

/* check_line says why a line is refused, without a file or line number. */
static void test_check_line(void **state)
{
	(void)state;
	char *reason = NULL;
	assert_false(feeds_conf_check_line("ftp://example.org/f", &reason));
	assert_string_equal(reason, "'ftp://example.org/f' is not an http or https URL");
	free(reason);
	assert_false(feeds_conf_check_line("\"https://example.org/a b\"", &reason));
	assert_string_equal(reason, "'https://example.org/a b' holds a space or a quote: not a URL "
				    "(write %20 for a space)");
	free(reason);
	assert_false(feeds_conf_check_line("# only a comment", &reason));
	assert_string_equal(reason, "not a feed line");
	free(reason);
	assert_true(feeds_conf_check_line("https://example.org/f name=x", &reason));
	assert_null(reason);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings), cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_quotes),	 cmocka_unit_test(test_empty),
		cmocka_unit_test(test_errors),	 cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_units),	 cmocka_unit_test(test_shipped_default),
		cmocka_unit_test(test_format_round_trip), cmocka_unit_test(test_check_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
