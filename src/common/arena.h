/* A bump allocator for the many small, same-lived allocations of one
 * read (a summary's events, their texts and lists): one free for all. */
#ifndef RETL_ARENA_H
#define RETL_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
/* size bytes aligned for any object; never NULL (exits like xmalloc). */
void *arena_alloc(struct arena *a, size_t size);
/* size bytes for text (no alignment). */
char *arena_text(struct arena *a, size_t size);
/* Gives back the end of last, the latest allocation, after keep bytes. */
void arena_trim(struct arena *a, void *last, size_t keep);
/* A NUL-terminated copy of the len bytes at s. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

/* Memory for a large array (freed with free): on huge pages where the
 * system offers them. */
void *big_alloc(size_t size);

#endif
