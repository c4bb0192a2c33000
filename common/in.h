/*
 * in: a buffered line reader on a file descriptor.
 *
 * Lines come back as slices into one reused buffer, valid until the next
 * call; they may hold NUL.  Before a read that would block, stdout is
 * flushed, so a pipeline fed by "tail -f" shows each record as soon as it
 * is complete.  A line longer than the limit is skipped, not truncated:
 * in_getline() says so and the caller reports it.
 */
#ifndef INK_IN_H
#define INK_IN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct in {
	int	 fd;
	char	*buf;
	size_t	 cap, start, end, scan;
	size_t	 max;		/* longest line accepted */
	bool	 eof;
};

enum in_result { IN_EOF = 0, IN_LINE, IN_LINE_NOEOL, IN_TOOLONG };

void	in_open(struct in *in, int fd, size_t maxline);
void	in_close(struct in *in);
/*
 * Next line, without its newline.  IN_LINE_NOEOL: the last line of the
 * input, which had no newline.  IN_TOOLONG: a line over the limit was
 * read and thrown away; *len says how long it was.
 */
enum in_result in_getline(struct in *in, const char **line, size_t *len);
/* read(2) that flushes stdout first when it would block; EINTR retried */
ssize_t	in_read(int fd, void *buf, size_t n);

#endif
