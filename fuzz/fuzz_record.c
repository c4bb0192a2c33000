/*
 * fuzz_record: the record parser and writer.  A line that parses is
 * unescaped field by field, escaped again and parsed again: both parses
 * must agree, and escaping must give back the original bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "rec.h"

static void
same(struct slice a, struct slice b)
{
	if (a.n != b.n || memcmp(a.p, b.p, a.n) != 0)
		abort();
}

/* unescape, re-escape: the bytes must come back */
static void
round_trip(struct slice f)
{
	char *raw = malloc(f.n + 1), *again;
	size_t n = rec_unesc(f.p, f.n, raw), m;

	again = malloc(esc_len(raw, n) + 1);
	m = esc_copy(again, raw, n);
	same(f, (struct slice){ again, m });
	free(raw);
	free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec a, b;
	char *line = malloc(size + 1);
	const char *nl;

	/* one record per input, up to its first newline */
	memcpy(line, data, size);
	nl = memchr(line, '\n', size);
	if (nl != NULL)
		size = (size_t)(nl - line);
	rec_init(&a);
	rec_init(&b);
	if (rec_parse(&a, line, size) == NULL) {
		round_trip(a.doc);
		round_trip(a.text);
		for (size_t i = 0; i < a.ntag; i++)
			round_trip(tag_value(a.tag[i]));
		if (rec_parse(&b, line, size) != NULL || a.art != b.art ||
		    a.seq != b.seq || a.ntag != b.ntag)
			abort();
		same(a.doc, b.doc);
		same(a.kind, b.kind);
		same(a.text, b.text);
	}
	rec_free(&a);
	rec_free(&b);
	free(line);
	return 0;
}
