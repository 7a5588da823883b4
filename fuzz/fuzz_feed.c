/* The feed parser on arbitrary document bytes (RSS, Atom, anything). */
#include "fuzz.h"

#include "parse/feed.h"

static bool count_entry(void *arg, const struct feed_entry *entry, const struct feed_info *info)
{
	size_t *n = arg;
	(void)entry;
	(void)info;
	(*n)++;
	return true;
}

/* The document arrives in two pushes, split where its first byte says, so
 * that chunk boundaries fall anywhere as they do on the network. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct feed_options opts = {"https://example.org/feed/", NULL, (size_t)1024 * 1024};
	size_t entries = 0;
	struct feed_parser *p = feed_parser_new(&opts, count_entry, &entries);
	size_t split = size > 0 ? data[0] % (size + 1) : 0;

	if (feed_parser_push(p, (const char *)data, split))
		feed_parser_push(p, (const char *)data + split, size - split);
	feed_parser_finish(p);
	(void)feed_parser_reason(p);
	(void)feed_parser_info(p);
	feed_parser_free(p);
	return 0;
}
