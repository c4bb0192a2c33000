/*
 * inknorm: clean text and real paragraphs out of the lines of a page.
 *
 * Reads ink records; "line" records (from inkcat or inkfeed) are
 * normalized (norm.h) and rebuilt into one "para" record per paragraph,
 * or "head" for a Markdown heading (para.h explains the heuristic).
 * Records of any other kind are taken as paragraphs already: normalized
 * and passed on, so "inknorm | inknorm" equals "inknorm".  SEQ becomes the
 * paragraph number and src=A-B names the lines a paragraph came from.
 *
 * Markdown: "#" to "######" headings become head records with level=N;
 * emphasis, code and link markup are reduced to their text; a line that
 * is only an image becomes a para of its alt text with img=SRC.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "md.h"
#include "norm.h"
#include "opt.h"
#include "out.h"
#include "para.h"
#include "rec.h"

static const char usage[] =
    "usage: inknorm [-hklV] [-F ascii|none] [-A keep|insert|strip] "
    "[-R size]\n";

static struct norm_opts nopts = { .fold_ascii = true };
/* -l: one paragraph per line, nothing rebuilt */
static bool perline;
/* the document being read: its name as in the stream, its ART */
static struct buf doc;
static uint64_t art, pseq;
static bool indoc;
/*
 * YAML front matter (a document opening with a "---" line, up to the
 * next): 0 not seen, 1 inside, 2 past.  Its lines are fields, never
 * joined.
 */
static int front;
/* invalid UTF-8 bytes in this document, replaced by U+FFFD */
static uint64_t invalid;
/* the paragraph being rebuilt */
static struct para builder;
/* a record's text normalized, and a line's again once markup is off */
static struct norm_out norm, renorm;
/* scratch: unescaped text, a line's tags, an image's or a field's tags */
static struct buf raw, linetags, imgtags;
/* Markdown: the state of the document's fences */
static struct md mdstate;

static void
help(void)
{
	printf("%s\n", usage);
	puts("Normalize text and rebuild paragraphs from ink line records.\n\n"
	    "  -l, --lines             one paragraph per line: normalize only\n"
	    "  -F, --fold=MODE         ascii (default): full-width ASCII to "
	    "ASCII;\n"
	    "                          none: leave it\n"
	    "  -k, --keep-cjk-punct    keep ，。：；！？（） full-width\n"
	    "  -A, --autospace=MODE    keep (default), insert or strip spaces\n"
	    "                          between CJK and Latin\n"
	    "  -R, --max-record=SIZE   skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help              show this help\n"
	    "  -V, --version           show the version\n\n"
	    "See inknorm(1).");
	exit(out_finish());
}

/* write one paragraph record */
static void
write_para(const char *text, size_t n, uint64_t first, uint64_t last,
    int level, const char *tags, size_t tagslen)
{
	rec_write_head((struct slice){ doc.p, doc.n }, art, ++pseq,
	    level > 0 ? (struct slice){ "head", 4 } : (struct slice){ "para",
	    4 });
	out_esc(text, n);
	out_str("\tsrc=");
	out_u64(first);
	out_putc('-');
	out_u64(last);
	if (level > 0) {
		out_str("\tlevel=");
		out_u64((uint64_t)level);
	}
	out_write(tags, tagslen);
	out_putc('\n');
}

static void
emit(void *ctx, const struct para_out *p)
{
	(void)ctx;
	if (p->cut)
		err_warn(doc.p, doc.n, (long long)p->last, "paragraph longer "
		    "than --max-record (%zu bytes); cut after this line",
		    builder.max);
	write_para(p->text, p->len, p->first, p->last, p->level, p->tags,
	    p->tagslen);
}

static void
end_doc(void)
{
	if (!indoc)
		return;
	para_flush(&builder);
	if (invalid > 0)
		err_warn(doc.p, doc.n, 0, "%llu invalid UTF-8 bytes replaced by "
		    "U+FFFD", (unsigned long long)invalid);
	indoc = false;
}

static void
begin_doc(const struct rec *r)
{
	end_doc();
	doc.n = 0;
	buf_add(&doc, r->doc.p, r->doc.n);
	art = r->art;
	pseq = 0;
	invalid = 0;
	indoc = true;
	front = 0;
	md_reset(&mdstate);
}

/* the tags of r that inknorm does not write itself, "\tKEY=VALUE" each */
static void
keep_tags(const struct rec *r, bool all)
{
	linetags.n = 0;
	for (size_t i = 0; i < r->ntag; i++) {
		struct slice k = tag_key(r->tag[i]);

		if (!all && (slice_eq(k, "noeol") || slice_eq(k, "src") ||
		    slice_eq(k, "level")))
			continue;
		buf_add(&linetags, "\t", 1);
		buf_add(&linetags, r->tag[i].p, r->tag[i].n);
	}
}

/*
 * Text with Markdown taken off, normalized again: what the markers stood
 * between may now touch (a ZWJ between two ideographs), or end a line.
 */
static void
renormalize(struct para_line *l)
{
	norm_text(&nopts, l->text, l->len, &renorm);
	l->text = renorm.text.p;
	l->len = renorm.nseg > 0 ? renorm.seg[0].len : 0;
	l->cols = renorm.nseg > 0 ? renorm.seg[0].cols : 0;
}

/* one segment of a line record's text, normalized */
static void
segment(const struct norm_seg *s, uint64_t seq, bool hardbreak)
{
	const char *p = norm.text.p + s->off;
	size_t n = s->len;
	struct para_line line;
	struct md_line m;

	if (n == 3 && memcmp(p, "---", 3) == 0 && front < 2 &&
	    (front == 1 || pseq + builder.nlines == 0)) {
		front++;
		para_blank(&builder);
		return;
	}
	md_read(&mdstate, p, n, s->markup, &m);
	if (m.blank) {
		para_blank(&builder);
		return;
	}
	if (m.imglen > 0) {
		line = (struct para_line){ m.text, m.len, 0, seq, false, 0,
		    false, false, NULL, 0 };
		renormalize(&line);
		/* an image: a paragraph of its own, its source tagged */
		para_flush(&builder);
		imgtags.n = 0;
		buf_add(&imgtags, "\timg=", 5);
		imgtags.n += esc_copy(buf_room(&imgtags, 2 * m.imglen), m.img,
		    m.imglen);
		buf_add(&imgtags, linetags.p, linetags.n);
		write_para(line.text, line.len, seq, seq, 0, imgtags.p,
		    imgtags.n);
		return;
	}
	/* a heading's markers are ASCII: one column a byte */
	line = (struct para_line){ m.text, m.len, s->cols - (n - m.len), seq,
	    s->indent,
	    m.level, m.alone || front == 1, m.starts, linetags.p, linetags.n };
	if (front == 1) {
		/* a field of the front matter, tagged so for inksplit */
		imgtags.n = 0;
		buf_add(&imgtags, "\tfront=1", 8);
		buf_add(&imgtags, linetags.p, linetags.n);
		line.tags = imgtags.p;
		line.tagslen = imgtags.n;
	}
	if (m.changed)
		renormalize(&line);
	if (line.len == 0) {
		para_blank(&builder);
		return;
	}
	para_line(&builder, &line);
	if (m.level > 0 || hardbreak)
		para_flush(&builder);
}

/* does the raw line end in a Markdown hard break (two spaces)? */
static bool
hard_break(const char *p, size_t n)
{
	if (n > 0 && p[n - 1] == '\r')
		n--;
	return n >= 2 && p[n - 1] == ' ' && p[n - 2] == ' ';
}

/*
 * A record that is a paragraph already (para, head, or a role inksplit
 * gave): its text normalized, its kind and tags as they were.
 */
static void
pass_on(const struct rec *r)
{
	para_flush(&builder);
	rec_write_head((struct slice){ doc.p, doc.n }, r->art, ++pseq, r->kind);
	for (size_t i = 0; i < norm.nseg; i++) {
		if (i > 0 && norm.seg[i].len > 0)
			out_putc(' ');
		out_esc(norm.text.p + norm.seg[i].off, norm.seg[i].len);
	}
	out_write(linetags.p, linetags.n);
	out_putc('\n');
}

static void
take(void *ctx, const struct rec *r, const char *line, size_t len)
{
	const char *dst = r->text.p;
	size_t n = r->text.n;
	bool isline = slice_eq(r->kind, "line");

	(void)ctx;
	(void)line;
	(void)len;
	if (!r->plain) {
		char *d = buf_room(&raw, r->text.n);

		n = rec_unesc(r->text.p, r->text.n, d);
		dst = d;
	}
	if (!indoc || r->doc.n != doc.n || memcmp(r->doc.p, doc.p, doc.n))
		begin_doc(r);
	norm_text(&nopts, dst, n, &norm);
	invalid += norm.invalid;
	keep_tags(r, !isline);
	if (!isline) {
		pass_on(r);
		return;
	}
	if (perline) {
		for (size_t i = 0; i < norm.nseg; i++)
			if (norm.seg[i].len > 0)
				write_para(norm.text.p + norm.seg[i].off,
				    norm.seg[i].len, r->seq, r->seq, 0,
				    linetags.p, linetags.n);
		return;
	}
	for (size_t i = 0; i < norm.nseg; i++) {
		segment(&norm.seg[i], r->seq, i + 1 == norm.nseg &&
		    hard_break(dst, n));
		if (norm.seg[i].end == SEG_PARA)
			para_break(&builder);
	}
}

static void
set_mode(const char *opt, const char *arg, const char *const names[],
    int *mode)
{
	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(arg, names[i]) == 0) {
			*mode = i;
			return;
		}
	err_usage(usage, "%s: unknown mode %s", opt, arg);
}

/* every long option has a short twin */
static const struct option longopts[] = {
	{ "lines", no_argument, NULL, 'l' },
	{ "fold", required_argument, NULL, 'F' },
	{ "keep-cjk-punct", no_argument, NULL, 'k' },
	{ "autospace", required_argument, NULL, 'A' },
	OPT_LONGOPTS_COMMON
};

static bool
option(int c, char *arg)
{
	static const char *const folds[] = { "none", "ascii", NULL };
	static const char *const spaces[] = { "keep", "insert", "strip", NULL };
	int mode;

	switch (c) {
	case 'l':
		perline = true;
		return true;
	case 'F':
		set_mode("--fold", arg, folds, &mode);
		nopts.fold_ascii = mode == 1;
		return true;
	case 'k':
		nopts.keep_cjk_punct = true;
		return true;
	case 'A':
		set_mode("--autospace", arg, spaces, &mode);
		nopts.autospace = (enum autospace)mode;
		return true;
	default:
		return false;
	}
}

static void
start(size_t maxrec)
{
	para_init(&builder, maxrec, emit, NULL);
}

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "lF:kA:R:hV", longopts, help,
	    option, start, take, end_doc };

	return opt_filter(&f, argc, argv);
}
