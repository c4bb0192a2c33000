/*
 * tagger.h: the body of the harnesses of programs that only add tags to
 * records (and with -s take text out): fuzz_dateline, fuzz_byline.  The
 * harness includes its program's source, with main renamed, defines
 * tagger_init(), tagger_options(byte) and tagger_check(record), then
 * includes this.
 *
 * Each line of the input (past its first byte, which sets options) is a
 * paragraph; the records go through the program's own take(), its
 * output into a memory file standing in for stdout.  Then: one record
 * out for each in, which parses; without -s, the input line as it was
 * followed by tags only; with -s, a text made of the input text with
 * pieces taken out; what tagger_check() asks of each record; and the output, read
 * again, comes out the same.
 */
#include "feed.h"

/* can a be had from b by taking bytes out? */
static bool
subsequence(struct slice a, struct slice b)
{
	size_t i = 0;

	for (size_t j = 0; i < a.n && j < b.n; j++)
		if (a.p[i] == b.p[j])
			i++;
	return i == a.n;
}

static void
check(const char *in, size_t inlen, const char *out, size_t outlen)
{
	struct rec x, y;
	const char *p = in, *o = out, *pn, *on, *endin = in + inlen;
	const char *endout = out + outlen;

	rec_init(&x);
	rec_init(&y);
	for (; p < endin; p = pn + 1, o = on + 1) {
		pn = memchr(p, '\n', (size_t)(endin - p));
		if (o >= endout || (on = memchr(o, '\n',
		    (size_t)(endout - o))) == NULL)
			abort();
		if (rec_parse(&x, p, (size_t)(pn - p)) != NULL ||
		    rec_parse(&y, o, (size_t)(on - o)) != NULL)
			abort();
		if (!strip && (on - o < pn - p || memcmp(o, p, (size_t)(pn -
		    p)) != 0))
			abort();
		if (strip && !subsequence(y.text, x.text))
			abort();
		tagger_check(&y);
	}
	if (o != endout)
		abort();
	rec_free(&x);
	rec_free(&y);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;

	if (!ready) {
		tagger_init();
		ready = true;
	}
	if (size == 0)
		return 0;
	tagger_options(data[0]);
	feed_paragraphs(data + 1, size - 1, check);
	return 0;
}
