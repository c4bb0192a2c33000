/*
 * out: see out.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "esc.h"
#include "out.h"

#define OUTSIZE (128 * 1024)

/* the output buffer and how much of it is filled */
static char obuf[OUTSIZE];
static size_t olen;

void
out_init(void)
{
	/* EPIPE comes back from write() and is handled there */
	signal(SIGPIPE, SIG_IGN);
}

static void
drain(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				_exit(err_status());
			err_fatal("write error on stdout: %s", strerror(errno));
		}
		p += w;
		n -= (size_t)w;
	}
}

void
out_flush(void)
{
	drain(obuf, olen);
	olen = 0;
}

/* called by out_flush_quiet() first, if set; not again from within */
static void (*let_go)(void);

void
out_on_flush(void (*fn)(void))
{
	let_go = fn;
}

void
out_flush_quiet(void)
{
	static bool busy;

	if (let_go != NULL && !busy) {
		busy = true;
		let_go();
		busy = false;
	}
	if (olen > 0)
		out_flush();
}

void
out_write(const void *p, size_t n)
{
	if (n == 0)
		return;
	if (n > OUTSIZE - olen) {
		out_flush();
		if (n >= OUTSIZE) {
			drain(p, n);
			return;
		}
	}
	memcpy(obuf + olen, p, n);
	olen += n;
}

char *
out_reserve(size_t n)
{
	if (n > OUTSIZE)
		return NULL;
	if (n > OUTSIZE - olen)
		out_flush();
	return obuf + olen;
}

void
out_advance(size_t n)
{
	olen += n;
}

void
out_putc(int c)
{
	if (olen == OUTSIZE)
		out_flush();
	obuf[olen++] = (char)c;
}

void
out_u64(uint64_t v)
{
	static const char pairs[] =
	    "0001020304050607080910111213141516171819"
	    "2021222324252627282930313233343536373839"
	    "4041424344454647484950515253545556575859"
	    "6061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";
	char tmp[24];
	size_t i = sizeof tmp;

	/* two digits a division: SEQ and line numbers go out on every record */
	while (v >= 100) {
		memcpy(tmp + (i -= 2), pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10)
		memcpy(tmp + (i -= 2), pairs + 2 * v, 2);
	else
		tmp[--i] = (char)('0' + v);
	out_write(tmp + i, sizeof tmp - i);
}

/*
 * Find the first byte that needs an escape.  Lines of news text rarely
 * hold any, so this looks at 16 bytes at a time with SSE2 where the
 * compiler targets it (all of x86-64), and 8 at a time with plain integer
 * arithmetic elsewhere.
 */
#ifdef __SSE2__
const char *
esc_find(const char *p, const char *end)
{
	const char *start = p;
	unsigned bits;

	while (end - p >= 16) {
		bits = maybe_special(_mm_loadu_si128((const void *)p));
		for (; bits != 0; bits &= bits - 1)
			if (is_special(p[__builtin_ctz(bits)]))
				return p + __builtin_ctz(bits);
		p += 16;
	}
	if (p == end)
		return end;
	if (end - start >= 16) {
		/* the last, partial block: load the 16 bytes that end there */
		const char *q = end - 16;

		bits = maybe_special(_mm_loadu_si128((const void *)q)) >>
		    (p - q) << (p - q);
		for (; bits != 0; bits &= bits - 1)
			if (is_special(q[__builtin_ctz(bits)]))
				return q + __builtin_ctz(bits);
		return end;
	}
	for (; p < end; p++)
		if (is_special(*p))
			return p;
	return end;
}
#else
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* nonzero when some byte of x equals b */
static inline uint64_t
has_byte(uint64_t x, unsigned char b)
{
	uint64_t y = x ^ (ONES * b);

	return (y - ONES) & ~y & HIGHS;
}

const char *
esc_find(const char *p, const char *end)
{
	while (end - p >= 8) {
		uint64_t x;

		memcpy(&x, p, 8);
		if (has_byte(x, '\t') | has_byte(x, '\n') |
		    has_byte(x, '\r') | has_byte(x, '\\'))
			break;
		p += 8;
	}
	for (; p < end; p++)
		if (is_special(*p))
			return p;
	return end;
}
#endif

void
out_esc(const void *v, size_t n)
{
	const char *p = v;

	/* escape straight into the buffer, as much as is sure to fit */
	while (n > 0) {
		size_t k;

		if (OUTSIZE - olen < 2)
			out_flush();
		k = (OUTSIZE - olen) / 2;
		if (k > n)
			k = n;
		olen += esc_copy(obuf + olen, p, k);
		p += k;
		n -= k;
	}
}

size_t
esc_len(const void *v, size_t n)
{
	const char *p = v, *end = p + n;
	size_t len = n;

	while ((p = esc_find(p, end)) < end) {
		len++;
		p++;
	}
	return len;
}

#ifdef __SSE2__
/*
 * Copy 16 bytes at a time while they hold nothing to escape.  A store may
 * run past what is kept of it, but never past the escaped length of the
 * whole input, which the caller has room for.
 */
size_t
esc_copy(char *dst, const void *v, size_t n)
{
	const char *p = v, *end = p + n;
	char *d = dst;
	__m128i x;
	unsigned bits;

	while (end - p >= 16) {
		x = _mm_loadu_si128((const void *)p);
		_mm_storeu_si128((void *)d, x);
		for (bits = maybe_special(x); bits != 0; bits &= bits - 1)
			if (is_special(p[__builtin_ctz(bits)]))
				break;
		if (bits == 0) {
			p += 16;
			d += 16;
			continue;
		}
		d += __builtin_ctz(bits);
		p += __builtin_ctz(bits);
		*d++ = '\\';
		*d++ = escape_letter(*p++);
	}
	if (n >= 16 && (x = _mm_loadu_si128((const void *)(end - 16)),
	    maybe_special(x) == 0)) {
		/*
		 * The last 16 bytes are clean, so they went out unchanged:
		 * store them again, ending where the output ends.
		 */
		_mm_storeu_si128((void *)(d - (p - (end - 16))), x);
		return (size_t)(d + (end - p) - dst);
	}
	for (; p < end; p++) {
		if (is_special(*p)) {
			*d++ = '\\';
			*d++ = escape_letter(*p);
		} else {
			*d++ = *p;
		}
	}
	return (size_t)(d - dst);
}
#else
size_t
esc_copy(char *dst, const void *v, size_t n)
{
	const char *p = v, *end = p + n;
	char *d = dst;

	while (p < end) {
		const char *q = esc_find(p, end);

		memcpy(d, p, (size_t)(q - p));
		d += q - p;
		if (q == end)
			break;
		*d++ = '\\';
		*d++ = escape_letter(*q);
		p = q + 1;
	}
	return (size_t)(d - dst);
}
#endif

int
out_finish(void)
{
	/* --help and --version print through stdio */
	if (fflush(stdout) != 0)
		err_fatal("write error on stdout: %s", strerror(errno));
	out_flush();
	if (close(STDOUT_FILENO) != 0 && errno != EINTR)
		err_fatal("write error on stdout: %s", strerror(errno));
	return err_status();
}
