/* Time expressions in English news text, resolved against the article's
 * date (DESIGN.md, "Dates").
 *
 * The text is walked once, a run of letters or digits at a time, and only
 * a few runs can start an expression ("heads"): digits, a capitalised month
 * or weekday name, a calendar unit (day, week, month, year, decade), and
 * the deictic words yesterday, today, tomorrow, tonight and the parts of a
 * day.  Modifiers such as "last", "in", "on", "for" or "at least" never
 * start a match: a head looks left for them.  The scan finds where runs
 * start sixteen bytes at a time (SSE2, or SWAR on eight-byte words), and
 * every run costs one probe of a table of the heads' first three letters,
 * which keeps it near memory speed.
 *
 * Spans: an expression includes the prepositions "in" and "on" ("in
 * April", "on Thursday"), its modifiers ("last week", "later this month",
 * "earlier on Tuesday", "in early April") and, for a duration, everything
 * that measures it ("within just over 20 days", "over the past two
 * years").  Other prepositions (since, by, until, from) are left out.
 *
 * Tense is read from the clause around the expression (see tense_at):
 * "will", "would", "is expected to", "is due to", "plans to", "to meet",
 * "looked forward to", "next", a scheduled present ("visits", "begins",
 * "comes back")... make it future, a past-tense verb past.  It only matters where
 * the text leaves the choice open:
 * - a bare weekday is the latest such day on or before the article's date,
 *   or in the future the first on or after it (the article's own weekday
 *   is its own day, as in wire copy: "said on Friday" in Friday's paper);
 *   "last"/"next Thursday" lie 1 to 7 days back or ahead, "this Thursday"
 *   in the article's ISO week;
 * - a month without a year is in the article's year, unless it comes after
 *   the article's month in the past (last year) or before it in the future
 *   (next year); with no tense it is the nearest such month
 *   ("for shipment in January" is future too, as goods are traded ahead;
 *   "January consumer price figures" is the nearest January, whenever the
 *   figures come out; "every December" is no event);
 * - "in the first quarter" is the year of the last such quarter in the
 *   past, or of the next one in the future;
 * - a day and month without a year, after "on" or "in" ("on November
 *   10"), are the next such day in the future and the last one in the
 *   past; otherwise ("from Nov. 1", "effective April 10", another event's
 *   day) they are in the article's year, unless that puts them more than
 *   half a year on the side the tense rules out; with no tense the
 *   nearest such day is taken; but a start gone by this year in a clause
 *   of its own in the future ("will start operating from 1 July") is next
 *   year's, and the end of a period ("through Dec. 31") in a clause not in
 *   the past lies ahead;
 * - a year needs a preposition ("in 2024", "since 2019"), unless it ends a
 *   sentence right after a word ("Will the truce survive 2026?").
 *
 * Expressions that refer to another time of the story rather than to the
 * article's date ("two days later", "the previous year", "the following
 * week") and comparison yardsticks ("compared to a year ago", "than last
 * year") are recognised, so that their words are not misread, but not
 * returned.  "A week earlier" is the exception issue 4 asks for: it is
 * taken relative to the article's date, like "a week ago". */
#include "config.h"

#include "analyse/timex.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Years read from the text; wider ranges are numbers, not years. */
#define MIN_TEXT_YEAR 1000
#define MAX_TEXT_YEAR 2999
/* Values the output may hold: four-digit years. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

/* How far a day and month without a year may lie on the unexpected side
 * of the article's date before the neighbouring year is taken. */
#define HALF_YEAR 183

/* Without sentence spans, how far a sentence's ends are looked for; and
 * how much of a sentence the tense is read from, around the expression.
 * Both keep hostile input (one endless sentence) linear. */
#define LOCAL_SENTENCE 1000
#define TENSE_WINDOW 600

/* How many words the object of "told" may have: "told the Financial
 * Times". */
#define MAX_OBJECT 3

/* How many measuring words a duration may have before its number:
 * "within just over 20 days". */
#define MAX_QUANTIFIERS 4

enum head_kind {
	HEAD_MONTH,	    /* value: 1-12 */
	HEAD_MONTH_ABBR,    /* "Oct", "Sept": only with a day or year */
	HEAD_WEEKDAY,	    /* value: 0 (Monday) - 6 (Sunday) */
	HEAD_WEEKDAY_ABBR,  /* "Fri": only before a written date */
	HEAD_UNIT,	    /* value: enum unit */
	HEAD_UNITS,	    /* the plural */
	HEAD_DAYWORD,	    /* value: days from the article's date */
	HEAD_DAYPART,	    /* morning, afternoon, evening, night */
	HEAD_QUARTER,	    /* "in the first quarter" */
};

enum unit { UNIT_DAY, UNIT_WEEK, UNIT_MONTH, UNIT_YEAR, UNIT_DECADE };

/* Words before a unit or a name that place it relative to something. */
enum rel {
	REL_NONE,
	REL_LAST,
	REL_THIS,
	REL_NEXT,
	REL_PAST,      /* "the past two years" */
	REL_COMING,    /* "the coming weeks" */
	REL_PREVIOUS,  /* "the previous year": another time of the story */
	REL_FOLLOWING, /* "the following week", "the same day" */
	REL_FIRST,     /* "the first 100 days" */
};

enum tense { TENSE_NONE, TENSE_PAST, TENSE_FUTURE };

struct headword {
	const char *name; /* lower case */
	unsigned char len;
	unsigned char kind;
	int value;
};

#define HW(name, kind, value) { name, sizeof(name) - 1, kind, value }

static const struct headword heads_a[] = {
	HW("april", HEAD_MONTH, 4),	 HW("apr", HEAD_MONTH_ABBR, 4),
	HW("august", HEAD_MONTH, 8),	 HW("aug", HEAD_MONTH_ABBR, 8),
	HW("afternoon", HEAD_DAYPART, 0),
};
static const struct headword heads_d[] = {
	HW("december", HEAD_MONTH, 12), HW("dec", HEAD_MONTH_ABBR, 12),
	HW("day", HEAD_UNIT, UNIT_DAY),	 HW("days", HEAD_UNITS, UNIT_DAY),
	HW("decade", HEAD_UNIT, UNIT_DECADE),
	HW("decades", HEAD_UNITS, UNIT_DECADE),
};
static const struct headword heads_e[] = {
	HW("evening", HEAD_DAYPART, 0),
};
static const struct headword heads_f[] = {
	HW("february", HEAD_MONTH, 2), HW("feb", HEAD_MONTH_ABBR, 2),
	HW("friday", HEAD_WEEKDAY, 4), HW("fri", HEAD_WEEKDAY_ABBR, 4),
};
static const struct headword heads_j[] = {
	HW("january", HEAD_MONTH, 1), HW("jan", HEAD_MONTH_ABBR, 1),
	HW("june", HEAD_MONTH, 6),    HW("jun", HEAD_MONTH_ABBR, 6),
	HW("july", HEAD_MONTH, 7),    HW("jul", HEAD_MONTH_ABBR, 7),
};
static const struct headword heads_m[] = {
	HW("march", HEAD_MONTH, 3),	 HW("mar", HEAD_MONTH_ABBR, 3),
	HW("may", HEAD_MONTH, 5),	 HW("monday", HEAD_WEEKDAY, 0),
	HW("mon", HEAD_WEEKDAY_ABBR, 0), HW("month", HEAD_UNIT, UNIT_MONTH),
	HW("months", HEAD_UNITS, UNIT_MONTH),
	HW("morning", HEAD_DAYPART, 0),
};
static const struct headword heads_n[] = {
	HW("november", HEAD_MONTH, 11), HW("nov", HEAD_MONTH_ABBR, 11),
	HW("night", HEAD_DAYPART, 0),
};
static const struct headword heads_o[] = {
	HW("october", HEAD_MONTH, 10), HW("oct", HEAD_MONTH_ABBR, 10),
};
static const struct headword heads_q[] = {
	HW("quarter", HEAD_QUARTER, 0),
};
static const struct headword heads_s[] = {
	HW("september", HEAD_MONTH, 9),	  HW("sep", HEAD_MONTH_ABBR, 9),
	HW("sept", HEAD_MONTH_ABBR, 9),	  HW("saturday", HEAD_WEEKDAY, 5),
	HW("sat", HEAD_WEEKDAY_ABBR, 5), HW("sunday", HEAD_WEEKDAY, 6),
	HW("sun", HEAD_WEEKDAY_ABBR, 6),
};
static const struct headword heads_t[] = {
	HW("tuesday", HEAD_WEEKDAY, 1),	   HW("tue", HEAD_WEEKDAY_ABBR, 1),
	HW("tues", HEAD_WEEKDAY_ABBR, 1),  HW("thursday", HEAD_WEEKDAY, 3),
	HW("thu", HEAD_WEEKDAY_ABBR, 3),   HW("thur", HEAD_WEEKDAY_ABBR, 3),
	HW("thurs", HEAD_WEEKDAY_ABBR, 3), HW("today", HEAD_DAYWORD, 0),
	HW("tomorrow", HEAD_DAYWORD, 1),   HW("tonight", HEAD_DAYWORD, 0),
};
static const struct headword heads_w[] = {
	HW("wednesday", HEAD_WEEKDAY, 2), HW("wed", HEAD_WEEKDAY_ABBR, 2),
	HW("week", HEAD_UNIT, UNIT_WEEK), HW("weeks", HEAD_UNITS, UNIT_WEEK),
};
static const struct headword heads_y[] = {
	HW("year", HEAD_UNIT, UNIT_YEAR), HW("years", HEAD_UNITS, UNIT_YEAR),
	HW("yesterday", HEAD_DAYWORD, -1),
};

struct number_word {
	const char *name;
	int value; /* 0: a vague count ("several") */
};

static const struct number_word number_words[] = {
	{ "a", 1 },	     { "an", 1 },	  { "one", 1 },
	{ "two", 2 },	     { "three", 3 },	  { "four", 4 },
	{ "five", 5 },	     { "six", 6 },	  { "seven", 7 },
	{ "eight", 8 },	     { "nine", 9 },	  { "ten", 10 },
	{ "eleven", 11 },    { "twelve", 12 },	  { "thirteen", 13 },
	{ "fourteen", 14 },  { "fifteen", 15 },	  { "sixteen", 16 },
	{ "seventeen", 17 }, { "eighteen", 18 },  { "nineteen", 19 },
	{ "twenty", 20 },    { "thirty", 30 },	  { "forty", 40 },
	{ "fifty", 50 },     { "sixty", 60 },	  { "seventy", 70 },
	{ "eighty", 80 },    { "ninety", 90 },	  { "hundred", 100 },
	{ "several", 0 },    { "few", 0 },	  { "many", 0 },
};

/* Words that make a bare month, weekday or year a date: "since May". */
static const char *const licensing_words[] = {
	"since", "by",	   "until",   "till",	 "from",       "through",
	"during", "before", "after",   "between", "throughout", "and",
	"to",	  "of",	    "or",      NULL,
};
static const char *const shade_words[] = { "early", "late", "mid", NULL };
/* Words that start or measure a duration: "for", "within just over". */
static const char *const duration_intros[] = {
	"for", "within", "in", "during", "throughout", "over", "under", NULL,
};
static const char *const quantifiers[] = {
	"about",  "around", "nearly", "almost", "roughly", "approximately",
	"some",	  "just",   "only",   "barely", "another", "further",
	"additional", "extra", NULL,
};
static const char *const added_words[] = {
	"further", "additional", "extra", NULL,
};
/* "Black Friday", "Super Tuesday": days with names of their own. */
static const char *const holiday_words[] = {
	"black", "good", "cyber", "super", "ash", "maundy", "easter",
	"palm", "bloody", "holy", "giving", "small", NULL,
};
static const char *const dayparts_after[] = {
	"morning", "afternoon", "evening", "night", NULL,
};

/* What a word says of the tense or of the clauses around it (see
 * tense_at), as bits. */
enum cue {
	CUE_FUTURE = 1 << 0,	/* will, would, next */
	CUE_PAST = 1 << 1,	/* said, was, took */
	CUE_BEFORE_TO = 1 << 2, /* "is expected to", "plans to" */
	CUE_AFTER_TO = 1 << 3,	/* "to meet" */
	CUE_NOT_ED = 1 << 4,	/* ends in -ed, is no past tense */
	CUE_OPENS = 1 << 5,	/* starts a clause: that, which, he */
	CUE_CLOSES = 1 << 6,	/* ends a clause: said, told */
	CUE_TO = 1 << 7,
	CUE_DUE = 1 << 8,   /* "due to": a cause unless "is due to" */
	CUE_BE = 1 << 9,    /* is, are, was, were */
	CUE_TAKE = 1 << 10, /* "take effect" */
	CUE_EFFECT = 1 << 11,
	CUE_FORCE = 1 << 12, /* "come into force" */
	CUE_INTO = 1 << 13,
	CUE_COME = 1 << 14,
	CUE_OBJECT = 1 << 15, /* "told parliament": an object may follow */
	CUE_BACK = 1 << 16,   /* "comes back" */
};

struct cue_word {
	const char *name;
	unsigned flags;
};

/* Looked up by key (see key_of). */
static const struct cue_word cue_words[] = {
	{ "added", CUE_CLOSES },
	{ "ago", CUE_PAST },
	{ "aims", CUE_BEFORE_TO },
	{ "although", CUE_OPENS },
	{ "and", CUE_OPENS },
	{ "are", CUE_BEFORE_TO | CUE_BE },
	{ "argued", CUE_CLOSES },
	{ "arrives", CUE_FUTURE },
	{ "assured", CUE_PAST | CUE_CLOSES | CUE_OBJECT },
	{ "back", CUE_BACK },
	{ "became", CUE_PAST },
	{ "because", CUE_OPENS },
	{ "began", CUE_PAST },
	{ "begins", CUE_FUTURE },
	{ "believe", CUE_CLOSES },
	{ "believes", CUE_CLOSES },
	{ "bleed", CUE_NOT_ED },
	{ "bought", CUE_PAST },
	{ "breed", CUE_NOT_ED },
	{ "brought", CUE_PAST },
	{ "but", CUE_OPENS },
	{ "came", CUE_PAST },
	{ "caught", CUE_PAST },
	{ "chose", CUE_PAST },
	{ "come", CUE_COME },
	{ "comes", CUE_COME },
	{ "could", CUE_FUTURE },
	{ "creed", CUE_NOT_ED },
	{ "deed", CUE_NOT_ED },
	{ "did", CUE_PAST },
	{ "drew", CUE_PAST },
	{ "due", CUE_BEFORE_TO | CUE_DUE },
	{ "effect", CUE_EFFECT },
	{ "embed", CUE_NOT_ED },
	{ "enter", CUE_COME },
	{ "enters", CUE_COME },
	{ "exceed", CUE_NOT_ED },
	{ "expected", CUE_BEFORE_TO },
	{ "expires", CUE_FUTURE },
	{ "feed", CUE_NOT_ED },
	{ "fell", CUE_PAST },
	{ "felt", CUE_PAST },
	{ "flew", CUE_PAST },
	{ "force", CUE_FORCE },
	{ "forward", CUE_BEFORE_TO },
	{ "fought", CUE_PAST },
	{ "found", CUE_PAST },
	{ "gave", CUE_PAST },
	{ "going", CUE_BEFORE_TO },
	{ "got", CUE_PAST },
	{ "greed", CUE_NOT_ED },
	{ "grew", CUE_PAST },
	{ "had", CUE_PAST },
	{ "he", CUE_OPENS },
	{ "heard", CUE_PAST },
	{ "heed", CUE_NOT_ED },
	{ "held", CUE_PAST },
	{ "hundred", CUE_NOT_ED },
	{ "i", CUE_OPENS },
	{ "indeed", CUE_NOT_ED },
	{ "informed", CUE_PAST | CUE_CLOSES | CUE_OBJECT },
	{ "intend", CUE_BEFORE_TO },
	{ "intends", CUE_BEFORE_TO },
	{ "into", CUE_INTO },
	{ "is", CUE_BEFORE_TO | CUE_BE },
	{ "it", CUE_OPENS },
	{ "kept", CUE_PAST },
	{ "knew", CUE_PAST },
	{ "led", CUE_PAST },
	{ "left", CUE_PAST },
	{ "lost", CUE_PAST },
	{ "made", CUE_PAST },
	{ "meant", CUE_PAST },
	{ "meet", CUE_AFTER_TO },
	{ "meets", CUE_FUTURE },
	{ "met", CUE_PAST },
	{ "might", CUE_FUTURE },
	{ "naked", CUE_NOT_ED },
	{ "need", CUE_NOT_ED },
	{ "next", CUE_FUTURE },
	{ "noted", CUE_CLOSES },
	{ "or", CUE_OPENS },
	{ "paid", CUE_PAST },
	{ "plan", CUE_BEFORE_TO },
	{ "planning", CUE_BEFORE_TO },
	{ "plans", CUE_BEFORE_TO },
	{ "poised", CUE_BEFORE_TO },
	{ "previously", CUE_PAST },
	{ "proceed", CUE_NOT_ED },
	{ "ran", CUE_PAST },
	{ "recent", CUE_PAST },
	{ "recently", CUE_PAST },
	{ "reed", CUE_NOT_ED },
	{ "reminded", CUE_PAST | CUE_CLOSES | CUE_OBJECT },
	{ "resumes", CUE_FUTURE },
	{ "rose", CUE_PAST },
	{ "sacred", CUE_NOT_ED },
	{ "said", CUE_PAST | CUE_CLOSES },
	{ "saw", CUE_PAST },
	{ "say", CUE_CLOSES },
	{ "says", CUE_CLOSES },
	{ "scheduled", CUE_BEFORE_TO },
	{ "seed", CUE_NOT_ED },
	{ "sent", CUE_PAST },
	{ "set", CUE_BEFORE_TO },
	{ "shall", CUE_FUTURE },
	{ "she", CUE_OPENS },
	{ "shed", CUE_NOT_ED },
	{ "slated", CUE_BEFORE_TO },
	{ "sought", CUE_PAST },
	{ "speed", CUE_NOT_ED },
	{ "spoke", CUE_PAST },
	{ "stated", CUE_CLOSES },
	{ "steed", CUE_NOT_ED },
	{ "stood", CUE_PAST },
	{ "struck", CUE_PAST },
	{ "succeed", CUE_NOT_ED },
	{ "take", CUE_TAKE },
	{ "takes", CUE_TAKE },
	{ "tells", CUE_CLOSES | CUE_OBJECT },
	{ "that", CUE_OPENS },
	{ "they", CUE_OPENS },
	{ "think", CUE_CLOSES },
	{ "thinks", CUE_CLOSES },
	{ "though", CUE_OPENS },
	{ "thought", CUE_PAST },
	{ "threw", CUE_PAST },
	{ "to", CUE_TO },
	{ "told", CUE_PAST | CUE_CLOSES | CUE_OBJECT },
	{ "took", CUE_PAST },
	{ "travel", CUE_AFTER_TO },
	{ "travels", CUE_FUTURE },
	{ "tweed", CUE_NOT_ED },
	{ "upcoming", CUE_FUTURE },
	{ "visit", CUE_AFTER_TO },
	{ "visits", CUE_FUTURE },
	{ "warned", CUE_CLOSES | CUE_OBJECT },
	{ "was", CUE_PAST | CUE_BE },
	{ "we", CUE_OPENS },
	{ "weed", CUE_NOT_ED },
	{ "went", CUE_PAST },
	{ "were", CUE_PAST | CUE_BE },
	{ "when", CUE_OPENS },
	{ "whereas", CUE_OPENS },
	{ "which", CUE_OPENS },
	{ "while", CUE_OPENS },
	{ "who", CUE_OPENS },
	{ "whom", CUE_OPENS },
	{ "whose", CUE_OPENS },
	{ "wicked", CUE_NOT_ED },
	{ "will", CUE_FUTURE },
	{ "won", CUE_PAST },
	{ "would", CUE_FUTURE },
	{ "wrote", CUE_PAST },
};

struct hit {
	size_t start, end;
	enum precision precision;
	struct ymd value;
	bool duration;
	bool emit; /* false: the words are used up but name no date */
};

/* What the words just before a month, weekday or year say about it. */
struct lead {
	size_t start;	     /* where the expression begins */
	enum rel rel;	     /* last, this, next */
	bool licensed;	     /* a preposition or modifier makes it a date */
	bool past;	     /* "since", "earlier on": whatever the verb says */
	bool capital_before; /* a name precedes: "Black Friday" */
	bool on_in;	     /* "on" or "in": the time of the clause's event */
	bool until;	     /* "until", "through": the end of a period */
	bool from;	     /* "from": the start of one */
};

/* A date as written: fields are 0 when the text leaves them out. */
struct written {
	int year, month, day;
	size_t end;
};

struct scan {
	const struct doc *d;
	const char *p;
	size_t len;
	size_t floor;	/* end of the last expression: never reread */
	size_t sent;	/* sentence cursor, only moves forward */
	bool anchored;	/* the article's date is usable */
	long today;	/* its day number */
	struct ymd date;
	struct time_expr *v;
	size_t n, cap;
};

/* ---- Characters and words ---------------------------------------- */

/* Classes of bytes, for the inner loops.  Bytes from 0x80 are no
 * letters: UTF-8 quotes and dashes separate words like ASCII ones. */
enum {
	CLASS_LETTER = 1,
	CLASS_DIGIT = 2,
	CLASS_MARK = 4, /* may start a clause mark (see clause_mark_at) */
};

#define L CLASS_LETTER
#define D CLASS_DIGIT
#define M CLASS_MARK
static const unsigned char char_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, M, 0, 0, 0, 0, 0, M, M, 0, 0, M, 0, 0, 0,
	D, D, D, D, D, D, D, D, D, D, M, M, 0, 0, 0, 0,
	0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
	0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
	/* 0x80 - 0xFF: no letters; 0xE2 starts the dashes and quotes */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, M, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
#undef L
#undef D
#undef M

static bool is_digit(unsigned char c)
{
	return char_class[c] & CLASS_DIGIT;
}

static bool is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_letter(unsigned char c)
{
	return char_class[c] & CLASS_LETTER;
}

static bool is_alnum(unsigned char c)
{
	return char_class[c] & (CLASS_LETTER | CLASS_DIGIT);
}

static unsigned char to_lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* The byte at i, or 0 past the end: lookahead needs no bounds checks. */
static unsigned char at(const struct scan *s, size_t i)
{
	return i < s->len ? (unsigned char)s->p[i] : 0;
}

/* Eight bytes at a time ("SWAR"), where most bytes only go past. */
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* The eight bytes at i, the first in the lowest bits whatever the byte
 * order, with zeros (no letters) past the end. */
static inline uint64_t eight_bytes(const struct scan *s, size_t i)
{
	const unsigned char *p = (const unsigned char *)s->p + i;
	uint64_t x = 0;

	if (i + 8 <= s->len) /* compilers make this one load */
		return (uint64_t)p[0] | (uint64_t)p[1] << 8 |
		       (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
		       (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
		       (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
	for (size_t k = s->len - i; k > 0; k--)
		x = x << 8 | p[k - 1];
	return x;
}

/* The bytes of x from first to last, as their high bits (the classic
 * SWAR range test on the low seven bits; bytes from 0x80 never count). */
static uint64_t bytes_in(uint64_t x, unsigned char first, unsigned char last)
{
	uint64_t low = x & ~HIGHS;

	return (low + ONES * (0x80 - first)) & ~(low + ONES * (0x7F - last)) &
	       ~x & HIGHS;
}

/* Which byte the lowest high bit of m (not 0) belongs to. */
static unsigned lowest_byte(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(m) / 8;
#else
	uint64_t below = ((m & (~m + 1)) >> 7) - 1;

	return (unsigned)(((below & ONES) * ONES) >> 56);
#endif
}

/* Blank, tab or U+00A0 (HTML's &nbsp;, common between "October" and
 * "9"): white space that stays inside a line. */
static size_t space_at(const struct scan *s, size_t i)
{
	unsigned char c = at(s, i);

	if (c == ' ' || c == '\t')
		return 1;
	if (c == 0xC2 && at(s, i + 1) == 0xA0)
		return 2;
	return 0;
}

static size_t skip_spaces(const struct scan *s, size_t i)
{
	size_t k;

	while ((k = space_at(s, i)) > 0)
		i += k;
	return i;
}

static size_t skip_spaces_back(const struct scan *s, size_t i)
{
	while (i > s->floor) {
		unsigned char c = (unsigned char)s->p[i - 1];

		if (c == ' ' || c == '\t')
			i--;
		else if (c == 0xA0 && i - 1 > s->floor &&
			 (unsigned char)s->p[i - 2] == 0xC2)
			i -= 2;
		else
			break;
	}
	return i;
}

/* The run of digits, or of letters, that starts at i. */
static struct span run_at(const struct scan *s, size_t i)
{
	struct span w = { i, i };

	if (is_digit(at(s, i))) {
		while (is_digit(at(s, w.end)))
			w.end++;
	} else {
		while (is_letter(at(s, w.end)))
			w.end++;
	}
	return w;
}

/* The word after the blank that follows pos. */
static bool next_word(const struct scan *s, size_t pos, struct span *w)
{
	size_t i = skip_spaces(s, pos);

	if (i == pos || !is_alnum(at(s, i)))
		return false;
	*w = run_at(s, i);
	return true;
}

/* The word before the blank that precedes pos, not before s->floor.  A
 * run of letters and digits together ("400kg") is no word. */
static bool prev_word(const struct scan *s, size_t pos, struct span *w)
{
	size_t i = skip_spaces_back(s, pos);
	size_t j = i;
	unsigned char c;

	if (i == pos || i <= s->floor)
		return false;
	c = (unsigned char)s->p[i - 1];
	if (is_digit(c)) {
		while (j > s->floor && is_digit((unsigned char)s->p[j - 1]))
			j--;
	} else if (is_letter(c)) {
		while (j > s->floor && is_letter((unsigned char)s->p[j - 1]))
			j--;
	} else {
		return false;
	}
	if (j > 0 && is_alnum((unsigned char)s->p[j - 1]))
		return false;
	w->start = j;
	w->end = i;
	return true;
}

/* Whether w is lit, in any case; lit is lower case. */
static bool word_is(const struct scan *s, struct span w, const char *lit)
{
	size_t i;

	for (i = 0; lit[i] != '\0'; i++)
		if (w.start + i >= w.end ||
		    to_lower((unsigned char)s->p[w.start + i]) !=
			    (unsigned char)lit[i])
			return false;
	return w.start + i == w.end;
}

/* Whether w is one of list (lower case, no empty words): the first
 * letter spares most of the comparisons. */
static bool word_in(const struct scan *s, struct span w,
		    const char *const *list)
{
	unsigned char first;

	if (w.end <= w.start)
		return false;
	first = to_lower((unsigned char)s->p[w.start]);
	for (; *list != NULL; list++)
		if ((unsigned char)(*list)[0] == first && word_is(s, w, *list))
			return true;
	return false;
}

static bool capitalised(const struct scan *s, struct span w)
{
	return is_upper(at(s, w.start));
}

/* Whether the word at i opens its sentence (or heading): only blanks,
 * opening quotes and brackets stand between it and the end of the last
 * sentence. */
static bool at_sentence_start(const struct scan *s, size_t i)
{
	size_t k;

	for (k = 0; k < 8 && i > 0; k++) {
		unsigned char c = (unsigned char)s->p[i - 1];

		/* Bytes from 0x80: curly quotes, non-breaking spaces. */
		if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' ||
		    c >= 0x80)
			i--;
		else
			break;
	}
	if (i == 0)
		return true;
	switch (s->p[i - 1]) {
	case '\n':
	case '.':
	case '!':
	case '?':
	case ':':
		return true;
	default:
		return false;
	}
}

static const struct headword *head_bucket(unsigned char c, size_t *n)
{
#define BUCKET(letter, table)          \
	case letter:                   \
		*n = ARRAY_LEN(table); \
		return table
	switch (c) {
		BUCKET('a', heads_a);
		BUCKET('d', heads_d);
		BUCKET('e', heads_e);
		BUCKET('f', heads_f);
		BUCKET('j', heads_j);
		BUCKET('m', heads_m);
		BUCKET('n', heads_n);
		BUCKET('o', heads_o);
		BUCKET('q', heads_q);
		BUCKET('s', heads_s);
		BUCKET('t', heads_t);
		BUCKET('w', heads_w);
		BUCKET('y', heads_y);
	default:
		*n = 0;
		return NULL;
	}
#undef BUCKET
}

/* What the first three letters of a head say of it, by its first letter
 * (in any case) and second (lower case): the third letters and the
 * lengths of the heads that start so.  Most words fail this test, which
 * spares them the bucket's comparisons. */
struct head_prefix {
	uint32_t third;	  /* a bit per letter */
	uint16_t lengths; /* a bit per length */
};

/* Indexed by letter_index: the last row and column, for bytes that are
 * not letters, stay empty. */
static struct head_prefix head_prefixes[27][27];
/* A lower-case letter's place in the alphabet, 26 for other bytes; and
 * the same for letters in any case. */
static unsigned char lower_index[256], letter_index[256];

static void index_heads(void)
{
	for (int c = 0; c < 256; c++)
		lower_index[c] = is_lower((unsigned char)c) ? (unsigned char)(c - 'a') : 26;
	for (int c = 0; c < 256; c++)
		letter_index[c] = lower_index[to_lower((unsigned char)c)];
	for (int c = 'a'; c <= 'z'; c++) {
		size_t n;
		const struct headword *bucket = head_bucket((unsigned char)c, &n);

		for (size_t i = 0; i < n; i++) {
			struct head_prefix *hp =
			    &head_prefixes[c - 'a'][bucket[i].name[1] - 'a'];

			hp->third |= UINT32_C(1) << (bucket[i].name[2] - 'a');
			hp->lengths |= (uint16_t)(1u << bucket[i].len);
		}
	}
}

/* The lengths a head that starts with the three letters at p may have,
 * a bit per length; 0 when no head starts so. */
static inline unsigned head_lengths(const char *p)
{
	const struct head_prefix *hp =
	    &head_prefixes[letter_index[(unsigned char)p[0]]]
			  [lower_index[(unsigned char)p[1]]];

	return (hp->third >> lower_index[(unsigned char)p[2]] & 1u) ? hp->lengths : 0;
}

/* The head word w is, if any.  Month and weekday names must be
 * capitalised ("may" is a verb); the rest of a head is lower case. */
static const struct headword *head_of(const struct scan *s, struct span w)
{
	size_t len = w.end - w.start;
	const char *p = s->p + w.start;
	const struct headword *bucket;
	size_t n, i, k;

	if (len < 3 || len > 9)
		return NULL;
	bucket = head_bucket(to_lower((unsigned char)p[0]), &n);
	for (i = 0; i < n; i++) {
		if (bucket[i].len != len)
			continue;
		k = 1;
		while (k < len && p[k] == bucket[i].name[k])
			k++;
		if (k < len)
			continue;
		switch (bucket[i].kind) {
		case HEAD_MONTH:
		case HEAD_MONTH_ABBR:
		case HEAD_WEEKDAY:
		case HEAD_WEEKDAY_ABBR:
			if (!is_upper((unsigned char)p[0]))
				return NULL;
			break;
		default:
			break;
		}
		return &bucket[i];
	}
	return NULL;
}

static const struct headword *month_of(const struct scan *s, struct span w)
{
	const struct headword *h = head_of(s, w);

	if (h == NULL ||
	    (h->kind != HEAD_MONTH && h->kind != HEAD_MONTH_ABBR))
		return NULL;
	return h;
}

/* ---- Numbers ------------------------------------------------------- */

/* The value of a run of at most four digits. */
static int digits_value(const struct scan *s, struct span w)
{
	int v = 0;
	size_t i;

	for (i = w.start; i < w.end; i++)
		v = v * 10 + (s->p[i] - '0');
	return v;
}

/* Whether a number may start at i: not the cents of "$18.7", the 35 of
 * "F-35" or the second half of "9/10". */
static bool clean_number_start(const struct scan *s, size_t i)
{
	unsigned char c;

	if (i == 0)
		return true;
	c = (unsigned char)s->p[i - 1];
	switch (c) {
	case '$':
	case '.':
	case ',':
	case '-':
	case '/':
	case ':':
	case '#':
	case '+':
	case '@':
	case 0xA3: /* the last byte of U+00A3, pound sign */
	case 0xA5: /* yen */
	case 0xAC: /* euro */
		return false;
	default:
		return !is_alnum(c);
	}
}

/* Whether digits end at j: no decimals, percentage, unit ("400kg"),
 * decade ("1930s"), time or ratio continues them. */
static bool number_ends_cleanly(const struct scan *s, size_t j)
{
	unsigned char c = at(s, j);

	if (c == '%' || is_alnum(c))
		return false;
	if ((c == '.' || c == ',' || c == ':' || c == '/') &&
	    is_digit(at(s, j + 1)))
		return false;
	return true;
}

/* The count a word gives: "90", "five", "a"; 0 for a vague one
 * ("several"); -1 if the word is no count. */
static int count_of(const struct scan *s, struct span w)
{
	unsigned char first;
	size_t i;

	if (is_digit(at(s, w.start))) {
		int v;

		if (w.end - w.start > 4 || !clean_number_start(s, w.start))
			return -1;
		v = digits_value(s, w);
		return v > 0 ? v : -1;
	}
	if (w.end <= w.start)
		return -1;
	first = to_lower((unsigned char)s->p[w.start]);
	for (i = 0; i < ARRAY_LEN(number_words); i++)
		if ((unsigned char)number_words[i].name[0] == first &&
		    word_is(s, w, number_words[i].name))
			return number_words[i].value;
	return -1;
}

/* A day of the month at i: one or two digits, an optional ordinal
 * suffix ("21st"). */
static bool day_at(const struct scan *s, size_t i, int *day, size_t *end)
{
	struct span w;
	size_t j;
	int v;

	if (!is_digit(at(s, i)))
		return false;
	w = run_at(s, i);
	if (w.end - w.start > 2)
		return false;
	v = digits_value(s, w);
	if (v < 1 || v > 31)
		return false;
	j = w.end;
	if (is_letter(at(s, j))) {
		struct span suffix = run_at(s, j);

		if (!word_is(s, suffix, "st") && !word_is(s, suffix, "nd") &&
		    !word_is(s, suffix, "rd") && !word_is(s, suffix, "th"))
			return false;
		j = suffix.end;
	}
	if (!number_ends_cleanly(s, j))
		return false;
	*day = v;
	*end = j;
	return true;
}

/* A four-digit year at i. */
static bool year_at(const struct scan *s, size_t i, int *year, size_t *end)
{
	struct span w;
	int v;

	if (!is_digit(at(s, i)))
		return false;
	w = run_at(s, i);
	if (w.end - w.start != 4 || !number_ends_cleanly(s, w.end))
		return false;
	v = digits_value(s, w);
	if (v < MIN_TEXT_YEAR || v > MAX_TEXT_YEAR)
		return false;
	*year = v;
	*end = w.end;
	return true;
}

/* ---- Calendar ------------------------------------------------------ */

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool valid_date(int y, int m, int d)
{
	return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days_in_month(y, m);
}

/* Days from 0001-01-01 (proleptic Gregorian, a Monday) to y-01-01. */
static long days_before_year(int y)
{
	long p = (long)y - 1;

	return p * 365 + p / 4 - p / 100 + p / 400;
}

/* The day number of a valid date: days since 0001-01-01. */
static long day_number(int y, int m, int d)
{
	static const int before[12] = { 0,   31,  59,  90,  120, 151,
					181, 212, 243, 273, 304, 334 };

	return days_before_year(y) + before[m - 1] + (m > 2 && is_leap(y)) +
	       d - 1;
}

static struct ymd from_day_number(long n)
{
	struct ymd r;
	/* 146097 days in 400 years: a guess within a year or two. */
	int y = (int)(n * 400 / 146097) + 1;
	long left;

	while (y > MIN_YEAR && days_before_year(y) > n)
		y--;
	while (days_before_year(y + 1) <= n)
		y++;
	left = n - days_before_year(y);
	r.year = y;
	r.month = 1;
	while (left >= days_in_month(y, r.month)) {
		left -= days_in_month(y, r.month);
		r.month++;
	}
	r.day = (int)left + 1;
	return r;
}

/* 0 for Monday to 6 for Sunday. */
static int weekday_of(long n)
{
	return (int)(n % 7);
}

/* The ISO 8601 week of day n: weeks start on Monday, and a week belongs
 * to the year that holds its Thursday. */
static struct ymd iso_week(long n)
{
	long thursday = n - weekday_of(n) + 3;
	struct ymd t = from_day_number(thursday);
	struct ymd r;

	r.year = t.year;
	r.month = 0;
	r.day = (int)((thursday - day_number(t.year, 1, 1)) / 7) + 1;
	return r;
}

/* Day numbers the output can hold: 0001-01-01 to 9999-12-31. */
static bool day_in_range(long n)
{
	return n >= 7 && n <= day_number(MAX_YEAR, 12, 31) - 7;
}

/* ---- Results ------------------------------------------------------- */

static bool set_day(struct hit *h, long n)
{
	if (!day_in_range(n))
		return false;
	h->precision = PRECISION_DAY;
	h->value = from_day_number(n);
	return true;
}

static bool set_week(struct hit *h, long n)
{
	if (!day_in_range(n))
		return false;
	h->precision = PRECISION_WEEK;
	h->value = iso_week(n);
	return true;
}

static bool set_month(struct hit *h, long y, long m)
{
	/* m may be any number of months from January of year y. */
	long months = y * 12 + (m - 1);

	y = months >= 0 ? months / 12 : -1;
	if (y < MIN_YEAR || y > MAX_YEAR)
		return false;
	h->precision = PRECISION_MONTH;
	h->value.year = (int)y;
	h->value.month = (int)(months % 12) + 1;
	h->value.day = 0;
	return true;
}

static bool set_year(struct hit *h, long y)
{
	if (y < MIN_YEAR || y > MAX_YEAR)
		return false;
	h->precision = PRECISION_YEAR;
	h->value.year = (int)y;
	h->value.month = 0;
	h->value.day = 0;
	return true;
}

/* A duration's unit is its precision and its count is value.day (0 when
 * the text gives none: "for months"). */
static void set_duration(struct hit *h, enum unit unit, int count)
{
	static const enum precision precisions[] = {
		PRECISION_DAY, PRECISION_WEEK, PRECISION_MONTH, PRECISION_YEAR,
		PRECISION_YEAR,
	};

	h->duration = true;
	h->precision = precisions[unit];
	h->value.year = 0;
	h->value.month = 0;
	h->value.day = unit == UNIT_DECADE ? count * 10 : count;
}

/* The words [start, end) are taken but name no date of their own. */
static bool skip_hit(struct hit *h, size_t start, size_t end)
{
	h->start = start;
	h->end = end;
	h->emit = false;
	return true;
}

static void push(struct scan *s, const struct hit *h)
{
	struct time_expr *t;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	t = &s->v[s->n++];
	t->where.start = h->start;
	t->where.end = h->end;
	t->precision = h->precision;
	t->value = h->value;
	t->is_duration = h->duration;
}

/* ---- Tense --------------------------------------------------------- */

/* The sentence around x: from the document's spans, or, without them, the
 * text between the nearest sentence ends. */
static struct span sentence_around(struct scan *s, struct span x)
{
	const struct doc *d = s->d;
	struct span r;
	size_t lo, hi;

	if (d->sentences != NULL && d->nsentences > 0) {
		while (s->sent + 1 < d->nsentences &&
		       d->sentences[s->sent].end <= x.start)
			s->sent++;
		r = d->sentences[s->sent];
		if (r.start <= x.start && x.end <= r.end && r.end <= s->len)
			return r;
	}
	lo = x.start > LOCAL_SENTENCE ? x.start - LOCAL_SENTENCE : 0;
	hi = s->len - x.end > LOCAL_SENTENCE ? x.end + LOCAL_SENTENCE : s->len;
	r.start = x.start;
	while (r.start > lo) {
		char c = s->p[r.start - 1];

		if (c == '\n' || ((c == '.' || c == '!' || c == '?') &&
				  space_at(s, r.start) > 0))
			break;
		r.start--;
	}
	r.end = x.end;
	while (r.end < hi) {
		char c = s->p[r.end];

		if (c == '\n' || ((c == '.' || c == '!' || c == '?') &&
				  (r.end + 1 == s->len || space_at(s, r.end + 1))))
			break;
		r.end++;
	}
	return r;
}

/* A word of up to MAX_KEYED letters in lower case as two numbers: its
 * first eight bytes and the rest, the first byte in the lowest bits.
 * Keys compare words at the cost of two comparisons. */
#define MAX_KEYED 16

struct word_key {
	uint64_t head, tail;
};

static struct word_key key_of(const char *p, size_t n)
{
	struct word_key k = { 0, 0 };

	for (size_t j = n; j > 8; j--)
		k.tail = k.tail << 8 | ((unsigned char)p[j - 1] | 0x20);
	for (size_t j = n < 8 ? n : 8; j > 0; j--)
		k.head = k.head << 8 | ((unsigned char)p[j - 1] | 0x20);
	return k;
}

/* The cue words by key: an open-addressed hash table, at most half
 * full, so that a word that is no cue costs a probe or two. */
#define CUE_SLOTS 512
#define CUE_SLOT_BITS 9

struct cue_slot {
	struct word_key key; /* head 0: empty */
	unsigned flags;
};

static struct cue_slot cue_slots[CUE_SLOTS];

static size_t cue_slot_of(struct word_key k)
{
	uint64_t h = (k.head ^ k.tail * UINT64_C(0xC2B2AE3D27D4EB4F)) *
		     UINT64_C(0x9E3779B97F4A7C15);

	return (size_t)(h >> (64 - CUE_SLOT_BITS));
}

static void index_cues(void)
{
	for (size_t i = 0; i < ARRAY_LEN(cue_words); i++) {
		struct word_key k =
		    key_of(cue_words[i].name, strlen(cue_words[i].name));
		size_t slot = cue_slot_of(k);

		while (cue_slots[slot].key.head != 0)
			slot = (slot + 1) % CUE_SLOTS;
		cue_slots[slot].key = k;
		cue_slots[slot].flags = cue_words[i].flags;
	}
}

static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void index_words(void)
{
	index_heads();
	index_cues();
}

/* The flags of the cue word with key k, 0 if none. */
static unsigned cue_flags(struct word_key k)
{
	size_t slot;

	for (slot = cue_slot_of(k); cue_slots[slot].key.head != 0;
	     slot = (slot + 1) % CUE_SLOTS)
		if (cue_slots[slot].key.head == k.head &&
		    cue_slots[slot].key.tail == k.tail)
			return cue_slots[slot].flags;
	return 0;
}

/* The bytes of x below byte n (0 to 8), the others 0. */
static uint64_t first_bytes(uint64_t x, size_t n)
{
	return n < 8 ? x & ((UINT64_C(1) << (8 * n)) - 1) : x;
}

/* The run of letters at i, as run_at reads it, and its cue flags: eight
 * bytes at a time, folded to lower case, make the key. */
static unsigned cue_word_at(const struct scan *s, size_t i, struct span *w)
{
	const uint64_t fold = ONES * 0x20;
	uint64_t x = eight_bytes(s, i) | fold, y;
	uint64_t others = ~bytes_in(x, 'a', 'z') & HIGHS;
	struct word_key k;
	size_t n;

	w->start = i;
	if (others != 0) {
		n = lowest_byte(others);
		w->end = i + n;
		k.head = first_bytes(x, n);
		k.tail = 0;
		return cue_flags(k);
	}
	/* eight letters: the text goes on past them */
	y = eight_bytes(s, i + 8) | fold;
	others = ~bytes_in(y, 'a', 'z') & HIGHS;
	if (others == 0) {
		for (n = MAX_KEYED; i + n < s->len && is_letter((unsigned char)s->p[i + n]);)
			n++;
		w->end = i + n;
		return 0; /* no cue is that long */
	}
	n = lowest_byte(others);
	w->end = i + 8 + n;
	k.head = x;
	k.tail = first_bytes(y, n);
	return cue_flags(k);
}

/* What a word says of the tense, given its flags f and those of the two
 * words before it.  An apostrophe splits a word: "we'll" is "we", "ll". */
static enum tense cue_of(const struct scan *s, struct span w,
			 struct span suffix, unsigned f, unsigned f1,
			 unsigned f2)
{
	if (suffix.end > suffix.start) {
		if (word_is(s, suffix, "ll"))
			return TENSE_FUTURE;
		if (word_is(s, suffix, "t")) {
			if (word_is(s, w, "won") || word_is(s, w, "wouldn") ||
			    word_is(s, w, "shan"))
				return TENSE_FUTURE;
			if (word_is(s, w, "didn") || word_is(s, w, "wasn") ||
			    word_is(s, w, "weren") || word_is(s, w, "hadn"))
				return TENSE_PAST;
		}
	}
	if (f & CUE_FUTURE)
		return TENSE_FUTURE;
	/* "due to" is a cause unless a verb of being precedes it. */
	if ((f & CUE_TO) && (f1 & CUE_BEFORE_TO) &&
	    (!(f1 & CUE_DUE) || (f2 & CUE_BE)))
		return TENSE_FUTURE;
	if (((f1 & CUE_TO) && (f & CUE_AFTER_TO)) ||
	    ((f & CUE_EFFECT) && (f1 & CUE_TAKE)) ||
	    ((f & CUE_BACK) && (f1 & CUE_COME)) ||
	    ((f & CUE_FORCE) && (f1 & CUE_INTO) && (f2 & CUE_COME)))
		return TENSE_FUTURE;
	if (f & CUE_PAST)
		return TENSE_PAST;
	/* A regular past tense: lower case, ending in -ed; not a participle
	 * after "is" ("is published on December 10"). */
	if (w.end - w.start >= 4 && is_lower(at(s, w.start)) &&
	    s->p[w.end - 2] == 'e' && s->p[w.end - 1] == 'd' &&
	    !(f & CUE_NOT_ED) && !(f1 & CUE_BE))
		return TENSE_PAST;
	return TENSE_NONE;
}

/* The clauses of a sentence, read left to right. */
struct clauses {
	enum tense cur;	   /* the clause being read */
	enum tense own;	   /* the expression's clause */
	enum tense before; /* the nearest earlier clause with a cue */
	enum tense after;  /* the nearest later one */
	enum tense main;   /* the first earlier clause with a cue that reports
			      nothing: the sentence's own verb */
	int state;	   /* 0: before the expression, 1: in its clause, 2: after */
	int words;	   /* words read in the clause being read */
	bool after_prep;   /* it opens with "after" or "following" */
	bool own_after;	   /* the expression's clause does */
};

/* Ends the clause being read; true once nothing more is needed.
 * reported: a reporting verb ended it ("X said"). */
static bool close_clause(struct clauses *c, bool reported)
{
	bool done = false;

	if (c->state == 1) {
		c->own = c->cur;
		c->own_after = c->after_prep;
		c->state = 2;
		done = c->own != TENSE_NONE;
	} else if (c->state == 0) {
		if (c->cur != TENSE_NONE)
			c->before = c->cur;
		if (c->cur != TENSE_NONE && c->main == TENSE_NONE && !reported)
			c->main = c->cur;
	} else if (c->cur != TENSE_NONE) {
		c->after = c->cur;
		done = true;
	}
	c->cur = TENSE_NONE;
	c->words = 0;
	c->after_prep = false;
	return done;
}

/* Punctuation that separates clauses: , ; : ( ) " and the UTF-8 dashes
 * and double quotes; the number of bytes, or 0. */
static size_t clause_mark_at(const struct scan *s, size_t i)
{
	unsigned char c = at(s, i);

	switch (c) {
	case ',':
	case ';':
	case ':':
	case '(':
	case ')':
	case '"':
		return 1;
	case 0xE2:
		if (at(s, i + 1) == 0x80) {
			unsigned char k = at(s, i + 2);

			if (k == 0x93 || k == 0x94 || k == 0x9C || k == 0x9D)
				return 3;
		}
		return 0;
	default:
		return 0;
	}
}

/* The tense of the clause that holds x: split the sentence at commas,
 * dashes, quotes, conjunctions, relative pronouns, subject pronouns and
 * after reporting verbs, so that "X said on Monday that it will..." reads
 * past for "on Monday".  A clause with a future cue is future, else one
 * with a past cue past.  A clause without cues ("On Thursday, ...") takes
 * the tense of the next clause that has one, else of the one before; but
 * one that opens with "after" or "following" takes the tense of the
 * sentence's first clause with a cue (not a reporting one). */
static enum tense tense_read(struct scan *s, struct span x, enum tense *own)
{
	struct span sen = sentence_around(s, x);
	struct clauses c = { TENSE_NONE, TENSE_NONE, TENSE_NONE, TENSE_NONE,
			     TENSE_NONE, 0, 0, false, false };
	unsigned f1 = 0, f2 = 0;
	size_t i = sen.start, hi = sen.end;
	bool done = false, pending = false;
	int object = 0;

	if (x.start > i + TENSE_WINDOW)
		i = x.start - TENSE_WINDOW;
	if (hi > x.end + TENSE_WINDOW)
		hi = x.end + TENSE_WINDOW;
	while (i < hi && !done) {
		unsigned char ch = (unsigned char)s->p[i]; /* hi <= s->len */
		unsigned char cls = char_class[ch];

		if (i >= x.start && c.state == 0) {
			/* The expression's own words are no cues.  Right after a
			 * reporting verb it belongs to that verb's clause:
			 * "said on Monday that...". */
			c.state = 1;
			c.words++; /* so no "after" that follows opens it */
			pending = false;
			i = x.end;
			f1 = f2 = 0;
			continue;
		}
		if (!(cls & (CLASS_LETTER | CLASS_DIGIT))) {
			size_t mark = cls & CLASS_MARK ? clause_mark_at(s, i) : 0;

			if (mark > 0) {
				pending = false;
				done = close_clause(&c, false);
				i += mark;
			} else {
				i++;
			}
			continue;
		}
		if (pending) {
			/* "told parliament on Monday that": the verb's object
			 * is still its clause */
			struct span ow;

			if (object > 0 && (cls & CLASS_LETTER) &&
			    cue_word_at(s, i, &ow) == 0) {
				object--;
			} else {
				pending = false;
				done = close_clause(&c, true);
				if (done)
					break;
			}
		}
		if (cls & CLASS_LETTER) {
			struct span w, suffix = { 0, 0 };
			unsigned f = cue_word_at(s, i, &w);
			enum tense t;

			if (w.start > 0 && is_alnum(at(s, w.start - 1))) {
				i = w.end; /* the letters of "400kg" */
				continue;
			}
			i = w.end;
			if (at(s, i) == '\'' && is_letter(at(s, i + 1))) {
				suffix = run_at(s, i + 1);
				i = suffix.end;
			} else if (at(s, i) == 0xE2 && at(s, i + 1) == 0x80 &&
				   at(s, i + 2) == 0x99 && is_letter(at(s, i + 3))) {
				suffix = run_at(s, i + 3);
				i = suffix.end;
			}
			if (f & CUE_OPENS) {
				/* "after a summit between Lee and Trump": the
				 * "and" goes on with the phrase */
				bool keep = c.after_prep && c.cur == TENSE_NONE &&
					    (word_is(s, w, "and") || word_is(s, w, "or"));

				done = close_clause(&c, false);
				c.after_prep = keep;
			}
			if (c.words++ == 0 &&
			    (word_is(s, w, "after") || word_is(s, w, "following")))
				c.after_prep = true;
			t = cue_of(s, w, suffix, f, f1, f2);
			if (t > c.cur)
				c.cur = t;
			if (f & CUE_CLOSES) {
				pending = true;
				object = f & CUE_OBJECT ? MAX_OBJECT : 0;
			}
			f2 = f1;
			f1 = f;
			/* the blank between words in the same step: nothing
			 * happens on it that the next step would not do */
			if (i < hi && s->p[i] == ' ')
				i++;
			continue;
		}
		i = run_at(s, i).end; /* digits */
		f1 = f2 = 0;
	}
	if (!done) {
		if (c.state == 0)
			c.state = 1;
		close_clause(&c, false);
	}
	if (own != NULL)
		*own = c.own;
	if (c.own != TENSE_NONE)
		return c.own;
	/* "..., after a summit on Wednesday": what came before the
	 * sentence's own event, not that of a clause embedded in it */
	if (c.own_after && c.main != TENSE_NONE)
		return c.main;
	if (c.after != TENSE_NONE)
		return c.after;
	return c.before;
}

static enum tense tense_at(struct scan *s, struct span x)
{
	return tense_read(s, x, NULL);
}

/* ---- Resolution ---------------------------------------------------- */

/* Does the sentence of x say that what it tells reaches back
 * ("retroactively", "retroactive to")? */
static bool reaches_back(struct scan *s, struct span x)
{
	struct span sen = sentence_around(s, x);

	return memmem(s->p + sen.start, sen.end - sen.start, "retroactiv", 10) != NULL;
}

/* The year of a day and month written without one: the article's, unless
 * that is more than half a year on the side the tense rules out.  A
 * weekday written with it ("Thursday, October 9") picks the year. */
static int infer_year(struct scan *s, struct span x, int month, int day,
		      int weekday, const struct lead *l)
{
	int y = s->date.year;
	long dd;
	enum tense t, own = TENSE_NONE;
	bool on_in = l->on_in;

	if (weekday >= 0) {
		int best = 0, k;
		long best_dist = 0;

		for (k = y - 1; k <= y + 1; k++) {
			long dist;

			if (!valid_date(k, month, day) ||
			    weekday_of(day_number(k, month, day)) != weekday)
				continue;
			dist = day_number(k, month, day) - s->today;
			if (dist < 0)
				dist = -dist;
			if (best == 0 || dist < best_dist) {
				best = k;
				best_dist = dist;
			}
		}
		if (best != 0)
			return best;
	}
	/* Measured on the article's year, with February 29 moved to the
	 * 28th so that the distance is defined in any year. */
	dd = day_number(y, month, month == 2 && day == 29 ? 28 : day) -
	     s->today;
	if (dd == 0)
		return y;
	if (!on_in && dd <= HALF_YEAR && dd >= -HALF_YEAR) {
		/* a start gone by this year, in a clause of its own in the
		 * future ("will start operating from 1 July"): next year's,
		 * unless it reaches back ("will apply retroactively from") */
		if (dd < 0 && l->from &&
		    (tense_read(s, x, &own), own == TENSE_FUTURE) &&
		    !reaches_back(s, x))
			return y + 1;
		return y;
	}
	/* "on November 10", the time of the clause's event: its tense
	 * picks the next such day or the last one.  Otherwise ("from Nov.
	 * 1", "effective April 10", "the orders of April 8") the day may
	 * belong to another event than the clause's: the nearest, unless
	 * the tense rules that out. */
	t = tense_read(s, x, &own);
	/* "cover shipments through Dec. 31": a period that ends, in a
	 * clause not in the past, ends ahead */
	if (l->until && own != TENSE_PAST)
		return dd < 0 ? y + 1 : y;
	if (on_in && t == TENSE_FUTURE)
		return dd < 0 ? y + 1 : y;
	if (on_in && t == TENSE_PAST)
		return dd > 0 ? y - 1 : y;
	if (dd > HALF_YEAR && t != TENSE_FUTURE)
		return y - 1;
	if (dd < -HALF_YEAR && t != TENSE_PAST)
		return y + 1;
	return y;
}

/* Nouns of goods traded ahead: "for shipment in January", "January
 * delivery" name a month to come. */
static const char *const forward_nouns[] = {
	"shipment", "shipments", "delivery", "deliveries", "loading",
	"arrival", "shipping", NULL,
};

/* Does a noun of forward trade stand right before the expression
 * [start, ...) or right after its end? */
static bool forward_trade(const struct scan *s, size_t start, size_t end)
{
	struct span w;

	return (prev_word(s, start, &w) && word_in(s, w, forward_nouns)) ||
	       (next_word(s, end, &w) && word_in(s, w, forward_nouns));
}

/* Nouns of figures published for a month: "January consumer price
 * figures", "October exports". */
static const char *const statistics_nouns[] = {
	"figures", "data", "numbers", "statistics", "exports", "imports",
	"sales", "reading", "readings", "payrolls", "inflation", NULL,
};

/* Does the month ending at end name the month of figures, a few small
 * words before their noun?  They come out after it: the month is the
 * nearest, whatever the tense of their publication. */
static bool statistics_month(const struct scan *s, size_t end)
{
	struct span w;

	for (int k = 0; k < 4 && next_word(s, end, &w) && is_lower(at(s, w.start));
	     k++, end = w.end)
		if (word_in(s, w, statistics_nouns))
			return true;
	return false;
}

/* A month named without a year: "in April", "last May". */
static bool resolve_month(struct scan *s, struct span x, int month,
			  const struct lead *l, struct hit *h)
{
	int y = s->date.year, now = s->date.month;
	enum tense t;

	switch (l->rel) {
	case REL_LAST:
		if (month >= now)
			y--;
		break;
	case REL_NEXT:
		if (month <= now)
			y++;
		break;
	case REL_THIS:
		break;
	default:
		t = l->past ? TENSE_PAST
		    : forward_trade(s, x.start, x.end) ? TENSE_FUTURE
		    : statistics_month(s, x.end) ? TENSE_NONE
						     : tense_at(s, x);
		if (t == TENSE_FUTURE) {
			if (month < now)
				y++;
		} else if (t == TENSE_PAST) {
			if (month > now)
				y--;
		} else if (month - now > 6) {
			y--; /* no tense: the nearest such month */
		} else if (now - month > 6) {
			y++;
		}
		break;
	}
	return set_month(h, y, month);
}

/* A written date and the words before it, resolved into h.  An invalid
 * date ("February 30") uses up its words and yields nothing. */
static bool resolve_written(struct scan *s, const struct written *wr,
			    const struct lead *l, int weekday, struct hit *h)
{
	struct span x;
	int y = wr->year;

	h->start = l->start;
	h->end = wr->end;
	x.start = h->start;
	x.end = h->end;
	if (wr->day == 0) {
		if (y != 0)
			return set_month(h, y, wr->month) || skip_hit(h, x.start, x.end);
		if (!s->anchored)
			return false;
		return resolve_month(s, x, wr->month, l, h) ||
		       skip_hit(h, x.start, x.end);
	}
	if (y == 0) {
		if (!s->anchored)
			return skip_hit(h, x.start, x.end);
		y = infer_year(s, x, wr->month, wr->day, weekday, l);
	}
	if (!valid_date(y, wr->month, wr->day))
		return skip_hit(h, x.start, x.end);
	return set_day(h, day_number(y, wr->month, wr->day)) ||
	       skip_hit(h, x.start, x.end);
}

/* ---- Words before a head ------------------------------------------- */

static enum rel rel_of(const struct scan *s, struct span w)
{
	if (word_is(s, w, "last"))
		return REL_LAST;
	if (word_is(s, w, "this"))
		return REL_THIS;
	if (word_is(s, w, "next"))
		return REL_NEXT;
	if (word_is(s, w, "past"))
		return REL_PAST;
	if (word_is(s, w, "coming"))
		return REL_COMING;
	if (word_is(s, w, "previous") || word_is(s, w, "prior") ||
	    word_is(s, w, "preceding"))
		return REL_PREVIOUS;
	if (word_is(s, w, "following") || word_is(s, w, "same"))
		return REL_FOLLOWING;
	if (word_is(s, w, "first") || word_is(s, w, "final") ||
	    word_is(s, w, "initial"))
		return REL_FIRST;
	return REL_NONE;
}

/* "mid-April", "mid-2025": the start of "mid" when it is joined to the
 * word at i by a hyphen. */
static bool mid_hyphen(const struct scan *s, size_t i, size_t *start)
{
	struct span w;

	if (i < 4 || i - 1 < s->floor + 3 || s->p[i - 1] != '-')
		return false;
	w.start = i - 4;
	w.end = i - 1;
	if (!word_is(s, w, "mid") ||
	    (w.start > 0 && is_alnum((unsigned char)s->p[w.start - 1])))
		return false;
	*start = w.start;
	return true;
}

/* Reads the words before a month, weekday or year that starts at start:
 * [earlier|late...] [in|on|since|by...] [early|late|mid] [last|this|next]. */
static void read_lead(const struct scan *s, size_t start, struct lead *l)
{
	struct span pw, p2;

	l->start = start;
	l->rel = REL_NONE;
	l->licensed = false;
	l->past = false;
	l->capital_before = false;
	l->on_in = false;
	l->until = false;
	l->from = false;
	if (mid_hyphen(s, start, &l->start)) {
		l->licensed = true;
		start = l->start;
	}
	if (!prev_word(s, start, &pw))
		return;
	if (!l->licensed && word_in(s, pw, shade_words)) {
		l->start = pw.start;
		l->licensed = true;
		if (!prev_word(s, pw.start, &pw))
			return;
	} else if (!l->licensed && (word_is(s, pw, "last") ||
				    word_is(s, pw, "this") ||
				    word_is(s, pw, "next"))) {
		l->rel = rel_of(s, pw);
		l->start = pw.start;
		l->licensed = true;
		return;
	}
	if (word_is(s, pw, "on") || word_is(s, pw, "in")) {
		l->start = pw.start;
		l->licensed = true;
		l->on_in = true;
		/* "earlier on Tuesday", "late on Monday" */
		if (prev_word(s, pw.start, &p2) &&
		    (word_is(s, p2, "earlier") || word_is(s, p2, "early") ||
		     word_is(s, p2, "late") || word_is(s, p2, "later"))) {
			l->start = p2.start;
			l->past = word_is(s, p2, "earlier");
		}
		return;
	}
	if (word_in(s, pw, licensing_words)) {
		l->licensed = true;
		l->past = word_is(s, pw, "since");
		l->until = word_is(s, pw, "until") || word_is(s, pw, "till") ||
			   word_is(s, pw, "through");
		l->from = word_is(s, pw, "from");
		return;
	}
	if (!l->licensed && capitalised(s, pw) &&
	    !at_sentence_start(s, pw.start))
		l->capital_before = true;
}

/* "compared to a year ago", "than last year": a yardstick, not a time
 * something happened.  With relative set, "from" and "on" count too
 * ("up 5% from a year earlier"). */
static bool is_yardstick(const struct scan *s, size_t start, bool relative)
{
	struct span pw, p2;

	if (!prev_word(s, start, &pw))
		return false;
	if (word_is(s, pw, "than") || word_is(s, pw, "versus"))
		return true;
	if ((word_is(s, pw, "to") || word_is(s, pw, "with")) &&
	    prev_word(s, pw.start, &p2) && word_is(s, p2, "compared"))
		return true;
	return relative && (word_is(s, pw, "from") || word_is(s, pw, "on"));
}

/* Words that measure a duration before its count: "within just over",
 * "at least", "more than", "up to".  Moves *start over them. */
/* "at least", "at most", "more than", "less than", "fewer than", "up to" */
static bool two_word_quantifier(const struct scan *s, struct span first,
				struct span second)
{
	if (word_is(s, second, "least") || word_is(s, second, "most"))
		return word_is(s, first, "at");
	if (word_is(s, second, "than"))
		return word_is(s, first, "more") || word_is(s, first, "less") ||
		       word_is(s, first, "fewer");
	return word_is(s, second, "to") && word_is(s, first, "up");
}

static void read_quantifiers(const struct scan *s, size_t *start,
			     bool *intro)
{
	struct span pw, p2;
	bool added = false; /* the word before was "further", "additional" */
	int k;

	for (k = 0; k < MAX_QUANTIFIERS && prev_word(s, *start, &pw); k++) {
		bool was_added = added;

		added = false;
		if (word_in(s, pw, duration_intros)) {
			*start = pw.start;
			*intro = true;
		} else if (word_in(s, pw, quantifiers)) {
			*start = pw.start;
			added = word_in(s, pw, added_words);
		} else if (was_added &&
			   (word_is(s, pw, "a") || word_is(s, pw, "an"))) {
			*start = pw.start; /* "a further 90 days" */
		} else if (prev_word(s, pw.start, &p2) &&
			   two_word_quantifier(s, p2, pw)) {
			*start = p2.start;
			*intro = true;
		} else {
			break;
		}
	}
}

/* ---- Heads --------------------------------------------------------- */

/* A month and what follows it, from just after the month's name:
 * "October 9", "Oct. 9, 2025", "September 2025". */
static void month_tail(const struct scan *s, const struct headword *m,
		       size_t pos, struct written *wr)
{
	size_t i, j;

	wr->month = m->value;
	wr->end = pos;
	if (m->kind == HEAD_MONTH_ABBR && at(s, pos) == '.')
		pos++;
	i = skip_spaces(s, pos);
	if (i == pos)
		return;
	if (day_at(s, i, &wr->day, &j)) {
		size_t k = j;

		wr->end = j;
		if (at(s, k) == ',')
			k++;
		i = skip_spaces(s, k);
		if (i > k && year_at(s, i, &wr->year, &j))
			wr->end = j;
		return;
	}
	if (year_at(s, i, &wr->year, &j))
		wr->end = j;
}

/* "9 October", "21st of November 2025", from the day at i. */
static bool day_first_at(const struct scan *s, size_t i, struct written *wr)
{
	const struct headword *m;
	struct span w;
	size_t j, k;
	int day;

	if (!day_at(s, i, &day, &j) || !next_word(s, j, &w))
		return false;
	if (word_is(s, w, "of") && !next_word(s, w.end, &w))
		return false;
	m = month_of(s, w);
	if (m == NULL)
		return false;
	wr->day = day;
	wr->month = m->value;
	wr->year = 0;
	wr->end = w.end;
	k = w.end;
	if (m->kind == HEAD_MONTH_ABBR && at(s, k) == '.')
		k++;
	if (at(s, k) == ',')
		k++;
	i = skip_spaces(s, k);
	if (i > k && year_at(s, i, &wr->year, &j))
		wr->end = j;
	return true;
}

/* A date with its day written right after pos, as after a weekday. */
static bool written_date_after(const struct scan *s, size_t pos,
			       struct written *wr)
{
	const struct headword *m;
	size_t i = skip_spaces(s, pos);

	if (i == pos)
		return false;
	if (is_digit(at(s, i)))
		return day_first_at(s, i, wr);
	if (!is_upper(at(s, i)))
		return false;
	m = month_of(s, run_at(s, i));
	if (m == NULL)
		return false;
	wr->year = 0;
	wr->day = 0;
	month_tail(s, m, run_at(s, i).end, wr);
	return wr->day != 0;
}

static bool match_month(struct scan *s, struct span w,
			const struct headword *m, struct hit *h)
{
	struct written wr = { 0, 0, 0, 0 };
	struct lead l;
	struct span nw;
	size_t mid;

	if (w.start > 0 && s->p[w.start - 1] == '-' &&
	    !mid_hyphen(s, w.start, &mid))
		return false; /* "post-April" */
	month_tail(s, m, w.end, &wr);
	if (m->kind == HEAD_MONTH_ABBR && wr.day == 0 && wr.year == 0)
		return false; /* "Jan" the name, "Mar" the verb */
	read_lead(s, w.start, &l);
	if (wr.day == 0 && wr.year == 0) {
		/* "every December": no one time */
		if (prev_word(s, l.start, &nw) &&
		    (word_is(s, nw, "every") || word_is(s, nw, "each")))
			return skip_hit(h, nw.start, w.end);
		/* A bare "May" or "March" is too often a name or a verb. */
		if ((m->value == 5 || m->value == 3) && !l.licensed)
			return false;
		if (!l.licensed &&
		    (l.capital_before ||
		     (next_word(s, w.end, &nw) && capitalised(s, nw))))
			return false; /* "Grace April", "April Ryan" */
	}
	return resolve_written(s, &wr, &l, -1, h);
}

static bool match_weekday(struct scan *s, struct span w,
			  const struct headword *wd, struct hit *h)
{
	struct written wr;
	struct lead l;
	struct span nw, x;
	size_t pos = w.end;
	long n, aw;
	int day = wd->value;

	if (w.start > 0 && s->p[w.start - 1] == '-')
		return false;
	read_lead(s, w.start, &l);
	/* "Thursday, October 9": the date decides. */
	if (wd->kind == HEAD_WEEKDAY_ABBR && at(s, pos) == '.')
		pos++;
	if (at(s, pos) == ',')
		pos++;
	if (written_date_after(s, pos, &wr))
		return resolve_written(s, &wr, &l, day, h);
	if (wd->kind == HEAD_WEEKDAY_ABBR || !s->anchored ||
	    (!l.licensed && l.capital_before))
		return false; /* "Bloomberg Friday", a name */
	if (l.start == w.start && prev_word(s, w.start, &nw) &&
	    capitalised(s, nw) && word_in(s, nw, holiday_words))
		return false; /* "Black Friday" */
	x.start = l.start;
	x.end = w.end;
	if (next_word(s, w.end, &nw)) {
		if (is_lower(at(s, nw.start)) && word_in(s, nw, dayparts_after))
			x.end = nw.end;
		else if (!l.licensed && capitalised(s, nw))
			return false; /* "Sunday Times" */
	}
	n = s->today;
	aw = weekday_of(n);
	switch (l.rel) {
	case REL_LAST:
		n -= (aw - day + 7) % 7 ? (aw - day + 7) % 7 : 7;
		break;
	case REL_NEXT:
		n += (day - aw + 7) % 7 ? (day - aw + 7) % 7 : 7;
		break;
	case REL_THIS:
		n += day - aw;
		break;
	default:
		/* The article's own weekday is the article's day, as in wire
		 * copy ("said on Friday" in Friday's paper). */
		if (!l.past && tense_at(s, x) == TENSE_FUTURE)
			n += (day - aw + 7) % 7;
		else
			n -= (aw - day + 7) % 7;
		break;
	}
	h->start = x.start;
	h->end = x.end;
	return set_day(h, n);
}

/* yesterday, today, tomorrow, tonight; with "the day before" or after,
 * "earlier today", and a part of the day after them. */
static bool match_dayword(struct scan *s, struct span w,
			  const struct headword *hw, struct hit *h)
{
	struct span pw, p2, p3, nw;
	long n;

	if (!s->anchored || (w.start > 0 && s->p[w.start - 1] == '-'))
		return false;
	/* Capitalised inside a sentence it is a name: "USA Today". */
	if (capitalised(s, w) && !at_sentence_start(s, w.start))
		return false;
	n = s->today + hw->value;
	h->start = w.start;
	h->end = w.end;
	if (prev_word(s, w.start, &pw)) {
		if (word_is(s, pw, "earlier") || word_is(s, pw, "later")) {
			h->start = pw.start;
		} else if ((word_is(s, pw, "before") || word_is(s, pw, "after")) &&
			   hw->value != 0 && prev_word(s, pw.start, &p2) &&
			   word_is(s, p2, "day") && prev_word(s, p2.start, &p3) &&
			   word_is(s, p3, "the")) {
			h->start = p3.start;
			n += hw->value;
		}
	}
	if (!word_is(s, w, "tonight") && next_word(s, w.end, &nw) &&
	    is_lower(at(s, nw.start)) && word_in(s, nw, dayparts_after))
		h->end = nw.end;
	return set_day(h, n);
}

/* "this morning", "last night". */
static bool match_daypart(struct scan *s, struct span w, struct hit *h)
{
	struct span pw;

	if (!s->anchored || !prev_word(s, w.start, &pw))
		return false;
	h->start = pw.start;
	h->end = w.end;
	if (word_is(s, pw, "this"))
		return set_day(h, s->today);
	if (word_is(s, pw, "last") &&
	    (word_is(s, w, "night") || word_is(s, w, "evening")))
		return set_day(h, s->today - 1);
	return false;
}

/* "last week", "this year", "earlier this month". */
static bool unit_point(struct scan *s, enum unit unit, enum rel rel,
		       size_t start, size_t end, struct hit *h)
{
	struct span pw;
	int delta = rel == REL_LAST ? -1 : rel == REL_NEXT ? 1 : 0;

	if (is_yardstick(s, start, false))
		return skip_hit(h, start, end);
	if (unit == UNIT_DAY || unit == UNIT_DECADE || !s->anchored)
		return false;
	/* "earlier this year", "late last year" */
	if (prev_word(s, start, &pw) &&
	    (word_is(s, pw, "earlier") || word_is(s, pw, "later") ||
	     word_is(s, pw, "early") || word_is(s, pw, "late")))
		start = pw.start;
	h->start = start;
	h->end = end;
	switch (unit) {
	case UNIT_WEEK:
		return set_week(h, s->today + 7L * delta);
	case UNIT_MONTH:
		return set_month(h, s->date.year, s->date.month + delta);
	default:
		return set_year(h, (long)s->date.year + delta);
	}
}

/* "two weeks ago", "a week earlier", "three days from now". */
static bool unit_offset(struct scan *s, enum unit unit, int count,
			size_t start, size_t end, struct hit *h)
{
	long k = count;

	if (count == 0 || !s->anchored)
		return skip_hit(h, start, end);
	h->start = start;
	h->end = end;
	switch (unit) {
	case UNIT_DAY:
		return set_day(h, s->today + k) || skip_hit(h, start, end);
	case UNIT_WEEK:
		return set_week(h, s->today + 7 * k) || skip_hit(h, start, end);
	case UNIT_MONTH:
		return set_month(h, s->date.year, s->date.month + k) ||
		       skip_hit(h, start, end);
	case UNIT_YEAR:
		return set_year(h, s->date.year + k) || skip_hit(h, start, end);
	default:
		return set_year(h, s->date.year + 10 * k) ||
		       skip_hit(h, start, end);
	}
}

/* "90-day", "five-year": a duration; "30-year-old": an age. */
static bool match_compound(struct scan *s, struct span w, enum unit unit,
			   struct hit *h)
{
	struct span c;
	int count;

	c.end = w.start - 1;
	c.start = c.end;
	if (is_digit(at(s, c.end - 1))) {
		while (c.start > s->floor && is_digit(at(s, c.start - 1)))
			c.start--;
	} else {
		while (c.start > s->floor && is_letter(at(s, c.start - 1)))
			c.start--;
	}
	if (c.start == c.end || (c.start > 0 && is_alnum(at(s, c.start - 1))))
		return false;
	count = count_of(s, c);
	if (count <= 0 || word_is(s, c, "a") || word_is(s, c, "an"))
		return false;
	if (at(s, w.end) == '-') {
		struct span old = run_at(s, w.end + 1);

		if (word_is(s, old, "old"))
			return skip_hit(h, c.start, old.end);
		return false;
	}
	h->start = c.start;
	h->end = w.end;
	set_duration(h, unit, count);
	return true;
}

/* A unit and the words around it: a point ("last week", "two weeks ago")
 * or a duration ("for 90 days", "at least five years", "for months"). */
static bool match_unit(struct scan *s, struct span w,
		       const struct headword *hw, struct hit *h)
{
	enum unit unit = (enum unit)hw->value;
	bool plural = hw->kind == HEAD_UNITS;
	size_t start = w.start;
	struct span pw, nw;
	int count = -1;
	bool article = false, the = false, intro = false, more;
	enum rel rel = REL_NONE;

	if (w.start > 0 && s->p[w.start - 1] == '-')
		return match_compound(s, w, unit, h);
	if (at(s, w.end) == '-')
		return false; /* "year-on-year", "year-end" */

	/* Backwards: [the] [past|last|next...] [count] unit */
	more = prev_word(s, start, &pw);
	if (more && (count = count_of(s, pw)) >= 0) {
		article = word_is(s, pw, "a") || word_is(s, pw, "an");
		start = pw.start;
		more = prev_word(s, start, &pw);
		if (more && word_is(s, pw, "a") && count == 0) {
			start = pw.start; /* "a few" */
			more = prev_word(s, start, &pw);
		}
	}
	if (more && (rel = rel_of(s, pw)) != REL_NONE) {
		start = pw.start;
		more = prev_word(s, start, &pw);
		if (more && rel == REL_PAST && word_is(s, pw, "this")) {
			rel = REL_LAST; /* "this past week" */
			start = pw.start;
			more = prev_word(s, start, &pw);
		}
	}
	if (more && word_is(s, pw, "the")) {
		the = true;
		start = pw.start;
	}

	/* Forwards: ago, earlier, later... */
	if (count >= 0 && rel == REL_NONE && !the && next_word(s, w.end, &nw)) {
		struct span now;

		if (word_is(s, nw, "ago") || word_is(s, nw, "earlier")) {
			read_quantifiers(s, &start, &intro);
			if (is_yardstick(s, start, true))
				return skip_hit(h, start, nw.end);
			return unit_offset(s, unit, -count, start, nw.end, h);
		}
		if (word_is(s, nw, "from") && next_word(s, nw.end, &now) &&
		    word_is(s, now, "now"))
			return unit_offset(s, unit, count, start, now.end, h);
		if (word_is(s, nw, "later") || word_is(s, nw, "before") ||
		    word_is(s, nw, "after"))
			return skip_hit(h, start, nw.end); /* another time */
	}
	if (count < 0 && !plural) {
		if (!the && (rel == REL_LAST || rel == REL_THIS || rel == REL_NEXT))
			return unit_point(s, unit, rel, start, w.end, h);
		if (the && (rel == REL_PREVIOUS || rel == REL_FOLLOWING ||
			    (unit == UNIT_DAY && rel == REL_NEXT)))
			return skip_hit(h, start, w.end); /* another time */
	}

	/* A duration, or nothing. */
	read_quantifiers(s, &start, &intro);
	if (count < 0) {
		bool span_word = rel == REL_PAST || rel == REL_LAST ||
				 rel == REL_NEXT || rel == REL_COMING;

		if (plural ? !(intro || span_word) : !span_word)
			return false; /* "years ahead", "the week" */
		count = plural ? 0 : 1;
	} else if (article && !intro && rel == REL_NONE && !the) {
		return false; /* "$1bn a year", "twice a year" */
	}
	h->start = start;
	h->end = w.end;
	set_duration(h, unit, count);
	return true;
}

/* "Will the truce survive 2026?": a year of this century or the last
 * right after a verb or noun in small letters, ending its sentence, is
 * a date with no preposition. */
static bool year_ends_sentence(const struct scan *s, size_t i, size_t end,
			       int year)
{
	struct span pw;
	unsigned char c = at(s, end);

	if (year < 1900 || year > 2099)
		return false;
	if (c == '.' && at(s, end + 1) != '\0' && at(s, end + 1) != '\n' &&
	    space_at(s, end + 1) == 0)
		return false;
	if (c != '?' && c != '!' && c != '.')
		return false;
	return prev_word(s, i, &pw) && is_lower(at(s, pw.start)) &&
	       count_of(s, pw) < 0;
}

/* "in 2024", "since 2019", "mid-2025", "by the end of 2025". */
static bool match_year(struct scan *s, size_t i, struct hit *h)
{
	struct lead l;
	struct span pw, p2;
	size_t end;
	int year;

	if (!year_at(s, i, &year, &end))
		return false;
	read_lead(s, i, &l);
	if (l.rel != REL_NONE)
		return false; /* "this 2025 plan" */
	if (!l.licensed && !year_ends_sentence(s, i, end, year))
		return false;
	/* "of 2025" only after a part of the year, not in "No. 62 of 2025" */
	if (prev_word(s, i, &pw) && word_is(s, pw, "of") &&
	    (!prev_word(s, pw.start, &p2) ||
	     !(word_is(s, p2, "end") || word_is(s, p2, "start") ||
	       word_is(s, p2, "beginning") || word_is(s, p2, "middle") ||
	       word_is(s, p2, "half") || word_is(s, p2, "quarter") ||
	       word_is(s, p2, "course") || word_is(s, p2, "rest"))))
		return false;
	h->start = l.start;
	h->end = end;
	return set_year(h, year);
}

/* 2025-10-09 */
static bool match_iso(struct scan *s, size_t i, struct hit *h)
{
	struct span y = run_at(s, i), m, d;
	struct lead l;
	int yy, mm, dd;

	if (y.end - y.start != 4 || at(s, y.end) != '-')
		return false;
	m = run_at(s, y.end + 1);
	if (m.end - m.start != 2 || !is_digit(at(s, m.start)) ||
	    at(s, m.end) != '-')
		return false;
	d = run_at(s, m.end + 1);
	if (d.end - d.start != 2 || !is_digit(at(s, d.start)) ||
	    !number_ends_cleanly(s, d.end) || at(s, d.end) == '-')
		return false;
	read_lead(s, i, &l);
	yy = digits_value(s, y);
	mm = digits_value(s, m);
	dd = digits_value(s, d);
	h->start = l.start;
	h->end = d.end;
	if (!valid_date(yy, mm, dd))
		return skip_hit(h, h->start, h->end);
	return set_day(h, day_number(yy, mm, dd)) ||
	       skip_hit(h, h->start, h->end);
}

/* A run of digits at i: an ISO date, a day before its month, a year. */
static bool match_number(struct scan *s, size_t i, struct hit *h)
{
	struct span w = run_at(s, i);
	struct written wr;
	struct lead l;
	size_t mid;

	if (!clean_number_start(s, i) && !mid_hyphen(s, i, &mid))
		return false;
	switch (w.end - w.start) {
	case 1:
	case 2:
		if (!day_first_at(s, i, &wr))
			return false;
		read_lead(s, i, &l);
		return resolve_written(s, &wr, &l, -1, h);
	case 4:
		return match_iso(s, i, h) || match_year(s, i, h);
	default:
		return false;
	}
}

/* "in the first quarter": the year of the latest such quarter in the
 * past, or of the next one in the future; "the fourth quarter of 2025"
 * is left to its year. */
static bool match_quarter(struct scan *s, struct span w, struct hit *h)
{
	static const char *const ordinals[] = { "first", "second", "third",
						"fourth", NULL };
	struct span ord, the, in, nw;
	struct span x;
	int q, now, y = s->date.year;
	enum tense t;

	if (!s->anchored || (w.start > 0 && s->p[w.start - 1] == '-') ||
	    !prev_word(s, w.start, &ord) || !prev_word(s, ord.start, &the) ||
	    !word_is(s, the, "the"))
		return false;
	for (q = 0; ordinals[q] != NULL && !word_is(s, ord, ordinals[q]); q++)
		;
	if (ordinals[q] == NULL || (next_word(s, w.end, &nw) && word_is(s, nw, "of")))
		return false;
	q++;
	x.start = the.start;
	x.end = w.end;
	if (prev_word(s, the.start, &in) && word_is(s, in, "in"))
		x.start = in.start;
	now = (s->date.month - 1) / 3 + 1;
	t = tense_at(s, x);
	if (t == TENSE_FUTURE) {
		if (q < now)
			y++;
	} else if (t == TENSE_PAST ? q >= now : q > now) {
		y--;
	}
	h->start = x.start;
	h->end = x.end;
	return set_year(h, y);
}

static bool match_word(struct scan *s, struct span w, struct hit *h)
{
	const struct headword *hw = head_of(s, w);

	if (hw == NULL)
		return false;
	switch (hw->kind) {
	case HEAD_MONTH:
	case HEAD_MONTH_ABBR:
		return match_month(s, w, hw, h);
	case HEAD_WEEKDAY:
	case HEAD_WEEKDAY_ABBR:
		return match_weekday(s, w, hw, h);
	case HEAD_UNIT:
	case HEAD_UNITS:
		return match_unit(s, w, hw, h);
	case HEAD_DAYWORD:
		return match_dayword(s, w, hw, h);
	case HEAD_QUARTER:
		return match_quarter(s, w, h);
	default:
		return match_daypart(s, w, h);
	}
}

/* ---- Scan ---------------------------------------------------------- */

/* The end of the run of letters and digits at i, and whether it holds
 * a digit. */
static size_t run_end(const struct scan *s, size_t i, bool *digit)
{
	*digit = false;
	while (i < s->len && is_alnum((unsigned char)s->p[i])) {
		*digit |= is_digit((unsigned char)s->p[i]);
		i++;
	}
	return i;
}

/* Whether the run of letters at i may be a head word (3 to 9 letters,
 * no digits), and if so its end. */
static bool may_be_head(const struct scan *s, size_t i, size_t *end)
{
	unsigned lengths;
	bool digit;

	if (i + 3 > s->len || (lengths = head_lengths(s->p + i)) == 0)
		return false;
	*end = run_end(s, i, &digit);
	return !digit && *end - i <= 9 && (lengths >> (*end - i) & 1u);
}

/* Tries the run at i, of digits or letters; on a match records it and
 * returns where the scan goes on (past the run and the expression),
 * else 0. */
static size_t try_head(struct scan *s, size_t i)
{
	struct hit h;
	struct span w = { i, i };
	bool digits = is_digit((unsigned char)s->p[i]), found, digit;

	if (digits)
		w.end = run_end(s, i, &digit);
	else if (!may_be_head(s, i, &w.end))
		return 0;
	memset(&h, 0, sizeof(h));
	h.emit = true;
	found = digits ? match_number(s, i, &h) : match_word(s, w, &h);
	if (!found)
		return 0;
	if (h.emit)
		push(s, &h);
	s->floor = h.end;
	return h.end > w.end ? h.end : w.end;
}

/* How many places worth a try find_tries collects at a time. */
#define MAX_TRIES 64

/* Of sixteen bytes, a bit each (the first byte in bit 0): the letters
 * and digits, and the digits. */
struct byte_bits {
	unsigned alnum, digits;
};

/* The high bits of the bytes of m as eight bits, the first byte's in
 * bit 0. */
static unsigned gather_highs(uint64_t m)
{
	return (unsigned)(((m >> 7) * UINT64_C(0x0102040810204080)) >> 56);
}

/* The classes of the (up to) sixteen bytes at p < s->len, eight at a
 * time, bytes past the end no letters. */
static struct byte_bits classify_swar(const struct scan *s, size_t p)
{
	struct byte_bits b = { 0, 0 };

	for (size_t half = 0; half < 16 && p + half < s->len; half += 8) {
		uint64_t x = eight_bytes(s, p + half);
		uint64_t digits = bytes_in(x, '0', '9');
		uint64_t letters = bytes_in(x | ONES * 0x20, 'a', 'z');

		b.alnum |= gather_highs(letters | digits) << half;
		b.digits |= gather_highs(digits) << half;
	}
	return b;
}

#if defined(__SSE2__)
/* The same with SSE2, sixteen bytes in one go where they all lie in
 * the text.  Bytes from 0x80 are negative, below every range. */
static struct byte_bits classify(const struct scan *s, size_t p)
{
	struct byte_bits b;
	__m128i v, folded, letters, digits;

	if (p + 16 > s->len)
		return classify_swar(s, p);
	v = _mm_loadu_si128((const __m128i *)(const void *)(s->p + p));
	folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
	letters = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
				_mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
	digits = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
			       _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	b.alnum = (unsigned)_mm_movemask_epi8(_mm_or_si128(letters, digits));
	b.digits = (unsigned)_mm_movemask_epi8(digits);
	return b;
}
#else
static struct byte_bits classify(const struct scan *s, size_t p)
{
	return classify_swar(s, p);
}
#endif

/* The index of the lowest bit set in m (not 0). */
static unsigned lowest_bit(unsigned m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctz(m);
#else
	unsigned k = 0;

	while (!(m >> k & 1u))
		k++;
	return k;
#endif
}

/* The places worth a try from *pos on, into places (at most MAX_TRIES):
 * where a run of digits starts, or one of letters whose first three
 * may begin a head word.  Reads sixteen bytes at a time and moves *pos
 * past them; *carry says whether the byte before *pos is a letter or
 * digit (a run goes on).  A loop without calls, over most of the text. */
static size_t find_tries(const struct scan *s, size_t *pos, unsigned *carry,
			 size_t *places)
{
	size_t n = 0, p = *pos;
	unsigned before = *carry;

	/* sixteen bytes start at most eight runs */
	while (p < s->len && n + 8 <= MAX_TRIES) {
		struct byte_bits b = classify(s, p);
		unsigned starts = b.alnum & ~(b.alnum << 1 | before);

		before = b.alnum >> 15 & 1u;
		while (starts != 0) {
			unsigned k = lowest_bit(starts);
			size_t i = p + k;

			if ((b.digits >> k & 1u) ||
			    (i + 3 <= s->len && head_lengths(s->p + i) != 0))
				places[n++] = i;
			starts &= starts - 1;
		}
		p += 16;
	}
	*pos = p;
	*carry = before;
	return n;
}

/* Tries the places find_tries found, in order.  After a match the scan
 * goes on where it ends (*next): places before are passed over, and a
 * match that ends inside a run makes the rest of the run one of its own,
 * as a run starts wherever the scan goes on. */
static void try_places(struct scan *s, const size_t *places, size_t n,
		       size_t read, size_t *next)
{
	for (size_t k = 0; k < n; k++) {
		size_t resume;

		if (places[k] < *next)
			continue;
		resume = try_head(s, places[k]);
		while (resume > 0) {
			*next = resume;
			if (resume < read && resume < s->len &&
			    is_alnum((unsigned char)s->p[resume]) &&
			    is_alnum((unsigned char)s->p[resume - 1]))
				resume = try_head(s, resume);
			else
				resume = 0;
		}
	}
}

/* The text is read sixteen bytes at a time: only where a run of letters
 * or digits starts is there anything to try. */
static void scan_text(struct scan *s)
{
	size_t pos = 0, next = 0, places[MAX_TRIES];
	unsigned carry = 0;

	while (pos < s->len) {
		size_t n = find_tries(s, &pos, &carry, places);

		try_places(s, places, n, pos, &next);
		if (next >= pos) {
			/* a match reaches past what was read: read on from
			 * its end, where a run may start */
			pos = next;
			carry = 0;
		}
	}
}

/* ---- Entry points -------------------------------------------------- */

void timex_find(const struct doc *d, struct time_expr **out, size_t *n)
{
	struct scan s;

	if (d == NULL || d->text == NULL || out == NULL || n == NULL)
		return;
	/* the indexes of the cue and head words, built once for all threads */
	pthread_once(&index_once, index_words);
	memset(&s, 0, sizeof(s));
	s.d = d;
	s.p = d->text;
	s.len = d->len;
	s.date = d->date;
	/* Room on both sides for the arithmetic of relative expressions. */
	s.anchored = valid_date(d->date.year, d->date.month, d->date.day) &&
		     d->date.year > MIN_YEAR + 10 && d->date.year < MAX_YEAR - 10;
	if (s.anchored)
		s.today = day_number(d->date.year, d->date.month, d->date.day);
	scan_text(&s);
	if (s.n > 0) {
		*out = xrealloc(*out, (*n + s.n) * sizeof(**out));
		memcpy(*out + *n, s.v, s.n * sizeof(*s.v));
		*n += s.n;
	}
	free(s.v);
}

/* Writes n as width digits (0 <= n < 10^width); returns the end. */
static char *put_digits(char *out, int n, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		out[i] = (char)('0' + n % 10);
		n /= 10;
	}
	return out + width;
}

/* "YYYY-MM-DD" and its NUL (11 bytes). */
static void put_day(char *out, struct ymd d)
{
	char *p = put_digits(out, d.year, 4);
	*p++ = '-';
	p = put_digits(p, d.month, 2);
	*p++ = '-';
	p = put_digits(p, d.day, 2);
	*p = '\0';
}

/* Dates are written by hand: the store writes one per event, and
 * snprintf cost more than the insert it served. */
void timex_format(const struct time_expr *t, char *buf, size_t size)
{
	static const char units[] = { 'D', 'W', 'M', 'Y' };
	char date[TIMEX_DAY_SIZE];
	char *p;

	if (buf == NULL || size == 0)
		return;
	buf[0] = '\0';
	if (t == NULL || (unsigned)t->precision > PRECISION_YEAR)
		return;
	if (t->is_duration) {
		if (t->value.day > 0)
			snprintf(buf, size, "P%d%c", t->value.day,
				 units[t->precision]);
		else
			snprintf(buf, size, "PX%c", units[t->precision]);
		return;
	}
	if (t->precision == PRECISION_DAY) {
		put_day(date, t->value);
		p = date + 10;
	} else {
		p = put_digits(date, t->value.year, 4);
		if (t->precision == PRECISION_WEEK) {
			*p++ = '-';
			*p++ = 'W';
			p = put_digits(p, t->value.day, 2);
		} else if (t->precision == PRECISION_MONTH) {
			*p++ = '-';
			p = put_digits(p, t->value.month, 2);
		}
	}
	size_t len = (size_t)(p - date) < size ? (size_t)(p - date) : size - 1;
	memcpy(buf, date, len);
	buf[len] = '\0';
}

void timex_days(const struct time_expr *t, char *first, char *last)
{
	struct ymd a = t->value, b = t->value;

	switch (t->precision) {
	case PRECISION_DAY:
		break;
	case PRECISION_WEEK: {
		/* the Monday of the week holding January 4th, d - 1 weeks on */
		long jan4 = day_number(t->value.year, 1, 4);
		long monday = jan4 - weekday_of(jan4) + 7L * (t->value.day - 1);
		a = from_day_number(monday);
		b = from_day_number(monday + 6);
		break;
	}
	case PRECISION_MONTH:
		a.day = 1;
		b.day = days_in_month(t->value.year, t->value.month);
		break;
	case PRECISION_YEAR:
		a.month = a.day = 1;
		b.month = 12;
		b.day = 31;
		break;
	}
	put_day(first, a);
	put_day(last, b);
}
