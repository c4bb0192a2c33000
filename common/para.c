/*
 * para: see para.h.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "err.h"
#include "norm.h"
#include "para.h"
#include "utf8.h"

/*
 * What opens a dateline, byline, credit, caption or note: such a line is
 * never glued to its neighbours.  Each pattern is anchored at the start of
 * the line; they are tried as one alternation.  Extending the list touches
 * no logic.
 */
static const char *const item_starts[] = {
	/* 新华社北京1月25日电, 据新华社电, (新华社北京1月25日电) */
	"[(（]?据?(?:新华社|中新社|中新网|人民网|人民日报|央视新闻|"
	    "光明日报|经济日报|法制日报|中国日报|本报)[^，。,]{0,20}?电",
	"本报讯",
	/* WASHINGTON (AP) —, BEIJING, Jan. 25 (Xinhua) -- */
	"[A-Z][A-Z.'’ -]+(?:, [A-Z][A-Za-z.]+)*"
	    "(?:, [A-Z][a-z]{2,4}\\.? \\d{1,2}(?:, \\d{4})?)?"
	    " \\((?:AP|Reuters|AFP|Xinhua|UPI|Bloomberg|dpa)\\) ?(?:--|—|–|-)",
	/* ■新华社记者, (记者 李晓婷), By JANE SMITH */
	"[■□●◆]?新华社(?:特约)?(?:记者|通讯员)",
	"[(（]记者[^)）]{1,40}[)）]$",
	"By [A-Z][A-Za-z.'’ -]+$",
	/* 新华社发, 图为…, Photo: */
	"新华社发",
	"图为",
	"(?:图|图片|照片|Photo|PHOTO)\\s?[:：]",
	/* 上接第4版, 下转第8版, 转载自…, 责任编辑：… */
	"(?:上接|下转|接上版|转下版|转载自)",
	"[(（]?(?:责任编辑|编辑|校对)\\s?[:：]",
};

/* a credit that ends the line: 新华社记者 X 摄, 新华社发 X 作 */
static const char item_end[] = "\\s\\S{1,12}\\s?(?:摄|作)[)）]?$";

/* the patterns, compiled (with JIT where it works) on first use */
static pcre2_code *starts, *ends;
static pcre2_match_data *md;
/* the bytes a match of starts can open with, as PCRE2 works them out */
static const uint8_t *firstbytes;

static pcre2_code *
compile(const char *pattern, uint32_t flags)
{
	pcre2_code *re;
	PCRE2_SIZE at;
	int e;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_NO_UTF_CHECK | flags, &e, &at, NULL);
	if (re == NULL)
		err_fatal("item pattern does not compile at %zu: %s",
		    (size_t)at, pattern);
	/* without JIT the interpreter still matches */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static void
compile_items(void)
{
	struct buf all = { 0 };

	for (size_t i = 0; i < sizeof item_starts / sizeof item_starts[0];
	    i++) {
		buf_add(&all, i == 0 ? "(?:" : "|(?:", i == 0 ? 3 : 4);
		buf_add(&all, item_starts[i], strlen(item_starts[i]));
		buf_add(&all, ")", 1);
	}
	buf_add(&all, "", 1);
	starts = compile(all.p, PCRE2_ANCHORED);
	ends = compile(item_end, 0);
	if (pcre2_pattern_info(starts, PCRE2_INFO_FIRSTBITMAP, &firstbytes) != 0)
		firstbytes = NULL;
	buf_free(&all);
	md = pcre2_match_data_create(4, NULL);
}

static bool
matches(pcre2_code *re, const char *p, size_t n)
{
	/* the text is valid UTF-8: norm made it so */
	return pcre2_match(re, (PCRE2_SPTR)p, n, 0, PCRE2_NO_UTF_CHECK, md,
	    NULL) >= 0;
}

static uint32_t cp_before(const char *p, size_t *n);

bool
para_item(const char *p, size_t n)
{
	size_t end = n;
	uint32_t last;

	if (md == NULL)
		compile_items();
	/* most lines open with a byte no pattern can: no call to PCRE2 */
	if (n > 0 && (firstbytes == NULL || firstbytes[(unsigned char)p[0] /
	    8] & (1u << ((unsigned char)p[0] % 8))) && matches(starts, p, n))
		return true;
	last = cp_before(p, &end);
	if (last == ')' || last == 0xff09)
		last = cp_before(p, &end);
	return (last == 0x6444 || last == 0x4f5c) && matches(ends, p, n);
}

/* the first and the last character of a text, 0 when empty */
static uint32_t
first_cp(const char *p, size_t n)
{
	uint32_t cp = 0;

	utf8_decode((const unsigned char *)p, n, &cp);
	return cp;
}

static uint32_t
cp_before(const char *p, size_t *n)
{
	size_t i = *n;
	uint32_t cp = 0;

	while (i > 0 && ((unsigned char)p[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	utf8_decode((const unsigned char *)p + i, *n - i, &cp);
	*n = i;
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
		cp = cp_before(p, &n);
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
	switch (cp_before(p, &n)) {
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
	uint32_t cp = cp_before(p, &n);

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
		    can_continue(cp_before(a, &an), first_cp(l->text,
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
		uint32_t last = cp_before(b->text.p, &an);
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
