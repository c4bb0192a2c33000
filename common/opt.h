/*
 * opt: the options every ink program shares, for the default branch of
 * its getopt_long() switch: -R/--max-record SIZE, -h/--help,
 * -V/--version, and the message for an option it does not know.
 */
#ifndef INK_OPT_H
#define INK_OPT_H

#include <stddef.h>

/*
 * Handle option c (its argument arg, as given bad), or exit: -h calls
 * help(), which exits; -V prints the version and exits 0; anything else
 * is a usage error (exit 2).  -R sets *maxrec.
 */
void	opt_common(int c, const char *arg, const char *given,
	    const char *usage, void (*help)(void), size_t *maxrec);

#endif
