/* Unit tests of the decoder (src/parse/decode.h): how the bytes of a
 * document in any encoding become the valid UTF-8 the XML parser reads.
 * Non-UTF-8 inputs are written out byte by byte; their meaning is given
 * next to them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "parse/decode.h"

#define REPL "\xEF\xBF\xBD" /* U+FFFD */

/* Decodes len bytes in one push (plus the final flush). */
static char *decode(const char *hint, const char *in, size_t len, size_t *replaced, char *charset,
                    size_t charset_size)
{
	struct decoder *d = decoder_new(hint);
	struct buf out;
	buf_init(&out);
	decoder_push(d, in, len, false, &out);
	decoder_push(d, NULL, 0, true, &out);
	if (replaced != NULL)
		*replaced = decoder_replacements(d);
	if (charset != NULL)
		snprintf(charset, charset_size, "%s", decoder_charset(d));
	decoder_free(d);
	return buf_steal(&out);
}

/* Checks that in decodes to want, read as charset, with n replacements. */
static void check(const char *hint, const char *in, size_t len, const char *want,
                  const char *want_charset, size_t want_replaced)
{
	char charset[64];
	size_t replaced = 0;
	char *got = decode(hint, in, len, &replaced, charset, sizeof(charset));
	assert_string_equal(got, want);
	assert_string_equal(charset, want_charset);
	assert_int_equal(replaced, want_replaced);
	free(got);
}

#define CHECK(hint, in, want, charset, n) check(hint, in, sizeof(in) - 1, want, charset, n)

/* ---- byte-order marks -------------------------------------------------- */

static void test_bom_utf8(void **state)
{
	(void)state;
	CHECK(NULL, "\xEF\xBB\xBF<a>\xC3\xA9</a>", "<a>\xC3\xA9</a>", "UTF-8", 0);
}

static void test_bom_utf16le(void **state)
{
	(void)state;
	/* "<a>é€</a>" in UTF-16LE after FF FE. */
	CHECK(NULL, "\xFF\xFE<\0a\0>\0\xE9\0\xAC\x20<\0/\0a\0>\0", "<a>\xC3\xA9\xE2\x82\xAC</a>",
	      "UTF-16LE", 0);
}

static void test_bom_utf16be(void **state)
{
	(void)state;
	/* "<a>中</a>" in UTF-16BE after FE FF. */
	CHECK(NULL, "\xFE\xFF\0<\0a\0>\x4E\x2D\0<\0/\0a\0>", "<a>\xE4\xB8\xAD</a>", "UTF-16BE", 0);
}

static void test_utf16le_without_bom(void **state)
{
	(void)state;
	/* "<?x?>" in UTF-16LE, told by its first four bytes. */
	CHECK(NULL, "<\0?\0x\0?\0>\0", "<?x?>", "UTF-16LE", 0);
}

static void test_utf16_astral_and_lone_surrogate(void **state)
{
	(void)state;
	/* U+1F4C8 as a surrogate pair, then a lone high surrogate D800, then
	 * "b": the lone unit is one replacement and "b" is still read. */
	CHECK(NULL,
	      "\xFF\xFE"
	      "a\0\x3D\xD8\xC8\xDC\x00\xD8"
	      "b\0",
	      "a\xF0\x9F\x93\x88" REPL "b", "UTF-16LE", 1);
}

static void test_bom_beats_hint(void **state)
{
	(void)state;
	CHECK("windows-1252", "\xEF\xBB\xBF\xC3\xA9", "\xC3\xA9", "UTF-8", 0);
}

/* ---- declared encodings ------------------------------------------------ */

static void test_iso_8859_1_is_windows_1252(void **state)
{
	(void)state;
	/* 0x93 0x94: curly quotes in windows-1252, C1 controls in Latin-1;
	 * 0xE9: é in both. */
	CHECK(NULL, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\x93\xE9\x94</a>",
	      "<?xml version=\"1.0\" "
	      "encoding=\"ISO-8859-1\"?><a>\xE2\x80\x9C\xC3\xA9\xE2\x80\x9D</a>",
	      "WINDOWS-1252", 0);
}

static void test_windows_1252_undefined_byte(void **state)
{
	(void)state;
	/* 0x80 is the euro sign; 0x81 has no character. */
	CHECK(NULL, "<?xml version='1.0' encoding='windows-1252'?>\x80\x81",
	      "<?xml version='1.0' encoding='windows-1252'?>\xE2\x82\xAC" REPL, "WINDOWS-1252", 1);
}

static void test_gb2312_is_gb18030(void **state)
{
	(void)state;
	/* 商务部 (GB2312), then 喆 (GBK only: 0x86 0xB4), then © as the
	 * four-byte GB18030 sequence 81 30 84 38. */
	CHECK(NULL,
	      "<?xml version=\"1.0\" "
	      "encoding=\"gb2312\"?>\xC9\xCC\xCE\xF1\xB2\xBF\x86\xB4\x81\x30\x84\x38",
	      "<?xml version=\"1.0\" encoding=\"gb2312\"?>\xE5\x95\x86\xE5\x8A\xA1\xE9\x83\xA8"
	      "\xE5\x96\x86\xC2\xA9",
	      "GB18030", 0);
}

static void test_big5(void **state)
{
	(void)state;
	/* 經濟部 in Big5. */
	CHECK(NULL, "<?xml version=\"1.0\" encoding=\"Big5\"?>\xB8\x67\xC0\xD9\xB3\xA1",
	      "<?xml version=\"1.0\" encoding=\"Big5\"?>\xE7\xB6\x93\xE6\xBF\x9F\xE9\x83\xA8",
	      "BIG5-HKSCS", 0);
}

static void test_shift_jis(void **state)
{
	(void)state;
	/* 経済 in Shift_JIS, then ① (0x87 0x40, a CP932 extension), then the
	 * half-width katakana ﾆ (0xC6). */
	CHECK(NULL, "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\x8C\x6F\x8D\xCF\x87\x40\xC6",
	      "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\xE7\xB5\x8C\xE6\xB8\x88\xE2\x91\xA0"
	      "\xEF\xBE\x86",
	      "CP932", 0);
}

static void test_declaration_single_quotes_and_spaces(void **state)
{
	(void)state;
	CHECK(NULL, "<?xml version='1.0' encoding = 'latin1' ?>\xFC",
	      "<?xml version='1.0' encoding = 'latin1' ?>\xC3\xBC", "WINDOWS-1252", 0);
}

static void test_hint_beats_declaration(void **state)
{
	(void)state;
	/* The transport says windows-1252; the document claims UTF-8. */
	CHECK("windows-1252", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\xE9",
	      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\xC3\xA9", "WINDOWS-1252", 0);
}

static void test_utf16_label_on_ascii_bytes(void **state)
{
	(void)state;
	/* A UTF-16 declaration the bytes themselves contradict. */
	CHECK(NULL, "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>\xC3\xA9</a>",
	      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>\xC3\xA9</a>", "UTF-8", 0);
}

static void test_unknown_charset(void **state)
{
	(void)state;
	struct decoder *d = decoder_new(NULL);
	struct buf out;
	static const char in[] = "<?xml version=\"1.0\" encoding=\"x-klingon\"?><a>\xC3\xA9</a>";
	buf_init(&out);
	decoder_push(d, in, sizeof(in) - 1, true, &out);
	assert_string_equal(out.data, in); /* read as UTF-8 */
	assert_string_equal(decoder_charset(d), "UTF-8");
	assert_non_null(decoder_unknown_charset(d));
	assert_string_equal(decoder_unknown_charset(d), "x-klingon");
	buf_free(&out);
	decoder_free(d);
}

static void test_known_charset_is_not_unknown(void **state)
{
	(void)state;
	struct decoder *d = decoder_new("utf-8");
	struct buf out;
	buf_init(&out);
	decoder_push(d, "<a/>", 4, true, &out);
	assert_null(decoder_unknown_charset(d));
	buf_free(&out);
	decoder_free(d);
}

/* ---- invalid input ----------------------------------------------------- */

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* A lone FF; a truncated E4 B8 (one maximal subpart, one U+FFFD); an
	 * overlong C0 AF (two); an encoded surrogate ED A0 80 (three); a
	 * Latin-1 é.  Valid neighbours survive. */
	CHECK(NULL,
	      "a\xFF"
	      "b\xE4\xB8"
	      "c\xC0\xAF"
	      "d\xED\xA0\x80"
	      "e\xE9"
	      "f\xF4\x90\x80\x80",
	      "a" REPL "b" REPL "c" REPL REPL "d" REPL REPL REPL "e" REPL "f" REPL REPL REPL REPL,
	      "UTF-8", 12);
}

static void test_valid_utf8_untouched(void **state)
{
	(void)state;
	CHECK(NULL, "\xC2\xA0\xE2\x80\x94\xF0\x9F\x93\x88\xEF\xBF\xBD\xF4\x8F\xBF\xBF",
	      "\xC2\xA0\xE2\x80\x94\xF0\x9F\x93\x88\xEF\xBF\xBD\xF4\x8F\xBF\xBF", "UTF-8", 0);
}

static void test_controls_replaced(void **state)
{
	(void)state;
	static const char in[] = "a\0b\x01"
	                         "c\x0B"
	                         "d\x0C"
	                         "e\x1B"
	                         "f\t\n\r\x7F";
	CHECK(NULL, in, "a" REPL "b" REPL "c" REPL "d" REPL "e" REPL "f\t\n\r\x7F", "UTF-8", 5);
}

static void test_controls_replaced_after_iconv(void **state)
{
	(void)state;
	/* A NUL in a windows-1252 document is no more an XML character. */
	CHECK("windows-1252", "x\0y", "x" REPL "y", "WINDOWS-1252", 1);
}

static void test_noncharacters_replaced(void **state)
{
	(void)state;
	/* U+FFFE and U+FFFF are not XML characters; U+FFFD is. */
	CHECK(NULL,
	      "a\xEF\xBF\xBE"
	      "b\xEF\xBF\xBF"
	      "c\xEF\xBF\xBD",
	      "a" REPL "b" REPL "c" REPL, "UTF-8", 2);
}

static void test_utf8_sanitize(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out);
	assert_int_equal(utf8_sanitize(&out, "ok \xC3\xA9 \xC3", 7), 1);
	assert_string_equal(out.data, "ok \xC3\xA9 " REPL);
	buf_free(&out);
}

/* ---- streaming --------------------------------------------------------- */

/* Pushes pieces one by one and returns the output. */
static char *push_pieces(const char *hint, const char *const *pieces, const size_t *lens, size_t n,
                         size_t *replaced)
{
	struct decoder *d = decoder_new(hint);
	struct buf out;
	buf_init(&out);
	for (size_t i = 0; i < n; i++)
		decoder_push(d, pieces[i], lens[i], false, &out);
	decoder_push(d, NULL, 0, true, &out);
	*replaced = decoder_replacements(d);
	decoder_free(d);
	return buf_steal(&out);
}

/* A kilobyte and more of ASCII, so that what follows comes after the
 * decoder's sniffing window and really is split between pushes. */
static char *padding(const char *head)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, head);
	for (int i = 0; i < 1100; i++)
		buf_putc(&b, 'x');
	return buf_steal(&b);
}

static void test_utf8_split_across_pushes(void **state)
{
	(void)state;
	char *pad = padding("<a>");
	/* é, 中 and U+1F4C8, each cut after its first byte. */
	const char *pieces[] = {pad,    "\xC3",    "\xA9\xE4", "\xB8", "\xAD\xF0\x9F",
	                        "\x93", "\x88</a>"};
	size_t lens[] = {strlen(pad), 1, 2, 1, 3, 1, 5};
	size_t replaced = 99;
	char *got = push_pieces(NULL, pieces, lens, 7, &replaced);
	struct buf want;
	buf_init(&want);
	buf_puts(&want, pad);
	buf_puts(&want, "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x93\x88</a>");
	assert_string_equal(got, want.data);
	assert_int_equal(replaced, 0);
	buf_free(&want);
	free(got);
	free(pad);
}

static void test_gb18030_split_across_pushes(void **state)
{
	(void)state;
	char *pad = padding("<?xml version=\"1.0\" encoding=\"GB18030\"?>");
	/* 商 (C9 CC) split in two, then © (81 30 84 38) split three ways. */
	const char *pieces[] = {pad, "\xC9", "\xCC\x81", "\x30\x84", "\x38."};
	size_t lens[] = {strlen(pad), 1, 2, 2, 2};
	size_t replaced = 99;
	char *got = push_pieces(NULL, pieces, lens, 5, &replaced);
	struct buf want;
	buf_init(&want);
	buf_puts(&want, pad);
	buf_puts(&want, "\xE5\x95\x86\xC2\xA9.");
	assert_string_equal(got, want.data);
	assert_int_equal(replaced, 0);
	buf_free(&want);
	free(got);
	free(pad);
}

static void test_truncated_at_end(void **state)
{
	(void)state;
	/* A sequence cut off by the end of the document: one replacement at
	 * the final flush, in UTF-8 and through iconv alike. */
	const char *pieces[] = {"abc\xE4\xB8"};
	size_t lens[] = {5};
	size_t replaced = 0;
	char *got = push_pieces(NULL, pieces, lens, 1, &replaced);
	assert_string_equal(got, "abc" REPL);
	assert_int_equal(replaced, 1);
	free(got);

	const char *gb[] = {"abc\x81\x30"};
	got = push_pieces("GB18030", gb, lens, 1, &replaced);
	assert_string_equal(got, "abc" REPL);
	assert_int_equal(replaced, 1);
	free(got);
}

static void test_held_until_enough_to_sniff(void **state)
{
	(void)state;
	/* The first bytes wait until the encoding is known. */
	struct decoder *d = decoder_new(NULL);
	struct buf out;
	buf_init(&out);
	decoder_push(d, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", 43, false, &out);
	assert_int_equal(out.len, 0);
	decoder_push(d, "\xE9", 1, true, &out);
	assert_string_equal(out.data, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\xC3\xA9");
	buf_free(&out);
	decoder_free(d);
}

static void test_empty_input(void **state)
{
	(void)state;
	CHECK(NULL, "", "", "UTF-8", 0);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bom_utf8),
	    cmocka_unit_test(test_bom_utf16le),
	    cmocka_unit_test(test_bom_utf16be),
	    cmocka_unit_test(test_utf16le_without_bom),
	    cmocka_unit_test(test_utf16_astral_and_lone_surrogate),
	    cmocka_unit_test(test_bom_beats_hint),
	    cmocka_unit_test(test_iso_8859_1_is_windows_1252),
	    cmocka_unit_test(test_windows_1252_undefined_byte),
	    cmocka_unit_test(test_gb2312_is_gb18030),
	    cmocka_unit_test(test_big5),
	    cmocka_unit_test(test_shift_jis),
	    cmocka_unit_test(test_declaration_single_quotes_and_spaces),
	    cmocka_unit_test(test_hint_beats_declaration),
	    cmocka_unit_test(test_utf16_label_on_ascii_bytes),
	    cmocka_unit_test(test_unknown_charset),
	    cmocka_unit_test(test_known_charset_is_not_unknown),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_valid_utf8_untouched),
	    cmocka_unit_test(test_controls_replaced),
	    cmocka_unit_test(test_controls_replaced_after_iconv),
	    cmocka_unit_test(test_noncharacters_replaced),
	    cmocka_unit_test(test_utf8_sanitize),
	    cmocka_unit_test(test_utf8_split_across_pushes),
	    cmocka_unit_test(test_gb18030_split_across_pushes),
	    cmocka_unit_test(test_truncated_at_end),
	    cmocka_unit_test(test_held_until_enough_to_sniff),
	    cmocka_unit_test(test_empty_input),
	};
	return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
