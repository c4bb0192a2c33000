/*
 * err: error messages, exit status and die-on-failure wrappers.
 *
 * Every message has the form "PROG: DOC:SEQ: message" (or "PROG: DOC: message"
 * when there is no SEQ).  Untrusted bytes (document names) are escaped before
 * they reach the terminal.  The exit status lives here and only here:
 * 0 clean, 1 bad input reported and skipped, 2 usage error or fatal.
 *
 * The x-prefixed functions never return failure: they print a message and
 * exit 2 instead (out of memory is fatal everywhere in ink).
 */
#ifndef INK_ERR_H
#define INK_ERR_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum { EXIT_CLEAN = 0, EXIT_BADINPUT = 1, EXIT_FATAL = 2 };

void	err_init(const char *progname);
const char *err_prog(void);
/* bad input: report, remember status 1, go on */
void	err_input(const char *doc, size_t doclen, long long seq,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* a warning: reported, status unchanged */
void	err_warn(const char *doc, size_t doclen, long long seq,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* fatal: report and exit 2 */
void	err_fatal(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
/* usage error: the message, then the usage text, on stderr; exit 2 */
void	err_usage(const char *usage, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
void	err_setstatus(int status);
int	err_status(void);

void	*xmalloc(size_t n);
void	*xrealloc(void *p, size_t n);
/* parse a decimal in [min, max] or die with a usage error naming what */
long long xstrtonum(const char *s, long long min, long long max,
	    const char *what, const char *usage);
/* parse a size such as 64M, 512K, 2G (powers of 1024) or die likewise */
uint64_t xstrtosize(const char *s, const char *what, const char *usage);
/*
 * The document being read, and how many of its paragraphs had invalid
 * UTF-8, said once, as a warning, when the next document begins or the
 * stream ends: "PROG: DOC: N paragraphs with invalid UTF-8WHY".  For the
 * programs that read around such paragraphs or pass them untouched.
 */
struct doc_bad {
	struct buf doc;
	uint64_t invalid;
	const char *why;	/* " where datelines stand, ..." */
};
/* a record of document doc: if it is another than the last, say the last */
void	doc_bad_next(struct doc_bad *b, const char *doc, size_t doclen);
/* say the count of the document being read, if any, and forget it */
void	doc_bad_say(struct doc_bad *b);

/* refuse to read a terminal on stdin: say so and exit 2 */
void	err_stdin_tty(const char *usage);
/* a filter: no operands past the options, and no terminal on stdin */
void	err_stdin_only(int argc, char *argv[], int optind_, const char *usage);

#endif
