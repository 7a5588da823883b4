/* The main text of a web page: the article among navigation, headers,
 * footers, share bars, cookie banners, comments, related stories and
 * advertising.  The page is read by libxml2's HTML parser (no network, no
 * entities from outside); the body is found from structure (article,
 * main, itemprop=articleBody, JSON-LD articleBody), text and link density,
 * and class and id hints.  See extract.c for how. */
#ifndef RETL_EXTRACT_H
#define RETL_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

struct extract_options {
	/* The charset the transport declared (HTTP Content-Type), or NULL.
	 * A byte-order mark wins over it, and it over <meta charset>. */
	const char *charset;
	/* Pages larger than this are refused; 0: EXTRACT_MAX_SIZE. */
	size_t max_size;
};

#define EXTRACT_MAX_SIZE ((size_t)32 << 20)

/* Where the text came from. */
enum extract_source {
	EXTRACT_NONE,	   /* no article text found */
	EXTRACT_DOM,	   /* the page's markup */
	EXTRACT_JSON_LD,   /* a JSON-LD articleBody */
};

struct extracted {
	/* UTF-8 plain text: paragraphs (headings, list items, quotations
	 * each one of their own) separated by one blank line, white space
	 * folded, no control characters.  NULL when nothing was found. */
	char *text;
	size_t len;
	char *title;	    /* the page's headline, or NULL */
	char *charset;	    /* the encoding the page was read as */
	enum extract_source source;
};

/* Extracts the main text of the HTML page html (len bytes, any encoding).
 * Returns false only when the page cannot be read at all (too large);
 * a page without article text returns true with out->text NULL. */
bool extract_page(const char *html, size_t len, const struct extract_options *o,
		  struct extracted *out);
void extracted_free(struct extracted *e);

#endif
