/*
 * fuzz_dateline: inkdateline's matching and tagging.  Each line of the
 * input is a paragraph; the first byte of the input says whether -s
 * strips and which year -y gives.  Each record goes through inkdateline's
 * own take(), its output into a memory file standing in for stdout.
 * Then: one record out for each in, which parses; without -s, the input
 * line as it was followed by tags only; with -s, a text that is a piece
 * of the input text; dl.date is --MM-DD or YYYY-MM-DD with a real month
 * and day; and the output, read again, comes out the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define main inkdateline_main
#include "../cmd/inkdateline.c"
#undef main

static char *
run(int fd, const char *p, size_t n, size_t *len)
{
	struct rec r;
	const char *end = p + n, *nl;
	char *got;
	off_t k;

	ftruncate(fd, 0);
	lseek(fd, 0, SEEK_SET);
	rec_init(&r);
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (rec_parse(&r, p, (size_t)(nl - p)) != NULL)
			abort();
		take(NULL, &r, p, (size_t)(nl - p));
	}
	end_doc();
	out_flush();
	rec_free(&r);
	k = lseek(fd, 0, SEEK_CUR);
	got = malloc((size_t)k + 1);
	if (pread(fd, got, (size_t)k, 0) != k)
		abort();
	*len = (size_t)k;
	return got;
}

static void
check_date(struct slice v)
{
	int y, m, d;

	if (v.n == 7 && sscanf(v.p, "--%2d-%2d", &m, &d) == 2)
		y = 2000;
	else if (v.n != 10 || sscanf(v.p, "%4d-%2d-%2d", &y, &m, &d) != 3)
		abort();
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
		abort();
}

static void
check(const char *in, size_t inlen, const char *out, size_t outlen)
{
	struct rec x, y;
	const char *p = in, *o = out, *pn, *on, *endin = in + inlen;
	const char *endout = out + outlen;

	rec_init(&x);
	rec_init(&y);
	for (; p < endin; p = pn + 1, o = on + 1) {
		long i;

		pn = memchr(p, '\n', (size_t)(endin - p));
		if (o >= endout || (on = memchr(o, '\n',
		    (size_t)(endout - o))) == NULL)
			abort();
		if (rec_parse(&x, p, (size_t)(pn - p)) != NULL ||
		    rec_parse(&y, o, (size_t)(on - o)) != NULL)
			abort();
		if (!strip && (on - o < pn - p || memcmp(o, p, (size_t)(pn -
		    p)) != 0))
			abort();
		if (strip && memmem(x.text.p, x.text.n, y.text.p, y.text.n) ==
		    NULL)
			abort();
		if ((i = rec_tag(&y, "dl.date", 0)) >= 0)
			check_date(tag_value(y.tag[i]));
	}
	if (o != endout)
		abort();
	rec_free(&x);
	rec_free(&y);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	struct buf in = { 0 };
	size_t outlen, againlen;
	char *out, *again, head[48];
	uint64_t seq = 0;

	if (fd < 0) {
		err_init("inkdateline");
		compile_all(NULL);
		fd = memfd_create("stdout", 0);
		dup2(fd, STDOUT_FILENO);
	}
	if (size == 0)
		return 0;
	strip = data[0] & 1;
	year = data[0] & 2 ? 2026 : 0;
	for (size_t i = 1; i < size;) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t end = nl ? (size_t)(nl - data) : size;

		snprintf(head, sizeof head, "d\t0\t%llu\tpara\t",
		    (unsigned long long)++seq);
		buf_add(&in, head, strlen(head));
		in.n += esc_copy(buf_room(&in, 2 * (end - i) + 1), data + i,
		    end - i);
		buf_add(&in, "\n", 1);
		i = end + 1;
	}
	if (in.n == 0)
		return 0;
	out = run(fd, in.p, in.n, &outlen);
	check(in.p, in.n, out, outlen);
	again = run(fd, out, outlen, &againlen);
	if (againlen != outlen || memcmp(again, out, outlen) != 0)
		abort();
	buf_free(&in);
	free(out);
	free(again);
	return 0;
}
