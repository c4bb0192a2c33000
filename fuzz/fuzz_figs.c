/*
 * fuzz_figs: inkfigs -x, the first byte setting -a.  Each line of the
 * input past that byte is a paragraph.  Out must come, for each, the
 * paragraph with figs=N, then its figure records: N of them of the
 * counted types, each TEXT the span its at= names in the paragraph
 * (in order, none over another),
 * each value a plain decimal.  And the output, read again, is the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define main inkfigs_main
#include "../cmd/inkfigs.c"
#undef main

#include "feed.h"

/* the byte where character k of p[0, n) starts, as chars_to() counts */
static size_t
byte_of(const char *p, size_t n, size_t k)
{
	size_t i = 0;

	for (; k > 0 && i < n; k--)
		i = char_step(p, n, i);
	if (k != 0)
		abort();
	return i;
}

static bool
plain_decimal(struct slice v)
{
	size_t i = v.n > 0 && v.p[0] == '-';
	bool digit = false, point = false;

	for (; i < v.n; i++) {
		if (v.p[i] >= '0' && v.p[i] <= '9')
			digit = true;
		else if (v.p[i] == '.' && digit && !point)
			point = true, digit = false;
		else
			return false;
	}
	return digit;
}

static struct slice
tag(const struct rec *r, const char *key)
{
	long i = rec_tag(r, key, 0);

	if (i < 0)
		abort();
	return tag_value(r->tag[i]);
}

static void
check(const char *in, size_t inlen, const char *out, size_t outlen)
{
	struct rec x, y;
	const char *p = in, *o = out, *pn, *on;
	char *text = malloc(inlen + 1), *span = malloc(inlen + 1);

	rec_init(&x);
	rec_init(&y);
	for (; p < in + inlen; p = pn + 1) {
		size_t tn, figs, counted = 0, last = 0;
		struct slice v;

		pn = memchr(p, '\n', (size_t)(in + inlen - p));
		on = memchr(o, '\n', (size_t)(out + outlen - o));
		if (on == NULL || rec_parse(&x, p, (size_t)(pn - p)) != NULL ||
		    rec_parse(&y, o, (size_t)(on - o)) != NULL)
			abort();
		/* the paragraph as it was, and figs=N */
		if (on - o < pn - p || memcmp(o, p, (size_t)(pn - p)) != 0 ||
		    y.ntag != 1)
			abort();
		v = tag(&y, "figs");
		figs = strtoull(v.p, NULL, 10);
		tn = rec_unesc(x.text.p, x.text.n, text);
		for (o = on + 1; o < out + outlen; o = on + 1) {
			size_t s, e, sb, eb, sn;
			char at[48];
			int t;

			on = memchr(o, '\n', (size_t)(out + outlen - o));
			if (rec_parse(&y, o, (size_t)(on - o)) != NULL)
				abort();
			if (!slice_eq(y.kind, "figure"))
				break;
			v = tag(&y, "at");
			if (v.n >= sizeof at)
				abort();
			memcpy(at, v.p, v.n);
			at[v.n] = '\0';
			if (sscanf(at, "%zu-%zu", &s, &e) != 2 || e <= s ||
			    s < last)
				abort();	/* empty, or over the one before */
			last = e;
			sb = byte_of(text, tn, s);
			eb = byte_of(text, tn, e);
			sn = rec_unesc(y.text.p, y.text.n, span);
			if (sn != eb - sb || memcmp(span, text + sb, sn) != 0)
				abort();
			if (!plain_decimal(tag(&y, "value")))
				abort();
			v = tag(&y, "type");
			if ((t = type_of(v.p, v.n)) < 0 || (t >= NFIG && !all))
				abort();
			counted += t < NFIG;
		}
		if (counted != figs)
			abort();
	}
	if (o != out + outlen)
		abort();
	rec_free(&x);
	rec_free(&y);
	free(text);
	free(span);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;

	if (!ready) {
		err_init("inkfigs");
		start(0);
		xtract = true;
		ready = true;
	}
	if (size == 0)
		return 0;
	all = data[0] & 1;
	feed_paragraphs(data + 1, size - 1, check);
	return 0;
}
