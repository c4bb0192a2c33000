/*
 * inkfigs: the figures a paragraph cites, found, normalized and counted.
 *
 * A paragraph is read once, left to right.  Where a number starts (an
 * Arabic or full-width digit, a Chinese numeral, an English number word)
 * it is read whole: 2.6万, 一百二十, 1,044.5, four million.  Then what
 * stands around it decides what it is: a date or a time (2025年3月5日,
 * 10时29分, Jan. 25), a year, an ordinal (第十六届), a name (十四五, 5G,
 * 波音787), or a figure, with its qualifier (超, 近, more than), its
 * currency and its unit (列, 个百分点, 微克/立方米, million barrels).
 *
 * The words around numbers are a table (data/figs.tab, built in; -t FILE
 * reads another): the program knows the grammar of numbers, the table
 * the vocabulary.  Values are exact decimals: a value is an integer m
 * and a power of ten e, and only a fraction that does not end (三分之一)
 * is rounded, once, to 15 significant digits.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "rec.h"
#include "utf8.h"

static const char usage[] =
    "usage: inkfigs [-acdhTVx] [-t table] [-R size]\n";

/* data/figs.tab, as a C string (made by the Makefile) */
static const char builtin_table[] =
#include "figs.tab.h"
    ;

/* ---- the table ---------------------------------------------------- */

enum cls { UNIT, UNIT_PRE, CUR, PRE, POST, INNER, LABEL_PRE, LABEL_POST,
	ORD_POST, STOP, NCLS };
static const char *const cls_name[NCLS] = { "unit", "unit-pre", "cur", "pre",
	"post", "inner", "label-pre", "label-post", "ordinal-post", "stop" };

/* what a span is: the figures first, then what -a adds */
enum type { T_COUNT, T_PERCENT, T_POINTS, T_MONEY, T_MEASURE, T_AGE,
	T_DURATION, T_SCORE, T_RANGE, T_FRACTION, NFIG,
	T_DATE = NFIG, T_YEAR, T_TIME, T_ORDINAL, T_LABEL, T_NUMERAL, NTYPE };
static const char *const type_name[NTYPE] = { "count", "percent",
	"points", "money", "measure", "age", "duration", "score", "range",
	"fraction", "date", "year", "time", "ordinal", "label", "numeral" };

enum qual { Q_NONE, Q_GT, Q_LT, Q_APPROX };
static const char *const qual_name[] = { "", "gt", "lt", "approx" };

struct word {
	const char *w;
	size_t	 n;
	unsigned char cls, type, qual;
	bool	 latin;		/* ASCII letters: any case, whole words */
	const char *cur;	/* ISO 4217, or NULL */
};

static struct word *words;
static size_t nwords;
/*
 * The words of each class by their first character and by their last
 * (a Latin letter in lower case), longest first: what after() and
 * before() look through.
 */
#define NKEY	1024
struct bucket {
	const struct word **w;
	size_t	 n;
};
static struct bucket byfirst[NCLS][NKEY], bylast[NCLS][NKEY];
static char *table_text;	/* the table's bytes, which words point into */

static const char *table_path;
static bool all, xtract, counts, print_table;

static int
type_of(const char *s, size_t n)
{
	for (int t = 0; t < NTYPE; t++)
		if (strlen(type_name[t]) == n && memcmp(type_name[t], s, n) == 0)
			return t;
	return -1;
}

static int
qual_of(const char *s, size_t n)
{
	for (int q = Q_GT; q <= Q_APPROX; q++)
		if (strlen(qual_name[q]) == n && memcmp(qual_name[q], s, n) == 0)
			return q;
	return -1;
}

static bool
latin_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isalpha((unsigned char)s[i]))
			return true;
	return false;
}

/* longest first, so that the first match is the longest */
static int
by_length(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	return x->n < y->n ? 1 : x->n > y->n ? -1 : 0;
}

/* the bucket of the character that starts p[0, n): ASCII in lower case */
static unsigned
key_first(const char *p, size_t n)
{
	unsigned char c = (unsigned char)p[0];
	unsigned h = c;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
	for (size_t k = 1; k < n && k < 4 && ((unsigned char)p[k] & 0xc0) ==
	    0x80; k++)
		h = h * 31 + (unsigned char)p[k];
	return 128 + h % (NKEY - 128);
}

/* the bucket of the character that ends p[0, n) */
static unsigned
key_last(const char *p, size_t n)
{
	size_t i = n;

	while (i > 0 && n - i < 3 && ((unsigned char)p[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0 && i < n)
		i--;
	else if (i == n)
		i = n - 1;
	return key_first(p + i, n - i);
}


static void
bucket_add(struct bucket *b, const struct word *w)
{
	b->w = xrealloc(b->w, (b->n + 1) * sizeof *b->w);
	b->w[b->n++] = w;
}

/* read the table in text, which stays allocated; name for messages */
static void
load_table(char *text, const char *name)
{
	size_t cap = 0, lineno = 0;

	table_text = text;
	for (char *line = text, *next; line != NULL && *line; line = next) {
		char *f[4] = { 0 };
		size_t nf = 0;
		struct word w = { 0 };
		int k;

		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		for (char *p = line; p != NULL && nf < 4; nf++) {
			f[nf] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		for (k = 0; k < NCLS; k++)
			if (strcmp(f[0], cls_name[k]) == 0)
				break;
		if (k == NCLS || f[1] == NULL || *f[1] == '\0')
			err_fatal("%s: line %zu: not CLASS TAB WORD", name,
			    lineno);
		w.cls = (unsigned char)k;
		w.w = f[1];
		w.n = strlen(f[1]);
		w.latin = latin_word(w.w, w.n);
		if (k == UNIT || k == UNIT_PRE) {
			int t = f[2] ? type_of(f[2], strlen(f[2])) : -1;

			if (t < 0 || t >= NFIG)
				err_fatal("%s: line %zu: unit %s: no type, or "
				    "not one of count, percent, points, money, "
				    "measure, age, duration", name, lineno, f[1]);
			w.type = (unsigned char)t;
			w.cur = f[3];
		} else if (k == CUR) {
			if (f[2] == NULL)
				err_fatal("%s: line %zu: cur %s: no currency",
				    name, lineno, f[1]);
			w.cur = f[2];
		} else if (k == PRE || k == POST || k == INNER) {
			int q = f[2] ? qual_of(f[2], strlen(f[2])) : -1;

			if (q < 0)
				err_fatal("%s: line %zu: %s: the qualifier is "
				    "gt, lt or approx", name, lineno, f[1]);
			w.qual = (unsigned char)q;
		}
		if (nwords == cap) {
			cap = cap ? 2 * cap : 256;
			words = xrealloc(words, cap * sizeof *words);
		}
		words[nwords++] = w;
	}
	qsort(words, nwords, sizeof *words, by_length);
	for (size_t i = 0; i < nwords; i++) {
		const struct word *w = &words[i];

		bucket_add(&byfirst[w->cls][key_first(w->w, w->n)], w);
		bucket_add(&bylast[w->cls][key_last(w->w, w->n)], w);
	}
}

static bool
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
starts(const char *p, size_t n, size_t i, const char *s)
{
	size_t k = strlen(s);

	return n - i >= k && memcmp(p + i, s, k) == 0;
}

/* does word w stand at p[i, n)? */
static bool
word_at(const struct word *w, const char *p, size_t n, size_t i)
{
	if (w->n > n - i)
		return false;
	if (!w->latin)
		return memcmp(p + i, w->w, w->n) == 0;
	if (strncasecmp(p + i, w->w, w->n) != 0)
		return false;
	/* a whole word: no letter right after it */
	return i + w->n == n || !is_alpha((unsigned char)p[i + w->n]) ||
	    !is_alpha((unsigned char)w->w[w->n - 1]);
}

/* the longest word of class c at p[i, n), or NULL */
static const struct word *
after(int c, const char *p, size_t n, size_t i)
{
	const struct bucket *b;

	if (i >= n)
		return NULL;
	b = &byfirst[c][key_first(p + i, n - i)];
	for (size_t k = 0; k < b->n; k++)
		if (word_at(b->w[k], p, n, i))
			return b->w[k];
	return NULL;
}

/* the longest word of class c that ends at p + i, or NULL */
static const struct word *
before(int c, const char *p, size_t i)
{
	const struct bucket *b;

	if (i == 0)
		return NULL;
	b = &bylast[c][key_last(p, i)];
	for (size_t k = 0; k < b->n; k++) {
		const struct word *w = b->w[k];

		if (w->n > i || !word_at(w, p, i, i - w->n))
			continue;
		if (w->latin && i > w->n && is_alpha((unsigned char)w->w[0]) &&
		    is_alpha((unsigned char)p[i - w->n - 1]))
			continue;
		return w;
	}
	return NULL;
}

/* ---- exact decimals ----------------------------------------------- */

/* m * 10^e; big enough for 16-digit integers with 16 decimals */
struct dec {
	__int128 m;
	int	 e;
	bool	 bad;		/* overflowed: the number is no figure */
};

#define DEC_MAX ((__int128)1 << 120)

static struct dec
dec_int(long long v)
{
	return (struct dec){ v, 0, false };
}

static struct dec
dec_shift(struct dec a, int k)
{
	a.e += k;
	a.bad |= a.e > 60 || a.e < -60;	/* 四万万万万万…: no figure */
	return a;
}

static struct dec
dec_mul(struct dec a, long long k)
{
	if (a.m > DEC_MAX / 1000 || a.m < -DEC_MAX / 1000)
		a.bad = true;
	else
		a.m *= k;
	return a;
}

static struct dec
dec_add(struct dec a, struct dec b)
{
	if (a.m == 0 && !a.bad)
		return b;
	if (b.m == 0 && !b.bad)
		return a;
	while (a.e > b.e && !a.bad) {
		a = dec_mul(a, 10);
		a.e--;
	}
	while (b.e > a.e && !b.bad) {
		b = dec_mul(b, 10);
		b.e--;
	}
	a.m += b.m;
	a.bad |= b.bad;
	return a;
}

static bool
dec_isint(struct dec a, long long lo, long long hi)
{
	__int128 m = a.m;

	for (int e = a.e; e < 0; e++) {
		if (m % 10 != 0)
			return false;
		m /= 10;
	}
	for (int e = a.e; e > 0; e--)
		if ((m *= 10) > hi)
			return false;
	return !a.bad && m >= lo && m <= hi;
}

/* write a as a plain decimal into s (room for 128 bytes); its length */
static size_t
dec_str(struct dec a, char *s)
{
	char d[48];
	size_t nd = 0, n = 0;
	unsigned __int128 m = a.m < 0 ? -(unsigned __int128)a.m :
	    (unsigned __int128)a.m;
	int e = a.e;

	while (m != 0 && m % 10 == 0 && e < 0)
		m /= 10, e++;
	do
		d[nd++] = (char)('0' + m % 10);
	while ((m /= 10) != 0);
	if (a.m < 0)
		s[n++] = '-';
	if (e >= 0) {
		while (nd > 0)
			s[n++] = d[--nd];
		for (; e > 0 && n < 120; e--)
			s[n++] = '0';
	} else if ((size_t)-e >= nd) {
		s[n++] = '0';
		s[n++] = '.';
		for (int z = -e - (int)nd; z > 0 && n < 80; z--)
			s[n++] = '0';
		while (nd > 0)
			s[n++] = d[--nd];
	} else {
		while (nd > (size_t)-e)
			s[n++] = d[--nd];
		s[n++] = '.';
		while (nd > 0)
			s[n++] = d[--nd];
	}
	return n;
}

/* a / b, exact when it ends, else rounded once to 15 significant digits */
static struct dec
dec_div(struct dec a, struct dec b)
{
	struct dec q = { 0, 0, a.bad || b.bad || b.m == 0 };
	__int128 x = a.m, y = b.m;
	int sig = 0, e = a.e - b.e;
	bool neg = (x < 0) != (y < 0);

	if (q.bad)
		return q;
	x = x < 0 ? -x : x;
	y = y < 0 ? -y : y;
	q.m = x / y;
	x %= y;
	for (__int128 t = q.m; t != 0; t /= 10)
		sig++;
	while (x != 0 && sig < 15 && q.m < DEC_MAX / 100) {
		x *= 10;
		q.m = q.m * 10 + x / y;
		x %= y;
		e--;
		if (q.m != 0)
			sig++;
	}
	if (x != 0 && 2 * x >= y)
		q.m++;
	q.e = e;
	if (neg)
		q.m = -q.m;
	return q;
}

/* is v below 10? (九折 is 90%, 9.9折 99%) */
static bool
below10(struct dec v)
{
	return dec_add(v, dec_int(-10)).m < 0;
}

/* ---- reading numbers ---------------------------------------------- */

/* the character at p[i, n): its code point, *len its bytes (0: none) */
static uint32_t
char_at(const char *p, size_t n, size_t i, size_t *len)
{
	uint32_t cp;

	if (i >= n) {
		*len = 0;
		return 0;
	}
	if ((unsigned char)p[i] < 0x80) {
		*len = 1;
		return (unsigned char)p[i];
	}
	*len = utf8_decode((const unsigned char *)p + i, n - i, &cp);
	return *len ? cp : 0;
}

/* the character that ends p[0, i), 0 if none; *start where it starts */
static uint32_t
char_before(const char *p, size_t i, size_t *start)
{
	*start = i;
	return i > 0 ? utf8_before(p, start) : 0;
}

/* an ASCII or full-width digit's value, or -1 */
static int
arabic_digit(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xff10 && c <= 0xff19)
		return (int)(c - 0xff10);
	return -1;
}

/* a Chinese digit's value, -1 if c is none */
static int
zh_digit(uint32_t c)
{
	switch (c) {
	case 0x96f6: case 0x3007:			/* 零 〇 */
		return 0;
	case 0x4e00: case 0x58f9: case 0x5f0c:		/* 一 壹 弌 */
		return 1;
	case 0x4e8c: case 0x8d30: case 0x8cb3: case 0x4e24: case 0x5169:
	case 0x5006: case 0x4fe9:		/* 二 贰 貳 两 兩 倆 俩 */
		return 2;
	case 0x4e09: case 0x53c1: case 0x53c3:		/* 三 叁 參 */
		return 3;
	case 0x56db: case 0x8086:			/* 四 肆 */
		return 4;
	case 0x4e94: case 0x4f0d:			/* 五 伍 */
		return 5;
	case 0x516d: case 0x9646: case 0x9678:		/* 六 陆 陸 */
		return 6;
	case 0x4e03: case 0x67d2:			/* 七 柒 */
		return 7;
	case 0x516b: case 0x634c:			/* 八 捌 */
		return 8;
	case 0x4e5d: case 0x7396:			/* 九 玖 */
		return 9;
	}
	return -1;
}

/*
 * The forms of numerals written on cheques (壹 贰 叁 肆 伍 陆 柒 捌 玖 拾
 * 佰 仟): alone, each is a word of its own (队伍, 大陆, 收拾, 放肆).
 */
static bool
financial(uint32_t c)
{
	static const uint32_t f[] = { 0x58f9, 0x8d30, 0x8cb3, 0x53c1, 0x8086,
		0x4f0d, 0x9646, 0x9678, 0x67d2, 0x634c, 0x7396, 0x62fe, 0x4f70,
		0x4edf };

	for (size_t k = 0; k < sizeof f / sizeof *f; k++)
		if (c == f[k])
			return true;
	return false;
}

/* 余, 多, 几, 幾: about, or more than, inside a number (十余万) */
static bool
fuzzy(uint32_t c)
{
	return c == 0x4f59 || c == 0x591a || c == 0x51e0 || c == 0x5e7e;
}

/* past spaces at p[j] */
static size_t
spaces(const char *p, size_t n, size_t j)
{
	while (j < n && p[j] == ' ')
		j++;
	return j;
}

/* the power of ten of a Chinese unit: 十 1, 百 2, 千 3, 万 4, 亿 8, 兆 12 */
static int
zh_unit(uint32_t c)
{
	switch (c) {
	case 0x5341: case 0x62fe:			/* 十 拾 */
		return 1;
	case 0x767e: case 0x4f70:			/* 百 佰 */
		return 2;
	case 0x5343: case 0x4edf:			/* 千 仟 */
		return 3;
	case 0x4e07: case 0x842c:			/* 万 萬 */
		return 4;
	case 0x4ebf: case 0x5104:			/* 亿 億 */
		return 8;
	case 0x5146:					/* 兆 */
		return 12;
	}
	return 0;
}

/* a number as read: where its numerals are, its value, how it was written */
struct num {
	size_t	 s, e;		/* bytes of p */
	struct dec v;
	bool	 arabic;	/* has Arabic digits */
	bool	 zh;		/* has Chinese numerals */
	bool	 plain;		/* digits only: no separator, point or unit */
	int	 ndigits;	/* of a plain number */
	bool	 lone;		/* a lone 一 or one: an article, not a count */
	int	 qual;		/* 十余万: the 余 inside */
	bool	 frac;		/* two-thirds, 三分之一 */
	bool	 mixed;		/* 7-3/4 */
	size_t	 pair;		/* 两三百, 七八个: where the second digit is */
};

static size_t exponent(const char *p, size_t n, size_t j, struct num *x);
static long long small_int(const char *p, size_t n, size_t i, size_t *e);

/*
 * Arabic digits at p[i, n): 5000, 11,263, 1,044.5, ４，５６５, .5; the
 * end, or i when there are none.
 */
static size_t
read_arabic(const char *p, size_t n, size_t i, struct num *x)
{
	size_t j = i, len, k;
	uint32_t c;
	int d, frac = 0, groups = 0;
	bool point = false, spaced_ok = false;

	x->v = dec_int(0);
	x->ndigits = 0;
	for (;;) {
		c = char_at(p, n, j, &len);
		if ((d = arabic_digit(c)) >= 0) {
			x->v = dec_add(dec_mul(x->v, 10), dec_int(d));
			x->ndigits++;
			if (point)
				frac++;
			j += len;
			continue;
		}
		if ((c == ',' || (c == 0xff0c && j >= 3 &&
		    arabic_digit(char_before(p, j, &k)) >= 0 &&
		    (unsigned char)p[j - 1] >= 0x80) || ((c == ' ' ||
		    c == 0x202f || c == 0xa0) && spaced_ok)) && !point &&
		    x->ndigits > 0) {
			/* a group of three digits, and no more, after it */
			size_t m = j + len;
			int three = 0;

			for (; three < 4; three++) {
				uint32_t c2 = char_at(p, n, m, &k);

				if (arabic_digit(c2) < 0)
					break;
				m += k;
			}
			if (three == 3) {
				groups++;
				j += len;
				continue;
			}
			break;
		}
		if (!spaced_ok && c != ',' && groups == 0 && j > i && (c == ' ' ||
		    c == 0x202f || c == 0xa0) && x->ndigits <= 3) {
			/*
			 * 1 234 567: spaces between groups when a group of
			 * three follows and the first is short
			 */
			size_t m = j + len, t;
			long long g = small_int(p, n, m, &t);

			if (g >= 0 && t - m == 3 && (t == n || (p[t] != '-' &&
			    !is_alpha((unsigned char)p[t]))))
				spaced_ok = true;
			if (spaced_ok)
				continue;
		}
		if ((c == '.' || c == 0xff0e) && !point) {
			uint32_t c2 = char_at(p, n, j + len, &k);

			if (arabic_digit(c2) >= 0) {
				point = true;
				j += len;
				continue;
			}
		}
		break;
	}
	if (x->ndigits == 0)
		return i;
	x->v.e -= frac;
	x->arabic = true;
	x->plain = !point && groups == 0;
	return exponent(p, n, j, x);
}

/* a sign at p[j]: +1, -1 (-, −, －), or 0; *len its bytes */
static int
sign_at(const char *p, size_t n, size_t j, size_t *len)
{
	uint32_t c = char_at(p, n, j, len);

	return c == '+' ? 1 : c == '-' || c == 0x2212 || c == 0xff0d ? -1 : 0;
}

/* v rounded to 15 significant digits, as a value that had to be cut */
static struct dec
dec_round15(struct dec v)
{
	int digits = 0;
	bool neg = v.m < 0, up;

	if (neg)
		v.m = -v.m;
	for (__int128 t = v.m; t != 0; t /= 10)
		digits++;
	for (; digits > 15; digits--) {
		up = v.m % 10 >= 5 && digits == 16;
		v.m /= 10;
		v.e++;
		v.m += up;
	}
	if (neg)
		v.m = -v.m;
	return v;
}

/*
 * After digits ending at p + j, a power of ten (2e5, 12.32e+14,
 * 2.7890e-1) or a power (2^5, 1.1^23, 2.5^-1): the value made, and the
 * new end; j when there is none.
 */
static size_t
exponent(const char *p, size_t n, size_t j, struct num *x)
{
	size_t k = j + 1, len;
	long long e = 0;
	int sign = 1, s, d, nd = 0;
	bool pow = j < n && p[j] == '^';

	if ((starts(p, n, j, "x10^") || starts(p, n, j, "×10^")) &&
	    !(x->v.bad)) {
		/* 1.3x10^6: written as e */
		size_t t = j + (p[j] == 'x' ? 3 : 4);
		struct num y = *x;

		y.v = dec_int(10);
		if ((k = exponent(p, n, t, &y)) > t) {
			/* y is 10^e: a 1 and a shift, or its inverse */
			while (y.v.m != 0 && y.v.m % 10 == 0)
				y.v.m /= 10, y.v.e++;
			x->v.e += y.v.e;
			x->v = dec_round15(x->v);
			x->plain = false;
			return k;
		}
		return j;
	}
	if (j + 1 >= n || !(pow || p[j] == 'e' || p[j] == 'E'))
		return j;
	while ((s = sign_at(p, n, k, &len)) != 0 && (pow || k == j + 1)) {
		sign *= s;
		k += len;
	}
	while ((d = arabic_digit(char_at(p, n, k, &len))) >= 0 && nd < 4) {
		e = e * 10 + d;
		k += len;
		nd++;
	}
	if (nd == 0 || arabic_digit(char_at(p, n, k, &len)) >= 0 ||
	    (k < n && is_alpha((unsigned char)p[k])))
		return j;
	if (!pow) {
		x->v.e += (int)(sign * e);
		if (x->v.e > 60 || x->v.e < -60)
			x->v.bad = true;
	} else {
		struct dec r = dec_int(1), b = dec_round15(x->v);
		__int128 bm = b.m < 0 ? -b.m : b.m;

		/* exact while the product fits, then 15 digits */
		for (long long t = 0; t < e && !r.bad; t++) {
			if (bm != 0 && (r.m < 0 ? -r.m : r.m) > DEC_MAX / bm)
				r = dec_round15(r);
			r.m *= b.m;
			r.e += b.e;
			r.bad |= e > 300 || r.e > 60 || r.e < -60;
		}
		x->v = sign < 0 ? dec_div(dec_int(1), r) : dec_round15(r);
	}
	x->plain = false;
	return k;
}

/* Chinese digits after 点: 点五五四四, or Arabic ones (点5); the end */
static size_t
read_fraction(const char *p, size_t n, size_t i, struct dec *f)
{
	size_t j = i, len;
	int d, k = 0;
	uint32_t c;

	*f = dec_int(0);
	while ((c = char_at(p, n, j, &len)) != 0 && c != 0x4e24 &&
	    c != 0x5169 && ((d = zh_digit(c)) >= 0 ||
	    (d = arabic_digit(c)) >= 0)) {
		*f = dec_add(dec_mul(*f, 10), dec_int(d));
		k++;
		j += len;
	}
	f->e -= k;
	return j;
}

/*
 * The run of Chinese digits at p[j, n): its end, and in *zero whether
 * 〇 or 零 is among them.  In the paragraph being scanned the run is
 * kept, so that 五六五六…, read as a number of two digits at a time,
 * is read to its end once rather than at each of them.
 */
static const char *para;		/* the paragraph scan() reads */
static size_t para_n, zrun_start, zrun_end, zrun_zero;	/* past the last 零 */

static size_t
zh_run(const char *p, size_t n, size_t j, bool *zero)
{
	size_t e, k, z = 0;
	int d;

	if (p == para && n == para_n && j >= zrun_start && j < zrun_end) {
		*zero = zrun_zero > j;
		return zrun_end;
	}
	for (e = j; (d = zh_digit(char_at(p, n, e, &k))) >= 0; e += k)
		if (d == 0)
			z = e + k;
	if (p == para && n == para_n) {
		zrun_start = j;
		zrun_end = e;
		zrun_zero = z;
	}
	*zero = z > 0;
	return e;
}

/*
 * A number in Chinese numerals, or mixed (2.6万, 5万4千6百, 1千零20) at
 * p[i, n): the end of it, or i.  The Chinese grammar: a section below
 * 万 sums digit-unit pairs (四千零五); 万, 亿 and 兆 multiply all that
 * came since a larger one (四十五亿四千零四万); a digit right after a
 * unit with nothing between stands for the next place down (一万三 is
 * 13000, 二百五 is 250).
 */
static size_t
read_zh(const char *p, size_t n, size_t i, struct num *x)
{
	struct dec st[4], sec = dec_int(0), pend = dec_int(0), f;
	int stexp[4], nst = 0, last = 0, d, u;
	size_t j = i, len, k, lastgood = i;
	bool haspend = false, prevdigit = false, zero = false, single = false;
	bool anydigit = false, tens = false, anyunit = false, hasarabic;
	bool bigjust = false;		/* the last token was 万, 亿 or 兆 */
	uint32_t c;
	struct num a = { 0 };

	hasarabic = x->arabic;
	if (x->arabic) {
		pend = x->v;
		haspend = anydigit = true;
		j = x->e;
		lastgood = j;
	}
	x->zh = false;
	for (;;) {
		c = char_at(p, n, j, &len);
		if (c == ' ' && j > i) {
			/* 一百 五 十 二, 1000 万: spaces between numerals */
			size_t t = j;
			uint32_t c2;

			while (t < n && p[t] == ' ')
				t++;
			c2 = char_at(p, n, t, &k);
			if ((zh_digit(c2) >= 0 && c2 != 0x4e24 && c2 != 0x5169) ||
			    zh_unit(c2) != 0 || ((c2 == 0x70b9 || c2 == 0x9ede) &&
			    (haspend || anyunit)) || (arabic_digit(c2) >= 0 &&
			    anyunit) || (fuzzy(c2) && zh_unit(char_at(p, n,
			    spaces(p, n, t + k), &k)) >= 4)) {
				j = t;
				continue;
			}
			break;
		}
		if ((d = zh_digit(c)) >= 0) {
			if (!haspend && !anyunit && !x->zh && !hasarabic) {
				/* a run of digits: 二〇二五, 五五折 */
				bool z;
				size_t e = zh_run(p, n, j, &z), l;
				struct dec v = dec_int(0);
				int run = 0;

				for (k = j; k < e && run < 5; run++, k += l)
					char_at(p, n, k, &l);
				c = char_at(p, n, e, &k);
				if ((run >= 2 && (z || c == 0x6298)) || (run == 4 &&
				    c == 0x5e74)) {
					for (k = j, run = 0; k < e; run++, k += l)
						v = dec_add(dec_mul(v, 10), dec_int(
						    zh_digit(char_at(p, n, k, &l))));
					pend = v;
					x->ndigits = run;
					x->plain = true;
					x->zh = haspend = anydigit = true;
					hasarabic = true;	/* no more digits */
					lastgood = j = e;
					continue;
				}
			}
			if (haspend && prevdigit && single && !x->pair &&
			    pend.e == 0 && pend.m + 1 == d && (d >= 3 ||
			    c == 0x4e24 || c == 0x5169)) {
				/* 两三百, 七八个, 一两个: about one or the next */
				x->pair = j;
				lastgood = j += len;
				continue;
			} else if ((c == 0x4e24 || c == 0x5169) && (haspend ||
			    (anyunit && zh_unit(char_at(p, n, j + len, &k)) ==
			    0))) {
				/* 三十两, 二两: 两 no digit there, the unit */
				break;
			} else if (haspend && zero && pend.m == 0) {
				pend = dec_int(d);	/* 一千零五 */
			} else if (haspend) {
				break;
			} else if (d == 0) {
				zero = true;
				pend = dec_int(0);
				haspend = true;
			} else {
				pend = dec_int(d);
				haspend = true;
				single = !zero;
			}
			prevdigit = true;
			anydigit = true;
			bigjust = false;
			x->zh = true;
			lastgood = j += len;
			continue;
		}
		if (arabic_digit(c) >= 0 && (anyunit || zero)) {
			size_t e = read_arabic(p, n, j, &a);

			if (haspend && !(zero && pend.m == 0))
				break;
			pend = a.v;
			haspend = anydigit = true;
			single = false;
			prevdigit = false;
			hasarabic = true;
			lastgood = j = e;
			continue;
		}
		if ((u = zh_unit(c)) != 0 && after(UNIT, p, n, j) == NULL) {
			struct dec m = haspend && !(zero && pend.m == 0) ?
			    pend : dec_int(1);

			if (u < 4) {
				if (!haspend && (last != 0 && last <= u))
					break;
				if (!haspend && u != 1 && !anydigit &&
				    nst == 0 && sec.m == 0) {
					/* 百三 is 130, but 百 alone no number */
					uint32_t c2 = char_at(p, n, j + len, &k);

					if (zh_digit(c2) <= 0)
						break;
				}
				if (u == 1 && !haspend)
					tens = true;
				sec = dec_add(sec, dec_shift(m, u));
			} else {
				struct dec t = haspend ? dec_add(sec, pend) : sec;

				while (nst > 0 && stexp[nst - 1] < u)
					t = dec_add(t, st[--nst]);
				if (t.m == 0 && nst > 0 && bigjust) {
					/* 四万万 */
					st[nst - 1] = dec_shift(st[nst - 1], u);
					stexp[nst - 1] += u;
				} else if (t.m == 0 || nst == 4) {
					break;
				} else {
					st[nst] = dec_shift(t, u);
					stexp[nst++] = u;
				}
				sec = dec_int(0);
			}
			haspend = prevdigit = zero = single = false;
			hasarabic = false;
			bigjust = u >= 4;
			last = u;
			anyunit = true;
			x->zh = true;
			lastgood = j += len;
			/* 十余万, 一千多万, 二十几万: a qualifier inside */
			c = char_at(p, n, j, &len);
			if (c == 0x4f59 || c == 0x591a || c == 0x51e0) {
				uint32_t c2 = char_at(p, n, j + len, &k);

				if (zh_unit(c2) >= 4) {
					x->qual = c == 0x51e0 ? Q_APPROX : Q_GT;
					j += len;
				}
			}
			continue;
		}
		if ((c == 0x70b9 || c == 0x9ede) && haspend | anyunit) {
			/* 点 or 點, then digits: 十五点七 */
			size_t t = j + len, e;

			while (t < n && p[t] == ' ')
				t++;
			if ((e = read_fraction(p, n, t, &f)) == t)
				break;
			if (haspend && single && last >= 2)
				pend = dec_shift(pend, last - 1);	/* 两千三点一 */
			pend = dec_add(dec_add(sec, haspend ? pend : dec_int(0)),
			    f);
			bigjust = false;
			sec = dec_int(0);
			haspend = true;
			single = prevdigit = false;
			last = 0;
			lastgood = j = e;
			continue;
		}
		if (fuzzy(c) && (haspend || anyunit)) {
			/* 500余万, 十 余 万 */
			size_t t = spaces(p, n, j + len);
			uint32_t c2 = char_at(p, n, t, &k);

			if (zh_unit(c2) >= 4) {
				x->qual = c == 0x51e0 || c == 0x5e7e ? Q_APPROX :
				    Q_GT;
				prevdigit = false;
				haspend = haspend && !(zero && pend.m == 0);
				j = t;
				continue;
			}
		}
		break;
	}
	if (!anydigit && !tens)
		return x->arabic ? x->e : i;
	if (haspend && single && last >= 2 && lastgood == j)
		pend = dec_shift(pend, last - 1);
	x->v = haspend ? dec_add(sec, pend) : sec;
	while (nst > 0)
		x->v = dec_add(x->v, st[--nst]);
	x->plain = x->plain && !anyunit;
	x->e = lastgood;
	return lastgood;
}

/* ---- English number words ------------------------------------------ */

static const char *const small_words[] = { "zero", "one", "two", "three",
	"four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen" };
static const char *const tens_words[] = { "twenty", "thirty", "forty",
	"fifty", "sixty", "seventy", "eighty", "ninety" };
static const struct { const char *w; int exp; } scale_words[] = {
	{ "hundred", 2 }, { "thousand", 3 }, { "million", 6 }, { "mln", 6 },
	{ "mn", 6 }, { "billion", 9 }, { "bln", 9 }, { "bn", 9 },
	{ "trillion", 12 }, { "tln", 12 },
};

/* the length of the ASCII word at p[i, n) */
static size_t
word_len(const char *p, size_t n, size_t i)
{
	size_t j = i;

	while (j < n && is_alpha((unsigned char)p[j]))
		j++;
	return j - i;
}

static bool
is_word(const char *p, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(p, w, len) == 0;
}

/* an English number word: 0-90 in *v, or a scale (hundred 2) in *exp */
static bool
en_word(const char *p, size_t len, int *v, int *exp)
{
	*v = -1;
	*exp = 0;
	for (int k = 0; k < 20; k++)
		if (is_word(p, len, small_words[k]))
			return *v = k, true;
	for (int k = 0; k < 8; k++)
		if (is_word(p, len, tens_words[k]))
			return *v = 20 + 10 * k, true;
	for (size_t k = 0; k < sizeof scale_words / sizeof *scale_words; k++)
		if (is_word(p, len, scale_words[k].w))
			return *exp = scale_words[k].exp, true;
	if (is_word(p, len, "dozen") || is_word(p, len, "dozens") ||
	    is_word(p, len, "dzs") || is_word(p, len, "dozs"))
		return *exp = -12, true;
	if (len > 4 && (p[len - 1] | 0x20) == 's' && en_word(p, len - 1, v, exp)
	    && *exp > 0)
		return true;	/* hundreds, thousands */
	return false;
}

/* what an English word is to a number */
enum ekind { E_NONE, E_SMALL, E_TENS, E_HUNDRED, E_SCALE, E_DOZEN, E_AND,
	E_A, E_ORD, E_POINT, E_MINUS, E_OVER, E_HALF, E_NUM };

struct etok {
	size_t	 s, e;		/* bytes of p */
	int	 kind;
	long long v;		/* 0-90; a scale's power of ten; an ordinal */
	struct dec d;		/* E_NUM's: digits among the words */
};

static const char *const ordinals[] = { "", "first", "second", "third",
	"fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
	"sixteenth", "seventeenth", "eighteenth", "nineteenth" };
static const char *const tens_ordinals[] = { "twentieth", "thirtieth",
	"fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
	"ninetieth" };

/* the ordinal p[0, len) names, plural or not (thirds), or 0 */
static long long
ordinal(const char *p, size_t len)
{
	static const struct { const char *w; long long v; } big[] = {
		{ "hundredth", 100 }, { "thousandth", 1000 },
		{ "millionth", 1000000 }, { "billionth", 1000000000 },
		{ "trillionth", 1000000000000 }, { "quarter", 4 } };

	if (len > 2 && (p[len - 1] | 0x20) == 's')
		len--;
	for (int k = 1; k < 20; k++)
		if (is_word(p, len, ordinals[k]))
			return k;
	for (int k = 0; k < 8; k++)
		if (is_word(p, len, tens_ordinals[k]))
			return 20 + 10 * k;
	for (size_t k = 0; k < sizeof big / sizeof *big; k++)
		if (is_word(p, len, big[k].w))
			return big[k].v;
	return 0;
}

/* the kind of the English word p[0, len) */
static int
en_kind_slow(const char *p, size_t len, long long *v)
{
	int w, exp;

	*v = 0;
	if (is_word(p, len, "nought") || is_word(p, len, "naught"))
		return E_SMALL;
	if (en_word(p, len, &w, &exp)) {
		*v = w >= 0 ? w : exp;
		return w >= 20 ? E_TENS : w >= 0 ? E_SMALL : exp == 2 ?
		    E_HUNDRED : exp == -12 ? E_DOZEN : E_SCALE;
	}
	if (is_word(p, len, "lakh") || is_word(p, len, "crore"))
		return *v = (p[0] | 0x20) == 'l' ? 5 : 7, E_SCALE;
	if (is_word(p, len, "and"))
		return E_AND;
	if (is_word(p, len, "a") || is_word(p, len, "an"))
		return E_A;
	if (is_word(p, len, "point"))
		return E_POINT;
	if (is_word(p, len, "minus") || is_word(p, len, "negative"))
		return E_MINUS;
	if (is_word(p, len, "over") || is_word(p, len, "in"))
		return E_OVER;	/* in: one in five */
	if (is_word(p, len, "half") || is_word(p, len, "halves"))
		return *v = 2, E_HALF;
	if ((*v = ordinal(p, len)) > 0)
		return E_ORD;
	return E_NONE;
}

/*
 * Every word en_kind_slow() knows, in a small hash table by its lower
 * case: English words are looked up often, and most are no number.
 */
#define NEW	1024
static struct {
	char	 w[16];
	unsigned char len, kind;
	long long v;
} ewords[NEW];

static unsigned
ehash(const char *lower, size_t len)
{
	unsigned h = 2166136261u;

	for (size_t k = 0; k < len; k++)
		h = (h ^ (unsigned char)lower[k]) * 16777619u;
	return h % NEW;
}

static void
eword_add(const char *w)
{
	size_t len = strlen(w);
	unsigned h = ehash(w, len);
	long long v;
	int kind = en_kind_slow(w, len, &v);

	while (ewords[h].len != 0)
		h = (h + 1) % NEW;
	memcpy(ewords[h].w, w, len);
	ewords[h].len = (unsigned char)len;
	ewords[h].kind = (unsigned char)kind;
	ewords[h].v = v;
}

static void
ewords_init(void)
{
	static const char *const more[] = { "nought", "naught", "lakh",
		"crore", "and", "a", "an", "point", "minus", "negative", "over",
		"in", "half", "halves", "dozen", "dozens", "dzs", "dozs",
		"quarter", "quarters", "hundredth", "thousandth", "millionth",
		"billionth", "trillionth", "hundredths", "thousandths",
		"millionths", "billionths", "trillionths" };
	char w[16];

	for (int k = 0; k < 20; k++)
		eword_add(small_words[k]);
	for (int k = 0; k < 8; k++) {
		eword_add(tens_words[k]);
		eword_add(tens_ordinals[k]);
		snprintf(w, sizeof w, "%ss", tens_ordinals[k]);
		eword_add(w);
	}
	for (size_t k = 0; k < sizeof scale_words / sizeof *scale_words; k++) {
		eword_add(scale_words[k].w);
		snprintf(w, sizeof w, "%ss", scale_words[k].w);
		eword_add(w);
	}
	for (int k = 1; k < 20; k++) {
		eword_add(ordinals[k]);
		snprintf(w, sizeof w, "%ss", ordinals[k]);
		eword_add(w);
	}
	for (size_t k = 0; k < sizeof more / sizeof *more; k++)
		eword_add(more[k]);
}

/* the kind of the English word p[0, len) */
static int
en_kind(const char *p, size_t len, long long *v)
{
	char lower[16];
	unsigned h;

	*v = 0;
	if (len == 0 || len >= sizeof lower)
		return E_NONE;
	for (size_t k = 0; k < len; k++)
		lower[k] = (char)(p[k] | 0x20);
	for (h = ehash(lower, len); ewords[h].len != 0; h = (h + 1) % NEW)
		if (ewords[h].len == len && memcmp(ewords[h].w, lower, len) == 0) {
			*v = ewords[h].v;
			return ewords[h].kind;
		}
	return E_NONE;
}

/* past what joins two number words at p[j]: spaces, a hyphen; or j */
static size_t
joiner(const char *p, size_t n, size_t j)
{
	size_t k = spaces(p, n, j);

	if (k < n && p[k] == '-')
		k = spaces(p, n, k + 1);
	return k > j && k < n && (is_alpha((unsigned char)p[k]) ||
	    is_digit((unsigned char)p[k])) ? k : j;
}

/* the number words from p[i]: up to max of them in t; how many */
static size_t
en_tokens(const char *p, size_t n, size_t i, struct etok *t, size_t max)
{
	size_t nt = 0, j = i, len;

	while (nt < max) {
		t[nt].s = j;
		if ((len = word_len(p, n, j)) == 0) {
			/* 3 hundred and 21, one over 3 */
			struct num a = { 0 };
			size_t e = j < n && is_digit((unsigned char)p[j]) ?
			    read_arabic(p, n, j, &a) : j;

			if (e == j || (e < n && is_alpha((unsigned char)p[e])))
				break;
			t[nt].kind = E_NUM;
			t[nt].d = a.v;
			t[nt].e = e;
			nt++;
			if ((j = joiner(p, n, e)) == e)
				break;
			continue;
		}
		t[nt].e = j + len;
		if ((t[nt].kind = en_kind(p + j, len, &t[nt].v)) == E_NONE) {
			/* out of: as over */
			if (!is_word(p + j, len, "out") || !starts(p, n, j + len,
			    " of ") || nt == 0)
				break;
			t[nt].kind = E_OVER;
			t[nt].e = j + len + 3;
		}
		nt++;
		if ((j = joiner(p, n, t[nt - 1].e)) == t[nt - 1].e)
			break;
	}
	return nt;
}

/*
 * A cardinal from t[k]: one hundred and five, twenty-one trillion, a
 * dozen.  Its value in *v; the token after it (k when there is none).
 */
static size_t
en_cardinal(const struct etok *t, size_t nt, size_t k, struct dec *v)
{
	struct dec total = dec_int(0), cur = dec_int(0), tail = dec_int(0);
	int last = E_NONE;
	size_t i = k;

	for (; i < nt; i++) {
		int c = t[i].kind;

		if (c == E_NUM) {
			if (last != E_NONE && last != E_SCALE && last != E_AND)
				break;
			cur = dec_add(cur, t[i].d);
			tail = t[i].d;
			c = E_TENS;	/* what may follow: as after forty */
		} else if (c == E_SMALL || c == E_TENS) {
			if (last == E_TENS && c == E_SMALL && t[i].v < 10 &&
			    t[i].v > 0) {
				cur = dec_add(cur, dec_int(t[i].v));
				tail = dec_add(tail, dec_int(t[i].v));
			} else if (last == E_NONE || last == E_HUNDRED ||
			    last == E_SCALE || last == E_AND) {
				cur = dec_add(cur, dec_int(t[i].v));
				tail = dec_int(t[i].v);
			} else {
				break;
			}
		} else if (c == E_HUNDRED && (last == E_SMALL || last == E_TENS ||
		    last == E_A || last == E_NONE)) {
			if (dec_add(cur, dec_int(-100)).m >= 0) {
				/* 3 hundred and 2 hundred: two numbers */
				size_t a = i;

				while (a > k && t[a - 1].kind != E_AND)
					a--;
				if (a > k + 1)
					return en_cardinal(t, a - 1, k, v);
			}
			cur = dec_shift(cur.m ? cur : dec_int(1), 2);
			tail = dec_int(0);
		} else if (c == E_SCALE && (last == E_SMALL || last == E_TENS ||
		    last == E_A || last == E_HUNDRED || last == E_SCALE)) {
			if (last == E_SCALE && cur.m == 0)
				total = dec_shift(total, (int)t[i].v);
			else
				total = dec_add(total, dec_shift(cur.m ? cur :
				    dec_int(1), (int)t[i].v));
			cur = tail = dec_int(0);
		} else if (c == E_DOZEN && (last == E_SMALL || last == E_TENS ||
		    last == E_A)) {
			/* three hundred and two dozens: the two only */
			struct dec t12 = dec_mul(tail.m ? tail : dec_int(1), 12);

			cur = dec_add(dec_add(cur, dec_mul(tail, -1)), t12);
			tail = dec_int(0);
		} else if (c == E_AND && (((last == E_HUNDRED || last == E_SCALE) &&
		    i + 1 < nt && (t[i + 1].kind == E_SMALL ||
		    t[i + 1].kind == E_TENS || t[i + 1].kind == E_NUM)) ||
		    (last == E_TENS && i + 1 < nt &&
		    t[i + 1].kind == E_SMALL && t[i + 1].v < 10 &&
		    t[i + 1].v > 0 && i + 2 < nt && t[i + 2].kind == E_AND))) {
			;
		} else if (c == E_A && last == E_NONE && i + 1 < nt &&
		    (t[i + 1].kind == E_HUNDRED || t[i + 1].kind == E_SCALE ||
		    t[i + 1].kind == E_DOZEN)) {
			cur = tail = dec_int(1);
		} else {
			break;
		}
		last = c;
	}
	while (i > k && (t[i - 1].kind == E_AND || t[i - 1].kind == E_A))
		i--;
	*v = dec_add(total, cur);
	return i;
}

/*
 * A denominator from t[k]: fifths, twenty-first, one hundred and fifth,
 * trillionths; its value in *d, the token after it, or k.
 */
static size_t
en_denominator(const struct etok *t, size_t nt, size_t k, struct dec *d)
{
	struct dec c;
	size_t i;

	if (k < nt && t[k].kind == E_ORD) {
		/* never first or second alone: two seconds is a time */
		*d = dec_int(t[k].v);
		return t[k].v > 2 ? k + 1 : k;
	}
	if (k < nt && t[k].kind == E_HALF) {
		*d = dec_int(2);
		return k + 1;
	}
	if ((i = en_cardinal(t, nt, k, &c)) == k) {
		if (k + 1 < nt && t[k].kind == E_A && t[k + 1].kind == E_ORD) {
			*d = dec_int(t[k + 1].v);
			return k + 2;
		}
		return k;
	}
	if (i < nt && t[i].kind == E_AND)
		i++;
	if (i >= nt || t[i].kind != E_ORD || t[i].v >= 100)
		return k;
	if (t[i].v <= 2 && c.m == 0)
		return k;
	*d = dec_add(c, dec_int(t[i].v));
	return i + 1;
}

/*
 * English number words at p[i, n): twenty-one, four hundred and five,
 * two million, a dozen, minus five point five, two-thirds, one and a
 * half, a hundredth, one over three.  The end, or i.
 */
static size_t
read_en(const char *p, size_t n, size_t i, struct num *x)
{
	struct etok t[48];
	size_t nt = en_tokens(p, n, i, t, 48), k = 0, m, q, end = 0;
	struct dec v, d, f;
	bool neg = false;

	if (nt > 0 && t[0].kind == E_MINUS) {
		neg = true;
		k = 1;
	}
	if (k < nt && t[k].kind == E_HALF) {
		/*
		 * half a dozen, half million; half alone where a share is
		 * said (half of them, more than half), not the first half
		 */
		v = (struct dec){ 5, -1, false };
		q = k + 1;
		if (q + 1 < nt && t[q].kind == E_A && t[q + 1].kind == E_DOZEN)
			v = dec_int(6), q += 2;
		else if (q < nt && t[q].kind == E_SCALE)
			v = dec_shift(v, (int)t[q].v), q++;
		else if (!starts(p, n, t[k].e, " of ") && before(PRE, p,
		    t[k].s > 0 ? t[k].s - 1 : 0) == NULL)
			return i;
		x->frac = q == k + 1;
		goto out;
	}
	if (k + 1 < nt && t[k].kind == E_ORD && t[k].v == 4 &&
	    t[k + 1].kind == E_SCALE) {
		/* quarter million */
		v = dec_shift((struct dec){ 25, -2, false }, (int)t[k + 1].v);
		q = k + 2;
		goto out;
	}
	if ((q = en_cardinal(t, nt, k, &v)) == k) {
		/* a half, a fifth, a hundredth, a twenty-first */
		if (k < nt && t[k].kind == E_A && (m = en_denominator(t, nt,
		    k + 1, &d)) > k + 1) {
			v = dec_div(dec_int(1), d);
			q = m;
			x->frac = true;
			goto out;
		}
		return i;
	}
	/*
	 * One hundred and three quarters, two hundred and fifty-four
	 * hundredths: a whole, and a fraction.
	 */
	for (m = q; m > k + 1 && q < nt && (t[q].kind == E_ORD ||
	    t[q].kind == E_HALF) && ((p[t[q].e - 1] | 0x20) == 's' ||
	    (t[q - 1].kind == E_SMALL && t[q - 1].v == 1)); m--) {
		struct dec w, a;

		if (t[m - 1].kind != E_AND)
			continue;
		if (!((t[q].v < 100 && m == q - 1 && t[q - 1].kind ==
		    E_SMALL) || t[q].v >= 100))
			break;
		en_cardinal(t, m - 1, k, &w);
		en_cardinal(t, q, m, &a);
		a = dec_div(a, dec_int(t[q].v));
		if (q + 1 < nt && t[q + 1].kind == E_SCALE)
			a = dec_shift(a, (int)t[++q].v);	/* and 3/4 million */
		else if (t[m - 2].kind == E_SCALE)	/* two million and a half */
			a = dec_shift(a, (int)t[m - 2].v);
		v = dec_add(w, a);
		x->mixed = true;
		q++;
		goto out;
	}
	if (q < nt && t[q].kind == E_POINT && q + 1 < nt && (t[q + 1].kind ==
	    E_SMALL || t[q + 1].kind == E_TENS)) {
		/* two hundred point zero three, point seventy-one */
		int digits = 0;

		f = dec_int(0);
		for (m = q + 1; m < nt && (t[m].kind == E_SMALL ||
		    t[m].kind == E_TENS) && t[m].v < 100; m++) {
			if (t[m].kind == E_TENS || (t[m].kind == E_SMALL &&
			    t[m].v >= 10)) {
				long long tv = t[m].v;

				if (m + 1 < nt && t[m + 1].kind == E_SMALL &&
				    t[m + 1].v < 10 && t[m + 1].v > 0)
					tv += t[++m].v;
				f = dec_add(dec_mul(f, 100), dec_int(tv));
				digits += 2;
			} else {
				f = dec_add(dec_mul(f, 10), dec_int(t[m].v));
				digits++;
			}
		}
		f.e -= digits;
		v = dec_add(v, f);
		q = m;
		goto out;
	}
	/*
	 * One over three, two out of five hundred, one in five: not twelve
	 * out of ten, not $2000 over 3 years
	 */
	if (q + 1 < nt && t[q].kind == E_OVER && (m = en_cardinal(t, nt, q + 1,
	    &d)) > q + 1 && d.m != 0 && (p[t[q].s] != 'o' || p[t[q].s + 1] !=
	    'u' || dec_add(d, dec_mul(v, -1)).m >= 0) && (p[t[q].s] != 'i' ||
	    dec_isint(v, 1, 1)) && after(UNIT, p, n, spaces(p, n,
	    t[m - 1].e)) == NULL) {
		v = dec_div(v, d);
		q = m;
		x->frac = true;
		goto out;
	}
	/* two-thirds, one hundred thirty fifths, three twenty-firsts */
	if ((m = en_denominator(t, nt, q, &d)) > q && !(t[q].kind == E_A) &&
	    ((p[t[m - 1].e - 1] | 0x20) == 's' || dec_isint(v, 1, 1)) &&
	    !(t[q - 1].kind == E_NUM && t[m - 1].v >= 100)) {
		/* a plural, or one: two millionth is an ordinal, not 2e-6 */
		struct dec nv = v;

		if (t[q].kind == E_ORD && t[q].v < 100 && q >= k + 2 &&
		    t[q - 1].kind == E_TENS && t[q - 2].kind != E_AND) {
			/* one hundred thirty fifths: 100 over 35 */
			en_cardinal(t, q - 1, k, &nv);
			d = dec_add(d, dec_int(t[q - 1].v));
		} else if (t[q].kind == E_ORD && t[q].v < 100 && q >= k + 3 &&
		    t[q - 1].kind == E_SCALE && (t[q - 2].kind == E_SMALL ||
		    t[q - 2].kind == E_TENS)) {
			/* one hundred one thousand fifths: 100 over 1005 */
			en_cardinal(t, q - 2, k, &nv);
			d = dec_add(d, dec_shift(dec_int(t[q - 2].v),
			    (int)t[q - 1].v));
		}
		if (!(t[q].kind == E_HALF && !(q == k + 1 && t[k].kind ==
		    E_SMALL && t[k].v == 1))) {
			v = dec_div(nv, d);
			q = m;
			x->frac = true;
			if (starts(p, n, t[q - 1].e, " of a ")) {
				/* two thirds of a million */
				size_t j = t[q - 1].e + 6, len = word_len(p, n, j);
				int sv, se;

				if (en_word(p + j, len, &sv, &se) && se > 2) {
					v = dec_shift(v, se);
					x->frac = false;
					x->mixed = true;
					end = j + len;
				}
			}
		}
	}
	/* and a half, and three fifths, and a half million */
	if (q + 1 < nt && t[q].kind == E_AND) {
		struct dec a;
		size_t m2;

		if ((m = en_cardinal(t, nt, q + 1, &a)) == q + 1 &&
		    t[q + 1].kind == E_A)
			a = dec_int(1), m = q + 2;
		if (m > q + 1 && (m2 = en_denominator(t, nt, m, &d)) > m) {
			a = dec_div(a, d);
			if (m2 < nt && t[m2].kind == E_SCALE) {
				/* five and a half million */
				a = dec_shift(a, (int)t[m2].v);
				if (t[q - 1].kind != E_SCALE)
					v = dec_shift(v, (int)t[m2].v);
				m2++;
			} else if (t[q - 1].kind == E_SCALE) {
				/* one million and a half */
				a = dec_shift(a, (int)t[q - 1].v);
			}
			v = dec_add(v, a);
			q = m2;
			x->frac = false;
			x->mixed = true;
		}
	}
out:
	x->v = x->frac || x->mixed ? dec_round15(v) : v;
	if (neg)
		x->v.m = -x->v.m;
	x->lone = q == k + 1 && t[k].kind == E_SMALL && t[k].v == 1 && !neg;
	return end > 0 ? end : t[q - 1].e;
}

/* ---- a paragraph --------------------------------------------------- */

/* what was found: a figure, or with -a what only looks like one */
struct span {
	size_t	 s, e;		/* bytes of the text: the span as printed */
	int	 type, qual;
	struct dec v, v2;	/* v2: a range's top, a score's other side */
	bool	 two;
	const char *unit;	/* as printed, or NULL */
	size_t	 unitn;
	const char *cur;	/* ISO 4217, or NULL */
	size_t	 curn;
};

static struct span *spans;
static size_t nspans, spancap;
static size_t lastend;		/* where the last span ended: none before */

static bool
is_alnum_before(const char *p, size_t i)
{
	return i > 0 && (is_alpha((unsigned char)p[i - 1]) ||
	    is_digit((unsigned char)p[i - 1]));
}

/* does a number start with c (then d)? */
static bool
num_start(uint32_t c, uint32_t d)
{
	return arabic_digit(c) >= 0 || zh_digit(c) >= 0 || zh_unit(c) == 1 ||
	    (c == '.' && arabic_digit(d) >= 0);
}

static const char *const months[] = { "jan", "feb", "mar", "apr", "may",
	"jun", "jul", "aug", "sep", "oct", "nov", "dec" };

/* an English month name (Jan., January, Sept.) as the word p[0, len) */
static bool
month_word(const char *p, size_t len)
{
	static const char *const full[] = { "january", "february", "march",
		"april", "may", "june", "july", "august", "september",
		"october", "november", "december", "sept" };

	for (size_t k = 0; k < 12; k++)
		if (is_word(p, len, months[k]) || is_word(p, len, full[k]))
			return true;
	return is_word(p, len, "sept");
}

/* a time of day after a Chinese date: 上午, 晚, 凌晨 */
static size_t
part_of_day(const char *p, size_t n, size_t j)
{
	static const char *const parts[] = { "上午", "下午", "中午", "晚上",
		"晚间", "傍晚", "凌晨", "早上", "早晨", "清晨", "深夜", "夜间",
		"晚", "早", "夜", "上旬", "中旬", "下旬", "初", "底", "末", "份" };

	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
		if (starts(p, n, j, parts[k]))
			return j + strlen(parts[k]);
	return j;
}

/*
 * An integer in [lo, hi] at p[j, n) followed by the character s: its
 * end past s, or j.  For the parts of dates and times (3月5日, 10时29分).
 */
static size_t
part(const char *p, size_t n, size_t j, long long lo, long long hi,
    const char *s)
{
	struct num x = { 0 };
	size_t len, e;
	uint32_t c = char_at(p, n, j, &len);

	if (arabic_digit(c) >= 0)
		e = read_arabic(p, n, j, &x);
	else if (zh_digit(c) >= 0 || zh_unit(c) == 1)
		e = read_zh(p, n, j, &x);
	else
		return j;
	if (e == j || !dec_isint(x.v, lo, hi) || !starts(p, n, e, s))
		return j;
	return e + strlen(s);
}

/* a clock time after p[j]: 时 or 点, then 29分, 10秒; its end or j */
static size_t
clock_zh(const char *p, size_t n, size_t j)
{
	size_t e;

	if (starts(p, n, j, "时") || starts(p, n, j, "点")) {
		e = j + 3;
		if (starts(p, n, e, "钟"))
			e += 3;
		e = part(p, n, e, 0, 59, "分");
		e = part(p, n, e, 0, 59, "秒");
		if (starts(p, n, e, "许"))
			e += 3;
		return e;
	}
	return j;
}

/* past a dash or 至 that joins the two ends of a range at p[j], or j */
static size_t
dash(const char *p, size_t n, size_t j)
{
	static const char *const d[] = { "-", "~", "～", "—", "–", "至", "到" };

	for (size_t k = 0; k < sizeof d / sizeof *d; k++)
		if (starts(p, n, j, d[k]))
			return j + strlen(d[k]);
	return j;
}

/* 25-30日: days of a month; the end past 日, or j */
static size_t
day_range(const char *p, size_t n, size_t j)
{
	size_t k = part(p, n, j, 1, 31, ""), t;

	if (k == j || (t = dash(p, n, k)) == k)
		return j;
	return part(p, n, t, 1, 31, "日") > t ? part(p, n, t, 1, 31, "日") : j;
}

/* the rest of a Chinese date after its first part ends at e */
static size_t
date_zh(const char *p, size_t n, size_t e)
{
	size_t k;

	if ((k = part(p, n, e, 1, 12, "月")) > e)
		e = k;
	if ((k = part(p, n, e, 1, 31, "日")) > e ||
	    (k = part(p, n, e, 1, 31, "号")) > e ||
	    (k = day_range(p, n, e)) > e)
		e = k;
	/* 9月23日-29日, 11月4日至10日: to a day, or to a month and day */
	for (size_t t = dash(p, n, e); t > e; t = e) {
		size_t m = part(p, n, t, 1, 12, "月");

		if ((k = part(p, n, m, 1, 31, "日")) > m)
			e = k;
		break;
	}
	e = part_of_day(p, n, e);
	/* 下午3时 */
	if ((k = part(p, n, e, 0, 24, "")) > e && clock_zh(p, n, k) > k)
		e = clock_zh(p, n, k);
	return e;
}

static bool
is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

/*
 * The run of letters and digits of the paragraph that ends at p + t:
 * where it starts, and in *letter whether it holds a letter.  Kept from
 * one call to the next, as the scan goes forward, so that a run is read
 * once however many numbers it holds (a1a1a1…); run_reset() forgets it,
 * and the Chinese digits zh_run() keeps.
 */
static size_t run_start, run_end;
static bool run_letter;

static void
run_reset(const char *p, size_t n)
{
	run_start = run_end = 0;
	run_letter = false;
	para = p;
	para_n = n;
	zrun_start = zrun_end = zrun_zero = 0;
}

static size_t
alnum_run(const char *p, size_t t, bool *letter)
{
	size_t k = run_end;

	if (t >= run_end && run_end > run_start) {
		/* the same run, longer? */
		while (k < t && is_alnum((unsigned char)p[k]))
			run_letter |= is_alpha((unsigned char)p[k++]);
	}
	if (k != t || run_end <= run_start) {
		/* another run: read it back from t */
		run_letter = false;
		for (k = t; k > 0 && is_alnum((unsigned char)p[k - 1]); k--)
			run_letter |= is_alpha((unsigned char)p[k - 1]);
		run_start = k;
	}
	run_end = t;
	*letter = run_letter;
	return run_start;
}

/* Arabic digits glued to a Latin letter before them: G7, K303, COVID-19 */
static size_t
label_letters_before(const char *p, size_t s)
{
	size_t t = s > 1 && p[s - 1] == '-' ? s - 1 : s;	/* COVID-19 */
	bool letter;
	size_t k = alnum_run(p, t, &letter);

	return letter ? k : s;
}

/* a name before the number at p + j: 波音787, or a space between: Unit 1 */
static const struct word *
label_before(const char *p, size_t j)
{
	const struct word *w = before(LABEL_PRE, p, j);

	if (w == NULL && j > 1 && p[j - 1] == ' ' &&
	    (w = before(LABEL_PRE, p, j - 1)) != NULL && !w->latin)
		w = NULL;
	return w;
}

/* English multipliers after Arabic digits: 4.5 billion, 10k, 5bn */
static size_t read_en(const char *p, size_t n, size_t i, struct num *x);

static size_t
en_scale(const char *p, size_t n, size_t e, struct num *x, bool money)
{
	size_t j = e, len;
	int v, exp;
	long long lv;

	j = spaces(p, n, j);
	if (j > e + 2)
		return e;
	len = word_len(p, n, j);
	if (len == 0)
		return e;
	if (en_kind(p + j, len, &lv) != E_NONE && en_word(p + j, len, &v,
	    &exp) && exp != 0) {
		if (exp == -12)
			x->v = dec_mul(x->v, 12);
		else
			x->v = dec_shift(x->v, exp);
		x->arabic = true;
		x->plain = false;
		return j + len;
	}
	/* 10M, 1MM, 2mil, 1.2b, 1,674,200.5 M: millions and billions */
	if ((j == e && ((len == 1 && (p[j] == 'M' || p[j] == 'b')) ||
	    (len == 2 && p[j] == 'M' && p[j + 1] == 'M') || is_word(p + j, len,
	    "mil"))) || (j > e && len == 1 && p[j] == 'M')) {
		x->v = dec_shift(x->v, p[j] == 'b' ? 9 : 6);
		x->plain = false;
		return j + len;
	}
	/* single letters: 10k (2.33 k), and with money $5m, $2b */
	if (len == 1 && ((p[j] | 0x20) == 'k' || (j == e && money &&
	    ((p[j] | 0x20) == 'm' || (p[j] | 0x20) == 'b')))) {
		int s = (p[j] | 0x20) == 'k' ? 3 : (p[j] | 0x20) == 'm' ? 6 : 9;

		x->v = dec_shift(x->v, s);
		x->plain = false;
		return j + len;
	}
	return e;
}

/*
 * ASCII or full-width digits at p[i, n), at most six, as an integer,
 * with their end in *e; -1 if none (or more).
 */
static long long
small_int(const char *p, size_t n, size_t i, size_t *e)
{
	long long v = 0;
	size_t j = i, len;
	int d, k = 0;

	while ((d = arabic_digit(char_at(p, n, j, &len))) >= 0 && k < 7) {
		v = v * 10 + d;
		j += len;
		k++;
	}
	*e = j;
	return k > 0 && k < 7 ? v : -1;
}

/* the bytes of a slash at p[j] (/ or ／), 0 if none */
static size_t
slash_at(const char *p, size_t n, size_t j)
{
	return j < n && p[j] == '/' ? 1 : starts(p, n, j, "／") ? 3 : 0;
}

/*
 * After the integer x ending at e, a fraction: 3/4 (x the numerator),
 * 7-3/4 and 101-1/4 (the wire services' prices and rates), 1 3/5.  The
 * new end, or e.  Three numbers with slashes (3/4/2020) are a date, and
 * none of this.
 */
static size_t
fraction_after(const char *p, size_t n, size_t e, struct num *x)
{
	size_t j = e, k, m, sl;
	long long a, b;
	bool hyphen;

	if (!x->plain || !x->arabic || j + 1 >= n || (x->ndigits >= 2 &&
	    arabic_digit(char_at(p, n, x->s, &k)) == 0))
		return e;	/* 05/17: a leading zero, no fraction */
	if ((sl = slash_at(p, n, j)) > 0) {
		/* 3/4: the integer was the numerator */
		if ((b = small_int(p, n, j + sl, &m)) <= 0 || x->ndigits > 3 ||
		    slash_at(p, n, m) || (x->s > 0 && slash_at(p, n, x->s - 1)))
			return e;
		x->v = dec_div(x->v, dec_int(b));
		x->frac = true;
		x->plain = false;
		return m;
	}
	if (!(hyphen = p[j] == '-') && p[j] != ' ')
		return e;
	j = hyphen ? j + 1 : spaces(p, n, j);
	if ((a = small_int(p, n, j, &k)) < 0 || (sl = slash_at(p, n, k)) == 0 ||
	    (b = small_int(p, n, k + sl, &m)) <= 0 || (hyphen && a >= b) ||
	    slash_at(p, n, m) || (m < n && is_digit((unsigned char)p[m])))
		return e;
	x->v = dec_add(x->v, dec_div(dec_int(a), dec_int(b)));
	x->plain = false;
	x->mixed = true;
	return m;
}

/* past 分之 (with spaces, as in 五 分之 一) at p[j], or j */
static size_t
fen_zhi(const char *p, size_t n, size_t j)
{
	size_t k = spaces(p, n, j);

	if (!starts(p, n, k, "分"))
		return j;
	k = spaces(p, n, k + 3);
	return starts(p, n, k, "之") ? spaces(p, n, k + 3) : j;
}

/* past 又 (三百五十又三分之一) at p[j], or j */
static size_t
you(const char *p, size_t n, size_t j)
{
	size_t k = spaces(p, n, j);

	return starts(p, n, k, "又") ? spaces(p, n, k + 3) : j;
}

static size_t read_number(const char *p, size_t n, size_t j, struct num *x,
    bool money);

/*
 * The numerator at p[j], maybe with 负, over the denominator x: x becomes
 * the fraction; the end, or j.
 */
static size_t
over(const char *p, size_t n, size_t j, struct num *x)
{
	struct num y;
	bool neg = starts(p, n, j, "负") || starts(p, n, j, "負");
	size_t k = j + 3 * neg, e;

	if ((e = read_number(p, n, k, &y, false)) == k || y.frac)
		return j;
	if (neg)
		y.v.m = -y.v.m;
	x->v = dec_div(y.v, x->v);
	return e;
}

/*
 * The Chinese word w at p[j, n), with spaces allowed between its
 * characters (百 分 之, as some extractors leave it): its end, or j.
 */
static size_t
spaced(const char *p, size_t n, size_t j, const char *w)
{
	size_t k = j, len;

	for (const char *c = w; *c != '\0'; c += len) {
		len = 1;
		while (((unsigned char)c[len] & 0xc0) == 0x80)
			len++;
		if (c != w)
			k = spaces(p, n, k);
		if (n - k < len || memcmp(p + k, c, len) != 0)
			return j;
		k += len;
	}
	return k;
}

/* the words before a percent, and the powers of ten they divide by */
static const struct {
	const char *w;
	int	 scale;
} per[] = {
	{ "百分之", 0 }, { "佰分之", 0 }, { "千分之", 1 }, { "仟分之", 1 },
	{ "万分之", 2 }, { "萬分之", 2 }, { "十万分之", 3 }, { "百万分之", 4 },
	{ "千万分之", 5 }, { "万万分之", 6 }, { "亿分之", 6 },
	{ "百万万分之", 8 },
};

/*
 * After an amount of money ending at p + e, the small change that goes
 * with it: 五元三毛, 50元6角三分, 两美元又三美分; and 人民币 after
 * 8亿元.  Adds to *v; the new end.
 */
static size_t
change(const char *p, size_t n, size_t e, struct dec *v)
{
	static const struct {
		const char *w;
		int	 scale;
	} sub[] = { { "角", -1 }, { "毛", -1 }, { "美分", -2 }, { "分", -2 },
		{ "日本銭", -2 }, { "仙", -2 } };
	struct num y;
	size_t k, t;

	if (starts(p, n, e, "人民币"))
		return e + 9;
	for (int round = 0; round < 2; round++) {
		t = starts(p, n, e, "又") || starts(p, n, e, "零") ? e + 3 : e;
		if ((k = read_number(p, n, t, &y, false)) == t || y.frac ||
		    !dec_isint(y.v, 0, 99))
			return e;
		for (size_t q = 0; q < sizeof sub / sizeof *sub; q++)
			if (starts(p, n, k, sub[q].w)) {
				*v = dec_add(*v, dec_shift(y.v, sub[q].scale));
				e = k + strlen(sub[q].w);
				goto next;
			}
		return e;
next:		;
	}
	return e;
}

/* a vulgar fraction's numerator and denominator (½ ⅔ ¾), or false */
static bool
vulgar(uint32_t c, int *a, int *b)
{
	static const struct { uint32_t c; int a, b; } v[] = {
		{ 0xbc, 1, 4 }, { 0xbd, 1, 2 }, { 0xbe, 3, 4 },
		{ 0x2150, 1, 7 }, { 0x2151, 1, 9 }, { 0x2152, 1, 10 },
		{ 0x2153, 1, 3 }, { 0x2154, 2, 3 }, { 0x2155, 1, 5 },
		{ 0x2156, 2, 5 }, { 0x2157, 3, 5 }, { 0x2158, 4, 5 },
		{ 0x2159, 1, 6 }, { 0x215a, 5, 6 }, { 0x215b, 1, 8 },
		{ 0x215c, 3, 8 }, { 0x215d, 5, 8 }, { 0x215e, 7, 8 } };

	for (size_t k = 0; k < sizeof v / sizeof *v; k++)
		if (v[k].c == c) {
			*a = v[k].a;
			*b = v[k].b;
			return true;
		}
	return false;
}

/* a number of any kind at p[j]: its end, or j; sets *x */
static size_t
read_number(const char *p, size_t n, size_t j, struct num *x, bool money)
{
	size_t len, k, e;
	int va, vb;
	uint32_t c = char_at(p, n, j, &len), d = char_at(p, n, j + len, &k);

	memset(x, 0, sizeof *x);
	x->s = j;
	if (vulgar(c, &va, &vb)) {
		/* ½, ¾ */
		x->v = dec_div(dec_int(va), dec_int(vb));
		x->frac = true;
		x->e = j + len;
		return x->e;
	}
	if (arabic_digit(c) >= 0 || (c == '.' && arabic_digit(d) >= 0 &&
	    !is_alnum_before(p, j) && (j == 0 || p[j - 1] != '.'))) {
		if ((e = read_arabic(p, n, j, x)) == j)
			return j;
		x->e = e;
		e = fraction_after(p, n, e, x);
		c = char_at(p, n, e, &len);
		if (x->plain && vulgar(c, &va, &vb)) {
			/* 2½ */
			x->v = dec_add(x->v, dec_div(dec_int(va), dec_int(vb)));
			x->mixed = true;
			x->plain = false;
			e += len;
			c = char_at(p, n, e, &len);
		}
		if (x->frac)
			;
		else if (zh_unit(c) != 0 || c == 0x70b9 || fuzzy(c) || (c == ' ' &&
		    zh_unit(char_at(p, n, spaces(p, n, e), &len)) >= 4))
			e = read_zh(p, n, j, x);
		else if (c < 0x80) {
			struct num y = *x;
			size_t e2, ae = e;

			e = en_scale(p, n, e, x, money);
			if (c == ' ' && is_alpha((unsigned char)
			    p[spaces(p, n, ae)]) && (e2 = read_en(p, n, j, &y)) >
			    e) {
				/* 3 hundred and 21, 13 lakh, 1 over 3 */
				*x = y;
				x->arabic = true;
				x->plain = false;
				e = e2;
			}
		}
	} else if (zh_digit(c) >= 0 || zh_unit(c) == 1 || zh_unit(c) == 2 ||
	    zh_unit(c) == 3) {
		e = read_zh(p, n, j, x);
		x->lone = e - j == 3 && c == 0x4e00;	/* 一 */
	} else if (is_alpha((unsigned char)c) && !is_alnum_before(p, j)) {
		e = read_en(p, n, j, x);
	} else {
		return j;
	}
	x->e = e;
	return e;
}

static void
add_span(const struct span *sp)
{
	if (nspans == spancap) {
		spancap = spancap ? 2 * spancap : 16;
		spans = xrealloc(spans, spancap * sizeof *spans);
	}
	spans[nspans++] = *sp;
}

/*
 * What starts at p[i, n), if anything: a span is added for a figure (or,
 * with -a, a date or a name); returns where to go on from, past i.
 */
static size_t
figure(const char *p, size_t n, size_t i)
{
	struct span sp = { .s = i, .type = -1 };
	struct num x, y;
	const struct word *w, *cw, *uw;
	size_t bs;			/* where b, the character before, starts */
	size_t len, k, j = i, e, s;
	uint32_t c = char_at(p, n, i, &len), d, b;
	int pscale = -1;
	bool neg = false, money;

	/* 百分之八十七, 千分之三, 百万分之五 */
	for (size_t t = 0; t < sizeof per / sizeof *per && pscale < 0 &&
	    (zh_unit(c) != 0 || c == 0x4f70); t++)
		if ((k = spaced(p, n, i, per[t].w)) > i) {
			pscale = per[t].scale;
			j = spaces(p, n, k);
		}
	if (pscale < 0 && c >= 0x80 && (w = after(STOP, p, n, i)) != NULL)
		return i + w->n;
	if (c == 0x96f6 && (zh_digit(char_at(p, n, i + 3, &k)) > 0 ||
	    starts(p, n, i + 3, "下")))
		return i + 3;		/* 十二年零一个月: 零 joins; 零下5度 */
	if ((c == 0x5bf9 || c == 0x5c0d) && starts(p, n, i + 3, "折") &&
	    i >= 3 && starts(p, n, i - 3, "打")) {
		/* 打对折: half the price */
		sp.v = dec_int(50);
		sp.type = T_PERCENT;
		sp.unit = "%";
		sp.unitn = 1;
		sp.e = i + 6;
		goto done;
	}
	if (c == 0x534a) {
		/* 半百 is 50, 半成 5%, 半折 50%; any other 半 is a word */
		d = char_at(p, n, i + 3, &k);
		if (d != 0x767e && d != 0x6210 && d != 0x6298)
			return i + 3;
		sp.v = dec_int(d == 0x767e ? 50 : d == 0x6210 ? 5 : 50);
		sp.type = d == 0x767e ? T_NUMERAL : T_PERCENT;
		sp.unit = d == 0x767e ? NULL : "%";
		sp.unitn = 1;
		sp.e = i + 6;
		goto done;
	}
	if (pscale == 0 && starts(p, n, j, "百") && !num_start(char_at(p,
	    n, j + 3, &k), 0) && zh_unit(char_at(p, n, j + 3, &k)) == 0) {
		/* 百分之百 */
		sp.v = dec_int(100);
		sp.e = j + 3;
		sp.type = T_PERCENT;
		sp.unit = "%";
		sp.unitn = 1;
		add_span(&sp);
		return sp.e;
	}
	if (pscale >= 0) {
		if (starts(p, n, j, "负") || starts(p, n, j, "負"))
			neg = true, j += 3;
	} else if ((c == '-' || c == 0x2212 || c == 0xff0d || c == 0x8d1f ||
	    c == 0x8ca0) && !is_alnum_before(p, i)) {
		/* -3.9%, 负32 */
		d = char_at(p, n, i + len, &k);
		if (!num_start(d, char_at(p, n, i + len + k, &k)) || (c < 0x80 &&
		    zh_digit(d) >= 0))
			return i + len;
		neg = true;
		j = i + len;
	}
	/* money before the number: $5, US$ 1.2 billion, 人民币300元 */
	s = i;
	money = (cw = before(CUR, p, i)) != NULL;
	if (!money && i > 0 && p[i - 1] == ' ') {
		/* 人民币 50元 */
		size_t t = i;

		while (t > 0 && p[t - 1] == ' ')
			t--;
		if ((cw = before(CUR, p, t)) != NULL && !cw->latin) {
			money = true;
			s = t;
		}
	}
	uw = money ? NULL : before(UNIT_PRE, p, s);
	if (uw == NULL && !money && s > 1 && p[s - 1] == ' ' &&
	    (uw = before(UNIT_PRE, p, s - 1)) != NULL && !uw->latin)
		uw = NULL;		/* percent of 10: a space between */
	if ((e = read_number(p, n, j, &x, money)) == j)
		return i + len;
	if (x.pair) {
		/* the top of 两三百: the number read without its first digit */
		char tmp[256];
		size_t first = x.pair - 3, tn = e - j - 3;
		struct num t = { 0 };

		if (tn < sizeof tmp) {
			memcpy(tmp, p + j, first - j);
			memcpy(tmp + (first - j), p + x.pair, e - x.pair);
			if (read_zh(tmp, tn, 0, &t) == tn) {
				sp.v2 = t.v;
				sp.two = true;
				x.qual = Q_APPROX;
			}
		}
	}
	if (pscale < 0 && !x.frac && (k = fen_zhi(p, n, e)) > e &&
	    (k = over(p, n, k, &x)) > e) {
		/* 三分之一, 3分之负157 */
		x.frac = true;
		x.lone = false;
		e = x.e = k;
	} else if (pscale < 0 && !x.frac && (k = you(p, n, e)) > e &&
	    read_number(p, n, k, &y, false) > k && (k = fen_zhi(p, n, y.e)) >
	    y.e && (k = over(p, n, k, &y)) > y.e) {
		/* 三百五十又三分之一 */
		x.v = dec_round15(dec_add(x.v, y.v));
		x.mixed = true;
		x.lone = false;
		e = x.e = k;
	}
	if (x.lone && !x.zh && !x.arabic && after(UNIT, p, n, spaces(p, n, e)) ==
	    NULL && !starts(p, n, e, " over "))
		return e;		/* one of them: a pronoun, not even a numeral */
	if (e - j == 3 && pscale < 0 && financial(char_at(p, n, j, &k)) &&
	    !starts(p, n, e, "打"))
		return e;
	if (x.arabic && x.plain && x.ndigits >= 2 && arabic_digit(char_at(p, n,
	    j, &k)) == 0 && !x.zh && !(e < n && p[e] == ':')) {
		/* 0107, 03-26: a leading zero makes a code or a date */
		while (e < n && (is_digit((unsigned char)p[e]) || ((p[e] == '-' ||
		    p[e] == '/') && e + 1 < n && is_digit((unsigned char)
		    p[e + 1]))))
			e++;
		sp.type = T_LABEL;
		sp.v = x.v;
		sp.e = e;
		goto done;
	}
	if (x.arabic && x.plain && e + 1 < n && p[e] == '-' && p[e + 1] >= 'A' &&
	    p[e + 1] <= 'Z') {
		/* 8-K, 2-A: a form, a class */
		sp.type = T_LABEL;
		sp.v = x.v;
		sp.e = e + 1 + word_len(p, n, e + 1);
		goto done;
	}
	if (x.arabic && e + 1 < n && p[e] == '.' && is_digit((unsigned char)
	    p[e + 1])) {
		/* 192.168.1.2, version 3.2.1: a name */
		while (e < n && (is_digit((unsigned char)p[e]) || (p[e] == '.' &&
		    e + 1 < n && is_digit((unsigned char)p[e + 1]))))
			e++;
		sp.type = T_LABEL;
		sp.v = x.v;
		sp.e = e;
		goto done;
	}
	if (neg)
		x.v.m = -x.v.m;
	sp.v = x.v;
	sp.qual = x.qual;
	sp.e = e;
	if (x.v.bad)
		return e;
	if (pscale >= 0) {
		sp.v = dec_shift(x.v, -pscale);
		sp.type = T_PERCENT;
		sp.unit = "%";
		sp.unitn = 1;
		goto after_unit;
	}

	/* ---- what stands before it ---- */
	b = char_before(p, j, &k);
	if (k + (b < 0x80 ? 1 : b < 0x800 ? 2 : b < 0x10000 ? 3 : 4) != j)
		b = 0;		/* stray bytes between: no character before */
	bs = k;
	if (b == 0x7b2c) {				/* 第 */
		sp.s = k;
		sp.type = T_ORDINAL;
	} else if (x.arabic && (k = label_letters_before(p, j)) < j) {
		sp.s = k;
		sp.type = T_LABEL;
	} else if ((w = label_before(p, j)) != NULL && after(UNIT, p, n, e) ==
	    NULL) {
		/* 波音787, Section 301 */
		sp.s = j - w->n - (w->latin && p[j - 1] == ' ');
		sp.type = T_LABEL;
	} else if (b == 0x8fd9 || b == 0x8be5 || b == 0x6b64 || b == 0x9019 ||
	    b == 0x8a72) {
		/* 这两个项目, 该三家: the number points back, it cites nothing */
		sp.type = T_NUMERAL;
	} else if (b == ' ' && x.arabic) {
		/* Jan. 25, March 13 */
		size_t t = j - 1;

		if (t > 0 && p[t - 1] == '.')
			t--;
		k = t;
		while (k > 0 && is_alpha((unsigned char)p[k - 1]))
			k--;
		if (k < t && month_word(p + k, t - k) && x.plain &&
		    (dec_isint(x.v, 1, 31) || (x.ndigits == 4 &&
		    dec_isint(x.v, 1800, 2100)))) {
			sp.s = k;
			sp.type = T_DATE;
			if (starts(p, n, e, ", ") && is_digit((unsigned char)
			    p[e + 2]) && (k = read_number(p, n, e + 2, &y,
			    false)) > e + 2 && y.plain && y.ndigits == 4)
				e = k;
			e = e + 2 < n && (starts(p, n, e, "th") || starts(p, n,
			    e, "st") || starts(p, n, e, "nd") || starts(p, n,
			    e, "rd")) ? e + 2 : e;
			sp.e = e;
			goto done;
		}
	}
	if (money) {
		sp.s = s - cw->n;
		sp.cur = cw->cur;
		sp.curn = strlen(cw->cur);
		sp.type = T_MONEY;
		/* US$ 1 */
	}
	if (sp.type == T_ORDINAL || sp.type == T_LABEL || sp.type == T_NUMERAL) {
		/* 第十六届, K303次, 波音787客机: the word after too */
		if ((w = after(ORD_POST, p, n, e)) != NULL ||
		    (w = after(LABEL_POST, p, n, e)) != NULL ||
		    (w = after(UNIT, p, n, e)) != NULL)
			e += w->n;
		else if (is_alpha((unsigned char)p[e < n ? e : 0]) && e < n)
			e += word_len(p, n, e);
		sp.e = e;
		goto done;
	}

	/* ---- what comes after it: dates and times first ---- */
	c = char_at(p, n, e, &len);
	if (!x.frac && !money && dec_isint(x.v, 0, 9999)) {
		k = e;
		if (c == 0x5e74 && x.plain && x.ndigits == 4 &&
		    !starts(p, n, e, "年来") && !starts(p, n, e, "年间")) {
			/* 2025年, then 3月5日下午 */
			k = date_zh(p, n, e + 3);
			sp.type = k == e + 3 ? T_YEAR : T_DATE;
		} else if ((k = part(p, n, j, 1, 12, "月")) > j) {
			k = date_zh(p, n, k);
			sp.type = T_DATE;
		} else if ((k = part(p, n, j, 1, 31, "日")) > j &&
		    !starts(p, n, k, "元")) {
			k = part_of_day(p, n, k);
			sp.type = T_DATE;
		} else if (!x.frac && x.v.e >= 0 && dec_isint(x.v, 0, 24) &&
		    (k = clock_zh(p, n, e)) > e) {
			sp.type = T_TIME;
		} else if (x.arabic && x.plain && (c == '/' || c == '-') &&
		    (k = read_number(p, n, e + 1, &y, false)) > e + 1 &&
		    y.plain && k + 1 < n && (uint32_t)p[k] == c &&
		    is_digit((unsigned char)p[k + 1])) {
			/* 3/4/2020 a date; 11-1-1 a name */
			while (k < n && (is_digit((unsigned char)p[k]) ||
			    ((uint32_t)p[k] == c && k + 1 < n &&
			    is_digit((unsigned char)p[k + 1]))))
				k++;
			sp.type = c == '/' || x.ndigits == 4 ? T_DATE : T_LABEL;
		} else if (x.arabic && x.plain && x.ndigits == 4 && (c == '-' ||
		    c == '/') && e + 5 < n && is_digit((unsigned char)p[e + 1]) &&
		    is_digit((unsigned char)p[e + 2]) && (uint32_t)p[e + 3] == c &&
		    is_digit((unsigned char)p[e + 4]) &&
		    is_digit((unsigned char)p[e + 5])) {
			/* 2018-07-06, 2018/07/06 */
			k = e + 6;
			sp.type = T_DATE;
		} else if (x.arabic && x.plain && c == ':' && x.ndigits <= 2 &&
		    (k = read_number(p, n, e + 1, &y, false)) > e + 1 &&
		    y.plain && y.arabic) {
			if (y.ndigits == 2 && dec_isint(x.v, 0, 24) &&
			    dec_isint(y.v, 0, 59)) {
				sp.type = T_TIME;
				/* 04:47:15 */
				if (k + 2 < n && p[k] == ':' && is_digit(
				    (unsigned char)p[k + 1]) && is_digit(
				    (unsigned char)p[k + 2]))
					k += 3;
				if (starts(p, n, k, " a.m.") || starts(p, n, k,
				    " p.m."))
					k += 5;
			} else {
				sp.type = T_SCORE;
				sp.v2 = y.v;
				sp.two = true;
			}
		} else if (x.arabic && x.plain && (starts(p, n, e, " a.m.") ||
		    starts(p, n, e, " p.m.") || starts(p, n, e, " GMT"))) {
			k = e + (p[e + 1] == 'G' ? 4 : 5);
			sp.type = T_TIME;
		} else if (x.arabic && c == ' ' && dec_isint(x.v, 1, 31) &&
		    x.plain && (k = word_len(p, n, e + 1)) > 0 &&
		    month_word(p + e + 1, k)) {
			/* 25 January */
			k = e + 1 + k;
			sp.type = T_DATE;
		}
		if (sp.type >= 0) {
			sp.e = k;
			goto done;
		}
	}
	/* 13胜2负, 9胜6平, 3比1 */
	if (x.plain && !x.frac && (starts(p, n, e, "胜") || starts(p, n, e,
	    "比") || starts(p, n, e, "平")) && (k = read_number(p, n, e + 3,
	    &y, false)) > e + 3 && y.plain) {
		if (!starts(p, n, e, "比") && (starts(p, n, k, "负") ||
		    starts(p, n, k, "平") || starts(p, n, k, "负")))
			k += 3;
		else if (!starts(p, n, e, "比"))
			goto no_score;
		sp.type = T_SCORE;
		sp.v2 = y.v;
		sp.two = true;
		sp.e = k;
		goto done;
	}
no_score:
	/* list markers: 1、 (2) */
	if (x.plain && x.arabic && x.ndigits <= 2 && ((starts(p, n, e, "、") &&
	    !num_start(char_at(p, n, e + 3, &k), 0)) || (b == '(' &&
	    starts(p, n, e, ")")) || (b == 0xff08 && starts(p, n, e, "）")))) {
		sp.type = T_ORDINAL;
		sp.e = e + (p[e] == ')' ? 1 : 3);
		if (b == '(' || b == 0xff08)
			sp.s = bs;
		goto done;
	}
	/* names: 12345热线, 90后, 5G; ordinals: 三次会议, 1st */
	if ((w = after(ORD_POST, p, n, e)) != NULL && (!w->latin ||
	    (x.arabic && x.plain)) && (cw = after(UNIT, p, n, e)) != NULL &&
	    cw->n > w->n)
		w = NULL;		/* 6.8级地震: a unit, not a grade */
	if (w != NULL && (!w->latin || (x.arabic && x.plain))) {
		sp.type = T_ORDINAL;
		sp.e = e + w->n;
		goto done;
	}
	if ((w = after(LABEL_POST, p, n, e)) != NULL &&
	    (strcmp(w->w, "后") != 0 || (x.plain && (x.ndigits == 2 &&
	    x.v.m % 10 == 0)))) {
		sp.type = T_LABEL;
		sp.e = e + w->n;
		goto done;
	}
	/* ---- the unit, and a qualifier before it: 1.2万余个, 5000多人 ---- */
	k = e;
	if ((w = after(INNER, p, n, e)) != NULL) {
		if (sp.qual == Q_NONE)
			sp.qual = w->qual;
		k = e + w->n;
	}
	w = after(UNIT, p, n, k);
	if (w == NULL || w->type != T_POINTS) {
		/* 六 个 百 分 点: the points words with spaces in them */
		static const char *const pts[] = { "个百分点", "個百分點",
			"百分点", "百分點" };
		size_t t = spaces(p, n, k), m;
		uint32_t c2 = char_at(p, n, t, &m);

		for (size_t q = 0; q < 4 && (c2 == 0x4e2a || c2 == 0x500b ||
		    c2 == 0x767e); q++)
			if ((m = spaced(p, n, t, pts[q])) > t) {
				sp.unit = pts[q];
				sp.unitn = strlen(pts[q]);
				sp.type = T_POINTS;
				e = m;
				goto after_unit;
			}
	}
	if (w == NULL && k + 1 < n && p[k] == '-' && !x.zh) {
		/* 950-megawatt */
		const struct word *h = after(UNIT, p, n, k + 1);

		if (h != NULL && h->latin) {
			w = h;
			k++;
		}
	}
	if (w == NULL && k + 1 < n && p[k] == ' ') {
		/* 12 percent, 5 万元, 一百五十  个百分点 */
		size_t t = k;

		while (t < n && p[t] == ' ')
			t++;
		if ((w = after(UNIT, p, n, t)) != NULL && (t == k + 1 ||
		    !w->latin) && (!x.zh || !w->latin))
			k = t;
		else
			w = NULL;
	}
	if (w != NULL && strcmp(w->w, "折") == 0 && !below10(sp.v) &&
	    !(x.plain && x.ndigits == 2))
		w = NULL;		/* 十折 is no discount; 九折, 五五折 are */
	if (w != NULL) {
		sp.unit = w->w;
		sp.unitn = w->n;
		e = k + w->n;
		if (sp.type != T_MONEY || w->type == T_MONEY)
			sp.type = w->type;
		if (w->cur != NULL) {
			sp.cur = w->cur;
			sp.curn = strlen(w->cur);
		}
		if (starts(p, n, e, "半") && !x.frac) {
			/* 一吨半, 三成半 */
			sp.v = dec_add(sp.v, (struct dec){ 5, -1, false });
			e += 3;
		}
		if (starts(p, n, k, "成") || (starts(p, n, k, "折") &&
		    below10(sp.v)))
			sp.v = dec_mul(sp.v, 10);
		if (starts(p, n, k, "成") && x.v.e == 0 && (d = (uint32_t)
		    zh_digit(char_at(p, n, spaces(p, n, e), &len))) <= 9 &&
		    !num_start(char_at(p, n, spaces(p, n, e) + len, &k), 0) &&
		    after(UNIT, p, n, spaces(p, n, e) + len) == NULL) {
			/* 七成六 is 76% */
			sp.v = dec_add(sp.v, dec_int(d));
			e = spaces(p, n, e) + len;
		}
		if (starts(p, n, k, "‰"))
			sp.v = dec_shift(sp.v, -1);
		if (starts(p, n, k, "打"))
			sp.v = dec_mul(sp.v, 12);	/* 五十打 */
		if (w->type == T_MONEY && !x.frac)
			e = change(p, n, e, &sp.v);
	} else if (k > e) {
		e = k;			/* 四百多, 3亿多: the 多 is the qualifier */
	} else if (x.arabic && e < n && is_alpha((unsigned char)p[e])) {
		/* 5G, 3D: letters glued to the digits, and no unit */
		sp.type = T_LABEL;
		sp.e = e + word_len(p, n, e);
		goto done;
	}
	/* ---- “7-21”, “9·11”: a date that names an event ---- */
	if (x.arabic && x.plain && dec_isint(x.v, 1, 12) && (starts(p, n, e,
	    "-") || starts(p, n, e, "·")) && (b == 0x201c || b == '"') &&
	    (k = read_number(p, n, e + (p[e] == '-' ? 1 : 2), &y, false)) >
	    e + 1 && y.plain && dec_isint(y.v, 1, 31) && (starts(p, n, k,
	    "”") || starts(p, n, k, "\""))) {
		sp.type = T_DATE;
		sp.e = k;
		goto done;
	}
	/* ---- a range: 3至5年, 10-15% ---- */
	k = dash(p, n, e);
	if (k == e && !x.zh && starts(p, n, e, " to "))
		k = e + 4;		/* six to 12 months: with a unit */
	if (sp.unit == NULL && k > e) {
		size_t o = k - e;

		if ((k = read_number(p, n, e + o, &y, money)) > e + o &&
		    (y.arabic || !x.arabic) && (x.arabic || x.zh || p[e] == ' ') &&
		    !(x.plain && x.ndigits == 4 &&
		    y.plain) && (p[e] != ' ' || after(UNIT, p, n, k + 1) !=
		    NULL)) {
			sp.v2 = y.v;
			sp.two = true;
			if ((w = after(UNIT, p, n, k)) != NULL ||
			    (k < n && p[k] == ' ' && (w = after(UNIT, p, n,
			    k + 1)) != NULL && w->latin && (k++, true))) {
				sp.unit = w->w;
				sp.unitn = w->n;
				if (w->cur != NULL) {
					sp.cur = w->cur;
					sp.curn = strlen(w->cur);
				}
				k += w->n;
			}
			sp.type = T_RANGE;
			e = k;
		}
	}
after_unit:
	if (uw != NULL && (sp.type < 0 || sp.type == uw->type)) {
		/* 华氏温度98.6度, 零下5度, per cent of 210 */
		sp.s = s - uw->n - (uw->latin && p[s - 1] == ' ');
		sp.type = uw->type;
		if (sp.unit == NULL && sp.type == T_PERCENT) {
			sp.unit = "%";
			sp.unitn = 1;
		}
		if (strcmp(uw->w, "零下") == 0)
			sp.v.m = -sp.v.m;
	}
	if (sp.type < 0) {
		if (x.frac)
			sp.type = T_FRACTION;
		else if (x.lone || (x.zh && !x.arabic && !money))
			sp.type = T_NUMERAL;
		else if (x.arabic && x.plain && x.ndigits == 4 &&
		    dec_isint(x.v, 1800, 2100) && sp.qual == Q_NONE)
			sp.type = T_YEAR;
		else
			sp.type = T_COUNT;
	} else if (x.lone && (sp.type == T_COUNT || sp.type == T_DURATION)) {
		sp.type = T_NUMERAL;	/* 一个, 一年来, one year */
	}
	/* a qualifier before: 超5000列, more than 20 */
	if ((w = before(PRE, p, sp.s)) != NULL) {
		sp.s -= w->n;
		sp.qual = w->qual;
	} else if (sp.s > 0 && p[sp.s - 1] == ' ' &&
	    (w = before(PRE, p, sp.s - 1)) != NULL && w->latin) {
		sp.s -= w->n + 1;
		sp.qual = w->qual;
	}
	if ((w = after(POST, p, n, e)) != NULL) {
		e += w->n;
		sp.qual = w->qual;
	} else if (e < n && p[e] == ' ' && (w = after(POST, p, n, e + 1)) !=
	    NULL && w->latin) {
		e += w->n + 1;
		sp.qual = w->qual;
	}
	sp.e = e;
done:
	if (sp.s < lastend)
		sp.s = lastend;		/* 2e 5: each byte in one span at most */
	if (sp.e <= sp.s || sp.e > n || sp.v.bad || (sp.two && sp.v2.bad))
		sp.type = -1;		/* nothing left of it, or no value */
	if (sp.type >= 0 && (sp.type < NFIG || all))
		add_span(&sp);
	if (sp.type >= 0)
		lastend = sp.e;
	return sp.e > i ? sp.e : i + len;
}

/* can a number word start with the letter c? (one, a dozen, twenty) */
static bool
en_start(unsigned char c)
{
	c |= 0x20;
	return c == 'a' || c == 'e' || c == 'f' || c == 'n' || c == 'o' ||
	    c == 's' || c == 't' || c == 'z' || c == 'm' || c == 'h' || c == 'q';
}

/* the characters of the BMP a number can start with, as bits */
static unsigned char numstart[0x10000 / 8];

static void
numstart_init(void)
{
	int va, vb;

	for (uint32_t c = 0x80; c < 0x10000; c++)
		if (arabic_digit(c) >= 0 || zh_digit(c) >= 0 ||
		    zh_unit(c) != 0 || c == 0x8d1f || c == 0x8ca0 ||
		    c == 0xff0d || c == 0x4f70 || c == 0x534a || c == 0x5bf9 ||
		    c == 0x5c0d || vulgar(c, &va, &vb))
			numstart[c >> 3] |= (unsigned char)(1 << (c & 7));
}

/* find the spans of p[0, n); how many bytes of it are no UTF-8 */
static size_t
scan(const char *p, size_t n)
{
	size_t i = 0, len, bad = 0;
	uint32_t c;

	nspans = 0;
	lastend = 0;
	run_reset(p, n);
	while (i < n) {
		unsigned char b = (unsigned char)p[i];

		if (b < 0x80) {
			if (is_digit(b) || b == '-' || b == '.') {
				i = figure(p, n, i);
			} else if (b == '<' && i + 1 < n && (is_lower(p[i + 1]) ||
			    p[i + 1] == '/' || p[i + 1] == '!')) {
				/* HTML markup: <img src=...>, <td width=20> */
				const char *gt = memchr(p + i, '>', n - i);

				i = gt != NULL ? (size_t)(gt - p) + 1 : i + 1;
			} else if (is_alpha(b)) {
				size_t wl = word_len(p, n, i);

				if ((b == 'h' || b == 'w') && (starts(p, n, i,
				    "http://") || starts(p, n, i, "https://") ||
				    starts(p, n, i, "www."))) {
					/* a link: its digits are no figures */
					while (i < n && (unsigned char)p[i] > ' ' &&
					    p[i] != '"' && p[i] != '\'' &&
					    p[i] != '<' && p[i] != '>')
						i++;
					continue;
				}

				if (!is_alnum_before(p, i) && en_start(b)) {
					size_t e = figure(p, n, i);

					i = e > i + 1 ? e : i + wl;
				} else {
					i += wl;
				}
			} else {
				i++;
			}
			continue;
		}
		if (b >= 0xe0 && b < 0xf0 && i + 2 < n &&
		    ((unsigned char)p[i + 1] & 0xc0) == 0x80 &&
		    ((unsigned char)p[i + 2] & 0xc0) == 0x80) {
			/* most of Chinese text: three bytes, no numeral */
			c = (uint32_t)(b & 0x0f) << 12 |
			    (uint32_t)(p[i + 1] & 0x3f) << 6 |
			    (uint32_t)(p[i + 2] & 0x3f);
			if (c >= 0x800 && (c < 0xd800 || c > 0xdfff) &&
			    !(numstart[c >> 3] & 1 << (c & 7))) {
				i += 3;
				continue;
			}
		}
		c = char_at(p, n, i, &len);
		if (len == 0) {
			bad++;
			i++;
		} else if (c < 0x10000 && numstart[c >> 3] & 1 << (c & 7)) {
			i = figure(p, n, i);
		} else {
			i += len;
		}
	}
	return bad;
}

/* ---- the stream ---------------------------------------------------- */

static struct buf raw;
/* the document being read, and its paragraphs with invalid UTF-8 */
static struct doc_bad bad = { .why = "; figures were read around it "
    "(inknorm replaces it)" };
/* -c: the article being read, and its counts by type */
static struct buf artdoc;
static uint64_t artno, artseq, artcount[NTYPE];
static bool inart;

/* past the character at p[i, n): an invalid byte is one of its own */
static size_t
char_step(const char *p, size_t n, size_t i)
{
	size_t len;

	char_at(p, n, i, &len);
	return i + (len ? len : 1);
}

/* the characters in p[0, n): for at= */
static size_t
chars_to(const char *p, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i = char_step(p, n, i))
		c++;
	return c;
}

static void
tag_str(const char *key, const char *v, size_t n)
{
	out_putc('\t');
	out_str(key);
	out_putc('=');
	out_esc(v, n);
}

static void
tag_dec(const char *key, struct dec v)
{
	char s[128];

	tag_str(key, s, dec_str(v, s));
}

static void
end_article(void)
{
	uint64_t total = 0;

	if (!inart)
		return;
	for (int t = 0; t < NFIG; t++)
		total += artcount[t];
	out_esc(artdoc.p, artdoc.n);
	out_putc('\t');
	out_u64(artno);
	out_putc('\t');
	out_u64(artseq);
	out_str("\tfigures\t");
	out_u64(total);
	out_str("\tfigs=");
	out_u64(total);
	for (int t = 0; t < NTYPE; t++) {
		if (artcount[t] == 0)
			continue;
		out_str(t < NFIG ? "\tfigs." : "\tnonfigs.");
		out_str(type_name[t]);
		out_putc('=');
		out_u64(artcount[t]);
	}
	out_putc('\n');
	memset(artcount, 0, sizeof artcount);
	inart = false;
}

static void
end_doc(void)
{
	doc_bad_say(&bad);
}

static void
end(void)
{
	if (counts)
		end_article();
	end_doc();
}

static void
take(void *ctx, const struct rec *r, const char *line, size_t len)
{
	const char *text = r->text.p;
	size_t n = r->text.n, figs = 0;

	(void)ctx;
	doc_bad_next(&bad, r->doc.p, r->doc.n);
	if (counts && (!inart || r->art != artno || r->doc.n != artdoc.n ||
	    memcmp(r->doc.p, artdoc.p, artdoc.n) != 0)) {
		end_article();
		artdoc.n = 0;
		buf_add(&artdoc, r->doc.p, r->doc.n);
		artno = r->art;
		inart = true;
	}
	/* figure records, and what inkfigs has tagged already, pass on */
	if (slice_eq(r->kind, "figure") || slice_eq(r->kind, "figures") ||
	    rec_tag(r, "figs", 0) >= 0 || rec_tag(r, "front", 0) >= 0) {
		out_write(line, len);
		out_putc('\n');
		return;
	}
	artseq = r->seq;
	if (!r->plain) {
		char *d = buf_room(&raw, n);

		n = rec_unesc(r->text.p, r->text.n, d);
		text = d;
	}
	if (scan(text, n) > 0)
		bad.invalid++;
	for (size_t k = 0; k < nspans; k++) {
		figs += spans[k].type < NFIG;
		artcount[spans[k].type]++;
	}
	out_write(line, len);
	out_str("\tfigs=");
	out_u64(figs);
	out_putc('\n');
	if (!xtract)
		return;
	for (size_t k = 0, pos = 0, at = 0; k < nspans; k++) {
		const struct span *sp = &spans[k];
		size_t nch;

		/* spans come in order: count on from where the last ended */
		at += chars_to(text + pos, sp->s - pos);
		nch = chars_to(text + sp->s, sp->e - sp->s);

		rec_write_head(r->doc, r->art, r->seq,
		    (struct slice){ "figure", 6 });
		out_esc(text + sp->s, sp->e - sp->s);
		tag_dec("value", sp->v);
		if (sp->two)
			tag_dec(sp->type == T_SCORE ? "value.vs" : "value.max",
			    sp->v2);
		if (sp->unit != NULL)
			tag_str("unit", sp->unit, sp->unitn);
		if (sp->qual != Q_NONE)
			tag_str("qual", qual_name[sp->qual],
			    strlen(qual_name[sp->qual]));
		tag_str("type", type_name[sp->type],
		    strlen(type_name[sp->type]));
		if (sp->cur != NULL)
			tag_str("cur", sp->cur, sp->curn);
		out_str("\tat=");
		out_u64(at);
		out_putc('-');
		out_u64(at + nch);
		out_putc('\n');
		at += nch;
		pos = sp->e;
	}
}

static void
help(void)
{
	printf("%s\n", usage);
	puts("Find the figures each paragraph cites, and tag it figs=N.\n\n"
	    "  -x, --extract           after each paragraph, a figure record "
	    "per figure:\n"
	    "                          value, unit, qual, type, cur, at\n"
	    "  -a, --all               with -x and -c, also dates, years, "
	    "times, ordinals,\n"
	    "                          names and numerals that are no figures\n"
	    "  -c, --count             after each article, a figures record "
	    "with counts\n"
	    "  -t, --table=FILE        the words around numbers from FILE, "
	    "not the built-in\n"
	    "  -T, --print-table       print the table in use and exit\n"
	    "  -R, --max-record=SIZE   skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n\n"
	    "Types counted: count, percent, points, money, measure, age, "
	    "duration,\nscore, range, fraction.  See inkfigs(1).");
	exit(out_finish());
}

static const struct option longopts[] = {
	{ "extract", no_argument, NULL, 'x' },
	{ "all", no_argument, NULL, 'a' },
	{ "count", no_argument, NULL, 'c' },
	{ "table", required_argument, NULL, 't' },
	{ "print-table", no_argument, NULL, 'T' },
	OPT_LONGOPTS_COMMON
};

static bool
option(int c, char *arg)
{
	switch (c) {
	case 'x':
		xtract = true;
		return true;
	case 'a':
		all = true;
		return true;
	case 'c':
		counts = true;
		return true;
	case 't':
		table_path = arg;
		return true;
	case 'T':
		print_table = true;
		return true;
	default:
		return false;
	}
}

/* the whole of a file, NUL-terminated, or exit 2 */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	size_t got;

	if (f == NULL)
		err_fatal("%s: %s", path, strerror(errno));
	do {
		got = fread(buf_room(&b, 65536), 1, 65536, f);
		b.n += got;
	} while (got > 0);
	if (ferror(f))
		err_fatal("%s: %s", path, strerror(errno));
	fclose(f);
	buf_add(&b, "", 1);
	return b.p;
}

static void
start(size_t maxrec)
{
	char *text;

	(void)maxrec;
	if (table_path != NULL) {
		text = slurp(table_path);
	} else {
		text = xmalloc(sizeof builtin_table);
		memcpy(text, builtin_table, sizeof builtin_table);
	}
	if (print_table) {
		fputs(text, stdout);
		exit(out_finish());
	}
	load_table(text, table_path ? table_path : "built-in table");
	numstart_init();
	ewords_init();
}

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "xact:TR:hV", longopts, help,
	    option, start, take, end };

	return opt_filter(&f, argc, argv);
}
