#!/usr/bin/env bats
# inkdedup: folding, exact and near copies, short paragraphs, modes,
# articles, the state file, keys and reduce, errors.

load helper

setup() {
	cd_tmp
	export -f seqs
}

# paragraphs, one a line, as records of doc "p" (SEQ = line number)
recs() {
	printf '%s\n' "$@" > p
	inkcat p
}

# the SEQ of each record kept
seqs() {
	cut -f3 | paste -sd' '
}

# wait until a run holds the lock of state $1 (util-linux flock(1))
held() {
	for _ in $(seq 100); do
		flock -n "$1.lock" true || return 0
		sleep 0.1
	done
	return 1
}

A='国家统计局今天发布数据，全年国内生产总值比上年增长百分之五，经济运行总体平稳。'
B='The central bank left its benchmark rate unchanged on Thursday, citing slower growth in the region.'
C='港铁公司表示，新列车将于明年分批投入服务，首批列车已完成测试，乘客可望享有更舒适的车厢。'

@test "exact copies after folding go; the first stays; order is kept" {
	recs "$A" "$B" "国家统计局今天发布数据,全年国内生产总值比上年增长百分之五,经济运行总体平稳." \
	    "the central bank left its benchmark rate unchanged on thursday citing slower growth in the region" \
	    "ＴＨＥ central  bank left its benchmark rate unchanged on Thursday, citing slower growth in the region." \
	    "$C" > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2 6'
}

@test "digits count as they are; -D folds them all to 0" {
	recs 'Shr loss 64 cts vs loss 79 cts in the quarter' 'Shr loss 12 cts vs loss 35 cts in the quarter' > in
	run -0 bash -c 'inkdedup -e < in | seqs'
	assert_output '1 2'
	run -0 bash -c 'inkdedup -e -D < in | seqs'
	assert_output '1'
}

@test "a near copy goes; -e, or a higher -t, keeps it" {
	recs "$A" '国家统计局今天发布数据，全年国内生产总值比上年增长百分之五，经济运行总体平稳有序。' "$B" \
	    'The central bank left its benchmark rate unchanged on Thursday, citing weaker growth in the region.' > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 3'
	run -0 bash -c 'inkdedup -e < in | seqs'
	assert_output '1 2 3 4'
	run -0 bash -c 'inkdedup -t 1 < in | seqs'
	assert_output '1 2 3 4'
}

@test "a paragraph made of phrases of several others is no copy of any" {
	recs 'The company said on Monday that first quarter profit rose sharply on higher sales in Europe.' \
	    'Analysts had expected the board to approve a special dividend at its meeting in March this year.' \
	    'The company said on Monday that the board will approve a special dividend at its meeting in March.' > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2 3'
	# half its shingles were seen, but no more than 5 of 14 in one of them
	run -1 bash -c 'inkdedup -m < in | grep -c dup='
	assert_output '0'
}

@test "a paragraph that opens as one and goes on as another is no copy: a long run of its own" {
	# E, then B; then X: the first 45 characters of E, the last 51 of B.
	# Half of the shingles of X are of B, but none of its first
	# 45 characters are (a prefix hard negative, in dedup-corpus's words)
	E='市政府今天召开新闻发布会，介绍今年城市更新计划，全市将改造老旧小区一百二十个，涉及居民约五万户，同时新建社区养老服务中心三十家，并在年底前完成全部道路的雨污分流工程，确保汛期排水通畅。'
	B='据了解，这批新能源公交车采用纯电动驱动，单次充电可行驶三百公里，车内设有无障碍通道和手机充电接口，运营后每年可减少碳排放约一万吨，市民乘车环境将进一步改善，公交公司还将增开夜间线路。'
	X='市政府今天召开新闻发布会，介绍今年城市更新计划，全市将改造老旧小区一百二十个，涉及居民约五道和手机充电接口，运营后每年可减少碳排放约一万吨，市民乘车环境将进一步改善，公交公司还将增开夜间线路。'
	recs "$E" "$B" "$X" > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2 3'
	# an edited copy of B, a clause put in, still goes
	recs "$E" "$B" '据了解，这批新能源公交车采用纯电动驱动，单次充电可行驶三百公里，据悉已完成测试，车内设有无障碍通道和手机充电接口，运营后每年可减少碳排放约一万吨，市民乘车环境将进一步改善，公交公司还将增开夜间线路。' > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2'
}

@test "a line under 35 characters goes as an exact copy only, not a near one" {
	recs '行政長官今日出席立法會答問大會回應議員提問' \
	    '行政長官今日出席立法會答問大會後會見記者' \
	    '行政長官今日出席立法會答問大會，回應議員提問。' > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2'
	# the same phrase in longer paragraphs still makes a near copy
	recs "${A}行政長官今日出席立法會答問大會回應議員提問" \
	    "${A}行政長官今日出席立法會答問大會後會見記者" > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1'
}

@test "a link is one token: two images of one site are no copies of each other" {
	recs '<img src="https://web.archive.org/web/20210712002458im_/https://www.example.org/news/2018/02/harbour-berths-opening-day.jpg" alt="">' \
	    '<img src="https://web.archive.org/web/20210712002458im_/https://www.example.org/news/2018/02/metro-trains-first-test-run.jpg" alt="">' \
	    'Read more at https://www.example.org/news/2018/02/harbour-berths-opening-day and at the port authority site.' \
	    'Read more at https://www.example.org/news/2018/02/harbour-berths-opening-day and at the port authority site!' \
	    '{{< video src="https://web.archive.org/web/20210712002336if_/https://www.youtube.com/embed/3RYSM1VOzH4" >}}' \
	    '{{< video src="https://web.archive.org/web/20220109141640if_/https://www.youtube.com/embed/2lvFusy5IAA" >}}' > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2 3 5 6'
}

@test "HTML tags are no text: two captions are no copies for their markup" {
	recs '<figcaption>網上截圖</figcaption>' '<figcaption>網路照片</figcaption>' \
	    '<p>国家统计局今天发布数据，全年国内生产总值比上年增长百分之五。</p>' \
	    '国家统计局今天发布数据，全年国内生产总值比上年增长百分之五。' > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2 3'
	# but Reuters' <IBM Corp> is a company, not a tag
	recs '<IBM Corp> said first quarter profits rose sharply on strong sales' \
	    '<Texaco Inc> said first quarter profits rose sharply on strong sales' > in
	run -0 bash -c 'inkdedup -e < in | seqs'
	assert_output '1 2'
}

@test "short paragraphs are never dropped; -c 0 drops them too" {
	recs '新华社发' "$A" '新华社发' '(完)' "$A" '(完)' 'Reuter' 'Reuter' > in
	run -0 bash -c 'inkdedup < in | seqs'
	assert_output '1 2 3 4 6 7 8'
	run -0 bash -c 'inkdedup -c 0 < in | seqs'
	assert_output '1 2 4 7'
}

@test "front matter fields are never dropped: each page keeps its url and title" {
	for i in 1 2; do
		printf -- '---\ntitle: "Harbour city opens its first smart berths today"\nurl: "https://example.org/news/2026/01/25/harbour-city-berths"\n---\n\n%s\n' "$C" > "page$i.md"
	done
	run -0 bash -c 'inkcat page1.md page2.md | inknorm | inkdedup | cut -f1,5 | paste -sd" "'
	assert_output --partial 'page2.md	title: "Harbour city'
	assert_output --partial 'page2.md	url: "https://example.org'
	refute_output --partial "page2.md	$C"
}

@test "a tagged leading dateline and byline are left out of the key" {
	recs '据新华社广州1月25日电(记者 宋依黛 陈钟昊)广州市今天启动春运，铁路部门预计发送旅客人数创新高。' \
	    '新华社广州1月25日电(记者宋依黛陈钟昊)广州市今天启动春运，铁路部门预计发送旅客人数创新高。' > in
	run -0 bash -c 'inkdedup -e < in | seqs'
	assert_output '1 2'
	run -0 bash -c 'inkdateline < in | inkbyline | inkdedup -e | seqs'
	assert_output '1'
}

@test "-m keeps all and tags copies with dup=DOC:SEQ and dup.sim; -v keeps only copies" {
	recs "$A" "$B" "$A" 'The central bank left its benchmark rate unchanged on Thursday, citing weaker growth in the region.' > in
	run -0 bash -c 'inkdedup -m < in | cut -f3,6- | paste -sd" "'
	assert_output --regexp '^1 2 3	dup=p:1	dup\.sim=1\.00 4	dup=p:2	dup\.sim=0\.[5-9][0-9]$'
	run -0 bash -c 'inkdedup -v < in | seqs'
	assert_output '3 4'
	run -2 inkdedup -m -v < in
}

@test "-A drops an article whose body is a copy, title and all; others come out whole" {
	{
		printf 'd\t1\t1\ttitle\tGrain harvest beats forecasts\n'
		printf 'd\t1\t2\tbody\t%s\n' "$A" "$C"
		printf 'd\t2\t3\ttitle\tA second title, reworded for the repost\n'
		printf 'd\t2\t4\tbody\t%s\n' "$A" "$C"
		printf 'd\t3\t5\ttitle\tBank holds rates\n'
		printf 'd\t3\t6\tbody\t%s\n' "$B" "$A"
	} > in
	run -0 bash -c 'inkdedup -A < in | cut -f2,3 | paste -sd" "'
	assert_output '1	1 1	2 1	2 3	5 3	6 3	6'
	run -0 bash -c 'inkdedup -A -v < in | cut -f2 | paste -sd" "'
	assert_output '2 2 2'
	# the reworded title is no copy: 84 of 123 characters are
	run -0 bash -c 'inkdedup -A -m < in | cut -f2,3,6 | grep dup.art'
	assert_output "$(printf '2\t3\tdup.art=0.68')"
}

@test "a second pass drops nothing more" {
	recs "$A" "$B" "$A" '国家统计局今天发布数据，全年国内生产总值比上年增长百分之五，经济运行总体平稳有序。' "$C" > in
	inkdedup < in > once
	inkdedup < once > twice
	cmp once twice
	[ "$(wc -l < once)" -eq 3 ]
}

@test "-s: two runs on a state give what one run gives; the state survives SIGKILL" {
	recs "$A" "$B" "$A" "$C" "$B" > in
	inkdedup < in > all
	head -n 2 in | inkdedup -s st > out1
	tail -n +3 in | inkdedup -s st > out2
	cat out1 out2 | cmp - all
	cp st st.before
	# a run killed while it reads leaves the state as it was
	( { cat in; sleep 5; } | inkdedup -s st > /dev/null ) &
	held st
	pkill -KILL -f 'inkdedup -s st' || true
	wait || true
	cmp st st.before
	run -0 bash -c 'inkdedup -s st < in | wc -l'
	assert_output '0'
}

@test "-s: a damaged state, or one made with other options, is refused" {
	recs "$A" "$B" > in
	inkdedup -s st < in > /dev/null
	run -2 --separate-stderr inkdedup -D -s st < in
	[ -z "$output" ]
	assert_equal "$stderr" 'inkdedup: st: refused: made with another digit folding (-D)'
	# one byte changed in the middle
	size=$(stat -c %s st)
	printf '\377' | dd of=st bs=1 seek=$((size / 2)) conv=notrunc status=none
	run -2 --separate-stderr inkdedup -s st < in
	assert_equal "$stderr" 'inkdedup: st: refused: damaged (checksum)'
	printf 'not a state at all, but long enough to be read as one' > st
	run -2 --separate-stderr inkdedup -s st < in
	assert_equal "$stderr" 'inkdedup: st: refused: not an inkdedup state file'
	head -c 20 /dev/zero > st
	run -2 --separate-stderr inkdedup -s st < in
	assert_equal "$stderr" 'inkdedup: st: refused: too short to be a state file'
}

@test "-s: a second run waits for the first; with -n it fails at once" {
	recs "$A" "$B" > in
	( { cat in; sleep 2; } | inkdedup -s st > first ) &
	held st
	run -2 --separate-stderr inkdedup -n -s st < in
	assert_equal "$stderr" 'inkdedup: st: in use by another run (-n given)'
	# without -n it waits, then sees what the first one saved
	run -0 bash -c 'inkdedup -s st < in | wc -l'
	assert_output '0'
	wait
	[ "$(wc -l < first)" -eq 2 ]
}

@test "-M: past the budget the older generation ages out" {
	for i in $(seq 1 3000); do
		printf 'paragraph number %d of a long run of distinct paragraphs\n' "$i"
	done > p
	printf 'paragraph number %d of a long run of distinct paragraphs\n' 1 >> p
	inkcat p > in
	run -0 bash -c 'inkdedup -e < in | wc -l'
	assert_output '3000'
	run -0 bash -c 'inkdedup -e -M 8K < in | wc -l'
	assert_output '3001'
}

@test "output is live: a paragraph comes out before the input ends" {
	recs "$A" "$A" > in
	mkfifo fifo
	inkdedup -m < fifo > out &
	pid=$!
	exec 5> fifo
	head -1 in >&5
	for i in $(seq 50); do [ -s out ] && break; sleep 0.1; done
	run cat out
	assert_output "$(head -1 in)"
	tail -1 in >&5
	exec 5>&-
	wait "$pid"
	run tail -1 out
	assert_output "$(tail -1 in)	dup=p:1	dup.sim=1.00"
}

@test "copies across many batches go, each marked with the paragraph it copies" {
	for i in $(seq 1 2500); do
		printf 'paragraph number %d of a long run of distinct paragraphs\n' "$i"
	done > p
	for i in $(seq 2500 -7 1); do
		printf 'Paragraph number %d of a long run of distinct paragraphs.\n' "$i"
	done >> p
	inkcat p > in
	run -0 bash -c 'inkdedup < in | cut -f5 | cmp - <(head -2500 p)'
	run -0 bash -c "inkdedup -m < in | awk -F'\t' 'NR > 2500 { split(\$6, d, \":\"); print NR - 2500, d[2] }' > got"
	run -0 bash -c "seq 2500 -7 1 | nl -ba -w1 -s' ' | cmp - got"
}

@test "--keys and --reduce, shuffled by sort or GNU parallel, equal one exact run" {
	recs "$A" "$B" "$A" '新华社发' '新华社发' "$C" "$B" "$C" > in
	printf 'q\t0\t1\tline\t%s\n' "$C" "$A" >> in
	inkdedup -e < in | sort > want
	inkdedup --keys < in | sort -t "$(printf '\t')" -k1,1 -s | inkdedup --reduce | sort > got
	cmp want got
	inkdedup --keys < in > keys
	retry_hung bash -c "parallel --pipe --colsep '\t' --shard 1 -j3 \
	    'sort -t \"\$(printf \"\t\")\" -k1,1 -s | inkdedup --reduce' < keys" |
	    sort > got2
	cmp want got2
	run -0 bash -c 'inkdedup --keys < in | cut -f1 | sort -u | wc -l'
	assert_output '4'
}

@test "--reduce keeps the first of a key by DOC and SEQ, whatever order the group comes in" {
	printf 'k1\tb\t0\t1\tline\tsecond doc\n' > in
	printf 'k1\ta\t0\t9\tline\tfirst doc, late\n' >> in
	printf 'k1\ta\t0\t2\tline\tfirst doc, early\n' >> in
	printf -- '-\tc\t0\t1\tline\tshort\n' >> in
	run -0 inkdedup --reduce < in
	assert_output "$(printf 'c\t0\t1\tline\tshort\na\t0\t2\tline\tfirst doc, early')"
}

@test "malformed records are reported and skipped; the rest come out, status 1" {
	{
		printf 'p\t0\t1\tline\t%s\n' "$A"
		printf 'not a record\n'
		printf 'p\t0\t3\tline\t%s\n' "$A"
		printf 'p\t0\t4\tline\t%s\n' "$B"
	} > in
	run -1 --separate-stderr inkdedup < in
	assert_equal "$stderr" 'inkdedup: line 2: malformed record: fewer than 5 TAB-separated fields'
	assert_equal "$(printf '%s\n' "$output" | cut -f3 | paste -sd' ')" '1 4'
	# the message comes after what was read before it, as it is written
	run -1 bash -c 'set -o pipefail; inkdedup < in 2>&1 | cut -c1-14'
	assert_output "$(printf 'p\t0\t1\tline\t国\ninkdedup: line\np\t0\t4\tline\tThe')"
	printf 'no tab here\n' | { run -1 --separate-stderr inkdedup --reduce; }
	run -1 --separate-stderr bash -c 'printf "k\tnot a record\n" | inkdedup --reduce'
	assert_equal "$stderr" 'inkdedup: line 1: malformed record: fewer than 5 TAB-separated fields'
}

@test "escaped text is read right in every record, not only the first" {
	# two different paragraphs of one length, each with a TAB in it
	printf 'p\t0\t1\tline\talpha\\tbeta gamma delta epsilon zeta eta\n' > in
	printf 'p\t0\t2\tline\tomega\\tbeta gamma delta epsilon zeta eta\n' >> in
	printf 'p\t0\t3\tline\tomega\\tbeta gamma delta epsilon zeta eta\n' >> in
	run -0 bash -c 'inkdedup -e < in | seqs'
	assert_output '1 2'
}

@test "invalid UTF-8 is compared byte for byte, nothing lost" {
	printf 'p\t0\t1\tline\tbad \377\376 bytes in a paragraph long enough\n' > in
	printf 'p\t0\t2\tline\tbad \377\376 bytes in a paragraph long enough\n' >> in
	printf 'p\t0\t3\tline\tbad \377\375 bytes in a paragraph long enough\n' >> in
	run -0 bash -c 'inkdedup -e < in | cut -f3 | paste -sd" "'
	assert_output '1 3'
}

@test "a 50 MB paragraph comes out whole, and its copy goes" {
	head -c 50000000 /dev/zero | tr '\0' 'a' | sed 's/a\{80\}/& /g' > big
	{ printf 'p\t0\t1\tline\t'; cat big; printf '\n'; printf 'p\t0\t2\tline\t'; cat big; printf '\n'; } > in
	inkdedup < in > out
	[ "$(wc -l < out)" -eq 1 ]
	[ "$(cut -f5 out | wc -c)" -eq $(( $(wc -c < big) + 1 )) ]
}

@test "real corpus: dedup-corpus scored by dedup-score" {
	tools="$REPO/../shared/tools"
	[ -x "$tools/dedup-corpus" ] || skip "no ../shared/tools"
	"$tools/dedup-corpus" c 5 --seed 2 > /dev/null 2>&1
	inkcat c/corpus.txt > c.ink
	inkdedup < c.ink > kept
	run -0 "$tools/dedup-score" c kept
	# never a short boilerplate line; few originals; most near copies
	assert_line --regexp '^short bp removed +0\.0000'
	p=$(awk '/^precision, bp excused/ { print $4 }' <<< "$output")
	near=$(awk '$1 == "recall" && $2 == "near" && $3 ~ /^[0-9]/ { print $3 }' <<< "$output")
	echo "# precision $p, near recall $near" >&3
	awk -v p="$p" -v n="$near" 'BEGIN { exit !(p >= 0.98 && n >= 0.97) }'
	# exact across a shuffle: the same as one process
	inkdedup -e < c.ink | sort > want
	inkdedup --keys < c.ink | sort -t "$(printf '\t')" -k1,1 -s | inkdedup --reduce | sort > got
	cmp want got
	inkdedup --keys < c.ink > keys
	retry_hung bash -c "parallel --pipe --colsep '\t' --shard 1 -j2 \
	    'sort -t \"\$(printf \"\t\")\" -k1,1 -s | inkdedup --reduce' < keys" |
	    sort > got2
	cmp want got2
}
