/*
 * err: see err.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "out.h"

/* the program's name, for the "PROG:" prefix */
static const char *prog = "ink";
/* the exit status so far: only ever raised */
static int status = EXIT_CLEAN;

void
err_init(const char *progname)
{
	const char *slash = strrchr(progname, '/');

	prog = slash ? slash + 1 : progname;
}

const char *
err_prog(void)
{
	return prog;
}

void
err_setstatus(int s)
{
	if (s > status)
		status = s;
}

int
err_status(void)
{
	return status;
}

/*
 * Print a document name with control bytes, backslash and DEL escaped, so
 * a hostile archive member name cannot drive the terminal.
 */
static void
put_safe(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\')
			fputs("\\\\", stderr);
		else if (c < 0x20 || c == 0x7f)
			fprintf(stderr, "\\x%02x", c);
		else
			fputc(c, stderr);
	}
}

static void
vreport(int s, const char *doc, size_t doclen, long long seq,
    const char *fmt, va_list ap)
{
	/* what we wrote so far goes first, so messages line up with output */
	out_flush_quiet();
	fprintf(stderr, "%s: ", prog);
	if (doc != NULL) {
		put_safe(doc, doclen);
		if (seq > 0)
			fprintf(stderr, ":%lld", seq);
		fputs(": ", stderr);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	err_setstatus(s);
}

void
err_input(const char *doc, size_t doclen, long long seq, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(EXIT_BADINPUT, doc, doclen, seq, fmt, ap);
	va_end(ap);
}

void
err_warn(const char *doc, size_t doclen, long long seq, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(EXIT_CLEAN, doc, doclen, seq, fmt, ap);
	va_end(ap);
}

/* "PROG: message" on stderr */
static void
vsay(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
err_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	_exit(EXIT_FATAL);
}

void
err_usage(const char *usage, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	fputs(usage, stderr);
	exit(EXIT_FATAL);
}

void
err_stdin_only(int argc, char *argv[], int optind_, const char *usage)
{
	if (optind_ < argc)
		err_usage(usage, "unexpected operand: %s (%s reads stdin)",
		    argv[optind_], prog);
	err_stdin_tty(usage);
}

void
err_stdin_tty(const char *usage)
{
	if (isatty(STDIN_FILENO))
		err_usage(usage, "stdin is a terminal; pipe records in "
		    "(try '%s --help')", prog);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		err_fatal("out of memory (%zu bytes)", n);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		err_fatal("out of memory (%zu bytes)", n);
	return p;
}

long long
xstrtonum(const char *s, long long min, long long max, const char *what,
    const char *usage)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0')
		err_usage(usage, "%s: not a number: %s", what, s);
	if (errno == ERANGE || v < min || v > max)
		err_usage(usage, "%s: %s is out of range (%lld to %lld)",
		    what, s, min, max);
	return v;
}

uint64_t
xstrtosize(const char *s, const char *what, const char *usage)
{
	static const char units[] = "KMGT";
	char *end;
	unsigned long long v;
	const char *u;
	int shift = 0;

	errno = 0;
	if (*s == '-' || *s == '+')
		err_usage(usage, "%s: not a size: %s", what, s);
	v = strtoull(s, &end, 10);
	if (end == s || errno == ERANGE)
		err_usage(usage, "%s: not a size: %s", what, s);
	if (*end != '\0') {
		u = strchr(units, *end);
		if (u == NULL || *u == '\0' || (end[1] != '\0' &&
		    strcmp(end + 1, "iB") != 0 && strcmp(end + 1, "B") != 0))
			err_usage(usage, "%s: unknown unit in %s "
			    "(use K, M, G or T)", what, s);
		shift = 10 * (int)(u - units + 1);
	}
	if (v > (UINT64_MAX >> shift))
		err_usage(usage, "%s: %s is too large", what, s);
	return (uint64_t)v << shift;
}

void
doc_bad_say(struct doc_bad *b)
{
	if (b->invalid > 0)
		err_warn(b->doc.p, b->doc.n, 0, "%llu paragraphs with invalid "
		    "UTF-8%s", (unsigned long long)b->invalid, b->why);
	b->invalid = 0;
}

void
doc_bad_next(struct doc_bad *b, const char *doc, size_t doclen)
{
	if (doclen == b->doc.n && (doclen == 0 || memcmp(doc, b->doc.p,
	    doclen) == 0))
		return;
	doc_bad_say(b);
	b->doc.n = 0;
	buf_add(&b->doc, doc, doclen);
}

