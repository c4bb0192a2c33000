/*
 * lines: inkcat's writer: one "line" record (ink(5)) per physical line,
 * "DOC TAB 0 TAB SEQ TAB line TAB TEXT", to the buffered stdout of out.h.
 *
 * DOC is escaped once per document and SEQ counted up in place.  A run of
 * whole lines is written in one pass over its bytes, 16 at a time where
 * SSE2 is there: finding each newline, escaping and copying are the same
 * loop.  This is the hot path of the first program in every pipeline.
 */
#ifndef INK_LINES_H
#define INK_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* a new document; its name is not escaped */
void	lines_doc(const char *name, size_t len);
/* one line, without its newline; noeol: the document ends without one */
void	lines_one(uint64_t seq, const char *p, size_t n, bool noeol);
/* whole lines, each ending in a newline, numbered from seq; how many */
uint64_t lines_run(uint64_t seq, const char *p, size_t n);

#endif
