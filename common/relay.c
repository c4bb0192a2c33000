/*
 * relay: see relay.h.
 */
#include <pthread.h>
#include <stddef.h>

#include "relay.h"

static bool running;
static pthread_t worker;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t handed = PTHREAD_COND_INITIALIZER;
static pthread_cond_t done = PTHREAD_COND_INITIALIZER;
/* the batch handed over and what to do with it; NULL once done */
static void *todo;
static void (*todo_fn)(void *);

static void *
work(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) {
		void *b;

		while ((b = todo) == NULL)
			pthread_cond_wait(&handed, &lock);
		pthread_mutex_unlock(&lock);
		todo_fn(b);
		pthread_mutex_lock(&lock);
		todo = NULL;
		pthread_cond_signal(&done);
	}
	return NULL;
}

void
relay_start(void)
{
	running = pthread_create(&worker, NULL, work, NULL) == 0;
}

bool
relay_worker(void)
{
	return running && pthread_equal(pthread_self(), worker);
}

bool
relay_busy(void)
{
	bool busy;

	if (!running)
		return false;
	pthread_mutex_lock(&lock);
	busy = todo != NULL;
	pthread_mutex_unlock(&lock);
	return busy;
}

void
relay_wait(void)
{
	if (!running || relay_worker())
		return;
	pthread_mutex_lock(&lock);
	while (todo != NULL)
		pthread_cond_wait(&done, &lock);
	pthread_mutex_unlock(&lock);
}

void
relay_hand(void (*fn)(void *), void *b)
{
	if (!running) {
		fn(b);
		return;
	}
	pthread_mutex_lock(&lock);
	while (todo != NULL)
		pthread_cond_wait(&done, &lock);
	todo_fn = fn;
	todo = b;
	pthread_cond_signal(&handed);
	pthread_mutex_unlock(&lock);
}
