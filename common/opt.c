/*
 * opt: see opt.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

int
opt_filter(const struct filter *f, int argc, char *argv[])
{
	size_t maxrec = 64 << 20;
	int c;

	err_init(argv[0]);
	out_init();
	opterr = 0;
	while ((c = getopt_long(argc, argv, f->shortopts, f->longopts, NULL))
	    != -1)
		if (f->option == NULL || !f->option(c, optarg))
			opt_common(c, optarg, argv[optind - 1], f->usage,
			    f->help, &maxrec);
	err_stdin_only(argc, argv, optind, f->usage);
	if (f->start != NULL)
		f->start(maxrec);
	rec_each(STDIN_FILENO, maxrec, f->take, NULL);
	if (f->end != NULL)
		f->end();
	return out_finish();
}
