/*
 * inksplit: articles and the role of every paragraph on a page.
 *
 * Reads the paragraphs inknorm made and writes them again with ART, the
 * number of their article in the document, and KIND, their role: title,
 * kicker, deck, section, byline, dateline, body, caption, credit, note.
 *
 * Each paragraph is first sorted by what it looks like on its own (a
 * class: a heading, a short line with no sentence in it, a dateline, a
 * credit...); then where it stands decides its role and whether a new
 * article starts with it.  Only two things wait for the next paragraph:
 * a run of short lines (a headline group, or section heads?  The
 * paragraph after them tells) and the last body paragraph (a credit
 * after it makes it a caption, an item of its own).  So what is held is a
 * few paragraphs at most, never a whole article.  inksplit(1) explains
 * the rules.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "norm.h"
#include "opt.h"
#include "out.h"
#include "rec.h"
#include "utf8.h"

static const char usage[] = "usage: inksplit [-hV] [-R size]\n";

/* what a paragraph looks like on its own */
enum cls {
	C_BODY,		/* running text */
	C_SHORT,	/* a short line with no sentence in it: a headline? */
	C_DASH,		/* a short line opening with a dash: a deck? */
	C_TITLE,	/* a Markdown heading of level 1 or 2 */
	C_DECK,		/* a level-2 heading opening with a dash */
	C_SECTION,	/* a Markdown heading of level 3 to 6 */
	C_LEAD,		/* text opening with a dateline */
	C_DATELINE,	/* a dateline alone */
	C_CLOSE,	/* a dateline alone in brackets: it closes a story */
	C_BYLINE,
	C_CREDIT,
	C_CAPTION,
	C_JUMP,		/* 上接第4版: a story going on from another page */
	C_NOTE,		/* 下转第8版, 转载自…, (完) */
	C_FRONT,	/* a field of YAML front matter */
	C_FIELD,	/* a field of a feed item: "来源: NBC News" */
	C_IMAGE,	/* a Markdown image */
	C_END		/* not a paragraph: the end of the document */
};

/* a paragraph held back, its bytes in held */
struct entry {
	uint64_t seq, art;
	uint64_t gap;		/* lines since the paragraph before */
	size_t	 off, len;	/* its escaped TEXT and tags, in held */
	size_t	 chars;
	int	 level;
	enum cls cls;
	const char *kind;
};

/* more short lines in a row than this are no headline group */
#define MAXGROUP 6
#define QMAX	(MAXGROUP + 4)

static struct entry q[QMAX];
static size_t nq;
/* q[pend] to the end: short lines waiting for what follows them */
static size_t pend;
static struct buf held;

/* the document being read, and its paragraphs with invalid UTF-8 */
static struct doc_bad bad = { .why = " taken as body text (inknorm "
    "replaces it)" };
static bool indoc;
static uint64_t lastline;	/* the last source line of the paragraph before */

/* the article being built */
static struct {
	uint64_t art;		/* its number, 0 before the first */
	int	 level;		/* its title: Markdown level, 9 plain, 0 none */
	bool	 kicked;	/* kickers opened it; the title comes next */
	bool	 body;		/* it has text past its title group */
	bool	 past;		/* anything past its title group at all */
	bool	 ended;		/* a closing dateline, credit or note ended it */
	size_t	 nbody;		/* body paragraphs */
	size_t	 nparas;
} a;

/* scratch for unescaped text */
static struct buf raw;

static void
help(void)
{
	printf("%s\n", usage);
	puts("Number the articles of a page and give every paragraph its "
	    "role.\n\n"
	    "  -R, --max-record=SIZE   skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help              show this help\n"
	    "  -V, --version           show the version\n\n"
	    "Roles: title kicker deck section byline dateline body caption "
	    "credit note.\nSee inksplit(1).");
	exit(out_finish());
}

/* --- what a paragraph looks like ------------------------------------ */

static bool
is_dash(const char *p, size_t n)
{
	return (n >= 3 && (memcmp(p, "—", 3) == 0 || memcmp(p, "─", 3) ==
	    0)) || (n >= 2 && memcmp(p, "--", 2) == 0);
}

static bool
ends_dash(const char *p, size_t n)
{
	return (n >= 3 && (memcmp(p + n - 3, "—", 3) == 0 ||
	    memcmp(p + n - 3, "─", 3) == 0)) || (n >= 2 &&
	    memcmp(p + n - 2, "--", 2) == 0);
}

static bool
is_closer(uint32_t cp)
{
	return cp == 0x201d || cp == 0x2019 || cp == '"' || cp == '\'' ||
	    cp == 0x300d || cp == 0x300f || cp == ')' || cp == 0xff09 ||
	    cp == 0x300b;
}

/*
 * Could this be a headline: short, with no sentence ended or clause left
 * open in it?  Chinese headlines run to about 40 characters, English
 * ones (with " - Source" after them) to 120; 。 anywhere, a closing , ; : or full stop, a remark in
 * brackets say running text, as does markup (a line opening with "<").
 * A full stop inside proves nothing: "Sen. Kelly", "U.S. saw".
 */
static bool
headline(const char *p, size_t n, size_t chars)
{
	size_t end = n, cjk = 0;
	uint32_t last, cp;
	bool closed = false;

	/* markup (<figure>, {{< video >}}) and link lines (專頁 →) are none */
	if (chars == 0 || chars > 120 || p[0] == '<' || (n >= 2 &&
	    p[0] == '{' && p[1] == '{') || (n >= 3 &&
	    memcmp(p + n - 3, "→", 3) == 0))
		return false;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode((const unsigned char *)p + i, n - i,
		    &cp);

		i += len ? len : 1;
		cjk += is_cjk(cp);
	}
	if (2 * cjk >= chars && chars > 40)
		return false;
	if (memmem(p, n, "。", 3) != NULL)
		return false;
	if ((p[0] == '(' && p[n - 1] == ')') || (n >= 6 &&
	    memcmp(p, "（", 3) == 0 && memcmp(p + n - 3, "）", 3) == 0))
		return false;	/* a remark in brackets */
	while (is_closer(last = utf8_before(p, &end)) && end > 0)
		closed = true;
	switch (last) {
	case 0x3002: case 0xff0c: case 0x3001: case 0xff1b: case 0xff1a:
	case ',': case ';': case ':': case '.': case 0x2026: case 0x2014:
		return false;
	case '!': case '?': case 0xff01: case 0xff1f:
		return !closed && chars <= 30;
	default:
		return true;
	}
}

/*
 * "来源: NBC News", "Source: Reuters": a short key, a colon, a value, and
 * no sentence (他说:“…” is text).
 */
static bool
field(const char *p, size_t n, size_t chars)
{
	size_t k = 0, i;

	for (i = 0; i < n && k <= 12 && p[i] != ' ' && p[i] != ':' &&
	    memcmp(p + i, "：", n - i >= 3 ? 3 : n - i) != 0; i++)
		k += ((unsigned char)p[i] & 0xc0) != 0x80;
	if (i == 0 || i == n || k > 12 || (p[i] != ':' && (unsigned char)p[i] != 0xef) ||
	    chars > 200)
		return false;
	return memmem(p, n, "。", 3) == NULL && memmem(p, n, "！", 3) ==
	    NULL && memmem(p, n, "？", 3) == NULL && memmem(p, n, "”", 3) ==
	    NULL && p[n - 1] != '.';
}

/* the bytes after an item, past spaces and closing brackets */
static bool
nothing_after(const char *p, size_t n, size_t end)
{
	for (; end < n; end++)
		if (p[end] != ' ' && p[end] != ')')
			return n - end == 3 && memcmp(p + end, "）", 3) == 0;
	return true;
}

static enum cls
classify(const char *p, size_t n, int level, bool front, bool image,
    size_t *nchars)
{
	struct item_span s;
	size_t chars = utf8_chars(p, n);

	*nchars = chars;
	if (front)
		return C_FRONT;
	if (image)
		return C_IMAGE;
	if (level >= 3)
		return C_SECTION;
	if (level > 0)
		return level == 2 && is_dash(p, n) ? C_DECK : C_TITLE;
	switch (item_find(p, n, &s)) {
	case ITEM_NONE:
		if (s.invalid) {
			/* the patterns read only UTF-8: inknorm makes it so */
			bad.invalid++;
			return C_BODY;
		}
		break;
	case ITEM_DATELINE:
		if (!nothing_after(p, n, s.end))
			return C_LEAD;
		return p[0] == '(' || memcmp(p, "（", n >= 3 ? 3 : n) == 0 ?
		    C_CLOSE : C_DATELINE;
	case ITEM_BYLINE:
		if (chars <= 40 && memmem(p, n, "。", 3) == NULL)
			return C_BYLINE;
		break;
	case ITEM_CREDIT:
		if (s.start > 0)
			return C_CAPTION;	/* text, then its credit */
		if (chars <= 40)
			return C_CREDIT;
		break;
	case ITEM_CAPTION:
		return C_CAPTION;
	case ITEM_JUMP:
		if (chars <= 30)
			return C_JUMP;
		break;
	case ITEM_NOTE:
		if (chars <= 80)
			return C_NOTE;
		break;
	}
	/* a deck opens with a dash; --註釋-- between two is a label */
	if (is_dash(p, n) && chars >= 4 && chars <= 60 &&
	    memmem(p, n, "。", 3) == NULL && !ends_dash(p, n))
		return C_DASH;
	if (field(p, n, chars))
		return C_FIELD;
	return headline(p, n, chars) ? C_SHORT : C_BODY;
}

/* --- the queue of held paragraphs ------------------------------------ */

static void
write_entry(const struct entry *e)
{
	rec_write_head((struct slice){ bad.doc.p, bad.doc.n }, e->art, e->seq,
	    (struct slice){ e->kind, strlen(e->kind) });
	out_write(held.p + e->off, e->len);
	out_putc('\n');
}

/*
 * Write out what is decided: everything before the short lines that wait,
 * and before the last body paragraph (a credit may yet follow it).
 */
static void
release(bool all)
{
	size_t lim = all ? nq : pend;

	if (!all && lim > 0 && q[lim - 1].cls == C_BODY &&
	    strcmp(q[lim - 1].kind, "body") == 0)
		lim--;
	if (lim == 0)
		return;
	for (size_t i = 0; i < lim; i++)
		write_entry(&q[i]);
	if (lim == nq) {
		held.n = 0;
	} else {
		size_t off = q[lim].off;

		memmove(held.p, held.p + off, held.n - off);
		held.n -= off;
		for (size_t i = lim; i < nq; i++)
			q[i].off -= off;
		memmove(q, q + lim, (nq - lim) * sizeof q[0]);
	}
	nq -= lim;
	pend -= lim;
}

/*
 * A new article.  The one before, if it had no title and is one short
 * paragraph still held, was a caption standing alone under a photo.
 */
static void
new_article(void)
{
	if (a.art > 0 && a.level == 0 && a.nparas == 1 && a.nbody == 1) {
		for (size_t i = 0; i < nq; i++)
			if (q[i].art == a.art && q[i].cls == C_BODY &&
			    q[i].chars <= 120 && a.art > 1)
				q[i].kind = "caption";
	}
	a.art++;
	a.level = 0;
	a.kicked = a.body = a.past = a.ended = false;
	a.nbody = a.nparas = 0;
}

/* the paragraph e belongs to the article being built */
static void
join(struct entry *e, const char *kind)
{
	/* a page that opens with no title: an item all the same */
	if (a.art == 0)
		new_article();
	e->art = a.art;
	e->kind = kind;
	a.nparas++;
	if (strcmp(kind, "title") != 0 && strcmp(kind, "kicker") != 0 &&
	    strcmp(kind, "deck") != 0 && strcmp(kind, "byline") != 0 &&
	    e->cls != C_FRONT)
		a.past = true;
}

/* can a title group start a new article here, or does it open this one? */
static void
open_or_new(void)
{
	if (a.art == 0 || a.level != 0 || a.body)
		new_article();
}

/*
 * The short lines waiting are a headline group: kickers, the title, and
 * decks from the first dash (q[d]) on.
 */
static void
headline_group(size_t d)
{
	for (size_t i = pend; i < nq; i++)
		join(&q[i], i < d ? (i + 1 == d ? "title" : "kicker") : "deck");
	a.level = 9;
}

/*
 * The short lines waiting are decided by the paragraph after them (its
 * class next): a headline group when a dateline or byline follows (and
 * the headline is not a label of a few characters, 正文), when
 * the story before has ended, when nothing came before, or when one of
 * them opens with a dash (a deck); under a title with no text yet, decks;
 * before a Markdown title, its kickers if they stand right above it;
 * otherwise section heads.
 */
static void
resolve(enum cls next, uint64_t nextgap)
{
	size_t g = nq - pend, d;
	bool dash = false;

	if (g == 0)
		return;
	for (d = pend; d < nq && q[d].cls != C_DASH; d++)
		continue;
	dash = d < nq;
	if (q[pend].gap >= 3 && a.past && next != C_TITLE) {
		/* after a thematic break or a wide gap: a new headline */
		new_article();
		headline_group(d);
	} else if (a.level != 0 && !a.body) {
		for (size_t i = pend; i < nq; i++)
			join(&q[i], "deck");
	} else if (next == C_TITLE) {
		if (g <= 2 && nextgap <= 1 && (a.art == 0 || a.ended ||
		    !a.body)) {
			open_or_new();
			for (size_t i = pend; i < nq; i++)
				join(&q[i], "kicker");
			a.kicked = true;
		} else {
			for (size_t i = pend; i < nq; i++)
				join(&q[i], "body");
			a.body = true;
		}
	} else if (((next == C_LEAD || next == C_DATELINE || next == C_BYLINE) &&
	    q[d > pend ? d - 1 : d].chars >= 5) || a.ended || a.art == 0 ||
	    (a.level == 0 && !a.body) || dash) {
		open_or_new();
		headline_group(d);
	} else if (next == C_END) {
		for (size_t i = pend; i < nq; i++)
			join(&q[i], "body");
		a.body = true;
	} else {
		for (size_t i = pend; i < nq; i++)
			join(&q[i], "section");
	}
	pend = nq;
}

/*
 * Fields ("来源: NBC News") under the first paragraph of an item, or under
 * one after a thematic break or a wide gap: that paragraph, too long for
 * a headline by its looks, was the item's title.
 */
static void
field_title(struct entry *last)
{
	if (last == NULL || last->cls != C_BODY || last->art != a.art ||
	    last->chars > 200 || strcmp(last->kind, "body") != 0 ||
	    !((a.nparas == 1 && a.level == 0) || last->gap >= 3))
		return;
	if (a.nparas > 1) {
		a.nparas--;
		new_article();
		last->art = a.art;
		a.nparas = 1;
	}
	last->kind = "title";
	a.level = 9;
	a.body = false;
	a.nbody = 0;
}

/* the role of a decided paragraph, and whether it starts an article */
static void
place(struct entry *e)
{
	struct entry *last = e > q ? e - 1 : NULL;

	switch (e->cls) {
	case C_TITLE:
		if (a.kicked) {
			a.kicked = false;
		} else if (a.art != 0 && !a.ended && a.level == 1 &&
		    e->level == 2 && e->gap < 3) {
			/*
			 * A ## right under a # title is its deck; under a #
			 * title and text, a section head.
			 */
			join(e, a.body ? "section" : "deck");
			return;
		} else {
			open_or_new();
		}
		join(e, "title");
		a.level = e->level;
		return;
	case C_DECK:
		join(e, "deck");
		return;
	case C_SECTION:
		if (a.art == 0 || a.ended) {
			new_article();
			join(e, "title");
			a.level = e->level;
		} else {
			join(e, "section");
		}
		return;
	case C_LEAD:
	case C_BODY:
		if (a.ended)
			new_article();
		join(e, "body");
		a.body = true;
		a.nbody++;
		return;
	case C_DATELINE:
	case C_CLOSE:
		join(e, "dateline");
		if (a.body)
			a.ended = true;
		return;
	case C_BYLINE:
		if (a.ended)
			new_article();
		join(e, "byline");
		return;
	case C_CREDIT:
		/*
		 * A credit under a paragraph of body text: that paragraph
		 * was the caption of a photo or a cartoon, an item of its
		 * own unless it is all the text its article has.
		 */
		if (last != NULL && last->cls == C_BODY && last->art == a.art &&
		    strcmp(last->kind, "body") == 0) {
			last->kind = "caption";
			if (a.nbody >= 2) {
				a.nparas--;
				a.nbody--;
				new_article();
				last->art = a.art;
				a.nparas = a.nbody = 1;
				a.body = true;
			}
		}
		join(e, "credit");
		a.ended = true;
		return;
	case C_CAPTION:
	case C_IMAGE:
		if (a.ended)
			new_article();
		join(e, "caption");
		return;
	case C_JUMP:
		/* under a title, it says where the story came from */
		if (a.body)
			new_article();
		join(e, "note");
		return;
	case C_NOTE:
		field_title(last);
		join(e, "note");
		if (a.body)
			a.ended = true;
		return;
	case C_FRONT:
		open_or_new();
		join(e, "note");
		return;
	case C_FIELD:
		field_title(last);
		join(e, "note");
		return;
	case C_SHORT:
	case C_DASH:
	case C_END:
		break;
	}
}

/* --- the stream ------------------------------------------------------ */

static void
end_doc(void)
{
	if (!indoc)
		return;
	resolve(C_END, 0);
	/* a last lone caption, after an item that ended */
	if (a.level == 0 && a.nparas == 1 && a.art > 1)
		new_article();
	release(true);
	doc_bad_say(&bad);
	indoc = false;
}

static void
begin_doc(const struct rec *r)
{
	end_doc();
	bad.doc.n = 0;
	buf_add(&bad.doc, r->doc.p, r->doc.n);
	memset(&a, 0, sizeof a);
	lastline = 0;
	indoc = true;
}

/* the number in a tag's value, or 0 */
static uint64_t
tag_num(const struct rec *r, const char *key, uint64_t *second)
{
	long i = rec_tag(r, key, 0);
	struct slice v;
	uint64_t x = 0, y = 0;
	size_t k = 0;

	if (i < 0)
		return 0;
	v = tag_value(r->tag[i]);
	for (; k < v.n && v.p[k] >= '0' && v.p[k] <= '9' && x < UINT32_MAX;
	    k++)
		x = 10 * x + (uint64_t)(v.p[k] - '0');
	if (second != NULL) {
		if (k < v.n && v.p[k] == '-')
			for (k++; k < v.n && v.p[k] >= '0' && v.p[k] <= '9' &&
			    y < UINT32_MAX; k++)
				y = 10 * y + (uint64_t)(v.p[k] - '0');
		*second = y ? y : x;
	}
	return x;
}

static void
take(void *ctx, const struct rec *r, const char *line, size_t len)
{
	const char *text = r->text.p;
	size_t n = r->text.n, start;
	uint64_t first, lastsrc;
	struct entry *e;

	(void)ctx;
	(void)line;
	(void)len;
	if (!indoc || r->doc.n != bad.doc.n || memcmp(r->doc.p, bad.doc.p,
	    bad.doc.n))
		begin_doc(r);
	if (!r->plain) {
		char *d = buf_room(&raw, r->text.n);

		n = rec_unesc(r->text.p, r->text.n, d);
		text = d;
	}
	/* a run of short lines too long for a headline group: sections */
	if (nq - pend == MAXGROUP)
		resolve(C_BODY, 0);

	e = &q[nq++];
	memset(e, 0, sizeof *e);
	e->seq = r->seq;
	e->level = (int)tag_num(r, "level", NULL);
	first = tag_num(r, "src", &lastsrc);
	if (first == 0)
		first = lastsrc = r->seq;
	e->gap = first > lastline ? first - lastline - 1 : 0;
	lastline = lastsrc;
	e->cls = classify(text, n, e->level, rec_tag(r, "front", 0) >= 0,
	    rec_tag(r, "img", 0) >= 0, &e->chars);
	/* keep the text and the tags as they came, escaped */
	start = held.n;
	e->off = start;
	buf_add(&held, r->text.p, r->text.n);
	for (size_t i = 0; i < r->ntag; i++) {
		buf_add(&held, "\t", 1);
		buf_add(&held, r->tag[i].p, r->tag[i].n);
	}
	e->len = held.n - start;

	if (e->cls == C_SHORT || e->cls == C_DASH) {
		if (a.level != 0 && !a.body && e->cls == C_DASH) {
			/* a dash under a title: a deck, nothing to wait for */
			resolve(C_DASH, e->gap);
			join(e, "deck");
			pend = nq;
		}
		release(false);
		return;
	}
	nq--;
	resolve(e->cls, e->gap);
	nq++;
	pend = nq;
	place(e);
	release(false);
}

static const struct option longopts[] = {
	OPT_LONGOPTS_COMMON
};

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "R:hV", longopts, help, NULL,
	    NULL, take, end_doc };

	return opt_filter(&f, argc, argv);
}
