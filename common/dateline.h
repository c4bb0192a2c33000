/*
 * dateline: the patterns of datelines, as PCRE2 source, for every program
 * that looks for them: inksplit and inknorm know a paragraph by them
 * (item.c), inkdateline takes them apart.  Named groups say what is what:
 * via (据: relayed), agency, place, year, month, day.  A pattern is
 * anchored by its user; a table that puts several in one alternation
 * compiles with PCRE2_DUPNAMES.
 */
#ifndef INK_DATELINE_H
#define INK_DATELINE_H

/* the news agencies and papers whose Chinese datelines are known */
#define DL_AGENCY "新华社|新华网|中新社|中新网|中国新闻网|人民网|人民日报|" \
	"央视新闻|央视网|光明日报|经济日报|法制日报|中国日报|本报"
/* a month or a day in digits, full-width digits or Chinese numerals */
#define DL_NUM "[0-9０-９一二三四五六七八九十〇零]{1,3}"

/*
 * 新华社北京1月25日电, 据新华社电, 新华社湖北赤壁1月25日专电,
 * 新华社北京十二月三十一日电, 本报北京2026年1月15日电.  A place is up to
 * ten ideographs and never holds 记者 or 发 (新华社记者从…, 新华社发);
 * 电网, 电力 are no 电.
 */
#define DL_ZH "(?<via>据)?(?<agency>" DL_AGENCY ")" \
	"(?<place>(?:(?!记者|发)\\p{Han}){0,10}?)" \
	"(?:(?:(?<year>[0-9０-９]{4})年)?(?<month>" DL_NUM ")月" \
	"(?<day>" DL_NUM ")日)?(?:专|讯)?电(?![网力脑视话影])"
/* 本报讯 */
#define DL_ZH_NEWS "(?<agency>本报)讯"

#define DL_MONTH "January|February|March|April|June|July|August|" \
	"September|October|November|December|Jan|Feb|Mar|Apr|May|Jun|Jul|" \
	"Aug|Sept|Sep|Oct|Nov|Dec"
/* WASHINGTON (AP) —, BEIJING, Jan. 25 (Xinhua) --, SPRINGFIELD, Ill. (AP) — */
#define DL_EN "(?<place>[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][A-Za-z.]+" \
	"(?: [A-Z][A-Za-z.]+)?)*)(?:, (?<month>" DL_MONTH ")\\.? " \
	"(?<day>\\d{1,2})(?:, (?<year>\\d{4}))?)? " \
	"\\((?<agency>AP|Reuters|AFP|Xinhua|UPI|Bloomberg|dpa|Kyodo)\\) ?" \
	"(?:--|—|–|-)"
/* BOGOTA, March 13 - (Reuters-21578: no agency in the dateline) */
#define DL_EN_BARE "(?<place>[A-Z][A-Z.' -]{2,}(?:, [A-Z][A-Za-z.]+)*), " \
	"(?<month>" DL_MONTH ")\\.? (?<day>\\d{1,2}) -"

#endif
