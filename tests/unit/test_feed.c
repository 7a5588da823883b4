/* Unit tests of the feed parser.
 *
 * Every document in tests/feeds is one test case, named after it:
 * NAME.xml is parsed (with the URL in NAME.url, if any) and printed by
 * feed_json_print(); the output must equal NAME.json byte for byte, or,
 * for a document that must be refused, the reason must equal NAME.err.
 * The expectations were written by hand from the model, not copied from
 * the parser's output.  A few more cases exercise the C API directly:
 * stopping from the callback, streaming in one-byte pushes, stable
 * fallback ids and the size limit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "parse/feed.h"
#include "present/feed_json.h"

/* Documents larger than this are not fed a byte at a time: libxml2's push
 * parser rescans its lookahead on every call, which makes the quadratic-
 * blowup and depth-bomb documents take minutes that way. */
#define ONE_BYTE_MAX_SIZE 65536

static const char *feeds_dir(void)
{
	static char dir[4096];
	if (dir[0] == '\0') {
		const char *top = getenv("top_srcdir");
		snprintf(dir, sizeof(dir), "%s/tests/feeds", top != NULL && *top ? top : ".");
	}
	return dir;
}

/* ---- files ------------------------------------------------------------ */

static char *fixture_path(const char *name, const char *ext)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, feeds_dir());
	buf_putc(&b, '/');
	buf_puts(&b, name);
	buf_puts(&b, ext);
	return buf_steal(&b);
}

/* The whole of a file, or NULL if it does not exist. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b;
	char chunk[65536];
	size_t n;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	if (len != NULL)
		*len = b.len;
	return buf_steal(&b);
}

static void chop_newline(char *s)
{
	if (s == NULL)
		return;
	size_t n = strlen(s);
	if (n > 0 && s[n - 1] == '\n')
		s[n - 1] = '\0';
}

/* The first line of NAME.ext, or NULL when there is no such file. */
static char *read_line(const char *name, const char *ext)
{
	char *path = fixture_path(name, ext);
	char *s = read_file(path, NULL);
	free(path);
	if (s != NULL) {
		char *nl = strchr(s, '\n');
		if (nl != NULL)
			*nl = '\0';
	}
	return s;
}

/* ---- a unified-diff-like report of the first difference ----------------- */

static const char *line_end(const char *s)
{
	const char *nl = strchr(s, '\n');
	return nl != NULL ? nl : s + strlen(s);
}

/* Prints one line of a report; "# " keeps it a comment in TAP output. */
static void print_line(char mark, const char *s)
{
	print_error("# %c%.*s\n", mark, (int)(line_end(s) - s), s);
}

static const char *next_line(const char *s)
{
	const char *e = line_end(s);
	return *e ? e + 1 : e;
}

static bool same_line(const char *a, const char *b)
{
	return line_end(a) - a == line_end(b) - b && memcmp(a, b, (size_t)(line_end(a) - a)) == 0;
}

/* Prints the first differing line with three lines of context before and
 * two after, in the manner of a unified diff. */
static void report_difference(const char *want_label, const char *got_label, const char *want,
                              const char *got)
{
	const char *w = want, *g = got;
	const char *before[3] = {NULL, NULL, NULL};
	int line = 1;

	while (*w && *g && same_line(w, g)) {
		before[0] = before[1];
		before[1] = before[2];
		before[2] = w;
		w = next_line(w);
		g = next_line(g);
		line++;
	}
	print_error("# --- %s\n# +++ %s\n", want_label, got_label);
	print_error("# @@ first difference at line %d @@\n", line);
	for (int i = 0; i < 3; i++)
		if (before[i] != NULL)
			print_line(' ', before[i]);
	for (int i = 0; i < 3 && (*w || *g); i++) {
		if (*w && *g && same_line(w, g)) {
			print_line(' ', w);
		} else {
			if (*w)
				print_line('-', w);
			if (*g)
				print_line('+', g);
		}
		w = next_line(w);
		g = next_line(g);
	}
}

/* ---- one test case per fixture ---------------------------------------- */

static void test_fixture(void **state)
{
	const char *name = *state;
	char *xml = fixture_path(name, ".xml");
	char *url = read_line(name, ".url");
	char *err = read_line(name, ".err");
	struct feed_options opts = {.url = url};
	char *out = NULL;
	size_t outlen = 0;
	char *reason = NULL;

	FILE *mem = open_memstream(&out, &outlen);
	assert_non_null(mem);
	enum feed_status status = feed_json_print(xml, &opts, mem, &reason);
	fclose(mem);

	if (err != NULL) {
		if (status != FEED_NOT_A_FEED && status != FEED_TOO_LARGE)
			print_error("%s.xml: status %d, output:\n%s\n", name, (int)status, out);
		assert_true(status == FEED_NOT_A_FEED || status == FEED_TOO_LARGE);
		assert_non_null(reason);
		assert_string_equal(reason, err);
		assert_int_equal(outlen, 0);
	} else {
		if (status != FEED_OK)
			print_error("%s.xml: refused: %s\n", name, reason != NULL ? reason : "?");
		assert_int_equal(status, FEED_OK);
		char *jpath = fixture_path(name, ".json");
		char *want = read_file(jpath, NULL);
		free(jpath);
		if (want == NULL) {
			print_error("%s: neither %s.json nor %s.err\n", name, name, name);
			fail();
			return; /* not reached; for the static analysers */
		}
		chop_newline(want);
		chop_newline(out);
		bool same = strcmp(want, out) == 0;
		if (!same) {
			char *label = fixture_path(name, ".json");
			report_difference(label, "retl --parse", want, out);
			free(label);
		}
		free(want);
		assert_true(same);
	}
	free(reason);
	free(out);
	free(err);
	free(url);
	free(xml);
}

/* ---- the C API: a model snapshot to compare two parses ----------------- */

static void snap_str(struct buf *b, const char *key, const char *s)
{
	buf_puts(b, key);
	buf_puts(b, s != NULL ? "=" : " null");
	if (s != NULL)
		buf_puts(b, s);
	buf_putc(b, '\n');
}

static void snap_time(struct buf *b, const char *key, bool set, int64_t t)
{
	char tmp[64];
	snprintf(tmp, sizeof(tmp), "%" PRId64, t);
	snap_str(b, key, set ? tmp : NULL);
}

static bool snap_entry(void *arg, const struct feed_entry *e, const struct feed_info *info)
{
	struct buf *b = arg;
	(void)info;
	buf_puts(b, "entry\n");
	snap_str(b, "id", e->id);
	snap_str(b, "title", e->title);
	snap_str(b, "link", e->link);
	snap_str(b, "author", e->author);
	snap_time(b, "published", e->has_published, e->published);
	snap_time(b, "updated", e->has_updated, e->updated);
	snap_str(b, "summary", e->summary);
	snap_str(b, "content", e->content);
	for (size_t i = 0; i < e->ncategories; i++)
		snap_str(b, "category", e->categories[i]);
	return true;
}

static void snap_info(struct buf *b, const struct feed_info *info)
{
	snap_str(b, "format", feed_format_name(info->format));
	snap_str(b, "title", info->title);
	snap_str(b, "link", info->link);
	snap_str(b, "subtitle", info->subtitle);
	snap_time(b, "updated", info->has_updated, info->updated);
	for (size_t i = 0; i < info->nerrors; i++)
		snap_str(b, "error", info->errors[i]);
}

/* Parses data pushed step bytes at a time; returns the snapshot. */
static char *parse_in_steps(const char *data, size_t len, size_t step, const char *url)
{
	struct buf b;
	struct feed_options opts = {.url = url};
	buf_init(&b);
	struct feed_parser *p = feed_parser_new(&opts, snap_entry, &b);
	for (size_t i = 0; i < len; i += step)
		feed_parser_push(p, data + i, len - i < step ? len - i : step);
	enum feed_status status = feed_parser_finish(p);
	snap_info(&b, feed_parser_info(p));
	if (status != FEED_OK)
		snap_str(&b, "refused", feed_parser_reason(p));
	feed_parser_free(p);
	return buf_steal(&b);
}

static void test_one_byte_pushes(void **state)
{
	const char *name = *state;
	char *path = fixture_path(name, ".xml");
	char *url = read_line(name, ".url");
	size_t len = 0;
	char *data = read_file(path, &len);
	assert_non_null(data);

	char *whole = parse_in_steps(data, len, len > 0 ? len : 1, url);
	char *bytes = parse_in_steps(data, len, 1, url);
	if (strcmp(whole, bytes) != 0)
		report_difference("one push", "one-byte pushes", whole, bytes);
	assert_string_equal(whole, bytes);
	/* And pushes of a size that is no divisor of anything. */
	char *sevens = parse_in_steps(data, len, 7, url);
	assert_string_equal(whole, sevens);
	free(sevens);
	free(bytes);
	free(whole);
	free(data);
	free(url);
	free(path);
}

/* ---- the C API: single cases ------------------------------------------ */

struct counter {
	int seen;
	int stop_after;
};

static bool count_entry(void *arg, const struct feed_entry *e, const struct feed_info *info)
{
	struct counter *c = arg;
	(void)e;
	(void)info;
	return ++c->seen < c->stop_after;
}

static void test_callback_stops(void **state)
{
	(void)state;
	char *path = fixture_path("rss20-dates", ".xml");
	struct counter c = {0, 2};
	struct feed_parser *p = feed_parser_new(NULL, count_entry, &c);
	assert_int_equal(feed_parse_file(p, path), FEED_STOPPED);
	assert_int_equal(c.seen, 2);
	/* Nothing more once stopped, neither pushes nor entries. */
	assert_false(feed_parser_push(p, "<item/>", 7));
	assert_int_equal(feed_parser_finish(p), FEED_STOPPED);
	assert_int_equal(c.seen, 2);
	feed_parser_free(p);
	free(path);
}

static void test_callback_runs_to_end(void **state)
{
	(void)state;
	char *path = fixture_path("rss20-dates", ".xml");
	struct counter c = {0, 1000};
	struct feed_parser *p = feed_parser_new(NULL, count_entry, &c);
	assert_int_equal(feed_parse_file(p, path), FEED_OK);
	assert_int_equal(c.seen, 12);
	feed_parser_free(p);
	free(path);
}

/* FNV-1a 64 written out again from its definition, to check the ids. */
static uint64_t fnv1a_64(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

static void test_fallback_id_stable(void **state)
{
	(void)state;
	static const char doc[] =
	    "<rss version=\"2.0\"><channel><title>T</title>"
	    "<item><title>Section 232 tariffs on copper</title>"
	    "<link>https://www.whitehouse.gov/fact-sheets/2025/07/copper/</link></item>"
	    "</channel></rss>";
	char *first = parse_in_steps(doc, sizeof(doc) - 1, sizeof(doc) - 1, NULL);
	char *second = parse_in_steps(doc, sizeof(doc) - 1, 3, NULL);
	assert_string_equal(first, second);

	char want[64];
	snprintf(want, sizeof(want), "id=urn:retl:%016" PRIx64 "\n",
	         fnv1a_64("https://www.whitehouse.gov/fact-sheets/2025/07/copper/\n"
	                  "Section 232 tariffs on copper"));
	assert_non_null(strstr(first, want));
	free(first);
	free(second);
}

static void test_max_size(void **state)
{
	(void)state;
	char *path = fixture_path("rss20-minimal", ".xml");
	size_t len = 0;
	char *data = read_file(path, &len);
	assert_non_null(data);
	char want[128];

	/* Exactly at the limit: a feed. */
	struct feed_options opts = {.max_size = len};
	struct counter c = {0, 1000};
	struct feed_parser *p = feed_parser_new(&opts, count_entry, &c);
	assert_true(feed_parser_push(p, data, len));
	assert_int_equal(feed_parser_finish(p), FEED_OK);
	assert_int_equal(c.seen, 1);
	feed_parser_free(p);

	/* One byte over, pushed: refused, with nothing emitted. */
	opts.max_size = len - 1;
	c.seen = 0;
	p = feed_parser_new(&opts, count_entry, &c);
	assert_false(feed_parser_push(p, data, len));
	assert_int_equal(feed_parser_finish(p), FEED_TOO_LARGE);
	snprintf(want, sizeof(want), "document larger than the limit of %zu bytes", len - 1);
	assert_string_equal(feed_parser_reason(p), want);
	assert_int_equal(c.seen, 0);
	feed_parser_free(p);

	/* One byte over, from a file: refused before reading. */
	p = feed_parser_new(&opts, count_entry, &c);
	assert_int_equal(feed_parse_file(p, path), FEED_TOO_LARGE);
	assert_string_equal(feed_parser_reason(p), want);
	feed_parser_free(p);

	/* And through feed_json_print, which prints nothing. */
	char *out = NULL, *reason = NULL;
	size_t outlen = 0;
	FILE *mem = open_memstream(&out, &outlen);
	assert_int_equal(feed_json_print(path, &opts, mem, &reason), FEED_TOO_LARGE);
	fclose(mem);
	assert_string_equal(reason, want);
	assert_int_equal(outlen, 0);
	free(out);
	free(reason);
	free(data);
	free(path);
}

static void test_missing_file(void **state)
{
	(void)state;
	char *reason = NULL, *out = NULL;
	size_t outlen = 0;
	FILE *mem = open_memstream(&out, &outlen);
	assert_int_equal(feed_json_print("/nonexistent/feed.xml", NULL, mem, &reason),
	                 FEED_NOT_A_FEED);
	fclose(mem);
	assert_string_equal(reason, strerror(ENOENT));
	free(reason);
	free(out);
}

/* ---- the test list ---------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The fixture names (NAME of every NAME.xml), sorted. */
static char **list_fixtures(size_t *count)
{
	DIR *dir = opendir(feeds_dir());
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;

	if (dir == NULL) {
		fprintf(stderr, "test_feed: cannot open %s: %s\n", feeds_dir(), strerror(errno));
		*count = 0;
		return NULL;
	}
	while ((de = readdir(dir)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len <= 4 || strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xstrndup(de->d_name, len - 4);
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof(*names), compare_names);
	*count = n;
	return names;
}

static bool small_enough_for_one_byte_pushes(const char *name)
{
	char *path = fixture_path(name, ".xml");
	size_t len = 0;
	char *data = read_file(path, &len);
	free(data);
	free(path);
	return len <= ONE_BYTE_MAX_SIZE;
}

int main(void)
{
	static const struct CMUnitTest api_tests[] = {
	    cmocka_unit_test(test_callback_stops),     cmocka_unit_test(test_callback_runs_to_end),
	    cmocka_unit_test(test_fallback_id_stable), cmocka_unit_test(test_max_size),
	    cmocka_unit_test(test_missing_file),
	};
	size_t nfixtures = 0;
	char **names = list_fixtures(&nfixtures);
	size_t napi = sizeof(api_tests) / sizeof(api_tests[0]);
	struct CMUnitTest *tests = xcalloc(2 * nfixtures + napi, sizeof(*tests));
	char **labels = xcalloc(nfixtures + 1, sizeof(*labels));
	size_t n = 0;

	if (nfixtures < 40) {
		fprintf(stderr, "test_feed: only %zu fixtures in %s\n", nfixtures, feeds_dir());
		return 1;
	}
	for (size_t i = 0; i < nfixtures; i++) {
		tests[n].name = names[i];
		tests[n].test_func = test_fixture;
		tests[n].initial_state = names[i];
		n++;
	}
	/* Streaming: every document of moderate size, pushed a byte at a
	 * time, must give the model it gives in one push. */
	size_t nlabels = 0;
	for (size_t i = 0; i < nfixtures; i++) {
		if (!small_enough_for_one_byte_pushes(names[i]))
			continue;
		struct buf label;
		buf_init(&label);
		buf_puts(&label, "one-byte pushes: ");
		buf_puts(&label, names[i]);
		labels[nlabels] = buf_steal(&label);
		tests[n].name = labels[nlabels++];
		tests[n].test_func = test_one_byte_pushes;
		tests[n].initial_state = names[i];
		n++;
	}
	for (size_t i = 0; i < napi; i++)
		tests[n++] = api_tests[i];

	int failed = _cmocka_run_group_tests("feed", tests, n, NULL, NULL);

	for (size_t i = 0; i < nlabels; i++)
		free(labels[i]);
	for (size_t i = 0; i < nfixtures; i++)
		free(names[i]);
	free(labels);
	free(names);
	free(tests);
	return failed;
}
