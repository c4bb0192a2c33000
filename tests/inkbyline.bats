#!/usr/bin/env bats
# inkbyline: bylines and credits, Chinese and English, into by.* tags.

load helper

setup() {
	cd_tmp
}

# the tags inkbyline adds to a paragraph of text $1 (options after it)
by() {
	local t=$1
	shift
	printf 'd\t0\t1\tpara\t%s\n' "$t" | inkbyline "$@" | cut -f 6- | tr '\t' ' '
}

@test "(记者 李晓婷) after a dateline; several names by spaces, 、 or none" {
	run -0 by '新华社北京1月25日电(记者 李晓婷)学校启用。'
	assert_output 'by.reporter=李晓婷'
	run -0 by '新华社北京1月25日电(记者 宋依黛 陈钟昊)学校启用。'
	assert_output 'by.reporter=宋依黛 by.reporter=陈钟昊'
	run -0 by '新华社万象1月25日电(记者马淮利 赵旭)仪式举行。'
	assert_output 'by.reporter=马淮利 by.reporter=赵旭'
	run -0 by '新华社北京1月25日电（记者林若溪、周启明）会议召开。'
	assert_output 'by.reporter=林若溪 by.reporter=周启明'
}

@test "names run together are split by the surname table; compound surnames" {
	run -0 by '新华社北京1月25日电(记者孙辰茜潘洁)会议召开。'
	assert_output 'by.reporter=孙辰茜 by.reporter=潘洁'
	run -0 by '新华社广州1月25日电(记者毛鑫王瑞平)列车驶离。'
	assert_output 'by.reporter=毛鑫 by.reporter=王瑞平'
	run -0 by '(记者欧阳晓婷司马光)'
	assert_output 'by.reporter=欧阳晓婷 by.reporter=司马光'
}

@test "an ambiguous run is kept whole and reported, not guessed" {
	run -0 --separate-stderr bash -c "printf 'd\t0\t7\tpara\t(记者王芳李张华)\n' | inkbyline | cut -f6-"
	assert_output 'by.reporter=王芳李张华'
	[ "$stderr" = "inkbyline: d:7: names run together, no split sure: 王芳李张华; kept whole" ] || {
		echo "stderr: $stderr"; false; }
}

@test "after a paper's own dateline: in brackets, or in the open up to the text" {
	run -0 by '本报讯(实习记者 靳鸽 记者 何杰) 见一男子抢包。'
	assert_output 'by.reporter=靳鸽 by.reporter=何杰'
	run -0 by '南都讯 记者刘凡 周昌和 任笑一 继推出日票后，深圳将设头等车厢。'
	assert_output 'by.reporter=刘凡 by.reporter=周昌和 by.reporter=任笑一'
	run -0 by '荆楚网消息(记者张扬 通讯员殷莉红、刘永慧)暴雨来袭。'
	assert_output 'by.reporter=张扬 by.correspondent=殷莉红 by.correspondent=刘永慧'
	run -0 by '他们致力于经济发展。(记者 陈伟 整理)'
	assert_output 'by.editor=陈伟'
	run -0 by '羊城晚报讯 记者郑诚报道:佛山一家企业昨日发布公告。'
	assert_output 'by.reporter=郑诚'
	run -0 by '新快报讯记者张恩杰 通讯员李军涛报道酒后驾车的人越来越少。'
	assert_output 'by.reporter=张恩杰 by.correspondent=李军涛'
}

@test "staff and agency: ■新华社记者 with no name, 新华社发 with no person" {
	run -0 by '□新华社记者'
	assert_output 'by.staff=新华社'
	run -0 by '■新华社记者'
	assert_output 'by.staff=新华社'
	run -0 by '新华社发'
	assert_output 'by.agency=新华社'
	# a credit word with no name before it (undefined behaviour once, under SAN=1)
	run -0 by '新华社记者 摄'
	assert_output 'by.staff=新华社'
	run -0 by '■新华社记者 张三 李四'
	assert_output 'by.reporter=张三 by.reporter=李四'
}

@test "credits: 摄 and 作 after the names; the credit ending a caption" {
	run -0 by '新华社记者 鞠鹏 摄'
	assert_output 'by.photographer=鞠鹏'
	run -0 by '新华社发 朱慧卿 作'
	assert_output 'by.illustrator=朱慧卿'
	run -0 by '1月25日，一列动车组列车驶过铁路桥。新华社记者 鞠鹏 摄'
	assert_output 'by.photographer=鞠鹏'
}

@test "several organisations, 本报驻埃及, roles switching inside one byline" {
	run -0 by '中央人民广播电台记者刘振英、新华社记者张宿堂'
	assert_output 'by.reporter=刘振英 by.reporter=张宿堂'
	run -0 by '本报驻埃及记者朱梦魁'
	assert_output 'by.reporter=朱梦魁'
	run -0 by '(记者 李晓婷 通讯员 王五)'
	assert_output 'by.reporter=李晓婷 by.correspondent=王五'
	run -0 by '会议结束。(本报记者 王小明)'
	assert_output 'by.reporter=王小明'
	run -0 by '责任编辑：张三'
	assert_output 'by.editor=张三'
	run -0 by '（编译 李四）'
	assert_output 'by.translator=李四'
}

@test "English: By, several names and an organisation, Reuters trailers" {
	run -0 by 'By JOHN SMITH'
	assert_output 'by.reporter=JOHN SMITH'
	run -0 by 'By Jane Doe and John Roe, Associated Press'
	assert_output 'by.reporter=Jane Doe by.reporter=John Roe'
	run -0 by 'Reporting by Anna Lee and Tom Brown; Editing by Chris Reese'
	assert_output 'by.reporter=Anna Lee by.reporter=Tom Brown by.editor=Chris Reese'
	run -0 by 'Shares fell on Monday. (Reporting by Anna Lee; Editing by Chris Reese)'
	assert_output 'by.reporter=Anna Lee by.editor=Chris Reese'
}

@test "no byline: a headline with 记者 in it, a sentence, a jump line, 新华社记者从…" {
	run -0 by '记者节到了'
	assert_output ''
	run -0 by '他是记者。'
	assert_output ''
	run -0 by '(上接第一版)会议要求加强协调。'
	assert_output ''
	run -0 by '新华社记者从国家电网获悉，工程完工。'
	assert_output ''
	run -0 by 'By the end of the year, prices rose.'
	assert_output ''
	# found on hkcnews: 发 in a word, an organisation's name, a phrase, an end mark
	run -0 by '我就出發,'
	assert_output ''
	run -0 by '香港記者協會'
	assert_output ''
	run -0 by '對香港記者何必動武'
	assert_output ''
	run -0 by '互聯網將改變文明。(全文完)'
	assert_output ''
	run -0 by '辯方 (曾蔭權)'
	assert_output ''
	run -0 by '李風清加入服務隊。(何君健攝)'
	assert_output 'by.photographer=何君健'
}

@test "-s takes the byline out; one alone leaves an empty text; tags already there stay first" {
	printf 'd\t0\t1\tpara\t(记者 李晓婷)学校启用。\tsrc=1-1\nd\t0\t2\tpara\t□新华社记者\nd\t0\t3\tpara\t驶过铁路桥。新华社记者 鞠鹏 摄\n' > r
	run -0 bash -c 'inkbyline -s < r | cut -f 5-'
	assert_output "$(printf '学校启用。\tsrc=1-1\tby.reporter=李晓婷\n\tby.staff=新华社\n驶过铁路桥。\tby.photographer=鞠鹏')"
}

@test "-s with a byline opening and a credit closing the same paragraph; overlapping ones (found by fuzz_byline)" {
	printf 'd\t0\t1\tpara\t新华社北京1月25日电(记者 李晓婷)学校启用。新华社记者 鞠鹏 摄\nd\t0\t2\tpara\t(记 李电记者张宿夾发 朱慧卿 作\n' > r
	run -0 bash -c 'inkbyline -s < r | cut -f 5-'
	assert_line --index 0 "$(printf '新华社北京1月25日电学校启用。\tby.reporter=李晓婷\tby.photographer=鞠鹏')"
	[ "${#lines[@]}" -eq 2 ]
}

@test "-p: forms of one's own with groups named after roles; a bad pattern names its line" {
	printf '# our paper\n图/(?<photographer>\\p{Han}{2,3})$\n' > credit.re
	run -0 by '港口新貌。图/王小明' -p credit.re
	assert_output 'by.photographer=王小明'
	run -0 by '港口新貌。图/王小明' -p credit.re -s
	assert_output 'by.photographer=王小明'
	printf 'd\t0\t1\tpara\t港口新貌。图/王小明\n' | inkbyline -s -p credit.re > out
	run -0 cut -f5 out
	assert_output '港口新貌。'
	printf '(unclosed\n' > bad.re
	run -2 --separate-stderr inkbyline -p bad.re < /dev/null
	[[ "$stderr" == "inkbyline: bad.re:1: pattern does not compile at offset "* ]]
}

@test "idempotent: a record with by. tags is passed on as it is" {
	printf 'd\t0\t1\tpara\t(记者 李晓婷)学校启用。\n' > r
	inkbyline < r > once
	run -0 bash -c 'inkbyline < once'
	assert_output "$(cat once)"
}

@test "the Xinhua page: every byline and credit, names split" {
	need_corpus xinhua-page
	run -0 bash -c "inkcat '$CORPUS/xinhua-page/xinhua-2026-01-25-p1.md' | inknorm | inkbyline | cut -f6- | grep by. | sed 's/src=[0-9-]*.//'"
	assert_output "$(printf '%s\n' 'by.staff=新华社' 'by.reporter=马淮利	by.reporter=赵旭' \
	    'by.reporter=温新年	by.reporter=赵丹亮' 'by.reporter=潘毅' 'by.illustrator=朱慧卿' \
	    'by.reporter=毛鑫	by.reporter=王瑞平')"
}

@test "malformed records: message with line number, the rest out, status 1" {
	printf 'd\t0\t1\tpara\t□新华社记者\nnot a record\nd\t0\t2\tpara\t也好。\n' > r
	run -1 --separate-stderr inkbyline < r
	[ "$stderr" = "inkbyline: line 2: malformed record: fewer than 5 TAB-separated fields" ]
	assert_output "$(printf 'd\t0\t1\tpara\t□新华社记者\tby.staff=新华社\nd\t0\t2\tpara\t也好。')"
}

@test "invalid UTF-8 where a byline would stand: said once per document, untouched, status 0" {
	printf 'd\t0\t1\tpara\t(记者 \377李晓婷)x\nd\t0\t2\tpara\tfine\n' > r
	run -0 --separate-stderr inkbyline < r
	assert_output "$(cat r)"
	[ "$stderr" = "inkbyline: d: 1 paragraphs with invalid UTF-8 where bylines stand, not looked at (inknorm replaces it)" ]
}

@test "a 50 MB paragraph with a byline comes out whole, and tagged" {
	{ printf 'd\t0\t1\tpara\t(记者 李晓婷)'; head -c 50000000 /dev/zero | tr '\0' 'x'; printf '\n'; } > r
	run -0 bash -c 'inkbyline < r | cut -f5 | wc -c'
	assert_output 50000019
	run -0 bash -c 'inkbyline < r | cut -f6-'
	assert_output 'by.reporter=李晓婷'
}
