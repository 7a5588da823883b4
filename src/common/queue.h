/* A blocking queue between two threads, bounded by the bytes it holds. */
#ifndef RETL_QUEUE_H
#define RETL_QUEUE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

struct queue_item {
	struct queue_item *next;
	size_t bytes; /* what the item holds, for the bound */
};

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct queue_item *head, *tail;
	size_t bytes, max_bytes;
	bool closed;
};

void queue_init(struct queue *q, size_t max_bytes);
void queue_destroy(struct queue *q);
/* Appends item, first waiting while the queue is over its bound (an item
 * larger than the bound still goes into an empty queue). */
void queue_push(struct queue *q, struct queue_item *item);
/* Takes the oldest item, waiting for one; NULL once closed and empty. */
struct queue_item *queue_pop(struct queue *q);
/* No more pushes: poppers drain what is left, then get NULL. */
void queue_close(struct queue *q);

#endif
