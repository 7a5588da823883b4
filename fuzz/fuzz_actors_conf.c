/* actors.conf as a user might write it, or damage it; a table that loads
 * is also searched, as the analysis searches it. */
#include <stdlib.h>

#include "fuzz.h"

#include "analyse/actors.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *error = NULL;
	struct actors *a = actors_parse("fuzz.conf", (const char *)data, size, &error);

	if (a != NULL) {
		(void)actors_lookup(a, "MOFCOM");
		actors_free(a);
	}
	free(error);
	return 0;
}
