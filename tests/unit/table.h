/* Table-driven cmocka tests: a few fixed tests, then one test per row of
 * a table, named after the row's input, all in one group so that TAP sees
 * a single plan.  Include after <cmocka.h>. */
#ifndef RETL_TEST_TABLE_H
#define RETL_TEST_TABLE_H

#include <stdlib.h>
#include <string.h>

#define TABLE_NAME_SIZE 96

/* PREFIX "INPUT", control characters as \xNN, cut with ".." when long, so
 * that each name stays on one line of the report. */
static inline void table_name(char *name, const char *prefix, const char *input)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	const char *p;

	for (p = prefix; *p != '\0' && n < 40; p++)
		name[n++] = *p;
	name[n++] = '"';
	/* Stop while there is room for one escape, "..", the quote and NUL. */
	for (p = input; *p != '\0' && n + 8 < TABLE_NAME_SIZE; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch < 0x20 || ch == 0x7f) {
			name[n++] = '\\';
			name[n++] = 'x';
			name[n++] = hex[ch >> 4];
			name[n++] = hex[ch & 0xf];
		} else {
			name[n++] = (char)ch;
		}
	}
	if (*p != '\0') {
		name[n++] = '.';
		name[n++] = '.';
	}
	name[n++] = '"';
	name[n] = '\0';
}

/* Runs fixed[0..nfixed) and then fn once per row; each row's input is the
 * string found input_offset bytes into it (offsetof the field), and the row
 * is the test's initial state. */
static inline int table_run(const char *group, const struct CMUnitTest *fixed, size_t nfixed,
			    const void *rows, size_t row_size, size_t nrows, size_t input_offset,
			    CMUnitTestFunction fn, const char *prefix)
{
	struct CMUnitTest *all = calloc(nfixed + nrows, sizeof(*all));
	char (*names)[TABLE_NAME_SIZE] = calloc(nrows ? nrows : 1, sizeof(*names));

	if (all == NULL || names == NULL)
		return 1;
	memcpy(all, fixed, nfixed * sizeof(*all));
	for (size_t i = 0; i < nrows; i++) {
		const char *row = (const char *)rows + i * row_size;
		const char *input;
		memcpy(&input, row + input_offset, sizeof(input));
		table_name(names[i], prefix, input != NULL ? input : "(null)");
		all[nfixed + i].name = names[i];
		all[nfixed + i].test_func = fn;
		all[nfixed + i].initial_state = (void *)row;
	}
	int failed = _cmocka_run_group_tests(group, all, nfixed + nrows, NULL, NULL);
	free(names);
	free(all);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
