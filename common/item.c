/*
 * item: see item.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dateline.h"
#include "err.h"
#include "item.h"
#include "pat.h"
#include "utf8.h"

/*
 * Each pattern is anchored at the start of the text; the first that
 * matches decides, so a credit is tried before the byline it starts
 * like (新华社记者 X 摄 against 新华社记者).
 */
static const struct {
	enum item kind;
	const char *pattern;
} table[] = {
	/* 新华社发, (新华社发), 新华社记者 X 摄, 新华社发 X 作 */
	{ ITEM_CREDIT, "[(（]?新华社(?:记者)?发[)）]?$" },
	{ ITEM_CREDIT, "[(（]?新华社(?:特约)?(?:记者|发)[^。，,]{0,16}?[摄作]"
	    "[)）]?$" },
	{ ITEM_CREDIT, "(?:Photo|PHOTO)(?: by |: ?)[A-Z][^.]{0,40}$" },
	{ ITEM_CREDIT, "\\(?(?:REUTERS|Reuters|AP|AFP|Xinhua)/[A-Z][A-Za-z .'-]"
	    "+\\)?$" },
	/* 新华社北京1月25日电, (新华社北京1月25日电), 本报讯 (dateline.h) */
	{ ITEM_DATELINE, "[(（【]?" DL_ZH "[)）】]?" },
	/* WASHINGTON (AP) —, BOGOTA, March 13 - */
	{ ITEM_DATELINE, DL_EN },
	{ ITEM_DATELINE, DL_EN_WIRE },
	{ ITEM_DATELINE, DL_EN_DAY },
	{ ITEM_DATELINE, DL_EN_BARE },
	/* ■新华社记者, (记者 李晓婷), 本报记者, 文/X, By JANE SMITH */
	{ ITEM_BYLINE, "[■□●◆]?新华社(?:特约)?(?:记者|通讯员)" },
	{ ITEM_BYLINE, "[(（]记者[^)）]{1,40}[)）]$" },
	{ ITEM_BYLINE, "[(（]?本报(?:特约)?(?:记者|通讯员)" },
	{ ITEM_BYLINE, "(?:文|撰文|记者)\\s?[/／|｜]" },
	{ ITEM_BYLINE, "By [A-Z][A-Za-z.'’ -]+(?:, [A-Z][A-Za-z ]+)?$" },
	{ ITEM_BYLINE, "[(（]?(?:Reporting|Writing|Additional reporting) by " },
	/* 图为…, 图: …, 上图: …, Photo: … */
	{ ITEM_CAPTION, "图为" },
	{ ITEM_CAPTION, "(?:图|图片|照片|[上下左右中]图)\\s?\\d?\\s?[:：]" },
	{ ITEM_CAPTION, "(?:Photo|PHOTO|Caption)\\s?:" },
	/* 上接第4版; 下转第8版, 转载自…, 责任编辑: …, (完) */
	{ ITEM_JUMP, "[(（]?(?:上接|接上版|接第[^版]{1,3}版)" },
	{ ITEM_NOTE, "[(（]?(?:下转|转下版|转第[^版]{1,3}版|转载自)" },
	{ ITEM_NOTE, "[(（]?(?:责任编辑|编辑|校对|审核|来源)\\s?[:：]" },
	{ ITEM_NOTE, "[(（]?本文(?:转载|来源|来自)" },
	/* the end mark of a story: (完), Reuter */
	{ ITEM_NOTE, "(?:[(（](?:全文)?完[)）]|[(（](?:未完)?待续[)）]|"
	    "Reuters?|REUTERS?)$" },
};

/*
 * The datelines of any paper or site (千龙网北京7月26日讯, 新京报讯) can open
 * with any ideograph: tried apart, and only on a text that has 电, 讯 or
 * 消息 near its start, so that the table above keeps its cheap first-
 * character test.
 */
static const char media[] = "[(（【]?(?:" DL_ZH_MEDIA "|" DL_ZH_NEWS ")"
    "[)）】]?";

/* a credit that ends the text: 新华社记者 X 摄, 新华社发 X 作 */
static const char credit_end[] = "\\s\\S{1,12}\\s?[摄作][)）]?$";

static pcre2_code *starts, *ends, *media_re;
static pcre2_match_data *md;
/* the bytes a match of starts can open with, as PCRE2 works them out */
static const uint8_t *firstbytes;


/*
 * One alternation of the table, each branch marked with its index:
 * one call to PCRE2 tries them all, and the mark says which matched.
 */
static void
compile_items(void)
{
	struct buf all = { 0 };
	char mark[32];

	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		int k = snprintf(mark, sizeof mark, "%s(?:(*MARK:%zu)",
		    i == 0 ? "" : "|", i);

		buf_add(&all, mark, (size_t)k);
		buf_add(&all, table[i].pattern, strlen(table[i].pattern));
		buf_add(&all, ")", 1);
	}
	buf_add(&all, "", 1);
	starts = pat_compile(all.p, PCRE2_ANCHORED, "item");
	ends = pat_compile(credit_end, 0, "item");
	media_re = pat_compile(media, PCRE2_ANCHORED, "item");
	if (pcre2_pattern_info(starts, PCRE2_INFO_FIRSTBITMAP, &firstbytes) != 0)
		firstbytes = NULL;
	buf_free(&all);
	md = pcre2_match_data_create(4, NULL);
}

/*
 * Match in a window of the text that was checked to be valid UTF-8; when
 * the window stops short of the end, "$" must not match there.
 */
static bool
match(pcre2_code *re, const char *p, size_t n, bool cut)
{
	return pcre2_match(re, (PCRE2_SPTR)p, n, 0, PCRE2_NO_UTF_CHECK |
	    (cut ? PCRE2_NOTEOL : 0), md, NULL) >= 0;
}

/* how far the patterns read: the head of a text, and its tail */
#define HEAD	192
#define TAIL	64

/*
 * Can a match of the table open with the first character of p?  PCRE2
 * knows the bytes it can open with; past that, each character of the BMP
 * is asked once, as a partial match of the character alone, and the
 * answer kept: 2 yes, 1 no, 0 not asked yet.
 */
static bool
may_open(const char *p, size_t n)
{
	static uint8_t known[0x10000];
	uint32_t cp;
	size_t len;
	int rc;

	if (firstbytes != NULL && !(firstbytes[(unsigned char)p[0] / 8] &
	    (1u << ((unsigned char)p[0] % 8))))
		return false;
	if ((len = utf8_decode((const unsigned char *)p, n, &cp)) == 0 ||
	    cp >= 0x10000)
		return true;
	if (known[cp] == 0) {
		rc = pcre2_match(starts, (PCRE2_SPTR)p, len, 0,
		    PCRE2_NO_UTF_CHECK | PCRE2_PARTIAL_HARD, md, NULL);
		known[cp] = rc >= 0 || rc == PCRE2_ERROR_PARTIAL ? 2 : 1;
	}
	return known[cp] == 2;
}

/*
 * Could p[0, n) open with a paper's dateline: an ideograph or a bracket
 * first, 电, 讯 or 消息 within 30 characters (the longest such dateline)?
 */
static bool
dateline_end(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	if (n < 6 || (u[0] < 0xe0 && u[0] != '('))
		return false;
	for (size_t i = 0, k = 0; i + 2 < n && k < 30; k++) {
		if ((u[i] & 0xf0) != 0xe0) {
			i++;
			continue;
		}
		if ((u[i] == 0xe7 && u[i + 1] == 0x94 && u[i + 2] == 0xb5) ||
		    (u[i] == 0xe8 && u[i + 1] == 0xae && u[i + 2] == 0xaf) ||
		    (u[i] == 0xe6 && u[i + 1] == 0xb6 && u[i + 2] == 0x88))
			return true;
		i += 3;
	}
	return false;
}

enum item
item_find(const char *p, size_t n, struct item_span *span)
{
	struct item_span s = { ITEM_NONE, 0, 0, false };
	size_t head = utf8_head(p, n, HEAD), tail = utf8_tail(p, n, TAIL);
	size_t end = n;
	uint32_t last;

	if (md == NULL)
		compile_items();
	/*
	 * The patterns read no further than HEAD bytes in (a dateline, a
	 * byline) or TAIL bytes from the end (a credit): only those need to
	 * be valid UTF-8, and are checked, cut on character boundaries, once
	 * the cheap tests (the first character, the last) say a pattern may
	 * match.  A text all of stray bytes has empty windows: its first
	 * byte is the bad one.
	 */
	if (n > 0 && may_open(p, head)) {
		if (utf8_count_invalid(p, head > 0 ? head : 1) > 0) {
			s.invalid = true;
		} else if (match(starts, p, head, head < n)) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			PCRE2_SPTR m = pcre2_get_mark(md);

			s.kind = table[strtoul((const char *)m, NULL, 10)].kind;
			s.end = ov[1];
		}
	}
	if (s.kind == ITEM_NONE && !s.invalid && dateline_end(p, head)) {
		if (utf8_count_invalid(p, head > 0 ? head : 1) > 0) {
			s.invalid = true;
		} else if (match(media_re, p, head, head < n)) {
			s.kind = ITEM_DATELINE;
			s.end = pcre2_get_ovector_pointer(md)[1];
		}
	}
	if (s.kind == ITEM_NONE && !s.invalid) {
		last = utf8_before(p, &end);
		if (last == ')' || last == 0xff09)
			last = utf8_before(p, &end);
		if ((last == 0x6444 || last == 0x4f5c) &&
		    utf8_count_invalid(p + tail, n - tail) > 0) {
			s.invalid = true;
		} else if ((last == 0x6444 || last == 0x4f5c) &&
		    match(ends, p + tail, n - tail, false)) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

			s.kind = ITEM_CREDIT;
			s.start = tail + ov[0];
			s.end = tail + ov[1];
		}
	}
	if (span != NULL)
		*span = s;
	return s.kind;
}
