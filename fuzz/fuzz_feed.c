/*
 * fuzz_feed: inkfeed, the format detector and each reader.  The first
 * byte picks an opening to put before the rest (an RSS, Atom or RDF
 * root, Reuters' doctype, Sogou's <doc>, an HTML doctype, a digest's
 * title, a JSON line, a CSV header, a NITF or a NewsML-G2 story's start,
 * or none), so that every reader is reached; the whole is one
 * document, a line record a line.  What comes out must be records, line
 * records whose SEQ counts from 1 in each DOC, and nothing may crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define main inkfeed_main
#include "../cmd/inkfeed.c"
#undef main

#include "feed.h"

static void
check(const char *out, size_t outlen)
{
	struct rec r;
	const char *o = out, *on;
	static struct buf last;
	uint64_t seq = 0;

	rec_init(&r);
	last.n = 0;
	for (; o < out + outlen; o = on + 1) {
		if ((on = memchr(o, '\n', (size_t)(out + outlen - o))) == NULL ||
		    rec_parse(&r, o, (size_t)(on - o)) != NULL ||
		    !slice_eq(r.kind, "line"))
			abort();
		if (r.doc.n != last.n || memcmp(r.doc.p, last.p, last.n) != 0) {
			set(&last, r.doc.p, r.doc.n);
			seq = 0;
		}
		if (r.seq != ++seq && !(seq == 1 && r.seq == 1))
			seq = r.seq;	/* a document passed through as it was */
	}
	rec_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const open[] = { "",
		"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
		"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">\n",
		"<doc>\n", "<!DOCTYPE html>\n<html><body>\n",
		"# T\n\n## 1. a\n\n**来源：** x\n\n### 摘要\n\n",
		"{\"title\": \"t\", \"text\": \"", "id,title,text\n",
		"<nitf><head><docdata><date.issue norm=\"20260124T1030Z\"/>"
		"</docdata></head><body><body.head><dateline>X</dateline>"
		"</body.head><body.content>\n",
		"<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
		"<itemSet><newsItem guid=\"g\"><contentMeta><dateline>X"
		"</dateline></contentMeta><contentSet><inlineXML>\n" };
	static bool ready;
	struct buf in = { 0 }, doc1 = { 0 };
	size_t outlen;
	uint64_t seq = 0;
	char *out, head[32];
	size_t nopen = sizeof open / sizeof *open;

	if (!ready) {
		err_init("inkfeed");
		start(0);
		ready = true;
	}
	if (size == 0)
		return 0;
	buf_add(&doc1, open[data[0] % nopen], strlen(open[data[0] % nopen]));
	buf_add(&doc1, data + 1, size - 1);
	for (size_t i = 0; i < doc1.n;) {
		const char *nl = memchr(doc1.p + i, '\n', doc1.n - i);
		size_t end = nl ? (size_t)(nl - doc1.p) : doc1.n;

		snprintf(head, sizeof head, "d\t0\t%llu\tline\t",
		    (unsigned long long)++seq);
		buf_add(&in, head, strlen(head));
		in.n += esc_copy(buf_room(&in, 2 * (end - i) + 1), doc1.p + i,
		    end - i);
		if (nl == NULL)
			buf_add(&in, "\tnoeol=1", 8);
		buf_add(&in, "\n", 1);
		i = end + 1;
	}
	if (in.n == 0) {
		buf_free(&doc1);
		return 0;
	}
	out = feed(in.p, in.n, &outlen);
	check(out, outlen);
	buf_free(&in);
	buf_free(&doc1);
	free(out);
	return 0;
}
