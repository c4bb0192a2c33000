/*
 * rec: see rec.h.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "err.h"
#include "in.h"
#include "out.h"
#include "rec.h"

void
rec_init(struct rec *r)
{
	memset(r, 0, sizeof *r);
}

void
rec_free(struct rec *r)
{
	free(r->tag);
	free(r->tab);
	rec_init(r);
}

bool
slice_eq(struct slice s, const char *str)
{
	size_t n = strlen(str);

	return s.n == n && memcmp(s.p, str, n) == 0;
}

/*
 * A field may hold only the four escapes and no raw CR (TAB and LF cannot
 * be in it: they end fields and records).  One pass, 16 bytes at a time.
 */
static const char *
check_escapes(struct slice f, bool *plain)
{
	const char *p = f.p, *end = f.p + f.n;

	if (plain != NULL)
		*plain = true;
	while ((p = esc_find(p, end)) < end) {
		if (*p == '\r')
			return "raw carriage return (CRLF line ends?)";
		if (plain != NULL)
			*plain = false;
		if (p + 1 == end)
			return "backslash at end of field";
		if (strchr("\\tnr", p[1]) == NULL || p[1] == '\0')
			return "unknown escape (only \\\\ \\t \\n \\r)";
		p += 2;
	}
	return NULL;
}

static bool
parse_num(struct slice f, uint64_t *v)
{
	uint64_t n = 0;

	if (f.n == 0 || f.n > 19)
		return false;
	for (size_t i = 0; i < f.n; i++) {
		unsigned char c = (unsigned char)f.p[i];

		if (c < '0' || c > '9')
			return false;
		n = n * 10 + (c - '0');
	}
	*v = n;
	return true;
}

static bool
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
valid_kind(struct slice f)
{
	if (f.n == 0)
		return false;
	for (size_t i = 0; i < f.n; i++)
		if (!is_lower((unsigned char)f.p[i]))
			return false;
	return true;
}

static bool
valid_key(struct slice t)
{
	size_t i;

	if (t.n == 0 || !is_lower((unsigned char)t.p[0]))
		return false;
	for (i = 1; i < t.n && t.p[i] != '='; i++) {
		unsigned char c = (unsigned char)t.p[i];

		if (!is_lower(c) && !(c >= '0' && c <= '9') && c != '_' &&
		    c != '.')
			return false;
	}
	return i < t.n;
}

static void
add_tab(struct rec *r, size_t at)
{
	if (r->ntab == r->tabcap) {
		r->tabcap = r->tabcap ? 2 * r->tabcap : 16;
		r->tab = xrealloc(r->tab, r->tabcap * sizeof *r->tab);
	}
	r->tab[r->ntab++] = at;
}

/*
 * One pass over the line, 16 bytes at a time: where its TABs are, and
 * whether it holds a backslash or a CR at all (most lines do not, and
 * then no field needs checking).
 */
static bool
scan_line(struct rec *r, const char *p, size_t n)
{
	size_t i = 0;
	bool esc = false;

	r->ntab = 0;
#ifdef __SSE2__
	for (; n - i >= 16; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(p + i));
		unsigned tabs = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8('\t')));

		esc |= _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8('\\')), _mm_cmpeq_epi8(x,
		    _mm_set1_epi8('\r')))) != 0;
		for (; tabs != 0; tabs &= tabs - 1)
			add_tab(r, i + (unsigned)__builtin_ctz(tabs));
	}
	if (i < n && n >= 16) {
		/* the last, partial block: the 16 bytes that end the line */
		size_t back = 16 - (n - i);
		__m128i x = _mm_loadu_si128((const __m128i *)(p + n - 16));
		unsigned tabs = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8('\t'))) >> back;

		esc |= (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8('\\')), _mm_cmpeq_epi8(x,
		    _mm_set1_epi8('\r')))) >> back != 0;
		for (; tabs != 0; tabs &= tabs - 1)
			add_tab(r, i + (unsigned)__builtin_ctz(tabs));
		i = n;
	}
#endif
	for (; i < n; i++)
		if (p[i] == '\t')
			add_tab(r, i);
		else if (p[i] == '\\' || p[i] == '\r')
			esc = true;
	return esc;
}

/* field k of the line: between TAB k-1 and TAB k */
static struct slice
field(const struct rec *r, const char *line, size_t len, size_t k)
{
	size_t start = k == 0 ? 0 : r->tab[k - 1] + 1;
	size_t end = k < r->ntab ? r->tab[k] : len;

	return (struct slice){ line + start, end - start };
}

const char *
rec_parse(struct rec *r, const char *line, size_t len)
{
	struct slice art, seq, t;
	const char *why;
	bool esc = scan_line(r, line, len);

	r->ntag = 0;
	if (r->ntab < 4)
		return "fewer than 5 TAB-separated fields";
	r->doc = field(r, line, len, 0);
	art = field(r, line, len, 1);
	seq = field(r, line, len, 2);
	r->kind = field(r, line, len, 3);
	r->text = field(r, line, len, 4);
	if (r->doc.n == 0)
		return "empty DOC field";
	if (esc && (why = check_escapes(r->doc, NULL)) != NULL)
		return why;
	if (!parse_num(art, &r->art))
		return "ART is not a number";
	if (!parse_num(seq, &r->seq))
		return "SEQ is not a number";
	if (!valid_kind(r->kind))
		return "KIND is not a lowercase word";
	r->plain = true;
	if (esc && (why = check_escapes(r->text, &r->plain)) != NULL)
		return why;
	for (size_t k = 5; k <= r->ntab; k++) {
		t = field(r, line, len, k);
		if (!valid_key(t))
			return "tag is not KEY=VALUE with KEY [a-z][a-z0-9_.]*";
		if (esc && (why = check_escapes(tag_value(t), NULL)) != NULL)
			return why;
		if (r->ntag == r->tagcap) {
			r->tagcap = r->tagcap ? 2 * r->tagcap : 16;
			r->tag = xrealloc(r->tag, r->tagcap * sizeof *r->tag);
		}
		r->tag[r->ntag++] = t;
	}
	return NULL;
}

struct slice
tag_key(struct slice t)
{
	const char *eq = memchr(t.p, '=', t.n);

	return (struct slice){ t.p, (size_t)(eq - t.p) };
}

struct slice
tag_value(struct slice t)
{
	const char *eq = memchr(t.p, '=', t.n);

	return (struct slice){ eq + 1, t.n - (size_t)(eq + 1 - t.p) };
}

long
rec_tag(const struct rec *r, const char *key, size_t from)
{
	size_t n = strlen(key);

	for (size_t i = from; i < r->ntag; i++)
		if (r->tag[i].n > n && r->tag[i].p[n] == '=' &&
		    memcmp(r->tag[i].p, key, n) == 0)
			return (long)i;
	return -1;
}

size_t
rec_unesc(const char *p, size_t n, char *dst)
{
	const char *end = p + n;
	char *d = dst;

	while (p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		size_t run = bs ? (size_t)(bs - p) : (size_t)(end - p);

		memmove(d, p, run);
		d += run;
		if (bs == NULL)
			break;
		switch (bs[1]) {
		case 't':
			*d++ = '\t';
			break;
		case 'n':
			*d++ = '\n';
			break;
		case 'r':
			*d++ = '\r';
			break;
		default:
			*d++ = '\\';
			break;
		}
		p = bs + 2;
	}
	return (size_t)(d - dst);
}

void
rec_write_head(struct slice doc, uint64_t art, uint64_t seq, struct slice kind)
{
	out_write(doc.p, doc.n);
	out_putc('\t');
	out_u64(art);
	out_putc('\t');
	out_u64(seq);
	out_putc('\t');
	out_write(kind.p, kind.n);
	out_putc('\t');
}

static void
each(int fd, size_t maxrec, bool keyed, rec_fn *fn, void *ctx)
{
	struct in in;
	struct rec r;
	const char *line, *why, *tab;
	size_t len;
	uint64_t lineno = 0;
	enum in_result res;

	rec_init(&r);
	in_open(&in, fd, maxrec);
	while ((res = in_getline(&in, &line, &len)) != IN_EOF) {
		lineno++;
		if (res == IN_TOOLONG) {
			err_input(NULL, 0, 0, "line %llu: record of %zu bytes is "
			    "longer than --max-record; skipped",
			    (unsigned long long)lineno, len);
			continue;
		}
		if (keyed) {
			if ((tab = memchr(line, '\t', len)) == NULL) {
				err_input(NULL, 0, 0, "line %llu: no KEY TAB "
				    "record; skipped", (unsigned long long)lineno);
				continue;
			}
			r.key = (struct slice){ line, (size_t)(tab - line) };
			len -= r.key.n + 1;
			line = tab + 1;
		}
		if ((why = rec_parse(&r, line, len)) != NULL) {
			err_input(NULL, 0, 0, "line %llu: malformed record: %s",
			    (unsigned long long)lineno, why);
			continue;
		}
		fn(ctx, &r, line, len);
	}
	in_close(&in);
	rec_free(&r);
}

void
rec_each(int fd, size_t maxrec, rec_fn *fn, void *ctx)
{
	each(fd, maxrec, false, fn, ctx);
}

void
rec_each_keyed(int fd, size_t maxrec, rec_fn *fn, void *ctx)
{
	each(fd, maxrec, true, fn, ctx);
}

void
rec_write_before_text(const struct rec *r, const char *line)
{
	out_write(line, (size_t)(r->text.p - line));
}

void
rec_write_after_text(const struct rec *r, const char *line, size_t len)
{
	const char *end = r->text.p + r->text.n;

	out_write(end, (size_t)(line + len - end));
}
