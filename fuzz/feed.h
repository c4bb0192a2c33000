/*
 * feed.h: for harnesses that include a filter's source (main renamed):
 * feed() hands records to its take() and end_doc() and gives back what
 * it wrote, stdout being a memory file it makes the first time.
 */
#include <sys/mman.h>

/* the records in p[0, n) through take(); its output, malloc'd */
static char *
feed(const char *p, size_t n, size_t *len)
{
	static int fd = -1;
	struct rec r;
	const char *end = p + n, *nl;
	char *got;
	off_t k;

	if (fd < 0) {
		fd = memfd_create("stdout", 0);
		dup2(fd, STDOUT_FILENO);
	}
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
	out_flush_quiet();	/* lets go what a program holds back */
	rec_free(&r);
	k = lseek(fd, 0, SEEK_CUR);
	got = malloc((size_t)k + 1);
	if (pread(fd, got, (size_t)k, 0) != k)
		abort();
	*len = (size_t)k;
	return got;
}

/*
 * Each line of data[0, size) as a paragraph record (DOC d, SEQ from 1,
 * the text escaped), through take(); check() is given the records and
 * what came out, and what came out must come out again unchanged.  The
 * body of the harnesses of programs that add to paragraphs.
 */
static void __attribute__((unused))
feed_paragraphs(const uint8_t *data, size_t size,
    void (*check)(const char *, size_t, const char *, size_t))
{
	struct buf in = { 0 };
	size_t outlen, againlen;
	char *out, *again, head[48];
	uint64_t seq = 0;

	for (size_t i = 0; i < size;) {
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
		return;
	out = feed(in.p, in.n, &outlen);
	check(in.p, in.n, out, outlen);
	again = feed(out, outlen, &againlen);
	if (againlen != outlen || memcmp(again, out, outlen) != 0)
		abort();
	buf_free(&in);
	free(out);
	free(again);
}

