/*
 * fuzz_dedup: inkdedup's state loader and its verdicts.  The first byte
 * picks the options (-e, -m, -D) and what the rest is:
 *
 * - a state file, as it is, or behind a head made for the options and
 *   with its checksum made right, so that the loader's checks past the
 *   checksum are reached.  A state must be refused or loaded, never read
 *   out of bounds; one loaded must save, and load again, and each key
 *   of its tables be found by a look-up.
 * - paragraphs, one a line, through inkdedup's own take(): what comes out
 *   is what went in less some lines, in order, every short one kept
 *   (but with -A, where it goes with its article); and a second pass over
 *   it, from empty tables, drops nothing (but with -A and -m).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define main inkdedup_main
#include "../cmd/inkdedup.c"
#undef main

static void
end_doc(void)
{
	end();
}

#include "feed.h"

static void
reset(void)
{
	gen_free(&gens[0]);
	gen_free(&gens[1]);
	lastdoc.n = 0;
	lastart = 0;
	nheld = 0;
	artbuf.n = 0;
	artchars = artdup = 0;
}

/*
 * Every key a table holds is found where a look-up goes, with its ref:
 * growing in place keeps the slots between a key's bucket and the key
 * full.
 */
static void
check_table(const struct table *t)
{
	size_t n = 0;

	for (size_t i = 0; i < t->nbucket * WORDS; i++) {
		uint32_t ref = UINT32_MAX;
		bool found;

		if (!is_slot(t, i) || t->key[i] == 0)
			continue;
		n++;
		if (slot_of(t, t->key[i], &found) != i || !found ||
		    !table_has(t, t->key[i], &ref) || (t->slots == REFD &&
		    ref != ref_get(t, i)))
			abort();
	}
	if (n != t->n)
		abort();
}

static void
check_tables(void)
{
	for (int g = 0; g < 2; g++) {
		check_table(&gens[g].exact);
		check_table(&gens[g].near);
	}
}

/* one state file, checked through a save and a second load */
static void
state(const uint8_t *data, size_t size, bool wrap)
{
	struct buf b = { 0 };
	uint32_t head[6] = { VERSION, ORDER, SHINGLE_WORDS << 8 | SHINGLE_CJK,
	    WINDOW_WORDS << 8 | WINDOW_CJK, (uint32_t)min_chars, flags() };
	uint64_t sum;
	char path[] = "/tmp/fuzz-dedup-XXXXXX";
	int fd;
	FILE *f;
	long n;
	unsigned char *again;

	if (wrap) {
		buf_add(&b, MAGIC, 8);
		buf_add(&b, head, sizeof head);
		buf_add(&b, data, size);
		sum = XXH3_64bits(b.p, b.n);
		buf_add(&b, &sum, 8);
	} else {
		buf_room(&b, 1);	/* never NULL, as load_state() reads */
		buf_add(&b, data, size);
	}
	reset();
	if (state_parse((const unsigned char *)b.p, b.n) != NULL) {
		buf_free(&b);
		return;
	}
	check_tables();
	/* loaded: saved, it loads again */
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	state_path = path;
	save_state();
	state_path = NULL;
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (n = ftell(f)) < 0)
		abort();
	rewind(f);
	again = malloc((size_t)n + 1);
	if (fread(again, 1, (size_t)n, f) != (size_t)n)
		abort();
	fclose(f);
	unlink(path);
	reset();
	if (state_parse(again, (size_t)n) != NULL)
		abort();
	check_tables();
	free(again);
	buf_free(&b);
}

/* the lines of data as records of one document */
static char *
records(const uint8_t *data, size_t size, size_t *len)
{
	struct buf b = { 0 };
	char head[64];
	uint64_t seq = 0;

	for (size_t i = 0; i < size;) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t end = nl ? (size_t)(nl - data) : size;

		snprintf(head, sizeof head, "d\t%llu\t%llu\tpara\t",
		    (unsigned long long)(seq / 4 + 1),
		    (unsigned long long)seq + 1);
		seq++;
		buf_add(&b, head, strlen(head));
		b.n += esc_copy(buf_room(&b, 2 * (end - i) + 1), data + i,
		    end - i);
		buf_add(&b, "\n", 1);
		i = end + 1;
	}
	*len = b.n;
	return b.p;
}

/* out is in less some lines, in order, the short ones all there */
static void
check(const char *in, size_t inlen, const char *out, size_t outlen)
{
	const char *p = in, *o = out, *end = in + inlen, *oend = out + outlen;
	struct rec r;

	rec_init(&r);
	for (; p < end; p = memchr(p, '\n', (size_t)(end - p)) + 1) {
		size_t n = (size_t)((const char *)memchr(p, '\n',
		    (size_t)(end - p)) - p);
		bool same = (size_t)(oend - o) > n && memcmp(o, p, n) == 0 &&
		    (o[n] == '\n' || mark);

		if (rec_parse(&r, p, n) != NULL)
			abort();
		/* with -A a short one goes with its article */
		if (utf8_chars(r.text.p, r.text.n) < min_chars && !same &&
		    !invert && !articles)
			abort();	/* a short paragraph dropped */
		if (same)
			o = memchr(o, '\n', (size_t)(oend - o)) + 1;
	}
	if (o != oend)
		abort();	/* a line made up, or out of order */
	rec_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t inlen, outlen, againlen;
	char *in, *out, *again;

	err_init("inkdedup");
	sort_ascii();
	if (size < 1)
		return 0;
	exact_only = data[0] & 2;
	mark = data[0] & 4;
	fold_digits = data[0] & 8;
	articles = (data[0] & 0x30) == 0x30;
	refs = mark || !exact_only;
	if (data[0] & 1) {
		state(data + 1, size - 1, data[0] & 0x80);
		return 0;
	}
	reset();
	if ((in = records(data + 1, size - 1, &inlen)) == NULL)
		return 0;	/* no lines */
	out = feed(in, inlen, &outlen);
	check(in, inlen, out, outlen);
	check_tables();
	if (!mark && !articles) {
		reset();
		again = feed(out, outlen, &againlen);
		if (againlen != outlen || memcmp(again, out, outlen) != 0)
			abort();
		free(again);
	}
	free(in);
	free(out);
	return 0;
}
