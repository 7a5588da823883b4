/* feeds.conf as a user might write it, or damage it. */
#include <stdlib.h>

#include "fuzz.h"

#include "conf/feeds_conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feeds_conf conf;
	char *error = NULL;

	if (feeds_conf_parse("fuzz.conf", (const char *)data, size, &conf, &error))
		feeds_conf_free(&conf);
	free(error);
	return 0;
}
