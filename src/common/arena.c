#include "config.h"

#include "common/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "common/util.h"

/* Blocks of 4 MiB (or one allocation's size when larger), linked. */
#define ARENA_BLOCK (4u << 20)
#define HUGE_PAGE   (2u << 20)

void *big_alloc(size_t size)
{
	if (size < HUGE_PAGE)
		return xmalloc(size);
	size_t rounded = (size + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
	void *p = aligned_alloc(HUGE_PAGE, rounded);
	if (p == NULL)
		return xmalloc(size); /* exits with the usual message if it fails too */
#ifdef MADV_HUGEPAGE
	/* A fault per 2 MiB instead of per 4 KiB: filling a few hundred MB
	 * otherwise spends a third of its time in the kernel. */
	madvise(p, rounded, MADV_HUGEPAGE);
#endif
	return p;
}

struct block {
	struct block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
};

struct arena *arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	for (struct block *b = a->head, *next; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

static void *bump(struct arena *a, size_t size, size_t align)
{
	struct block *b = a->head;
	size_t at = b != NULL ? (b->used + align - 1) & ~(align - 1) : 0;
	if (b == NULL || at > b->size || b->size - at < size) {
		size_t want = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		b = big_alloc(sizeof(*b) + want);
		b->size = want;
		b->used = 0;
		b->next = a->head;
		a->head = b;
		at = 0;
	}
	b->used = at + size;
	return b->data + at;
}

void *arena_alloc(struct arena *a, size_t size)
{
	return bump(a, size, alignof(max_align_t));
}

char *arena_text(struct arena *a, size_t size)
{
	return bump(a, size, 1);
}

void arena_trim(struct arena *a, void *last, size_t keep)
{
	struct block *b = a->head;
	unsigned char *p = last;
	if (b != NULL && p >= b->data && p + keep <= b->data + b->used)
		b->used = (size_t)(p - b->data) + keep;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = bump(a, len + 1, 1); /* text needs no alignment */
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
