/*
 * in: see in.h.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "in.h"
#include "out.h"

#define INSIZE (128 * 1024)

ssize_t
in_read(int fd, void *buf, size_t n)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t r;

	if (poll(&pfd, 1, 0) == 0)
		out_flush_quiet();
	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

void
in_open(struct in *in, int fd, size_t maxline)
{
	in->fd = fd;
	in->cap = INSIZE;
	in->buf = xmalloc(in->cap);
	in->start = in->end = in->scan = 0;
	in->max = maxline;
	in->eof = false;
}

void
in_close(struct in *in)
{
	free(in->buf);
	in->buf = NULL;
}

/* read more; returns false at end of input */
static bool
fill(struct in *in)
{
	ssize_t r;

	if (in->eof)
		return false;
	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->scan -= in->start;
		in->start = 0;
	}
	if (in->end == in->cap) {
		in->cap *= 2;
		in->buf = xrealloc(in->buf, in->cap);
	}
	r = in_read(in->fd, in->buf + in->end, in->cap - in->end);
	if (r < 0)
		err_fatal("read error: %s", strerror(errno));
	if (r == 0) {
		in->eof = true;
		return false;
	}
	in->end += (size_t)r;
	return true;
}

/* throw away the rest of an over-long line; add its length to *len */
static void
skip_line(struct in *in, size_t *len)
{
	for (;;) {
		char *nl = memchr(in->buf + in->start, '\n',
		    in->end - in->start);

		if (nl != NULL) {
			*len += (size_t)(nl - (in->buf + in->start));
			in->start = in->scan = (size_t)(nl - in->buf) + 1;
			return;
		}
		*len += in->end - in->start;
		in->start = in->end = in->scan = 0;
		if (!fill(in))
			return;
	}
}

enum in_result
in_getline(struct in *in, const char **line, size_t *len)
{
	for (;;) {
		char *p = in->buf + in->scan;
		char *nl = memchr(p, '\n', in->end - in->scan);

		if (nl != NULL) {
			*line = in->buf + in->start;
			*len = (size_t)(nl - *line);
			in->start = in->scan = (size_t)(nl - in->buf) + 1;
			if (*len > in->max)
				return IN_TOOLONG;
			return IN_LINE;
		}
		in->scan = in->end;
		if (in->end - in->start > in->max) {
			*len = 0;
			skip_line(in, len);
			return IN_TOOLONG;
		}
		if (!fill(in)) {
			if (in->end == in->start)
				return IN_EOF;
			*line = in->buf + in->start;
			*len = in->end - in->start;
			in->start = in->scan = in->end;
			return IN_LINE_NOEOL;
		}
	}
}
