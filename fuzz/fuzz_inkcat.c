/*
 * fuzz_inkcat: arbitrary bytes as a file (text, compressed or an archive,
 * whatever libarchive and the sniffer make of them) and as the member of
 * a tar archive built around them.  Every line that comes out is checked
 * to be written back losslessly by the escaper, and a run of whole lines
 * must end in a newline.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"
#include "src.h"

static void
begin(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	if (len == 0 || memchr(name, '\0', len) != NULL)
		abort();
}

static void
line(void *ctx, uint64_t seq, const char *p, size_t n, bool noeol)
{
	char *esc = malloc(esc_len(p, n) + 1);
	size_t m = esc_copy(esc, p, n);

	(void)ctx;
	(void)noeol;
	if (seq == 0 || memchr(p, '\n', n) != NULL || memchr(esc, '\t', m))
		abort();
	free(esc);
}

/* a run of whole lines: each must end in a newline */
static uint64_t
run(void *ctx, uint64_t seq, const char *p, size_t n)
{
	const char *end = p + n, *nl;
	uint64_t k = 0;

	if (n == 0 || end[-1] != '\n')
		abort();
	for (; (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1)
		line(ctx, seq + k++, p, (size_t)(nl - p), false);
	return k;
}

/* a ustar header for one member of size n */
static void
tar_header(unsigned char h[512], size_t n)
{
	unsigned sum = 0;

	memset(h, 0, 512);
	strcpy((char *)h, "member.txt");
	memcpy(h + 100, "0000644", 7);
	memcpy(h + 108, "0000000", 7);
	memcpy(h + 116, "0000000", 7);
	snprintf((char *)h + 124, 12, "%011zo", n);
	memcpy(h + 136, "00000000000", 11);
	h[156] = '0';
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	memset(h + 148, ' ', 8);
	for (int i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct src_sink sink = { begin, line, run, NULL, NULL };
	struct src_opts o = {
		.max_member = 1 << 20,
		.max_line = 4096,
	};
	size_t padded = (size + 511) / 512 * 512;
	unsigned char *tar;

	err_init("fuzz_inkcat");
	src_memory(data, size, "input", &o, &sink);
	tar = calloc(1, 512 + padded + 1024);
	tar_header(tar, size);
	memcpy(tar + 512, data, size);
	src_memory(tar, 512 + padded + 1024, "input.tar", &o, &sink);
	free(tar);
	return 0;
}
