/* `retl --parse`: one feed document printed as the JSON of DESIGN.md. */
#ifndef RETL_FEED_JSON_H
#define RETL_FEED_JSON_H

#include <stdio.h>

#include "parse/feed.h"

/* Parses path ("-" for standard input) and writes its JSON to out.  Returns
 * FEED_OK (possibly with recovered damage in "errors"), or another status
 * with nothing written to out and *reason set to a message to free. */
enum feed_status feed_json_print(const char *path, const struct feed_options *opts, FILE *out,
				 char **reason);

#endif
