/*
 * norm: see norm.h.
 *
 * One pass over the code points; NFC (utf8proc) only for a segment that
 * holds a character whose normal form could differ, which news text in
 * Chinese or English rarely does.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "err.h"
#include "norm.h"
#include "utf8.h"

/* Unicode White_Space, less the line and paragraph breaks */
static bool
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x0b || cp == 0x85 ||
	    cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
	    cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

/* invisible characters that carry nothing in news text */
static bool
is_junk(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0xad ||
	    cp == 0x200b || cp == 0x2060 || cp == 0xfeff || cp == 0x061c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

bool
is_han(uint32_t cp)
{
	if (cp < 0x3007)
		return false;
	return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 &&
	    cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || cp == 0x3007;
}

bool
is_cjk(uint32_t cp)
{
	if (cp < 0x2e80)
		return false;
	return is_han(cp) || (cp >= 0x2e80 && cp <= 0x2fdf) ||
	    (cp >= 0x3000 && cp <= 0x30ff) || (cp >= 0x31c0 && cp <= 0x31ff) ||
	    (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xff00 && cp <= 0xffef);
}

static bool
is_latin_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z');
}

/* the full-width forms kept with keep_cjk_punct: ，：；！？（） */
static bool
is_cjk_punct_form(uint32_t cp)
{
	return cp == 0xff0c || cp == 0xff1a || cp == 0xff1b ||
	    cp == 0xff01 || cp == 0xff1f || cp == 0xff08 || cp == 0xff09;
}

/*
 * Ranges where no character is changed by NFC, none is a combining mark
 * and none composes with the one before: a text of these needs no NFC.
 * The gaps hold the exceptions (U+2329 to U+3008, U+212B to U+00C5, the
 * combining marks U+20D0-U+20F0, U+302A-U+302F, U+3099-U+309A ...).
 * Anything outside goes through utf8proc.
 */
static const struct {
	uint32_t lo, hi;
} nfc_stable_ranges[] = {
	{ 0x0000, 0x02ff }, { 0x2010, 0x20cf }, { 0x2190, 0x2328 },
	{ 0x232b, 0x2adb }, { 0x2add, 0x2cee }, { 0x3000, 0x3029 },
	{ 0x3030, 0x3098 }, { 0x309b, 0x30ff }, { 0x3400, 0x9fff },
	{ 0xff00, 0xffef }, { 0xfffd, 0xfffd },
};

static bool
nfc_stable(uint32_t cp)
{
	for (size_t i = 0; i < sizeof nfc_stable_ranges /
	    sizeof nfc_stable_ranges[0]; i++)
		if (cp <= nfc_stable_ranges[i].hi)
			return cp >= nfc_stable_ranges[i].lo;
	return false;
}

static uint32_t
fold(const struct norm_opts *o, uint32_t cp)
{
	int32_t d[4];
	int bound = 0;

	if (cp >= 0xff01 && cp <= 0xff5e && o->fold_ascii &&
	    !(o->keep_cjk_punct && is_cjk_punct_form(cp)))
		return cp - 0xfee0;
	/* Kangxi radicals: each is a compatibility form of one ideograph */
	if (cp >= 0x2f00 && cp <= 0x2fd5 && utf8proc_decompose_char(
	    (int32_t)cp, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &bound) == 1)
		return (uint32_t)d[0];
	return cp;
}

/*
 * CJK and general punctuation that is copied as it is (、。「」“”—…), or
 * full-width ASCII folded: no space, no junk, nothing NFC could change.
 */
static inline bool
plain_punct(const struct norm_opts *o, uint32_t cp)
{
	if (cp >= 0xff01 && cp <= 0xff5e)
		return o->fold_ascii && !(o->keep_cjk_punct &&
		    is_cjk_punct_form(cp));
	return (cp >= 0x3001 && cp <= 0x3029) || (cp >= 0x3030 &&
	    cp <= 0x303f) || (cp >= 0x2010 && cp <= 0x2027);
}

/* do these three bytes encode an ideograph of U+4E00 to U+9FFF? */
static inline bool
is_han_lead(const unsigned char *p)
{
	return ((p[0] >= 0xe5 && p[0] <= 0xe9) || (p[0] == 0xe4 &&
	    p[1] >= 0xb8)) && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80;
}

size_t
han_copy(char *dst, const unsigned char *p, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	/* five characters, fifteen bytes, a step */
	while (n - i >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(p + i));
		unsigned cont = utf8_cont16(x);
		/* E5 to E9 open U+5000 to U+9FFF; E4 needs B8 or more */
		unsigned lead = utf8_bytes16(x, 0xe5, 0xe9);
		unsigned e4 = utf8_bytes16(x, 0xe4, 0xe4);
		unsigned b8 = utf8_bytes16(x, 0xb8, 0xff);
		/* bit 3j: the character at byte 3j is an ideograph */
		unsigned han = (lead | (e4 & b8 >> 1)) & cont >> 1 & cont >> 2 &
		    0x1249;

		_mm_storeu_si128((__m128i *)(dst + i), x);
		if (han != 0x1249) {
			i += 3 * ((unsigned)__builtin_ctz(~han & 0x1249) / 3);
			break;
		}
		i += 15;
	}
#endif
	while (n - i >= 3 && is_han_lead(p + i)) {
		memcpy(dst + i, p + i, 3);
		i += 3;
	}
	return i;
}

/* the state of the pass over one text */
struct pass {
	struct norm_out *out;
	const struct norm_opts *o;
	struct norm_seg *seg;	/* the segment being written */
	bool	 space;		/* a space is pending */
	int	 lead;		/* spaces before the first character */
	uint32_t prev;		/* the last character written, 0 if none */
	uint32_t zw;		/* a ZWJ or ZWNJ waiting on the next one */
	bool	 nfc;		/* the segment needs NFC */
};

/*
 * Write cp, from its own bytes (len of them at src) when it is unchanged.
 * The text buffer has room: norm_text() reserved the worst case.
 */
static inline void
put(struct pass *ps, uint32_t cp, const unsigned char *src, size_t len)
{
	struct buf *t = &ps->out->text;

	if (src != NULL) {
		memcpy(t->p + t->n, src, len);
		t->n += len;
	} else {
		t->n += utf8_encode(cp, t->p + t->n);
	}
	ps->seg->cols += is_cjk(cp) ? 2 : 1;
	ps->prev = cp;
	if (cp >= 0x300 && !nfc_stable(cp))
		ps->nfc = true;
}

static bool
seg_empty(const struct pass *ps)
{
	return ps->out->text.n == ps->seg->off;
}

static void
open_seg(struct pass *ps)
{
	struct norm_out *out = ps->out;

	if (out->nseg == out->segcap) {
		out->segcap = out->segcap ? 2 * out->segcap : 8;
		out->seg = xrealloc(out->seg, out->segcap * sizeof *out->seg);
	}
	ps->seg = &out->seg[out->nseg++];
	ps->seg->off = out->text.n;
	ps->seg->len = 0;
	ps->seg->cols = 0;
	ps->seg->markup = false;
	ps->seg->indent = false;
	ps->seg->end = SEG_LINE;
	ps->space = false;
	ps->lead = 0;
	ps->prev = 0;
	ps->zw = 0;
	ps->nfc = false;
}

/* NFC on the finished segment, in place at the end of the text */
static void
compose(struct pass *ps, size_t left)
{
	struct buf *t = &ps->out->text;
	utf8proc_uint8_t *nfc;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)t->p + ps->seg->off,
	    (utf8proc_ssize_t)(t->n - ps->seg->off), &nfc,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return;
	t->n = ps->seg->off;
	buf_add(t, nfc, (size_t)n);
	free(nfc);
	/* the rest of the text still has its worst case of room */
	buf_room(t, 4 * left + 16);
}

static void
close_seg(struct pass *ps, enum seg_end end, size_t left)
{
	ps->seg->end = end;
	if (ps->nfc)
		compose(ps, left);
	ps->seg->len = ps->out->text.n - ps->seg->off;
	open_seg(ps);
}

/* what comes before a visible character: indent, ZWJ, a space */
static void
before(struct pass *ps, uint32_t cp)
{
	bool cjk_latin;

	if (seg_empty(ps) && ps->lead >= 2)
		ps->seg->indent = true;
	if (ps->zw != 0) {
		/* ZWJ and ZWNJ mean nothing between two ideographs */
		if (!(is_han(ps->prev) && is_han(cp)))
			put(ps, ps->zw, NULL, 0);
		ps->zw = 0;
	}
	cjk_latin = (is_cjk(ps->prev) && is_latin_alnum(cp)) ||
	    (is_latin_alnum(ps->prev) && is_cjk(cp));
	if (ps->space && !seg_empty(ps) &&
	    !(ps->o->autospace == AUTOSPACE_STRIP && cjk_latin))
		put(ps, ' ', NULL, 0);
	else if (!ps->space && ps->o->autospace == AUTOSPACE_INSERT &&
	    cjk_latin)
		put(ps, ' ', NULL, 0);
	ps->space = false;
}

/*
 * The bytes of printable ASCII, 1, and among them those that may be
 * Markdown, 3: one look-up a byte sorts both.
 */
static const unsigned char ascii_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 10 */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1,	/* 20 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 3,	/* 50 */
	3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 0,	/* 70 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 80 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 90 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* a0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* b0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* c0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* d0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* e0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* f0 */
};

#ifdef __SSE2__
/* bits for the bytes of x that are printable ASCII, not the space */
static inline unsigned
printable(__m128i x)
{
	/* as signed bytes, 0x80 to 0xff are negative: below the space */
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpgt_epi8(x, _mm_set1_epi8(' ')),
	    _mm_cmplt_epi8(x, _mm_set1_epi8(0x7f))));
}

/* bits for the bytes of x that may be Markdown: ascii_class 3 */
static inline unsigned
markdown(__m128i x)
{
	__m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('*')),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('[')));

	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('`')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('|')));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/*
 * A run of printable ASCII: the first character as any, the rest copied,
 * and single spaces between them too, since a space between two ASCII
 * characters stays whatever the options.
 */
static size_t
ascii_run(struct pass *ps, const unsigned char *p, size_t n)
{
	size_t k = 1;
	unsigned marks = ascii_class[p[0]];
	struct buf *t = &ps->out->text;
	char *dst;

	before(ps, p[0]);
	dst = t->p + t->n;
	dst[0] = (char)p[0];
#ifdef __SSE2__
	/* sixteen bytes a step, and the byte after them, copied as read */
	while (n - k > 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(p + k));
		unsigned next = printable(_mm_loadu_si128((const __m128i *)
		    (p + k + 1)));
		unsigned space = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
		unsigned in = printable(x) | (space & next);
		unsigned md = markdown(x);

		_mm_storeu_si128((__m128i *)(dst + k), x);
		if (in == 0xffff) {
			marks |= md != 0 ? 2 : 0;
			k += 16;
			continue;
		}
		in = (unsigned)__builtin_ctz(~in);
		marks |= (md & ((1u << in) - 1)) != 0 ? 2 : 0;
		k += in;
		break;
	}
#endif
	for (;;) {
		while (k < n && ascii_class[p[k]] != 0) {
			marks |= ascii_class[p[k]];
			dst[k] = (char)p[k];
			k++;
		}
		if (k + 1 < n && p[k] == ' ' && ascii_class[p[k + 1]] != 0)
			dst[k] = (char)p[k], k++;
		else
			break;
	}
	if (marks & 2)
		ps->seg->markup = true;
	t->n += k;
	ps->seg->cols += k;
	ps->prev = p[k - 1];
	return k;
}

/*
 * Ideographs of U+4E00 to U+9FFF and the punctuation plain_punct() lets
 * through, going on from what was written with no space pending: copied,
 * full-width ASCII folded.  Returns the bytes read, 0 when p opens neither.
 */
static size_t
cjk_run(struct pass *ps, const unsigned char *p, size_t n)
{
	struct buf *t = &ps->out->text;
	size_t i = 0;
	uint32_t cp, last = 0;

	while (n - i >= 3) {
		size_t k = han_copy(t->p + t->n, p + i, n - i);

		if (k > 0) {
			t->n += k;
			ps->seg->cols += k / 3 * 2;
			i += k;
			last = 0x4e00;	/* an ideograph: all prev is asked */
			continue;
		}
		if (utf8_decode(p + i, 3, &cp) != 3 || !plain_punct(ps->o, cp))
			break;
		if (cp >= 0xff01) {
			/* folded ＊ ｜ are punctuation, not Markdown */
			cp -= 0xfee0;
			t->p[t->n++] = (char)cp;
			ps->seg->cols++;
		} else {
			memcpy(t->p + t->n, p + i, 3);
			t->n += 3;
			ps->seg->cols += cp >= 0x3000 ? 2 : 1;
		}
		last = cp;
		i += 3;
	}
	if (i > 0)
		ps->prev = last;
	return i;
}

void
norm_text(const struct norm_opts *o, const char *s, size_t n,
    struct norm_out *out)
{
	const unsigned char *p = (const unsigned char *)s;
	struct pass ps = { .out = out, .o = o };
	uint32_t cp;

	out->text.n = 0;
	out->nseg = 0;
	out->invalid = 0;
	/* the worst case: three bytes of U+FFFD and a space for each byte */
	buf_room(&out->text, 4 * n + 16);
	open_seg(&ps);
	for (size_t i = 0; i < n;) {
		size_t len;

		if (p[i] > 0x20 && p[i] < 0x7f) {
			i += ascii_run(&ps, p + i, n - i);
			continue;
		}
		/* ideographs and plain punctuation going on: copied */
		if (p[i] >= 0xe2 && n - i >= 3 && !ps.space && ps.zw == 0 &&
		    !seg_empty(&ps) && o->autospace == AUTOSPACE_KEEP) {
			size_t k = cjk_run(&ps, p + i, n - i);

			if (k > 0) {
				i += k;
				continue;
			}
		}
		/* ideographs after Latin text, with autospace: copied */
		if (p[i] >= 0xe4 && n - i >= 3 && is_han_lead(p + i) &&
		    !ps.space && ps.zw == 0 && !seg_empty(&ps) && is_cjk(ps.prev)) {
			size_t k = han_copy(out->text.p + out->text.n, p + i,
			    n - i);

			out->text.n += k;
			ps.seg->cols += k / 3 * 2;
			i += k;
			utf8_decode(p + i - 3, 3, &ps.prev);
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0) {
			cp = UTF8_REPLACEMENT;
			out->invalid++;
			len = 1;
		}
		i += len;
		if (cp == '\n' || cp == 0x2028 ||
		    (cp == '\r' && !(i < n && p[i] == '\n'))) {
			close_seg(&ps, SEG_LINE, n - i);
		} else if (cp == '\f' || cp == 0x2029) {
			close_seg(&ps, SEG_PARA, n - i);
		} else if (is_space(cp)) {
			ps.space = true;
			if (seg_empty(&ps))
				ps.lead += cp == 0x3000 || cp == '\t' ? 2 : 1;
		} else if (cp == 0x200c || cp == 0x200d) {
			if (!seg_empty(&ps))
				ps.zw = cp;
		} else if (!is_junk(cp)) {
			uint32_t f = fold(o, cp);

			before(&ps, f);
			put(&ps, f, f == cp && len > 1 ? p + i - len : NULL, len);
		}
	}
	if (ps.nfc)
		compose(&ps, 0);
	ps.seg->len = out->text.n - ps.seg->off;
	/* a text ending in a break leaves an empty segment: drop it */
	if (out->nseg > 1 && ps.seg->len == 0 && !ps.seg->indent)
		out->nseg--;
}

size_t
norm_columns(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cols = 0;
	uint32_t cp;

	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(p + i, n - i, &cp);

		i += len ? len : 1;
		cols += is_cjk(cp) ? 2 : 1;
	}
	return cols;
}

void
norm_free(struct norm_out *out)
{
	buf_free(&out->text);
	free(out->seg);
}
