/*
 * esc: the escapes of ink(5) as inline helpers, for the two fast paths
 * that escape text (out.c and lines.c).
 *
 * TAB, LF, CR and backslash are written as \t \n \r \\.  With SSE2 (all of
 * x86-64), maybe_special() tests 16 bytes at once.
 */
#ifndef INK_ESC_H
#define INK_ESC_H

#include <stdbool.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline bool
is_special(char c)
{
	/* TAB, LF and CR all lie below 0x0e: most bytes take two tests */
	if ((unsigned char)c > '\r')
		return c == '\\';
	return c == '\t' || c == '\n' || c == '\r';
}

/* the letter after the backslash */
static inline char
escape_letter(char c)
{
	return c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
}

#ifdef __SSE2__
/*
 * Bits for the bytes of x that may need an escape: every byte up to CR
 * (TAB, LF and CR, and the rarer NUL to VT and FF, which the caller
 * checks again with is_special()), and backslash.  Three operations
 * instead of seven.
 */
static inline unsigned
maybe_special(__m128i x)
{
	const __m128i cr = _mm_set1_epi8('\r'), bs = _mm_set1_epi8('\\');
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, cr), x);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(low,
	    _mm_cmpeq_epi8(x, bs)));
}
#endif

#endif
