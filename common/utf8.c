/*
 * utf8: see utf8.h.
 */
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <stdbool.h>

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

#ifdef __SSE2__
/*
 * The bytes of whole characters of U+1000 to U+CFFF and U+E000 to U+FFFF
 * (leads E1 to EC, EE, EF: no overlong form, no surrogate possible) that
 * open p[0, n), fifteen bytes a step: CJK text is nearly all of them.
 */
static size_t
cjk_run(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (n - i >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(p + i));
		unsigned cont = utf8_cont16(x);
		/* E1 to EF, less ED */
		unsigned lead = utf8_bytes16(x, 0xe1, 0xef) &
		    ~utf8_bytes16(x, 0xed, 0xed);
		unsigned ok = lead & cont >> 1 & cont >> 2 & 0x1249;

		if (ok != 0x1249)
			return i + 3 * ((unsigned)__builtin_ctz(~ok & 0x1249) / 3);
		i += 15;
	}
	return i;
}
#endif

size_t
utf8_count_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t bad = 0, i = 0;
	uint32_t cp;

	while (i < n) {
		size_t len;

#ifdef __SSE2__
		/* ASCII sixteen bytes at a time */
		while (n - i >= 16 && _mm_movemask_epi8(_mm_loadu_si128(
		    (const __m128i *)(p + i))) == 0)
			i += 16;
		if (i == n)
			break;
		/* ideographs, three bytes each, five at a time: see below */
		i += cjk_run(p + i, n - i);
		if (i == n)
			break;
#endif
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0) {
			bad++;
			len = 1;
		}
		i += len;
	}
	return bad;
}

size_t
utf8_chars(const char *s, size_t n)
{
	size_t cont = 0, i = 0;

#ifdef __SSE2__
	for (; n - i >= 16; i += 16)
		cont += (size_t)__builtin_popcount(utf8_cont16(
		    _mm_loadu_si128((const __m128i *)(s + i))));
#endif
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return n - cont;
}

static bool
is_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

size_t
utf8_head(const char *p, size_t n, size_t want)
{
	size_t head = n > want ? want : n;

	while (head > 0 && head < n && is_cont(p[head]))
		head--;
	return head;
}

size_t
utf8_tail(const char *p, size_t n, size_t want)
{
	size_t tail = n > want ? n - want : 0;

	while (tail > 0 && tail < n && is_cont(p[tail]))
		tail++;
	return tail;
}
