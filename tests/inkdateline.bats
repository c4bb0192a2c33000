#!/usr/bin/env bats
# inkdateline: Chinese and English datelines, where they stand, into tags.

load helper

setup() {
	cd_tmp
}

# the tags inkdateline adds to a paragraph of text $1 (options after it)
dl() {
	local t=$1
	shift
	printf 'd\t0\t1\tpara\t%s\n' "$t" | inkdateline "$@" | cut -f 6- | tr '\t' ' '
}

@test "新华社北京1月25日电 opening a lead, a byline after it left alone" {
	run -0 dl '新华社北京1月25日电(记者 李晓婷)中国援建的学校25日启用。'
	assert_output 'dl=新华社北京1月25日电 dl.agency=新华社 dl.place=北京 dl.date=--01-25 dl.pos=lead'
}

@test "据新华社…电 is relayed; 据新华社电 has no place and no date" {
	run -0 dl '据新华社北京1月25日电 会议25日召开。'
	assert_output 'dl=据新华社北京1月25日电 dl.agency=新华社 dl.place=北京 dl.date=--01-25 dl.pos=lead dl.via=1'
	run -0 dl '据新华社电 会议召开。'
	assert_output 'dl=据新华社电 dl.agency=新华社 dl.pos=lead dl.via=1'
}

@test "a closing dateline in ASCII or full-width brackets; one alone" {
	run -0 dl '会议25日闭幕。(新华社北京1月25日电)'
	assert_output 'dl=新华社北京1月25日电 dl.agency=新华社 dl.place=北京 dl.date=--01-25 dl.pos=tail'
	run -0 dl '会议25日闭幕。（新华社北京1月25日电）'
	assert_output 'dl=新华社北京1月25日电 dl.agency=新华社 dl.place=北京 dl.date=--01-25 dl.pos=tail'
	run -0 dl '（新华社北京1月25日电）'
	assert_output 'dl=新华社北京1月25日电 dl.agency=新华社 dl.place=北京 dl.date=--01-25 dl.pos=alone'
}

@test "places of several words; full-width digits; Chinese numerals; 专电" {
	run -0 dl '新华社湖北赤壁1月25日电 比赛结束。'
	assert_line --partial 'dl.place=湖北赤壁 dl.date=--01-25'
	run -0 dl '新华社阿布扎比1月25日电 航线开通。'
	assert_line --partial 'dl.place=阿布扎比'
	run -0 dl '新华社北京１月１６日电 会议召开。'
	assert_line --partial 'dl.date=--01-16'
	run -0 dl '新华社北京十二月三十一日电 新年将至。'
	assert_line --partial 'dl.date=--12-31'
	run -0 dl '新华社上海６月１３日专电 展会开幕。'
	assert_output 'dl=新华社上海６月１３日专电 dl.agency=新华社 dl.place=上海 dl.date=--06-13 dl.pos=lead'
}

@test "本报讯, 本报北京…电 and other agencies from the table" {
	run -0 dl '本报讯 记者从市里获悉。'
	assert_output 'dl=本报讯 dl.agency=本报 dl.pos=lead'
	run -0 dl '本报北京1月15日电 会议召开。'
	assert_line --partial 'dl.agency=本报 dl.place=北京 dl.date=--01-15'
	for a in 中新社 中新网 人民网 央视新闻 人民日报; do
		run -0 dl "${a}北京1月25日电 消息。"
		assert_line --partial "dl.agency=$a dl.place=北京"
	done
}

@test "papers and sites: X报讯, 【X报讯】, X网…日讯, X网…日消息, 新华08网" {
	run -0 dl '新京报讯 (记者邢世伟)公安部昨日通报。'
	assert_output 'dl=新京报讯 dl.agency=新京报 dl.pos=lead'
	run -0 dl '【深圳商报讯】(记者 肖怀礼)展会开幕。'
	assert_output 'dl=深圳商报讯 dl.agency=深圳商报 dl.pos=lead'
	run -0 dl '千龙网北京7月26日讯(记者冯强 张驰)今天晚上下雨。'
	assert_output 'dl=千龙网北京7月26日讯 dl.agency=千龙网 dl.place=北京 dl.date=--07-26 dl.pos=lead'
	run -0 dl '中广网遂川6月13日消息(记者胡啸)水位上涨。'
	assert_output 'dl=中广网遂川6月13日消息 dl.agency=中广网 dl.place=遂川 dl.date=--06-13 dl.pos=lead'
	run -0 dl '新华08网上海6月6日电 (记者有之炘)债市波动。'
	assert_line --partial 'dl.agency=新华08网 dl.place=上海 dl.date=--06-06'
	run -0 dl '全市拟装6万电子眼监控地沟油。'
	assert_output ''
}

@test "-y gives the year; a printed year wins" {
	run -0 dl '新华社北京1月25日电 会议召开。' -y 2026
	assert_line --partial 'dl.date=2026-01-25'
	run -0 dl 'PARIS, Jan. 25, 2025 (AFP) - Talks began.' -y 2026
	assert_line --partial 'dl.date=2025-01-25'
}

@test "English wire datelines: AP, Xinhua, Reuters, AFP, a state, a bare Reuters-21578 one" {
	run -0 dl 'WASHINGTON (AP) — The Senate voted.'
	assert_output 'dl=WASHINGTON (AP) dl.agency=AP dl.place=WASHINGTON dl.pos=lead'
	run -0 dl 'BEIJING, Jan. 25 (Xinhua) -- China said.'
	assert_output 'dl=BEIJING, Jan. 25 (Xinhua) dl.agency=Xinhua dl.place=BEIJING dl.date=--01-25 dl.pos=lead'
	run -0 dl 'LONDON, Jan 25 (Reuters) - Shares fell.'
	assert_output 'dl=LONDON, Jan 25 (Reuters) dl.agency=Reuters dl.place=LONDON dl.date=--01-25 dl.pos=lead'
	run -0 dl 'SPRINGFIELD, Ill. (AP) — Voters went.'
	assert_output 'dl=SPRINGFIELD, Ill. (AP) dl.agency=AP dl.place=SPRINGFIELD, Ill. dl.pos=lead'
	run -0 dl 'NEW YORK, March 13 - Stocks rose.'
	assert_output 'dl=NEW YORK, March 13 dl.place=NEW YORK dl.date=--03-13 dl.pos=lead'
}

@test "English datelines with no place (Jan 25 (Reuters) -) and of press releases" {
	run -0 dl 'Jan 25 (Reuters) - Oil prices rose.'
	assert_output 'dl=Jan 25 (Reuters) dl.agency=Reuters dl.date=--01-25 dl.pos=lead'
	run -0 dl 'NEW YORK, March 3, 2026 /PRNewswire/ -- Acme Corp announced.'
	assert_output 'dl=NEW YORK, March 3, 2026 /PRNewswire/ dl.agency=PRNewswire dl.place=NEW YORK dl.date=2026-03-03 dl.pos=lead'
	run -0 dl 'BOSTON--(BUSINESS WIRE)--Acme Corp said.'
	assert_output 'dl=BOSTON--(BUSINESS WIRE) dl.agency=BUSINESS WIRE dl.place=BOSTON dl.pos=lead'
	run -0 dl 'SAN JOSE, Calif., Jan. 5, 2026 (GLOBE NEWSWIRE) -- Acme said.'
	assert_output 'dl=SAN JOSE, Calif., Jan. 5, 2026 (GLOBE NEWSWIRE) dl.agency=GLOBE NEWSWIRE dl.place=SAN JOSE, Calif. dl.date=2026-01-05 dl.pos=lead'
	# a month and a day in running text are no dateline
	run -0 dl 'May 5 was a good day (AP) - no.'
	assert_output ''
}

@test "not in running text: a city and a date mentioned, 新华社记者, 电话 and 电网" {
	run -0 dl '他说，北京1月25日电话会议已经结束。'
	assert_output ''
	run -0 dl '新华社记者从国家电网获悉，工程完工。'
	assert_output ''
	run -0 dl '记者获悉，新华社北京1月25日电称会议召开。'
	assert_output ''
	run -0 dl 'Officials in WASHINGTON (AP) said more.'
	assert_output ''
}

@test "-s takes the dateline out, with its dash and spaces; an alone one leaves an empty text" {
	printf 'd\t0\t1\tpara\t新华社北京1月25日电(记者 李晓婷)学校启用。\nd\t0\t2\tpara\t学校启用。(新华社北京1月25日电)\nd\t0\t3\tdateline\t(新华社北京1月25日电)\td=1\nd\t0\t4\tpara\tWASHINGTON (AP) — The Senate voted.\n' > r
	run -0 bash -c 'inkdateline -s < r | cut -f 4,5,6'
	assert_output "$(printf 'para\t(记者 李晓婷)学校启用。\tdl=新华社北京1月25日电\npara\t学校启用。\tdl=新华社北京1月25日电\ndateline\t\td=1\npara\tThe Senate voted.\tdl=WASHINGTON (AP)')"
}

@test "-p: a pattern of one's own, with named groups; a bad one names its line" {
	printf '# a paper of our own\n\n(?<agency>江城日报)(?<place>\\p{Han}{2})讯\n' > more.re
	run -0 dl '江城日报港区讯 码头启用。' -p more.re
	assert_output 'dl=江城日报港区讯 dl.agency=江城日报 dl.place=港区 dl.pos=lead'
	printf 'good\n(unclosed\n' > bad.re
	run -2 --separate-stderr inkdateline -p bad.re < /dev/null
	[[ "$stderr" == "inkdateline: bad.re:2: pattern does not compile at offset "* ]]
	run -2 --separate-stderr inkdateline -p nonexistent.re < /dev/null
	[ "$stderr" = "inkdateline: nonexistent.re: No such file or directory" ]
}

@test "tags already there are kept first; a record with dl is passed on as it is" {
	printf 'd\t0\t1\tpara\t新华社北京1月25日电 会议。\tsrc=1-1\n' > r
	inkdateline < r > once
	run -0 bash -c 'inkdateline < once'
	assert_output "$(cat once)"
	run -0 cut -f 6,7 once
	assert_output "$(printf 'src=1-1\tdl=新华社北京1月25日电')"
}

@test "the Xinhua page: every dateline found, lead and closing" {
	need_corpus xinhua-page
	run -0 bash -c "inkcat '$CORPUS/xinhua-page/xinhua-2026-01-25-p1.md' | inknorm | inkdateline -y 2026 | inkfmt -f dl,dl.place,dl.date,dl.pos | awk NF"
	assert_output "$(printf '%s\n' '新华社北京1月25日电	北京	2026-01-25	alone' \
	    '新华社万象1月25日电	万象	2026-01-25	lead' '新华社阿布扎比1月25日电	阿布扎比	2026-01-25	lead' \
	    '新华社湖北赤壁1月25日电	湖北赤壁	2026-01-25	lead' '新华社广州1月25日电	广州	2026-01-25	lead')"
}

@test "malformed records: message with line number, the rest out, status 1" {
	printf 'd\t0\t1\tpara\t本报讯 好。\nnot a record\nd\t0\t2\tpara\t也好。\n' > r
	run -1 --separate-stderr inkdateline < r
	[ "$stderr" = "inkdateline: line 2: malformed record: fewer than 5 TAB-separated fields" ]
	assert_output "$(printf 'd\t0\t1\tpara\t本报讯 好。\tdl=本报讯\tdl.agency=本报\tdl.pos=lead\nd\t0\t2\tpara\t也好。')"
}

@test "invalid UTF-8 where a dateline would stand: said once per document, passed untouched, status 0" {
	printf 'd\t0\t1\tpara\t\377新华社北京1月25日电 x\nd\t0\t2\tpara\tfine\n' > r
	run -0 --separate-stderr inkdateline < r
	assert_output "$(cat r)"
	[ "$stderr" = "inkdateline: d: 1 paragraphs with invalid UTF-8 where datelines stand, not looked at (inknorm replaces it)" ]
}

@test "a 50 MB paragraph with a dateline comes out whole, and tagged" {
	{ printf 'd\t0\t1\tpara\t新华社北京1月25日电 '; head -c 50000000 /dev/zero | tr '\0' 'x'; printf '\n'; } > r
	run -0 bash -c 'inkdateline < r | cut -f5 | wc -c'
	assert_output 50000029
	run -0 bash -c 'inkdateline < r | cut -f6-'
	assert_output "$(printf 'dl=新华社北京1月25日电\tdl.agency=新华社\tdl.place=北京\tdl.date=--01-25\tdl.pos=lead')"
}
