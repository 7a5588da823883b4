/* Unit tests for time expressions.  Every table row is one sentence with
 * its article's date and the exact expressions expected in it, in order:
 * the text of each span, its value as timex_format writes it, and whether
 * it is a duration.  Each row runs as its own cmocka test named after its
 * sentence.  Weekdays and ISO weeks were worked out independently with
 * Python's datetime, not read off the implementation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "table.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/timex.h"

#define MAX_WANT 4
#define VALUE_LEN 24

struct want {
	const char *text;  /* the span; NULL ends the list */
	const char *value; /* timex_format's output */
	bool duration;
};

struct timex_case {
	const char *date; /* the article's, YYYY-MM-DD */
	const char *text; /* one sentence */
	struct want want[MAX_WANT];
};

#define NONE { { NULL, NULL, false } }
#define D false /* a date */
#define P true	/* a period: a duration */

/* 2025-11-21, the seed article's date, is a Friday in ISO week 47. */
#define SEED "2025-11-21"

static const struct timex_case cases[] = {
	/* The seed article (tests/articles, dated Friday 2025-11-21). */
	{ SEED, "Fri. Nov 21st, 2025",
	  { { "Fri. Nov 21st, 2025", "2025-11-21", D } } },
	{ SEED,
	  "Last week, China\xe2\x80\x99s Ministry of Commerce issued a document "
	  "officially titled \xe2\x80\x9c" "Announcement No. 62 of 2025.\xe2\x80\x9d",
	  { { "Last week", "2025-W46", D } } },
	{ SEED,
	  "On Thursday, a spokesperson for the Chinese Commerce Ministry "
	  "retorted that shortly after the China-US economic and trade talks "
	  "in Madrid in September, \xe2\x80\x9c" "and despite repeated dissuasion "
	  "from the Chinese side, the US side introduced 20 measures to "
	  "suppress China within just over 20 days.\xe2\x80\x9d",
	  { { "On Thursday", "2025-11-20", D },
	    { "in September", "2025-09", D },
	    { "within just over 20 days", "P20D", P } } },
	{ SEED,
	  "This week also saw the imposition of new port fees on each "
	  "other\xe2\x80\x99s ships by the world\xe2\x80\x99s two largest economies.",
	  { { "This week", "2025-W47", D } } },
	{ SEED,
	  "This resurgence in trade tensions marks an end to the relative calm "
	  "that had prevailed for months after senior US and Chinese officials "
	  "brokered a truce in May.",
	  { { "for months", "PXM", P }, { "in May", "2025-05", D } } },
	{ SEED,
	  "President Trump and Chinese President Xi Jinping are expected to "
	  "meet later this month, and experts have indicated to the BBC that "
	  "the restrictions on rare earth exports will give China a strategic "
	  "advantage.",
	  { { "later this month", "2025-11", D } } },
	{ SEED,
	  "The new restrictions expand on measures announced by Beijing in "
	  "April, which caused a global supply crunch before a series of "
	  "agreements with Europe and the US eased the shortages.",
	  { { "in April", "2025-04", D } } },
	/* "the previous year" is a yardstick here, not an event. */
	{ SEED,
	  "The latest official figures from China indicate that exports of "
	  "these critical minerals were down by more than 30% in September "
	  "compared to the previous year.",
	  { { "in September", "2025-09", D } } },
	{ SEED,
	  "\xe2\x80\x9c" "Even if the US and all its allies make processing rare "
	  "earths a national project, I would say that it will take at least "
	  "five years to catch up with China.\xe2\x80\x9d",
	  { { "at least five years", "P5Y", P } } },
	{ SEED,
	  "For instance, it is estimated that a single F-35 fighter jet "
	  "requires over 400kg (881.8lb) of rare earth elements for its "
	  "stealth coatings, motors, radars, and other essential components.",
	  NONE },
	{ SEED,
	  "Natasha Jha Bhaskar from the Newland Global Group noted that "
	  "China\xe2\x80\x99s rare earth exports also account for approximately "
	  "70% of the global supply of metals used for magnets in electric "
	  "vehicle motors.",
	  NONE },
	{ SEED,
	  "Jiao Yang from Singapore Management University believes that while "
	  "Beijing may hold the upper hand in the short term, Washington does "
	  "possess some strategic options.",
	  NONE },
	{ SEED,
	  "Prof. Sophia Kalantzakos from New York University noted that rare "
	  "earth elements constitute a very small part of China\xe2\x80\x99s "
	  "$18.7tn annual economy.",
	  NONE },
	{ SEED,
	  "The latest official figures show its exports to the US were down "
	  "by 27% compared to a year ago.",
	  NONE },
	{ SEED,
	  "Bolton is the third of the US president\xe2\x80\x99s political "
	  "opponents to face charges in recent weeks.",
	  NONE },
	{ SEED,
	  "The call comes a day before Ukrainian President Volodymyr Zelensky "
	  "visits the White House.",
	  NONE },
	{ SEED,
	  "In response, US President Donald Trump threatened to impose an "
	  "additional 100% tariff on Chinese goods.",
	  NONE },

	/* Explicit dates. */
	{ SEED, "The ministry published the list on October 9, 2025.",
	  { { "on October 9, 2025", "2025-10-09", D } } },
	{ SEED, "The rules were announced on Oct. 9, 2025, by the ministry.",
	  { { "on Oct. 9, 2025", "2025-10-09", D } } },
	{ SEED, "The agreement was signed on 9 October 2025 in Geneva.",
	  { { "on 9 October 2025", "2025-10-09", D } } },
	{ SEED, "Officials met on 9 October to review the list.",
	  { { "on 9 October", "2025-10-09", D } } },
	{ SEED, "The controls took effect on Oct. 9.",
	  { { "on Oct. 9", "2025-10-09", D } } },
	{ SEED, "The filing deadline was October 9.",
	  { { "October 9", "2025-10-09", D } } },
	{ SEED, "The notice, dated 2025-10-09, lists 14 items.",
	  { { "2025-10-09", "2025-10-09", D } } },
	{ SEED, "Beijing first raised the issue on Sept. 3, 2024.",
	  { { "on Sept. 3, 2024", "2024-09-03", D } } },
	{ SEED, "The envoy arrived on the 21st of November.",
	  { { "21st of November", "2025-11-21", D } } },
	{ SEED, "Talks resumed in September 2025 after a pause.",
	  { { "in September 2025", "2025-09", D } } },
	{ SEED, "The meeting took place on Thursday, October 9, in Madrid.",
	  { { "on Thursday, October 9", "2025-10-09", D } } },
	/* Past tense, and November 20 would be 283 days ahead: last year. */
	{ "2025-02-10", "The ministry said on November 20 that talks had stalled.",
	  { { "on November 20", "2024-11-20", D } } },
	/* Future tense, and January 15 lies 310 days back: next year. */
	{ SEED, "The tariffs will take effect on January 15.",
	  { { "on January 15", "2026-01-15", D } } },
	/* No tense: the nearest January 1. */
	{ "2025-12-28", "The new rules apply from January 1.",
	  { { "January 1", "2026-01-01", D } } },
	/* "on" a day and month: the tense picks the next one or the last
	 * one, however near the other. */
	{ "2025-12-03",
	  "The rule comes back on November 10 unless it is extended again.",
	  { { "on November 10", "2026-11-10", D } } },
	{ "2025-11-03", "The ministry said it met the envoy on November 20.",
	  { { "on November 20", "2024-11-20", D } } },
	/* "is published": a present passive, no past tense */
	{ "2025-12-03", "The new report is published on December 10.",
	  { { "on December 10", "2025-12-10", D } } },
	/* A start gone by this year, in a clause of its own in the future:
	 * next year's; unless the clause reaches back. */
	{ "2025-11-20", "The reserve will start operating from 1 July.",
	  { { "1 July", "2026-07-01", D } } },
	{ "2025-08-21", "The lower rate will apply retroactively from 1 August.",
	  { { "1 August", "2025-08-01", D } } },
	/* The end of a period, in a clause not in the past, lies ahead. */
	{ "2026-03-04", "He said the licences cover shipments through Dec. 31.",
	  { { "Dec. 31", "2026-12-31", D } } },
	{ "2026-03-04", "The licences were valid through Dec. 31.",
	  { { "Dec. 31", "2025-12-31", D } } },
	/* "could", "might": the future. */
	{ "2025-10-24", "Volumes could fall by 8% in November and December.",
	  { { "in November", "2025-11", D }, { "December", "2025-12", D } } },
	/* A month with no tense: the nearest. */
	{ "2026-02-09", "\"Ask me again in June,\" she says.",
	  { { "in June", "2026-06", D } } },
	/* The month of figures is the nearest, whenever they come out. */
	{ "2026-02-09", "The test comes when January consumer price figures are published.",
	  { { "January", "2026-01", D } } },
	/* "every December": no one time. */
	{ "2026-03-04", "Every December, Seoul will have to ask again.", NONE },
	/* Quarters: the year of the last one in the past, of the next one in
	 * the future. */
	{ "2026-02-09", "Investment fell in the fourth quarter.",
	  { { "in the fourth quarter", "2025", D } } },
	{ "2026-02-09", "I expect more of it to reach the shelves in the first quarter.",
	  { { "in the first quarter", "2026", D } } },
	{ "2026-02-09", "A quarter of the bill was paid in the third quarter of 2025.",
	  { { "2025", "2025", D } } },
	/* Not "on" or "in": maybe another event's day, so the nearest. */
	{ "2025-04-07", "China announced an extra tariff, effective April 10.",
	  { { "April 10", "2025-04-10", D } } },
	{ "2025-10-13", "The threat to raise tariffs from Nov. 1 sent stocks down.",
	  { { "Nov. 1", "2025-11-01", D } } },
	/* The object of "told" is still its clause. */
	{ "2025-11-12",
	  "Takaichi told parliament on Monday that her government would act.",
	  { { "on Monday", "2025-11-10", D } } },
	{ SEED, "Officials said the deadline of February 30 had passed.", NONE },
	{ SEED, "The file was dated 2025-02-30 by mistake.", NONE },
	{ SEED, "On 9/10 the talks resumed.", NONE },

	/* Weekdays. */
	{ SEED, "The minister will meet his counterpart on Thursday.",
	  { { "on Thursday", "2025-11-27", D } } },
	{ SEED, "The talks are due to resume on Monday.",
	  { { "on Monday", "2025-11-24", D } } },
	{ SEED, "The vote is expected to take place on Tuesday.",
	  { { "on Tuesday", "2025-11-25", D } } },
	{ SEED, "Trade officials met in Geneva last Thursday.",
	  { { "last Thursday", "2025-11-20", D } } },
	{ SEED, "The delegation arrives next Monday.",
	  { { "next Monday", "2025-11-24", D } } },
	{ SEED, "The ministry said on Monday night that it had no comment.",
	  { { "on Monday night", "2025-11-17", D } } },
	{ SEED, "Earlier on Tuesday, the White House confirmed the call.",
	  { { "Earlier on Tuesday", "2025-11-18", D } } },
	/* The article's own weekday is its own day, as in wire copy. */
	{ SEED, "Exports rose sharply, the customs agency said on Friday.",
	  { { "on Friday", "2025-11-21", D } } },
	{ SEED, "This Monday's meeting was cancelled.",
	  { { "This Monday", "2025-11-17", D } } },
	{ SEED, "Thursday's announcement surprised markets.",
	  { { "Thursday", "2025-11-20", D } } },
	/* Each clause its own tense. */
	{ SEED,
	  "Beijing said on Monday that it will impose the fees from Wednesday.",
	  { { "on Monday", "2025-11-17", D }, { "Wednesday", "2025-11-26", D } } },
	{ SEED, "Black Friday sales were weak.", NONE },
	{ "2025-01-03", "Markets reopened on Monday after the holiday.",
	  { { "on Monday", "2024-12-30", D } } },

	/* Months and years. */
	{ SEED, "Exports fell in December.", { { "in December", "2024-12", D } } },
	{ SEED, "The summit will be held in March.",
	  { { "in March", "2026-03", D } } },
	{ "2025-11-25", "He looked forward to visiting Beijing in April.",
	  { { "in April", "2026-04", D } } },
	{ "2025-12-03", "Probably until Trump visits Beijing in April.",
	  { { "in April", "2026-04", D } } },
	/* Goods traded ahead. */
	{ "2025-11-14",
	  "Feldt said beans remained cheaper for shipment in January.",
	  { { "in January", "2026-01", D } } },
	/* A year that ends a question needs no preposition. */
	{ "2025-12-03", "Will the truce survive 2026?",
	  { { "2026", "2026", D } } },
	{ SEED, "Exports reached 2026 tonnes.", NONE },
	{ SEED, "The talks began in early April.",
	  { { "in early April", "2025-04", D } } },
	{ SEED, "Shipments are expected to resume by mid-April.",
	  { { "mid-April", "2026-04", D } } },
	{ SEED, "The company reported a loss last year.",
	  { { "last year", "2024", D } } },
	{ SEED, "Growth is forecast to slow this year.",
	  { { "this year", "2025", D } } },
	{ SEED, "The rules take effect next year.",
	  { { "next year", "2026", D } } },
	{ SEED, "The plant opened late last year.",
	  { { "late last year", "2024", D } } },
	{ SEED, "Earlier this year, the ministry tightened controls.",
	  { { "Earlier this year", "2025", D } } },
	{ SEED, "The factory closed in 2024.", { { "in 2024", "2024", D } } },
	{ SEED, "The policy has been in place since 2019.",
	  { { "2019", "2019", D } } },
	{ SEED, "Output is expected to peak by the end of 2030.",
	  { { "2030", "2030", D } } },
	{ SEED, "Output fell between 2019 and 2021.",
	  { { "2019", "2019", D }, { "2021", "2021", D } } },
	{ SEED, "Imports dropped last month.", { { "last month", "2025-10", D } } },
	{ SEED, "The quota expires this month.",
	  { { "this month", "2025-11", D } } },
	{ SEED, "The envoy will visit next month.",
	  { { "next month", "2025-12", D } } },
	{ SEED, "Officials met earlier this month in Seoul.",
	  { { "earlier this month", "2025-11", D } } },
	{ "2025-01-03", "Shipments stopped in December.",
	  { { "in December", "2024-12", D } } },

	/* Weeks. */
	{ SEED, "A week earlier, the ministry had warned of retaliation.",
	  { { "A week earlier", "2025-W46", D } } },
	{ SEED, "The ban was announced a week ago.",
	  { { "a week ago", "2025-W46", D } } },
	{ SEED, "Two weeks ago, the port fees came into force.",
	  { { "Two weeks ago", "2025-W45", D } } },
	{ SEED, "The two sides will meet again next week.",
	  { { "next week", "2025-W48", D } } },
	{ SEED, "Earlier this week, the ministry published a list.",
	  { { "Earlier this week", "2025-W47", D } } },
	{ "2025-01-03", "Imports collapsed last week.",
	  { { "last week", "2024-W52", D } } },
	{ "2021-01-03", "Trading was thin this week.",
	  { { "this week", "2020-W53", D } } },

	/* Relative days. */
	{ SEED, "The ministry said yesterday that talks would continue.",
	  { { "yesterday", "2025-11-20", D } } },
	{ SEED, "Today the two leaders will sign the accord.",
	  { { "Today", "2025-11-21", D } } },
	{ SEED, "The results will be published tomorrow morning.",
	  { { "tomorrow morning", "2025-11-22", D } } },
	{ SEED, "Markets fell sharply last night.",
	  { { "last night", "2025-11-20", D } } },
	{ SEED, "USA Today reported the story first.", NONE },

	/* Durations. */
	{ SEED, "The truce will last for 90 days.",
	  { { "for 90 days", "P90D", P } } },
	{ SEED, "Prices have doubled over the past two years.",
	  { { "over the past two years", "P2Y", P } } },
	{ SEED, "Five years of talks produced nothing.",
	  { { "Five years", "P5Y", P } } },
	{ SEED, "The company has operated for decades.",
	  { { "for decades", "PXY", P } } },
	{ SEED, "He served in the post for a decade.",
	  { { "for a decade", "P10Y", P } } },
	{ SEED, "The 90-day pause expires soon.", { { "90-day", "P90D", P } } },
	{ SEED, "The plant will be built within two years.",
	  { { "within two years", "P2Y", P } } },
	{ SEED, "Officials had been negotiating for several months.",
	  { { "for several months", "PXM", P } } },
	{ SEED, "Details will be released in the coming weeks.",
	  { { "in the coming weeks", "PXW", P } } },

	/* Traps: nothing here is a date. */
	{ SEED, "Higher tariffs may slow China\xe2\x80\x99s growth.", NONE },
	{ SEED, "Theresa May visited Beijing.", NONE },
	{ SEED, "Thousands march in the capital.", NONE },
	{ SEED, "The US introduced 20 measures.", NONE },
	{ SEED, "The last shipment left the port at the last minute.", NONE },
	{ SEED, "The policy dates back to the 1930s.", NONE },
	{ SEED, "The 30-year-old engineer was detained.", NONE },
	{ SEED, "Output grew 5% year-on-year.", NONE },
	{ SEED, "The company earns $1bn a year.", NONE },
	{ SEED, "The talks collapsed two days later.", NONE },
	{ SEED, "Exports rose 12% from a year earlier.", NONE },
	{ SEED, "Output rose compared with last year.", NONE },
	{ SEED, "The previous year, output had fallen.", NONE },
	{ SEED, "Jan said the Mar report was late.", NONE },
	{ SEED, "Announcement No. 62 of 2025 lists seven elements.", NONE },
	{ SEED, "Its research network is years ahead of its competitors.", NONE },

	/* More forms. */
	{ SEED,
	  "The truce was extended for another 90 days, then for a further 30 "
	  "days.",
	  { { "for another 90 days", "P90D", P }, { "for a further 30 days", "P30D", P } } },
	{ SEED, "The review will come six months from now.",
	  { { "six months from now", "2026-05", D } } },
	{ SEED, "Twelve months ago the company was founded.",
	  { { "Twelve months ago", "2024-11", D } } },
	{ SEED, "The plant was founded 30 years ago.",
	  { { "30 years ago", "1995", D } } },
	{ SEED, "Output should recover by mid-2025 and grow in early 2026.",
	  { { "mid-2025", "2025", D }, { "in early 2026", "2026", D } } },
	{ SEED, "Sales fell in the first half of 2025.",
	  { { "2025", "2025", D } } },
	{ SEED, "Since Monday, shipments have been halted.",
	  { { "Monday", "2025-11-17", D } } },
	/* The weekday picks the year: October 10 was a Thursday in 2024. */
	{ SEED, "The rule was issued on Thursday, October 10.",
	  { { "on Thursday, October 10", "2024-10-10", D } } },
	{ SEED, "We\xe2\x80\x99ll meet them on Monday.",
	  { { "on Monday", "2025-11-24", D } } },
	{ SEED, "Trump is to meet Xi on Thursday, the White House said on Friday.",
	  { { "on Thursday", "2025-11-27", D }, { "on Friday", "2025-11-21", D } } },
	{ SEED, "The talks in Geneva lasted two days.",
	  { { "two days", "P2D", P } } },
	{ SEED, "The envoy began a 10-day visit.", { { "10-day", "P10D", P } } },
	{ SEED, "Sunday Times reporters were denied visas.", NONE },
	{ SEED, "The Monday Night Football broadcast was delayed.", NONE },
	{ SEED, "Guests gathered at Mar-a-Lago for Liberation Day.", NONE },
	{ SEED, "The 2024 election changed everything.", NONE },
	{ SEED, "Analysts cut their growth forecast to 4.2% at 4:30 p.m.", NONE },

	/* Capitalised May is the month only where a date is plain. */
	{ SEED, "May 5 was the deadline.", { { "May 5", "2025-05-05", D } } },
	{ SEED, "In May, exports recovered.", { { "In May", "2025-05", D } } },

	/* "after ...": before the sentence's own verb, not an embedded one */
	{ SEED,
	  "Seoul has finalised a deal that sets out how it will invest, after "
	  "a summit between Lee and Trump on Wednesday.",
	  { { "on Wednesday", "2025-11-19", D } } },
	{ SEED, "Trump will sign the deal after a summit on Wednesday.",
	  { { "on Wednesday", "2025-11-26", D } } },
	/* "recently" is past */
	{ SEED,
	  "The probe comes ahead of a meeting next week, and follows talks "
	  "held most recently in Madrid in September.",
	  { { "next week", "2025-W48", D }, { "in September", "2025-09", D } } },
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* YYYY-MM-DD, from the table. */
static struct ymd parse_date(const char *s)
{
	struct ymd d = { 0, 0, 0 };
	char *end;

	d.year = (int)strtol(s, &end, 10);
	if (*end == '-')
		d.month = (int)strtol(end + 1, &end, 10);
	if (*end == '-')
		d.day = (int)strtol(end + 1, &end, 10);
	if (*end != '\0' || d.day == 0)
		fail_msg("bad date in table: %s", s);
	return d;
}

/* A document of one paragraph and one sentence. */
static void one_sentence(struct doc *d, struct span *para, struct span *sent,
			 const char *text, struct ymd date)
{
	memset(d, 0, sizeof(*d));
	d->text = text;
	d->len = strlen(text);
	d->date = date;
	para->start = sent->start = 0;
	para->end = sent->end = d->len;
	d->paragraphs = para;
	d->nparagraphs = 1;
	d->sentences = sent;
	d->nsentences = 1;
}

static void print_found(const struct doc *d, const struct time_expr *t, size_t n)
{
	char value[VALUE_LEN];
	size_t i;

	for (i = 0; i < n; i++) {
		timex_format(&t[i], value, sizeof(value));
		print_message("  found \"%.*s\" %s%s\n",
			      (int)(t[i].where.end - t[i].where.start),
			      d->text + t[i].where.start, value,
			      t[i].is_duration ? " (duration)" : "");
	}
}

/* Checks found against the wanted list; the text of each span exactly. */
static void check(const struct doc *d, const struct time_expr *found, size_t n,
		  const struct want *want, size_t nwant)
{
	char value[VALUE_LEN];
	size_t i;

	if (n != nwant) {
		print_found(d, found, n);
		fail_msg("found %zu expressions; expected %zu", n, nwant);
	}
	for (i = 0; i < n; i++) {
		const struct time_expr *t = &found[i];
		size_t len = t->where.end - t->where.start;

		timex_format(t, value, sizeof(value));
		if (len != strlen(want[i].text) ||
		    memcmp(d->text + t->where.start, want[i].text, len) != 0 ||
		    strcmp(value, want[i].value) != 0 ||
		    t->is_duration != want[i].duration) {
			print_found(d, found, n);
			fail_msg("expression %zu: expected \"%s\" %s%s", i,
				 want[i].text, want[i].value,
				 want[i].duration ? " (duration)" : "");
		}
		/* Spans in text order, never overlapping. */
		if (i > 0 && t->where.start < found[i - 1].where.end)
			fail_msg("expression %zu overlaps the one before", i);
	}
}

static void test_case(void **state)
{
	const struct timex_case *c = *state;
	struct doc d;
	struct span para, sent;
	struct time_expr *found = NULL;
	size_t n = 0, nwant = 0;

	while (nwant < MAX_WANT && c->want[nwant].text != NULL)
		nwant++;
	one_sentence(&d, &para, &sent, c->text, parse_date(c->date));
	timex_find(&d, &found, &n);
	check(&d, found, n, c->want, nwant);
	free(found);

	/* Without sentence spans the sentence is found locally: the same
	 * result. */
	d.sentences = NULL;
	d.nsentences = 0;
	found = NULL;
	n = 0;
	timex_find(&d, &found, &n);
	check(&d, found, n, c->want, nwant);
	free(found);
}

/* The seed article, every paragraph at once, with sentence spans cut by
 * hand: the expressions of "Must hold" point 2, in order. */
static const char seed_text[] =
	"Last week, China\xe2\x80\x99s Ministry of Commerce issued a document "
	"officially titled \xe2\x80\x9c" "Announcement No. 62 of 2025.\xe2\x80\x9d\n\n"
	"On Thursday, a spokesperson for the Chinese Commerce Ministry retorted "
	"that shortly after the China-US economic and trade talks in Madrid in "
	"September, \xe2\x80\x9c" "and despite repeated dissuasion from the "
	"Chinese side, the US side introduced 20 measures to suppress China "
	"within just over 20 days.\xe2\x80\x9d\n\n"
	"This week also saw the imposition of new port fees on each "
	"other\xe2\x80\x99s ships by the world\xe2\x80\x99s two largest economies.\n\n"
	"President Trump and Chinese President Xi Jinping are expected to meet "
	"later this month. The restrictions expand on measures announced by "
	"Beijing in April. Exports were down by more than 30% in September "
	"compared to the previous year.";

static void test_seed_document(void **state)
{
	static const struct want want[] = {
		{ "Last week", "2025-W46", D },
		{ "On Thursday", "2025-11-20", D },
		{ "in September", "2025-09", D },
		{ "within just over 20 days", "P20D", P },
		{ "This week", "2025-W47", D },
		{ "later this month", "2025-11", D },
		{ "in April", "2025-04", D },
		{ "in September", "2025-09", D },
	};
	struct span paras[8], sents[8];
	struct doc d;
	struct time_expr *found = NULL;
	char value[VALUE_LEN];
	size_t n = 0, i, start = 0, np = 0, ns = 0;
	const char *p;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.text = seed_text;
	d.len = sizeof(seed_text) - 1;
	d.date = parse_date(SEED);
	/* Paragraphs at blank lines; sentences at ". " in the last one. */
	for (p = seed_text; (p = strstr(p, "\n\n")) != NULL; p += 2) {
		paras[np].start = sents[ns].start = start;
		paras[np++].end = sents[ns++].end = (size_t)(p - seed_text);
		start = (size_t)(p - seed_text) + 2;
	}
	paras[np].start = start;
	paras[np++].end = d.len;
	for (p = seed_text + start; (p = strstr(p, ". ")) != NULL; p += 2) {
		sents[ns].start = start;
		sents[ns++].end = (size_t)(p - seed_text) + 1;
		start = (size_t)(p - seed_text) + 2;
	}
	sents[ns].start = start;
	sents[ns++].end = d.len;
	d.paragraphs = paras;
	d.nparagraphs = np;
	d.sentences = sents;
	d.nsentences = ns;

	timex_find(&d, &found, &n);
	check(&d, found, n, want, 8);
	/* Appending: a second call adds the same again after the first. */
	timex_find(&d, &found, &n);
	assert_int_equal(n, 16);
	for (i = 0; i < 8; i++) {
		timex_format(&found[8 + i], value, sizeof(value));
		assert_string_equal(value, want[i].value);
		assert_int_equal(found[8 + i].where.start, found[i].where.start);
	}
	free(found);
}

static void format_one(enum precision precision, int y, int m, int day,
		       bool duration, size_t size, const char *expected)
{
	struct time_expr t;
	char buf[VALUE_LEN];

	memset(&t, 0, sizeof(t));
	t.precision = precision;
	t.value.year = y;
	t.value.month = m;
	t.value.day = day;
	t.is_duration = duration;
	memset(buf, 'x', sizeof(buf));
	timex_format(&t, buf, size);
	assert_string_equal(buf, expected);
}

static void test_format(void **state)
{
	(void)state;
	format_one(PRECISION_DAY, 2025, 11, 20, false, VALUE_LEN, "2025-11-20");
	format_one(PRECISION_WEEK, 2025, 0, 47, false, VALUE_LEN, "2025-W47");
	format_one(PRECISION_WEEK, 2020, 0, 3, false, VALUE_LEN, "2020-W03");
	format_one(PRECISION_MONTH, 2025, 4, 0, false, VALUE_LEN, "2025-04");
	format_one(PRECISION_YEAR, 2024, 0, 0, false, VALUE_LEN, "2024");
	format_one(PRECISION_YEAR, 987, 0, 0, false, VALUE_LEN, "0987");
	format_one(PRECISION_DAY, 0, 0, 90, true, VALUE_LEN, "P90D");
	format_one(PRECISION_WEEK, 0, 0, 2, true, VALUE_LEN, "P2W");
	format_one(PRECISION_MONTH, 0, 0, 0, true, VALUE_LEN, "PXM");
	format_one(PRECISION_YEAR, 0, 0, 5, true, VALUE_LEN, "P5Y");
	/* Truncated, always terminated. */
	format_one(PRECISION_DAY, 2025, 11, 20, false, 5, "2025");
	format_one(PRECISION_DAY, 2025, 11, 20, false, 1, "");
}

/* Runs timex_find on text and checks the spans are sane. */
static size_t find_all(const char *text, size_t len, struct ymd date)
{
	struct doc d;
	struct time_expr *found = NULL;
	size_t n = 0, i;

	memset(&d, 0, sizeof(d));
	d.text = text;
	d.len = len;
	d.date = date;
	timex_find(&d, &found, &n);
	for (i = 0; i < n; i++) {
		assert_true(found[i].where.start < found[i].where.end);
		assert_true(found[i].where.end <= len);
		if (i > 0)
			assert_true(found[i].where.start >= found[i - 1].where.end);
	}
	free(found);
	return n;
}

static void test_hostile(void **state)
{
	static const char *const invalid[] = {
		"on February 30", "on February 29, 2025", "on 31 April 2025",
		"on 0 May", "9999-99-99", "in 0000", "Sept. 31, 2024",
		"99999999999999999999 days ago",
		"9999 years ago and 9999 decades from now",
	};
	static const char fillers[] = "9aZ .,-\xe2";
	struct ymd date = parse_date(SEED), bad = { 0, 0, 0 };
	const size_t big = 1 << 20;
	char *text = malloc(big);
	struct doc d;
	struct time_expr *found = NULL;
	size_t n = 0, i, k;

	(void)state;
	assert_non_null(text);
	/* No document, no text: nothing, and nothing written. */
	timex_find(NULL, &found, &n);
	memset(&d, 0, sizeof(d));
	timex_find(&d, &found, &n);
	assert_null(found);
	assert_int_equal(n, 0);
	assert_int_equal(find_all("", 0, date), 0);

	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
		assert_int_equal(find_all(invalid[i], strlen(invalid[i]), date), 0);

	/* A number that is no day leaves the month alone. */
	assert_int_equal(find_all("on May 0", 8, date), 1);
	assert_int_equal(find_all("on 32 October", 13, date), 1);
	assert_int_equal(find_all("in October 99, 2025", 19, date), 1);

	/* Long runs of one byte: digits, letters, punctuation. */
	for (i = 0; i < sizeof(fillers) - 1; i++) {
		memset(text, fillers[i], big);
		assert_int_equal(find_all(text, big, date), 0);
	}
	/* A very long word around a date still leaves the date alone. */
	memset(text, 'a', big);
	memcpy(text + big / 2, " on May 5 ", 10);
	assert_int_equal(find_all(text, big, date), 1);

	/* Repeated heads with no sentence end: one endless sentence. */
	for (k = 0; k + 16 <= big; k += 16)
		memcpy(text + k, "in April, they ", 16);
	assert_true(find_all(text, big, date) > 0);

	/* Every prefix of a dense text ends cleanly wherever it is cut. */
	{
		static const char dense[] =
			"On Thursday, October 9, 2025 and 9 Oct. 2025-10-09 last "
			"week, for 90 days, a week ago, in mid-2025 yesterday";

		/* Each prefix in a buffer of its own size, so that a read
		 * past the end shows under valgrind or ASan. */
		for (k = 0; k <= sizeof(dense) - 1; k++) {
			char *cut = malloc(k + 1);

			assert_non_null(cut);
			memcpy(cut, dense, k);
			(void)find_all(cut, k, date);
			free(cut);
		}
	}

	/* Without a usable article date only absolute dates resolve. */
	assert_int_equal(find_all("on Thursday last week in April", 30, bad), 0);
	assert_int_equal(find_all("on October 9, 2025", 18, bad), 1);
	free(text);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_seed_document),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_hostile),
	};

	return table_run("timex", fixed, sizeof(fixed) / sizeof(fixed[0]), cases, sizeof(cases[0]),
			 NCASES, offsetof(struct timex_case, text), test_case, "timex ");
}
