/* Memory and string helpers shared by every stage. */
#ifndef RETL_UTIL_H
#define RETL_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Allocation that cannot fail: on exhaustion retl prints a message and
 * exits, since no stage can do useful work without memory. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/* A growable, always NUL-terminated byte string. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const char *s, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
/* Hands the contents over to the caller and leaves b empty. */
char *buf_steal(struct buf *b);

/* Appends the UTF-8 encoding of code point cp. */
void buf_put_utf8(struct buf *b, unsigned int cp);

/* Appends all of file ("-": standard input) to out, reading no further
 * than limit + 1 bytes (so that the caller sees that it is too large).
 * Returns false with errno set when it cannot be read. */
bool read_file_limited(const char *file, size_t limit, struct buf *out);

#endif
