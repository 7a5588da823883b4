/* Turns the bytes of a document, in whatever encoding it declares, into
 * valid UTF-8 that an XML parser accepts: every byte sequence that is not
 * valid in the source encoding, and every character XML forbids (NUL and
 * other C0 controls), becomes U+FFFD.  Works incrementally, so a document
 * of any size passes through in bounded memory. */
#ifndef RETL_DECODE_H
#define RETL_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/util.h"

struct decoder;

/* charset_hint is the charset a transport declared (HTTP Content-Type), or
 * NULL; a byte-order mark still wins over it, and it wins over the
 * document's own declaration. */
struct decoder *decoder_new(const char *charset_hint);
void decoder_free(struct decoder *d);

/* Appends the UTF-8 for len more bytes of input to out.  The first calls
 * may hold bytes back until there are enough to detect the encoding; call
 * with final set (len may be 0) to flush everything. */
void decoder_push(struct decoder *d, const char *in, size_t len, bool final,
		  struct buf *out);

/* How many leading bytes of in may go to the XML parser as they are, with
 * no copy: only once the decoder reads UTF-8 and holds nothing back, and
 * only the valid part.  The caller pushes the rest through decoder_push. */
size_t decoder_passthrough(const struct decoder *d, const char *in, size_t len);

/* The encoding the document was read as, e.g. "UTF-8" or "GB18030". */
const char *decoder_charset(const struct decoder *d);
/* How many invalid sequences or forbidden characters were replaced. */
size_t decoder_replacements(const struct decoder *d);
/* The declared encoding when it was unknown and read as UTF-8, else NULL. */
const char *decoder_unknown_charset(const struct decoder *d);

/* Whether s (len bytes) is UTF-8: every sequence well formed, controls
 * allowed, a sequence cut off at the very end forgiven (a body cut at a
 * size limit).  What sniffing an undeclared web page needs. */
bool utf8_well_formed(const char *s, size_t len);

/* Appends s (len bytes) to out as valid UTF-8, replacing what is invalid;
 * returns the number of replacements. */
size_t utf8_sanitize(struct buf *out, const char *s, size_t len);

#endif
