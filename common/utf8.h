/*
 * utf8: a locale-free UTF-8 decoder and encoder.
 *
 * The decoder rejects overlong forms, surrogates and code points past
 * U+10FFFF; it never reads past the end it is given.
 */
#ifndef INK_UTF8_H
#define INK_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFD

#ifdef __SSE2__
#include <emmintrin.h>

/* bits for the bytes of x that continue a character: 0x80 to 0xbf */
static inline unsigned
utf8_cont16(__m128i x)
{
	/* as signed bytes, below -64 */
	return (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x,
	    _mm_set1_epi8(-64)));
}

/* bits for the bytes of x from lo to hi */
static inline unsigned
utf8_bytes16(__m128i x, unsigned char lo, unsigned char hi)
{
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8((char)lo)), x),
	    _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8((char)hi)), x)));
}
#endif

/*
 * Decode the character at p (n bytes available).  Returns its length
 * (1 to 4) and sets *cp, or returns 0 when the bytes are not valid UTF-8;
 * a sequence cut short by the end of the buffer also gives 0, with
 * *cp == UTF8_TRUNCATED.
 */
#define UTF8_TRUNCATED 0xFFFFFFFFu
static inline size_t utf8_decode(const unsigned char *p, size_t n,
	    uint32_t *cp);
/* encode cp (<= U+10FFFF, not a surrogate) into buf[4]; returns length */
size_t	utf8_encode(uint32_t cp, char *buf);
/* the number of bytes that are not part of a valid sequence */
size_t	utf8_count_invalid(const char *p, size_t n);
/*
 * Windows on a text for patterns that read only its ends: the length of
 * its first want bytes, cut back to where a character starts, and where
 * its last want bytes start, moved on to where one starts.
 */
size_t	utf8_head(const char *p, size_t n, size_t want);
size_t	utf8_tail(const char *p, size_t n, size_t want);
/* the number of characters in valid UTF-8: bytes that start one */
size_t	utf8_chars(const char *p, size_t n);

/* inline: it is called for every character of the text */
static inline size_t
utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	uint32_t c, min;
	size_t len;

	if (n == 0)
		return 0;
	c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* three bytes, whole: every ideograph, all CJK punctuation */
	if ((c & 0xf0) == 0xe0 && n >= 3 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80) {
		c = (c & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 |
		    (p[2] & 0x3f);
		if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) {
			*cp = 0;
			return 0;
		}
		*cp = c;
		return 3;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = 0;
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if (i == n) {
			*cp = UTF8_TRUNCATED;
			return 0;
		}
		if ((p[i] & 0xc0) != 0x80) {
			*cp = 0;
			return 0;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = 0;
		return 0;
	}
	*cp = c;
	return len;
}

/*
 * The character that ends p[0, *n), 0 if none; *n becomes where it
 * starts, so that calling again steps back one more.
 */
static inline uint32_t
utf8_before(const char *p, size_t *n)
{
	size_t i = *n;
	uint32_t cp = 0;

	while (i > 0 && ((unsigned char)p[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	utf8_decode((const unsigned char *)p + i, *n - i, &cp);
	*n = i;
	return cp;
}

#endif
