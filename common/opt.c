/*
 * opt: see opt.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include "err.h"
#include "opt.h"
#include "out.h"

void
opt_common(int c, const char *arg, const char *given, const char *usage,
    void (*help)(void), size_t *maxrec)
{
	switch (c) {
	case 'R':
		*maxrec = (size_t)xstrtosize(arg, "--max-record", usage);
		return;
	case 'h':
		help();
		exit(out_finish());
	case 'V':
		printf("%s %s\n", err_prog(), INK_VERSION);
		exit(out_finish());
	default:
		err_usage(usage, "bad option: %s", given);
	}
}
