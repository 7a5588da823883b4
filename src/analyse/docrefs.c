#include "config.h"

#include "analyse/docrefs.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "analyse/scan.h"
#include "common/util.h"

/* Documents that are cited by kind and number. */
static const char *const numbered_kinds[] = {
    "Announcement", "Notice", "Order", "Proclamation", "Decree", "Circular", "Decision",
    "Directive", "Regulation", "Memorandum", NULL,
};

/* Last words of a named act or rule: "... Act", "... Law", "... Rule". */
static const char *const act_endings[] = {"Act", "Law", "Rule", "Regulations", NULL};

/* Capitalised words that start sentences rather than names. */
static const char *const name_stoppers[] = {
    "The", "This", "That", "These", "A", "An", "Under", "In", "On", "By", "And", "For", "With",
    "From", "To", "Its", "Their", "Since", "After", "Before", "As", "Both", NULL,
};

/* Small words allowed inside a name: "CHIPS and Science Act". */
static const char *const name_joiners[] = {"and", "of", "the", "for", "on", "to", NULL};

struct cursor {
	const char *text;
	size_t len;
	size_t pos;
};

static bool is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ASCII letters and digits, by table: the main loop asks of every byte. */
static bool alnum_table[256];
static pthread_once_t alnum_once = PTHREAD_ONCE_INIT;

/* The capitals that start a numbered kind or an act's last word: a
 * capitalised word starting otherwise is neither, unlooked-up. */
static uint32_t numbered_initials, ending_initials;

static uint32_t initials_of(const char *const *list)
{
	uint32_t mask = 0;
	for (; *list != NULL; list++)
		mask |= 1u << ((*list)[0] - 'A');
	return mask;
}

static void fill_alnum_table(void)
{
	for (int c = 0; c < 256; c++)
		alnum_table[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
				 (c >= '0' && c <= '9');
	numbered_initials = initials_of(numbered_kinds);
	ending_initials = initials_of(act_endings);
}

static bool is_alnum(char c)
{
	return alnum_table[(unsigned char)c];
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

#ifdef __SSE2__
/* The first capital or digit at or after i, or len: sixteen bytes at a
 * time (SSE2, in every x86-64), as most bytes of a text are neither.
 * Bytes from 0x80 compare as negative and never count. */
static size_t next_capital_or_digit(const char *t, size_t i, size_t len)
{
	const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1),
		      before_0 = _mm_set1_epi8('0' - 1), after_9 = _mm_set1_epi8('9' + 1);
	while (i + 16 <= len) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i capital =
		    _mm_and_si128(_mm_cmpgt_epi8(x, before_a), _mm_cmplt_epi8(x, after_z));
		__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, before_0), _mm_cmplt_epi8(x, after_9));
		unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(capital, digit));
		if (mask != 0)
			return i + (size_t)__builtin_ctz(mask);
		i += 16;
	}
	while (i < len && !is_upper(t[i]) && !is_digit(t[i]))
		i++;
	return i;
}

/* The end of the run of ASCII letters and digits at t[i]: sixteen bytes
 * at a time while there are sixteen, so that the end of a word costs no
 * mispredicted branch. */
static size_t alnum_end(const char *t, size_t i, size_t len)
{
	while (i + 16 <= len) {
		unsigned other = not_alnum16(t + i);
		if (other != 0)
			return i + (size_t)__builtin_ctz(other);
		i += 16;
	}
	while (i < len && is_alnum(t[i]))
		i++;
	return i;
}
#else
/* Bytes m < b < n among the eight of x, as their high bits (the
 * classic SWAR range test; bytes from 0x80 never count). */
static uint64_t bytes_between(uint64_t x, unsigned m, unsigned n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t x7 = x & (ones * 127);
	return (ones * (127 + n) - x7) & ~x & (x7 + ones * (127 - m)) & high;
}

/* The first capital or digit at or after i, or len: eight bytes at a
 * time, as most bytes of a text are neither. */
static size_t next_capital_or_digit(const char *t, size_t i, size_t len)
{
	while (i + 8 <= len) {
		uint64_t x;
		memcpy(&x, t + i, 8);
		if (bytes_between(x, 'A' - 1, 'Z' + 1) | bytes_between(x, '0' - 1, '9' + 1))
			break;
		i += 8;
	}
	while (i < len && !is_upper(t[i]) && !is_digit(t[i]))
		i++;
	return i;
}

static size_t alnum_end(const char *t, size_t i, size_t len)
{
	while (i < len && is_alnum(t[i]))
		i++;
	return i;
}
#endif

static bool word_is(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if ((*list)[0] == w[0] && strncmp(*list, w, n) == 0 && (*list)[n] == '\0')
			return true;
	return false;
}

/* Skips spaces; returns false at the end of the text. */
static bool skip_spaces(struct cursor *c)
{
	while (c->pos < c->len && c->text[c->pos] == ' ')
		c->pos++;
	return c->pos < c->len;
}

/* Reads a run of letters (and internal hyphens) at the cursor. */
static size_t word_at(const struct cursor *c, size_t pos)
{
	size_t i = pos;
	while (i < c->len && (is_alpha(c->text[i]) || (c->text[i] == '-' && i > pos)))
		i++;
	return i - pos;
}

/* Reads up to max digits; returns how many. */
static size_t digits_at(const struct cursor *c, size_t pos, size_t max)
{
	size_t i = pos;
	while (i < c->len && i - pos < max && is_digit(c->text[i]))
		i++;
	return i < c->len && is_digit(c->text[i]) ? 0 : i - pos;
}

/* Refs are found about in text order (a name reaches a few words back from
 * the word that finds it), so a repeat can only be among the last few: look
 * back at eight, and grow the array geometrically, so a long document with
 * many references stays linear. */
static void add_ref(struct docref **out, size_t *n, const char *name, size_t start, size_t end)
{
	for (size_t i = *n; i > 0 && i + 8 > *n; i--)
		if ((*out)[i - 1].where.start == start)
			return;
	/* capacity: 4, then doubled whenever n reaches a power of two */
	if (*n == 0 || (*n >= 4 && (*n & (*n - 1)) == 0))
		*out = xrealloc(*out, (*n == 0 ? 4 : *n * 2) * sizeof(**out));
	(*out)[*n].name = xstrdup(name);
	(*out)[*n].where.start = start;
	(*out)[*n].where.end = end;
	(*n)++;
}

/* "Announcement No. 62 of 2025", "Executive Order 14257", "Order No. 5":
 * a kind at kind_start (word of kind_len), then a number. */
static bool numbered(const struct cursor *c, size_t kind_start, size_t kind_len,
		     struct docref **out, size_t *n)
{
	struct cursor k = *c;
	k.pos = kind_start + kind_len;
	if (!skip_spaces(&k))
		return false;
	if (k.len - k.pos >= 3 && (memcmp(k.text + k.pos, "No.", 3) == 0 ||
				   memcmp(k.text + k.pos, "No ", 3) == 0)) {
		k.pos += 3;
		if (!skip_spaces(&k))
			return false;
	}
	size_t nd = digits_at(&k, k.pos, 6);
	if (nd == 0)
		return false;
	char number[8];
	memcpy(number, k.text + k.pos, nd);
	number[nd] = '\0';
	k.pos += nd;

	/* An "Executive" before "Order" belongs to the name. */
	size_t start = kind_start;
	const char *prefix = "";
	if (kind_start >= 10 && memcmp(c->text + kind_start - 10, "Executive ", 10) == 0) {
		start = kind_start - 10;
		prefix = "Executive ";
	}
	char name[96];
	size_t end = k.pos; /* the year, if any, follows here */
	size_t yp = end;
	if (yp + 4 < k.len && memcmp(k.text + yp, " of ", 4) == 0 &&
	    digits_at(&k, yp + 4, 4) == 4) {
		end = yp + 8;
		snprintf(name, sizeof(name), "%s%.*s No. %s of %.4s", prefix, (int)kind_len,
			 c->text + kind_start, number, k.text + yp + 4);
	} else if (*prefix != '\0' || strncmp(c->text + kind_start, "Proclamation", 12) == 0) {
		snprintf(name, sizeof(name), "%s%.*s %s", prefix, (int)kind_len,
			 c->text + kind_start, number);
	} else {
		snprintf(name, sizeof(name), "%.*s No. %s", (int)kind_len, c->text + kind_start,
			 number);
	}
	add_ref(out, n, name, start, end);
	return true;
}

/* "90 FR 15041", "90 Fed. Reg. 15041": Federal Register citations. */
static bool federal_register(const struct cursor *c, size_t pos, struct docref **out, size_t *n)
{
	size_t vol = digits_at(c, pos, 3);
	if (vol == 0 || (pos > 0 && (is_alpha(c->text[pos - 1]) || is_digit(c->text[pos - 1]))))
		return false;
	size_t i = pos + vol;
	size_t tag;
	if (c->len - i >= 4 && memcmp(c->text + i, " FR ", 4) == 0)
		tag = 4;
	else if (c->len - i >= 11 && memcmp(c->text + i, " Fed. Reg. ", 11) == 0)
		tag = 11;
	else
		return false;
	size_t page = digits_at(c, i + tag, 6);
	if (page == 0)
		return false;
	char name[48];
	snprintf(name, sizeof(name), "%.*s FR %.*s", (int)vol, c->text + pos, (int)page,
		 c->text + i + tag);
	add_ref(out, n, name, pos, i + tag + page);
	return true;
}

/* Moves start past leading words such as "The" or "Under the". */
static size_t trim_stoppers(const struct cursor *c, size_t start, size_t end)
{
	for (;;) {
		size_t wl = word_at(c, start);
		const char *w = c->text + start;
		if (!word_is(w, wl, name_stoppers) && !word_is(w, wl, name_joiners))
			return start;
		if (start + wl + 1 >= end)
			return start;
		start += wl + 1;
	}
}

/* The start of the word that ends at end (letters and inner hyphens), no
 * further back than floor; end itself when there is none. */
static size_t word_before(const struct cursor *c, size_t end, size_t floor)
{
	size_t b = end;
	while (b > floor && (is_alpha(c->text[b - 1]) || c->text[b - 1] == '-'))
		b--;
	while (b < end && c->text[b] == '-')
		b++;
	return b;
}

/* "CHIPS and Science Act", "Export Control Law": at most eight capitalised
 * words (small joiners allowed inside) that end in Act, Law, Rule or
 * Regulations, read back from that last word, whose start and length are
 * given, to the first capital; no further back than floor. */
static size_t named_act(const struct cursor *c, size_t last, size_t last_len, size_t floor,
			struct docref **out, size_t *n)
{
	size_t start = last, pos = last;
	for (int words = 1; words < 8 && pos > floor + 1 && c->text[pos - 1] == ' '; words++) {
		size_t b = word_before(c, pos - 1, floor);
		if (b == pos - 1 || (b > 0 && is_digit(c->text[b - 1])))
			break; /* no word, or the tail of "5G" */
		bool capital = is_upper(c->text[b]);
		if (!capital && !word_is(c->text + b, pos - 1 - b, name_joiners))
			break;
		pos = b;
		if (capital)
			start = b;
	}
	size_t last_end = last + last_len;
	start = trim_stoppers(c, start, last_end);
	if (start >= last)
		return 0; /* "Act", "The Act" alone name nothing */
	/* The year is part of the name: "Trade Act of 1974". */
	if (c->len - last_end >= 8 && memcmp(c->text + last_end, " of ", 4) == 0 &&
	    digits_at(c, last_end + 4, 4) == 4)
		last_end += 8;
	char name[160];
	snprintf(name, sizeof(name), "%.*s", (int)(last_end - start), c->text + start);
	add_ref(out, n, name, start, last_end);
	return last_end;
}

/* Days and months: "an Agreement on Monday" names no agreement. */
static const char *const calendar_words[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", NULL,
};

/* "Agreement on Subsidies and Countervailing Measures": a named agreement,
 * "Agreement on" and at most eight capitalised words (small joiners
 * allowed inside), from "Agreement" at w.  Where it ends, or 0. */
static size_t agreement_on(const struct cursor *c, size_t w, size_t wl, struct docref **out,
			   size_t *n)
{
	size_t pos = w + wl, end = 0;
	if (c->len - pos < 5 || memcmp(c->text + pos, " on ", 4) != 0 || !is_upper(c->text[pos + 4]))
		return 0;
	pos += 4;
	if (word_is(c->text + pos, word_at(c, pos), calendar_words))
		return 0;
	for (int words = 0; words < 8; words++) {
		size_t l = word_at(c, pos);
		if (l == 0)
			break;
		bool capital = is_upper(c->text[pos]);
		if (!capital && !word_is(c->text + pos, l, name_joiners))
			break;
		if (capital)
			end = pos + l;
		pos += l;
		if (pos + 1 >= c->len || c->text[pos] != ' ')
			break;
		pos++;
	}
	if (end == 0)
		return 0;
	char name[160];
	snprintf(name, sizeof(name), "%.*s", (int)(end - w), c->text + w);
	add_ref(out, n, name, w, end);
	return end;
}

void docrefs_find(const struct doc *d, struct docref **out, size_t *n)
{
	struct cursor c = {d->text, d->len, 0};
	pthread_once(&alnum_once, fill_alnum_table);
	size_t named_until = 0;

	/* Word by word: names start with a capital, citations with a digit,
	 * and only where a word starts (not after a letter, digit or '-'). */
	for (size_t i = 0; i < d->len;) {
		i = next_capital_or_digit(d->text, i, d->len);
		if (i >= d->len)
			break;
		size_t w = i;
		char ch = d->text[w];
		i = alnum_end(d->text, i, d->len);
		if (w > 0 && (is_alnum(d->text[w - 1]) || d->text[w - 1] == '-'))
			continue; /* inside a word: "McDonagh", "F-35" */
		if (is_digit(ch)) {
			federal_register(&c, w, out, n);
			continue;
		}
		if (!is_upper(ch))
			continue;
		uint32_t initial = 1u << (ch - 'A');
		if (!((numbered_initials | ending_initials) & initial))
			continue; /* most capitals start names, not documents */
		size_t wl = word_at(&c, w);
		if (wl > 0 && (numbered_initials & initial) &&
		    word_is(d->text + w, wl, numbered_kinds) && numbered(&c, w, wl, out, n))
			continue;
		if (w < named_until || !(ending_initials & initial))
			continue;
		if (wl == 9 && memcmp(d->text + w, "Agreement", 9) == 0) {
			size_t end = agreement_on(&c, w, wl, out, n);
			if (end > 0)
				named_until = end;
		} else if (word_is(d->text + w, wl, act_endings)) {
			size_t end = named_act(&c, w, wl, named_until, out, n);
			if (end > 0)
				named_until = end;
		}
	}
	/* A named act starts before the word that found it: into text order,
	 * which the callers want. */
	for (size_t i = 1; i < *n; i++)
		for (size_t j = i; j > 0 && (*out)[j - 1].where.start > (*out)[j].where.start; j--) {
			struct docref tmp = (*out)[j];
			(*out)[j] = (*out)[j - 1];
			(*out)[j - 1] = tmp;
		}
}
