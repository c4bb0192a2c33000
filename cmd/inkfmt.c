/*
 * inkfmt: render ink records (ink(5)) for people and other tools.
 *
 *	-r  the original bytes (the inverse of inkcat)
 *	-t  plain text (the default)
 *	-m  Markdown
 *	-j  JSON Lines, one object per record
 *	-f  a TSV table of chosen columns
 *	-a  with -t, -m or -j: one block or object per article
 *
 * JSON must be valid UTF-8, so -j writes U+FFFD for each invalid byte and
 * says how many on stderr; every other mode writes the bytes as they are.
 * With -a, records are gathered per DOC and ART; before inksplit has run
 * (ART 0) that is a whole document, held in memory until it ends.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "rec.h"
#include "utf8.h"

static const char usage[] =
    "usage: inkfmt [-ahHjmrtV] [-f column,...] [-R size]\n";

enum mode { RAW, TEXT, MARKDOWN, JSON, TABLE };

/* the output mode, and whether records are gathered into articles */
static enum mode mode = TEXT;
static bool articles;
/* -f: the columns, split at commas, and whether to print their names */
static char **cols;
static size_t ncols;
static bool header;
/* what the previous record was, to place separators between them */
static struct buf prevdoc;
static uint64_t prevart;
static bool first = true, prevline;
/* scratch for unescaped text */
static struct buf scratch;
/* JSON: invalid UTF-8 bytes replaced so far */
static uint64_t replaced;
/* -a: the current article's records, stored as lines end to end */
static struct buf art;

/* tags gathered from an article's records into its own object or block */
static const char *const gathered[] = {
	"dl", "by", "feed", "title", "date", "url", "author", "lang",
};

static void
help(void)
{
	printf("%s\n", usage);
	puts("Render ink records from stdin.\n\n"
	    "  -r, --raw             the original bytes back (inverse of "
	    "inkcat)\n"
	    "  -t, --text            plain text for people (default)\n"
	    "  -m, --markdown        Markdown\n"
	    "  -j, --json            JSON Lines\n"
	    "  -f, --fields=COLS     TSV of doc,art,seq,kind,text and tag "
	    "names\n"
	    "  -H, --header          with -f, a first line of column names\n"
	    "  -a, --articles        one block or object per article\n"
	    "  -R, --max-record=SIZE skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n\n"
	    "See inkfmt(1).");
	exit(out_finish());
}

/* the unescaped bytes of an escaped field, valid until the next call */
static struct slice
unesc(struct slice f)
{
	char *p = buf_room(&scratch, f.n);

	return (struct slice){ p, rec_unesc(f.p, f.n, p) };
}

/* ---- JSON ---- */

/* a JSON string of bytes, invalid UTF-8 replaced */
static json_t *
jstr_bytes(struct slice u)
{
	size_t bad = utf8_count_invalid(u.p, u.n);
	const unsigned char *p = (const unsigned char *)u.p;
	char *clean, *d;
	json_t *j;

	if (bad == 0)
		return json_stringn_nocheck(u.p, u.n);
	replaced += bad;
	d = clean = xmalloc(u.n + 2 * bad);
	for (size_t i = 0; i < u.n;) {
		uint32_t cp;
		size_t len = utf8_decode(p + i, u.n - i, &cp);

		if (len == 0) {
			d += utf8_encode(UTF8_REPLACEMENT, d);
			i++;
		} else {
			memcpy(d, p + i, len);
			d += len;
			i += len;
		}
	}
	j = json_stringn_nocheck(clean, (size_t)(d - clean));
	free(clean);
	return j;
}

/* a JSON string of an escaped field */
static json_t *
jstr(struct slice f)
{
	return jstr_bytes(unesc(f));
}

static void
jset(json_t *obj, const char *key, json_t *v)
{
	if (v == NULL || json_object_set_new(obj, key, v) != 0)
		err_fatal("out of memory");
}

/* add a value under key: a string, or a list once the key repeats */
static void
jadd(json_t *obj, struct slice key, json_t *v)
{
	json_t *old, *list;

	if ((old = json_object_getn(obj, key.p, key.n)) == NULL) {
		if (json_object_setn_new(obj, key.p, key.n, v) != 0)
			err_fatal("out of memory");
	} else if (json_is_array(old)) {
		json_array_append_new(old, v);
	} else {
		list = json_array();
		json_array_append(list, old);
		json_array_append_new(list, v);
		json_object_setn_new(obj, key.p, key.n, list);
	}
}

static int
jwrite(const char *buf, size_t n, void *ctx)
{
	(void)ctx;
	out_write(buf, n);
	return 0;
}

static void
jprint(json_t *obj)
{
	if (json_dump_callback(obj, jwrite, NULL, JSON_COMPACT) != 0)
		err_fatal("cannot encode JSON");
	out_putc('\n');
	json_decref(obj);
}

static json_t *
jhead(const struct rec *r)
{
	json_t *o = json_object();

	jset(o, "doc", jstr(r->doc));
	jset(o, "art", json_integer((json_int_t)r->art));
	return o;
}

static void
json_record(const struct rec *r)
{
	json_t *o = jhead(r), *tags = json_object();

	jset(o, "seq", json_integer((json_int_t)r->seq));
	jset(o, "kind", json_stringn(r->kind.p, r->kind.n));
	jset(o, "text", jstr(r->text));
	for (size_t i = 0; i < r->ntag; i++)
		jadd(tags, tag_key(r->tag[i]), jstr(tag_value(r->tag[i])));
	jset(o, "tags", tags);
	jprint(o);
}

/* ---- records one by one ---- */

static bool
same_doc(const struct rec *r)
{
	return r->doc.n == prevdoc.n &&
	    memcmp(r->doc.p, prevdoc.p, prevdoc.n) == 0;
}

static void
remember_doc(const struct rec *r)
{
	prevdoc.n = 0;
	buf_add(&prevdoc, r->doc.p, r->doc.n);
	prevart = r->art;
}

static void
remember(const struct rec *r)
{
	remember_doc(r);
	prevline = slice_eq(r->kind, "line");
	first = false;
}

static void
raw_record(const struct rec *r)
{
	struct slice t = unesc(r->text);

	out_write(t.p, t.n);
	if (rec_tag(r, "noeol", 0) < 0)
		out_putc('\n');
}

/* what stands between two articles or documents */
static const char *
rule(void)
{
	return mode == MARKDOWN ? "\n---\n\n" :
	    "\n----------------------------------------\n\n";
}

/* a blank line between paragraphs, a rule between articles/documents */
static void
separate(const struct rec *r, const char *rule)
{
	bool line = slice_eq(r->kind, "line");

	if (first)
		return;
	if (!same_doc(r) || r->art != prevart)
		out_str(rule);
	else if (!(line && prevline))
		out_putc('\n');
}

static void
markdown_prefix(const struct rec *r, struct slice t)
{
	long lv;

	if (slice_eq(r->kind, "title"))
		out_str("# ");
	else if (slice_eq(r->kind, "deck"))
		out_str("## ");
	else if (slice_eq(r->kind, "section"))
		out_str("### ");
	else if (slice_eq(r->kind, "head") && (lv = rec_tag(r, "level", 0))
	    >= 0) {
		struct slice v = tag_value(r->tag[lv]);
		int n = v.n == 1 && v.p[0] >= '1' && v.p[0] <= '6' ?
		    v.p[0] - '0' : 2;

		out_write("######", (size_t)n);
		out_putc(' ');
	} else if (t.n > 0 && strchr("#>-+*=|", t.p[0]) != NULL) {
		/* body text that Markdown would read as markup */
		out_putc('\\');
	}
}

static bool
is_emphasized(const struct rec *r)
{
	return slice_eq(r->kind, "kicker") || slice_eq(r->kind, "caption") ||
	    slice_eq(r->kind, "credit");
}

static void
text_record(const struct rec *r)
{
	struct slice t;

	separate(r, rule());
	t = unesc(r->text);
	if (mode == MARKDOWN) {
		markdown_prefix(r, t);
		if (is_emphasized(r))
			out_putc('*');
	}
	out_write(t.p, t.n);
	if (mode == MARKDOWN && is_emphasized(r))
		out_putc('*');
	out_putc('\n');
}

static void
table_record(const struct rec *r)
{
	for (size_t c = 0; c < ncols; c++) {
		const char *col = cols[c];

		if (c > 0)
			out_putc('\t');
		if (strcmp(col, "doc") == 0)
			out_write(r->doc.p, r->doc.n);
		else if (strcmp(col, "art") == 0)
			out_u64(r->art);
		else if (strcmp(col, "seq") == 0)
			out_u64(r->seq);
		else if (strcmp(col, "kind") == 0)
			out_write(r->kind.p, r->kind.n);
		else if (strcmp(col, "text") == 0)
			out_write(r->text.p, r->text.n);
		else
			for (long i = rec_tag(r, col, 0), k = 0; i >= 0;
			    i = rec_tag(r, col, (size_t)i + 1), k++) {
				struct slice v = tag_value(r->tag[i]);

				if (k > 0)
					out_putc(';');
				out_write(v.p, v.n);
			}
	}
	out_putc('\n');
}

static void
render(const struct rec *r)
{
	switch (mode) {
	case RAW:
		raw_record(r);
		break;
	case TEXT:
	case MARKDOWN:
		text_record(r);
		break;
	case JSON:
		json_record(r);
		break;
	case TABLE:
		table_record(r);
		break;
	}
	remember(r);
}

/* ---- whole articles (-a) ---- */

/* where each kind of record goes in an article; the rest is its text */
enum field { TITLE, KICKER, DECK, DATELINE, BYLINE, TEXT_, CAPTION,
	CREDIT, NOTE, NFIELD, NONE };

static const struct {
	const char *kind;
	enum field field;
} roles[] = {
	{ "title", TITLE }, { "kicker", KICKER }, { "deck", DECK },
	{ "dateline", DATELINE }, { "byline", BYLINE }, { "caption", CAPTION },
	{ "credit", CREDIT }, { "note", NOTE }, { "figure", NONE },
};

static const char *const fieldname[NFIELD] = {
	"title", "kicker", "deck", "dateline", "byline", "text", "caption",
	"credit", "note",
};

static enum field
field_of(struct slice kind)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (slice_eq(kind, roles[i].kind))
			return roles[i].field;
	return TEXT_;
}

static bool
is_gathered(struct slice key)
{
	for (size_t i = 0; i < sizeof gathered / sizeof gathered[0]; i++) {
		size_t n = strlen(gathered[i]);

		if (key.n >= n && memcmp(key.p, gathered[i], n) == 0 &&
		    (key.n == n || key.p[n] == '.'))
			return true;
	}
	return false;
}

static void
article_text(struct buf f[NFIELD])
{
	static const char *const md[NFIELD][2] = {
		[TITLE] = { "# ", "" }, [KICKER] = { "*", "*" },
		[DECK] = { "## ", "" }, [CAPTION] = { "*", "*" },
		[CREDIT] = { "*", "*" },
	};
	static const enum field order[] = {
		KICKER, TITLE, DECK, DATELINE, BYLINE, TEXT_, CAPTION, CREDIT,
		NOTE,
	};
	bool any = false;

	if (!first)
		out_str(rule());
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		enum field k = order[i];

		if (f[k].n == 0)
			continue;
		if (any)
			out_putc('\n');
		any = true;
		if (mode == MARKDOWN && md[k][0] != NULL)
			out_str(md[k][0]);
		out_write(f[k].p, f[k].n);
		if (mode == MARKDOWN && md[k][1] != NULL)
			out_str(md[k][1]);
		out_putc('\n');
	}
}

static void
article_json(const struct rec *r, struct buf f[NFIELD], json_t *tags)
{
	json_t *o = jhead(r);

	for (int k = 0; k < NFIELD; k++)
		if (f[k].n > 0 || k == TITLE || k == TEXT_)
			jset(o, fieldname[k], jstr_bytes((struct slice){
			    f[k].p ? f[k].p : "", f[k].n }));
	jset(o, "tags", tags);
	jprint(o);
}

/* render the article gathered in art[], then forget it */
static void
flush_article(void)
{
	static struct rec r;
	struct buf f[NFIELD] = { { 0 } };
	json_t *tags = mode == JSON ? json_object() : NULL;
	bool wasline = false;

	for (size_t off = 0; off < art.n;) {
		char *nl = memchr(art.p + off, '\n', art.n - off);
		enum field k;
		struct slice t;
		bool line;

		rec_parse(&r, art.p + off, (size_t)(nl - (art.p + off)));
		off = (size_t)(nl - art.p) + 1;
		if ((k = field_of(r.kind)) == NONE)
			continue;
		line = slice_eq(r.kind, "line");
		if (f[k].n > 0)
			buf_add(&f[k], k <= BYLINE ? " " : line && wasline ?
			    "\n" : "\n\n", k <= BYLINE ? 1 : line &&
			    wasline ? 1 : 2);
		wasline = line;
		t = unesc(r.text);
		buf_add(&f[k], t.p, t.n);
		for (size_t i = 0; tags != NULL && i < r.ntag; i++)
			if (is_gathered(tag_key(r.tag[i])))
				jadd(tags, tag_key(r.tag[i]),
				    jstr(tag_value(r.tag[i])));
	}
	if (mode == JSON)
		article_json(&r, f, tags);
	else
		article_text(f);
	for (int k = 0; k < NFIELD; k++)
		buf_free(&f[k]);
	art.n = 0;
	first = false;
}

static void
gather(const struct rec *r, const char *line, size_t len)
{
	if (art.n > 0 && (!same_doc(r) || r->art != prevart))
		flush_article();
	buf_add(&art, line, len);
	buf_add(&art, "\n", 1);
	remember_doc(r);
}

/* ---- options and the main loop ---- */

static void
set_columns(char *list)
{
	for (char *c = strtok(list, ","); c != NULL; c = strtok(NULL, ",")) {
		cols = xrealloc(cols, (ncols + 1) * sizeof *cols);
		cols[ncols++] = c;
	}
	if (ncols == 0)
		err_usage(usage, "-f needs at least one column");
}

static void
check_options(void)
{
	if (articles && (mode == RAW || mode == TABLE))
		err_usage(usage, "-a goes with -t, -m or -j");
	if (header && mode != TABLE)
		err_usage(usage, "-H goes with -f");
}

static void
take(void *ctx, const struct rec *r, const char *line, size_t len)
{
	(void)ctx;
	if (articles)
		gather(r, line, len);
	else
		render(r);
}

static void
print_header(void)
{
	for (size_t c = 0; c < ncols; c++) {
		if (c > 0)
			out_putc('\t');
		out_str(cols[c]);
	}
	out_putc('\n');
}

/* every long option has a short twin */
static const struct option longopts[] = {
	{ "raw", no_argument, NULL, 'r' },
	{ "text", no_argument, NULL, 't' },
	{ "markdown", no_argument, NULL, 'm' },
	{ "json", no_argument, NULL, 'j' },
	{ "fields", required_argument, NULL, 'f' },
	{ "header", no_argument, NULL, 'H' },
	{ "articles", no_argument, NULL, 'a' },
	OPT_LONGOPTS_COMMON
};

static bool
option(int c, char *arg)
{
	switch (c) {
	case 'r':
		mode = RAW;
		return true;
	case 't':
		mode = TEXT;
		return true;
	case 'm':
		mode = MARKDOWN;
		return true;
	case 'j':
		mode = JSON;
		return true;
	case 'f':
		mode = TABLE;
		set_columns(arg);
		return true;
	case 'H':
		header = true;
		return true;
	case 'a':
		articles = true;
		return true;
	default:
		return false;
	}
}

static void
start(size_t maxrec)
{
	(void)maxrec;
	check_options();
	if (header)
		print_header();
}

static void
end(void)
{
	if (art.n > 0)
		flush_article();
	if (replaced > 0)
		err_warn(NULL, 0, 0, "%llu invalid UTF-8 bytes written as "
		    "U+FFFD in JSON", (unsigned long long)replaced);
}

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "rtmjf:HaR:hV", longopts,
	    help, option, start, take, end };

	return opt_filter(&f, argc, argv);
}
