/* The JSON writer must match Python's json.dumps(indent=2,
 * ensure_ascii=False) byte for byte: fixtures are compared as text. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "present/json.h"

struct capture {
	char *text;
	size_t len;
	FILE *f;
	struct json j;
};

static void capture_begin(struct capture *c)
{
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
	json_init(&c->j, c->f);
}

static void capture_check(struct capture *c, const char *expected)
{
	fclose(c->f);
	assert_string_equal(c->text, expected);
	free(c->text);
}

static void test_empty_containers(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c);
	json_object_begin(&c.j);
	json_key(&c.j, "a");
	json_array_begin(&c.j);
	json_array_end(&c.j);
	json_key(&c.j, "b");
	json_object_begin(&c.j);
	json_object_end(&c.j);
	json_object_end(&c.j);
	capture_check(&c, "{\n  \"a\": [],\n  \"b\": {}\n}");
}

static void test_nesting_and_scalars(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c);
	json_array_begin(&c.j);
	json_object_begin(&c.j);
	json_key(&c.j, "n");
	json_int(&c.j, -42);
	json_key(&c.j, "s");
	json_string(&c.j, NULL);
	json_key(&c.j, "t");
	json_bool(&c.j, true);
	json_object_end(&c.j);
	json_string(&c.j, "x");
	json_array_end(&c.j);
	capture_check(&c, "[\n  {\n    \"n\": -42,\n    \"s\": null,\n    \"t\": true\n  },\n  \"x\"\n]");
}

static void test_escaping(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c);
	/* Quotes, backslash, the short escapes, other C0 as \u00xx in lower
	 * case; DEL and non-ASCII (here CJK and an RTL mark) stay as they are. */
	json_string(&c.j, "\"\\\n\r\t\b\f\x01\x1b\x7f 商务部 \xE2\x80\x8F");
	capture_check(&c, "\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001b\x7f 商务部 \xE2\x80\x8F\"");
}

/* Long strings take the eight-bytes-at-a-time path: an escape at every
 * offset within a word, and at the end, must still be found. */
static void test_escapes_at_every_offset(void **state)
{
	(void)state;
	for (int offset = 0; offset < 24; offset++) {
		char in[64], expected[80];
		struct capture c;
		memset(in, 'a', sizeof(in));
		in[offset] = '"';
		in[offset + 17] = '\n';
		in[offset + 30] = '\0';
		int n = snprintf(expected, sizeof(expected), "\"%.*s\\\"%.*s\\n%.*s\"", offset,
				 in, 16, in + offset + 1, 12, in + offset + 18);
		assert_true(n > 0);
		capture_begin(&c);
		json_string(&c.j, in);
		capture_check(&c, expected);
	}
}

static void test_nested_fragment(void **state)
{
	struct capture c;
	(void)state;
	/* A fragment written as the items of an array two levels deep, as
	 * --parse spools its entries. */
	c.f = open_memstream(&c.text, &c.len);
	json_init_nested(&c.j, c.f, 2, true);
	json_string(&c.j, "a");
	json_string(&c.j, "b");
	capture_check(&c, "\n    \"a\",\n    \"b\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_containers),
		cmocka_unit_test(test_nesting_and_scalars),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_escapes_at_every_offset),
		cmocka_unit_test(test_nested_fragment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
