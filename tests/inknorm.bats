#!/usr/bin/env bats
# inknorm: whitespace, folding, paragraphs, Markdown, idempotence, errors.

load helper

setup() {
	cd_tmp
}

# the TEXT of each output record, for text given as printf format
texts() {
	printf -- "$1" > in.txt
	shift
	inkcat in.txt | inknorm "$@" | cut -f5
}

@test "Unicode white space becomes one ASCII space; edges trimmed" {
	run -0 texts '\t a\302\240b\343\200\200c\342\200\202d\342\200\257e\342\201\237f  g \n'
	assert_output 'a b c d e f g'
}

@test "invisible junk goes; ZWJ stays except between two ideographs" {
	run -0 texts 'a\342\200\213b\357\273\277c\302\255d\342\200\216e\001f\n'
	assert_output 'abcdef'
	run -0 texts '中\342\200\215文 a\342\200\215b\n'
	assert_output "$(printf '中文 a\342\200\215b')"
	# after ideographs and punctuation copied as one run
	run -0 texts '本身、沒有非\342\200\215法集結。\n'
	assert_output '本身、沒有非法集結。'
}

@test "long runs: spaces, junk, markup and bad bytes found past the first sixteen bytes" {
	run -0 texts 'The quick brown fox jumps  over\tthe\302\240lazy dog, then naps \n'
	assert_output 'The quick brown fox jumps over the lazy dog, then naps'
	run -0 texts 'abcdefghijklmnopqrstuvwxyz0123456789 and *this* is **bold** [text](http://x.org/a_b)\n'
	assert_output 'abcdefghijklmnopqrstuvwxyz0123456789 and this is bold text'
	run -0 texts 'a *word* and *two words*. 2*3 and a * b\n'
	assert_output 'a word and two words. 2*3 and a * b'
	run -0 texts '***作者為教會牧師***\n\n*[一張互動圖 →](/x)* and *.swp\n'
	assert_output "$(printf '作者為教會牧師\n一張互動圖 → and *.swp')"
	run -0 texts '中华人民共和国中华人民共和国中华\342\200\213人民\343\200\200共和国\342\200\215中华\357\244\200\n'
	assert_output '中华人民共和国中华人民共和国中华人民 共和国中华豈'
	run -0 --separate-stderr texts '中华人民共和国中华人民\377共和国\344\267\200中华人民共和国中华\n'
	assert_output "$(printf '中华人民共和国中华人民\357\277\275共和国\344\267\200中华人民共和国中华')"
	[[ $stderr == *': 1 invalid UTF-8 bytes replaced by U+FFFD' ]]
}

@test "a single space between two CJK runs stays" {
	run -0 texts '(记者 宋依黛  陈钟昊)\n'
	assert_output '(记者 宋依黛 陈钟昊)'
}

@test "full-width ASCII folds; --fold=none and -k keep it" {
	run -0 texts '２０２５年ＡＩ，超５０００列！\n'
	assert_output '2025年AI,超5000列!'
	run -0 texts '２０２５年ＡＩ，超５０００列！\n' --fold=none
	assert_output '２０２５年ＡＩ，超５０００列！'
	run -0 texts '２０２５年ＡＩ，超５０００列！\n' -k
	assert_output '2025年AI，超5000列！'
}

@test "not NFKC: …… —— 、 “” 《》 ① stay; Kangxi and compatibility ideographs unify; NFC" {
	run -0 texts '……——、“《人民日报》”①\n'
	assert_output '……——、“《人民日报》”①'
	# U+2F00 KANGXI RADICAL ONE, U+F900 CJK COMPATIBILITY IDEOGRAPH
	run -0 texts '\342\274\200\357\244\200\n'
	assert_output "$(printf '\344\270\200\350\261\210')"
	# e and a combining acute accent compose
	run -0 texts 'caf\145\314\201\n'
	assert_output "$(printf 'caf\303\251')"
	# singletons: U+2329 is U+3008 in NFC, U+212B is U+00C5
	run -0 texts '\342\214\251x\342\204\253\n'
	assert_output "$(printf '\343\200\210x\303\205')"
}

@test "--autospace inserts or strips spaces between CJK and Latin" {
	run -0 texts '新华社AI报道 共5000列\n' --autospace=insert
	assert_output '新华社 AI 报道 共 5000 列'
	run -0 texts '新华社 AI 报道\n' -A strip
	assert_output '新华社AI报道'
	run -2 --separate-stderr inknorm -A sideways < /dev/null
	[[ "$stderr" == "inknorm: --autospace: unknown mode sideways"* ]]
}

@test "invalid UTF-8 becomes U+FFFD and stderr counts it" {
	printf 'bad \377\376 bytes.\n' > in.txt
	run -0 --separate-stderr bash -c 'inkcat in.txt | inknorm | cut -f5'
	assert_output 'bad �� bytes.'
	[ "$stderr" = "inknorm: in.txt: 2 invalid UTF-8 bytes replaced by U+FFFD" ]
}

@test "CR, CRLF and U+2028 end lines; U+2029 and form feed end paragraphs" {
	run -0 texts 'one,\r\ntwo;\rthree.\342\200\251four\014five.\n'
	assert_output "$(printf 'one, two; three.\nfour\nfive.')"
}

@test "hard-wrapped English: joined with spaces; indented lines start paragraphs" {
	inkcat "$DATA/wrapped-en.txt" | inknorm > out
	run cut -f3,4,6 out
	assert_output "$(printf '1\tpara\tsrc=1-1\n2\tpara\tsrc=3-5\n3\tpara\tsrc=6-8\n4\tpara\tsrc=9-10\n5\tpara\tsrc=12-12')"
	run cut -f5 out
	assert_line -n 1 'RIVERTON, March 2 (Xinhua) -- The first 36 automated berths on the Riverton logistics corridor opened on Monday, port officials said, after container throughput rose 10 percent in the first quarter.'
	# "Mr." ends no sentence
	assert_line -n 3 "\"We built this for the next twenty years,\" said Mr. Alan Reyes, the port's director."
	assert_line -n 4 'By JANE MORROW'
}

@test "hard-wrapped Chinese: joined with no space; U+3000 indent starts a paragraph" {
	cp "$DATA/wrapped-zh.txt" .
	run -0 bash -c 'inkcat wrapped-zh.txt | inknorm | cut -f5,6'
	assert_output "$(printf '江河新城港务部门2日介绍,沿江物流走廊首批智慧泊位当日启用,一季度集装箱吞吐量超12万标箱,同比增长一成。\tsrc=1-2\n新泊位配备自动化岸桥,单箱作业时间缩短约三成。今年以来,江城开行铁水联运班列超400列。\tsrc=3-4')"
}

@test "a paragraph broken by a blank line is joined; list items, datelines, credits are not" {
	inkcat "$DATA/broken-zh.md" | inknorm > out
	run cut -f4,5 out
	assert_line -n 0 "$(printf 'head\t江河新城启用首批智慧泊位')"
	assert_line -n 1 "$(printf 'para\t新华社江城3月2日电(记者 林若溪 周启明)沿江物流走廊首批36个智慧泊位当日正式启用。港务部门负责人表示,今年还将新增一批泊位,只有坚持多式联运,才能进一步降低物流成本。')"
	assert_line -n 2 "$(printf 'para\t工作人员在新泊位调度集装箱;')"
	assert_line -n 3 "$(printf 'para\t志愿者在码头开展安全宣传;')"
	assert_line -n 4 "$(printf 'para\t(新华社江城3月2日电)')"
	assert_line -n 5 "$(printf 'para\t新华社发 林若溪 摄')"
}

@test "lines that are datelines, bylines or credits are never glued to neighbours" {
	run -0 texts '■新华社记者\n社会工作事关长治久安,面向最广泛的社会领域\n新华社北京1月25日电 记者报道说\n图为新泊位\n新华社记者 林若溪 摄\nWASHINGTON (AP) — The Senate voted.\n'
	assert_output "$(printf '■新华社记者\n社会工作事关长治久安,面向最广泛的社会领域\n新华社北京1月25日电 记者报道说\n图为新泊位\n新华社记者 林若溪 摄\nWASHINGTON (AP) — The Senate voted.')"
}

@test "across a blank line: a list item or a Latin word does not run into Chinese" {
	run -0 texts '1. 科技报道: 汉娜与平庸的邪恶,一篇长文的题目和出处\n\n请加入成为月费订户,长期支持我们的工作。\n\n作者简介: 视艺及通识科教师。著有一本漫画。FB:vawongsir\n\n请加入成为月费订户,长期支持我们的工作。\n'
	assert_output "$(printf '1. 科技报道: 汉娜与平庸的邪恶,一篇长文的题目和出处\n请加入成为月费订户,长期支持我们的工作。\n作者简介: 视艺及通识科教师。著有一本漫画。FB:vawongsir\n请加入成为月费订户,长期支持我们的工作。')"
}

@test "a bold headline, markup, a table row stand alone; a list item starts a paragraph" {
	run -0 texts '**沿江物流走廊吞吐量大增,一季度超12万标箱**\n\n有5.1%%的集装箱经铁水联运进出港区,较去年增加。\n<figure>\ntext after it\n<span class="x-\n| 港口 | 吞吐量 |\n| 江城港\n 12万标箱 |\n1. first item of the list, which\ngoes on here\n2. second item\n'
	assert_output "$(printf '沿江物流走廊吞吐量大增,一季度超12万标箱\n有5.1%%的集装箱经铁水联运进出港区,较去年增加。\n<figure>\ntext after it\n<span class="x-\n| 港口 | 吞吐量 |\n| 江城港\n12万标箱 |\n1. first item of the list, which goes on here\n2. second item')"
}

@test "lines in a fenced code block stay lines" {
	run -0 texts 'Deploy it so:\n\n```\nchmod +x deploy.sh\n./deploy.sh --all\n# not a heading\n```\n'
	assert_output "$(printf 'Deploy it so:\nchmod +x deploy.sh\n./deploy.sh --all\n# not a heading')"
}

@test "a long line earlier in the document does not make the text after it look short" {
	run -0 texts '<DATELINE>    LONDON, March 2 - </DATELINE><BODY>U.K. Chancellor of the Exchequer Nigel Lawson told the finance minister of Brazil so.\n    Producer delegates were meeting to examine a Colombian\nproposal to resume quotas from April, they said.\n'
	assert_line -n 1 'Producer delegates were meeting to examine a Colombian proposal to resume quotas from April, they said.'
}

@test "a headline line is not glued to the body under it" {
	run -0 texts 'Harbor city opens berths\nThe first automated berths on the Riverton corridor opened on Monday after a year of work.\n'
	assert_output "$(printf 'Harbor city opens berths\nThe first automated berths on the Riverton corridor opened on Monday after a year of work.')"
}

@test "an abbreviation in brackets ends no sentence" {
	run -0 texts '    WASHINGTON, March 3 - The Australian Government will likely\nreimburse the Australian Wheat Board, AWB, about 132 mln (U.S.)\ndlrs to pay wheat farmers for their 1986/87 crop, the U.S.\nAgriculture Department said.\n'
	assert_output 'WASHINGTON, March 3 - The Australian Government will likely reimburse the Australian Wheat Board, AWB, about 132 mln (U.S.) dlrs to pay wheat farmers for their 1986/87 crop, the U.S. Agriculture Department said.'
}

@test "Reuters bodies, tags stripped: no paragraph is the tail of a cut sentence" {
	need_corpus reuters21578
	for i in 0 1 2 3; do
		sed -e 's/<[^>]*>//g' -e 's/&#[0-9]*;//g' "$CORPUS/reuters21578/reut2-00$i.sgm"
	done > bodies.txt
	inkcat bodies.txt | inknorm | cut -f5 > paras
	[ "$(wc -l < paras)" -gt 20000 ]
	# a fragment: running text opening in lower case after a paragraph
	# that stopped mid-sentence (routing codes such as "u f BC-" aside)
	run awk 'prev !~ /[.!?"]$/ && /^[a-z]/ && /[.!?] / && !/^[a-z] [a-z] [A-Z][A-Z]-/ { print } { prev = $0 }' paras
	assert_output ''
}

@test "a hyphen at a line end joins with no space" {
	run -0 texts 'the well-\nknown port opened its new cranes on Monday morning\n'
	assert_output 'the well-known port opened its new cranes on Monday morning'
}

@test "Markdown: headings with level, emphasis and links reduced, an image tagged" {
	cp "$DATA/broken-zh.md" .
	inkcat broken-zh.md | inknorm > out
	run grep -c $'\thead\t' out
	assert_output 2
	run grep $'\t短讯\t' out
	assert_output --partial $'\tlevel=2'
	run grep '江城开通' out
	assert_output --partial $'\t江城开通铁水联运班列。\t'
	run grep 'img=' out
	assert_output "$(printf 'broken-zh.md\t0\t9\tpara\t码头全景\tsrc=19-19\timg=https://example.org/port.jpg')"
}

@test "a Markdown hard break (two trailing spaces) ends the paragraph" {
	run -0 texts '**时间:** Wed, 12 Nov 2025  \n**分类:** blockchain  \n'
	assert_output "$(printf '时间: Wed, 12 Nov 2025\n分类: blockchain')"
}

@test "tags of the source lines pass on; noeol is inknorm's own" {
	printf 'd\t0\t1\tline\tfirst half,\ttitle=T\nd\t0\t2\tline\tsecond half.\tnoeol=1\tx.y=z\n' > r
	run -0 inknorm < r
	assert_output "$(printf 'd\t0\t1\tpara\tfirst half, second half.\tsrc=1-2\ttitle=T\tx.y=z')"
}

@test "idempotent: inknorm | inknorm equals inknorm, on fixtures and the corpus page" {
	for f in "$DATA/wrapped-en.txt" "$DATA/wrapped-zh.txt" "$DATA/broken-zh.md" \
	    "$CORPUS/xinhua-page/xinhua-2026-01-25-p1.md"; do
		[ -e "$f" ] || continue
		inkcat "$f" | inknorm > once
		inknorm < once > twice
		cmp once twice
	done
}

@test "-l: each line normalized, nothing joined" {
	run -0 texts 'one,\n  two\n\nthree\n' -l
	assert_output "$(printf 'one,\ntwo\nthree')"
}

@test "documents are apart; SEQ counts paragraphs per document" {
	printf 'a,\n' > a.txt
	printf 'b\n' > b.txt
	run -0 bash -c 'inkcat a.txt b.txt | inknorm | cut -f1,3,5'
	assert_output "$(printf 'a.txt\t1\ta,\nb.txt\t1\tb')"
}

@test "the Xinhua page: both broken paragraphs joined, headings and datelines apart" {
	need_corpus xinhua-page
	inkcat "$CORPUS/xinhua-page/xinhua-2026-01-25-p1.md" | inknorm > out
	# 只有坚 / 持尊重…, and a line ending in a comma before a blank line
	run grep -c '只有坚持尊重人民主体地位' out
	assert_output 1
	run grep -c '到高铁的“加速度”,广州站的变迁' out
	assert_output 1
	# every Markdown heading is a head record of its own
	[ "$(grep -c '^#' "$CORPUS/xinhua-page/xinhua-2026-01-25-p1.md")" -eq "$(grep -c $'\thead\t' out)" ]
	# the closing dateline and the cartoon credit stand alone
	run grep -c $'\tpara\t(新华社北京1月25日电)\t' out
	assert_output 1
	run grep -c $'\tpara\t新华社发 朱慧卿 作\t' out
	assert_output 1
}

@test "malformed records: message with line number, the rest normalized, status 1" {
	printf 'd\t0\t1\tline\tgood.\nnot a record\nd\t0\t2\tline\talso good.\n' > r
	run -1 --separate-stderr inknorm < r
	[ "$stderr" = "inknorm: line 2: malformed record: fewer than 5 TAB-separated fields" ]
	assert_output "$(printf 'd\t0\t1\tpara\tgood.\tsrc=1-1\nd\t0\t2\tpara\talso good.\tsrc=2-2')"
}

@test "a 50 MB paragraph comes out whole" {
	head -c 50000000 /dev/zero | tr '\0' 'x' > big.txt
	echo >> big.txt
	run -0 --separate-stderr bash -c 'inkcat big.txt | inknorm | cut -f5 | wc -c'
	assert_output 50000001
}

@test "a paragraph past --max-record is cut, said, and nothing is lost" {
	for i in $(seq 100); do echo "word number $i in a paragraph that goes on"; done > long.txt
	run -0 --separate-stderr bash -c 'inkcat long.txt | inknorm -R 1K | cut -f5 | tr -d "\n" | wc -c'
	[[ "$stderr" == *"paragraph longer than --max-record (1024 bytes); cut after this line"* ]]
	[ "$output" -ge "$(( $(wc -c < long.txt) - 100 ))" ]
}

@test "YAML front matter: each field its own paragraph" {
	run -0 texts '---\ntitle: "Harbor city opens berths"\ndate: "2026-03-02"\n---\n\nThe first berths opened on Monday after a year of work on the quay,\nofficials said.\n'
	assert_output "$(printf 'title: "Harbor city opens berths"\ndate: "2026-03-02"\nThe first berths opened on Monday after a year of work on the quay, officials said.')"
	run -0 bash -c 'inkcat in.txt | inknorm | cut -f 6-'
	assert_output "$(printf 'src=2-2\tfront=1\nsrc=3-3\tfront=1\nsrc=6-7')"
}
