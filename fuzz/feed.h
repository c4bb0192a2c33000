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
	out_flush();
	rec_free(&r);
	k = lseek(fd, 0, SEEK_CUR);
	got = malloc((size_t)k + 1);
	if (pread(fd, got, (size_t)k, 0) != k)
		abort();
	*len = (size_t)k;
	return got;
}

