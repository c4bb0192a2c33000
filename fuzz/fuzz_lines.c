/*
 * fuzz_lines: the fused writer of line records against a plain one.
 * The input, given a final newline, is written by lines_run() into a
 * memory file standing in for stdout, and must match records built here
 * byte by byte with no cleverness at all.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lines.h"
#include "out.h"

static char *
reference(const char *p, size_t n, uint64_t seq, size_t *len)
{
	/* each byte escapes to two at most; a head per line at most */
	char *r = malloc(2 * n + 64 * (n + 1)), *d = r;

	for (size_t i = 0; i < n; seq++) {
		d += sprintf(d, "doc\t0\t%llu\tline\t", (unsigned long long)seq);
		for (; p[i] != '\n'; i++) {
			switch (p[i]) {
			case '\t': *d++ = '\\'; *d++ = 't'; break;
			case '\r': *d++ = '\\'; *d++ = 'r'; break;
			case '\\': *d++ = '\\'; *d++ = '\\'; break;
			default: *d++ = p[i]; break;
			}
		}
		*d++ = '\n';
		i++;
	}
	*len = (size_t)(d - r);
	return r;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	char *in = malloc(size + 1), *want, *got;
	size_t n = size, wantlen;
	uint64_t seq = 1 + (size > 0 ? data[0] % 20 : 0);
	off_t gotlen;

	if (fd < 0) {
		fd = memfd_create("stdout", 0);
		dup2(fd, STDOUT_FILENO);
	}
	ftruncate(fd, 0);
	lseek(fd, 0, SEEK_SET);
	memcpy(in, data, size);
	if (n == 0 || in[n - 1] != '\n')
		in[n++] = '\n';
	lines_doc("doc", 3);
	lines_run(seq, in, n);
	out_flush();
	want = reference(in, n, seq, &wantlen);
	gotlen = lseek(fd, 0, SEEK_CUR);
	got = malloc((size_t)gotlen + 1);
	if (pread(fd, got, (size_t)gotlen, 0) != gotlen ||
	    (size_t)gotlen != wantlen || memcmp(got, want, wantlen) != 0)
		abort();
	free(in);
	free(want);
	free(got);
	return 0;
}
