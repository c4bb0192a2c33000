/*
 * out: the one buffered writer on stdout every program uses.
 *
 * Every write is checked: a failing write (ENOSPC, EIO) is fatal (exit 2),
 * EPIPE ends the program quietly with the status so far, since "| head" is
 * normal.  out_finish() flushes, closes stdout and returns the exit status.
 */
#ifndef INK_OUT_H
#define INK_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

void	out_init(void);
void	out_write(const void *p, size_t n);
void	out_putc(int c);
/*
 * Room for n bytes in the buffer, to write in place and then commit with
 * out_advance(); NULL when n is larger than the buffer.
 */
char	*out_reserve(size_t n);
void	out_advance(size_t n);
void	out_u64(uint64_t v);
/* write bytes with the record escapes: \\ \t \n \r */
void	out_esc(const void *p, size_t n);
void	out_flush(void);
/*
 * Flush if anything is pending: before messages on stderr, and before a
 * read that would wait.  It calls the function out_on_flush() set first:
 * a program that holds records back lets them go.
 */
void	out_flush_quiet(void);
void	out_on_flush(void (*fn)(void));
int	out_finish(void);

/* escaped length of n bytes: how many bytes out_esc() would write */
size_t	esc_len(const void *p, size_t n);
/* the first byte in [p, end) that needs an escape (TAB LF CR \\), or end */
const char *esc_find(const char *p, const char *end);
/* escape n bytes into dst, which has room for esc_len(); returns that */
size_t	esc_copy(char *dst, const void *p, size_t n);

/* inline, so that the length of a literal is known when compiling */
static inline void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

#endif
