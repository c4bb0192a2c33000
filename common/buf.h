/*
 * buf: a growable byte buffer, for the few places that must keep bytes
 * across reads (a line cut by a chunk end, an article being gathered).
 * It only grows, so a reused buffer stops allocating once it is as large
 * as the largest thing it held.
 */
#ifndef INK_BUF_H
#define INK_BUF_H

#include <stddef.h>

struct buf {
	char	*p;
	size_t	 n, cap;
};

/* make room for n more bytes; returns where they go */
char	*buf_room(struct buf *b, size_t n);
void	 buf_add(struct buf *b, const void *p, size_t n);
void	 buf_free(struct buf *b);

#endif
