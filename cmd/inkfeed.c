/*
 * inkfeed: stories out of feed and archive formats.
 *
 * inkcat writes a document as line records; inkfeed gathers them into the
 * document again and looks at what it is.  A feed or an archive format
 * (RSS, RSS 1.0/RDF, Atom, NITF, NewsML-G2, Reuters-21578 SGML, Sogou's
 * <doc> files, an HTML page, a Markdown digest, JSON Lines, CSV) is read, and each story in it goes out as a document of its
 * own, DOC "SOURCE#ID", as line records: the title, a blank line, then
 * the paragraphs with blank lines between.  Its metadata ride on the
 * first record as tags.  Anything else (plain text, Markdown) goes out as
 * it came in.
 *
 * XML and HTML are read by libxml2: feeds in one pass, an item's tree at
 * a time (so a cut file still gives the items before the cut), pages and
 * the HTML inside feed fields through its HTML parser, both with recovery
 * on and the network and entity substitution off.
 *
 * A second thread writes the stories out, and reads the HTML of their
 * fields as it does (see "Stories read go out" below); this one reads
 * some of them too when that one is behind.
 */
#include <ctype.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "rec.h"
#include "relay.h"
#include "utf8.h"

static const char usage[] =
    "usage: inkfeed [-hV] [-t field] [-T field] [-R size]\n";

/* JSON Lines: the fields that hold a story's text and title (-t, -T) */
static const char *text_field, *title_field;

enum format { F_PLAIN, F_RSS, F_RDF, F_ATOM, F_NITF, F_G2, F_REUTERS,
	F_SOGOU, F_HTML, F_DIGEST, F_JSONL, F_CSV };
static const char *const format_name[] = { "plain", "rss", "rdf", "atom",
	"nitf", "newsml-g2", "reuters-sgml", "sogou", "html", "md-digest",
	"jsonl", "csv" };

/*
 * The XML formats read a story at a time: the root element (its local
 * name, and its start tag as it is usually written) and the element that
 * holds a story, which in NITF and a lone NewsML-G2 newsItem is the root.
 */
static const struct xml_kind {
	const char *root, *tag, *item;
	enum format f;
} xml_kinds[] = {
	{ "rss", "rss", "item", F_RSS },
	{ "RDF", "rdf:RDF", "item", F_RDF },
	{ "feed", "feed", "entry", F_ATOM },
	{ "nitf", "nitf", "nitf", F_NITF },
	{ "newsItem", "newsItem", "newsItem", F_G2 },
	{ "newsMessage", "newsMessage", "newsItem", F_G2 },
};

/*
 * The document being gathered: its name, its text, its records as read.
 * Only a document whose first line could open a format is held to its
 * end: any other goes through as it is read (passing).
 */
static struct buf doc, text, held;
static bool indoc, passing;
static bool holding, judged;	/* its records held; whether they must be */

/*
 * Records held need not be kept while they are as inkcat writes them
 * (ART 0, SEQ counting on, no tag but noeol on the last): the text
 * gathered says what they were, and remake() writes them again.  From
 * the first record that is not, all are kept in held.
 */
static bool remaking;		/* the records are not kept (yet) */
static size_t nremade;		/* how many */
static uint64_t seq0;		/* the first one's SEQ */
static bool lastnoeol;		/* the last one had noeol */
static void remake(size_t end);
static bool doc_entities;	/* it defines entities of its own */

/*
 * The HTML of a field, read as its story goes out: where its text is in
 * the story's raw, and where its paragraphs go in the body.
 */
struct field {
	size_t	 at, off, n;
};

/* a story, as it goes out */
struct story {
	struct buf id, title, date, url, author, lang, dateline, source;
	struct buf body;	/* paragraphs, one a line */
	struct buf raw;		/* its fields' HTML */
	struct field *field;
	size_t	 nfield, fieldcap;
	bool	 lead;		/* the dateline opens the body as it goes out */
	const char *format;
	struct buf doc;		/* the document it came from */
};
static struct story st;		/* the story being read */

/*
 * Stories read go out through a second thread (relay.h), a batch at a
 * time, which reads their fields' HTML and writes them: a quarter to a
 * half of the time on a feed of HTML descriptions.  While it writes,
 * this one writes nothing: whatever this one writes (a document passed
 * through, a message) waits until the stories before it are out.
 */
#define STORIES		256
#define STORY_BYTES	(1 << 20)
struct stories {
	struct story *s;
	size_t	 n, cap, bytes;
};
static struct stories batch[2];
static int cur;			/* the batch being filled */
static bool handed;		/* a batch handed over may not be out yet */

/* what libxml2 said while an item was read */
static int xml_errors;
static char xml_msg[160];

static void
help(void)
{
	printf("%s\n", usage);
	puts("Read feeds and archives in the records inkcat writes, and write "
	    "each story\nin them as a document of its own: RSS, RSS 1.0 "
	    "(RDF), Atom, NITF,\nNewsML-G2, Reuters-21578 SGML, Sogou's <doc> "
	    "files, HTML pages, Markdown\ndigests of feeds, JSON Lines, CSV.  "
	    "Other documents pass unchanged.\n\n"
	    "  -t, --text=FIELD        JSON Lines: the story's text (default "
	    "text, content,\n"
	    "                          body, the first there)\n"
	    "  -T, --title=FIELD       JSON Lines: its title (default title, "
	    "headline)\n"
	    "  -R, --max-record=SIZE   skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n\n"
	    "See inkfeed(1).");
	exit(out_finish());
}

/* ---- text ---------------------------------------------------------- */

/*
 * The first s[0, k) in p[0, n), or NULL: memmem, by way of memchr for
 * its first byte, which in the markup looked for ('<', '&') is rare
 * enough for this to beat glibc's memmem, whose setup dominates on the
 * short lines and elements searched here.
 */
static const char *
find(const char *p, size_t n, const char *s, size_t k)
{
	const char *end = p + n;

	while ((size_t)(end - p) >= k && (p = memchr(p, s[0], (size_t)(end -
	    p) - k + 1)) != NULL) {
		if (k == 1 || (p[1] == s[1] && memcmp(p + 2, s + 2, k - 2) ==
		    0))
			return p;
		p++;
	}
	return NULL;
}

static void
set(struct buf *b, const void *p, size_t n)
{
	b->n = 0;
	buf_add(b, p, n);
}

static void
set_str(struct buf *b, const char *s)
{
	set(b, s, s != NULL ? strlen(s) : 0);
}

static bool
space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* does q[0, n) open with s (in any case, if told)?  never past n */
static bool
opens(const char *q, size_t n, const char *s, bool anycase)
{
	size_t k = strlen(s);

	return n >= k && (anycase ? strncasecmp(q, s, k) : memcmp(q, s, k)) ==
	    0;
}

/*
 * Add p[0, n) to b as one paragraph: runs of white space one space, the
 * ends trimmed, control characters dropped, then a newline; nothing if
 * nothing is left.
 */
static void
add_para(struct buf *b, const char *p, size_t n)
{
	char *d = buf_room(b, n + 1), *start = d;
	bool sp = false;

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)p[i];

#ifdef __SSE2__
		if (n - i >= 16) {
			/*
			 * Sixteen bytes copied as they are, up to the first
			 * space or control among them: d is never ahead of
			 * i, so the store stays inside the room taken.
			 */
			__m128i x = _mm_loadu_si128((const __m128i *)(p + i));
			__m128i above = _mm_cmpeq_epi8(_mm_max_epu8(x,
			    _mm_set1_epi8('!')), x);
			unsigned stop = ((unsigned)_mm_movemask_epi8(above) ^
			    0xffff) | (unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f)));
			unsigned k = stop != 0 ? (unsigned)__builtin_ctz(stop) :
			    16;

			if (k > 0) {
				if (sp)
					*d++ = ' ';
				sp = false;
				_mm_storeu_si128((__m128i *)d, x);
				d += k;
				i += k;
				continue;
			}
		}
#endif
		if (c > ' ' && c != 0x7f) {
			if (sp)
				*d++ = ' ';
			sp = false;
			*d++ = (char)c;
		} else if (space(c)) {
			sp = d > start;
		}
		i++;		/* a control character goes */
	}
	if (d > start)
		*d++ = '\n';
	b->n += (size_t)(d - start);
}

/* b set to p[0, n) as one line: runs of white space one space, trimmed */
static void
set_one_line(struct buf *b, const char *p, size_t n)
{
	static struct buf t;

	t.n = 0;
	add_para(&t, p, n);
	set(b, t.p, t.n > 0 ? t.n - 1 : 0);
}

/* the paragraph gathered in pending, ended into out */
static void
end_para(struct buf *out, struct buf *pending)
{
	add_para(out, pending->p, pending->n);
	pending->n = 0;
}

/* paragraphs of plain text: split at blank lines */
static void
add_plain(struct buf *b, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;

		/* to the next blank line */
		for (;;) {
			const char *nl = memchr(p + j, '\n', n - j);

			if (nl == NULL) {
				j = n;
				break;
			}
			j = (size_t)(nl - p) + 1;
			size_t k = j;

			while (k < n && (p[k] == ' ' || p[k] == '\t' ||
			    p[k] == '\r'))
				k++;
			if (k >= n || p[k] == '\n')
				break;
		}
		add_para(b, p + i, j - i);
		i = j;
	}
}

/* ---- HTML ---------------------------------------------------------- */

/*
 * An entity the document does not declare, looked for by the parser:
 * feeds made from HTML use HTML's unescaped (&nbsp;, &mdash;, &rsquo;).
 * Undeclared, it is an error after which libxml2 drops every entity
 * reference, &lt; and &amp; included; given as a predefined entity (as
 * &lt; is), it is its character, and nothing is wrong.
 */
static xmlEntityPtr
html_entity(void *ctx, const xmlChar *name)
{
	static struct {
		const htmlEntityDesc *d;
		xmlEntity e;
		char	 u[5];
	} known[300];
	static size_t nknown;
	xmlEntityPtr e = xmlSAX2GetEntity(ctx, name);
	const htmlEntityDesc *d;
	size_t k;

	if (e != NULL || (d = htmlEntityLookup(name)) == NULL)
		return e;
	for (k = 0; k < nknown && known[k].d != d; k++)
		;
	if (k == nknown) {
		if (nknown == sizeof known / sizeof *known)
			return NULL;	/* HTML 4 has 253 */
		known[k].d = d;
		known[k].u[utf8_encode(d->value, known[k].u)] = '\0';
		known[k].e.type = XML_ENTITY_DECL;
		known[k].e.name = (const xmlChar *)d->name;
		known[k].e.etype = XML_INTERNAL_PREDEFINED_ENTITY;
		known[k].e.content = (xmlChar *)known[k].u;
		known[k].e.length = (int)strlen(known[k].u);
		nknown++;
	}
	return &known[k].e;
}

/* a parser of XML that builds a tree, and knows HTML's entities */
static xmlParserCtxtPtr
xml_parser(void)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();

	if (ctxt != NULL)
		ctxt->sax->getEntity = html_entity;
	return ctxt;
}

/*
 * p[0, n) parsed as one XML document, by a parser kept from one call to
 * the next (the items of a feed read one by one are small: making a
 * parser for each would be much of the time); what libxml2 says counted
 * afresh.
 */
static xmlDocPtr
xml_read(const char *p, size_t n, int options)
{
	static xmlParserCtxtPtr ctxt;

	if (ctxt == NULL && (ctxt = xml_parser()) == NULL)
		err_fatal("out of memory");
	xml_errors = 0;
	xml_msg[0] = '\0';
	return xmlCtxtReadMemory(ctxt, p, (int)n, NULL, NULL, options);
}

/* the local name of an element, without its prefix */
static const char *
local(const xmlNode *n)
{
	return n->name != NULL ? (const char *)n->name : "";
}

/* elements whose text is no story's */
static bool
dropped(const char *name)
{
	static const char *const drop[] = { "script", "style", "nav", "header",
		"footer", "noscript", "template", "iframe", "form", "aside" };

	for (size_t k = 0; k < sizeof drop / sizeof *drop; k++)
		if (strcasecmp(name, drop[k]) == 0)
			return true;
	return false;
}

/* elements that end a paragraph */
static bool
block(const char *name)
{
	static const char *const blocks[] = { "p", "div", "br", "li", "h1",
		"h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
		"article", "ul", "ol", "table", "pre", "figcaption", "dd", "dt",
		"hr",
		/* NITF's own */
		"hl2", "block", "media-caption", "tagline", "bibliography" };

	for (size_t k = 0; k < sizeof blocks / sizeof *blocks; k++)
		if (strcasecmp(name, blocks[k]) == 0)
			return true;
	return false;
}

/*
 * The text of a reference to an entity that is not declared (libxml2
 * only warns of it where there is an external DTD, which is not read):
 * as it was written.  A declared one is not followed (a billion laughs
 * would be read out), and HTML's are characters (html_entity()).
 */
static void
add_entity(struct buf *b, const xmlNode *n)
{
	if (n->name == NULL || (n->doc != NULL && xmlGetDocEntity(n->doc,
	    n->name) != NULL))
		return;
	buf_add(b, "&", 1);
	buf_add(b, n->name, strlen((const char *)n->name));
	buf_add(b, ";", 1);
}

/*
 * The text under n into the paragraph being gathered (pending); a block
 * element ends it into out.
 */
static void
html_walk(const xmlNode *n, struct buf *pending, struct buf *out)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				buf_add(pending, n->content,
				    strlen((const char *)n->content));
			continue;
		}
		if (n->type == XML_ENTITY_REF_NODE) {
			add_entity(pending, n);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || dropped(local(n)))
			continue;
		if (block(local(n)))
			end_para(out, pending);
		html_walk(n->children, pending, out);
		if (block(local(n)))
			end_para(out, pending);
	}
}

static htmlDocPtr
html_read(const char *p, size_t n)
{
	return htmlReadMemory(p, (int)n, NULL, "UTF-8", HTML_PARSE_RECOVER |
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT);
}

/* does p[0, n) look like markup: a tag that opens with a letter? */
static bool
has_markup(const char *p, size_t n)
{
	for (const char *q = p; (q = memchr(q, '<', (size_t)(p + n - q))) !=
	    NULL; q++)
		if (q + 1 < p + n && (((q[1] | 0x20) >= 'a' && (q[1] | 0x20) <=
		    'z') || q[1] == '/' || q[1] == '!'))
			return true;
	return false;
}

/*
 * HTML in a field, read by libxml2's HTML parser through SAX: no tree is
 * built, and the paragraphs come out as html_walk() makes them of one.
 */
struct sax_walk {
	struct buf pending, *out;
	int skip;		/* depth inside a dropped element */
};

static void
sax_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
	struct sax_walk *w = ctx;

	(void)attrs;
	if (w->skip > 0 || dropped((const char *)name))
		w->skip++;
	else if (block((const char *)name))
		end_para(w->out, &w->pending);
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct sax_walk *w = ctx;

	if (w->skip > 0)
		w->skip--;
	else if (block((const char *)name))
		end_para(w->out, &w->pending);
}

static void
sax_text(void *ctx, const xmlChar *p, int n)
{
	struct sax_walk *w = ctx;

	if (w->skip == 0)
		buf_add(&w->pending, p, (size_t)n);
}

/*
 * A parser of libxml2 (HTML or XML) made to call back, with nothing
 * built: text handed to chars; the caller adds the element callbacks.
 */
static xmlParserCtxtPtr
sax_parser(xmlParserCtxtPtr ctxt, charactersSAXFunc chars)
{
	if (ctxt == NULL)
		err_fatal("out of memory");
	memset(ctxt->sax, 0, sizeof *ctxt->sax);
	ctxt->sax->characters = chars;
	ctxt->sax->cdataBlock = chars;
	return ctxt;
}

/* libxml2 says nothing of a field's HTML: it is read with recovery */
static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/*
 * HTML into b as paragraphs, by a parser of the thread's own (both read
 * fields: see hand_over()), whose errors are its own too (quiet): they
 * are not the feed's.
 */
static void
add_html(struct buf *b, const char *p, size_t n)
{
	static _Thread_local htmlParserCtxtPtr ctxt;
	static _Thread_local struct sax_walk w;
	htmlDocPtr d;

	if (ctxt == NULL) {
		ctxt = sax_parser(htmlNewParserCtxt(), sax_text);
		ctxt->sax->startElement = sax_start;
		ctxt->sax->endElement = sax_end;
		ctxt->sax->serror = quiet;
		ctxt->sax->initialized = XML_SAX2_MAGIC;
		ctxt->userData = &w;
	}
	w.pending.n = 0;
	w.out = b;
	w.skip = 0;
	d = htmlCtxtReadMemory(ctxt, p, (int)n, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	xmlFreeDoc(d);
	add_para(b, w.pending.p, w.pending.n);
}

/*
 * A field's text into the story's body as paragraphs: as plain text, or,
 * when it holds markup, as HTML read as the story goes out.  field_at()
 * takes the text already at the end of raw, from off on.
 */
static void
field_at(size_t off)
{
	size_t n = st.raw.n - off;

	if (n == 0)
		return;
	if (!has_markup(st.raw.p + off, n)) {
		add_plain(&st.body, st.raw.p + off, n);
		st.raw.n = off;
		return;
	}
	if (st.nfield == st.fieldcap) {
		st.fieldcap = st.fieldcap ? 2 * st.fieldcap : 8;
		st.field = xrealloc(st.field, st.fieldcap * sizeof *st.field);
	}
	st.field[st.nfield++] = (struct field){ st.body.n, off, n };
}

static void
add_field(const char *p, size_t n)
{
	size_t off = st.raw.n;

	buf_add(&st.raw, p, n);
	field_at(off);
}

/* ---- output -------------------------------------------------------- */

static void
tag(const char *key, const struct buf *v)
{
	size_t n = v->n;

	while (n > 0 && space((unsigned char)v->p[n - 1]))
		n--;
	if (n == 0)
		return;
	out_putc('\t');
	out_str(key);
	out_putc('=');
	/* a tag is one line */
	for (size_t i = 0; i < n; i++) {
		char c = v->p[i];

		out_esc(c == '\n' || c == '\r' || c == '\t' ? " " : &c, 1);
	}
}

static void
line(const struct story *s, uint64_t seq, const char *p, size_t n,
    bool first)
{
	out_esc(s->doc.p, s->doc.n);
	out_putc('#');
	out_esc(s->id.p, s->id.n);
	out_str("\t0\t");
	out_u64(seq);
	out_str("\tline\t");
	out_esc(p, n);
	if (first) {
		struct buf f = { (char *)s->format, strlen(s->format), 0 };

		tag("title", &s->title);
		tag("date", &s->date);
		tag("url", &s->url);
		tag("author", &s->author);
		tag("lang", &s->lang);
		tag("feed.dateline", &s->dateline);
		tag("feed.source", &s->source);
		tag("feed.format", &f);
	}
	out_putc('\n');
}

static void lead_dateline(struct story *s);

/* the HTML of s's fields read into its body, in their places */
static void
read_fields(struct story *s)
{
	static _Thread_local struct buf t;
	struct buf was;
	const char *body = s->body.n > 0 ? s->body.p : "";
	size_t from = 0;

	t.n = 0;
	for (size_t i = 0; i < s->nfield; i++) {
		const struct field *f = &s->field[i];

		buf_add(&t, body + from, f->at - from);
		add_html(&t, s->raw.p + f->off, f->n);
		from = f->at;
	}
	buf_add(&t, body + from, s->body.n - from);
	/* the buffers change places: nothing is copied */
	was = s->body;
	s->body = t;
	t = was;
	s->nfield = 0;
}

/* s as line records */
static void
write_story(struct story *s)
{
	uint64_t seq = 0;
	const char *p, *end;

	if (s->nfield > 0)
		read_fields(s);
	if (s->lead)
		lead_dateline(s);
	p = s->body.p;
	end = p != NULL ? p + s->body.n : p;
	line(s, ++seq, s->title.p, s->title.n, true);
	for (bool firstp = true; p < end; firstp = false) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);

		if (!firstp || s->title.n > 0)
			line(s, ++seq, "", 0, false);
		line(s, ++seq, p, n, false);
		p += n + (nl != NULL);
	}
}

/* the second thread's work: a batch of stories out */
static void
write_stories(void *arg)
{
	struct stories *b = arg;

	for (size_t i = 0; i < b->n; i++)
		write_story(&b->s[i]);
}

/* the batch filled goes out; the other, out by now, is filled next */
static void
hand_over(void)
{
	struct stories *b = &batch[cur];

	if (b->n == 0)
		return;
	/*
	 * While the second thread is still busy with the batch before, this
	 * one reads the fields of this batch's stories, as many as it can:
	 * the threads' work is then shared as it happens to fall.
	 */
	for (size_t i = 0; i < b->n && relay_busy(); i++)
		if (b->s[i].nfield > 0)
			read_fields(&b->s[i]);
	relay_hand(write_stories, b);
	handed = true;
	cur ^= 1;
	batch[cur].n = batch[cur].bytes = 0;
}

/*
 * Every story read is out: before this thread writes, at the end, and
 * before a read that would wait or a message (out_on_flush()).
 */
static void
let_go(void)
{
	if (relay_worker() || (!handed && batch[cur].n == 0))
		return;
	hand_over();
	relay_wait();
	handed = false;
}

/* what this thread writes: what it passes through as it is */
static void
pass(const char *p, size_t n)
{
	let_go();
	out_write(p, n);
}

static void
story_reset(const char *format)
{
	struct buf *b[] = { &st.id, &st.title, &st.date, &st.url, &st.author,
		&st.lang, &st.dateline, &st.source, &st.body, &st.raw };

	for (size_t k = 0; k < sizeof b / sizeof *b; k++)
		b[k]->n = 0;
	st.nfield = 0;
	st.lead = false;
	st.format = format;
}

/* the story read goes in the batch, to go out with it */
static void
emit_story(void)
{
	struct stories *b = &batch[cur];
	struct story t;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->s = xrealloc(b->s, b->cap * sizeof *b->s);
		memset(b->s + b->n, 0, (b->cap - b->n) * sizeof *b->s);
	}
	set(&st.doc, doc.p, doc.n);
	/* the title as one line, its spaces as they read */
	set_one_line(&st.title, st.title.p, st.title.n);
	/* the buffers change places: nothing is copied */
	t = b->s[b->n];
	b->s[b->n] = st;
	st = t;
	b->bytes += b->s[b->n].body.n + b->s[b->n].raw.n;
	b->n++;
	story_reset(NULL);
	if (b->n == STORIES || b->bytes >= STORY_BYTES)
		hand_over();
}

/* a story's id when the source gives none: its number in the document */
static void
id_number(uint64_t item)
{
	char s[24];

	snprintf(s, sizeof s, "%llu", (unsigned long long)item);
	set_str(&st.id, s);
}

static void
item_error(uint64_t item, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_input(doc.p, doc.n, -1, "item %llu: %s", (unsigned long long)item,
	    msg);
}

/* ---- dates --------------------------------------------------------- */

static int
month_of(const char *p)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";

	for (int m = 0; m < 12; m++)
		if (strncasecmp(p, months + 3 * m, 3) == 0)
			return m + 1;
	return 0;
}

/* the number in up to max digits at *p, *p past them; -1 if none */
static int
digits(const char **p, int max)
{
	int v = 0, k = 0;

	for (; k < max && **p >= '0' && **p <= '9'; k++, ++*p)
		v = 10 * v + (**p - '0');
	return k > 0 ? v : -1;
}

/*
 * The time of day after a date ([T or spaces]HH:MM[:SS][.frac]) and its
 * zone (Z, GMT, UT, UTC, ±HHMM, ±HH:MM, or RFC 822's North American
 * names), added to b as ISO 8601: THH:MM:SS and the offset.  CST is left
 * out: RFC 822's US Central, it is China Standard Time in Chinese feeds.
 */
static void
add_time(struct buf *b, const char *p)
{
	static const struct {
		const char *name, *offset;
	} zones[] = { { "GMT", "Z" }, { "UTC", "Z" }, { "UT", "Z" },
		{ "Z", "Z" }, { "EST", "-05:00" }, { "EDT", "-04:00" },
		{ "CDT", "-05:00" }, { "MST", "-07:00" }, { "MDT", "-06:00" },
		{ "PST", "-08:00" }, { "PDT", "-07:00" } };
	int h, mi, sec = 0, zh, zm = 0;
	char out[40];

	while (*p == ' ' || *p == 'T')
		p++;
	if ((h = digits(&p, 2)) < 0 || *p++ != ':' || (mi = digits(&p, 2)) <
	    0 || h > 24 || mi > 59)
		return;
	if (*p == ':' && (p++, (sec = digits(&p, 2)) < 0 || sec > 60))
		return;
	while (*p == '.' || (*p >= '0' && *p <= '9'))
		p++;		/* a fraction of a second */
	snprintf(out, sizeof out, "T%02d:%02d:%02d", h, mi, sec);
	buf_add(b, out, strlen(out));
	while (*p == ' ')
		p++;
	if (*p == '+' || *p == '-') {
		char sign = *p++;

		if ((zh = digits(&p, 2)) < 0 || (*p == ':' && *++p == '\0') ||
		    (*p != '\0' && *p != ' ' && (zm = digits(&p, 2)) < 0))
			return;
		snprintf(out, sizeof out, "%c%02d:%02d", sign, zh, zm);
		buf_add(b, out, strlen(out));
		return;
	}
	for (size_t k = 0; k < sizeof zones / sizeof *zones; k++) {
		size_t n = strlen(zones[k].name);

		if (strncmp(p, zones[k].name, n) == 0 && !isalpha((unsigned
		    char)p[n])) {
			buf_add(b, zones[k].offset, strlen(zones[k].offset));
			return;
		}
	}
}

/*
 * A date as ISO 8601 into b: RFC 822 (Mon, 24 Nov 2026 10:00:00 +0800,
 * the month's name short or whole), Reuters' 26-FEB-1987 15:01:01.79,
 * ISO 8601's basic form (NITF's 20260124T103000-0500), a date and time
 * with a space between (2026-01-25 10:00:00), a Chinese one (2026年1月25日
 * 10:00), or ISO already (kept as it is).  The time and zone, when
 * there, by add_time(); nothing if no date can be read.
 */
static void
iso_date(struct buf *b, const char *s)
{
	const char *p;
	int d, y, m;
	char out[40];

	b->n = 0;
	if (s == NULL)
		return;
	while (space((unsigned char)*s))
		s++;
	p = s;
	if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
		if (s[10] == 'T') {
			set(b, s, strcspn(s, " \t\r\n"));
			return;		/* ISO 8601 already */
		}
		y = digits(&p, 4);
		p++;
		m = digits(&p, 2);
		p++;
		d = digits(&p, 2);
	} else if (strspn(s, "0123456789") == 8) {
		/* basic: YYYYMMDD, then THHMM[SS], then Z or ±HHMM */
		size_t t = strspn(s + 9, "0123456789"), z;

		snprintf(out, sizeof out, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
		set_str(b, out);
		if (s[8] != 'T' || (t != 4 && t != 6))
			return;
		snprintf(out, sizeof out, "T%.2s:%.2s:%.2s", s + 9, s + 11,
		    t == 6 ? s + 13 : "00");
		buf_add(b, out, strlen(out));
		s += 9 + t;
		z = strspn(s + 1, "0123456789");
		if (*s == 'Z')
			buf_add(b, "Z", 1);
		else if ((*s == '+' || *s == '-') && (z == 4 || z == 2)) {
			snprintf(out, sizeof out, "%c%.2s:%.2s", *s, s + 1,
			    z == 4 ? s + 3 : "00");
			buf_add(b, out, strlen(out));
		}
		return;
	} else if ((y = digits(&p, 4)) >= 1000 && opens(p, strlen(p),
	    "\xe5\xb9\xb4", false)) {
		/* 2026年1月25日 */
		p += 3;
		m = digits(&p, 2);
		if (!opens(p, strlen(p), "\xe6\x9c\x88", false))
			return;
		p += 3;
		d = digits(&p, 2);
		if (!opens(p, strlen(p), "\xe6\x97\xa5", false))
			return;
		p += 3;
	} else {
		/* RFC 822 (Sat, 25 Jan 2026), Reuters' 26-FEB-1987 */
		p = s;
		if (strchr(p, ',') != NULL && strchr(p, ',') - p < 10)
			p = strchr(p, ',') + 1;
		while (*p == ' ')
			p++;
		d = digits(&p, 2);
		if (*p != ' ' && *p != '-')
			return;
		p++;
		if ((m = month_of(p)) == 0)
			return;
		while (isalpha((unsigned char)*p) || *p == '.')
			p++;
		if (*p != ' ' && *p != '-')
			return;
		p++;
		y = digits(&p, 4);
		if (y >= 0 && y < 100)
			y += y < 50 ? 2000 : 1900;
	}
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
		return;
	snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
	set_str(b, out);
	add_time(b, p);
}

/* ---- XML feeds ----------------------------------------------------- */

/*
 * A feed in UTF-8 (it says so, or says nothing) with bytes that are no
 * UTF-8 stops libxml2 dead: each such byte becomes U+FFFD, as inknorm
 * would make it, and the document says how many.
 */
static void
utf8_clean(void)
{
	static struct buf clean;
	const char *enc;
	size_t bad, i = 0, len;
	uint32_t cp;

	if ((bad = utf8_count_invalid(text.p, text.n)) == 0)
		return;
	enc = memmem(text.p, text.n < 200 ? text.n : 200, "encoding=", 9);
	if (enc != NULL && strncasecmp(enc + 10, "utf-8", 5) != 0 &&
	    strncasecmp(enc + 10, "utf8", 4) != 0)
		return;		/* libxml2 converts what it is told */
	clean.n = 0;
	while (i < text.n) {
		len = utf8_decode((const unsigned char *)text.p + i, text.n - i,
		    &cp);
		if (len == 0) {
			buf_add(&clean, "\xef\xbf\xbd", 3);
			i++;
		} else {
			buf_add(&clean, text.p + i, len);
			i += len;
		}
	}
	remake(text.n);		/* from the text as it came */
	set(&text, clean.p, clean.n);
	err_warn(doc.p, doc.n, -1, "%zu bytes of invalid UTF-8 read as U+FFFD",
	    bad);
}

static void
xml_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	/*
	 * An entity a document with an external DTD (never read) does not
	 * declare harms nothing around it: its text is as written
	 * (add_entity()).
	 */
	if (e->level < XML_ERR_ERROR || e->code == XML_WAR_UNDECLARED_ENTITY)
		return;
	xml_errors++;
	snprintf(xml_msg, sizeof xml_msg, "%s", e->message ? e->message : "?");
	xml_msg[strcspn(xml_msg, "\n")] = '\0';
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n != NULL ? n->children : NULL; c != NULL;
	    c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp(local(c), name) == 0)
			return c;
	return NULL;
}

/* the text nodes under n into b, and undeclared entities (add_entity()) */
static void
gather(const xmlNode *n, struct buf *b)
{
	for (; n != NULL; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) && n->content != NULL)
			buf_add(b, n->content, strlen((const char *)n->content));
		else if (n->type == XML_ENTITY_REF_NODE)
			add_entity(b, n);
		else if (n->type == XML_ELEMENT_NODE)
			gather(n->children, b);
	}
}

/*
 * The text of a node, as a C string to free with xmlFree, or NULL.  Not
 * xmlNodeGetContent(): it expands entity references, and a billion
 * laughs would be read out in full.
 */
static char *
text_of(const xmlNode *n)
{
	static struct buf b;

	if (n == NULL)
		return NULL;
	b.n = 0;
	gather(n->children, &b);
	return (char *)xmlStrndup((const xmlChar *)b.p, (int)b.n);
}

/* the text under n as a field (add_field()), gathered where it is kept */
static void
add_field_of(const xmlNode *n)
{
	size_t off = st.raw.n;

	if (n == NULL)
		return;
	gather(n->children, &st.raw);
	field_at(off);
}

static void
set_text(struct buf *b, const xmlNode *n)
{
	char *s = text_of(n);

	set_str(b, s);
	xmlFree(s);
}

/* the value of attribute name of n into b (nothing if n is NULL) */
static void
set_prop(struct buf *b, const xmlNode *n, const char *name)
{
	xmlChar *v = n != NULL ? xmlGetProp(n, (const xmlChar *)name) : NULL;

	set_str(b, (char *)v);
	xmlFree(v);
}

/* the child of n on path, names separated by '/' (NULL if none) */
static xmlNode *
path(const xmlNode *n, const char *p)
{
	char name[32];

	while (n != NULL && *p != '\0') {
		size_t k = strcspn(p, "/");

		snprintf(name, sizeof name, "%.*s", (int)k, p);
		n = child(n, name);
		p += k + (p[k] == '/');
	}
	return (xmlNode *)n;
}

/* the text of n as one line: its white space one space, trimmed */
static void
set_line(struct buf *b, const xmlNode *n)
{
	set_text(b, n);
	set_one_line(b, b->p, b->n);
}

/* the paragraphs under n (a body, HTML, XHTML or NITF) into out */
static void
add_blocks(const xmlNode *n, struct buf *out)
{
	static struct buf pending;

	if (n == NULL)
		return;
	pending.n = 0;
	html_walk(n->children, &pending, out);
	add_para(out, pending.p, pending.n);
}

/* a date in attribute name of n into st.date, as ISO 8601 */
static void
set_date_prop(const xmlNode *n, const char *name)
{
	xmlChar *v = n != NULL ? xmlGetProp(n, (const xmlChar *)name) : NULL;

	iso_date(&st.date, (char *)v);
	xmlFree(v);
}

/*
 * The dateline, an element of its own in NITF and NewsML-G2, opens the
 * first paragraph as it was printed (WASHINGTON, Jan. 25 - The ...),
 * unless the text opens with it already.  A dash goes between when the
 * dateline ends in a letter, a digit, a point or a parenthesis, and a
 * space unless the text opens with a full-width parenthesis (电（记者).
 */
static void
lead_dateline(struct story *s)
{
	static struct buf t;
	const char *d = s->dateline.p;
	size_t n = s->dateline.n;
	unsigned char last = n > 0 ? (unsigned char)d[n - 1] : 0;

	if (n == 0 || s->body.n == 0 || (s->body.n >= n && memcmp(s->body.p,
	    d, n) == 0))
		return;
	t.n = 0;
	buf_add(&t, d, n);
	if ((last < 0x80 && isalnum(last)) || last == '.' || last == ')')
		buf_add(&t, " -", 2);
	if (!opens(s->body.p, s->body.n, "\xef\xbc\x88", false))
		buf_add(&t, " ", 1);	/* 电（记者 */
	buf_add(&t, s->body.p, s->body.n);
	set(&s->body, t.p, t.n);
}

/* NITF's text: the paragraphs of body.content and body.end */
static void
nitf_body(const xmlNode *it)
{
	const xmlNode *b = child(it, "body");

	add_blocks(path(b, "body.content"), &st.body);
	add_blocks(path(b, "body.end"), &st.body);
}

/*
 * NITF: the headline from the hedline (or the head's title), the id from
 * doc-id, the date from date.issue (ISO 8601, basic or extended), the
 * byline's person, the dateline, then the text.
 */
static void
nitf_item(const xmlNode *it)
{
	const xmlNode *b = child(it, "body"), *c;

	set_line(&st.title, path(b, "body.head/hedline/hl1"));
	if (st.title.n == 0)
		set_line(&st.title, path(it, "head/title"));
	set_prop(&st.id, path(it, "head/docdata/doc-id"), "id-string");
	set_date_prop(path(it, "head/docdata/date.issue"), "norm");
	if (st.date.n == 0)
		set_date_prop(path(it, "head/pubdata"), "date.publication");
	c = path(b, "body.head/byline");
	set_line(&st.author, child(c, "person") ? child(c, "person") : c);
	set_line(&st.dateline, path(b, "body.head/dateline"));
	set_prop(&st.lang, it, "lang");
	nitf_body(it);
}

/*
 * A NewsML-G2 newsItem: guid, headline, dates, creator, language and
 * dateline from its metadata, and the text from its content set: XHTML
 * or NITF inline (whose headline and dateline fill those the item has
 * not), or plain inline data; an item with none of these (a picture)
 * gives its description.
 */
static void
g2_item(const xmlNode *it)
{
	const xmlNode *m = child(it, "contentMeta"), *c, *x;
	static const char *const dates[] = { "contentMeta/contentCreated",
		"itemMeta/firstCreated", "itemMeta/versionCreated" };
	char *s = NULL;

	set_prop(&st.id, it, "guid");
	set_line(&st.title, child(m, "headline"));
	for (size_t k = 0; k < 3 && st.date.n == 0; k++) {
		s = text_of(path(it, dates[k]));
		iso_date(&st.date, s);
		xmlFree(s);
	}
	set_line(&st.author, path(m, "creator/name"));
	if (st.author.n == 0 && (c = child(m, "by")) != NULL) {
		set_line(&st.author, c);	/* By Omar Castell */
		if (opens(st.author.p, st.author.n, "by ", true)) {
			st.author.n -= 3;
			memmove(st.author.p, st.author.p + 3, st.author.n);
		}
	}
	set_prop(&st.lang, it, "lang");
	if (st.lang.n == 0)
		set_prop(&st.lang, child(m, "language"), "tag");
	set_line(&st.dateline, child(m, "dateline"));
	c = child(it, "contentSet");
	if ((x = child(c, "inlineXML")) != NULL) {
		for (c = x->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (strcmp(local(c), "nitf") == 0) {
				if (st.title.n == 0)
					set_line(&st.title, path(c,
					    "body/body.head/hedline/hl1"));
				if (st.dateline.n == 0)
					set_line(&st.dateline, path(c,
					    "body/body.head/dateline"));
				nitf_body(c);
			} else if ((x = child(c, "body")) != NULL) {
				add_blocks(x, &st.body);	/* XHTML */
			} else {
				add_blocks(c, &st.body);
			}
		}
		return;
	}
	if ((x = child(c, "inlineData")) != NULL)
		add_field_of(x);
	else
		add_field_of(child(m, "description"));
}

/*
 * Is n an Atom text construct of type t?  Its type is text (or none),
 * html (escaped HTML) or xhtml (a <div> of XHTML, inline); content may
 * name a media type instead.
 */
static bool
atom_type(const xmlNode *n, const char *t)
{
	xmlChar *v = n != NULL ? xmlGetProp(n, (const xmlChar *)"type") : NULL;
	bool is = v != NULL && (strcmp((char *)v, t) == 0 ||
	    (strcmp(t, "xhtml") == 0 && strcmp((char *)v,
	    "application/xhtml+xml") == 0) || (strcmp(t, "html") == 0 &&
	    strcmp((char *)v, "text/html") == 0));

	xmlFree(v);
	return is;
}

/* does p[0, n) hold an entity reference (&amp;, &#39;)? */
static bool
has_entity(const char *p, size_t n)
{
	for (const char *q = p; (q = memchr(q, '&', (size_t)(p + n - q))) !=
	    NULL; q++) {
		size_t k = 1;

		if (q + 1 < p + n && q[1] == '#')
			k++;
		while (q + k < p + n && isalnum((unsigned char)q[k]))
			k++;
		if (k > 1 && q + k < p + n && q[k] == ';')
			return true;
	}
	return false;
}

/*
 * A feed's title as one line of text, not markup.  Atom says by its type
 * whether a title is HTML or XHTML; RSS does not, and its titles hold
 * escaped markup or entities (AT&amp;amp;T) often enough: a title that
 * does is read as HTML.
 */
static void
title_line(struct buf *b, const xmlNode *n, enum format f)
{
	static struct buf t;

	t.n = 0;
	if (f == F_ATOM && atom_type(n, "xhtml")) {
		add_blocks(n, &t);
	} else {
		set_text(b, n);
		if (b->n == 0 || (f == F_ATOM ? !atom_type(n, "html") :
		    !has_markup(b->p, b->n) && !has_entity(b->p, b->n)))
			return;
		add_html(&t, b->p, b->n);
	}
	set_one_line(b, t.p, t.n);
}

/*
 * RSS 2.0's author is an address, and the name, if any, after it in
 * parentheses (desk@example.org (Mara Quinn)): the name, then.
 */
static void
rss_author(struct buf *b)
{
	const char *at, *open;

	if (b->n < 2 || b->p[b->n - 1] != ')' || (at = memchr(b->p, '@',
	    b->n)) == NULL || (open = memchr(at, '(', (size_t)(b->p + b->n -
	    at))) == NULL || memchr(b->p, ' ', (size_t)(open - b->p)) !=
	    open - 1 || open + 1 >= b->p + b->n - 1)
		return;
	memmove(b->p, open + 1, (size_t)(b->p + b->n - 1 - (open + 1)));
	b->n = (size_t)(b->p + b->n - 1 - (open + 1));
}

/* an RSS 2.0 or RSS 1.0 item, or an Atom entry */
static void
feed_item(xmlNode *it, enum format f)
{
	xmlNode *c;
	char *s;

	if (f == F_NITF || f == F_G2) {
		if (f == F_NITF)
			nitf_item(it);
		else
			g2_item(it);
		st.lead = true;		/* when the fields are read */
		return;
	}
	if (f == F_ATOM) {
		title_line(&st.title, child(it, "title"), f);
		set_text(&st.id, child(it, "id"));
		for (c = it->children; c != NULL; c = c->next) {
			xmlChar *rel;

			if (c->type != XML_ELEMENT_NODE ||
			    strcmp(local(c), "link") != 0)
				continue;
			rel = xmlGetProp(c, (const xmlChar *)"rel");
			if (rel == NULL || strcmp((char *)rel, "alternate") == 0) {
				xmlChar *href = xmlGetProp(c,
				    (const xmlChar *)"href");

				set_str(&st.url, (char *)href);
				xmlFree(href);
			}
			xmlFree(rel);
		}
		s = text_of(child(it, "published") ? child(it, "published") :
		    child(it, "updated"));
		iso_date(&st.date, s);
		xmlFree(s);
		if ((c = child(it, "author")) != NULL)
			set_text(&st.author, child(c, "name"));
		c = child(it, "content") ? child(it, "content") : child(it,
		    "summary");
	} else {
		title_line(&st.title, child(it, "title"), f);
		set_text(&st.url, child(it, "link"));
		set_text(&st.id, child(it, "guid"));
		if (st.id.n == 0 && f == F_RDF) {
			xmlChar *about = xmlGetProp(it, (const xmlChar *)"about");

			set_str(&st.id, (char *)about);
			xmlFree(about);
		}
		s = text_of(child(it, "pubDate") ? child(it, "pubDate") :
		    child(it, "date"));
		iso_date(&st.date, s);
		xmlFree(s);
		set_text(&st.author, child(it, "creator") ? child(it,
		    "creator") : child(it, "author"));
		rss_author(&st.author);
		c = child(it, "encoded") ? child(it, "encoded") : child(it,
		    "description");
	}
	if (f == F_ATOM && atom_type(c, "xhtml"))
		add_blocks(c, &st.body);
	else
		add_field_of(c);
}

/* the kind of an XML document by its root element's local name */
static const struct xml_kind *
xml_root(const char *name)
{
	for (size_t k = 0; k < sizeof xml_kinds / sizeof *xml_kinds; k++)
		if (strcmp(name, xml_kinds[k].root) == 0)
			return &xml_kinds[k];
	return NULL;
}

/*
 * How libxml2 reads a feed: recovering, with no network, and with text
 * nodes as long as a record (its huge mode), except in a document that
 * defines entities of its own, where its limits on their expansion stay.
 */
static int
xml_options(void)
{
	int o = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

	if (!doc_entities)
		o |= XML_PARSE_HUGE;
	return o;
}

/* a feed's kind by the start tag of its root, for feed_items() */
static const struct xml_kind *
feed_kind(void)
{
	const char *p = text.p, *end = text.p + text.n;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (p < end && (*p == '?' || *p == '!'))
			continue;
		for (size_t k = 0; k < sizeof xml_kinds / sizeof *xml_kinds;
		    k++) {
			size_t n = strlen(xml_kinds[k].tag);

			if ((size_t)(end - p) > n && memcmp(p, xml_kinds[k].tag,
			    n) == 0 && strchr(" \t\r\n>", p[n]) != NULL)
				return &xml_kinds[k];
		}
		return NULL;
	}
	return NULL;
}

/*
 * The items of a feed the pass below could not read through, each parsed
 * as a document of its own inside a copy of the root's start tag (for
 * its namespaces), from item done + 1 on.
 */
static void
feed_items(const struct xml_kind *kind, uint64_t done)
{
	static struct buf x;
	const char *tag = kind->item, *root = kind->tag;
	enum format f = kind->f;
	const char *p = text.p, *end = text.p + text.n, *rs, *re;
	char open[32], close[32], ropen[32];
	uint64_t item = 0;

	snprintf(open, sizeof open, "<%s", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	snprintf(ropen, sizeof ropen, "<%s", root);
	rs = memmem(p, text.n, ropen, strlen(ropen));
	if (rs == NULL || (re = memchr(rs, '>', (size_t)(end - rs))) == NULL)
		return;
	while ((p = memmem(p, (size_t)(end - p), open, strlen(open))) != NULL) {
		const char *e, *next;
		char c = p + strlen(open) < end ? p[strlen(open)] : ' ';
		xmlDocPtr d;
		xmlNode *r, *it;

		if (c != '>' && c != ' ' && c != '\n' && c != '\t' && c != '\r') {
			p += strlen(open);	/* <items>, <itemref> */
			continue;
		}
		item++;
		e = memmem(p, (size_t)(end - p), close, strlen(close));
		next = memmem(p + 1, (size_t)(end - p - 1), open, strlen(open));
		if (item <= done) {
			p = e != NULL ? e : p + 1;
			continue;
		}
		if (e == NULL) {
			item_error(item, "cut short; skipped");
			break;
		}
		if (next != NULL && next < e) {
			item_error(item, "no %s before the next item; skipped",
			    close);
			p = next;
			continue;
		}
		x.n = 0;
		buf_add(&x, rs, (size_t)(re + 1 - rs));
		buf_add(&x, p, (size_t)(e + strlen(close) - p));
		buf_add(&x, "</", 2);
		buf_add(&x, root, strlen(root));
		buf_add(&x, ">", 1);
		d = xml_read(x.p, x.n, xml_options());
		r = d != NULL ? xmlDocGetRootElement(d) : NULL;
		it = r != NULL ? r->children : NULL;
		while (it != NULL && it->type != XML_ELEMENT_NODE)
			it = it->next;
		if (it == NULL || xml_errors > 0) {
			item_error(item, "%s; skipped", xml_msg[0] ? xml_msg :
			    "malformed");
		} else {
			story_reset(format_name[f]);
			feed_item(it, f);
			if (st.id.n == 0)
				id_number(item);
			emit_story();
		}
		xmlFreeDoc(d);
		p = e + strlen(close);
	}
}

/*
 * A feed is read in one pass by libxml2's parser, whose own callbacks
 * build the tree; wrapped, they read an item's tree as the item ends,
 * write the story and let the tree go, so that no more than an item is
 * held as a tree (as its streaming reader would, at two thirds of the
 * time).  An error stops the pass there (feed_stop()): past bad markup,
 * recovery may take the items after for part of the one open, and drops
 * entity references; feed_items() reads the rest each on its own.
 */
static struct feed_pass {
	xmlParserCtxtPtr ctxt;
	const struct xml_kind *kind;	/* by the root; NULL before it */
	bool	 other;			/* the root is no feed's */
	bool	 failed;		/* it was stopped by an error */
	int	 depth;			/* of the element open */
	int	 at;			/* the item's depth, 0 outside one */
	uint64_t item;			/* items begun */
	bool	 lang_read;		/* the feed's <language>, once */
	struct buf lang;
} fp;

/*
 * libxml2 said something is wrong: the pass stops.  Inside an item, the
 * item is said and skipped; outside one the items are not harmed, but
 * the parser is (past an error it drops entity references: &lt;p&gt;
 * would come out as p), so it is said, and the rest is read an item at
 * a time.
 */
static void
feed_stop(void)
{
	const char *msg = xml_msg[0] ? xml_msg : "malformed";

	if (fp.at > 0)
		item_error(fp.item, "%s; skipped", msg);
	else if (fp.kind != NULL && fp.item > 0)
		err_input(doc.p, doc.n, -1, "after item %llu: %s; the items "
		    "after it read one by one", (unsigned long long)fp.item,
		    msg);
	else if (fp.kind != NULL)
		err_input(doc.p, doc.n, -1, "before its first item: %s; the "
		    "items read one by one", msg);
	fp.failed = true;
	fp.at = 0;
	xmlStopParser(fp.ctxt);
}

static void
feed_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attr)
{
	xmlSAX2StartElementNs(ctx, name, prefix, uri, nns, ns, nattr, ndef,
	    attr);
	if (ctx != fp.ctxt)
		return;		/* an entity's text, read on its own */
	if (xml_errors > 0) {
		feed_stop();
		return;
	}
	fp.depth++;
	if (fp.kind == NULL && (fp.kind = xml_root((const char *)name)) ==
	    NULL) {
		fp.other = true;	/* some other XML: as it came */
		xmlStopParser(fp.ctxt);
		return;
	}
	if (fp.at == 0 && strcmp((const char *)name, fp.kind->item) == 0) {
		fp.at = fp.depth;
		fp.item++;
	}
}

/*
 * What n's parent holds, n and what came before it, goes: all of it is
 * complete.  Its text nodes too, which the parser would otherwise take
 * for one to add to.  The root stays (the document goes at its end).
 */
static void
feed_free(xmlNode *n)
{
	xmlNode *par = n->parent;

	if (par == NULL || par->type != XML_ELEMENT_NODE)
		return;
	while (par->children != NULL) {
		xmlNode *c = par->children;

		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/*
 * An element's end: an item's makes its story.  Outside an item, what
 * has ended goes, so that no more than an item is held as a tree.
 */
static void
feed_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlNode *n = fp.ctxt->node;
	bool item = ctx == fp.ctxt && fp.at == fp.depth;

	xmlSAX2EndElementNs(ctx, name, prefix, uri);
	if (ctx != fp.ctxt)
		return;
	fp.depth--;
	if (xml_errors > 0) {
		feed_stop();
		return;
	}
	if (item) {
		fp.at = 0;
		story_reset(format_name[fp.kind->f]);
		feed_item(n, fp.kind->f);
		if (st.id.n == 0)
			id_number(fp.item);
		if (st.lang.n == 0)
			set(&st.lang, fp.lang.p, fp.lang.n);
		emit_story();
	} else if (fp.at > 0) {
		return;		/* part of the item, read as it ends */
	} else if (!fp.lang_read && strcmp((const char *)name, "language") ==
	    0) {
		set_text(&fp.lang, n);
		fp.lang_read = true;
	}
	feed_free(n);
}

/*
 * The text, handed to the parser as it asks, a piece at a time: it holds
 * no more of it than it is reading (given all at once, it copies it all).
 */
static int
feed_text(void *ctx, char *p, int n)
{
	size_t *at = ctx, k = text.n - *at < (size_t)n ? text.n - *at :
	    (size_t)n;

	memcpy(p, text.p + *at, k);
	*at += k;
	return (int)k;
}

/* a feed through the pass above; false if it is no feed after all */
static bool
xml_feed(void)
{
	size_t at = 0;
	xmlDocPtr d;

	utf8_clean();
	doc_entities = find(text.p, text.n, "<!ENTITY", 8) != NULL;
	if ((fp.ctxt = xml_parser()) == NULL)
		err_fatal("out of memory");
	fp.ctxt->sax->startElementNs = feed_start;
	fp.ctxt->sax->endElementNs = feed_end;
	fp.kind = NULL;
	fp.other = fp.failed = fp.lang_read = false;
	fp.depth = fp.at = 0;
	fp.item = 0;
	fp.lang.n = 0;
	xml_errors = 0;
	xml_msg[0] = '\0';
	d = xmlCtxtReadIO(fp.ctxt, feed_text, NULL, &at, NULL, NULL,
	    xml_options());
	if (!fp.failed && xml_errors > 0)
		feed_stop();	/* cut short, or past the last event */
	xmlFreeDoc(d);
	xmlFreeParserCtxt(fp.ctxt);
	fp.ctxt = NULL;
	if (fp.other)
		return false;
	if (fp.failed || fp.kind == NULL) {
		/*
		 * Past markup it could not read: the rest an item at a
		 * time, past the items already out or said.
		 */
		if (fp.kind == NULL && (fp.kind = feed_kind()) == NULL)
			return false;
		feed_items(fp.kind, fp.item);
	}
	return true;
}

/* ---- Reuters-21578 ------------------------------------------------- */

/*
 * A <BODY> as paragraphs: its lines are wrapped, and a line that opens
 * with spaces opens a paragraph.  The <DATELINE> opens the first one, as
 * the story was printed (BOGOTA, March 13 - Colombia's coffee...).
 */
static void
reuters_body(const char *s)
{
	static struct buf para;
	bool first = true;

	para.n = 0;
	if (st.dateline.n > 0) {
		buf_add(&para, st.dateline.p, st.dateline.n);
		buf_add(&para, " ", 1);
	}
	while (*s != '\0') {
		size_t n = strcspn(s, "\n");
		bool opens = n > 0 && (s[0] == ' ' || s[0] == '\t');
		size_t k = 0;

		while (k < n && space((unsigned char)s[k]))
			k++;
		if ((opens || k == n) && !first && para.n > 0) {
			add_para(&st.body, para.p, para.n);
			para.n = 0;
		}
		if (k < n) {
			buf_add(&para, s + k, n - k);
			buf_add(&para, " ", 1);
			first = false;
		}
		s += n + (s[n] == '\n');
	}
	add_para(&st.body, para.p, para.n);
}

/*
 * Reuters' fields, gathered through libxml2's SAX interface as an element
 * is parsed (no tree is built): the first DATE and TEXT of the root, and
 * the first TITLE, AUTHOR, DATELINE and BODY of that TEXT; all the text
 * of TEXT besides, for a story with no TITLE (TYPE="UNPROC").
 */
enum { R_DATE, R_TITLE, R_AUTHOR, R_DATELINE, R_BODY, R_ALL, R_NFIELD };
static const char *const reut_name[] = { "DATE", "TITLE", "AUTHOR",
	"DATELINE", "BODY" };

static struct reut {
	int	 depth, field;	/* field: being gathered, or -1 */
	int	 text;		/* 1 inside the first TEXT, 2 past it */
	bool	 root, newid_seen, seen[R_ALL];
	struct buf newid, f[R_NFIELD];
} rt;

static void
reut_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attr)
{
	const char *n = (const char *)name;

	(void)ctx, (void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
	if (++rt.depth == 1) {
		rt.root = true;
		for (int a = 0; a < nattr; a++)
			if (strcmp((const char *)attr[5 * a], "NEWID") == 0) {
				set(&rt.newid, attr[5 * a + 3], (size_t)(attr[5 *
				    a + 4] - attr[5 * a + 3]));
				rt.newid_seen = true;
			}
	} else if (rt.depth == 2 && rt.text == 0 && strcmp(n, "TEXT") == 0) {
		rt.text = 1;
	} else if (rt.field < 0 && (rt.depth == 2 || (rt.depth == 3 &&
	    rt.text == 1))) {
		for (int k = rt.depth == 2 ? R_DATE : R_TITLE; k < (rt.depth ==
		    2 ? R_TITLE : R_ALL); k++)
			if (!rt.seen[k] && strcmp(n, reut_name[k]) == 0) {
				rt.seen[k] = true;
				rt.field = k;
			}
	}
}

static void
reut_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri)
{
	(void)ctx, (void)name, (void)prefix, (void)uri;
	if (rt.field >= 0 && rt.depth == (rt.field == R_DATE ? 2 : 3))
		rt.field = -1;
	if (rt.text == 1 && rt.depth == 2)
		rt.text = 2;
	rt.depth--;
}

static void
reut_text(void *ctx, const xmlChar *p, int n)
{
	(void)ctx;
	if (rt.field >= 0)
		buf_add(&rt.f[rt.field], p, (size_t)n);
	if (rt.text == 1)
		buf_add(&rt.f[R_ALL], p, (size_t)n);
}

/*
 * One <REUTERS> element of the collection's SGML, as XML: the control
 * characters its character references name (&#3; ends each story) are
 * no XML, and go.
 */
static void
reuters_item(const char *p, size_t n, uint64_t item)
{
	static struct buf x;
	static xmlParserCtxtPtr ctxt;

	x.n = 0;
	for (size_t i = 0, from = 0; i <= n; i++) {
		const char *amp;
		size_t k;
		int v = 0;

		if (i == n) {
			buf_add(&x, p + from, n - from);
			break;
		}
		/* to the next &#, and past it when it names a control */
		if ((amp = find(p + i, n - i, "&#", 2)) == NULL) {
			i = n - 1;
			continue;
		}
		i = (size_t)(amp - p);
		for (k = i + 2; k < n && p[k] >= '0' && p[k] <= '9' && k < i + 6;
		    k++)
			v = v * 10 + (p[k] - '0');
		if (k < n && p[k] == ';' && k > i + 2 && v < 32 && v != 9 &&
		    v != 10 && v != 13) {
			buf_add(&x, p + from, i - from);
			from = k + 1;
			i = k;
		}
	}
	if (ctxt == NULL) {
		ctxt = sax_parser(xmlNewParserCtxt(), reut_text);
		ctxt->sax->startElementNs = reut_start;
		ctxt->sax->endElementNs = reut_end;
		ctxt->sax->initialized = XML_SAX2_MAGIC;
	}
	rt.depth = rt.text = 0;
	rt.field = -1;
	rt.root = rt.newid_seen = false;
	rt.newid.n = 0;
	for (int k = 0; k < R_NFIELD; k++) {
		rt.f[k].n = 0;
		if (k < R_ALL)
			rt.seen[k] = false;
	}
	xml_errors = 0;
	xml_msg[0] = '\0';
	xmlFreeDoc(xmlCtxtReadMemory(ctxt, x.p, (int)x.n, NULL, NULL,
	    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING));
	if (!rt.root) {
		item_error(item, "%s; skipped", xml_msg[0] ? xml_msg :
		    "not an element");
		return;
	}
	story_reset(format_name[F_REUTERS]);
	if (rt.newid_seen)
		set(&st.id, rt.newid.p, rt.newid.n);
	else
		id_number(item);
	buf_add(&rt.f[R_DATE], "", 1);
	iso_date(&st.date, rt.f[R_DATE].p);
	set_str(&st.lang, "en");
	if (rt.text == 0) {
		emit_story();
		return;
	}
	set(&st.title, rt.f[R_TITLE].p, rt.f[R_TITLE].n);
	set_one_line(&st.author, rt.f[R_AUTHOR].p, rt.f[R_AUTHOR].n);
	set_one_line(&st.dateline, rt.f[R_DATELINE].p, rt.f[R_DATELINE].n);
	if (rt.seen[R_BODY]) {
		buf_add(&rt.f[R_BODY], "", 1);
		reuters_body(rt.f[R_BODY].p);
	} else if (!rt.seen[R_TITLE]) {
		/* TYPE="UNPROC": the text alone */
		add_plain(&st.body, rt.f[R_ALL].p, rt.f[R_ALL].n);
	}
	emit_story();
}

/*
 * The next element from *p that opens with open and ends with close, in
 * a document of many with no root (Reuters', Sogou's): true and where it
 * is, with *p past it.  One with no end before the next is said and
 * skipped (its number in *item).  Unless final, the text may go on: an
 * element with neither its end nor another after it is waited for, *p
 * left at it.
 */
static bool
next_block(const char **p, const char *open, const char *close,
    uint64_t *item, const char **start, size_t *len, bool final)
{
	const char *end = text.p + text.n;
	size_t on = strlen(open), cn = strlen(close);

	while ((*p = find(*p, (size_t)(end - *p), open, on)) != NULL) {
		const char *e = find(*p, (size_t)(end - *p), close, cn);
		const char *next = find(*p + on, (size_t)(end - *p - on), open,
		    on);

		if (e == NULL && next == NULL && !final)
			return false;
		++*item;
		if (e != NULL && (next == NULL || e < next)) {
			*start = *p;
			*len = (size_t)(e + cn - *p);
			*p = e + cn;
			return true;
		}
		item_error(*item, "no %s; skipped", close);
		if ((*p = next) == NULL)
			break;
	}
	if (*p == NULL)
		*p = end;
	return false;
}

/*
 * The stories of a document with no root, Reuters' or Sogou's, read as
 * its lines come: each element as soon as its end is in, and the text
 * before the first one still open let go.  final at the document's end.
 */
static enum format streaming;	/* the document's format, or F_PLAIN */
static uint64_t stream_item;	/* elements met so far */

static void sogou_item(const char *b, size_t n, uint64_t item);

static void
stream_blocks(bool final)
{
	bool reut = streaming == F_REUTERS;
	const char *p = text.p, *b;
	size_t n;

	while (next_block(&p, reut ? "<REUTERS" : "<doc>", reut ?
	    "</REUTERS>" : "</doc>", &stream_item, &b, &n, final)) {
		if (reut)
			reuters_item(b, n, stream_item);
		else
			sogou_item(b, n, stream_item);
	}
	n = (size_t)(p - text.p);
	memmove(text.p, p, text.n - n);
	text.n -= n;
}

/* ---- Sogou --------------------------------------------------------- */

/* the text between <name> and </name> in p[0, n), or false */
static bool
field(const char *p, size_t n, const char *name, const char **v, size_t *vn)
{
	char open[32], close[32];
	const char *a, *b;

	snprintf(open, sizeof open, "<%s>", name);
	snprintf(close, sizeof close, "</%s>", name);
	if ((a = memmem(p, n, open, strlen(open))) == NULL)
		return false;
	a += strlen(open);
	if ((b = memmem(a, (size_t)(p + n - a), close, strlen(close))) == NULL)
		return false;
	*v = a;
	*vn = (size_t)(b - a);
	return true;
}

/*
 * Sogou Labs' news files: <doc> elements with no root around them and
 * nothing escaped inside, a field a line.  No XML parser reads them; the
 * fields are found by their tags.
 */
static void
sogou_item(const char *b, size_t n, uint64_t item)
{
	const char *v;
	size_t vn;

	n -= 6;		/* the fields are before </doc> */
	story_reset(format_name[F_SOGOU]);
	if (field(b, n, "docno", &v, &vn) && vn > 0)
		set(&st.id, v, vn);
	else
		id_number(item);
	if (field(b, n, "url", &v, &vn))
		set(&st.url, v, vn);
	if (field(b, n, "contenttitle", &v, &vn))
		set(&st.title, v, vn);
	if (field(b, n, "content", &v, &vn))
		add_plain(&st.body, v, vn);
	set_str(&st.lang, "zh");
	emit_story();
}

/* ---- HTML pages ---------------------------------------------------- */

static void
html_page(void)
{
	static struct buf pending;
	htmlDocPtr d = html_read(text.p, text.n);
	xmlNode *root, *head, *body = NULL;

	if (d == NULL || (root = xmlDocGetRootElement(d)) == NULL) {
		item_error(1, "no HTML here; skipped");
		xmlFreeDoc(d);
		return;
	}
	story_reset(format_name[F_HTML]);
	id_number(1);
	if ((head = child(root, "head")) != NULL)
		set_text(&st.title, child(head, "title"));
	{
		xmlChar *lang = xmlGetProp(root, (const xmlChar *)"lang");

		set_str(&st.lang, (char *)lang);
		xmlFree(lang);
	}
	body = child(root, "body") ? child(root, "body") : root;
	pending.n = 0;
	html_walk(body->children, &pending, &st.body);
	add_para(&st.body, pending.p, pending.n);
	if (st.title.n == 0 && st.body.n > 0) {
		/* no <title>: the first heading's text */
		size_t n = strcspn(st.body.p, "\n");

		set(&st.title, st.body.p, n);
	}
	emit_story();
	xmlFreeDoc(d);
}

/* ---- Markdown digests of feeds ------------------------------------- */

/* the line at p, up to end: its length without the newline */
static size_t
line_len(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
}

/* "## 12. title": an item's heading; its number, and where its title is */
static bool
item_heading(const char *p, size_t n, unsigned long *num, size_t *title)
{
	size_t k = 3;
	unsigned long v = 0;

	if (n < 6 || memcmp(p, "## ", 3) != 0 || p[3] < '0' || p[3] > '9')
		return false;
	while (k < n && p[k] >= '0' && p[k] <= '9' && k < 12)
		v = v * 10 + (unsigned long)(p[k++] - '0');
	if (k + 1 >= n || p[k] != '.' || p[k + 1] != ' ')
		return false;
	*num = v;
	*title = k + 2;
	return true;
}

/* "**来源：** NBC News": a field line; its value */
static bool
md_field(const char *p, size_t n, const char *name, const char **v,
    size_t *vn)
{
	size_t k = strlen(name);

	if (n < k + 7 || memcmp(p, "**", 2) != 0 || memcmp(p + 2, name, k) != 0
	    || memcmp(p + 2 + k, "：**", 5) != 0)
		return false;
	*v = p + k + 7;
	*vn = n - k - 7;
	while (*vn > 0 && space((unsigned char)**v))
		(*v)++, (*vn)--;
	while (*vn > 0 && space((unsigned char)(*v)[*vn - 1]))
		(*vn)--;
	return true;
}

/*
 * Markdown digests of feeds: "## N. title" items, each with fields
 * (**来源：** the outlet, **时间：**, **语言：**, **原文链接：**) and
 * sections; the summary (摘要, raw HTML as often as not) and the text
 * (正文) are the story.  Fenced blocks (the items' HTML once more) and
 * pictures are not.
 */
static void
digest(void)
{
	static struct buf date;
	const char *p = text.p, *end = text.p + text.n, *v;
	bool initem = false, keep = false, fence = false;
	unsigned long num;
	size_t n, t, vn;

	for (; p < end; p += n + 1) {
		n = line_len(p, end);
		if (item_heading(p, n, &num, &t)) {
			if (initem)
				emit_story();
			story_reset(format_name[F_DIGEST]);
			id_number(num);
			set(&st.title, p + t, n - t);
			initem = true;
			keep = fence = false;
			continue;
		}
		if (!initem)
			continue;
		if (n >= 3 && memcmp(p, "```", 3) == 0) {
			fence = !fence;
			continue;
		}
		if (fence)
			continue;
		if (n >= 4 && memcmp(p, "### ", 4) == 0) {
			keep = (n == 10 && memcmp(p + 4, "摘要", 6) == 0) ||
			    (n == 10 && memcmp(p + 4, "正文", 6) == 0);
			continue;
		}
		if (n >= 3 && memcmp(p, "---", 3) == 0) {
			keep = false;
			continue;
		}
		if (md_field(p, n, "来源", &v, &vn)) {
			set(&st.source, v, vn);
		} else if (md_field(p, n, "时间", &v, &vn)) {
			set(&date, v, vn);
			buf_add(&date, "", 1);
			iso_date(&st.date, date.p);
		} else if (md_field(p, n, "语言", &v, &vn)) {
			set(&st.lang, v, vn);
		} else if (md_field(p, n, "原文链接", &v, &vn)) {
			/* [url](url), or the address alone */
			const char *o = memchr(v, '(', vn);

			if (o != NULL && v[vn - 1] == ')')
				set(&st.url, o + 1, (size_t)(v + vn - 1 - o - 1));
			else
				set(&st.url, v, vn);
		} else if (keep && !(n >= 2 && p[0] == '!' && p[1] == '[')) {
			add_field(p, n);
		}
	}
	if (initem)
		emit_story();
}

/* a Markdown digest of feeds: a # title, then "## 1. " items with fields */
static bool
is_digest(const char *p, size_t n)
{
	const char *h = memmem(p, n < 4096 ? n : 4096, "\n## 1. ", 7);

	return n > 2 && p[0] == '#' && p[1] == ' ' && h != NULL &&
	    memmem(h, (size_t)(p + n - h) < 2048 ? (size_t)(p + n - h) : 2048,
	    "：**", 5) != NULL;
}

/* ---- named fields: JSON Lines and CSV ------------------------------ */

/* the names a story's parts go by, as JSON fields and as CSV columns */
static const char *const n_texts[] = { "text", "content", "body", NULL };
static const char *const n_titles[] = { "title", "headline", NULL };
static const char *const n_ids[] = { "id", "guid", "docno", NULL };
static const char *const n_dates[] = { "date", "published", "pubDate",
	"time", NULL };
static const char *const n_urls[] = { "url", "link", NULL };
static const char *const n_authors[] = { "author", "byline", NULL };
static const char *const n_langs[] = { "lang", "language", NULL };

/* the value of the first of the names (NULL-ended) that has one, or NULL */
typedef const char *field_fn(void *ctx, const char *const *names,
    size_t *n);

static void
field_set(struct buf *b, field_fn *get, void *ctx, const char *const *names)
{
	size_t n;
	const char *v = get(ctx, names, &n);

	set(b, v, n);
}

/*
 * A story whose parts are named (a JSON object, a CSV row), written out:
 * the text and the title in the fields -t and -T name, or in the usual.
 */
static void
named_story(enum format f, uint64_t item, field_fn *get, void *ctx)
{
	static struct buf d;
	const char *tf[] = { text_field, NULL }, *hf[] = { title_field, NULL };
	const char *v;
	size_t n;

	story_reset(format_name[f]);
	field_set(&st.id, get, ctx, n_ids);
	if (st.id.n == 0)
		id_number(item);
	field_set(&st.title, get, ctx, title_field ? hf : n_titles);
	if ((v = get(ctx, n_dates, &n)) != NULL) {
		set(&d, v, n);
		buf_add(&d, "", 1);
		iso_date(&st.date, d.p);
	}
	field_set(&st.url, get, ctx, n_urls);
	field_set(&st.author, get, ctx, n_authors);
	field_set(&st.lang, get, ctx, n_langs);
	if ((v = get(ctx, text_field ? tf : n_texts, &n)) != NULL)
		add_field(v, n);
	emit_story();
}

/* ---- JSON Lines ---------------------------------------------------- */

/* a field_fn of a JSON object: strings, and integers as digits */
static const char *
json_field(void *ctx, const char *const *names, size_t *n)
{
	json_t *o = ctx;

	for (; *names != NULL; names++) {
		json_t *v = json_object_get(o, *names);

		if (json_is_string(v)) {
			*n = json_string_length(v);
			return json_string_value(v);
		}
		if (json_is_integer(v)) {
			static char num[24];

			snprintf(num, sizeof num, "%lld",
			    (long long)json_integer_value(v));
			*n = strlen(num);
			return num;
		}
	}
	*n = 0;
	return NULL;
}

/*
 * JSON Lines, an object a line, as corpus dumps write them: the text and
 * the title in fields -t and -T name, or in the usual ones.
 */
static void
jsonl(void)
{
	const char *p = text.p, *end = text.p + text.n;
	uint64_t item = 0;
	size_t n;

	for (; p < end; p += n + 1) {
		json_error_t e;
		json_t *o;

		n = line_len(p, end);
		if (n == 0 || (n == 1 && p[0] == '\r'))
			continue;
		item++;
		if ((o = json_loadb(p, n, JSON_DISABLE_EOF_CHECK, &e)) == NULL ||
		    !json_is_object(o)) {
			item_error(item, "%s; skipped", o == NULL ? e.text :
			    "not an object");
			json_decref(o);
			continue;
		}
		named_story(F_JSONL, item, json_field, o);
		json_decref(o);
	}
}

/* does p[0, n) open with a line that is a JSON object? */
static bool
is_jsonl(const char *p, size_t n)
{
	json_error_t e;
	json_t *o;
	bool yes;

	if (n == 0 || p[0] != '{')
		return false;
	o = json_loadb(p, line_len(p, p + n), JSON_DISABLE_EOF_CHECK, &e);
	yes = json_is_object(o);
	json_decref(o);
	return yes;
}

/* ---- CSV ----------------------------------------------------------- */

/*
 * The next record of RFC 4180 CSV from *p: its fields as slices into
 * one buffer (quotes taken off, "" made "), with *p past it; false at
 * the end, and *bad when a quote never closes.
 */
static bool
csv_record(const char **p, const char *end, struct buf *f, size_t *off,
    size_t *nf, size_t maxf, bool *bad)
{
	const char *q = *p;

	*nf = 0;
	*bad = false;
	f->n = 0;
	if (q >= end)
		return false;
	for (;;) {
		if (*nf < maxf)
			off[(*nf)++] = f->n;
		if (q < end && *q == '"') {
			for (q++;; q++) {
				if (q >= end) {
					*bad = true;
					*p = end;
					return true;
				}
				if (*q == '"') {
					if (q + 1 < end && q[1] == '"') {
						buf_add(f, "\"", 1);
						q++;
						continue;
					}
					q++;
					break;
				}
				buf_add(f, q, 1);
			}
		}
		while (q < end && *q != ',' && *q != '\n')
			buf_add(f, q++, 1);
		buf_add(f, "", 1);
		if (q >= end || *q == '\n') {
			*p = q < end ? q + 1 : end;
			return true;
		}
		q++;		/* the comma */
	}
}

/* a CSV row: the header's names, and the row's fields */
struct csv_row {
	char	**hdr;
	size_t	 nh;
	const struct buf *f;
	const size_t *off;
	size_t	 nf;
};

/* a field_fn of a CSV row: the first column of the names not empty */
static const char *
csv_field(void *ctx, const char *const *names, size_t *n)
{
	const struct csv_row *r = ctx;

	for (; *names != NULL; names++)
		for (size_t k = 0; k < r->nh && k < r->nf; k++)
			if (strcasecmp(r->hdr[k], *names) == 0 &&
			    r->f->p[r->off[k]] != '\0') {
				*n = strlen(r->f->p + r->off[k]);
				return r->f->p + r->off[k];
			}
	*n = 0;
	return NULL;
}

/*
 * CSV with a header, as spreadsheets and corpus tools write it (RFC
 * 4180: quotes around fields that hold commas, quotes or newlines): a
 * story a row, its columns named as in JSON Lines.
 */
static void
csv(void)
{
	static struct buf hb, f;
	static char *hdr[64];
	size_t hoff[64], off[64], nh, nf;
	const char *p = text.p, *end = text.p + text.n;
	struct csv_row row = { hdr, 0, &f, off, 0 };
	uint64_t item = 0;
	bool bad;

	if (!csv_record(&p, end, &hb, hoff, &nh, 64, &bad) || bad)
		return;
	for (size_t k = 0; k < nh; k++) {
		char *h = hb.p + hoff[k];

		h[strcspn(h, "\r")] = '\0';
		hdr[k] = h;
	}
	row.nh = nh;
	while (csv_record(&p, end, &f, off, &nf, 64, &bad)) {
		if (nf == 1 && f.p[0] == '\0')
			continue;		/* a blank line */
		item++;
		if (bad) {
			item_error(item, "a quote that never closes; skipped");
			break;
		}
		/* a CRLF line: the CR ends its last field */
		f.p[off[nf - 1] + strcspn(f.p + off[nf - 1], "\r")] = '\0';
		row.nf = nf;
		named_story(F_CSV, item, csv_field, &row);
	}
}

/* a first line that is a CSV header naming a text column */
static bool
is_csv(const char *p, size_t n)
{
	size_t len = line_len(p, p + n);
	const char *q = p, *end = p + len;

	if (memchr(p, ',', len) == NULL)
		return false;
	while (q < end) {
		size_t k = 0;

		while (q + k < end && q[k] != ',' && q[k] != '\r')
			k++;
		if (text_field != NULL && k == strlen(text_field) &&
		    strncasecmp(q, text_field, k) == 0)
			return true;
		for (const char *const *t = n_texts; *t != NULL; t++)
			if (k == strlen(*t) && strncasecmp(q, *t, k) == 0)
				return true;
		q += k + 1;
	}
	return false;
}

/* ---- documents ----------------------------------------------------- */

/* where the text of p[0, n) starts: past a byte order mark and spaces */
static size_t
text_start(const char *p, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && space((unsigned char)p[i]))
		i++;
	return i;
}

/*
 * Could a document that opens with p[0, n) be in a format inkfeed reads?
 * Blank lines say nothing yet; a first line of text that opens with
 * markup or a Markdown title does.
 */
static bool
opens_format(const char *p, size_t n)
{
	size_t i = text_start(p, n);

	return i == n || p[i] == '<' || p[i] == '{' || (p[i] == '#' &&
	    i + 1 < n && p[i + 1] == ' ') || is_csv(p + i, n - i);
}

/* what the document is, by its first bytes */
static enum format
detect(const char *p, size_t n)
{
	size_t i = text_start(p, n);
	const char *q = p + i;

	n -= i;
	if (is_digest(q, n))
		return F_DIGEST;
	if (is_jsonl(q, n))
		return F_JSONL;
	if (is_csv(q, n))
		return F_CSV;
	if (n < 5 || q[0] != '<')
		return F_PLAIN;
	if (memmem(q, n < 512 ? n : 512, "<REUTERS", 8) != NULL ||
	    opens(q, n, "<!DOCTYPE lewis", true))
		return F_REUTERS;
	if (opens(q, n, "<doc>", false) || opens(q, n, "<doclist>", false))
		return F_SOGOU;
	if (opens(q, n, "<?xml", false))
		return F_RSS;		/* XML: its root says which */
	for (size_t k = 0; k < sizeof xml_kinds / sizeof *xml_kinds; k++)
		if (opens(q + 1, n - 1, xml_kinds[k].tag, false))
			return F_RSS;
	if (opens(q, n, "<!doctype html", true) || opens(q, n, "<html", true) ||
	    opens(q, n, "<head", true) || opens(q, n, "<body", true))
		return F_HTML;
	return F_PLAIN;
}

/*
 * Would remake() write r as it came?  line_ is r's line, of len bytes;
 * its text is text[from, text.n), with its newline unless noeol.
 */
static bool
as_inkcat(const struct rec *r, size_t len, size_t from, bool noeol)
{
	size_t k = 1;

	for (uint64_t v = r->seq; v >= 10; v /= 10)
		k++;		/* its digits */

	/*
	 * Fields are canonical once parsed (rec.h): with the values right,
	 * the length tells that the digits are as remake() writes them.
	 */
	return r->art == 0 && r->seq == seq0 + nremade && !lastnoeol &&
	    (r->ntag == 0 || (noeol && r->ntag == 1 && slice_eq(r->tag[0],
	    "noeol=1"))) && len == doc.n + 3 + k + 6 + r->text.n +
	    (noeol ? 8 : 0) && (r->plain || memchr(text.p + from, '\n',
	    text.n - from - !noeol) == NULL);
}

/* the records not kept, written again into held from text[0, end) */
static void
remake(size_t end)
{
	const char *p = text.p, *e = text.p + end;
	char num[24];

	if (!remaking)
		return;
	for (size_t k = 0; k < nremade; k++) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t n = nl != NULL ? (size_t)(nl - p) : (size_t)(e - p);
		int d = snprintf(num, sizeof num, "%llu",
		    (unsigned long long)(seq0 + k));

		buf_add(&held, doc.p, doc.n);
		buf_add(&held, "\t0\t", 3);
		buf_add(&held, num, (size_t)d);
		buf_add(&held, "\tline\t", 6);
		held.n += esc_copy(buf_room(&held, 2 * n), p, n);
		if (nl == NULL)
			buf_add(&held, "\tnoeol=1", 8);
		buf_add(&held, "\n", 1);
		p = nl != NULL ? nl + 1 : e;
	}
	remaking = false;
	nremade = 0;
}

/* the document as it came */
static void
pass_held(void)
{
	remake(text.n);
	pass(held.p, held.n);
}

static void
end_doc(void)
{
	enum format f;

	if (!indoc)
		return;
	indoc = false;
	if (passing) {
		held.n = text.n = 0;
		return;
	}
	if (streaming != F_PLAIN) {
		stream_blocks(true);
		streaming = F_PLAIN;
		held.n = text.n = 0;
		return;
	}
	switch (f = detect(text.p, text.n)) {
	case F_REUTERS:
	case F_SOGOU:
		streaming = f;	/* too short to have been judged */
		stream_item = 0;
		stream_blocks(true);
		streaming = F_PLAIN;
		break;
	case F_HTML:
		html_page();
		break;
	case F_DIGEST:
		digest();
		break;
	case F_JSONL:
		jsonl();
		break;
	case F_CSV:
		csv();
		break;
	case F_RSS:
		if (xml_feed())
			break;
		/* FALLTHROUGH */
	default:
		pass_held();
		break;
	}
	held.n = text.n = 0;
	hand_over();
}

static void
take(void *ctx, const struct rec *r, const char *line_, size_t len)
{
	size_t n, before;
	bool noeol;

	(void)ctx;
	if (!slice_eq(r->kind, "line")) {
		/* records of another kind: past inkfeed's stage, as they are */
		end_doc();
		pass(line_, len);
		out_putc('\n');
		return;
	}
	if (indoc && (r->doc.n != doc.n || memcmp(r->doc.p, doc.p, doc.n) != 0))
		end_doc();
	if (!indoc) {
		set(&doc, r->doc.p, r->doc.n);
		indoc = true;
		passing = false;
		holding = true;
		judged = false;
		remaking = true;
		nremade = 0;
		seq0 = r->seq;
		lastnoeol = false;
	}
	if (passing) {
		pass(line_, len);
		out_putc('\n');
		return;
	}
	before = text.n;
	n = rec_unesc(r->text.p, r->text.n, buf_room(&text, r->text.n + 1));
	text.n += n;
	noeol = rec_tag(r, "noeol", 0) >= 0;
	if (!noeol)
		buf_add(&text, "\n", 1);
	if (holding) {
		if (remaking && as_inkcat(r, len, before, noeol)) {
			nremade++;
			lastnoeol = noeol;
		} else {
			remake(before);
			buf_add(&held, line_, len);
			buf_add(&held, "\n", 1);
		}
	}
	if (!judged && text.n >= 512) {
		/*
		 * Reuters', Sogou's and HTML pages are known by their first
		 * bytes and never pass through: their records need not be
		 * held (a quarter of the time on Reuters went to the memory).
		 */
		enum format f = detect(text.p, text.n);

		judged = true;
		holding = text.p[text_start(text.p, text.n)] != '<' || (f !=
		    F_REUTERS && f != F_SOGOU && f != F_HTML);
		if (!holding)
			held.n = nremade = 0;
		if (!holding && f != F_HTML) {
			streaming = f;
			stream_item = 0;
		}
	}
	if (streaming != F_PLAIN && find(text.p + before, text.n - before,
	    streaming == F_REUTERS ? "</REUTERS>" : "</doc>", streaming ==
	    F_REUTERS ? 10 : 6) != NULL)
		stream_blocks(false);
	if (holding && !opens_format(text.p, text.n)) {
		/* plain text: no need to hold it, nor memory to */
		pass_held();
		held.n = text.n = 0;
		passing = true;
	}
}

static void
start(size_t maxrec)
{
	(void)maxrec;
	LIBXML_TEST_VERSION
	xmlInitParser();
	xmlSetStructuredErrorFunc(NULL, xml_error);
	relay_start();
	out_on_flush(let_go);
}

static void
end(void)
{
	end_doc();
	let_go();
}

static const struct option longopts[] = {
	{ "text", required_argument, NULL, 't' },
	{ "title", required_argument, NULL, 'T' },
	OPT_LONGOPTS_COMMON
};

static bool
option(int c, char *arg)
{
	switch (c) {
	case 't':
		text_field = arg;
		return true;
	case 'T':
		title_field = arg;
		return true;
	default:
		return false;
	}
}

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "t:T:R:hV", longopts, help, option,
	    start, take, end };

	return opt_filter(&f, argc, argv);
}

