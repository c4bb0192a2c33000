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

/* how a Chinese dateline ends: 电, 专电, 讯 (千龙网北京7月26日讯), 消息 */
#define DL_END "(?:专电|电(?![网力脑视话影价子器池量费梯厂动])|讯|消息)"
/* a place: up to ten ideographs, never 记者 or 发 (新华社记者从…) */
#define DL_PLACE "(?<place>(?:(?!记者|发)\\p{Han}){0,10}?)"
#define DL_DATE "(?:(?<year>[0-9０-９]{4})年)?(?<month>" DL_NUM ")月" \
	"(?<day>" DL_NUM ")日"

/*
 * 新华社北京1月25日电, 据新华社电, 新华社湖北赤壁1月25日专电,
 * 新华社北京十二月三十一日电, 本报北京2026年1月15日电: an agency the
 * table knows, a place and a date if any.
 */
#define DL_ZH "(?<via>据)?(?<agency>" DL_AGENCY ")" DL_PLACE \
	"(?:" DL_DATE ")?" DL_END
/*
 * 千龙网北京7月26日讯, 新华08网上海6月6日电, 中国网6月11日讯: any paper,
 * site or station (a name ending in 网, 报, 社 or 台, the longest that
 * fits: 中国台湾网), with a date.
 */
#define DL_ZH_MEDIA "(?<via>据)?(?<agency>\\p{Han}{1,6}(?:[0-9]{2})?" \
	"[网报社台])" DL_PLACE DL_DATE DL_END
/* 本报讯, 新京报讯, 南都讯, 荆楚网消息: a paper's own news, no place */
#define DL_ZH_NEWS "(?<agency>本报|\\p{Han}{1,6}[网报社台都])(?:讯|消息)"
/* month names, as typed in a hurry too: "MArch 3", "FEb 26" */
#define DL_MONTH "(?i:January|February|March|April|June|July|August|" \
	"September|October|November|December|Jan|Feb|Mar|Apr|May|Jun|Jul|" \
	"Aug|Sept|Sep|Oct|Nov|Dec)"
/* the agencies an English dateline names in parentheses */
#define DL_EN_AGENCY "AP|Reuters|AFP|Xinhua|UPI|Bloomberg|dpa|Kyodo|" \
	"GLOBE NEWSWIRE"
/* a place in capitals, then its state or country: SPRINGFIELD, Ill. */
#define DL_EN_PLACE "(?<place>[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][A-Za-z.]+" \
	"(?: [A-Z][A-Za-z.]+)?)*)"
/* , Jan. 25 or , March 3, 2026 */
#define DL_EN_DATE "(?:, (?<month>" DL_MONTH ")\\.? (?<day>\\d{1,2})" \
	"(?:, (?<year>\\d{4}))?)?"
#define DL_EN_DASH " ?(?:--|—|–|-)"
/* WASHINGTON (AP) —, BEIJING, Jan. 25 (Xinhua) --, SPRINGFIELD, Ill. (AP) — */
#define DL_EN DL_EN_PLACE DL_EN_DATE " \\((?<agency>" DL_EN_AGENCY ")\\)" \
	DL_EN_DASH
/*
 * Press releases: NEW YORK, March 3, 2026 /PRNewswire/ --, and
 * BOSTON--(BUSINESS WIRE)--
 */
#define DL_EN_WIRE DL_EN_PLACE "(?:" DL_EN_DATE " /(?<agency>PRNewswire|" \
	"CNW)(?:-[A-Za-z]+)?/" DL_EN_DASH "|--\\((?<agency>BUSINESS WIRE)" \
	"\\)--)"
/* Jan 25 (Reuters) -: a dateline with no place, as Reuters' now are */
#define DL_EN_DAY "(?<month>" DL_MONTH ")\\.? (?<day>\\d{1,2}) " \
	"\\((?<agency>" DL_EN_AGENCY ")\\)" DL_EN_DASH
/*
 * BOGOTA, March 13 -, FORT COLLINS, Colo., March 3 -, Oklahoma City,
 * March 3 - (Reuters-21578: no agency in the dateline)
 */
#define DL_EN_BARE "(?<place>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]*)*" \
	"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)*), " \
	"(?<month>" DL_MONTH ")\\.? (?<day>\\d{1,2}) -"

#endif
