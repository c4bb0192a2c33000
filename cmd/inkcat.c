/*
 * inkcat: files, directories, archives and compressed streams in, one
 * "line" record per physical line out (ink(5)).
 *
 * Every format and compression libarchive reads is decoded; each regular
 * member of an archive is a document named ARCHIVE#MEMBER.  The records are
 * lossless: "inkcat F | inkfmt -r" gives F back byte for byte (a last line
 * without a newline carries noeol=1), except where a document was converted
 * from UTF-16 or GB18030 to UTF-8.  Directories are walked in byte order of
 * their names; symbolic links to directories are not followed, so a walk
 * always ends.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "enc.h"
#include "err.h"
#include "lines.h"
#include "opt.h"
#include "out.h"
#include "src.h"

static const char usage[] =
    "usage: inkcat [-hPvV] [-B ratio] [-e encoding] [-i glob] [-x glob]\n"
    "              [-M size] [-R size] [file ...]\n";

/* the options every document is read with */
static struct src_opts opts = {
	.max_member = UINT64_MAX,
	.max_ratio = 1000,
	.max_line = 64 << 20,
};
/* progress: whether to draw it, bytes of earlier inputs, documents begun */
static bool progress;
static uint64_t donebytes, ndocs;
static struct timespec t0, tlast;

static void
help(void)
{
	printf("%s\n", usage);
	puts("Write one ink record per physical line of each document in the\n"
	    "files, directories and archives named (stdin if none, or -).\n\n"
	    "  -e, --encoding=ENC    read documents as ENC (iconv name);\n"
	    "                        default: detect UTF-16 (BOM), GB18030, "
	    "UTF-8\n"
	    "  -i, --include=GLOB    read only members matching GLOB\n"
	    "  -x, --exclude=GLOB    skip members matching GLOB\n"
	    "  -M, --max-member=SIZE skip members larger than SIZE "
	    "(e.g. 512M)\n"
	    "  -B, --max-ratio=N     skip the rest of a member that expands "
	    "past N times\n"
	    "                        its compressed size (default 1000; 0: "
	    "no limit)\n"
	    "  -R, --max-record=SIZE skip lines longer than SIZE "
	    "(default 64M)\n"
	    "  -P, --progress        show progress on stderr when it is a "
	    "terminal\n"
	    "  -v, --verbose         note each converted document's "
	    "encoding\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "See inkcat(1).");
	exit(out_finish());
}

static double
seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
draw_progress(uint64_t bytes, bool last)
{
	struct timespec now;
	double dt;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!last && seconds(&tlast, &now) < 0.25)
		return;
	tlast = now;
	dt = seconds(&t0, &now);
	fprintf(stderr, "\r\033[Kinkcat: %.1f MB read, %llu documents, "
	    "%.1f MB/s%s", (double)bytes / 1e6, (unsigned long long)ndocs,
	    dt > 0 ? (double)bytes / 1e6 / dt : 0.0, last ? "\n" : "");
}

static void
on_progress(void *ctx, uint64_t bytes)
{
	uint64_t *cur = ctx;

	*cur = bytes;
	draw_progress(donebytes + bytes, false);
}

static void
on_begin(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	lines_doc(name, len);
	ndocs++;
}

static void
on_line(void *ctx, uint64_t seq, const char *p, size_t n, bool noeol)
{
	(void)ctx;
	lines_one(seq, p, n, noeol);
}

static uint64_t
on_lines(void *ctx, uint64_t seq, const char *p, size_t n)
{
	(void)ctx;
	return lines_run(seq, p, n);
}

static void read_path(const char *path, bool walked);

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* read every file under a directory, in byte order of the names */
static void
walk(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (d == NULL) {
		err_input(dir, strlen(dir), 0, "cannot open directory: %m");
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n] = xmalloc(strlen(dir) + strlen(de->d_name) + 2);
		sprintf(names[n++], "%s%s%s", dir,
		    dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		read_path(names[i], true);
		free(names[i]);
	}
	free(names);
}

static void
read_path(const char *path, bool walked)
{
	static const struct src_sink sink = {
		on_begin, on_line, on_lines, on_progress, NULL
	};
	struct src_sink s = sink;
	uint64_t bytes = 0;
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode)) {
		if (walked && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
			return;
		walk(path);
		return;
	}
	if (walked && !src_selected(&opts, path))
		return;
	if (progress)
		s.ctx = &bytes;
	else
		s.progress = NULL;
	src_file(path, &opts, &s);
	donebytes += bytes;
}

static void
add_glob(char ***list, size_t *n, char *glob)
{
	*list = xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = glob;
}

/* every long option has a short twin */
static const struct option longopts[] = {
	{ "encoding", required_argument, NULL, 'e' },
	{ "include", required_argument, NULL, 'i' },
	{ "exclude", required_argument, NULL, 'x' },
	{ "max-member", required_argument, NULL, 'M' },
	{ "max-ratio", required_argument, NULL, 'B' },
	{ "progress", no_argument, NULL, 'P' },
	{ "verbose", no_argument, NULL, 'v' },
	OPT_LONGOPTS_COMMON
};

int
main(int argc, char *argv[])
{
	int c;

	err_init(argv[0]);
	out_init();
	opterr = 0;
	while ((c = getopt_long(argc, argv, "e:i:x:M:B:R:PvhV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'e':
			opts.encoding = strcmp(optarg, "auto") ? optarg : NULL;
			if (opts.encoding != NULL && !enc_known(optarg))
				err_usage(usage, "unknown encoding: %s", optarg);
			break;
		case 'i':
			add_glob(&opts.include, &opts.ninclude, optarg);
			break;
		case 'x':
			add_glob(&opts.exclude, &opts.nexclude, optarg);
			break;
		case 'M':
			opts.max_member = xstrtosize(optarg, "--max-member",
			    usage);
			break;
		case 'B':
			opts.max_ratio = (uint64_t)xstrtonum(optarg, 0,
			    INT64_MAX, "--max-ratio", usage);
			break;
		case 'P':
			progress = isatty(STDERR_FILENO);
			break;
		case 'v':
			opts.verbose = true;
			break;
		default:
			opt_common(c, optarg, argv[optind - 1], usage, help,
			    &opts.max_line);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (optind == argc) {
		err_stdin_tty(usage);
		read_path("-", false);
	}
	for (; optind < argc; optind++) {
		if (strcmp(argv[optind], "-") == 0)
			err_stdin_tty(usage);
		read_path(argv[optind], false);
	}
	if (progress)
		draw_progress(donebytes, true);
	return out_finish();
}
