/*
 * utf8: see utf8.h.
 */
#include "utf8.h"

size_t
utf8_encode(uint32_t cp, char *buf)
{
	unsigned char *b = (unsigned char *)buf;

	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xc0 | cp >> 6);
		b[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xe0 | cp >> 12);
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	b[0] = (unsigned char)(0xf0 | cp >> 18);
	b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	b[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf8_count_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t bad = 0, i = 0;
	uint32_t cp;

	while (i < n) {
		size_t len = utf8_decode(p + i, n - i, &cp);

		if (len == 0) {
			bad++;
			len = 1;
		}
		i += len;
	}
	return bad;
}
