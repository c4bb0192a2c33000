/*
 * fuzz_split: inksplit's sorting and placing of paragraphs.  Each line of
 * the input is a paragraph (a form feed at its start opens a new
 * document; "#" marks make a heading, as inknorm tags it); they go
 * through inksplit's own take(), its output into a memory file standing
 * in for stdout.  Then: every paragraph comes out once, in order, with
 * its text; ART starts at 1 in each document and grows by one at most;
 * KIND is one of the roles.  The output, split again, must come out the
 * same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define main inksplit_main
#include "../cmd/inksplit.c"
#undef main
#include "feed.h"

static const char *const roles[] = {
	"title", "kicker", "deck", "section", "byline", "dateline", "body",
	"caption", "credit", "note", NULL
};

/* the input's paragraphs as records: doc d0, d1... */
static char *
records(const uint8_t *data, size_t size, size_t *len)
{
	struct buf b = { 0 };
	char head[64];
	unsigned ndoc = 0;
	uint64_t seq = 0;

	for (size_t i = 0; i < size;) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t end = nl ? (size_t)(nl - data) : size, k = 0, n;
		int level = 0;

		if (data[i] == '\f') {
			ndoc++;
			seq = 0;
			i++;
		}
		while (i + k < end && data[i + k] == '#' && k < 6)
			k++;
		if (k > 0 && i + k < end && data[i + k] == ' ') {
			level = (int)k;
			i += k + 1;
		}
		n = end > i ? end - i : 0;
		snprintf(head, sizeof head, "d%u\t0\t%llu\tpara\t", ndoc,
		    (unsigned long long)++seq);
		buf_add(&b, head, strlen(head));
		b.n += esc_copy(buf_room(&b, 2 * n + 1), data + i, n);
		snprintf(head, sizeof head, "\tsrc=%llu-%llu",
		    (unsigned long long)(2 * seq), (unsigned long long)(2 * seq));
		buf_add(&b, head, strlen(head));
		if (level > 0) {
			snprintf(head, sizeof head, "\tlevel=%d", level);
			buf_add(&b, head, strlen(head));
		}
		buf_add(&b, "\n", 1);
		i = end + 1;
	}
	*len = b.n;
	return b.p;
}

static void
check(const char *in, size_t inlen, const char *out, size_t outlen)
{
	struct rec x, y;
	const char *p = in, *o = out, *pn, *on, *endin = in + inlen;
	const char *endout = out + outlen;
	uint64_t art = 0;
	struct slice d = { "", 0 };

	rec_init(&x);
	rec_init(&y);
	for (; p < endin; p = pn + 1, o = on + 1) {
		size_t i;

		pn = memchr(p, '\n', (size_t)(endin - p));
		if (o >= endout)
			abort();	/* a paragraph lost */
		on = memchr(o, '\n', (size_t)(endout - o));
		if (on == NULL || rec_parse(&x, p, (size_t)(pn - p)) != NULL ||
		    rec_parse(&y, o, (size_t)(on - o)) != NULL)
			abort();
		if (x.doc.n != y.doc.n || memcmp(x.doc.p, y.doc.p, x.doc.n) ||
		    x.seq != y.seq || x.text.n != y.text.n ||
		    memcmp(x.text.p, y.text.p, x.text.n) || x.ntag != y.ntag)
			abort();
		if (y.doc.n != d.n || memcmp(y.doc.p, d.p, d.n) != 0) {
			d = y.doc;
			art = 0;
		}
		if (y.art != art && y.art != art + 1)
			abort();
		if (y.art == 0)
			abort();
		art = y.art;
		for (i = 0; roles[i] != NULL && !slice_eq(y.kind, roles[i]); i++)
			continue;
		if (roles[i] == NULL)
			abort();
	}
	if (o != endout)
		abort();	/* a paragraph made up */
	rec_free(&x);
	rec_free(&y);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t inlen, outlen, againlen;
	char *in, *out, *again;

	err_init("inksplit");
	in = records(data, size, &inlen);
	if (in == NULL)
		return 0;
	out = feed(in, inlen, &outlen);
	check(in, inlen, out, outlen);
	again = feed(out, outlen, &againlen);
	if (againlen != outlen || memcmp(again, out, outlen) != 0)
		abort();
	free(in);
	free(out);
	free(again);
	return 0;
}
