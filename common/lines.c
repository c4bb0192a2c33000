/*
 * lines: see lines.h.
 */
#include <string.h>

#include "buf.h"
#include "esc.h"
#include "lines.h"
#include "out.h"

/* a window of the output buffer, refilled as the fused loop writes */
#define WINDOW	(16 * 1024)
/* the most one step of the loop writes: a 16-byte store, or an escape */
#define STEP	32

/*
 * What the current line's record opens with, "DOC TAB 0 TAB SEQ TAB line
 * TAB": the first docpart bytes are the same for the whole document.
 */
static struct buf head;
static size_t docpart;
static uint64_t headseq;

void
lines_doc(const char *name, size_t len)
{
	head.n = 0;
	head.n = esc_copy(buf_room(&head, 2 * len), name, len);
	buf_add(&head, "\t0\t", 3);
	docpart = head.n;
	headseq = 0;
}

/* write head anew for line seq */
static void
rebuild(uint64_t seq)
{
	char digits[24];
	size_t n = 0;

	for (uint64_t v = seq; v > 0 || n == 0; v /= 10)
		digits[sizeof digits - ++n] = (char)('0' + v % 10);
	head.n = docpart;
	buf_add(&head, digits + sizeof digits - n, n);
	buf_add(&head, "\tline\t", 6);
	/* lines_run() copies head 16 bytes at a time */
	buf_room(&head, 16);
	headseq = seq;
}

/* make head open the record of line seq: mostly, count up by one */
static inline void
set_seq(uint64_t seq)
{
	char *d = head.p + head.n - 7;

	if (headseq == 0 || seq != headseq + 1) {
		rebuild(seq);
		return;
	}
	/* the digits before "\tline\t" */
	while (d >= head.p + docpart && *d == '9')
		*d-- = '0';
	if (d < head.p + docpart) {
		rebuild(seq);
		return;
	}
	(*d)++;
	headseq = seq;
}

void
lines_one(uint64_t seq, const char *p, size_t n, bool noeol)
{
	static const char tail[] = "\tnoeol=1";
	char *d, *start;

	set_seq(seq);
	/* the whole record in place, when the buffer can hold its worst case */
	if ((start = d = out_reserve(head.n + 2 * n + sizeof tail)) != NULL) {
		memcpy(d, head.p, head.n);
		d += head.n;
		d += esc_copy(d, p, n);
		if (noeol) {
			memcpy(d, tail, sizeof tail - 1);
			d += sizeof tail - 1;
		}
		*d++ = '\n';
		out_advance((size_t)(d - start));
		return;
	}
	out_write(head.p, head.n);
	out_esc(p, n);
	if (noeol)
		out_str(tail);
	out_putc('\n');
}

/* the plain way: each line found and written on its own */
static uint64_t
run_by_line(uint64_t seq, const char *p, size_t n)
{
	const char *end = p + n, *nl;
	uint64_t count = 0;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		lines_one(seq + count++, p, (size_t)(nl - p), false);
		p = nl + 1;
	}
	return count;
}

#ifdef __SSE2__
/* commit what was written since *start and take a fresh window */
static char *
refill(char *d, char **start, char **lim)
{
	out_advance((size_t)(d - *start));
	*start = out_reserve(WINDOW);
	*lim = *start + WINDOW;
	return *start;
}

uint64_t
lines_run(uint64_t seq, const char *p, size_t n)
{
	const char *end = p + n;
	uint64_t count = 0;
	char *start, *d, *lim;
	char c;

	if (head.n + 16 > WINDOW - STEP)
		return run_by_line(seq, p, n);
	start = d = out_reserve(WINDOW);
	lim = d + WINDOW;
	while (p < end) {
		set_seq(seq + count++);
		if (lim - d < (ptrdiff_t)(head.n + STEP))
			d = refill(d, &start, &lim);
		for (size_t i = 0; i < head.n; i += 16)
			_mm_storeu_si128((void *)(d + i),
			    _mm_loadu_si128((const void *)(head.p + i)));
		d += head.n;
		/*
		 * The text up to its newline.  Each 16-byte block is stored
		 * as it is tested; where it holds a byte to look at, the
		 * output is cut back to that byte and the loop goes on from
		 * there.  Blocks run over into the next line: the run ends
		 * with a newline, so no load passes its end.
		 */
		for (;;) {
			if (lim - d < STEP)
				d = refill(d, &start, &lim);
			if (end - p >= 16) {
				__m128i x = _mm_loadu_si128((const void *)p);
				unsigned bits = maybe_special(x);

				_mm_storeu_si128((void *)d, x);
				if (bits == 0) {
					p += 16;
					d += 16;
					continue;
				}
				p += __builtin_ctz(bits);
				d += __builtin_ctz(bits);
			}
			if ((c = *p++) == '\n')
				break;
			if (is_special(c)) {
				*d++ = '\\';
				*d++ = escape_letter(c);
			} else {
				*d++ = c;
			}
		}
		*d++ = '\n';
	}
	out_advance((size_t)(d - start));
	return count;
}
#else
uint64_t
lines_run(uint64_t seq, const char *p, size_t n)
{
	return run_by_line(seq, p, n);
}
#endif
