/*
 * opt: the options every ink program shares, for the default branch of
 * its getopt_long() switch: -R/--max-record SIZE, -h/--help,
 * -V/--version, and the message for an option it does not know.
 */
#ifndef INK_OPT_H
#define INK_OPT_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "rec.h"

/*
 * Handle option c (its argument arg, as given bad), or exit: -h calls
 * help(), which exits; -V prints the version and exits 0; anything else
 * is a usage error (exit 2).  -R sets *maxrec.
 */
void	opt_common(int c, const char *arg, const char *given,
	    const char *usage, void (*help)(void), size_t *maxrec);

/* the long options opt_common() takes, and the end: a table's last rows */
#define OPT_LONGOPTS_COMMON \
	{ "max-record", required_argument, NULL, 'R' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ NULL, 0, NULL, 0 }

/*
 * A filter of records, from the options to the exit status: messages
 * named after argv[0], stdout buffered, the options parsed (option()
 * takes the program's own and says false for the rest, which go to
 * opt_common()), stdin only, start() given --max-record, every record to
 * take(), then end().  Returns the exit status, for main() to return.
 */
struct filter {
	const char *usage;
	const char *shortopts;		/* for getopt_long(), with R:hV */
	const struct option *longopts;
	void	(*help)(void);
	bool	(*option)(int c, char *arg);		/* may be NULL */
	void	(*start)(size_t maxrec);		/* may be NULL */
	rec_fn	*take;
	void	(*end)(void);				/* may be NULL */
};

int	opt_filter(const struct filter *f, int argc, char *argv[]);

#endif
