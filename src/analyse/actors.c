/* actors.conf and the mention finder.
 *
 * Every name the files give (canonical names, aliases, people and their
 * aliases, and "not" phrases) becomes a pattern: a short run of words,
 * each folded to lower case, with what must stand between them.  The
 * finder cuts the text into words once, looks each word up among the
 * patterns' first words (a plain ASCII word by its shape, without a key:
 * most are no first word and cost a probe), and only then extends the
 * few candidates word by word, longest first.  No alias is ever run over
 * the whole text. */
#include "config.h"

#include "analyse/actors.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "analyse/scan.h"
#include "common/util.h"

/* Config files are small; anything bigger is a mistake or an attack. */
#define MAX_FILE_SIZE ((size_t)1 << 20)
#define MAX_LINE 1024
/* The longest name in bytes, and so the longest word the finder compares:
 * longer words in a text cannot match and are not even folded. */
#define MAX_NAME 128
#define MAX_WORDS 16

/* ---- words ------------------------------------------------------------ */

/* One word of a text: letters and digits, inner apostrophes ("Xi'an"),
 * dotted initials ("U.S."); a possessive "'s" is cut off and noted.  Its
 * key is folded and hashed as it is read, since every word of a text is
 * looked up. */
struct word {
	size_t start, end; /* the word, without its possessive */
	size_t stop;	   /* where the next word is looked for */
	bool possessive;
	uint32_t hash;	   /* of the key */
	size_t keylen;	   /* > MAX_NAME: too long to match anything */
	char key[MAX_NAME + 1]; /* ASCII lowercased, apostrophes straight;
				 * the last byte takes what overflows */
};

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static bool is_ascii_alpha(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

static bool is_ascii_alnum(unsigned char c)
{
	return is_ascii_alpha(c) || (unsigned char)(c - '0') < 10;
}

static bool is_ascii_upper(unsigned char c)
{
	return (unsigned char)(c - 'A') < 26;
}

static bool is_ascii_lower(unsigned char c)
{
	return (unsigned char)(c - 'a') < 26;
}

static unsigned char fold_ascii(unsigned char c)
{
	return is_ascii_upper(c) ? (unsigned char)(c | 0x20) : c;
}

/* What a byte is to a word: 0 for an ASCII byte that is none of it,
 * letters folded to lower case, digits as they are, and bytes of UTF-8
 * sequences as they are (word_char then tells). */
static const unsigned char word_byte[256] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
	0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
	0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
	0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
	0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
	0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
	0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
	0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};

/* The length of the UTF-8 sequence at s[i] when it is well formed, else 0. */
static size_t utf8_len(const unsigned char *s, size_t i, size_t len)
{
	unsigned char c = s[i];
	size_t n;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return 0;
	if (len - i < n)
		return 0;
	for (size_t k = 1; k < n; k++)
		if ((s[i + k] & 0xC0) != 0x80)
			return 0;
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F) ||
	    (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] > 0x8F))
		return 0;
	return n;
}

/* Non-ASCII characters that separate words: Latin-1 punctuation and
 * symbols, general punctuation (curly quotes, dashes, spaces), CJK
 * punctuation, fullwidth ASCII punctuation and the byte order mark. */
static bool is_separator(const unsigned char *s)
{
	switch (s[0]) {
	case 0xC2:
		return true;
	case 0xC3:
		return s[1] == 0x97 || s[1] == 0xB7; /* × ÷ */
	case 0xE2:
		return true;
	case 0xE3:
		return s[1] == 0x80;
	case 0xEF:
		if (s[1] == 0xBB && s[2] == 0xBF)
			return true;
		if (s[1] == 0xBC)
			return s[2] <= 0x8F || (s[2] >= 0x9A && s[2] <= 0xA0) || s[2] >= 0xBB;
		return s[1] == 0xBD && (s[2] == 0x80 || s[2] >= 0x9B);
	default:
		return false;
	}
}

/* The length of the word character at text[i], or 0 if it is none. */
static size_t word_char(const char *text, size_t i, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	if (i >= len)
		return 0;
	if (s[i] < 0x80)
		return is_ascii_alnum(s[i]) ? 1 : 0;
	size_t n = utf8_len(s, i, len);
	return n == 0 || is_separator(s + i) ? 0 : n;
}

/* The length of an apostrophe at text[i] (' or U+2019), or 0. */
static size_t apostrophe(const char *text, size_t i, size_t len)
{
	if (i >= len)
		return 0;
	if (text[i] == '\'')
		return 1;
	return len - i >= 3 && memcmp(text + i, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
}

/* What an apostrophe inside a word is. */
enum apostrophe_role {
	APOSTROPHE_INNER,      /* part of the word: "O'Brien", "Xi'an" */
	APOSTROPHE_POSSESSIVE, /* "China's", "the Americans' timeline" */
	APOSTROPHE_END,	       /* a closing quotation mark */
};

/* The role of the apostrophe of length a at text[i]; *stop gets the end
 * of a possessive. */
static enum apostrophe_role apostrophe_role(const char *text, size_t len, size_t i, size_t a,
					    size_t *stop)
{
	size_t next = i + a;
	unsigned char prev = (unsigned char)text[i - 1];

	if (next < len && (text[next] == 's' || text[next] == 'S') &&
	    word_char(text, next + 1, len) == 0) {
		*stop = next + 1;
		return APOSTROPHE_POSSESSIVE;
	}
	if (word_char(text, next, len) > 0)
		return APOSTROPHE_INNER;
	/* After a plural, the apostrophe of its possessive; after any other
	 * word, a closing quotation mark. */
	if (prev == 's' || prev == 'S') {
		*stop = next;
		return APOSTROPHE_POSSESSIVE;
	}
	return APOSTROPHE_END;
}

/* The start of the next word at or after i, or len. */
static size_t skip_to_word(const char *text, size_t len, size_t i)
{
	const unsigned char *s = (const unsigned char *)text;

	for (; i < len; i++)
		if (word_byte[s[i]] != 0 && (s[i] < 0x80 || word_char(text, i, len) > 0))
			break;
	return i;
}

/* Is the dot at text[i] one of "U.S."?  It must follow a single letter
 * that starts the word or follows a dot, and the first dot must be
 * followed by another letter and dot. */
static bool initial_dot(const unsigned char *s, size_t len, size_t start, size_t i)
{
	if (i == start || !is_ascii_alpha(s[i - 1]))
		return false;
	if (i - 1 > start)
		return s[i - 2] == '.';
	return len - i > 2 && is_ascii_alpha(s[i + 1]) && s[i + 2] == '.';
}

/* Adds byte c to a word's key and its hash. */
static void key_put(char *key, size_t *k, uint32_t *h, unsigned char c)
{
	key[*k < MAX_NAME ? *k : MAX_NAME] = (char)c;
	*h = (*h ^ c) * FNV_PRIME;
	(*k)++;
}

/* Finds the word at or after pos.  False at the end of the text.  The
 * key's length and hash live in locals while the word is read, where
 * stores into the key cannot alias them. */
static bool scan_word(const char *text, size_t len, size_t pos, struct word *w)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = skip_to_word(text, len, pos);
	size_t k = 0;
	uint32_t h = FNV_OFFSET;
	size_t stop = 0;

	if (i >= len)
		return false;
	w->start = i;
	w->possessive = false;
	while (i < len) {
		unsigned char c = word_byte[s[i]];
		if (c != 0 && c < 0x80) { /* the common case: a run of ASCII */
			do {
				w->key[k < MAX_NAME ? k : MAX_NAME] = (char)c;
				h = (h ^ c) * FNV_PRIME;
				k++;
				i++;
			} while (i < len && (c = word_byte[s[i]]) != 0 && c < 0x80);
			continue;
		}
		size_t n = c != 0 ? word_char(text, i, len) : 0;
		if (n > 0) { /* a letter beyond ASCII, kept as it is */
			for (size_t m = 0; m < n; m++)
				key_put(w->key, &k, &h, s[i + m]);
			i += n;
			continue;
		}
		size_t a = apostrophe(text, i, len);
		if (a > 0) {
			enum apostrophe_role role = apostrophe_role(text, len, i, a, &stop);
			if (role != APOSTROPHE_INNER) {
				w->possessive = role == APOSTROPHE_POSSESSIVE;
				break;
			}
			key_put(w->key, &k, &h, '\'');
			i += a;
			continue;
		}
		if (s[i] != '.' || !initial_dot(s, len, w->start, i))
			break;
		key_put(w->key, &k, &h, '.');
		i++;
	}
	w->end = i;
	w->stop = stop != 0 ? stop : i;
	w->keylen = k;
	w->hash = h;
	return true;
}

/* 1 for an ASCII letter or digit: the bytes of a plain word. */
static const unsigned char ascii_alnum[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The finder reads a copy of the text followed by PADDING bytes, "\0a"
 * and zeros: a run of letters and digits stops at the NUL and a run of
 * other ASCII at the 'a', so its byte loops need no bounds checks, and a
 * run may read sixteen bytes from where it starts, the 'a' included. */
#define PADDING (2 + 16)

/* A run of ASCII letters and digits, [start, end). */
struct run {
	size_t start, end;
};

#ifdef __SSE2__
/* Where the run of ASCII letters and digits at s[i] ends (padded): sixteen
 * bytes at a time (SSE2, in every x86-64), so that a word costs no branch
 * per letter and no mispredicted one at its end.  Bytes from 0x80 compare
 * as negative and end the run. */
static size_t alnum_run_end(const unsigned char *s, size_t i)
{
	for (;;) {
		unsigned other = not_alnum16(s + i);
		if (other != 0)
			return i + (size_t)__builtin_ctz(other);
		i += 16;
	}
}
#else
static size_t alnum_run_end(const unsigned char *s, size_t i)
{
	while (ascii_alnum[s[i]])
		i++;
	return i;
}
#endif

/* The next run at or after s[i], past ASCII blanks and punctuation; an
 * empty one at a byte beyond ASCII (padded).  Not inlined: its loops then
 * keep to four instructions a byte. */
__attribute__((noinline)) static struct run next_run(const unsigned char *s, size_t i)
{
	struct run r;

	while (word_byte[s[i]] == 0)
		i++;
	r.start = i;
	r.end = alnum_run_end(s, i);
	return r;
}

/* 1 for the ASCII bytes that end a word wherever they stand: all but
 * letters, digits, the apostrophe and the dot. */
static const unsigned char ends_word[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
	1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
	1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Does the word that starts with the run r end where r does, with no
 * possessive: at ASCII that is no apostrophe and no dot of "U.S."?  Most
 * words of a text do, and scan_word need not read them (padded: the NUL
 * after the text ends a run at its end). */
static inline bool plain_word_ends(const unsigned char *s, size_t len, struct run r)
{
	unsigned char after = s[r.end];

	if (r.end == r.start)
		return false;
	if (ends_word[after])
		return true;
	return after == '.' && (r.end - r.start > 1 || !initial_dot(s, len, r.start, r.end));
}

/* What scan_word makes of a word that plain_word_ends, at most MAX_NAME
 * bytes long. */
static void read_ascii_word(const unsigned char *s, size_t start, size_t end, struct word *w)
{
	uint32_t h = FNV_OFFSET;

	for (size_t i = start; i < end; i++) {
		unsigned char c = word_byte[s[i]];
		w->key[i - start] = (char)c;
		h = (h ^ c) * FNV_PRIME;
	}
	w->start = start;
	w->end = end;
	w->stop = end;
	w->possessive = false;
	w->keylen = end - start;
	w->hash = h;
}

/* scan_word, reading plain ASCII words the short way (padded). */
static bool read_word(const char *text, size_t len, size_t pos, struct word *w)
{
	const unsigned char *s = (const unsigned char *)text;
	struct run r = next_run(s, pos);

	if (r.start >= len || r.end - r.start > MAX_NAME || !plain_word_ends(s, len, r))
		return scan_word(text, len, pos, w);
	read_ascii_word(s, r.start, r.end, w);
	return true;
}

/* The length of the white space at text[i]: blanks, line ends, no-break
 * spaces.  0 if there is none. */
static size_t space_at(const char *text, size_t i, size_t len)
{
	if (i >= len)
		return 0;
	if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')
		return 1;
	if (len - i >= 2 && memcmp(text + i, "\xC2\xA0", 2) == 0)
		return 2;
	if (len - i >= 3 && memcmp(text + i, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

/* Does text[from, to) read as gap, where a space in gap stands for any
 * white space within a paragraph? */
static bool gap_matches(const char *text, size_t from, size_t to, const char *gap)
{
	size_t i = from;
	int newlines = 0;

	for (; *gap != '\0'; gap++) {
		if (*gap != ' ') {
			if (i >= to || text[i] != *gap)
				return false;
			i++;
			continue;
		}
		size_t n = space_at(text, i, to);
		if (n == 0)
			return false;
		for (; n > 0; n = space_at(text, i, to)) {
			if (text[i] == '\n' && ++newlines > 1)
				return false;
			i += n;
		}
	}
	return i == to;
}

/* ---- a small hash table of strings ------------------------------------ */

struct slot {
	char *key; /* NULL: free */
	size_t len;
	uint32_t hash;
	int value;
};

struct table {
	struct slot *slots;
	size_t mask; /* capacity - 1; the capacity is a power of two */
	size_t count;
};

static uint32_t hash_bytes(const char *s, size_t len)
{
	uint32_t h = FNV_OFFSET; /* FNV-1a, as words are hashed */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
	return h;
}

static const struct slot *table_find_hashed(const struct table *t, const char *key, size_t len,
					    uint32_t h)
{
	if (t->count == 0)
		return NULL;
	for (size_t i = h & t->mask;; i = (i + 1) & t->mask) {
		const struct slot *s = &t->slots[i];
		if (s->key == NULL)
			return NULL;
		if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
			return s;
	}
}

static const struct slot *table_find(const struct table *t, const char *key, size_t len)
{
	return table_find_hashed(t, key, len, hash_bytes(key, len));
}

static void table_insert(struct table *t, char *key, size_t len, uint32_t hash, int value)
{
	size_t i = hash & t->mask;

	while (t->slots[i].key != NULL)
		i = (i + 1) & t->mask;
	t->slots[i] = (struct slot){key, len, hash, value};
	t->count++;
}

/* Adds key (absent) with value; kept at most half full. */
static void table_add(struct table *t, const char *key, size_t len, int value)
{
	if (t->slots == NULL || (t->count + 1) * 2 > t->mask + 1) {
		struct table old = *t;
		size_t cap = t->slots == NULL ? 64 : (t->mask + 1) * 2;
		t->slots = xcalloc(cap, sizeof(*t->slots));
		t->mask = cap - 1;
		t->count = 0;
		for (size_t i = 0; old.slots != NULL && i <= old.mask; i++)
			if (old.slots[i].key != NULL)
				table_insert(t, old.slots[i].key, old.slots[i].len,
					     old.slots[i].hash, old.slots[i].value);
		free(old.slots);
	}
	table_insert(t, xstrndup(key, len), len, hash_bytes(key, len), value);
}

static void table_free(struct table *t)
{
	for (size_t i = 0; t->slots != NULL && i <= t->mask; i++)
		free(t->slots[i].key);
	free(t->slots);
}

/* ---- names and their patterns ----------------------------------------- */

enum name_type {
	NAME_ACTOR,  /* an actor's canonical name or alias */
	NAME_PERSON, /* a person's name or alias */
	NAME_NOT,    /* a phrase that is no mention at all */
};

enum {
	PWORD_EXACT = 1,      /* all capitals: "US" is never "us" */
	PWORD_CAPITAL = 2,    /* a one-word name: "Trump" is never "trump" */
	PWORD_POSSESSIVE = 4, /* "China's" in "China's commerce ministry" */
};

struct pword {
	char *key; /* folded */
	size_t keylen;
	uint32_t hash; /* of the key, as a word's */
	char *orig; /* as written, for PWORD_EXACT */
	size_t origlen;
	char *gap; /* what stands before it ("" for the first word) */
	unsigned flags;
};

struct name {
	enum name_type type;
	int actor;
	int person; /* NAME_PERSON: index into the actor's people */
	struct pword *words;
	size_t nwords;
};

/* The patterns that start with one word, longest first. */
struct group {
	size_t start, count;
	const char *key; /* the word's */
	size_t keylen;
	size_t longer; /* how many names have more words, first */
	uint64_t seconds; /* a bit per word_shape % 64 of their second words */
};

/* A first word made of ASCII letters and digits, by its shape. */
struct shape_slot {
	unsigned shape;
	int group; /* -1: free */
};

struct actors {
	struct actor *list;
	size_t n;
	struct name *names;
	size_t nnames, namescap;
	struct table by_name; /* normalised name -> index into names */
	/* The matcher, built once every file is read. */
	const struct name **order; /* by first word, longest first */
	struct group *groups;
	size_t ngroups;
	struct table by_first; /* first word's key -> index into groups */
	/* A bit per high half of a first word's hash: most words of a text
	 * are no first word, and this says so without the table. */
	uint64_t first_bits[(1 << 16) / 64];
	/* A bit per first three bytes of a first word's key (the third 0 when
	 * it has two), when all are ASCII word bytes: a word that starts
	 * otherwise is skipped unread. */
	uint64_t first_three[4096 / 64];
	/* A bit per shape (word_shape) of a first word made of ASCII
	 * letters and digits: most words of a text are plain ASCII, and are
	 * rejected with one probe.  Those that pass find their group in
	 * shape_slots, by shape, without a key or a hash. */
	uint64_t first_shapes[(1 << 16) / 64];
	struct shape_slot *shape_slots;
	size_t shape_mask;
	int *home;	       /* per actor: the actor its country is, or -1 */
};

/* The length of the white space at s[0] of a string, as space_at. */
static size_t blank_at(const unsigned char *s)
{
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	return s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF ? 3 : 0;
}

/* Writes s folded for lookups (ASCII lower case, apostrophes straight,
 * each run of white space one space, none at the ends) into out, which
 * has room for cap bytes; its length, or cap when it does not fit.  Read
 * up to its NUL, not measured first: quotes ask of every speaker. */
static size_t normalise_into(const char *s, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0;
	bool space = false;

	for (size_t i = 0; u[i] != '\0';) {
		unsigned char c = u[i];
		size_t w = c <= ' ' || c == 0xC2 || c == 0xE2 ? blank_at(u + i) : 0;
		if (w > 0) {
			space = n > 0;
			i += w;
			continue;
		}
		if (n + 2 > cap)
			return cap;
		if (space)
			out[n++] = ' ';
		space = false;
		if (c == '\'') {
			out[n++] = '\'';
			i++;
		} else if (c == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0x99) {
			out[n++] = '\'';
			i += 3;
		} else {
			out[n++] = (char)fold_ascii(c);
			i++;
		}
	}
	return n;
}

static void normalise(const char *s, struct buf *out)
{
	size_t cap = strlen(s) + 2;

	buf_reset(out);
	buf_reserve(out, cap);
	out->len = normalise_into(s, out->data, cap);
	out->data[out->len] = '\0';
}

static bool all_capitals(const char *s, size_t len)
{
	int letters = 0;

	for (size_t i = 0; i < len; i++) {
		if (is_ascii_lower((unsigned char)s[i]))
			return false;
		letters += is_ascii_upper((unsigned char)s[i]);
	}
	return letters >= 2;
}

/* Cuts a name into the words of its pattern; false if it has none or too
 * many. */
static bool make_pattern(const char *s, struct name *nm)
{
	size_t len = strlen(s);
	struct word w;
	size_t pos = 0;
	size_t prev_stop = 0;

	nm->words = NULL;
	nm->nwords = 0;
	while (scan_word(s, len, pos, &w)) {
		if (nm->nwords == MAX_WORDS)
			return false;
		nm->words = xrealloc(nm->words, (nm->nwords + 1) * sizeof(*nm->words));
		struct pword *p = &nm->words[nm->nwords];
		p->key = xstrndup(w.key, w.keylen);
		p->keylen = w.keylen;
		p->hash = w.hash;
		p->orig = xstrndup(s + w.start, w.end - w.start);
		p->origlen = w.end - w.start;
		p->gap = nm->nwords == 0 ? xstrdup("") : xstrndup(s + prev_stop, w.start - prev_stop);
		p->flags = (all_capitals(p->orig, p->origlen) ? PWORD_EXACT : 0) |
			   (w.possessive ? PWORD_POSSESSIVE : 0);
		nm->nwords++;
		pos = prev_stop = w.stop;
	}
	if (nm->nwords == 1 && !(nm->words[0].flags & PWORD_EXACT) &&
	    is_ascii_upper((unsigned char)nm->words[0].orig[0]))
		nm->words[0].flags |= PWORD_CAPITAL;
	return nm->nwords > 0;
}

static void free_pattern(struct name *nm)
{
	for (size_t i = 0; i < nm->nwords; i++) {
		free(nm->words[i].key);
		free(nm->words[i].orig);
		free(nm->words[i].gap);
	}
	free(nm->words);
}

/* ---- the parser ------------------------------------------------------- */

struct parser {
	struct actors *a;
	const char *path;
	int line;
	char *error;
	int actor;	   /* the section's actor, or -1 before the first */
	int person;	   /* the last person line's person, or -1 */
	int section_line;  /* where the section began */
	bool new_actor;	   /* the section defines the actor */
	bool kind_given;
	struct buf norm;   /* scratch */
};

__attribute__((format(printf, 2, 3))) static bool parse_error(struct parser *p, const char *fmt,
								...)
{
	char msg[512];
	va_list ap;
	struct buf b;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	buf_init(&b);
	buf_puts(&b, p->path);
	if (p->line > 0) {
		char where[32];
		snprintf(where, sizeof(where), ":%d", p->line);
		buf_puts(&b, where);
	}
	buf_puts(&b, ": ");
	buf_puts(&b, msg);
	free(p->error);
	p->error = buf_steal(&b);
	return false;
}

/* The name (or "not" phrase) already known as s, or NULL. */
static const struct name *known_name(struct parser *p, const char *s)
{
	normalise(s, &p->norm);
	const struct slot *slot = table_find(&p->a->by_name, p->norm.data, p->norm.len);
	return slot != NULL ? &p->a->names[slot->value] : NULL;
}

/* Registers s as a name of the actor (and person).  *added tells whether
 * it is new: naming the same thing twice is no error. */
static bool add_name(struct parser *p, const char *s, enum name_type type, int person,
		     bool *added)
{
	struct actors *a = p->a;
	const struct name *old = known_name(p, s);

	*added = false;
	if (old != NULL) {
		if (old->type == type &&
		    (type == NAME_NOT || (old->actor == p->actor && old->person == person)))
			return true;
		return parse_error(p, _("'%s' is already a name of '%s'"), s,
				   a->list[old->actor].name);
	}
	struct name nm = {type, p->actor, person, NULL, 0};
	if (!make_pattern(s, &nm)) {
		bool none = nm.nwords == 0;
		free_pattern(&nm);
		return none ? parse_error(p, _("'%s' has no words"), s)
			    : parse_error(p, _("'%s' has more than %d words"), s, MAX_WORDS);
	}
	if (a->names == NULL || a->nnames == a->namescap) {
		a->namescap = a->namescap ? a->namescap * 2 : 256;
		a->names = xrealloc(a->names, a->namescap * sizeof(*a->names));
	}
	a->names[a->nnames] = nm;
	table_add(&a->by_name, p->norm.data, p->norm.len, (int)a->nnames);
	a->nnames++;
	*added = true;
	return true;
}

static void push_string(char ***list, size_t *n, const char *s)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = xstrdup(s);
}

/* A section ends: a new actor must have said what kind it is. */
static bool end_section(struct parser *p)
{
	if (p->actor < 0 || !p->new_actor || p->kind_given)
		return true;
	p->line = p->section_line;
	return parse_error(p, _("actor '%s' has no kind"), p->a->list[p->actor].name);
}

static bool begin_section(struct parser *p, const char *name)
{
	struct actors *a = p->a;

	if (!end_section(p))
		return false;
	p->section_line = p->line;
	p->person = -1;
	p->kind_given = false;
	const struct name *old = known_name(p, name);
	if (old != NULL && old->type == NAME_ACTOR) {
		p->actor = old->actor; /* extends it */
		p->new_actor = false;
		return true;
	}
	if (old != NULL)
		return parse_error(p, _("'%s' is already a name of '%s'"), name,
				   a->list[old->actor].name);
	a->list = xrealloc(a->list, (a->n + 1) * sizeof(*a->list));
	a->list[a->n] = (struct actor){xstrdup(name), ACTOR_ORGANISATION, NULL, NULL, 0, NULL, 0};
	p->actor = (int)a->n++;
	p->new_actor = true;
	bool added;
	return add_name(p, name, NAME_ACTOR, -1, &added);
}

static bool parse_kind(const char *s, enum actor_kind *kind)
{
	static const struct {
		const char *word;
		enum actor_kind kind;
	} kinds[] = {
	    {"country", ACTOR_COUNTRY},		  {"agency", ACTOR_AGENCY},
	    {"ministry", ACTOR_AGENCY},		  {"organisation", ACTOR_ORGANISATION},
	    {"organization", ACTOR_ORGANISATION}, {"person", ACTOR_PERSON},
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(s, kinds[i].word) == 0) {
			*kind = kinds[i].kind;
			return true;
		}
	}
	return false;
}

/* "person = NAME | ROLE": the person, new or known, becomes the one that
 * "aka" lines add to. */
static bool set_person(struct parser *p, char *value)
{
	struct actor *act = &p->a->list[p->actor];
	char *bar = strchr(value, '|');
	char *role = NULL;

	if (bar != NULL) {
		role = bar + 1;
		while (bar > value && (bar[-1] == ' ' || bar[-1] == '\t'))
			bar--;
		*bar = '\0';
		while (*role == ' ' || *role == '\t')
			role++;
	}
	if (*value == '\0')
		return parse_error(p, _("empty person name"));
	if (strlen(value) >= MAX_NAME)
		return parse_error(p, _("name longer than %d bytes"), MAX_NAME - 1);
	const struct name *old = known_name(p, value);
	int person = old != NULL && old->type == NAME_PERSON && old->actor == p->actor
			 ? old->person
			 : (int)act->npeople;
	bool added;
	if (!add_name(p, value, NAME_PERSON, person, &added))
		return false;
	if (added) {
		act->people = xrealloc(act->people, (act->npeople + 1) * sizeof(*act->people));
		act->people[act->npeople++] = (struct person){xstrdup(value), NULL, NULL, 0};
	}
	if (role != NULL && *role != '\0') {
		free(act->people[person].role);
		act->people[person].role = xstrdup(role);
	}
	p->person = person;
	return true;
}

static bool apply(struct parser *p, const char *key, char *value)
{
	struct actor *act = &p->a->list[p->actor];
	bool added;

	/* "aka" lines name the person of the lines just before them. */
	if (strcmp(key, "aka") != 0 && strcmp(key, "person") != 0)
		p->person = -1;
	if (strcmp(key, "kind") == 0) {
		if (!parse_kind(value, &act->kind))
			return parse_error(
			    p, _("unknown kind '%s' (country, agency, organisation or person)"),
			    value);
		p->kind_given = true;
	} else if (strcmp(key, "country") == 0) {
		free(act->country);
		act->country = xstrdup(value);
	} else if (strcmp(key, "alias") == 0) {
		if (!add_name(p, value, NAME_ACTOR, -1, &added))
			return false;
		if (added)
			push_string(&act->aliases, &act->naliases, value);
	} else if (strcmp(key, "person") == 0) {
		return set_person(p, value);
	} else if (strcmp(key, "aka") == 0) {
		if (p->person < 0)
			return parse_error(p, _("'aka' without a person before it"));
		if (!add_name(p, value, NAME_PERSON, p->person, &added))
			return false;
		struct person *who = &act->people[p->person];
		if (added)
			push_string(&who->aliases, &who->naliases, value);
	} else if (strcmp(key, "not") == 0) {
		return add_name(p, value, NAME_NOT, -1, &added);
	} else {
		return parse_error(p, _("unknown key '%s' (see actors.conf(5))"), key);
	}
	return true;
}

/* Copies s[0, len) with white space runs folded to one space, trimmed. */
static char *fold_space(const char *s, size_t len)
{
	struct buf b;
	bool space = false;

	buf_init(&b);
	buf_reserve(&b, len);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, s[i]);
	}
	return buf_steal(&b);
}

/* Drops a comment: '#' at the start or after white space. */
static size_t strip_comment(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t'))
			return i;
	return len;
}

static bool parse_section(struct parser *p, const char *s, size_t len)
{
	const char *close = memchr(s, ']', len);

	if (close == NULL)
		return parse_error(p, _("missing ']'"));
	for (const char *t = close + 1; t < s + len; t++)
		if (*t != ' ' && *t != '\t')
			return parse_error(p, _("text after ']'"));
	char *name = fold_space(s + 1, (size_t)(close - s - 1));
	bool ok;
	if (*name == '\0')
		ok = parse_error(p, _("empty actor name"));
	else if (strlen(name) >= MAX_NAME)
		ok = parse_error(p, _("name longer than %d bytes"), MAX_NAME - 1);
	else
		ok = begin_section(p, name);
	free(name);
	return ok;
}

static bool parse_setting(struct parser *p, const char *s, size_t len)
{
	const char *eq = memchr(s, '=', len);

	if (eq == NULL)
		return parse_error(p, _("expected 'key = value' or '[actor]'"));
	char *key = fold_space(s, (size_t)(eq - s));
	char *value = fold_space(eq + 1, (size_t)(s + len - eq - 1));
	bool ok;
	if (*key == '\0')
		ok = parse_error(p, _("missing key before '='"));
	else if (p->actor < 0)
		ok = parse_error(p, _("'%s' before the first [actor]"), key);
	else if (*value == '\0')
		ok = parse_error(p, _("empty value for '%s'"), key);
	else if (strlen(value) >= MAX_NAME && strcmp(key, "person") != 0)
		ok = parse_error(p, _("name longer than %d bytes"), MAX_NAME - 1);
	else
		ok = apply(p, key, value);
	free(key);
	free(value);
	return ok;
}

/* Refuses what no config file holds: control characters, broken UTF-8. */
static bool check_line(struct parser *p, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= MAX_LINE)
		return parse_error(p, _("line longer than %d bytes"), MAX_LINE - 1);
	for (size_t i = 0; i < len;) {
		if ((u[i] < 0x20 && u[i] != '\t') || u[i] == 0x7f)
			return parse_error(p, _("control character 0x%02x"), u[i]);
		size_t n = utf8_len(u, i, len);
		if (n == 0)
			return parse_error(p, _("invalid UTF-8"));
		i += n;
	}
	return true;
}

static bool parse_line(struct parser *p, const char *s, size_t len)
{
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (!check_line(p, s, len))
		return false;
	len = strip_comment(s, len);
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return true;
	if (*s == '[')
		return parse_section(p, s, len);
	return parse_setting(p, s, len);
}

static bool parse_into(struct actors *a, const char *path, const char *text, size_t len,
		       char **error)
{
	struct parser p = {a, path, 0, NULL, -1, -1, 0, false, false, {NULL, 0, 0}};
	bool ok = true;

	if (len > MAX_FILE_SIZE) {
		ok = parse_error(&p, _("file larger than %zu KiB"), MAX_FILE_SIZE >> 10);
	} else {
		size_t pos = 0;
		if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
			pos = 3; /* a byte order mark */
		while (ok && pos < len) {
			const char *nl = memchr(text + pos, '\n', len - pos);
			size_t end = nl != NULL ? (size_t)(nl - text) : len;
			p.line++;
			ok = parse_line(&p, text + pos, end - pos);
			pos = end + 1;
		}
		if (ok)
			ok = end_section(&p);
	}
	buf_free(&p.norm);
	if (!ok)
		*error = p.error;
	return ok;
}

/* ---- the table -------------------------------------------------------- */

static struct actors *actors_new(void)
{
	return xcalloc(1, sizeof(struct actors));
}

/* Orders names by first word, then longest first, then as defined. */
static int by_first_word(const void *x, const void *y)
{
	const struct name *a = *(const struct name *const *)x;
	const struct name *b = *(const struct name *const *)y;
	const struct pword *fa = &a->words[0], *fb = &b->words[0];
	size_t n = fa->keylen < fb->keylen ? fa->keylen : fb->keylen;
	int c = memcmp(fa->key, fb->key, n);

	if (c != 0)
		return c;
	if (fa->keylen != fb->keylen)
		return fa->keylen < fb->keylen ? -1 : 1;
	if (a->nwords != b->nwords)
		return a->nwords > b->nwords ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* The bit of a word's first three key bytes in first_three. */
static unsigned three_bytes(char c0, char c1, char c2)
{
	unsigned h = ((unsigned char)c0 * 31u + (unsigned char)c1) * 31u + (unsigned char)c2;
	return (h ^ (h >> 12)) % 4096;
}

/* The shape of a word of ASCII letters and digits s[0, len), or of such
 * a key: its first and last bytes and its length, hashed to 16 bits.
 * Setting bit 5 folds letters and leaves digits as they are. */
static unsigned word_shape(const unsigned char *s, size_t len)
{
	uint32_t x = (uint32_t)s[0] | (uint32_t)s[len - 1] << 8 | (uint32_t)len << 16;

	return ((x | 0x2020u) * 0x9E3779B1u) >> 16; /* Fibonacci hashing */
}

/* Is key all ASCII letters and digits, so that plain words may match it? */
static bool is_plain_key(const char *key, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!ascii_alnum[(unsigned char)key[i]])
			return false;
	return true;
}

/* Indexes the groups whose first word is plain by shape. */
static void index_shapes(struct actors *a)
{
	size_t cap = 64;

	while (cap < 4 * a->ngroups)
		cap *= 2;
	a->shape_slots = xcalloc(cap, sizeof(*a->shape_slots));
	a->shape_mask = cap - 1;
	for (size_t i = 0; i < cap; i++)
		a->shape_slots[i].group = -1;
	for (size_t g = 0; g < a->ngroups; g++) {
		const struct group *grp = &a->groups[g];
		if (!is_plain_key(grp->key, grp->keylen))
			continue;
		unsigned b = word_shape((const unsigned char *)grp->key, grp->keylen);
		a->first_shapes[b / 64] |= (uint64_t)1 << (b % 64);
		size_t i = b & a->shape_mask;
		while (a->shape_slots[i].group >= 0)
			i = (i + 1) & a->shape_mask;
		a->shape_slots[i] = (struct shape_slot){b, (int)g};
	}
}

/* Does a two-letter word end at byte c for certain: a blank or ASCII
 * punctuation other than the apostrophe and the full stop, which a word
 * ("U.S.", "don't") may go on through? */
static bool is_blank_or_punct(unsigned char c)
{
	return c < 0x80 && c != '\'' && c != '.' && word_byte[c] == 0;
}

/* Adds nm, the next in order, to the names of g. */
static void add_to_group(struct group *g, const struct name *nm)
{
	g->count++;
	if (nm->nwords > 1) {
		g->longer++;
		const struct pword *p = &nm->words[1];
		if (is_plain_key(p->key, p->keylen))
			g->seconds |= (uint64_t)1 << (word_shape((const unsigned char *)p->key,
								 p->keylen) % 64);
	}
}

static void build_matcher(struct actors *a)
{
	a->order = xcalloc(a->nnames, sizeof(const struct name *));
	for (size_t i = 0; i < a->nnames; i++)
		a->order[i] = &a->names[i];
	qsort(a->order, a->nnames, sizeof(const struct name *), by_first_word);

	a->groups = xcalloc(a->nnames, sizeof(*a->groups));
	for (size_t i = 0; i < a->nnames; i++) {
		const struct pword *w = &a->order[i]->words[0];
		const struct slot *s = table_find(&a->by_first, w->key, w->keylen);
		if (s != NULL) {
			add_to_group(&a->groups[s->value], a->order[i]);
			continue;
		}
		uint32_t h = hash_bytes(w->key, w->keylen) >> 16;
		a->first_bits[h / 64] |= (uint64_t)1 << (h % 64);
		if (w->keylen >= 2 && (unsigned char)w->key[0] < 128 &&
		    (unsigned char)w->key[1] < 128 &&
		    (w->keylen == 2 || (unsigned char)w->key[2] < 128)) {
			unsigned t = three_bytes(w->key[0], w->key[1],
						 w->keylen == 2 ? 0 : w->key[2]);
			a->first_three[t / 64] |= (uint64_t)1 << (t % 64);
		}
		a->groups[a->ngroups] = (struct group){i, 0, w->key, w->keylen, 0, 0};
		add_to_group(&a->groups[a->ngroups], a->order[i]);
		table_add(&a->by_first, w->key, w->keylen, (int)a->ngroups++);
	}
	index_shapes(a);

	/* "China's Ministry of Commerce": MOFCOM's country is China. */
	a->home = xcalloc(a->n, sizeof(*a->home));
	for (size_t i = 0; i < a->n; i++) {
		const char *country = a->list[i].country;
		int home = country != NULL ? actors_lookup(a, country) : -1;
		a->home[i] = home == (int)i ? -1 : home;
	}
}

struct actors *actors_parse(const char *path, const char *text, size_t len, char **error)
{
	struct actors *a = actors_new();

	if (!parse_into(a, path, text, len, error)) {
		actors_free(a);
		return NULL;
	}
	build_matcher(a);
	return a;
}

/* Reads a whole file of at most MAX_FILE_SIZE bytes (one more tells that
 * it is larger).  NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	char *data = xmalloc(MAX_FILE_SIZE + 2);
	errno = 0;
	*len = fread(data, 1, MAX_FILE_SIZE + 1, f);
	int err = ferror(f) ? (errno != 0 ? errno : EIO) : 0;
	fclose(f);
	if (err != 0) {
		free(data);
		errno = err;
		return NULL;
	}
	data[*len] = '\0';
	return data;
}

struct actors *actors_load(const char *const *paths, char **error)
{
	struct actors *a = actors_new();

	for (size_t i = 0; paths != NULL && paths[i] != NULL; i++) {
		size_t len;
		char *text = read_file(paths[i], &len);
		if (text == NULL && errno == ENOENT)
			continue;
		if (text == NULL) {
			struct buf b;
			buf_init(&b);
			buf_puts(&b, paths[i]);
			buf_puts(&b, ": ");
			buf_puts(&b, strerror(errno));
			*error = buf_steal(&b);
			actors_free(a);
			return NULL;
		}
		bool ok = parse_into(a, paths[i], text, len, error);
		free(text);
		if (!ok) {
			actors_free(a);
			return NULL;
		}
	}
	build_matcher(a);
	return a;
}

static void free_strings(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

void actors_free(struct actors *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->n; i++) {
		struct actor *act = &a->list[i];
		free(act->name);
		free(act->country);
		free_strings(act->aliases, act->naliases);
		for (size_t k = 0; k < act->npeople; k++) {
			free(act->people[k].name);
			free(act->people[k].role);
			free_strings(act->people[k].aliases, act->people[k].naliases);
		}
		free(act->people);
	}
	free(a->list);
	for (size_t i = 0; i < a->nnames; i++)
		free_pattern(&a->names[i]);
	free(a->names);
	table_free(&a->by_name);
	free(a->order);
	free(a->groups);
	free(a->shape_slots);
	table_free(&a->by_first);
	free(a->home);
	free(a);
}

size_t actors_count(const struct actors *a)
{
	return a->n;
}

const struct actor *actors_get(const struct actors *a, int index)
{
	return index >= 0 && (size_t)index < a->n ? &a->list[index] : NULL;
}

/* Called for every speaker a quote names: folded on the stack, as no
 * name longer than MAX_NAME is known. */
static const struct name *find_name(const struct actors *a, const char *s)
{
	char key[MAX_NAME + 2];
	size_t n = normalise_into(s, key, sizeof(key));
	const struct slot *slot = NULL;

	if (n == 0 || n >= sizeof(key))
		return NULL;
	slot = table_find(&a->by_name, key, n);
	if (slot == NULL && n > 4 && memcmp(key, "the ", 4) == 0)
		slot = table_find(&a->by_name, key + 4, n - 4);
	return slot != NULL ? &a->names[slot->value] : NULL;
}

int actors_lookup(const struct actors *a, const char *name)
{
	const struct name *nm = find_name(a, name);

	return nm != NULL && nm->type == NAME_ACTOR ? nm->actor : -1;
}

int actors_person(const struct actors *a, const char *name, const struct person **person)
{
	const struct name *nm = find_name(a, name);

	if (nm == NULL || nm->type != NAME_PERSON)
		return -1;
	if (person != NULL)
		*person = &a->list[nm->actor].people[nm->person];
	return nm->actor;
}

/* ---- finding mentions ------------------------------------------------- */

/* The words after a candidate, scanned once however many patterns try
 * them. */
struct lookahead {
	const char *text;
	size_t len;
	struct word words[MAX_WORDS];
	size_t n;
	bool ended;
};

static const struct word *ahead(struct lookahead *la, const struct word *first, size_t k)
{
	while (la->n < k && !la->ended) {
		size_t from = la->n == 0 ? first->stop : la->words[la->n - 1].stop;
		if (read_word(la->text, la->len, from, &la->words[la->n]))
			la->n++;
		else
			la->ended = true;
	}
	return k <= la->n ? &la->words[k - 1] : NULL;
}

/* Does w read as p, its key being p's key? */
static bool case_fits(const struct pword *p, const char *text, const struct word *w, bool last)
{
	if ((p->flags & PWORD_EXACT) &&
	    (w->end - w->start != p->origlen || memcmp(text + w->start, p->orig, p->origlen) != 0))
		return false;
	if ((p->flags & PWORD_CAPITAL) && !is_ascii_upper((unsigned char)text[w->start]))
		return false;
	/* Inside a name a possessive must be where the name has it. */
	return last || w->possessive == ((p->flags & PWORD_POSSESSIVE) != 0);
}

/* Is w's key p's? */
static bool same_key(const struct word *w, const struct pword *p)
{
	return w->hash == p->hash && w->keylen == p->keylen &&
	       memcmp(w->key, p->key, p->keylen) == 0;
}

/* Does nm match from the word first on?  *last gets its last word.  The
 * words after the first are tried first: in a group most names differ
 * there. */
static bool name_matches(const struct name *nm, struct lookahead *la, const struct word *first,
			 const struct word **last)
{
	const struct word *prev = first;

	for (size_t k = 1; k < nm->nwords; k++) {
		const struct pword *p = &nm->words[k];
		const struct word *w = ahead(la, first, k);
		if (w == NULL || !same_key(w, p) ||
		    !gap_matches(la->text, prev->stop, w->start, p->gap) ||
		    !case_fits(p, la->text, w, k + 1 == nm->nwords))
			return false;
		prev = w;
	}
	/* The first word's key is the group's. */
	if (!case_fits(&nm->words[0], la->text, first, nm->nwords == 1))
		return false;
	*last = prev;
	return true;
}

/* The mentions found so far, and what the rules about the last one need. */
struct finder {
	const struct actors *a;
	const char *text;
	struct mention *list; /* local until it is full */
	size_t n, cap;
	struct mention local[32];
	bool last_valid; /* the last match was a mention, not a "not" */
	bool last_person;
	bool last_possessive;
	size_t last_stop;
};

static bool only_space(const char *text, size_t from, size_t to)
{
	return from < to && gap_matches(text, from, to, " ");
}

static void append(struct finder *f, int actor, struct span where)
{
	if (f->n == f->cap) {
		f->cap *= 2;
		if (f->list == f->local) {
			f->list = xmalloc(f->cap * sizeof(*f->list));
			memcpy(f->list, f->local, sizeof(f->local));
		} else {
			f->list = xrealloc(f->list, f->cap * sizeof(*f->list));
		}
	}
	f->list[f->n++] = (struct mention){actor, where};
}

/* Records a match.  A country right before one of its own agencies makes
 * one mention of the agency ("China's Ministry of Commerce"); a
 * possessive country before another country's agency makes it not that
 * agency at all ("India's Ministry of Commerce" is not MOFCOM). */
static void found(struct finder *f, const struct name *nm, size_t start, const struct word *last)
{
	const struct actors *a = f->a;
	struct span where = {start, last->end};
	bool agency = nm->type == NAME_ACTOR && a->list[nm->actor].kind != ACTOR_COUNTRY;

	if (nm->type == NAME_NOT) {
		f->last_valid = false;
		return;
	}
	if (agency && f->last_valid && !f->last_person && a->home[nm->actor] >= 0 &&
	    only_space(f->text, f->last_stop, start)) {
		struct mention *prev = &f->list[f->n - 1];
		if (prev->actor == a->home[nm->actor]) {
			prev->actor = nm->actor;
			prev->where.end = where.end;
			f->last_stop = last->stop;
			f->last_possessive = last->possessive;
			return;
		}
		if (f->last_possessive && a->list[prev->actor].kind == ACTOR_COUNTRY) {
			f->last_valid = false;
			return;
		}
	}
	append(f, nm->actor, where);
	f->last_valid = true;
	f->last_person = nm->type == NAME_PERSON;
	f->last_possessive = last->possessive;
	f->last_stop = last->stop;
}

/* Does the word at pos, one that does not end with its run of ASCII
 * letters, start with two letters no name starts with?  Then the run is
 * skipped, and the scan goes on after it ("abc'def" gives "def"); a word
 * the pair cannot judge (one letter, an apostrophe or a dot second, bytes
 * beyond ASCII) is read in full. */
static bool prefix_unknown(const struct actors *a, const unsigned char *u, size_t len, size_t pos)
{
	if (pos + 3 >= len)
		return false;
	unsigned char c0 = word_byte[u[pos]], c1 = word_byte[u[pos + 1]];
	unsigned char c2 = word_byte[u[pos + 2]];
	unsigned t = three_bytes((char)c0, (char)c1, (char)c2);
	return c0 != 0 && c0 < 0x80 && c1 != 0 && c1 < 0x80 && c2 < 0x80 &&
	       (c2 != 0 || is_blank_or_punct(u[pos + 2])) &&
	       !(a->first_three[t / 64] & ((uint64_t)1 << (t % 64)));
}

/* The group of the plain ASCII word s[0, len), or -1. */
static int plain_group(const struct actors *a, const unsigned char *s, size_t len)
{
	unsigned b = word_shape(s, len);

	if (!(a->first_shapes[b / 64] >> (b % 64) & 1))
		return -1;
	size_t mask = a->shape_mask;
	for (size_t i = b & mask; a->shape_slots[i].group >= 0; i = (i + 1) & mask) {
		const struct shape_slot *slot = &a->shape_slots[i];
		const struct group *g = &a->groups[slot->group];
		if (slot->shape != b || g->keylen != len)
			continue;
		size_t k = 0;
		while (k < len && (s[k] | 0x20) == (unsigned char)g->key[k])
			k++;
		if (k == len)
			return slot->group;
	}
	return -1;
}

/* The group of the word scan_word read into w, or -1. */
static int scanned_group(const struct actors *a, const struct word *w)
{
	uint32_t h = w->hash >> 16;

	if (w->keylen > MAX_NAME || !(a->first_bits[h / 64] & ((uint64_t)1 << (h % 64))))
		return -1;
	const struct slot *s = table_find_hashed(&a->by_first, w->key, w->keylen, w->hash);
	return s != NULL ? s->value : -1;
}

/* Finds the next word at or after pos that begins a group's names, as
 * scan_word would find words, and returns its group, or -1 at the end of
 * the text (padded).  A plain word gets no key in *w. */
static int next_candidate(const struct actors *a, const char *text, size_t len, size_t pos,
			  struct word *w)
{
	const unsigned char *u = (const unsigned char *)text;

	for (;;) {
		struct run r = next_run(u, pos);
		if (r.start >= len)
			return -1;
		pos = r.end;
		size_t n = r.end - r.start;
		int g;
		if (plain_word_ends(u, len, r)) {
			/* Most words: plain ASCII, and no first word. */
			g = plain_group(a, u + r.start, n);
			if (g < 0)
				continue;
			*w = (struct word){
			    .start = r.start, .end = r.end, .stop = r.end, .keylen = n};
			return g;
		}
		if (n == 0) { /* a byte beyond ASCII */
			if (word_char(text, r.start, len) == 0) {
				pos++;
				continue;
			}
		} else if (prefix_unknown(a, u, len, r.start)) {
			continue;
		}
		if (!scan_word(text, len, r.start, w))
			return -1;
		pos = w->stop;
		g = scanned_group(a, w);
		if (g >= 0)
			return g;
	}
}

/* May the word after pos be the second of one of g's longer names?  A
 * plain word answers by its shape, before it is read (padded). */
static bool second_may_fit(const struct group *g, const char *text, size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *)text;
	struct run r = next_run(u, pos);

	if (r.start >= len || !plain_word_ends(u, len, r))
		return true;
	return (g->seconds >> (word_shape(u + r.start, r.end - r.start) % 64) & 1) != 0;
}

void actors_find_mentions(const struct actors *a, const struct doc *d, struct mention **out,
			  size_t *n)
{
	struct finder f;
	struct lookahead la;
	struct word w;
	size_t pos = 0;

	if (d->text == NULL || a->ngroups == 0)
		return;
	char *text = xmalloc(d->len + PADDING);
	memcpy(text, d->text, d->len);
	memset(text + d->len, 0, PADDING);
	text[d->len + 1] = 'a';
	f = (struct finder){.a = a, .text = text, .cap = sizeof(f.local) / sizeof(f.local[0])};
	f.list = f.local;
	la.text = text;
	la.len = d->len;
	int group;
	while ((group = next_candidate(a, text, d->len, pos, &w)) >= 0) {
		const struct group *g = &a->groups[group];
		pos = w.stop;
		la.n = 0;
		la.ended = false;
		size_t i = 0;
		if (g->longer > 0 && !second_may_fit(g, text, d->len, w.stop))
			i = g->longer;
		for (; i < g->count; i++) {
			const struct name *nm = a->order[g->start + i];
			const struct word *last;
			if (name_matches(nm, &la, &w, &last)) {
				found(&f, nm, w.start, last);
				pos = last->stop;
				break;
			}
		}
	}
	if (f.n > 0) {
		*out = xrealloc(*out, (*n + f.n) * sizeof(**out));
		memcpy(*out + *n, f.list, f.n * sizeof(*f.list));
		*n += f.n;
	}
	if (f.list != f.local)
		free(f.list);
	free(text);
}
