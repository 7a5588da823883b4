/* Unit tests for the document references: each row is a text and the
 * names found in it, in text order, joined by " | ". */
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

#include "analyse/docrefs.h"
#include "analyse/text.h"

struct docref_case {
	const char *text;
	const char *expected; /* names joined by " | "; "" for none */
};

static const struct docref_case cases[] = {
	/* numbered documents */
	{"MOFCOM issued Announcement No. 62 of 2025 last week.", "Announcement No. 62 of 2025"},
	{"under Announcement No 61 of 2025,", "Announcement No. 61 of 2025"},
	{"Executive Order 14257 imposed the tariffs.", "Executive Order 14257"},
	{"Proclamation 10896 adjusted imports of steel.", "Proclamation 10896"},
	{"Order No. 5 took effect.", "Order No. 5"},
	{"the Notice No. 3 and Circular No. 12 of 2024", "Notice No. 3 | Circular No. 12 of 2024"},
	{"an order of 5 tonnes", ""},
	{"Announcement 1234567 is too long a number", ""},
	/* Federal Register citations */
	{"published at 90 FR 15041 on April 7", "90 FR 15041"},
	{"see 90 Fed. Reg. 47201.", "90 FR 47201"},
	{"A190 FR 15041 is no citation", ""},
	/* named acts, read back from their last word */
	{"The CHIPS and Science Act funds fabs.", "CHIPS and Science Act"},
	{"Under the Export Control Law, licences are needed.", "Export Control Law"},
	{"the Trade Act of 1974 allows it", "Trade Act of 1974"},
	{"Section 232 of the Trade Expansion Act of 1962.", "Trade Expansion Act of 1962"},
	{"the International Emergency Economic Powers Act and the National Emergencies Act",
	 "International Emergency Economic Powers Act | National Emergencies Act"},
	{"the Export Administration Regulations apply", "Export Administration Regulations"},
	{"The Act was passed.", ""},
	{"an act of Congress and a law of nature", ""},
	{"It will Act quickly.", ""},
	{"Reuters. Law firms said so.", ""},
	{"the Affiliates Rule of BIS", "Affiliates Rule"},
	{"the Anti-Foreign Sanctions Law", "Anti-Foreign Sanctions Law"},
	/* named agreements: "Agreement on ..." */
	{"inconsistent with the Agreement on Subsidies and Countervailing Measures.",
	 "Agreement on Subsidies and Countervailing Measures"},
	{"under the WTO Agreement on Agriculture, members", "Agreement on Agriculture"},
	{"they reached an Agreement on Monday", ""},
	{"an Agreement on tariffs", ""},
	/* at most eight words: the ninth back is not part of the name */
	{"One Two Three Four Five Six Seven Eight Act", "Two Three Four Five Six Seven Eight Act"},
	{"5G Security Act", "Security Act"},
	/* one document cited twice is two references */
	{"Announcement No. 62 of 2025 and again Announcement No. 62 of 2025",
	 "Announcement No. 62 of 2025 | Announcement No. 62 of 2025"},
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

static void find(const char *text, struct docref **refs, size_t *n)
{
	struct doc d = {0};
	d.text = text;
	d.len = strlen(text);
	*refs = NULL;
	*n = 0;
	docrefs_find(&d, refs, n);
}

static void test_case(void **state)
{
	const struct docref_case *c = *state;
	struct docref *refs;
	size_t n;
	char got[512] = "";

	find(c->text, &refs, &n);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(got);
		snprintf(got + len, sizeof(got) - len, "%s%s", i > 0 ? " | " : "", refs[i].name);
		/* the span is where the reference is in the text */
		assert_true(refs[i].where.start < refs[i].where.end);
		assert_true(refs[i].where.end <= strlen(c->text));
		if (i > 0)
			assert_true(refs[i - 1].where.start <= refs[i].where.start);
		free(refs[i].name);
	}
	free(refs);
	assert_string_equal(got, c->expected);
}

/* Many references in one long text: all found, in order, none lost to the
 * bounded look-back for repeats. */
static void test_many(void **state)
{
	(void)state;
	enum { COUNT = 5000 };
	size_t size = COUNT * 64;
	char *text = malloc(size);
	size_t len = 0;
	struct docref *refs;
	size_t n;

	assert_non_null(text);
	for (int i = 0; i < COUNT; i++)
		len += (size_t)snprintf(text + len, size - len, "Order No. %d and the Foo Act. ", i);
	find(text, &refs, &n);
	assert_int_equal(n, 2 * COUNT);
	for (size_t i = 0; i < n; i++) {
		if (i % 2 == 0) {
			char want[32];
			snprintf(want, sizeof(want), "Order No. %zu", i / 2);
			assert_string_equal(refs[i].name, want);
		} else {
			assert_string_equal(refs[i].name, "Foo Act");
		}
		free(refs[i].name);
	}
	free(refs);
	free(text);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_many),
	};

	return table_run("docrefs", fixed, sizeof(fixed) / sizeof(fixed[0]), cases,
			 sizeof(cases[0]), NCASES, offsetof(struct docref_case, text), test_case,
			 "docrefs_find ");
}
