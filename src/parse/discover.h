/* Feed autodiscovery: the feeds a web page announces in its head with
 * <link rel="alternate" type="application/rss+xml" href="...">. */
#ifndef RETL_DISCOVER_H
#define RETL_DISCOVER_H

#include <stddef.h>

#define DISCOVER_MAX 20

/* The http and https feeds the HTML page of len bytes links to, resolved
 * against base, in page order, without repeats; *urls (to free with
 * discover_free) gets them.  Returns their number, at most DISCOVER_MAX. */
size_t discover_feeds(const char *html, size_t len, const char *base, char ***urls);
void discover_free(char **urls, size_t n);

#endif
