/*
 * md: see md.h.
 */
#include <ctype.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "md.h"

/* a Markdown heading: its level, and the text past the markers */
static int
heading(const char **p, size_t *n)
{
	size_t k = 0;

	while (k < *n && k < 7 && (*p)[k] == '#')
		k++;
	if (k == 0 || k > 6 || k >= *n || (*p)[k] != ' ')
		return 0;
	*p += k + 1;
	*n -= k + 1;
	/* closing hashes: "## Title ##" */
	while (*n > 0 && (*p)[*n - 1] == '#')
		(*n)--;
	while (*n > 0 && (*p)[*n - 1] == ' ')
		(*n)--;
	return (int)k;
}

/*
 * A line opening with an HTML tag, a table row or a piece of one, a
 * shortcode, a code fence: markup lines, never joined to text.
 */
static bool
markup_line(const char *p, size_t n, bool marks)
{
	/* a table needs a bar, and marks says whether there is one */
	const char *bar = marks ? memchr(p, '|', n) : NULL;

	return n >= 2 && ((p[0] == '<' && (isalpha((unsigned char)p[1]) ||
	    p[1] == '/' || p[1] == '!')) || (p[0] == '{' && p[1] == '{') ||
	    (n >= 3 && (memcmp(p, "```", 3) == 0 || memcmp(p, "~~~", 3) == 0)) ||
	    (p[0] == '|' && p[1] == ' ') ||
	    (p[n - 1] == '|' && p[n - 2] == ' ') || (bar != NULL &&
	    memmem(p, n, " | ", 3) != NULL && memchr(bar + 1, '|',
	    n - (size_t)(bar + 1 - p)) != NULL));
}

/* "1. ", "2) ", "- ", "* ", "+ ", "> ": a list item or a quote begins */
static bool
list_item(const char *p, size_t n)
{
	size_t k = 0;

	while (k < n && k < 3 && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k > 0)
		return k + 1 < n && (p[k] == '.' || p[k] == ')') &&
		    p[k + 1] == ' ';
	return n > 2 && strchr("-*+>", p[0]) != NULL && p[1] == ' ';
}

/* a line in bold or italics from end to end: a headline */
static bool
bold_line(const char *p, size_t n)
{
	return n > 4 && (p[0] == '*' || p[0] == '_') && p[1] == p[0] &&
	    p[n - 1] == p[0] && p[n - 2] == p[0];
}

/* ---, ***, ___: a thematic break */
static bool
rule_line(const char *p, size_t n)
{
	size_t k = 0;

	if (n < 3 || strchr("-*_", p[0]) == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		if (p[i] == p[0])
			k++;
		else if (p[i] != ' ')
			return false;
	return k >= 3;
}

/* the end of a [text](url) or ![alt](src) starting at p[i], or 0 */
static size_t
link_end(const char *p, size_t n, size_t i, size_t *textend, size_t *urlat)
{
	const char *close = memchr(p + i, ']', n - i), *paren;

	if (close == NULL || (size_t)(close - p) + 1 >= n || close[1] != '(')
		return 0;
	paren = memchr(close + 2, ')', n - (size_t)(close + 2 - p));
	if (paren == NULL)
		return 0;
	*textend = (size_t)(close - p);
	*urlat = (size_t)(close + 2 - p);
	return (size_t)(paren - p) + 1;
}

/* can this byte open inline markup? */
static inline bool
may_mark(char c)
{
	return c == '[' || c == '!' || c == '*' || c == '_' || c == '`';
}

/* a byte that may stand on either side of an emphasis mark */
static bool
edge(char c)
{
	return c == ' ' || (c != '\0' && strchr(".,;:!?\"'", c) != NULL);
}

/*
 * Does the single star at p[i] open emphasis ("*word", after an edge)
 * or close it ("word*", before one)?  "2*3" and "a * b" are no markup.
 */
static bool
emphasis(const char *p, size_t n, size_t i)
{
	size_t a = i, b = i + 1;
	bool before, after;

	/* other stars are no edge: "***word***" */
	while (a > 0 && p[a - 1] == '*')
		a--;
	while (b < n && p[b] == '*')
		b++;
	before = a == 0 || edge(p[a - 1]);
	after = b == n || edge(p[b]);

	return (before && !after) || (!before && after);
}

/* the first byte from p[i] on that may open markup, or n */
static size_t
next_mark(const char *p, size_t i, size_t n)
{
#ifdef __SSE2__
	for (; n - i >= 16; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('[')),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8('!')));
		unsigned bits;

		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('*')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('`')));
		if ((bits = (unsigned)_mm_movemask_epi8(m)) != 0)
			return i + (unsigned)__builtin_ctz(bits);
	}
#endif
	while (i < n && !may_mark(p[i]))
		i++;
	return i;
}

/*
 * Markdown inline markup reduced to its text into m->plain; the source of
 * the first image goes to m->img.
 */
static void
unmark(struct md *m, const char *p, size_t n)
{
	size_t i = 0, te, ua, end;

	m->plain.n = m->img.n = 0;
	while (i < n) {
		bool image = p[i] == '!' && i + 1 < n && p[i + 1] == '[';

		if ((p[i] == '[' || image) && (end = link_end(p, n, i + image,
		    &te, &ua)) != 0) {
			buf_add(&m->plain, p + i + 1 + image, te - i - 1 - image);
			if (image && m->img.n == 0)
				buf_add(&m->img, p + ua, end - 1 - ua);
			i = end;
		} else if ((p[i] == '*' || p[i] == '_') && i + 1 < n &&
		    p[i + 1] == p[i]) {
			i += 2;
		} else if (p[i] == '`' || (p[i] == '*' && emphasis(p, n, i))) {
			i++;
		} else {
			/* up to the next byte that may open markup, at once */
			size_t k = next_mark(p, i + 1, n);

			buf_add(&m->plain, p + i, k - i);
			i = k;
		}
	}
}

void
md_read(struct md *m, const char *p, size_t n, bool marks,
    struct md_line *l)
{
	memset(l, 0, sizeof *l);
	m->img.n = 0;
	if (n >= 3 && (memcmp(p, "```", 3) == 0 || memcmp(p, "~~~", 3) == 0)) {
		m->fenced = !m->fenced;
		l->blank = true;
		return;
	}
	if (n == 0 || (!m->fenced && rule_line(p, n))) {
		l->blank = true;
		return;
	}
	if (m->fenced) {
		l->text = p;
		l->len = n;
		l->alone = true;
		return;
	}
	l->level = heading(&p, &n);
	l->alone = markup_line(p, n, marks) || bold_line(p, n);
	l->starts = list_item(p, n);
	l->text = p;
	l->len = n;
	if (marks && (memchr(p, '*', n) || memchr(p, '_', n) ||
	    memchr(p, '`', n) || memchr(p, '[', n))) {
		unmark(m, p, n);
		l->changed = m->plain.n != n;
		l->text = m->plain.p;
		l->len = m->plain.n;
		l->img = m->img.p;
		l->imglen = m->img.n;
		/* all markup, no text: an empty emphasis */
		if (l->len == 0 && l->imglen == 0)
			l->blank = true;
	}
}

void
md_reset(struct md *m)
{
	m->fenced = false;
}

void
md_free(struct md *m)
{
	buf_free(&m->plain);
	buf_free(&m->img);
}
