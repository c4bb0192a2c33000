/*
 * inkdedup: the first copy of every paragraph kept, the later ones dropped.
 *
 * A paragraph's key is its text folded: full-width forms to ASCII, lower
 * case, digits to 0 with -D, punctuation, spaces and controls gone,
 * and a leading dateline and byline cut off when inkdateline(1) and
 * inkbyline(1) tagged them.  Exact copies share the 64-bit xxh3 of the
 * key.  Near copies share shingles: runs of tokens of the key (an
 * ideograph, a symbol, a word, or in text of mostly ideographs a letter
 * each), sampled by winnowing; a paragraph at least -t of whose samples
 * one earlier paragraph holds is a near copy of it.
 *
 * Paragraphs kept add to the tables, near copies what the tables lack
 * in the name of what they copy, so a second pass over the output drops
 * nothing.  The tables are kept in two generations: when the
 * newer reaches half of --max-memory the older is forgotten.  With -s
 * they are loaded from a state file and saved back to it at the end.
 *
 * Reading and folding take about as long as the look-ups, which wait on
 * memory: one thread reads, folds and samples a batch of paragraphs
 * while a second judges the batch before it, and only the second
 * touches the tables.  A batch is let go whenever a read would wait.
 */
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "buf.h"
#include "err.h"
#include "in.h"
#include "norm.h"
#include "opt.h"
#include "out.h"
#include "rec.h"
#include "relay.h"
#include "utf8.h"

static const char usage[] =
    "usage: inkdedup [-ADdehmnvV] [-t fraction] [-c chars] [-s state]\n"
    "                [-M size] [-R size] [--keys | --reduce]\n";

/*
 * A shingle spans about as much text in either script: 5 words, or 7
 * ideographs; a window of 4 or 6 shingles gives one sample in 2.5 or 3.5.
 * The sizes were chosen on the labelled corpus (bench/dedup.sh).
 */
#define SHINGLE_WORDS	5
#define WINDOW_WORDS	4
#define SHINGLE_CJK	7
#define WINDOW_CJK	6
#define SHORT		48	/* shingles: fewer, and all are samples */
#define MIN_SHARED	4	/* samples a near copy shares, at the least */
#define GAP_SHARE	0.3	/* a run of its own this share of it, */
#define GAP_MIN		30	/* and this many shingles: no near copy */
#define NEAR_CHARS	35	/* a shorter paragraph goes as an exact copy only */
_Static_assert(WINDOW_WORDS <= 8 && WINDOW_CJK <= 8, "winnow() keeps 8");
#define WORDS	8	/* a bucket: one cache line of 64-bit words */
#define REFD	5	/* keys a bucket where keys have refs */

/* the options */
static bool exact_only, mark, invert, articles, fold_digits, nowait, stats;
static bool keys_mode, reduce_mode;
static bool refs;		/* keys know their paragraph: -m, or near copies */
static double threshold = 0.5;
static size_t min_chars = 20;
static const char *state_path;
static uint64_t max_memory = (uint64_t)2 << 30;

/*
 * A set of 64-bit hashes (never 0: 0 marks an empty slot) in buckets of
 * one cache line, any number of buckets; a key goes in the first bucket
 * from its own with room.  A bucket holds WORDS keys; or, where each key
 * has a ref (its paragraph's origin: with -m, and for near copies), REFD
 * keys and then their refs, so that a key and its ref come in one read.
 * Slot i is word i of the buckets; the words holding refs are no slots.
 */
struct table {
	uint64_t *key;		/* the buckets, page aligned */
	size_t	 nbucket, n;
	size_t	 slots;		/* keys a bucket: WORDS, or REFD */
};

/* where a paragraph was first seen: for dup=DOC:SEQ with -m */
struct origin {
	uint64_t seq;
	uint32_t doc;		/* an index into names */
	uint32_t nsamp;		/* its samples */
};

/* one generation of what has been seen */
struct gen {
	struct table exact, near;
	struct origin *orig;
	size_t	 norig, origcap;
	struct buf names;	/* DOC names, escaped, each ended by NUL */
	size_t	 ndoc, lastdoc;	/* names; offset of the last one */
	uint32_t *docoff;	/* where each name starts */
	size_t	 doccap;
};

static struct gen gens[2];	/* gens[0] the newer */

struct verdict {
	size_t	 chars;		/* of a paragraph looked at; 0 if too short */
	bool	 dup;
	double	 sim;
	struct gen *g;		/* where the earlier one is, with -m */
	uint32_t ref;
};

/*
 * A paragraph read and folded, ready to be judged: where its record is,
 * what of it is needed later, and what the judging made of it.
 */
struct para {
	size_t	 line, len;	/* its record, in the batch's lines */
	size_t	 doc, docn;	/* its DOC, in the same */
	uint64_t art, seq;
	uint64_t key;		/* exact; 0 for one not looked at */
	size_t	 chars;
	size_t	 samp, nsamp;	/* its samples, in the batch's */
	size_t	 nshingle;
	struct verdict v;
	size_t	 mark, marklen;	/* its dup= tags, in the batch's marks */
};

/*
 * Paragraphs read together: one thread reads and folds a batch while
 * the other judges the one before it, in order, against the tables only
 * it touches.  A batch is at most BATCH paragraphs or BATCH_BYTES bytes
 * of records.
 */
#define BATCH		1024
#define BATCH_BYTES	(1 << 20)
struct batch {
	struct buf lines, marks;
	struct para *para;
	size_t	 n, cap;
	uint64_t *samp;
	uint32_t *pos;		/* where each sample is, in shingles */
	size_t	 nsamp, sampcap;
};
static struct batch batch[2];
static int cur;			/* the batch being read into */

/* the paragraph being looked at, and its characters */
static struct buf text, folded;
static size_t chars;

/*
 * The tokens of a paragraph, twice over: with each word one token (for
 * paragraphs mostly of words), and with each of its letters one (for
 * those mostly of ideographs, where a word weighs what its letters do).
 * Only the list winnow() uses is hashed.
 */
struct toks {
	uint64_t *h;
	size_t	 n, cap;
};
static struct toks wtok, ctok;
static size_t nword, ncjk;	/* of wtok, words and ideographs */

/* with -A: the article being held, and what is known of its paragraphs */
struct held {
	size_t	 off, len, marklen;	/* in artbuf; marklen with -m */
};
static struct buf artbuf, lastdoc;
static struct held *held;
static size_t nheld, heldcap;
static uint64_t lastart;
static size_t artchars, artdup;

/* for --stats */
static uint64_t nlooked, ncopies, nnearcopies, nbytes;

/* ASCII, sorted once from utf8proc's categories */
enum { A_DROP, A_WORD, A_DIGIT, A_SYMBOL };
static unsigned char ascii[128];

static void
help(void)
{
	printf("%s\n", usage);
	puts("Keep the first copy of every paragraph; drop exact copies "
	    "(after folding) and\nnear copies (shared shingles).\n\n"
	    "  -e, --exact             exact copies only\n"
	    "  -t, --threshold=F       near copy: F of its shingles seen "
	    "(default 0.5)\n"
	    "  -c, --min-chars=N       never drop paragraphs under N "
	    "characters (default 20)\n"
	    "  -D, --fold-digits       every digit counts as 0\n"
	    "  -d, --keep-digits       digits count as they are (the "
	    "default)\n"
	    "  -m, --mark              keep all; tag copies dup=DOC:SEQ "
	    "dup.sim=F\n"
	    "  -v, --invert            keep only the copies\n"
	    "  -A, --articles          drop whole articles that are copies\n"
	    "  -s, --state=FILE        load seen paragraphs from FILE, save "
	    "them back\n"
	    "  -n, --no-wait           fail if another run holds FILE\n"
	    "      --stats             counts and table sizes on the "
	    "standard error\n"
	    "  -M, --max-memory=SIZE   forget the older half past SIZE "
	    "(default 2G)\n"
	    "      --keys              write KEY TAB record, for a "
	    "shuffle by key\n"
	    "      --reduce            read KEY TAB record grouped by key; "
	    "keep the first\n"
	    "  -R, --max-record=SIZE   skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n\n"
	    "Records on standard input, records on standard output; see "
	    "inkdedup(1).");
	exit(0);
}

/* tables */

/*
 * Scaled, not masked, to any number of buckets; multiplied first, since
 * winnowing keeps the least hashes, which would crowd the first buckets.
 */
static size_t
bucket_of(size_t nbucket, uint64_t h)
{
	h *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(((unsigned __int128)h * nbucket) >> 64);
}

static bool
is_slot(const struct table *t, size_t i)
{
	return i % WORDS < t->slots;
}

/* where the ref of slot i is, in buckets with refs */
static char *
ref_at(const uint64_t *key, size_t i)
{
	return (char *)(key + i - i % WORDS + REFD) + 4 * (i % WORDS);
}

/* the ref of slot i; 0 in a table with none */
static uint32_t
ref_get(const struct table *t, size_t i)
{
	uint32_t r = 0;

	if (t->slots == REFD)
		memcpy(&r, ref_at(t->key, i), 4);
	return r;
}

static void
ref_set(const struct table *t, size_t i, uint32_t r)
{
	if (t->slots == REFD)
		memcpy(ref_at(t->key, i), &r, 4);
}

/* the slot holding h, or the empty one where it would go */
static size_t
slot_of(const struct table *t, uint64_t h, bool *found)
{
	size_t b = bucket_of(t->nbucket, h);

	for (;;) {
		uint64_t *k = t->key + b * WORDS;

		for (size_t s = 0; s < t->slots; s++) {
			if (k[s] == h || k[s] == 0) {
				*found = k[s] == h;
				return b * WORDS + s;
			}
		}
		if (++b == t->nbucket)
			b = 0;
	}
}

static void table_add(struct table *t, uint64_t h, uint32_t ref,
    bool latest);

/* tables grown or generations turned: slots found before are stale */
static uint64_t moves;

static size_t
table_bytes(const struct table *t)
{
	return t->nbucket * WORDS * sizeof *t->key;
}

/*
 * n bytes of zeroes for a table, or old (of oldn) grown to n: mapped,
 * not allocated, so that buckets fall on cache lines, and the pages
 * added come zeroed and are added in place when they can be.
 */
static uint64_t *
table_map(uint64_t *old, size_t oldn, size_t n)
{
	void *p = old == NULL ? mmap(NULL, n, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) : mremap(old, oldn, n,
	    MREMAP_MAYMOVE);

	if (p == MAP_FAILED)
		err_fatal("out of memory (a table of %zu bytes)", n);
	return p;
}

/* keys set aside while a table grows, with their refs, to be added again */
static struct {
	uint64_t *key;
	uint32_t *ref;
	size_t	 n, cap;
} aside;

static void
put_aside(uint64_t k, uint32_t r)
{
	if (aside.n == aside.cap) {
		aside.cap = aside.cap ? 2 * aside.cap : 64;
		aside.key = xrealloc(aside.key, aside.cap * sizeof *aside.key);
		aside.ref = xrealloc(aside.ref, aside.cap * sizeof *aside.ref);
	}
	aside.key[aside.n] = k;
	aside.ref[aside.n++] = r;
}

/*
 * The first free slot from h's bucket on, before end, in a table whose
 * keys may not all be where they belong yet; SIZE_MAX if none.
 */
static size_t
free_slot(const struct table *t, uint64_t h, size_t end)
{
	for (size_t i = bucket_of(t->nbucket, h) * WORDS; i < end; i++)
		if (is_slot(t, i) && t->key[i] == 0)
			return i;
	return SIZE_MAX;
}

/* the key of slot i, and its ref, go to the free slot j */
static void
move_key(struct table *t, size_t i, size_t j)
{
	t->key[j] = t->key[i];
	t->key[i] = 0;
	ref_set(t, j, ref_get(t, i));
}

/*
 * Half as many buckets again, rehashed in place, so that the old table
 * and the new are never both in memory (a table is most of what inkdedup
 * holds).  A bucket is the key scaled to the number of buckets, so a key
 * belongs no lower in the larger table than in the smaller: moved from
 * the top down, each goes to the first free slot from its new bucket,
 * and keys not moved yet are only stepped over.  Then, from the bottom
 * up, each key goes down to the first slot left free between its bucket
 * and where it is, so that a look-up finds it before an empty slot.  A
 * key that ran past the end (in the old table or the new) is put back
 * last, as any key is added.
 */
static void
grow(struct table *t)
{
	size_t oldn = t->nbucket * WORDS, n, i, j, first, last;

	moves++;
	if (t->nbucket == 0) {
		t->nbucket = 16;
		t->slots = refs ? REFD : WORDS;
		t->key = table_map(NULL, 0, table_bytes(t));
		return;
	}
	/*
	 * The keys that ran past the end went to the first free slot from
	 * the start, and slots are never freed: they are all before the
	 * first free one.
	 */
	for (first = 0; first < oldn && (!is_slot(t, first) ||
	    t->key[first] != 0); first++)
		;
	for (i = 0; i < first; i++) {
		if (!is_slot(t, i) || bucket_of(t->nbucket, t->key[i]) <=
		    i / WORDS)
			continue;
		put_aside(t->key[i], ref_get(t, i));
		t->key[i] = 0;
	}
	t->nbucket += t->nbucket / 2;
	n = t->nbucket * WORDS;
	t->key = table_map(t->key, oldn * sizeof *t->key, table_bytes(t));
	for (i = oldn; i-- > 0;) {
		uint64_t k = t->key[i];

		if (!is_slot(t, i) || k == 0)
			continue;
		/* its own slot is free to it */
		t->key[i] = 0;
		j = free_slot(t, k, n);
		t->key[i] = k;
		if (j == SIZE_MAX) {
			put_aside(k, ref_get(t, i));
			t->key[i] = 0;
		} else if (j != i) {
			move_key(t, i, j);
		}
	}
	/*
	 * Most keys are where they belong: a key can go down only when the
	 * last free slot below it is in its bucket or above.
	 */
	for (i = 0, last = SIZE_MAX; i < n; i++) {
		if (!is_slot(t, i))
			continue;
		if (t->key[i] == 0)
			last = i;
		else if (last != SIZE_MAX && last >= bucket_of(t->nbucket,
		    t->key[i]) * WORDS) {
			move_key(t, i, free_slot(t, t->key[i], i));
			last = i;
		}
	}
	t->n -= aside.n;
	for (i = 0; i < aside.n; i++)
		table_add(t, aside.key[i], aside.ref[i], false);
	aside.n = 0;
}

/* would one key more take t past a load of 0.85? */
static bool
table_full(const struct table *t)
{
	return (t->n + 1) * 20 > t->nbucket * t->slots * 17;
}

/* add h if it is not there; if it is, ref replaces its own with latest */
static void
table_add(struct table *t, uint64_t h, uint32_t ref, bool latest)
{
	bool found;
	size_t i;

	if (table_full(t))
		grow(t);
	i = slot_of(t, h, &found);
	if (found && !latest)
		return;
	t->n += !found;
	t->key[i] = h;
	ref_set(t, i, ref);
}

/* is h in t?  its ref too, and with slot where it is or would go */
static bool
table_find(const struct table *t, uint64_t h, uint32_t *ref, size_t *slot)
{
	bool found;
	size_t i;

	if (t->n == 0) {
		*slot = SIZE_MAX;
		return false;
	}
	i = slot_of(t, h, &found);
	if (found && ref != NULL)
		*ref = ref_get(t, i);
	*slot = i;
	return found;
}

static bool
table_has(const struct table *t, uint64_t h, uint32_t *ref)
{
	size_t slot;

	return table_find(t, h, ref, &slot);
}

/*
 * table_add() when slot j (or SIZE_MAX) was found for h while moves was
 * since: the look-up is not made again, unless a key has moved or taken
 * the slot meanwhile.
 */
static void
table_put(struct table *t, uint64_t h, size_t j, uint64_t since,
    uint32_t ref, bool latest)
{
	if (moves == since && j != SIZE_MAX && (t->key[j] == h ||
	    t->key[j] == 0) && !table_full(t)) {
		if (t->key[j] == 0) {
			t->key[j] = h;
			t->n++;
		} else if (!latest) {
			return;
		}
		ref_set(t, j, ref);
		return;
	}
	table_add(t, h, ref, latest);
}

static void
table_free(struct table *t)
{
	if (t->key != NULL)
		munmap(t->key, table_bytes(t));
	*t = (struct table){ 0 };
}

static size_t
gen_bytes(const struct gen *g)
{
	return table_bytes(&g->exact) + table_bytes(&g->near) +
	    g->origcap * sizeof *g->orig + g->names.cap +
	    g->doccap * sizeof *g->docoff;
}

static void
gen_free(struct gen *g)
{
	table_free(&g->exact);
	table_free(&g->near);
	free(g->orig);
	free(g->docoff);
	buf_free(&g->names);
	*g = (struct gen){ 0 };
}

/* the newer generation is full: the older goes, a new one starts */
static void
rotate(void)
{
	moves++;
	gen_free(&gens[1]);
	gens[1] = gens[0];
	gens[0] = (struct gen){ 0 };
}

/* a paragraph kept, with -m: its origin in g, numbered */
static uint32_t
add_origin(struct gen *g, struct slice doc, uint64_t seq, size_t nsamples)
{
	if (g->ndoc == 0 || g->names.n - g->lastdoc != doc.n + 1 ||
	    memcmp(g->names.p + g->lastdoc, doc.p, doc.n) != 0) {
		if (g->ndoc == g->doccap) {
			g->doccap = g->doccap ? 2 * g->doccap : 64;
			g->docoff = xrealloc(g->docoff, g->doccap *
			    sizeof *g->docoff);
		}
		if (g->names.n > UINT32_MAX - doc.n - 1)
			err_fatal("more than 4 GB of document names");
		g->lastdoc = g->names.n;
		g->docoff[g->ndoc++] = (uint32_t)g->names.n;
		buf_add(&g->names, doc.p, doc.n);
		buf_add(&g->names, "", 1);
	}
	if (g->norig == g->origcap) {
		g->origcap = g->origcap ? 2 * g->origcap : 1024;
		g->orig = xrealloc(g->orig, g->origcap * sizeof *g->orig);
	}
	if (g->norig == UINT32_MAX)
		err_fatal("more than 4 G paragraphs in one generation");
	g->orig[g->norig] = (struct origin){ seq, (uint32_t)(g->ndoc - 1),
	    (uint32_t)nsamples };
	return (uint32_t)g->norig++;
}

/* folding and shingles */

static uint64_t
mix(uint64_t h)
{
	/* MurmurHash3's finalizer */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static void
add_token(struct toks *t, uint64_t h)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->h = xrealloc(t->h, t->cap * sizeof *t->h);
	}
	t->h[t->n++] = h;	/* mixed in winnow(), if this list is used */
}

/* a token of both lists: an ideograph, a symbol, a stray byte */
static void
add_both(uint64_t h)
{
	add_token(&wtok, h);
	add_token(&ctok, h);
}

static void
sort_ascii(void)
{
	for (int c = 0; c < 128; c++) {
		utf8proc_category_t k = utf8proc_category(c);

		if (c >= '0' && c <= '9')
			ascii[c] = A_DIGIT;
		else if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LL)
			ascii[c] = A_WORD;
		else if (k >= UTF8PROC_CATEGORY_SM && k <= UTF8PROC_CATEGORY_SO)
			ascii[c] = A_SYMBOL;
		else
			ascii[c] = A_DROP;
	}
}

/*
 * The length of the HTML tag that opens p[0, n): <a ...>, </p>, <br/>;
 * or 0.  Its name is in lower case: Reuters writes companies as <IBM Corp>.
 */
static size_t
tag(const unsigned char *p, size_t n)
{
	size_t i = n > 1 && p[1] == '/' ? 2 : 1, name = i;

	while (i < n && ((p[i] >= 'a' && p[i] <= 'z') || (i > name &&
	    p[i] >= '0' && p[i] <= '9')))
		i++;
	if (i == name || i >= n || (p[i] != '>' && p[i] != ' ' && p[i] != '/'))
		return 0;
	for (; i < n && i < 512 && p[i] != '<'; i++)
		if (p[i] == '>')
			return i + 1;
	return 0;
}

/* the length of the link that opens p[0, n): http:// or https:// on */
static size_t
url(const unsigned char *p, size_t n)
{
	size_t i;

	if (n >= 8 && strncasecmp((const char *)p, "https://", 8) == 0)
		i = 8;
	else if (n >= 7 && strncasecmp((const char *)p, "http://", 7) == 0)
		i = 7;
	else
		return 0;
	while (i < n && p[i] > ' ' && strchr("\"'<>`", p[i]) == NULL)
		i++;
	return i;
}

/*
 * Fold p[0, n) into folded, and with want_tokens into the token hashes:
 * a word (a run of letters and digits of scripts written with spaces) is
 * one token, an ideograph, kana, hangul or symbol another, and so is a
 * link (http://...) whole, bytes and all; an HTML tag is skipped;
 * punctuation, spaces and controls separate words and are dropped.  A
 * byte that is not UTF-8 stays, a token of its own.
 */
static void
fold(const char *s, size_t n, bool want_tokens)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t word = 0;
	bool inword = false;
	char *d;

	folded.n = 0;
	wtok.n = ctok.n = nword = ncjk = 0;
	d = buf_room(&folded, 4 * n + 4);
#define END_WORD() do { if (inword && want_tokens) { \
	add_token(&wtok, word); nword++; } inword = false; word = 0; } while (0)
#define WORD_BYTE(b) do { *d++ = (char)(b); word = (word ^ (b)) * \
	0x100000001b3ULL; inword = true; if (want_tokens) \
	add_token(&ctok, 0x200000000ULL | (b)); } while (0)
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len;
		utf8proc_category_t k;

		if (p[i] == '<' && (len = tag(p + i, n - i)) > 0) {
			/* markup is no text: <figcaption> weighs nothing */
			END_WORD();
			i += len;
			continue;
		}
		if ((p[i] == 'h' || p[i] == 'H') && !inword &&
		    (len = url(p + i, n - i)) > 0) {
			/* a link: one token, whatever its path holds */
			END_WORD();
			for (size_t j = 0; j < len; j++)
				*d++ = (char)(p[i + j] >= 'A' && p[i + j] <= 'Z' ?
				    p[i + j] | 0x20 : p[i + j]);
			if (want_tokens) {
				add_both(XXH3_64bits(p + i, len));
				nword++;
			}
			i += len;
			continue;
		}
		if (p[i] < 0x80) {
			cp = p[i++];
			goto ascii;
		}
		if (!want_tokens && p[i] >= 0xe4 && p[i] <= 0xe9) {
			/* ideographs, and no tokens wanted: copied as a run */
			size_t run = han_copy(d, p + i, n - i);

			if (run > 0) {
				END_WORD();
				d += run;
				i += run;
				continue;
			}
		}
		if (n - i >= 3 && p[i] >= 0xe4 && p[i] <= 0xe9 &&
		    (p[i + 1] & 0xc0) == 0x80 && (p[i + 2] & 0xc0) == 0x80) {
			/* an ideograph: the common case of Chinese text */
			END_WORD();
			memcpy(d, p + i, 3);
			d += 3;
			if (want_tokens)
				add_both((uint64_t)p[i] << 16 |
				    (uint64_t)p[i + 1] << 8 | p[i + 2]);
			ncjk++;
			i += 3;
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0) {
			END_WORD();
			*d++ = (char)p[i];
			if (want_tokens)
				add_both(0x100000000ULL | p[i]);
			i++;
			continue;
		}
		i += len;
		if (cp >= 0xff01 && cp <= 0xff5e) {
			cp -= 0xfee0;
			goto ascii;
		}
		k = utf8proc_category((utf8proc_int32_t)cp);
		if (k == UTF8PROC_CATEGORY_CN || (k >= UTF8PROC_CATEGORY_PC &&
		    k <= UTF8PROC_CATEGORY_PO) || (k >= UTF8PROC_CATEGORY_ZS &&
		    k <= UTF8PROC_CATEGORY_CS && k != UTF8PROC_CATEGORY_CO)) {
			END_WORD();
			continue;
		}
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
		if (is_cjk(cp) || (k >= UTF8PROC_CATEGORY_SM &&
		    k <= UTF8PROC_CATEGORY_SO)) {
			END_WORD();
			d += utf8_encode(cp, d);
			if (want_tokens)
				add_both(cp);
			ncjk += is_cjk(cp);
			continue;
		}
		{
			char e[4];
			size_t el = utf8_encode(cp, e);

			for (size_t j = 0; j < el; j++)
				WORD_BYTE((unsigned char)e[j]);
		}
		continue;
ascii:
		switch (ascii[cp]) {
		case A_WORD:
			WORD_BYTE(cp | 0x20);
			break;
		case A_DIGIT:
			WORD_BYTE(fold_digits ? '0' : cp);
			break;
		case A_SYMBOL:
			END_WORD();
			*d++ = (char)cp;
			if (want_tokens)
				add_both(cp);
			break;
		default:
			END_WORD();
			break;
		}
	}
	END_WORD();
#undef END_WORD
#undef WORD_BYTE
	folded.n = (size_t)(d - folded.p);
}

/* a sample of p, at shingle pos, into its batch */
static void
add_sample(struct batch *b, struct para *p, uint64_t h, size_t pos)
{
	if (b->nsamp == b->sampcap) {
		b->sampcap = b->sampcap ? 2 * b->sampcap : 1024;
		b->samp = xrealloc(b->samp, b->sampcap * sizeof *b->samp);
		b->pos = xrealloc(b->pos, b->sampcap * sizeof *b->pos);
	}
	b->pos[b->nsamp] = (uint32_t)pos;
	b->samp[b->nsamp++] = h | 1;	/* never 0, the empty slot */
	p->nsamp++;
}

/* p's samples in its batch; NULL if it has none */
static const uint64_t *
samples(const struct batch *b, const struct para *p)
{
	return p->nsamp > 0 ? b->samp + p->samp : NULL;
}

/*
 * The shingles of the tokens, winnowed: of every window of shingles in a
 * row the least is taken (the rightmost of equals), once.  A paragraph
 * of fewer tokens than a shingle is one shingle; of fewer shingles than
 * a window, one window.  With no fewer words than ideographs: the word
 * tokens, SHINGLE_WORDS and WINDOW_WORDS; else the letter tokens and the
 * CJK sizes.  The tokens are hashed here, once: only one list is used.
 * The samples go into p's batch.
 */
static void
winnow(struct batch *b, struct para *p)
{
	const uint64_t R = 0x9e3779b97f4a7c15ULL;
	bool words = nword >= ncjk;
	uint64_t *tok = words ? wtok.h : ctok.h;
	size_t ntok = words ? wtok.n : ctok.n;
	size_t n = words ? SHINGLE_WORDS : SHINGLE_CJK;
	size_t w = words ? WINDOW_WORDS : WINDOW_CJK;
	uint64_t out = 1, h = 0, win[8];	/* the last w, by i % 8 */
	size_t nsh, min = 0, last = SIZE_MAX;

	p->samp = b->nsamp;
	p->nsamp = 0;
	if (ntok == 0)
		return;
	for (size_t i = 0; i < ntok; i++)
		tok[i] = mix(tok[i]);
	for (size_t j = 1; j < n; j++)
		out *= R;
	p->nshingle = nsh = ntok >= n ? ntok - n + 1 : 1;
	if (nsh < SHORT)
		w = 1;
	for (size_t i = 0; i < (ntok < n ? ntok : n); i++)
		h = h * R + tok[i];
	for (size_t i = 0; i < nsh; i++) {
		size_t w0 = i + 1 >= w ? i + 1 - w : 0;

		if (i > 0)
			h = (h - tok[i - 1] * out) * R + tok[i + n - 1];
		win[i % 8] = mix(h);
		if (i == 0 || min < w0) {
			/* the least left the window: find the next */
			min = w0;
			for (size_t j = w0 + 1; j <= i; j++)
				if (win[j % 8] <= win[min % 8])
					min = j;
		} else if (win[i % 8] <= win[min % 8]) {
			min = i;
		}
		if ((i + 1 >= w || i + 1 == nsh) && min != last) {
			add_sample(b, p, win[min % 8], min);
			last = min;
		}
	}
}

/* the decision on one paragraph */

/* the byline in brackets opening p[0, n): its length, or 0 */
static size_t
bracketed(const char *p, size_t n)
{
	size_t i = 0, look = n < 160 ? n : 160;
	const char *c;

	/* past the spaces, and the bracket closing the dateline */
	while (i < look && (p[i] == ' ' || p[i] == ')'))
		i++;
	if (look - i >= 3 && memcmp(p + i, "）", 3) == 0)
		i += 3;
	if (i < look && p[i] == '(')
		c = memchr(p + i, ')', look - i);
	else if (look - i >= 3 && memcmp(p + i, "（", 3) == 0)
		c = memmem(p + i, look - i, "）", 3);
	else
		return 0;
	if (c == NULL)
		return 0;
	return (size_t)(c - p) + (*c == ')' ? 1 : 3);
}

/*
 * The text a key is made of: TEXT unescaped, from past a leading dateline
 * (inkdateline's dl, when dl.pos=lead) and the byline in brackets right
 * after it (when inkbyline tagged one).  What is left of the brackets and
 * dashes around them the folding drops.
 */
static void
key_text(const struct rec *r, const char **p, size_t *n)
{
	long i = rec_tag(r, "dl.pos", 0), j;
	struct slice dl;
	const char *t;
	size_t k;

	if (r->plain) {
		*p = r->text.p;
		*n = r->text.n;
	} else {
		text.n = 0;
		text.n = rec_unesc(r->text.p, r->text.n, buf_room(&text,
		    r->text.n));
		*p = text.p;
		*n = text.n;
	}
	if (i < 0 || !slice_eq(tag_value(r->tag[i]), "lead") ||
	    (j = rec_tag(r, "dl", 0)) < 0)
		return;
	dl = tag_value(r->tag[j]);
	/* near the start: a bracket or 据 may come first */
	if (dl.n == 0 || (t = memmem(*p, *n < dl.n + 8 ? *n : dl.n + 8, dl.p,
	    dl.n)) == NULL)
		return;
	k = (size_t)(t - *p) + dl.n;
	for (size_t m = 0; m < r->ntag; m++) {
		struct slice key = tag_key(r->tag[m]);

		if (key.n > 3 && memcmp(key.p, "by.", 3) == 0) {
			k += bracketed(*p + k, *n - k);
			break;
		}
	}
	*p += k;
	*n -= k;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The longest run of shingles of the paragraph with no sample of the
 * earlier one (key, as in hits) among them: from the start to the first
 * of its samples, between two, or from the last to the end.
 */
static size_t
own_run(const struct para *p, const uint32_t *pos, const uint64_t *from,
    uint64_t key)
{
	long prev = -1, longest = 0;

	for (size_t i = 0; i <= p->nsamp; i++) {
		long at = i < p->nsamp ? (long)pos[i] : (long)p->nshingle;

		if (i < p->nsamp && from[i] != key)
			continue;
		if (at - prev - 1 > longest)
			longest = at - prev - 1;
		prev = at;
	}
	return (size_t)longest;
}

/*
 * Is the paragraph folded a near copy?  Its samples seen before, each
 * as the paragraph it was seen in.  It copies an earlier paragraph that
 * holds at least threshold of its samples, and MIN_SHARED of them (a
 * line of a few words is no copy for sharing one phrase), unless it has
 * a run of its own, none of it from that paragraph, of GAP_SHARE of its
 * length and GAP_MIN shingles: one that opens as an earlier paragraph
 * and goes on to say something else, or that joins the halves of two.
 * Edits (a word changed here and there, a clause put in or left out)
 * leave shorter runs.  Of the paragraphs it copies, the one holding most
 * of its samples (the earliest of equals) is named.  Each is weighed on
 * its own, so that fewer samples seen (a second pass, with no near copies
 * adding theirs) never make a copy of a paragraph that was none.  Nor
 * is a paragraph under NEAR_CHARS characters a near copy (a headline, a
 * caption, a row): between short lines, half the samples shared is a
 * phrase shared more often than a copy.
 */
static void
near_copy(const struct batch *b, const struct para *p, struct verdict *v,
    size_t *slot)
{
	static uint64_t *hits, *from;
	static size_t hitcap;
	const uint64_t *sa = samples(b, p);
	size_t ns = p->nsamp, nh = 0, best = 0, run;
	uint32_t ref;

	if (hitcap < ns) {
		hitcap = ns;
		hits = xrealloc(hits, hitcap * sizeof *hits);
		from = xrealloc(from, hitcap * sizeof *from);
	}
	for (size_t i = 0; i < ns; i++) {
		from[i] = UINT64_MAX;		/* seen nowhere */
		slot[i] = SIZE_MAX;
		if (table_has(&gens[1].near, sa[i], &ref))
			/* the older generation sorts first */
			hits[nh++] = from[i] = ref;
		else if (table_find(&gens[0].near, sa[i], &ref, &slot[i]))
			hits[nh++] = from[i] = (uint64_t)1 << 32 | ref;
	}
	if (nh == 0 || (double)nh < threshold * (double)ns ||
	    p->chars < NEAR_CHARS)
		return;
	qsort(hits, nh, sizeof *hits, cmp_u64);
	for (size_t i = 0, j; i < nh; i = j) {
		for (j = i + 1; j < nh && hits[j] == hits[i]; j++)
			;
		if (j - i <= best || (double)(j - i) < threshold * (double)ns ||
		    j - i < MIN_SHARED)
			continue;
		/* of the paragraphs it shares enough with, the first it copies */
		run = own_run(p, b->pos + p->samp, from, hits[i]);
		if (run >= GAP_MIN && (double)run >= GAP_SHARE *
		    (double)p->nshingle)
			continue;
		best = j - i;
		v->dup = true;
		v->g = &gens[1 - (hits[i] >> 32)];
		v->ref = (uint32_t)hits[i];
		v->sim = (double)best / (double)ns;
	}
}

/*
 * The exact key of a paragraph, its tokens folded on the way (unless -e);
 * false for one too short to be dropped, a front matter field, or one
 * with nothing left to compare.
 */
static bool
key_of(const struct rec *r, uint64_t *h)
{
	const char *p;
	size_t n;

	if ((chars = utf8_chars(r->text.p, r->text.n)) < min_chars)
		return false;
	/* a field of a page's front matter (url:, title:) is no paragraph */
	if (rec_tag(r, "front", 0) >= 0)
		return false;
	key_text(r, &p, &n);
	fold(p, n, !exact_only && !keys_mode);
	if (folded.n == 0)
		return false;
	*h = XXH3_64bits(folded.p, folded.n) | 1;
	return true;
}

/* is p a copy?  What it is made of is seen from now on */
static void
judge(const struct batch *b, struct para *p)
{
	static size_t *slot, slotcap;
	struct verdict *v = &p->v;
	const uint64_t *sa = samples(b, p);
	uint64_t since = moves;
	uint32_t ref;

	*v = (struct verdict){ 0 };
	if (p->key == 0)
		return;
	v->chars = p->chars;
	nlooked++;
	for (int i = 0; i < 2; i++) {
		if (table_has(&gens[i].exact, p->key, &ref)) {
			ncopies++;
			v->dup = true;
			v->sim = 1.0;
			v->g = &gens[i];
			v->ref = ref;
			return;
		}
	}
	if (!exact_only) {
		if (slotcap < p->nsamp) {
			slotcap = p->nsamp;
			slot = xrealloc(slot, slotcap * sizeof *slot);
		}
		near_copy(b, p, v, slot);
		if (v->dup) {
			/*
			 * What it adds to the paragraph it copies counts as
			 * that paragraph's, so that a copy of this copy is
			 * measured against all of it.
			 */
			nnearcopies++;
			if (v->g == &gens[0])
				for (size_t i = 0; i < p->nsamp; i++)
					table_put(&gens[0].near, sa[i], slot[i],
					    since, v->ref, false);
			return;
		}
	}
	/* kept: what it is made of is seen from now on */
	if (gen_bytes(&gens[0]) >= max_memory / 2)
		rotate();
	ref = refs ? add_origin(&gens[0], (struct slice){ b->lines.p + p->doc,
	    p->docn }, p->seq, p->nsamp) : 0;
	table_add(&gens[0].exact, p->key, ref, false);
	/*
	 * Each sample names the latest paragraph kept that holds it: a
	 * copy is most often of something recent, and its samples are then
	 * counted together, not spread over older paragraphs that share a
	 * phrase with it.
	 */
	if (!exact_only)
		for (size_t i = 0; i < p->nsamp; i++)
			table_put(&gens[0].near, sa[i], slot[i], since, ref,
			    true);
}

/* output */

/*
 * " dup=DOC:SEQ dup.sim=F" for a copy, with -m, into the batch's marks:
 * made as it is judged, while the generation it names is there.
 */
static void
make_mark(struct batch *b, struct para *p)
{
	const struct verdict *v = &p->v;
	char num[48];
	int k;

	p->mark = b->marks.n;
	if (v->g != NULL && v->ref < v->g->norig) {
		const struct origin *o = &v->g->orig[v->ref];
		size_t at = v->g->docoff[o->doc];

		buf_add(&b->marks, "\tdup=", 5);
		buf_add(&b->marks, v->g->names.p + at, strlen(v->g->names.p +
		    at));
		k = snprintf(num, sizeof num, ":%llu",
		    (unsigned long long)o->seq);
		buf_add(&b->marks, num, (size_t)k);
	}
	k = snprintf(num, sizeof num, "\tdup.sim=%.2f", v->sim);
	buf_add(&b->marks, num, (size_t)k);
	p->marklen = b->marks.n - p->mark;
}

static void
emit(const char *line, size_t len, const char *tags, size_t tagslen)
{
	out_write(line, len);
	out_write(tags, tagslen);
	out_putc('\n');
}

/* with -A: the article held is whole; out with it, or not */
static void
flush_article(void)
{
	bool dup = artchars > 0 && (double)artdup >= threshold *
	    (double)artchars;
	char num[32];
	int k = snprintf(num, sizeof num, "\tdup.art=%.2f", artchars > 0 ?
	    (double)artdup / (double)artchars : 0.0);

	for (size_t i = 0; i < nheld; i++) {
		const struct held *h = &held[i];
		const char *line = artbuf.p + h->off;

		if (mark)
			/* the article's verdict on its first record */
			emit(line, h->len + h->marklen, num, i == 0 && dup ?
			    (size_t)k : 0);
		else if (dup == invert)
			emit(line, h->len, NULL, 0);
	}
	nheld = 0;
	artbuf.n = 0;
	artchars = artdup = 0;
}

/* with -A: does the paragraph start another article? */
static bool
new_article(struct slice doc, uint64_t art)
{
	if (art == lastart && lastdoc.n == doc.n &&
	    memcmp(lastdoc.p, doc.p, doc.n) == 0)
		return false;
	lastdoc.n = 0;
	buf_add(&lastdoc, doc.p, doc.n);
	lastart = art;
	return true;
}

static void
hold(const char *line, size_t len, const struct verdict *v,
    struct slice marks)
{
	if (nheld == heldcap) {
		heldcap = heldcap ? 2 * heldcap : 64;
		held = xrealloc(held, heldcap * sizeof *held);
	}
	held[nheld++] = (struct held){ artbuf.n, len, marks.n };
	buf_add(&artbuf, line, len);
	buf_add(&artbuf, marks.p, marks.n);
	artchars += v->chars;
	artdup += v->dup ? v->chars : 0;
}

/* --keys: KEY TAB record; "-" for those never dropped */
static void
keyed(const struct rec *r, const char *line, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char k[17];
	uint64_t h;

	if (!key_of(r, &h)) {
		out_write("-\t", 2);
	} else {
		for (int i = 15; i >= 0; i--, h >>= 4)
			k[i] = hex[h & 15];
		k[16] = '\t';
		out_write(k, 17);
	}
	emit(line, len, NULL, 0);
}

/* the batch judged: out with what is to go out */
static void
send(struct batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct para *p = &b->para[i];
		const char *line = b->lines.p + p->line;
		struct slice marks = { p->marklen > 0 ? b->marks.p + p->mark :
		    NULL, p->marklen };

		if (articles && new_article((struct slice){ b->lines.p +
		    p->doc, p->docn }, p->art))
			flush_article();
		if (articles)
			hold(line, p->len, &p->v, marks);
		else if (mark)
			emit(line, p->len, marks.p, marks.n);
		else if (p->v.dup == invert)
			emit(line, p->len, NULL, 0);
	}
	b->n = b->nsamp = b->lines.n = b->marks.n = 0;
}

/*
 * The buckets p will look in, and the ones after them, asked for all at
 * once before the first look-up: they are far apart in memory.
 */
static void
prefetch(const struct batch *b, const struct para *p)
{
	if (p->key == 0)
		return;
	for (int g = 0; g < 2; g++) {
		const struct table *t = &gens[g].exact, *u = &gens[g].near;

		if (t->n > 0)
			__builtin_prefetch(t->key + bucket_of(t->nbucket,
			    p->key) * WORDS);
		if (u->n > 0)
			for (size_t i = 0; i < p->nsamp; i++) {
				const uint64_t *k = u->key + bucket_of(
				    u->nbucket, samples(b, p)[i]) * WORDS;

				__builtin_prefetch(k);
				__builtin_prefetch(k + WORDS);
			}
	}
}

/* the judging thread's work (relay.h): only it touches the tables */
static void
judge_batch(void *arg)
{
	struct batch *b = arg;

	for (size_t i = 0; i < b->n; i++) {
		prefetch(b, &b->para[i]);
		judge(b, &b->para[i]);
		if (mark && b->para[i].v.dup)
			make_mark(b, &b->para[i]);
	}
}

/* the batch read goes to be judged; the one judged before it goes out */
static void
cycle(void)
{
	struct batch *b = &batch[cur];

	if (b->n > 0)
		relay_hand(judge_batch, b);
	else
		relay_wait();
	cur ^= 1;
	send(&batch[cur]);
}

/*
 * All read is judged and out: at the end, and before a read that would
 * wait or a message (out_on_flush()).
 */
static void
drain(void)
{
	if (relay_worker())
		return;
	cycle();
	cycle();
}

/* a paragraph read: folded, winnowed and put in the batch */
static void
ready(const struct rec *r, const char *line, size_t len)
{
	struct batch *b = &batch[cur];
	struct para *p;
	uint64_t h;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->para = xrealloc(b->para, b->cap * sizeof *b->para);
	}
	p = &b->para[b->n++];
	*p = (struct para){ .line = b->lines.n, .len = len, .doc = b->lines.n +
	    (size_t)(r->doc.p - line), .docn = r->doc.n, .art = r->art,
	    .seq = r->seq };
	buf_add(&b->lines, line, len);
	if (key_of(r, &h)) {
		p->key = h;
		p->chars = chars;
		if (!exact_only)
			winnow(b, p);
	}
	if (b->n == BATCH || b->lines.n >= BATCH_BYTES)
		cycle();
}

static void
take(void *ctx, const struct rec *r, const char *line, size_t len)
{
	(void)ctx;
	nbytes += len + 1;
	if (keys_mode)
		keyed(r, line, len);
	else
		ready(r, line, len);
}

/* --reduce */

/* does record a come before b: DOC as bytes, then SEQ? */
static bool
earlier(const struct rec *a, const struct rec *b)
{
	size_t n = a->doc.n < b->doc.n ? a->doc.n : b->doc.n;
	int c = memcmp(a->doc.p, b->doc.p, n);

	if (c != 0)
		return c < 0;
	if (a->doc.n != b->doc.n)
		return a->doc.n < b->doc.n;
	return a->seq < b->seq;
}

/* --reduce: the group being read, and its record first so far */
static struct buf rkey, best;
static struct rec br;		/* best, parsed */
static bool have;

static void
emit_best(void)
{
	if (have)
		emit(best.p, best.n, NULL, 0);
}

/*
 * KEY TAB record, grouped by KEY: of each group the record first by
 * (DOC, SEQ) goes out, without its key; every "-" record goes out.
 */
static void
reduced(void *ctx, const struct rec *r, const char *line, size_t len)
{
	bool same = have && r->key.n == rkey.n && memcmp(r->key.p, rkey.p,
	    rkey.n) == 0;

	(void)ctx;
	if (r->key.n == 1 && r->key.p[0] == '-') {
		emit(line, len, NULL, 0);
		return;
	}
	if (same && !earlier(r, &br))
		return;
	if (!same)
		emit_best();
	rkey.n = 0;
	buf_add(&rkey, r->key.p, r->key.n);
	best.n = 0;
	buf_add(&best, line, len);
	/* br points into best: parsed again where it now lives */
	rec_parse(&br, best.p, best.n);
	have = true;
}

static void
reduce(size_t maxrec)
{
	rec_each_keyed(STDIN_FILENO, maxrec, reduced, NULL);
	emit_best();
	rec_free(&br);
	buf_free(&rkey);
	buf_free(&best);
}

/*
 * The state file: a head (magic, version, byte order, the parameters the
 * tables depend on), then per generation, newer first, five counts and
 * the arrays they count, then the xxh3 of all that.  See inkdedup(1).
 */
#define MAGIC	"INKDEDUP"
#define VERSION	1
#define ORDER	0x01020304u

enum { F_DIGITS = 1, F_EXACT = 2, F_MARK = 4 };

static uint32_t
flags(void)
{
	return (fold_digits ? F_DIGITS : 0) | (exact_only ? F_EXACT : 0) |
	    (mark ? F_MARK : 0);
}

static int lockfd = -1;

/* the state file's lock, held from load to save */
static void
lock_state(void)
{
	struct buf name = { 0 };

	buf_add(&name, state_path, strlen(state_path));
	buf_add(&name, ".lock", 6);
	if ((lockfd = open(name.p, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) < 0)
		err_fatal("%s: %s", name.p, strerror(errno));
	while (flock(lockfd, LOCK_EX | (nowait ? LOCK_NB : 0)) < 0) {
		if (errno == EINTR)
			continue;
		if (errno == EWOULDBLOCK)
			err_fatal("%s: in use by another run (-n given)",
			    state_path);
		err_fatal("%s: %s", name.p, strerror(errno));
	}
	buf_free(&name);
}

/* reading: a cursor on the file's bytes */
struct cur {
	const unsigned char *p, *end;
};

static bool
take_bytes(struct cur *c, void *dst, size_t n)
{
	if ((size_t)(c->end - c->p) < n)
		return false;
	memcpy(dst, c->p, n);
	c->p += n;
	return true;
}

static bool
take_u64(struct cur *c, uint64_t *v)
{
	return take_bytes(c, v, sizeof *v);
}

/* n keys, and their refs with -m, into t */
static const char *
read_table(struct cur *c, struct table *t, uint64_t n, uint64_t norig)
{
	const unsigned char *at;

	if (n > (uint64_t)(c->end - c->p) / (8 + (refs ? 4 : 0)))
		return "a table longer than the file";
	at = c->p + n * 8;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t k;
		uint32_t ref = 0;

		memcpy(&k, c->p + i * 8, 8);
		if (refs)
			memcpy(&ref, at + i * 4, 4);
		if (k == 0)
			return "an empty key";
		if (refs && ref >= norig)
			return "a key of no paragraph";
		table_add(t, k, ref, false);
	}
	c->p += n * (8 + (refs ? 4 : 0));
	return NULL;
}

static const char *
read_gen(struct cur *c, struct gen *g)
{
	uint64_t nexact, nnear, norig, ndoc, nnames;
	const char *why;

	if (!take_u64(c, &nexact) || !take_u64(c, &nnear) ||
	    !take_u64(c, &norig) || !take_u64(c, &ndoc) ||
	    !take_u64(c, &nnames))
		return "cut short";
	if (norig > UINT32_MAX || ndoc > norig || nnames > UINT32_MAX ||
	    norig > (uint64_t)(c->end - c->p) / 16 ||
	    ndoc > (uint64_t)(c->end - c->p) / 4 ||
	    nnames > (uint64_t)(c->end - c->p))
		return "counts larger than the file";
	if ((norig > 0 || ndoc > 0 || nnames > 0) && !refs)
		return "origins in a state that should have none";
	if ((why = read_table(c, &g->exact, nexact, norig)) != NULL ||
	    (why = read_table(c, &g->near, nnear, norig)) != NULL)
		return why;
	if (norig > 0) {
		g->origcap = g->norig = (size_t)norig;
		g->orig = xmalloc(g->origcap * sizeof *g->orig);
		for (size_t i = 0; i < g->norig; i++) {
			take_u64(c, &g->orig[i].seq);
			if (!take_bytes(c, &g->orig[i].doc, 4) ||
			    !take_bytes(c, &g->orig[i].nsamp, 4))
				return "cut short";
			if (g->orig[i].doc >= ndoc)
				return "a paragraph of no document";
		}
	}
	if (ndoc > 0) {
		g->doccap = g->ndoc = (size_t)ndoc;
		g->docoff = xmalloc(g->doccap * sizeof *g->docoff);
		if (!take_bytes(c, g->docoff, g->ndoc * 4))
			return "cut short";
	}
	if (nnames > 0) {
		buf_add(&g->names, c->p, (size_t)nnames);
		c->p += nnames;
		if (g->names.p[g->names.n - 1] != '\0')
			return "a document name not ended";
	}
	for (size_t i = 0; i < g->ndoc; i++)
		if (g->docoff[i] >= nnames || (i > 0 && g->docoff[i] <=
		    g->docoff[i - 1]) || (i > 0 &&
		    g->names.p[g->docoff[i] - 1] != '\0'))
			return "a document name out of place";
	if (g->ndoc > 0)
		g->lastdoc = g->docoff[g->ndoc - 1];
	return NULL;
}

/* the state in p[0, n) into gens[]; NULL, or why it is refused */
static const char *
state_parse(const unsigned char *p, size_t n)
{
	struct cur c = { p, p + n };
	char magic[8];
	uint32_t head[6];
	uint64_t sum;
	const char *why;

	if (n < 8 + sizeof head + 8)
		return "too short to be a state file";
	memcpy(&sum, p + n - 8, 8);
	if (memcmp(p, MAGIC, 8) != 0)
		return "not an inkdedup state file";
	take_bytes(&c, magic, 8);
	take_bytes(&c, head, sizeof head);
	if (head[1] != ORDER)
		return "made on a machine of another byte order";
	if (head[0] != VERSION)
		return "made by another version of inkdedup";
	if (XXH3_64bits(p, n - 8) != sum)
		return "damaged (checksum)";
	if (head[2] != (SHINGLE_WORDS << 8 | SHINGLE_CJK) ||
	    head[3] != (WINDOW_WORDS << 8 | WINDOW_CJK))
		return "made with other shingles";
	if (head[4] != min_chars)
		return "made with another --min-chars";
	if ((head[5] ^ flags()) & F_DIGITS)
		return "made with another digit folding (-D)";
	if ((head[5] ^ flags()) & F_EXACT)
		return "made with another mode (-e)";
	if ((head[5] ^ flags()) & F_MARK)
		return "made with another -m";
	c.end = p + n - 8;
	for (int g = 0; g < 2; g++)
		if ((why = read_gen(&c, &gens[g])) != NULL)
			return why;
	if (c.p != c.end)
		return "bytes past its end";
	return NULL;
}

static void
load_state(void)
{
	struct stat st;
	unsigned char *p;
	const char *why;
	int fd;

	if ((fd = open(state_path, O_RDONLY | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			return;		/* the first run makes it */
		err_fatal("%s: %s", state_path, strerror(errno));
	}
	if (fstat(fd, &st) < 0)
		err_fatal("%s: %s", state_path, strerror(errno));
	p = xmalloc((size_t)st.st_size + 1);
	if (in_read(fd, p, (size_t)st.st_size) != st.st_size)
		err_fatal("%s: cannot read it whole", state_path);
	close(fd);
	if ((why = state_parse(p, (size_t)st.st_size)) != NULL)
		err_fatal("%s: refused: %s", state_path, why);
	free(p);
}

/* writing: a buffer on a file, summed as it goes */
struct wr {
	int	 fd;
	const char *name;
	XXH3_state_t *sum;
	char	 b[1 << 16];
	size_t	 n;
};

static void
wr_flush(struct wr *w)
{
	for (size_t k = 0; k < w->n;) {
		ssize_t r = write(w->fd, w->b + k, w->n - k);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			unlink(w->name);
			err_fatal("%s: %s", w->name, strerror(errno));
		}
		k += (size_t)r;
	}
	w->n = 0;
}

static void
wr(struct wr *w, const void *p, size_t n)
{
	XXH3_64bits_update(w->sum, p, n);
	while (n > 0) {
		size_t k = sizeof w->b - w->n < n ? sizeof w->b - w->n : n;

		memcpy(w->b + w->n, p, k);
		w->n += k;
		p = (const char *)p + k;
		n -= k;
		if (w->n == sizeof w->b)
			wr_flush(w);
	}
}

static void
wr_u64(struct wr *w, uint64_t v)
{
	wr(w, &v, sizeof v);
}

static void
write_table(struct wr *w, const struct table *t)
{
	for (size_t i = 0; i < t->nbucket * WORDS; i++)
		if (is_slot(t, i) && t->key[i] != 0)
			wr(w, &t->key[i], 8);
	if (refs)
		for (size_t i = 0; i < t->nbucket * WORDS; i++)
			if (is_slot(t, i) && t->key[i] != 0) {
				uint32_t r = ref_get(t, i);

				wr(w, &r, 4);
			}
}

static void
write_gen(struct wr *w, const struct gen *g)
{
	wr_u64(w, g->exact.n);
	wr_u64(w, g->near.n);
	wr_u64(w, g->norig);
	wr_u64(w, g->ndoc);
	wr_u64(w, g->names.n);
	write_table(w, &g->exact);
	write_table(w, &g->near);
	for (size_t i = 0; i < g->norig; i++) {
		wr(w, &g->orig[i].seq, 8);
		wr(w, &g->orig[i].doc, 4);
		wr(w, &g->orig[i].nsamp, 4);
	}
	wr(w, g->docoff, g->ndoc * 4);
	wr(w, g->names.p, g->names.n);
}

/*
 * A new file beside the old one, synced, renamed over it, and the
 * directory synced: a run stopped at any point leaves the old state or
 * the new one, whole.
 */
static void
save_state(void)
{
	static struct wr w;
	struct buf tmp = { 0 }, dir = { 0 };
	const char *slash = strrchr(state_path, '/');
	uint32_t head[6] = { VERSION, ORDER, SHINGLE_WORDS << 8 | SHINGLE_CJK,
	    WINDOW_WORDS << 8 | WINDOW_CJK,
	    (uint32_t)min_chars, flags() };
	uint64_t sum;
	mode_t mask = umask(0);
	int dfd;

	umask(mask);
	buf_add(&tmp, state_path, strlen(state_path));
	buf_add(&tmp, ".XXXXXX", 8);
	if ((w.fd = mkstemp(tmp.p)) < 0)
		err_fatal("%s: %s", tmp.p, strerror(errno));
	fchmod(w.fd, 0666 & ~mask);
	w.name = tmp.p;
	w.n = 0;
	if ((w.sum = XXH3_createState()) == NULL)
		err_fatal("out of memory");
	XXH3_64bits_reset(w.sum);
	wr(&w, MAGIC, 8);
	wr(&w, head, sizeof head);
	for (int g = 0; g < 2; g++)
		write_gen(&w, &gens[g]);
	sum = XXH3_64bits_digest(w.sum);
	wr(&w, &sum, 8);
	wr_flush(&w);
	if (fsync(w.fd) < 0 || close(w.fd) < 0) {
		unlink(tmp.p);
		err_fatal("%s: %s", tmp.p, strerror(errno));
	}
	if (rename(tmp.p, state_path) < 0) {
		unlink(tmp.p);
		err_fatal("%s: %s", state_path, strerror(errno));
	}
	if (slash != NULL)
		buf_add(&dir, state_path, (size_t)(slash - state_path) + 1);
	buf_add(&dir, ".", 2);
	if ((dfd = open(dir.p, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	XXH3_freeState(w.sum);
	buf_free(&tmp);
	buf_free(&dir);
}

/* the program */

static const struct option longopts[] = {
	{ "exact", no_argument, NULL, 'e' },
	{ "threshold", required_argument, NULL, 't' },
	{ "min-chars", required_argument, NULL, 'c' },
	{ "keep-digits", no_argument, NULL, 'd' },
	{ "fold-digits", no_argument, NULL, 'D' },
	{ "mark", no_argument, NULL, 'm' },
	{ "invert", no_argument, NULL, 'v' },
	{ "articles", no_argument, NULL, 'A' },
	{ "state", required_argument, NULL, 's' },
	{ "no-wait", no_argument, NULL, 'n' },
	{ "max-memory", required_argument, NULL, 'M' },
	{ "keys", no_argument, NULL, 'K' },
	{ "stats", no_argument, NULL, 'S' },
	{ "reduce", no_argument, NULL, 'U' },
	OPT_LONGOPTS_COMMON
};

static bool
option(int c, char *arg)
{
	char *end;

	switch (c) {
	case 'e': exact_only = true; return true;
	case 'd': fold_digits = false; return true;
	case 'D': fold_digits = true; return true;
	case 'm': mark = true; return true;
	case 'v': invert = true; return true;
	case 'A': articles = true; return true;
	case 'n': nowait = true; return true;
	case 'K': keys_mode = true; return true;
	case 'S': stats = true; return true;
	case 'U': reduce_mode = true; return true;
	case 's': state_path = arg; return true;
	case 'c':
		min_chars = (size_t)xstrtonum(arg, 0, 1000000, "--min-chars",
		    usage);
		return true;
	case 'M':
		max_memory = xstrtosize(arg, "--max-memory", usage);
		return true;
	case 't':
		errno = 0;
		threshold = strtod(arg, &end);
		if (errno != 0 || end == arg || *end != '\0' ||
		    !(threshold > 0 && threshold <= 1))
			err_usage(usage, "--threshold: '%s' is not a fraction "
			    "above 0 and at most 1", arg);
		return true;
	default:
		return false;
	}
}

static void
start(size_t maxrec)
{
	if (keys_mode && reduce_mode)
		err_usage(usage, "--keys and --reduce go in different stages");
	if ((keys_mode || reduce_mode) && (mark || invert || articles ||
	    state_path != NULL))
		err_usage(usage, "--keys and --reduce take none of -m -v -A "
		    "-s");
	if (mark && invert)
		err_usage(usage, "-m keeps all, -v only copies: one of them");
	refs = mark || !exact_only;
	sort_ascii();
	if (reduce_mode) {
		/* a stage of its own: no records of the usual kind follow */
		reduce(maxrec);
		exit(out_finish());
	}
	if (state_path != NULL) {
		lock_state();
		load_state();
	}
	if (!keys_mode) {
		relay_start();
		out_on_flush(drain);
	}
}

/* --stats: what was seen and what is kept of it, on the standard error */
static void
print_stats(void)
{
	size_t ex = 0, ne = 0, orig = 0, n = 0;

	for (int g = 0; g < 2; g++) {
		ex += table_bytes(&gens[g].exact);
		ne += table_bytes(&gens[g].near);
		orig += gen_bytes(&gens[g]) - table_bytes(&gens[g].exact) -
		    table_bytes(&gens[g].near);
		n += gens[g].exact.n;
	}
	out_flush();
	fprintf(stderr, "%s: %llu bytes read, %llu paragraphs looked at: "
	    "%llu exact copies, %llu near copies\n"
	    "%s: tables: %zu paragraphs in %zu bytes (exact), %zu bytes "
	    "(near), %zu bytes (origins)\n", err_prog(),
	    (unsigned long long)nbytes, (unsigned long long)nlooked,
	    (unsigned long long)ncopies, (unsigned long long)nnearcopies,
	    err_prog(), n, ex, ne, orig);
}

static void
end(void)
{
	drain();
	if (articles)
		flush_article();
	if (stats)
		print_stats();
	if (state_path != NULL) {
		/* what went out is out before the state says it was seen */
		out_flush();
		save_state();
	}
}

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "et:c:dDmvAs:nM:R:hV",
	    longopts, help, option, start, take, end };

	return opt_filter(&f, argc, argv);
}
