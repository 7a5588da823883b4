/* What reaches the terminal: cleaning (controls, escapes, bidi overrides
 * out; blanks folded), widths of wide and combining characters, cutting
 * and breaking by columns; and the date ranges of the UI's d key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "present/ui_text.h"
#include "store/timeline.h"

static void test_clean_strips_controls(void **state)
{
	(void)state;
	size_t n;
	/* ESC [31m: the ESC goes, so "[31m" is shown as text, never obeyed;
	 * BEL, CR and U+202E (right-to-left override) go; blanks fold. */
	wchar_t *w = ui_text_clean("\033[31mRED\a \r\n  x\xe2\x80\xae" "evil\t", &n);
	assert_true(wcscmp(w, L"[31mRED x" L"evil") == 0);
	assert_int_equal(n, wcslen(L"[31mRED xevil"));
	free(w);
	/* C1 controls (U+009B is a one-byte CSI on some terminals) go too */
	w = ui_text_clean("a\xc2\x9b" "1mb", &n);
	assert_true(wcscmp(w, L"a1mb") == 0);
	free(w);
	/* bytes that are not UTF-8 are dropped, not passed on */
	w = ui_text_clean("ok\xff\xfe!", &n);
	assert_true(wcscmp(w, L"ok!") == 0);
	free(w);
}

static void test_widths(void **state)
{
	(void)state;
	size_t n;
	int used;
	wchar_t *w = ui_text_clean("\xe5\x95\x86\xe5\x8a\xa1\xe9\x83\xa8 MOFCOM", &n); /* 商务部 */
	assert_int_equal(ui_char_width(w[0]), 2);
	/* five columns hold two wide characters, never half of the third */
	assert_int_equal(ui_text_fit(w, n, 5, &used), 2);
	assert_int_equal(used, 4);
	free(w);
	/* a combining mark stays with its letter */
	w = ui_text_clean("e\xcc\x81t\xc3\xa9", &n); /* e + U+0301, t, é */
	assert_int_equal(ui_char_width(w[1]), 0);
	assert_int_equal(ui_text_fit(w, n, 1, &used), 2);
	assert_int_equal(used, 1);
	free(w);
}

static void test_break(void **state)
{
	(void)state;
	const wchar_t *w = L"port fees start";
	assert_int_equal(ui_text_break(w, wcslen(w), 12), 9); /* after "fees" */
	assert_int_equal(ui_text_break(w, wcslen(w), 40), wcslen(w));
	assert_int_equal(ui_text_break(L"abcdefgh", 8, 3), 3); /* no space: cut */
}

static void test_day_range(void **state)
{
	(void)state;
	char first[11], last[11];
	assert_true(timeline_day_range("2025", first, last));
	assert_string_equal(first, "2025-01-01");
	assert_string_equal(last, "2025-12-31");
	assert_true(timeline_day_range("2024-02", first, last));
	assert_string_equal(last, "2024-02-29");
	assert_true(timeline_day_range("2025-04-09", first, last));
	assert_string_equal(first, "2025-04-09");
	assert_string_equal(last, "2025-04-09");
	assert_false(timeline_day_range("2025-13", first, last));
	assert_false(timeline_day_range("2025-02-30", first, last));
	assert_false(timeline_day_range("April", first, last));
	assert_false(timeline_day_range("2025-4", first, last));
}

int main(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_strips_controls),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_break),
		cmocka_unit_test(test_day_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
