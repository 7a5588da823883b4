/* The date parser on any string a feed might put in a date element. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#include "parse/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	int64_t t;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &t)) {
		char iso[DATE_ISO_LEN];
		date_format_iso(t, iso);
	}
	free(s);
	return 0;
}
