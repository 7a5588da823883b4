/* actors.conf as a user might write it, or damage it; a table that loads
 * is also looked up and matched against a sentence, as the analysis does. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#include "analyse/actors.h"
#include "analyse/text.h"

static const char sentence[] =
	"China's Ministry of Commerce (MOFCOM) said on Tuesday that President Xi and "
	"U.S. Trade Representative Jamieson Greer spoke; the EU and Japan were silent.";

static void find_in_sentence(const struct actors *a)
{
	struct doc d = {0};
	struct mention *mentions = NULL;
	size_t n = 0;

	d.text = sentence;
	d.len = strlen(sentence);
	doc_split(&d);
	actors_find_mentions(a, &d, &mentions, &n);
	free(mentions);
	doc_free_spans(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *error = NULL;
	struct actors *a = actors_parse("fuzz.conf", (const char *)data, size, &error);

	if (a != NULL) {
		(void)actors_lookup(a, "MOFCOM");
		find_in_sentence(a);
		actors_free(a);
	}
	free(error);
	return 0;
}
