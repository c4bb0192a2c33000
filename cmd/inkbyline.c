/*
 * inkbyline: the bylines and credits of wire copy, found and split into
 * people and their roles.
 *
 * A byline is looked for where bylines stand: a paragraph of its own
 * (■新华社记者, By JOHN SMITH, 新华社记者 鞠鹏 摄), in brackets opening a
 * lead, after its dateline (新华社北京1月25日电(记者 李晓婷)…), in
 * brackets closing a paragraph ((本报记者 X), (Reporting by A; Editing
 * by B)), or as the credit that ends a caption (…新华社记者 X 摄).
 * Found, it is read word by word: organisations, role words (记者,
 * 通讯员, 摄, 作, 编辑, 编译, By, Editing by) and names, names run
 * together split by names.h.  Each person becomes a tag by.ROLE=NAME, in
 * printed order; a byline with no person, by.staff=ORG (■新华社记者) or
 * by.agency=ORG (新华社发).  With -s the byline leaves the text.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "names.h"
#include "opt.h"
#include "out.h"
#include "pat.h"
#include "rec.h"
#include "utf8.h"

static const char usage[] = "usage: inkbyline [-hsV] [-p file] [-R size]\n";

static bool strip;
/* -p: the user's patterns, as one alternation, and where they match */
static const char *patterns;
static pcre2_code *user_re;
static pcre2_match_data *user_md;

/* the document being read, and what is said of it at its end */
static struct doc_bad bad = { .why = " where bylines stand, not looked at "
    "(inknorm replaces it)" };
/* the paragraph being read had invalid UTF-8 where a byline could be */
static bool bad_utf8;
static struct buf raw, tags;

static void
help(void)
{
	printf("%s\n", usage);
	puts("Find the bylines and credits of wire copy and tag each person: "
	    "by.ROLE=NAME\n(reporter, correspondent, photographer, "
	    "illustrator, editor, translator),\nby.staff=ORG, by.agency=ORG.\n\n"
	    "  -s, --strip             take the byline out of the text\n"
	    "  -p, --patterns=FILE     more forms, one PCRE2 pattern a line, "
	    "named groups\n"
	    "                          reporter, photographer... for the "
	    "people\n"
	    "  -R, --max-record=SIZE   skip records longer than SIZE "
	    "(default 64M)\n"
	    "  -h, --help              show this help\n"
	    "  -V, --version           show the version\n\n"
	    "See inkbyline(1).");
	exit(out_finish());
}

/* does p[0, n) open with s? */
static bool
starts(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n >= k && memcmp(p, s, k) == 0;
}

/* --- Chinese bylines -------------------------------------------------- */

/* role words, the longest first; suffix ones follow the names they name */
static const struct {
	const char *word;
	const char *role;	/* NULL: 发, the organisation issued it;
				 * after the names, 报道: their role stays */
	bool	 suffix;
} roles[] = {
	{ "特约记者", "reporter", false },
	{ "实习记者", "reporter", false },
	{ "责任编辑", "editor", false },
	{ "采写", "reporter", false },
	{ "通讯员", "correspondent", false },
	{ "实习生", "reporter", false },
	{ "记者", "reporter", false },
	{ "编辑", "editor", false },
	{ "编译", "translator", false },
	{ "摄影", "photographer", false },
	{ "摄", "photographer", true },
	{ "作", "illustrator", true },
	{ "整理", "editor", true },
	{ "报道", NULL, true },		/* reported: the role stays */
	{ "发", NULL, false },
	/* the same in traditional characters (Hong Kong, Taiwan) */
	{ "特約記者", "reporter", false },
	{ "實習記者", "reporter", false },
	{ "責任編輯", "editor", false },
	{ "採寫", "reporter", false },
	{ "通訊員", "correspondent", false },
	{ "實習生", "reporter", false },
	{ "記者", "reporter", false },
	{ "編輯", "editor", false },
	{ "編譯", "translator", false },
	{ "攝影", "photographer", false },
	{ "攝", "photographer", true },
	{ "報道", NULL, true },
	{ "發", NULL, false },
};

/* the role word at p, its index in roles, or -1 */
static int
role_at(const char *p, size_t n)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		size_t k = strlen(roles[i].word);

		if (n >= k && memcmp(p, roles[i].word, k) == 0)
			return (int)i;
	}
	return -1;
}

/* words that end an organisation's name, never a person's */
static bool
org_like(const char *p, size_t n)
{
	static const char *const ends[] = { "社", "台", "报", "网", "站", "部",
	    "局", "院", "会", "团", "处", "厅", "委", "办", "中心", "频道",
	    "电视", "臺", "報", "網", "會", "團", "處", "廳", "辦", "頻道",
	    "電視" };

	/* agencies by their short names: 新华社/路透 */
	static const char *const short_names[] = { "路透", "美联", "法新",
	    "彭博", "共同", "塔斯" };

	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t k = strlen(ends[i]);

		if (n >= k && memcmp(p + n - k, ends[i], k) == 0)
			return true;
	}
	for (size_t i = 0; i < sizeof short_names / sizeof short_names[0]; i++)
		if (n == 6 && memcmp(p, short_names[i], 6) == 0)
			return true;
	return false;
}

/* the byline being read: its people so far, and what is pending */
struct reading {
	const struct rec *r;
	bool	 strict;	/* names must open with a known surname */
	bool	 bare;		/* names with no role word will do: (刘保奇) */
	bool	 bad;		/* not a byline after all */
	const char *role;	/* the role of the names being read */
	size_t	 mark;		/* tags.n where the names of that role start */
	size_t	 people;
	const char *org;	/* the organisation named last, and its length */
	size_t	 orglen;
	bool	 issued;	/* 发: the organisation issued it */
	bool	 firstorg;	/* what opens it, before a role word, is one */
	size_t	 roles;		/* role words read */
};

static void
add(const char *key, const char *v, size_t n)
{
	buf_add(&tags, "\tby.", 4);
	buf_add(&tags, key, strlen(key));
	buf_add(&tags, "=", 1);
	tags.n += esc_copy(buf_room(&tags, 2 * n), v, n);
}

static bool
is_han_at(const char *p, size_t n)
{
	uint32_t cp;

	return utf8_decode((const unsigned char *)p, n, &cp) == 3 &&
	    ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf));
}

/* the names read since the last role word take role instead */
static void
retag(struct reading *rd, const char *role)
{
	struct buf old = { 0 };
	const char *p, *end, *eq, *next;

	if (tags.n == rd->mark)
		return;		/* 新华社发 … 摄 with no name: nothing to retag */
	buf_add(&old, tags.p + rd->mark, tags.n - rd->mark);
	tags.n = rd->mark;
	for (p = old.p, end = old.p + old.n; p < end; p = next) {
		next = memchr(p + 1, '\t', (size_t)(end - p - 1));
		if (next == NULL)
			next = end;
		eq = memchr(p, '=', (size_t)(next - p));
		buf_add(&tags, "\tby.", 4);
		buf_add(&tags, role, strlen(role));
		buf_add(&tags, eq, (size_t)(next - eq));
	}
	buf_free(&old);
}

/* a run of names, as a person's or several run together */
static void
names(struct reading *rd, const char *p, size_t n)
{
	struct names nm;
	size_t off = 0;

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i += 3)
		if (!is_han_at(p + i, n - i)) {
			rd->bad = true;
			return;
		}
	if (n > 6 && memcmp(p + n - 6, "本报", 6) == 0) {
		/* 刘帅本报记者刘红杰: a name, then the next byline's paper */
		names(rd, p, n - 6);
		rd->org = p + n - 6;
		rd->orglen = 6;
		return;
	}
	if (org_like(p, n)) {
		rd->org = p;
		rd->orglen = n;
		return;
	}
	names_split(p, n, &nm);
	if (nm.ambiguous)
		err_warn(bad.doc.p, bad.doc.n, (long long)rd->r->seq, "names run "
		    "together, no split sure: %.*s; kept whole", (int)n, p);
	for (size_t k = 0; k < nm.n; k++) {
		size_t len = nm.len[k];

		/*
		 * Vouched for by its place alone, a name opens with a known
		 * surname and is no longer than three characters unless the
		 * split made it so (对香港记者何必动武).
		 */
		if (!nm.ambiguous && (len < 6 || len > 12 || (rd->strict &&
		    (!names_surname(p + off, len) || (nm.n == 1 && len > 9 &&
		    !names_compound(p + off, len)))))) {
			rd->bad = true;
			return;
		}
		add(rd->role != NULL ? rd->role : "reporter", p + off, len);
		rd->people++;
		off += len;
	}
}

/*
 * One piece of a Chinese byline, between separators: an organisation, a
 * role word, names, in any mix (本报驻埃及记者朱梦魁, 新华社记者鞠鹏摄).
 */
static void
piece(struct reading *rd, const char *p, size_t n)
{
	size_t i = 0, start = 0;
	int k;

	while (i < n && !rd->bad) {
		if ((k = role_at(p + i, n - i)) < 0) {
			i += 3;
			continue;
		}
		if ((roles[k].suffix && i + strlen(roles[k].word) != n) ||
		    (roles[k].role == NULL && !roles[k].suffix &&
		    !org_like(p + start, i - start))) {
			/* 摄 or 作 inside a name; 发 not after a 社: 出发, 发展 */
			i += 3;
			continue;
		}
		if (roles[k].suffix) {
			/* the names since the last role word are its */
			names(rd, p + start, i - start);
			if (roles[k].role != NULL)
				retag(rd, roles[k].role);
		} else if (i > start && rd->roles == 0) {
			rd->org = p + start;
			rd->orglen = i - start;
			rd->firstorg = org_like(rd->org, rd->orglen);
		} else if (i > start) {
			names(rd, p + start, i - start);
		}
		if (!roles[k].suffix) {
			/* 摄影/新京报记者 X: 记者 does not undo 摄影 */
			if (roles[k].role == NULL)
				rd->issued = true;
			else if (!(rd->role != NULL && tags.n == rd->mark &&
			    strcmp(roles[k].role, "reporter") == 0))
				rd->role = roles[k].role;
			rd->mark = tags.n;
		}
		rd->roles++;
		i += strlen(roles[k].word);
		start = i;
	}
	names(rd, p + start, n - start);
}

/* a separator between the pieces of a Chinese byline, its length */
static size_t
separator(const char *p, size_t n)
{
	static const char *const seps[] = { " ", "、", ",", "，", ";", "；",
	    ":", "：", "/", "／", "|", "｜" };

	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		size_t k = strlen(seps[i]);

		if (n >= k && memcmp(p, seps[i], k) == 0)
			return k;
	}
	return 0;
}

/* what a reading found with no person: the staff or the agency */
static void
finish(struct reading *rd)
{
	if (rd->bad)
		return;
	/* nobody named: the staff or agency, if it is an organisation */
	if (rd->people == 0 && rd->org != NULL && rd->roles > 0 &&
	    org_like(rd->org, rd->orglen) && rd->firstorg)
		add(rd->issued ? "agency" : "staff", rd->org, rd->orglen);
	else if (rd->people == 0)
		rd->bad = true;
}

static void
chinese(struct reading *rd, const char *p, size_t n)
{
	size_t i = 0, start = 0, k;

	while (i < n && !rd->bad) {
		if ((k = separator(p + i, n - i)) > 0) {
			piece(rd, p + start, i - start);
			i += k;
			start = i;
		} else {
			i += ((unsigned char)p[i] & 0x80) ? 3 : 1;
		}
	}
	if (!rd->bad)
		piece(rd, p + start, n - start);
	if (rd->roles == 0 && !(rd->bare && rd->people > 0))
		rd->bad = true;
	finish(rd);
}

/* --- English bylines ---------------------------------------------------- */

/* words of an organisation's name: "Associated Press", "Staff Writer" */
static bool
org_word(const char *p, size_t n)
{
	static const char *const words[] = { "Press", "News", "Reuter",
	    "REUTER",
	    "Times", "Post", "Agency", "Service", "Bloomberg", "AFP",
	    "Xinhua", "Correspondent", "Writer", "Staff", "Editor", "Journal",
	    "Daily", "Herald", "Network", "Radio", "Television", "Magazine",
	    "Wire", "Newspaper", "Associated" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (memmem(p, n, words[i], strlen(words[i])) != NULL)
			return true;
	return false;
}

/* a name: two to five words, each opening with a capital */
static bool
person(const char *p, size_t n)
{
	size_t words = 0;

	for (size_t i = 0; i < n; i++) {
		if (i == 0 || p[i - 1] == ' ') {
			/* a capital, or a particle: d'Afflisio, van Dam, de la */
			if (!(p[i] >= 'A' && p[i] <= 'Z') && !starts(p + i,
			    n - i, "d'") && !starts(p + i, n - i, "van ") &&
			    !starts(p + i, n - i, "von ") &&
			    !starts(p + i, n - i, "de ") &&
			    !starts(p + i, n - i, "la ") &&
			    !starts(p + i, n - i, "bin "))
				return false;
			words++;
		} else if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' &&
		    p[i] <= 'Z') || strchr(".'-’ ", p[i]) != NULL) &&
		    (unsigned char)p[i] < 0x80) {
			return false;
		}
	}
	return words >= 2 && words <= 5;
}

static void
trim(const char **p, size_t *n)
{
	while (*n > 0 && (**p == ' ' || **p == '('))
		(*p)++, (*n)--;
	while (*n > 0 && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == ')' ||
	    (*p)[*n - 1] == '.'))
		(*n)--;
}

/* "A, B and C, Associated Press": the people, the organisation left out */
static void
people(struct reading *rd, const char *role, const char *p, size_t n)
{
	const char *end = p + n;

	while (p < end && !rd->bad) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma != NULL ? comma : end;
		const char *and = memmem(p, (size_t)(stop - p), " and ", 5);

		if (and == NULL)
			and = memmem(p, (size_t)(stop - p), " AND ", 5);
		const char *q = and != NULL ? and : stop;
		size_t k = (size_t)(q - p);

		trim(&p, &k);
		if (k > 0 && org_word(p, k)) {
			rd->org = p;
			rd->orglen = k;
		} else if (k > 0 && person(p, k)) {
			add(role, p, k);
			rd->people++;
		} else if (k > 0) {
			rd->bad = true;
		}
		p = and != NULL ? and + 5 : stop + (comma != NULL);
	}
}

/*
 * "By JOHN SMITH", "By Jane Doe and John Roe, Associated Press",
 * "Reporting by A and B; Editing by C": each part names its role.
 */
static void
english(struct reading *rd, const char *p, size_t n)
{
	static const struct {
		const char *lead;
		const char *role;
	} parts[] = {
		{ "Additional reporting by ", "reporter" },
		{ "Reporting by ", "reporter" },
		{ "Writing by ", "reporter" },
		{ "Compiled by ", "reporter" },
		{ "Editing by ", "editor" },
		{ "Translated by ", "translator" },
		{ "Photo by ", "photographer" },
		{ "By ", "reporter" },
		{ "by ", "reporter" },
		{ "BY ", "reporter" },
	};
	const char *end = p + n;

	while (p < end && !rd->bad) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		const char *stop = semi != NULL ? semi : end;
		size_t k = (size_t)(stop - p), i;

		trim(&p, &k);
		for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
			size_t m = strlen(parts[i].lead);

			if (k > m && memcmp(p, parts[i].lead, m) == 0) {
				people(rd, parts[i].role, p + m, k - m);
				rd->roles++;
				break;
			}
		}
		if (i == sizeof parts / sizeof parts[0] && k > 0)
			rd->bad = true;
		p = stop + (semi != NULL);
	}
	finish(rd);
}

/* --- where bylines stand ------------------------------------------------ */

static bool
is_english(const char *p, size_t n)
{
	return starts(p, n, "By ") || starts(p, n, "by ") ||
	    starts(p, n, "BY ") || starts(p, n, "Reporting by ") ||
	    starts(p, n, "Additional reporting by ") ||
	    starts(p, n, "Writing by ") || starts(p, n, "Editing by ") ||
	    starts(p, n, "Compiled by ");
}

/*
 * Read p[0, n) as a byline; its tags go on tags, or nothing if it is
 * not one.  strict: it is vouched for by its place alone, so its names
 * must open with a known surname.  bare: names with no role word will do
 * ((刘保奇), (中国台湾网 刘海伟) in closing brackets), as reporters, and
 * strictly.
 */
static bool
reading(const struct rec *r, const char *p, size_t n, bool strict,
    bool bare)
{
	struct reading rd = { .r = r, .strict = strict || bare, .bare = bare,
	    .mark = tags.n };
	size_t before = tags.n;

	/* only what is read needs to be UTF-8 (inknorm makes it so) */
	if (utf8_count_invalid(p, n) > 0) {
		bad_utf8 = true;
		return false;
	}

	while (n > 0 && (p[0] == ' ' || starts(p, n, "■") ||
	    starts(p, n, "□") || starts(p, n, "●") || starts(p, n, "◆")))
		p += p[0] == ' ' ? 1 : 3, n -= p[-1] == ' ' ? 1 : 3;
	if (is_english(p, n))
		english(&rd, p, n);
	else if (n > 0 && ((unsigned char)p[0] & 0x80))
		chinese(&rd, p, n);
	else
		rd.bad = true;
	if (rd.bad)
		tags.n = before;
	return !rd.bad;
}

/* does p[0, n) end a sentence, spaces aside (。 ！ ？ . ! ? and a ” after)? */
static bool
after_sentence(const char *p, size_t n)
{
	static const char *const stops[] = { "。", "！", "？", "”", "」",
	    ".", "!", "?" };

	while (n > 0 && p[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		size_t k = strlen(stops[i]);

		if (n >= k && memcmp(p + n - k, stops[i], k) == 0)
			return true;
	}
	return false;
}

/*
 * Might p[0, n) hold a byline: a character that opens a role word (记者,
 * 通讯员, 编辑, 编译, 摄, 作, 发, 采写, 实习生) or an English "by"?  One
 * pass, a table look-up a character.
 */
static bool
cue(const char *p, size_t n)
{
	/* 记 通 编 摄 作 发 采 实, and 記 編 攝 發 採 實 */
	static const uint32_t opens[] = { 0x8bb0, 0x901a, 0x7f16, 0x6444,
	    0x4f5c, 0x53d1, 0x91c7, 0x5b9e, 0x8a18, 0x7de8, 0x651d, 0x767c,
	    0x63a1, 0x5be6 };
	static uint8_t table[0x10000 / 8];
	static bool made;
	const unsigned char *u = (const unsigned char *)p;

	if (!made) {
		for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++)
			table[opens[i] / 8] |= 1u << (opens[i] % 8);
		made = true;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		if ((u[i] & 0xf0) == 0xe0 && i + 2 < n) {
			uint32_t cp = (uint32_t)(u[i] & 0x0f) << 12 |
			    (uint32_t)(u[i + 1] & 0x3f) << 6 | (u[i + 2] & 0x3f);

			if (table[cp / 8] & (1u << (cp % 8)))
				return true;
			i += 2;
		} else if ((u[i] | 0x20) == 'b' && (u[i + 1] | 0x20) == 'y') {
			return true;
		}
	}
	return false;
}

/* sentence punctuation: a paragraph that has it is not all byline */
static bool
has_sentence(const char *p, size_t n)
{
	return memmem(p, n, "。", 3) != NULL || memmem(p, n, "！", 3) != NULL ||
	    memmem(p, n, "？", 3) != NULL || memchr(p, '!', n) != NULL ||
	    memchr(p, '?', n) != NULL;
}

/* the closing bracket for one opening at p[0] (3 or 1 bytes), or 0 */
static size_t
closing(const char *p, size_t n, size_t max)
{
	for (size_t i = 1; i < n && i < max; i++) {
		if (p[i] == ')')
			return i + 1;
		if (starts(p + i, n - i, "）"))
			return i + 3;
		if (p[i] == '(' || starts(p + i, n - i, "（"))
			return 0;
	}
	return 0;
}

static bool
opening(const char *p, size_t n)
{
	return n > 0 && (p[0] == '(' || starts(p, n, "（"));
}

/*
 * Where the lead's dateline ends: after the dl tag's text (inkdateline
 * found it), else after the first 电, 讯 or 消息 in reach; 0 if neither.
 */
static size_t
after_dateline(const struct rec *r, const char *p, size_t n)
{
	static const char *const ends[] = { "电", "讯", "消息" };
	long i = rec_tag(r, "dl", 0);
	size_t reach = n > 90 ? 90 : n, best = 0;

	if (i >= 0) {
		struct slice v = tag_value(r->tag[i]);
		/* a dateline after a headline run into the lead stands further */
		const char *at = v.n > 0 ? memmem(p, n > 200 ? 200 : n, v.p,
		    v.n) : NULL;

		/* the dateline's text, as it stands (no escapes in it) */
		if (at != NULL) {
			size_t o = (size_t)(at - p) + v.n;

			if (starts(p + o, n - o, "】") || starts(p + o, n - o, "）"))
				o += 3;
			else if (o < n && p[o] == ')')
				o++;
			return o;
		}
	}
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		const char *at = memmem(p, reach, ends[k], strlen(ends[k]));

		if (at != NULL && (best == 0 || (size_t)(at - p) +
		    strlen(ends[k]) < best))
			best = (size_t)(at - p) + strlen(ends[k]);
	}
	if (best > 0 && starts(p + best, n - best, "】"))
		best += 3;
	return best;
}

/*
 * A byline in the open after a dateline, 记者刘凡 周昌和 任笑一: pieces
 * separated by spaces, up to the first that is too long to be a name
 * (or a role word with names) or holds punctuation.  Its length, or 0.
 */
static size_t
unbracketed(const char *p, size_t n)
{
	size_t i = 0, last = 0;

	while (i < n) {
		size_t start = i, chars = 0;

		while (i < n && p[i] != ' ') {
			/* 记者郑诚报道: the byline ends with 报道 */
			if (starts(p + i, n - i, "报道") && chars >= 2)
				return i + 6;
			if (!is_han_at(p + i, n - i))
				return last;
			i += 3;
			chars++;
		}
		/* a name, or a role word and a name: 记者刘凡, 通讯员李四 */
		if (chars > (role_at(p + start, i - start) >= 0 ? 7 : 3) ||
		    chars < 2)
			return last;
		last = i;
		while (i < n && p[i] == ' ')
			i++;
	}
	return last;
}

/* where the text after the last sentence starts, or 0 */
static size_t
last_sentence(const char *p, size_t n)
{
	static const char *const stops[] = { "。”", "。", "！", "？", "”" };
	size_t best = 0;

	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		size_t k = strlen(stops[i]);
		size_t from = n > 90 + k ? n - 90 - k : 0;

		for (size_t j = n - (n >= k ? k : n); j + k <= n && j >= from;
		    j--) {
			if (memcmp(p + j, stops[i], k) == 0) {
				if (j + k > best)
					best = j + k;
				break;
			}
			if (j == 0)
				break;
		}
	}
	return best < n ? best : 0;
}

/* the span of text a byline took, for -s */
struct span {
	size_t	 start, end;
};

/*
 * The user's patterns (-p) on a window of p: each group named after a
 * role (reporter, correspondent, photographer, illustrator, editor,
 * translator, staff, agency) that is set gives a tag, its text trimmed.
 */
static bool
user(const char *p, size_t n, size_t off, struct span *sp)
{
	static const char *const names[] = { "reporter", "correspondent",
	    "photographer", "illustrator", "editor", "translator", "staff",
	    "agency" };
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(user_md);
	size_t before = tags.n;

	if (n == 0 || utf8_count_invalid(p + off, n) > 0 ||
	    pcre2_match(user_re, (PCRE2_SPTR)p + off, n, 0, PCRE2_NO_UTF_CHECK,
	    user_md, NULL) < 0)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t k;
		const char *v = pat_group(user_re, user_md, p + off, names[i],
		    &k);

		while (k > 0 && *v == ' ')
			v++, k--;
		while (k > 0 && v[k - 1] == ' ')
			k--;
		if (k > 0)
			add(names[i], v, k);
	}
	*sp = (struct span){ off + ov[0], off + ov[1] };
	return tags.n > before;
}

/*
 * Look for the bylines of a paragraph where they stand; their spans in
 * sp (two at most).  Returns how many.
 */
static size_t
find(const struct rec *r, const char *p, size_t n, struct span sp[2])
{
	struct item_span it;
	enum item kind;
	size_t k = 0, o, c;
	size_t head = utf8_head(p, n, 256), tl = utf8_tail(p, n, 256);
	bool closes = n > 2 && (p[n - 1] == ')' || starts(p + n - 3, 3, "）"));
	bool cued, whole;

	/* the user's forms first: the head, then the tail */
	if (user_re != NULL && (user(p, head, 0, &sp[0]) ||
	    user(p, n - tl, tl, &sp[0])))
		return 1;

	/*
	 * Without a role word or an English lead in reach of either end, only
	 * names in closing brackets ((刘保奇)) can be a byline: most
	 * paragraphs stop here.
	 */
	cued = cue(p, head) || cue(p + tl, n - tl) || is_english(p, n);
	if (!cued && !closes)
		return 0;
	whole = cued && utf8_chars(p, n) <= 60 && !has_sentence(p, n);
	/* asked once: the whole paragraph and a caption's credit both use it */
	kind = whole || !closes ? item_find(p, n, &it) : ITEM_NONE;
	/* a paragraph of its own: short, no sentence in it */
	if (whole) {
		bool vouched = (kind == ITEM_BYLINE || kind == ITEM_CREDIT) &&
		    it.start == 0;
		const char *q = p;
		size_t m = n;

		if (opening(q, m) && closing(q, m, m) == m) {
			/* all in brackets: (记者 李晓婷) */
			size_t b = q[0] == '(' ? 1 : 3;

			q += b;
			m -= b + (q[m - b - 1] == ')' ? 1 : 3);
			vouched = true;
		}
		if (reading(r, q, m, !vouched, false)) {
			sp[0] = (struct span){ 0, n };
			return 1;
		}
	}
	/* opening the lead, or right after its dateline */
	o = after_dateline(r, p, n);
	while (o < n && p[o] == ' ')
		o++;
	if (o < n && opening(p + o, n - o) &&
	    (c = closing(p + o, n - o, 120)) > 0) {
		/* in brackets: (记者 李晓婷) */
		size_t b = p[o] == '(' ? 1 : 3;
		size_t e = p[o + c - 1] == ')' ? 1 : 3;

		if (reading(r, p + o + b, c - b - e, false, false))
			sp[k++] = (struct span){ o, o + c };
	} else if (o > 0 && o < n && role_at(p + o, n - o) >= 0 &&
	    (c = unbracketed(p + o, n - o)) > 0 &&
	    reading(r, p + o, c, false, false)) {
		/* in the open: 南都讯 记者刘凡 周昌和 任笑一 继推出… */
		sp[k++] = (struct span){ o, o + c };
	}
	/* in brackets closing it: (本报记者 X), (Reporting by A) */
	if (n > 2 && (p[n - 1] == ')' || starts(p + n - 3, 3, "）"))) {
		size_t e = p[n - 1] == ')' ? 1 : 3;

		for (o = n - e; o > 0 && n - o < 160; o--) {
			if (p[o - 1] == '(' || (o >= 3 &&
			    starts(p + o - 3, 3, "（"))) {
				size_t b = p[o - 1] == '(' ? 1 : 3;

				/*
				 * names alone only after a sentence:
				 * …一个月。(刘保奇), not 辯方 (曾蔭權)
				 */
				/* an end mark is no name: (全文完), (待续) */
				if (item_find(p + o - b, n - o + b, NULL) ==
				    ITEM_NOTE)
					break;
				if ((k == 0 || sp[0].end <= o - b) &&
				    (reading(r, p + o, n - e - o, false, false) ||
				    (after_sentence(p, o - b) &&
				    reading(r, p + o, n - e - o, false, true))))
					sp[k++] = (struct span){ o - b, n };
				break;
			}
			if (p[o - 1] == ')' || (o >= 3 &&
			    starts(p + o - 3, 3, "）")))
				break;
		}
	} else if (kind == ITEM_CREDIT && it.start > 0) {
		/* the credit under a caption: …新华社记者 X 摄, from 新华社 on */
		const char *from = p + it.start, *x;

		for (x = from; x > p && from - x < 40; x--)
			if (starts(x, (size_t)(p + n - x), "新华社")) {
				from = x;
				break;
			} else if (starts(x, (size_t)(p + n - x), "。")) {
				break;
			}
		if ((k == 0 || sp[0].end <= (size_t)(from - p)) &&
		    reading(r, from, (size_t)(p + n - from), false, false))
			sp[k++] = (struct span){ (size_t)(from - p), n };
	} else if ((o = last_sentence(p, n)) > 0 && n - o <= 90 &&
	    (k == 0 || sp[0].end <= o) && reading(r, p + o, n - o, true, false)) {
		/* after the last sentence: …请大家放心。”本报记者朱秦冀 */
		sp[k++] = (struct span){ o, n };
	}
	return k;
}

static void
end_doc(void)
{
	doc_bad_say(&bad);
}

static void
take(void *ctx, const struct rec *r, const char *line, size_t len)
{
	const char *text = r->text.p;
	size_t n = r->text.n, k = 0;
	struct span sp[2];

	(void)ctx;
	doc_bad_next(&bad, r->doc.p, r->doc.n);
	if (!r->plain) {
		char *d = buf_room(&raw, n);

		n = rec_unesc(r->text.p, r->text.n, d);
		text = d;
	}
	tags.n = 0;
	bad_utf8 = false;
	for (size_t i = 0; i < r->ntag && k == 0; i++)
		if (starts(r->tag[i].p, r->tag[i].n, "by."))
			k = 1;	/* read already: passed on as it is */
	if (k == 1 || n == 0) {
		k = 0;
	} else {
		/* the middle of a long paragraph is never read: see find() */
		k = find(r, text, n, sp);
		if (k == 0 && bad_utf8)
			bad.invalid++;
	}
	if (k > 0 && strip) {
		/* the text outside the bylines, the spaces they leave trimmed */
		size_t from = 0;

		rec_write_before_text(r, line);
		for (size_t i = 0; i <= k; i++) {
			size_t to = i < k ? sp[i].start : n;
			const char *q = text + from;
			size_t m = to - from;

			while (m > 0 && *q == ' ')
				q++, m--;
			while (m > 0 && q[m - 1] == ' ')
				m--;
			out_esc(q, m);
			if (i < k)
				from = sp[i].end;
		}
		rec_write_after_text(r, line, len);
	} else {
		out_write(line, len);
	}
	out_write(tags.p, tags.n);
	out_putc('\n');
}

static const struct option longopts[] = {
	{ "strip", no_argument, NULL, 's' },
	{ "patterns", required_argument, NULL, 'p' },
	OPT_LONGOPTS_COMMON
};

static bool
option(int c, char *arg)
{
	switch (c) {
	case 's':
		strip = true;
		return true;
	case 'p':
		patterns = arg;
		return true;
	default:
		return false;
	}
}

static void
start(size_t maxrec)
{
	struct buf all = { 0 };

	(void)maxrec;
	if (patterns == NULL)
		return;
	pat_file(&all, patterns);
	if (all.n == 0)
		return;
	buf_add(&all, "", 1);
	user_re = pat_compile(all.p, 0, "inkbyline");
	user_md = pat_match_data(&user_re, 1);
	buf_free(&all);
}

int
main(int argc, char *argv[])
{
	static const struct filter f = { usage, "sp:R:hV", longopts, help,
	    option, start, take, end_doc };

	return opt_filter(&f, argc, argv);
}
