#include "config.h"

#include "common/queue.h"

void queue_init(struct queue *q, size_t max_bytes)
{
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->changed, NULL);
	q->head = q->tail = NULL;
	q->bytes = 0;
	q->max_bytes = max_bytes;
	q->closed = false;
}

void queue_destroy(struct queue *q)
{
	pthread_cond_destroy(&q->changed);
	pthread_mutex_destroy(&q->lock);
}

void queue_push(struct queue *q, struct queue_item *item)
{
	pthread_mutex_lock(&q->lock);
	while (q->head != NULL && q->bytes + item->bytes > q->max_bytes)
		pthread_cond_wait(&q->changed, &q->lock);
	item->next = NULL;
	if (q->tail != NULL)
		q->tail->next = item;
	else
		q->head = item;
	q->tail = item;
	q->bytes += item->bytes;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
}

struct queue_item *queue_pop(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	while (q->head == NULL && !q->closed)
		pthread_cond_wait(&q->changed, &q->lock);
	struct queue_item *item = q->head;
	if (item != NULL) {
		q->head = item->next;
		if (q->head == NULL)
			q->tail = NULL;
		q->bytes -= item->bytes;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->lock);
	return item;
}

void queue_close(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = true;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
}
