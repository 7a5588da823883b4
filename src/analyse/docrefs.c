#include "config.h"

#include "analyse/docrefs.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

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

static void add_ref(struct docref **out, size_t *n, const char *name, size_t start, size_t end)
{
	for (size_t i = 0; i < *n; i++)
		if ((*out)[i].where.start == start)
			return;
	*out = xrealloc(*out, (*n + 1) * sizeof(**out));
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

/* "CHIPS and Science Act", "Export Control Law": capitalised words ending
 * in Act, Law, Rule or Regulations, at most eight of them. */
static void named_act(const struct cursor *c, size_t start, struct docref **out, size_t *n)
{
	size_t pos = start, words = 0;
	while (pos < c->len && words < 8) {
		size_t wl = word_at(c, pos);
		if (wl == 0)
			return;
		const char *w = c->text + pos;
		bool capital = is_upper(*w);
		if (!capital && !word_is(w, wl, name_joiners))
			return;
		words++;
		size_t last_end = pos + wl;
		if (capital && words >= 2 && word_is(w, wl, act_endings)) {
			start = trim_stoppers(c, start, last_end);
			if (last_end - start <= wl)
				return; /* "The Act" alone names nothing */
			/* The year is part of the name: "Trade Act of 1974". */
			if (c->len - last_end >= 8 && memcmp(c->text + last_end, " of ", 4) == 0 &&
			    digits_at(c, last_end + 4, 4) == 4)
				last_end += 8;
			char name[160];
			snprintf(name, sizeof(name), "%.*s", (int)(last_end - start),
				 c->text + start);
			add_ref(out, n, name, start, last_end);
			return;
		}
		pos = last_end;
		if (pos >= c->len || c->text[pos] != ' ')
			return;
		pos++;
	}
}

/* The first word of a sentence, or one after "the": where names start. */
static bool starts_word(const struct cursor *c, size_t pos)
{
	return pos == 0 || !(is_alpha(c->text[pos - 1]) || is_digit(c->text[pos - 1]) ||
			     c->text[pos - 1] == '-');
}

/* Act endings ("Act", "Law", "Rule", "Regulations" as words): a named act
 * can only start a few words before one, so most capitalised words need no
 * closer look.  Each ending's next place is kept and searched again only
 * once passed, so the text is scanned once per ending. */
static const char *const endings[] = {" Act", " Law", " Rule", " Regulations"};
#define NENDINGS (sizeof(endings) / sizeof(endings[0]))

static size_t find_ending(const struct cursor *c, size_t k, size_t from)
{
	size_t el = strlen(endings[k]);
	while (from < c->len) {
		const char *hit = memmem(c->text + from, c->len - from, endings[k], el);
		if (hit == NULL)
			break;
		size_t at = (size_t)(hit - c->text) + el;
		if (at >= c->len || !is_alpha(c->text[at]))
			return (size_t)(hit - c->text) + 1;
		from = at;
	}
	return c->len;
}

/* The nearest ending at or after pos, updating next[] as it goes. */
static size_t next_ending(const struct cursor *c, size_t *next, size_t pos)
{
	size_t best = c->len;
	for (size_t k = 0; k < NENDINGS; k++) {
		if (next[k] < pos)
			next[k] = find_ending(c, k, pos);
		if (next[k] < best)
			best = next[k];
	}
	return best;
}

/* How far before its ending a named act may start: eight words. */
#define ACT_REACH 120

void docrefs_find(const struct doc *d, struct docref **out, size_t *n)
{
	struct cursor c = {d->text, d->len, 0};
	size_t named_until = 0;
	size_t next[NENDINGS];
	for (size_t k = 0; k < NENDINGS; k++)
		next[k] = find_ending(&c, k, 0);

	for (size_t i = 0; i < d->len; i++) {
		char ch = d->text[i];
		/* Names start with a capital, citations with a digit. */
		if (!is_upper(ch) && !is_digit(ch))
			continue;
		if (!starts_word(&c, i))
			continue;
		if (is_digit(ch)) {
			federal_register(&c, i, out, n);
			continue;
		}
		if (!is_upper(ch))
			continue;
		size_t wl = word_at(&c, i);
		if (wl > 0 && word_is(d->text + i, wl, numbered_kinds) && numbered(&c, i, wl, out, n))
			continue;
		if (i >= named_until && next_ending(&c, next, i) - i <= ACT_REACH) {
			size_t before = *n;
			named_act(&c, i, out, n);
			if (*n > before)
				named_until = (*out)[*n - 1].where.end;
		}
	}
	/* Found in two passes' order; the callers want text order. */
	for (size_t i = 1; i < *n; i++)
		for (size_t j = i; j > 0 && (*out)[j - 1].where.start > (*out)[j].where.start; j--) {
			struct docref tmp = (*out)[j];
			(*out)[j] = (*out)[j - 1];
			(*out)[j - 1] = tmp;
		}
}
