/*
 * enc: see enc.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "enc.h"
#include "err.h"
#include "utf8.h"

enum { START, UNDECIDED, PASS, CONV };

#define OBUFSIZE	(64 * 1024)
/* how much text past the first non-ASCII byte decides the encoding */
#define WINDOW		4096
#define NO_CD		((iconv_t)-1)

static const char replacement[] = "\xef\xbf\xbd";

void
enc_init(struct enc *e, const char *forced, enc_out_fn *out, void *ctx)
{
	memset(e, 0, sizeof *e);
	e->forced = forced;
	e->cd = NO_CD;
	e->out = out;
	e->ctx = ctx;
	e->obuf = xmalloc(OBUFSIZE);
}

void
enc_free(struct enc *e)
{
	if (e->cd != NO_CD)
		iconv_close(e->cd);
	buf_free(&e->hold);
	free(e->obuf);
}

static bool
is_utf8_name(const char *name)
{
	return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

bool
enc_known(const char *name)
{
	iconv_t cd;

	if (is_utf8_name(name))
		return true;
	if ((cd = iconv_open("UTF-8", name)) == NO_CD)
		return false;
	iconv_close(cd);
	return true;
}

static void
start_conv(struct enc *e, const char *name)
{
	if (e->cd != NO_CD)
		iconv_close(e->cd);
	e->cd = iconv_open("UTF-8", name);
	if (e->cd == NO_CD)
		err_fatal("cannot convert from %s: %s", name, strerror(errno));
	e->name = name;
	e->unit = strstr(name, "16") ? 2 : strstr(name, "32") ? 4 : 1;
	e->state = CONV;
}

void
enc_begin(struct enc *e)
{
	e->hold.n = 0;
	e->bad = 0;
	e->name = NULL;
	if (e->forced == NULL)
		e->state = START;
	else if (is_utf8_name(e->forced))
		e->state = PASS;
	else
		start_conv(e, e->forced);
}

/*
 * Convert p[0..n) through cd, handing the UTF-8 to emit (when not NULL).
 * Undecodable bytes become U+FFFD and are counted in *bad; an incomplete
 * sequence at the end is left unconverted unless last.  Returns how many
 * bytes were consumed.  With mb, nothing is emitted: the characters past
 * ASCII are counted there instead.
 */
static size_t
convert(struct enc *e, iconv_t cd, const char *p, size_t n, bool last,
    uint64_t *bad, size_t *mb)
{
	char *in = (char *)p;
	size_t inleft = n;

	while (inleft > 0) {
		char *o = e->obuf;
		size_t oleft = OBUFSIZE - 8;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		int saved = errno;

		if (mb != NULL) {
			for (char *c = e->obuf; c < o; c++)
				*mb += (unsigned char)*c >= 0xc0;
		} else if (o > e->obuf) {
			e->out(e->ctx, e->obuf, (size_t)(o - e->obuf));
		}
		if (r != (size_t)-1 || saved == E2BIG)
			continue;
		if (saved == EINVAL && !last)
			break;
		/* EILSEQ, or EINVAL at the very end */
		size_t skip = e->unit < inleft ? e->unit : inleft;

		*bad += skip;
		if (mb == NULL)
			e->out(e->ctx, replacement, 3);
		in += skip;
		inleft -= skip;
	}
	return n - inleft;
}

/* count characters past ASCII and undecodable bytes, read as UTF-8 */
static void
utf8_score(const char *s, size_t n, bool last, size_t *mb, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	*mb = *bad = 0;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(p + i, n - i, &cp);

		if (len == 0) {
			if (cp == UTF8_TRUNCATED && !last)
				break;
			(*bad)++;
			len = 1;
		} else if (len > 1) {
			(*mb)++;
		}
		i += len;
	}
}

/* decide between UTF-8 and GB18030 on a window starting past ASCII */
static void
decide(struct enc *e, const char *p, size_t n, bool last)
{
	size_t mb, bad, gmb = 0;
	uint64_t gbad = 0;
	iconv_t cd;

	utf8_score(p, n, last, &mb, &bad);
	e->state = PASS;
	if (bad == 0 || bad * 10 <= mb)
		return;
	if ((cd = iconv_open("UTF-8", "GB18030")) == NO_CD)
		return;
	e->unit = 1;
	convert(e, cd, p, n, last, &gbad, &gmb);
	iconv_close(cd);
	if (gbad * 10 <= gmb && gbad < bad)
		start_conv(e, "GB18030");
}

static void
feed_conv(struct enc *e, const char *p, size_t n, bool last)
{
	size_t used;

	if (e->hold.n > 0) {
		buf_add(&e->hold, p, n);
		p = e->hold.p;
		n = e->hold.n;
	}
	used = convert(e, e->cd, p, n, last, &e->bad, NULL);
	/* keep an incomplete sequence for the next chunk */
	if (p == e->hold.p) {
		memmove(e->hold.p, e->hold.p + used, n - used);
		e->hold.n = n - used;
	} else {
		e->hold.n = 0;
		buf_add(&e->hold, p + used, n - used);
	}
}

static void feed(struct enc *e, const char *p, size_t n, bool last);

static void
feed_start(struct enc *e, const char *p, size_t n, bool last)
{
	const unsigned char *u;
	char *joined = NULL;

	if (e->hold.n + n < 3 && !last) {
		buf_add(&e->hold, p, n);
		return;
	}
	if (e->hold.n > 0) {
		/* the first bytes came in pieces: join them */
		joined = xmalloc(e->hold.n + n);
		memcpy(joined, e->hold.p, e->hold.n);
		memcpy(joined + e->hold.n, p, n);
		p = joined;
		n += e->hold.n;
		e->hold.n = 0;
	}
	u = (const unsigned char *)p;
	e->state = UNDECIDED;
	if (n >= 2 && u[0] == 0xff && u[1] == 0xfe) {
		start_conv(e, "UTF-16LE");
		p += 2, n -= 2;
	} else if (n >= 2 && u[0] == 0xfe && u[1] == 0xff) {
		start_conv(e, "UTF-16BE");
		p += 2, n -= 2;
	}
	feed(e, p, n, last);
	free(joined);
}

static void
feed_undecided(struct enc *e, const char *p, size_t n, bool last)
{
	const char *q = p, *end = p + n;

	if (e->hold.n == 0) {
		while (q < end && (unsigned char)*q < 0x80)
			q++;
		if (q > p)
			e->out(e->ctx, p, (size_t)(q - p));
		if (q == end)
			return;
	}
	buf_add(&e->hold, q, (size_t)(end - q));
	if (e->hold.n < WINDOW && !last &&
	    memchr(e->hold.p, '\n', e->hold.n) == NULL)
		return;
	/* a window is enough to tell; the rest need not be scored */
	if (e->hold.n > WINDOW)
		decide(e, e->hold.p, WINDOW, false);
	else
		decide(e, e->hold.p, e->hold.n, last);
	n = e->hold.n;
	e->hold.n = 0;
	if (e->state == PASS) {
		e->out(e->ctx, e->hold.p, n);
	} else {
		/* feed_conv() appends to hold: hand it a copy */
		char *copy = xmalloc(n);

		memcpy(copy, e->hold.p, n);
		feed_conv(e, copy, n, last);
		free(copy);
	}
}

static void
feed(struct enc *e, const char *p, size_t n, bool last)
{
	switch (e->state) {
	case START:
		feed_start(e, p, n, last);
		break;
	case UNDECIDED:
		feed_undecided(e, p, n, last);
		break;
	case PASS:
		if (n > 0)
			e->out(e->ctx, p, n);
		break;
	case CONV:
		feed_conv(e, p, n, last);
		break;
	}
}

void
enc_feed(struct enc *e, const char *p, size_t n)
{
	feed(e, p, n, false);
}

void
enc_end(struct enc *e)
{
	feed(e, "", 0, true);
}
