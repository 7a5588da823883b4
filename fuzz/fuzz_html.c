/* HTML to text: the titles' and names' fragments (parse/text.c) and the
 * article bodies (analyse/text.c), split into paragraphs and sentences;
 * and the feeds a page links to (parse/discover.c, --add-feed). */
#include <stdlib.h>

#include "fuzz.h"

#include "analyse/text.h"
#include "parse/discover.h"
#include "parse/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *html = (const char *)data;
	size_t len;

	free(text_plain(html, size, true));
	char *text = text_from_html(html, size, &len);
	struct doc d = {0};
	d.text = text != NULL ? text : "";
	d.len = text != NULL ? len : 0;
	doc_split(&d);
	doc_free_spans(&d);
	free(text);
	char **urls = NULL;
	size_t n = discover_feeds(html, size, "https://example.org/news/", &urls);
	discover_free(urls, n);
	return 0;
}
