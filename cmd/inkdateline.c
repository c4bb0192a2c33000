/*
 * inkdateline: the datelines of wire copy, found and normalized.
 *
 * A dateline is looked for where datelines stand: opening a paragraph
 * (新华社北京1月25日电…, WASHINGTON (AP) — …), closing one
 * (…(新华社北京1月25日电)), or as the whole of it.  Found, it becomes
 * tags: dl (as printed), dl.agency, dl.place, dl.date (--MM-DD, or
 * YYYY-MM-DD with a year), dl.pos (lead, tail, alone), dl.via=1 for a
 * relayed one (据新华社电); with -s it leaves the text.
 *
 * The patterns are a table (dateline.h, and -p FILE for more), tried as
 * one PCRE2 alternation with named groups: via, agency, place, year,
 * month, day.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "dateline.h"
#include "err.h"
#include "opt.h"
#include "out.h"
#include "pat.h"
#include "rec.h"
#include "utf8.h"

static const char usage[] =
    "usage: inkdateline [-hPsV] [-p file] [-y year] [-R size]\n";

/* the datelines that open a paragraph (or are all of it) */
static const char *const leads[] = {
	"[(（【]?" DL_ZH "[)）】]?",
	"[(（【]?" DL_ZH_MEDIA "[)）】]?",
	"[(（【]?" DL_ZH_NEWS "[)）】]?",
	DL_EN,
	DL_EN_WIRE,
	DL_EN_DAY,
	DL_EN_BARE,
};
/* a Chinese dateline in brackets that closes a paragraph */
static const char tail[] = "[(（](?:" DL_ZH "|" DL_ZH_MEDIA ")[)）]";

/*
 * A Chinese dateline after a headline run into its lead with no break
 * (…宽松系误读本报讯(记者张然)根据…, as scraped pages have them), with
 * a byline or a space after it.
 */
static const char glued[] = "(?:" DL_ZH "|" DL_ZH_MEDIA "|" DL_ZH_NEWS ")"
    "(?=[ (（【]|记者)";

/* how far in from either end a dateline can reach */
#define HEAD	256
#define TAIL	160

static pcre2_code *lead_re, *tail_re, *glued_re;
static pcre2_match_data *md;
static bool strip;
static int year;		/* -y, 0 if not given */
/* -p and -P, kept for start() */
static const char *patterns;
static bool print;

/* the document being read, and its paragraphs with invalid UTF-8 */
static struct doc_bad bad = { .why = " where datelines stand, not looked "
    "at (inknorm replaces it)" };
static struct buf raw, tags;

static void
help(void)
{
	printf("%s\n", usage);
	puts("Find the datelines of wire copy and tag them: dl, dl.agency, "
	    "dl.place,\ndl.date, dl.pos, dl.via.\n\n"
	    "  -s, --strip             take the dateline out of the text\n"
	    "  -y, --year=YEAR         the year of datelines that print none\n"
	    "  -p, --patterns=FILE     more patterns, one PCRE2 pattern a line\n"
	    "  -P, --print-patterns    print the patterns in use and exit\n"
	    "  -R, --max-record=SIZE   skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help              show this help\n"
	    "  -V, --version           show the version\n\n"
	    "See inkdateline(1).");
	exit(out_finish());
}


/* the table's lead patterns after the user's (-p), as one alternation */
static void
compile_all(const char *file, bool show)
{
	struct buf all = { 0 };

	if (file != NULL)
		pat_file(&all, file);
	for (size_t i = 0; i < sizeof leads / sizeof leads[0]; i++)
		pat_alt(&all, leads[i], strlen(leads[i]));
	buf_add(&all, "", 1);
	if (show) {
		/* as grep -P takes them: lead (anchored), glued, tail ($) */
		printf("lead\t(?J)^(?:%s)\nglued\t(?J)%s\ntail\t(?J)%s$\n",
		    all.p, glued, tail);
		exit(out_finish());
	}
	lead_re = pat_compile(all.p, PCRE2_ANCHORED, "inkdateline");
	tail_re = pat_compile(tail, PCRE2_ENDANCHORED, "inkdateline");
	glued_re = pat_compile(glued, 0, "inkdateline");
	md = pat_match_data((pcre2_code *[]){ lead_re, tail_re, glued_re },
	    3);
	buf_free(&all);
}

/* the text of the named group of re's match in p, empty if not set */
static struct slice
group(const pcre2_code *re, const char *p, const char *name)
{
	struct slice g;

	g.p = pat_group(re, md, p, name, &g.n);
	return g;
}

/*
 * A number as datelines print it: digits, full-width digits, or Chinese
 * numerals (十二, 三十一, 二〇二六); 0 if it is none.
 */
static int
number(struct slice s)
{
	static const char *const cn[] = { "〇", "一", "二", "三", "四", "五",
	    "六", "七", "八", "九" };
	int value = 0, cur = 0;
	uint32_t cp;

	for (size_t i = 0; i < s.n;) {
		size_t len = utf8_decode((const unsigned char *)s.p + i, s.n - i,
		    &cp);
		int d = -1;

		if (len == 0)
			return 0;
		if (cp >= '0' && cp <= '9')
			d = (int)(cp - '0');
		else if (cp >= 0xff10 && cp <= 0xff19)
			d = (int)(cp - 0xff10);
		else if (cp == 0x96f6)	/* 零 */
			d = 0;
		for (int k = 0; k < 10 && d < 0; k++)
			if (len == 3 && memcmp(s.p + i, cn[k], 3) == 0)
				d = k;
		if (cp == 0x5341) {	/* 十 */
			value += (cur == 0 ? 1 : cur) * 10;
			cur = 0;
		} else if (d >= 0 && cur < 10000) {
			cur = cur * 10 + d;
		} else {
			return 0;
		}
		i += len;
	}
	return value + cur;
}

static int
month_name(struct slice s)
{
	static const char *const names[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	for (int i = 0; i < 12; i++)
		if (s.n >= 3 && strncasecmp(s.p, names[i], 3) == 0)
			return i + 1;
	return number(s);
}

/* "\tKEY=VALUE", the value escaped, onto tags; nothing if it is empty */
static void
tag(const char *key, const char *v, size_t n)
{
	if (n == 0)
		return;
	buf_add(&tags, "\t", 1);
	buf_add(&tags, key, strlen(key));
	buf_add(&tags, "=", 1);
	tags.n += esc_copy(buf_room(&tags, 2 * n), v, n);
}

static void
trim(const char **p, size_t *n)
{
	while (*n > 0 && **p == ' ')
		(*p)++, (*n)--;
	while (*n > 0 && (*p)[*n - 1] == ' ')
		(*n)--;
}

/* the tags of the dateline re matched in text, at [start, end) of it */
static void
dateline(const pcre2_code *re, const char *text, size_t start, size_t end,
    const char *pos)
{
	struct slice via = group(re, text, "via"), ag = group(re, text,
	    "agency"), pl = group(re, text, "place"), y = group(re, text,
	    "year"), mo = group(re, text, "month"), d = group(re, text, "day");
	const char *dl = text + start;
	size_t dln = end - start;
	int yy = y.n ? number(y) : year, mm = mo.n ? month_name(mo) : 0;
	int dd = d.n ? number(d) : 0;
	char date[16];

	/* as printed: no brackets around it, no dash after it */
	while (dln > 0 && (dl[dln - 1] == ' ' || dl[dln - 1] == '-'))
		dln--;
	if (dln >= 3 && (memcmp(dl + dln - 3, "—", 3) == 0 ||
	    memcmp(dl + dln - 3, "–", 3) == 0))
		dln -= 3;
	if (dln >= 6 && ((memcmp(dl + dln - 3, "）", 3) == 0 &&
	    memcmp(dl, "（", 3) == 0) || (memcmp(dl + dln - 3, "】", 3) == 0 &&
	    memcmp(dl, "【", 3) == 0))) {
		dl += 3;
		dln -= 6;
	} else if (dln >= 2 && dl[0] == '(' && dl[dln - 1] == ')') {
		dl++;
		dln -= 2;
	} else if (dln >= 1 && (dl[0] == '(' || (dln >= 3 &&
	    (memcmp(dl, "（", 3) == 0 || memcmp(dl, "【", 3) == 0)))) {
		/* an opening bracket whose closing one is not in the match */
		size_t k = dl[0] == '(' ? 1 : 3;

		dl += k;
		dln -= k;
	}
	trim(&dl, &dln);
	tags.n = 0;
	tag("dl", dl, dln);
	tag("dl.agency", ag.p, ag.n);
	trim(&pl.p, &pl.n);
	tag("dl.place", pl.p, pl.n);
	if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
		if (yy >= 1000 && yy <= 9999)
			snprintf(date, sizeof date, "%04d-%02d-%02d", yy, mm, dd);
		else
			snprintf(date, sizeof date, "--%02d-%02d", mm, dd);
		tag("dl.date", date, strlen(date));
	}
	tag("dl.pos", pos, strlen(pos));
	if (via.n > 0)
		tag("dl.via", "1", 1);
}

static void
end_doc(void)
{
	doc_bad_say(&bad);
}

/* nothing but spaces in p[from, n)? */
static bool
blank_from(const char *p, size_t n, size_t from)
{
	for (; from < n; from++)
		if (p[from] != ' ')
			return false;
	return true;
}

/* is p[0, n) a headline run into a lead: no sentence ended in it? */
static bool
headline_before(const char *p, size_t n)
{
	return memmem(p, n, "。", 3) == NULL && memmem(p, n, "！", 3) == NULL &&
	    memmem(p, n, "？", 3) == NULL && memchr(p, '!', n) == NULL &&
	    memchr(p, '?', n) == NULL && memchr(p, '.', n) == NULL;
}

static void
take(void *ctx, const struct rec *r, const char *line, size_t len)
{
	const char *text = r->text.p, *base = NULL;
	size_t n = r->text.n, head, tl, start = 0, end = 0;
	const pcre2_code *re = NULL;
	const char *pos = NULL;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	bool zh, lead, closes;

	(void)ctx;
	doc_bad_next(&bad, r->doc.p, r->doc.n);
	if (!r->plain) {
		char *d = buf_room(&raw, n);

		n = rec_unesc(r->text.p, r->text.n, d);
		text = d;
	}
	/* only the ends are read: only they need to be UTF-8 */
	head = utf8_head(text, n, HEAD);
	tl = utf8_tail(text, n, TAIL);
	/*
	 * What no dateline can do without: 电, 讯 or 消息, or a dash, in
	 * reach of the start; a closing bracket at the end.  Most paragraphs
	 * have none, and are not looked at further (unless -p adds patterns,
	 * which could need anything).
	 */
	zh = memmem(text, head, "电", 3) != NULL || memmem(text, head, "讯", 3)
	    != NULL || memmem(text, head, "消息", 6) != NULL;
	lead = patterns != NULL || zh || memchr(text, '-', head) != NULL ||
	    memmem(text, head, "—", 3) != NULL || memmem(text, head, "–", 3) !=
	    NULL;
	closes = n >= 2 && (text[n - 1] == ')' || (n >= 3 &&
	    memcmp(text + n - 3, "）", 3) == 0));
	if (rec_tag(r, "dl", 0) >= 0 || n == 0 || !(lead || closes)) {
		/* tagged already (inkdateline | inkdateline is inkdateline) */
	} else if (utf8_count_invalid(text, head > 0 ? head : 1) > 0 ||
	    utf8_count_invalid(text + tl, n - tl) > 0) {
		bad.invalid++;
	} else if (lead && pcre2_match(lead_re, (PCRE2_SPTR)text, head, 0,
	    PCRE2_NO_UTF_CHECK | (head < n ? PCRE2_NOTEOL : 0), md, NULL) >= 0) {
		re = lead_re;
		base = text;
		end = ov[1];
		pos = blank_from(text, n, end) ? "alone" : "lead";
	} else if (zh && pcre2_match(glued_re, (PCRE2_SPTR)text, head, 0,
	    PCRE2_NO_UTF_CHECK, md, NULL) >= 0 && ov[0] > 0 &&
	    ov[0] <= 120 && headline_before(text, ov[0])) {
		re = glued_re;
		base = text;
		start = ov[0];
		end = ov[1];
		pos = "lead";
	} else if (closes && pcre2_match(tail_re,
	    (PCRE2_SPTR)text + tl, n - tl, 0, PCRE2_NO_UTF_CHECK, md,
	    NULL) >= 0) {
		re = tail_re;
		base = text + tl;
		start = ov[0];
		end = ov[1];
		pos = start == 0 && tl == 0 ? "alone" : "tail";
	}
	if (re == NULL) {
		out_write(line, len);
		out_putc('\n');
		return;
	}
	dateline(re, base, start, end, pos);
	if (strip) {
		/* the text without it, and the spaces it leaves */
		const char *keep = text;
		size_t k = n;

		if (strcmp(pos, "lead") == 0 && start > 0) {
			/* the headline before it stays, then the rest */
			rec_write_before_text(r, line);
			out_esc(text, start);
			keep = base + end;
			k = (size_t)(text + n - keep);
			trim(&keep, &k);
			out_esc(keep, k);
			rec_write_after_text(r, line, len);
			out_write(tags.p, tags.n);
			out_putc('\n');
			return;
		} else if (strcmp(pos, "lead") == 0) {
			keep = base + end;
			k = (size_t)(text + n - keep);
		} else {
			k = strcmp(pos, "alone") == 0 ? 0 :
			    (size_t)(base + start - text);
		}
		trim(&keep, &k);
		rec_write_before_text(r, line);
		out_esc(keep, k);
		rec_write_after_text(r, line, len);
	} else {
		out_write(line, len);
	}
	out_write(tags.p, tags.n);
	out_putc('\n');
}

static const struct option longopts[] = {
	{ "strip", no_argument, NULL, 's' },
	{ "year", required_argument, NULL, 'y' },
	{ "patterns", required_argument, NULL, 'p' },
	{ "print-patterns", no_argument, NULL, 'P' },
	OPT_LONGOPTS_COMMON
};


static bool
option(int c, char *arg)
{
	switch (c) {
	case 's':
		strip = true;
		return true;
	case 'y':
		year = (int)xstrtonum(arg, 1000, 9999, "--year", usage);
		return true;
	case 'p':
		patterns = arg;
		return true;
	case 'P':
		print = true;
		return true;
	default:
		return false;
	}
}

static void
start(size_t maxrec)
{
	(void)maxrec;
	compile_all(patterns, print);
}

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "sy:p:PR:hV", longopts, help,
	    option, start, take, end_doc };

	return opt_filter(&f, argc, argv);
}
