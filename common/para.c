/*
 * para: see para.h.
 */
#include <string.h>

#include "err.h"
#include "item.h"
#include "norm.h"
#include "para.h"
#include "utf8.h"

bool
para_item(const char *p, size_t n)
{
	return item_find(p, n, NULL) != ITEM_NONE;
}

/* the first character of a text, 0 when empty */
static uint32_t
first_cp(const char *p, size_t n)
{
	uint32_t cp = 0;

	utf8_decode((const unsigned char *)p, n, &cp);
	return cp;
}

static bool
is_closer(uint32_t cp)
{
	return cp == 0x201d || cp == 0x2019 || cp == '"' || cp == '\'' ||
	    cp == 0x300d || cp == 0x300f || cp == ')' || cp == 0xff09 ||
	    cp == 0x3011;
}

/* abbreviations whose full stop ends no sentence */
static const char *const abbrevs[] = {
	"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "vs", "Inc",
	"Corp", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep",
	"Sept", "Oct", "Nov", "Dec", "Gov", "Sen", "Rep", "Gen", "U.S",
	"U.K", "U.N",
};

static bool
abbreviation(const char *p, size_t n)
{
	size_t i = n;

	while (i > 0 && p[i - 1] != ' ')
		i--;
	/* the word without what opens it: "(U.S." */
	while (i < n && strchr("(\"'[", p[i]) != NULL)
		i++;
	if (n - i == 1 && p[i] >= 'A' && p[i] <= 'Z')
		return true;	/* an initial: J. */
	for (size_t k = 0; k < sizeof abbrevs / sizeof abbrevs[0]; k++)
		if (strlen(abbrevs[k]) == n - i &&
		    memcmp(abbrevs[k], p + i, n - i) == 0)
			return true;
	return false;
}

/* does the line end a sentence? */
static bool
ends_sentence(const char *p, size_t n)
{
	uint32_t cp;

	do
		cp = utf8_before(p, &n);
	while (is_closer(cp) && n > 0);
	switch (cp) {
	case 0x3002: case 0xff01: case 0xff1f: case '!': case '?':
	case 0x2026: case 0xff0e:
		return true;
	case '.':
		return !abbreviation(p, n);
	default:
		return false;
	}
}

static bool
ends_clause(const char *p, size_t n)
{
	switch (utf8_before(p, &n)) {
	case 0xff0c: case 0x3001: case 0xff1b: case 0xff1a: case ',':
	case ';': case ':': case 0x2014: case '-':
		return true;
	default:
		return false;
	}
}

static bool
is_punct(uint32_t cp)
{
	return cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' ||
	    cp == '?' || cp == 0xff0c || cp == 0x3002 || cp == 0x3001 ||
	    cp == 0xff1b || cp == 0xff1a || cp == 0xff01 || cp == 0xff1f;
}

/* a comma: across a blank line, only this kind of clause goes on */
static bool
ends_comma(const char *p, size_t n)
{
	uint32_t cp = utf8_before(p, &n);

	return cp == ',' || cp == 0xff0c || cp == 0x3001;
}

/* a paragraph that reads as running text, not a headline */
static bool
body_like(const struct para *b)
{
	const unsigned char *p = (const unsigned char *)b->text.p;
	size_t n = b->text.n;
	uint32_t cp;

	if (b->cols < 30)
		return false;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(p + i, n - i, &cp);

		if (len > 0 && is_punct(cp))
			return true;
		i += len ? len : 1;
	}
	return false;
}

/* has the paragraph ended a sentence somewhere (not a headline)? */
static bool
has_sentence(const struct para *b)
{
	const unsigned char *p = (const unsigned char *)b->text.p;
	size_t n = b->text.n;
	uint32_t cp;

	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(p + i, n - i, &cp);

		/* a Latin stop counts after a word: not "1. ", not "U.S. " */
		if (cp == 0x3002 || cp == 0xff01 || cp == 0xff1f ||
		    (len == 1 && (cp == '.' || cp == '!' || cp == '?') &&
		    i > 0 && p[i - 1] >= 'a' && p[i - 1] <= 'z' &&
		    i + 1 < n && p[i + 1] == ' '))
			return true;
		i += len ? len : 1;
	}
	return false;
}

/*
 * Could text ending in a and going on with b be one sentence cut in two?
 * Ideograph to ideograph, or a letter or digit to a lower-case letter.
 */
static bool
can_continue(uint32_t a, uint32_t b)
{
	if (is_han(a))
		return is_han(b);
	return ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) &&
	    b >= 'a' && b <= 'z';
}

void
para_init(struct para *b, size_t max, para_emit_fn *emit, void *ctx)
{
	memset(b, 0, sizeof *b);
	b->max = max;
	b->emit = emit;
	b->ctx = ctx;
	b->blockindent = true;
}

void
para_free(struct para *b)
{
	buf_free(&b->text);
	buf_free(&b->tags);
}

static void
flush(struct para *b, bool cut)
{
	struct para_out o;

	if (b->nlines > 0) {
		o = (struct para_out){ b->text.p, b->text.n, b->first, b->last,
		    b->level, b->tags.p, b->tags.n, cut };
		b->emit(b->ctx, &o);
	}
	b->text.n = b->tags.n = 0;
	b->cols = 0;
	b->nlines = 0;
	b->level = 0;
}

void
para_flush(struct para *b)
{
	flush(b, false);
}

void
para_blank(struct para *b)
{
	b->gap = true;
}

void
para_break(struct para *b)
{
	para_flush(b);
	b->gap = true;
}

/* may the line l join the paragraph held? */
static bool
joins(struct para *b, const struct para_line *l)
{
	const char *a;
	size_t an, w;

	if (b->nlines == 0)
		return false;
	a = b->text.p + b->lastoff;
	an = b->text.n - b->lastoff;
	if (l->alone || l->starts || b->lastalone || l->level > 0 ||
	    b->level > 0 ||
	    para_item(l->text, l->len) ||
	    (b->lastcols <= 40 && para_item(a, an) && !ends_clause(a, an)))
		return false;
	if (l->indent && !(b->blockindent && !b->gap))
		return false;
	if (ends_sentence(a, an))
		return false;
	if (b->gap)
		return body_like(b) && (ends_comma(a, an) ||
		    (!ends_clause(a, an) && has_sentence(b) &&
		    can_continue(utf8_before(a, &an), first_cp(l->text,
		    l->len))));
	if (ends_clause(a, an))
		return true;
	w = b->width > l->cols ? b->width : l->cols;
	return b->lastcols * 10 >= w * 6;
}

void
para_line(struct para *b, const struct para_line *l)
{
	if (joins(b, l)) {
		size_t an = b->text.n;
		uint32_t last = utf8_before(b->text.p, &an);
		uint32_t next = first_cp(l->text, l->len);

		if (last != '-' && !is_cjk(last) && !is_cjk(next))
			buf_add(&b->text, " ", 1);
	} else {
		para_flush(b);
		b->first = l->seq;
		b->level = l->level;
		b->width = 0;
	}
	if (b->gap) {
		b->blockindent = true;
		b->gap = false;
	}
	if (l->cols > b->width)
		b->width = l->cols;
	b->blockindent = b->blockindent && l->indent;
	b->lastoff = b->text.n;
	b->lastcols = l->cols;
	b->lastalone = l->alone;
	b->cols += l->cols;
	buf_add(&b->text, l->text, l->len);
	buf_add(&b->tags, l->tags, l->tagslen);
	b->last = l->seq;
	b->nlines++;
	if (b->text.n >= b->max)
		flush(b, true);
}
