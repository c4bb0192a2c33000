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

/*
 * Decode the character at p (n bytes available).  Returns its length
 * (1 to 4) and sets *cp, or returns 0 when the bytes are not valid UTF-8;
 * a sequence cut short by the end of the buffer also gives 0, with
 * *cp == UTF8_TRUNCATED.
 */
#define UTF8_TRUNCATED 0xFFFFFFFFu
size_t	utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);
/* encode cp (<= U+10FFFF, not a surrogate) into buf[4]; returns length */
size_t	utf8_encode(uint32_t cp, char *buf);
/* the number of bytes that are not part of a valid sequence */
size_t	utf8_count_invalid(const char *p, size_t n);

#endif
