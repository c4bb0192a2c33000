/*
 * buf: see buf.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

char *
buf_room(struct buf *b, size_t n)
{
	if (n > b->cap - b->n) {
		b->cap = 2 * (b->n + n);
		b->p = xrealloc(b->p, b->cap);
	}
	return b->p + b->n;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	memmove(buf_room(b, n), p, n);
	b->n += n;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}
