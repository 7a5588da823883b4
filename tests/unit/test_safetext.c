/* Feed text made safe for any output (common/safetext.c): controls,
 * escapes and bidirectional marks dropped, blanks folded to one space,
 * invalid UTF-8 dropped; widths and cutting by columns; and the arena
 * that holds a summary's strings (common/arena.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "common/arena.h"
#include "common/safetext.h"
#include "common/util.h"

static void expect_clean(const char *in, const char *out)
{
	char *t = safe_text(in);
	assert_string_equal(t, out);
	free(t);
	/* appended after other text, the same bytes follow it */
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "x ");
	safe_text_append(&b, in);
	assert_int_equal(b.len, 2 + strlen(out));
	assert_memory_equal(b.data + 2, out, strlen(out));
	assert_int_equal(b.data[b.len], '\0');
	buf_free(&b);
}

static void test_blanks_fold(void **state)
{
	(void)state;
	expect_clean("plain words", "plain words");
	expect_clean("  lead and trail  ", "lead and trail");
	expect_clean("two  spaces,\tTAB\r\nand\xc2\xa0nbsp", "two spaces, TAB and nbsp");
	expect_clean("   ", "");
	expect_clean("", "");
	expect_clean(NULL, "");
	expect_clean("a \n b", "a b");
}

static void test_controls_dropped(void **state)
{
	(void)state;
	/* ESC goes, so "[31m" is text, never obeyed; BEL, DEL, C1 CSI too */
	expect_clean("\033[31mred\a\x7f", "[31mred");
	expect_clean("a\xc2\x9b"
	             "1mb",
	             "a1mb");
	/* the right-to-left override, isolates and marks */
	expect_clean("abc\xe2\x80\xae"
	             "def\xe2\x81\xa6x\xe2\x80\x8f",
	             "abcdefx");
	/* bytes that are not UTF-8, overlong forms and surrogates */
	expect_clean("ok\xff\xfe!", "ok!");
	expect_clean("\xc0\xafslash", "slash");
	expect_clean("\xed\xa0\x80sur", "sur");
	/* text in other scripts stays whole */
	expect_clean("商务部 公告", "商务部 公告");
}

static void test_widths_and_fit(void **state)
{
	(void)state;
	const char *mixed = "ab商务c";
	assert_int_equal(safe_text_width(mixed, strlen(mixed)), 7);
	/* a wide character that does not fit whole is left out */
	assert_int_equal(safe_text_fit(mixed, strlen(mixed), 3), 2);
	assert_int_equal(safe_text_fit(mixed, strlen(mixed), 4), 5);
	assert_int_equal(safe_text_fit("abcdef", 6, 4), 4);
	assert_int_equal(safe_text_fit("abc", 3, 10), 3);
}

static void test_arena(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *first = arena_strndup(a, "hello world", 5);
	assert_string_equal(first, "hello");
	/* aligned for any object, after odd-sized strings */
	for (int i = 0; i < 1000; i++) {
		(void)arena_strndup(a, "xyz", (size_t)(i % 3));
		int64_t *v = arena_alloc(a, sizeof(*v) * 3);
		assert_int_equal((uintptr_t)v % _Alignof(int64_t), 0);
		v[0] = v[1] = v[2] = i;
	}
	/* larger than a block */
	char *big = arena_alloc(a, 3u << 20);
	memset(big, 'x', 3u << 20);
	assert_string_equal(first, "hello"); /* earlier strings stay */
	arena_free(a);
	arena_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_blanks_fold),
	    cmocka_unit_test(test_controls_dropped),
	    cmocka_unit_test(test_widths_and_fit),
	    cmocka_unit_test(test_arena),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
