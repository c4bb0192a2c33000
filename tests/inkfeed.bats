#!/usr/bin/env bats
# inkfeed: feeds and archives in, a document per story out.

load helper

setup() {
	cd_tmp
}

# the records inkfeed makes of a fixture, DOC from its base name, as
# "DOC SEQ TEXT TAGS..."
stories() {
	set -o pipefail
	cp "$DATA/feed/$1" .
	inkcat "$1" | inkfeed | cut -f 1,3,5- | tr '\t' ' '
}

@test "RSS 2.0: an item a story, HTML in the description as text, tags" {
	run -0 stories rss.xml
	assert_line -n 0 'rss.xml#harbor-0001 1 江城港开通智慧泊位 title=江城港开通智慧泊位 date=2026-03-02T09:30:00+08:00 url=https://example.org/news/1 author=林若溪 lang=zh-cn feed.format=rss'
	assert_line -n 2 'rss.xml#harbor-0001 3 　　新华社江城3月2日电 江城港首批36个智慧泊位当日启用。'
	assert_line -n 4 'rss.xml#harbor-0001 5 　　一季度吞吐量超12万标箱。'
	assert_line 'rss.xml#2 1 Harbor & rail link opens title=Harbor & rail link opens date=2026-03-03T14:00:00Z url=https://example.org/news/2 lang=zh-cn feed.format=rss'
	assert_line 'rss.xml#2 5 Freight trains will run twice a day.'
	refute_output --partial 'track()'
	refute_output --partial '<p>'
}

@test "RSS 1.0 (RDF) and Atom" {
	run -0 stories rdf.xml
	assert_line -n 0 'rdf.xml#https://example.org/river/7 1 Water levels fall title=Water levels fall date=2026-03-04T08:00:00Z url=https://example.org/river/7 feed.format=rdf'
	assert_line -n 2 'rdf.xml#https://example.org/river/7 3 The river fell by half a metre overnight.'
	run -0 stories atom.xml
	assert_line -n 0 'atom.xml#tag:example.org,2026:bridge 1 Bridge reopens after repairs title=Bridge reopens after repairs date=2026-03-05T10:15:00+01:00 url=https://example.org/valley/bridge author=Mara Quinn feed.format=atom'
	assert_line -n 4 'atom.xml#tag:example.org,2026:bridge 5 Traffic resumed at noon.'
	# a title of type html is text; content of type xhtml is a tree of
	# paragraphs and list items, not one run of text
	assert_line 'atom.xml#tag:example.org,2026:ferry 1 Ferry timetable & fares title=Ferry timetable & fares date=2026-03-06T09:00:00Z feed.format=atom'
	assert_line 'atom.xml#tag:example.org,2026:ferry 3 The winter timetable ends on Sunday.'
	assert_line 'atom.xml#tag:example.org,2026:ferry 5 Fares stay as they are.'
	assert_line 'atom.xml#tag:example.org,2026:ferry 7 Ferries every hour'
	assert_line 'atom.xml#tag:example.org,2026:ferry 9 Night boats on Fridays'
}

@test "an RSS title holding escaped markup or entities is read as HTML; one that only looks so is kept" {
	{
		echo '<?xml version="1.0"?><rss version="2.0"><channel>'
		for t in 'Rail &lt;b&gt;link&lt;/b&gt; opens' 'AT&amp;amp;T profits' '5 &lt;10 items' 'R&amp;D &amp; more'; do
			echo "<item><title>$t</title><description>x</description></item>"
		done
		echo '</channel></rss>'
	} > titles.xml
	run -0 bash -c 'inkcat titles.xml | inkfeed | inkfmt -f doc,title | awk -F "\t" "\$2 != \"\""'
	assert_output "$(printf 'titles.xml#%s\n' '1	Rail link opens' '2	AT&T profits' '3	5 <10 items' '4	R&D & more')"
}

@test "an RSS author is the name after the address, when there is one" {
	{
		echo '<?xml version="1.0"?><rss version="2.0"><channel>'
		for a in 'desk@example.org (Mara Quinn)' 'desk@example.org' 'news@example.cn (记者 李晓婷)'; do
			echo "<item><title>t</title><author>$a</author><description>x</description></item>"
		done
		echo '</channel></rss>'
	} > authors.xml
	run -0 bash -c 'inkcat authors.xml | inkfeed | inkfmt -f doc,author | awk -F "\t" "\$2 != \"\""'
	assert_output "$(printf 'authors.xml#%s\n' '1	Mara Quinn' '2	desk@example.org' '3	记者 李晓婷')"
}

@test "dates as ISO 8601: RFC 822 with a zone name or a whole month, a space before the time, a Chinese date" {
	{
		echo '<?xml version="1.0"?><rss version="2.0"><channel>'
		for d in 'Sat, 25 Jan 2026 10:00 EST' 'Sun, 25 January 2026 10:00:00 +0000' \
		    '2026-01-25 10:00:00' '2026-01-25 10:00:00 +08:00' '2026年1月25日 10:00' \
		    'Sat, 25 Jan 2026 10:00:00 CST' '2026-01-25T10:00:00.5+08:00' 'soon'; do
			echo "<item><title>t</title><description>x</description><pubDate>$d</pubDate></item>"
		done
		echo '</channel></rss>'
	} > dates.xml
	run -0 bash -c 'inkcat dates.xml | inkfeed | inkfmt -f doc,seq,date | grep "	1	"'
	assert_output "$(printf 'dates.xml#%s\t1\t%s\n' \
	    1 2026-01-25T10:00:00-05:00 \
	    2 2026-01-25T10:00:00+00:00 \
	    3 2026-01-25T10:00:00 \
	    4 2026-01-25T10:00:00+08:00 \
	    5 2026-01-25T10:00:00 \
	    6 2026-01-25T10:00:00 \
	    7 2026-01-25T10:00:00.5+08:00 \
	    8 '')"
}

@test "NITF: hedline, doc-id, date.issue, byline, the dateline opening the body; blocks, captions, tagline" {
	run -0 stories nitf.xml
	assert_line -n 0 "nitf.xml#ink-nitf-0001 1 Ferry fares across the harbor to rise 8% in March title=Ferry fares across the harbor to rise 8% in March date=2026-01-24T10:30:00-05:00 author=Dana Whitfield lang=en feed.dateline=PORTLAND, Maine, Jan. 24 feed.format=nitf"
	assert_line -n 2 "nitf.xml#ink-nitf-0001 3 PORTLAND, Maine, Jan. 24 - The city's two ferry operators will raise fares by 8% on March 1, the harbor commission said on Saturday."
	assert_line -n 6 'nitf.xml#ink-nitf-0001 7 Commuters'
	assert_line -n 8 'nitf.xml#ink-nitf-0001 9 About 4,000 people cross each weekday.'
	assert_line -n 10 'nitf.xml#ink-nitf-0001 11 The morning ferry leaves the east pier.'
	assert_line -n 12 'nitf.xml#ink-nitf-0001 13 Reporting by the harbor desk.'
	refute_output --partial 'not printed'
	# no XML declaration, no doc-id, a date in the extended form: the
	# root alone says NITF, the story is numbered
	printf '<nitf><head><docdata><date.issue norm="2026-02-01"/></docdata></head><body><body.head><hedline><hl1>A</hl1></hedline></body.head><body.content><p>B</p></body.content></body></nitf>\n' > bare.xml
	run -0 bash -c 'inkcat bare.xml | inkfeed | cut -f 1,3,5- | tr "\t" " "'
	assert_output "$(printf '%s\n' 'bare.xml#1 1 A title=A date=2026-02-01 feed.format=nitf' 'bare.xml#1 2 ' 'bare.xml#1 3 B')"
}

@test "NewsML-G2: a newsItem a story, XHTML, inline NITF or a picture's caption; the dateline opening the body" {
	run -0 stories newsml.xml
	assert_line -n 0 'newsml.xml#urn:ink:g2:zh-0001 1 城市公交线路调整 新增夜班车12条 title=城市公交线路调整 新增夜班车12条 date=2026-01-25T08:30:00+08:00 author=王晓明 lang=zh-CN feed.dateline=新华社杭州1月25日电 feed.format=newsml-g2'
	assert_line -n 2 'newsml.xml#urn:ink:g2:zh-0001 3 新华社杭州1月25日电（记者王晓明）杭州市交通部门25日宣布，自2月1日起新增夜班公交线路12条，覆盖主要商圈和居民区。'
	assert_line 'newsml.xml#urn:ink:g2:en-0002 1 Library extends weekend hours title=Library extends weekend hours date=2026-01-25T14:05:00Z author=Omar Castell lang=en feed.dateline=LEEDS, England, Jan. 25 feed.format=newsml-g2'
	assert_line 'newsml.xml#urn:ink:g2:en-0002 3 LEEDS, England, Jan. 25 - The central library will open on Sundays from next month, the council said.'
	assert_line 'newsml.xml#urn:ink:g2:pic-0003 3 Snow ploughs clear the ring road before dawn.'
	refute_output --partial '城市公交线路调整 title=城市公交线路调整 '
	# through the pipeline: inkdateline and inkbyline read what was made
	run -0 bash -c 'inkcat newsml.xml | inkfeed | inknorm | inkdateline | inkbyline | inkfmt -f seq,dl.place,dl.date,by.reporter | grep -v "^1\s"'
	assert_line "$(printf '2\t杭州\t--01-25\t王晓明')"
	assert_line "$(printf '2\tLEEDS, England\t--01-25\t')"
	# a lone newsItem is a story too
	sed -n '/<newsItem guid="urn:ink:g2:en-0002"/,/<\/newsItem>/p' newsml.xml > one.xml
	run -0 bash -c 'inkcat one.xml | inkfeed | cut -f 1,3 | head -1'
	assert_output "$(printf 'one.xml#urn:ink:g2:en-0002\t1')"
	# a broken newsItem is said and skipped, the others come out
	sed 's|Opening hours rise|Opening <b>hours</i> rise|' newsml.xml > bad.xml
	run -1 --separate-stderr bash -c 'set -o pipefail; inkcat bad.xml | inkfeed | cut -f 1,3 | grep "	1$"'
	assert_output "$(printf '%s\t1\n' bad.xml#urn:ink:g2:zh-0001 bad.xml#urn:ink:g2:pic-0003)"
	[[ "$stderr" == *"bad.xml: item 2: Opening and ending tag mismatch"* ]]
}

@test "Reuters SGML: NEWID, TITLE, the DATELINE opening the body, paragraphs" {
	run -0 stories wire.sgm
	assert_line -n 0 'wire.sgm#101 1 HARBOR CITY <HBR> RAISES DIVIDEND title=HARBOR CITY <HBR> RAISES DIVIDEND date=1987-03-12T09:15:00 lang=en feed.dateline=RIVERTON, March 12 - feed.format=reuters-sgml'
	assert_line -n 2 'wire.sgm#101 3 RIVERTON, March 12 - Harbor City Corp said it raised its quarterly dividend to 20 cts a share.'
	assert_line -n 4 'wire.sgm#101 5 The company said the dividend is payable April 1.'
	assert_line 'wire.sgm#102 3 MILLBROOK, March 12 - Valley Farms Inc said it expects higher net income in 1987.'
}

@test "Sogou: nothing escaped, fields found by their tags" {
	run -0 stories sogou.dat
	assert_line -n 0 'sogou.dat#aa01 1 江城地铁新线开通 title=江城地铁新线开通 url=http://example.org/a/1.shtml lang=zh feed.format=sogou'
	assert_line 'sogou.dat#aa02 3 本报讯　河谷果园今天开始采摘，<预计>产量增长一成。'
	assert_line --partial 'sogou.dat#aa02 1 河谷果园开始采摘 & 装箱'
}

@test "an HTML page: headings, paragraphs, line breaks, list items; nav, script, footer dropped" {
	run -0 stories page.html
	assert_output "$(printf '%s\n' \
	    'page.html#1 1 Orchard harvest begins title=Orchard harvest begins lang=en feed.format=html' \
	    'page.html#1 2 ' 'page.html#1 3 Orchard harvest begins' 'page.html#1 4 ' \
	    'page.html#1 5 Picking started on Monday in the upper valley.' 'page.html#1 6 ' \
	    'page.html#1 7 Growers expect a good year.' 'page.html#1 8 ' 'page.html#1 9 Apples first' \
	    'page.html#1 10 ' 'page.html#1 11 Pears next')"
}

@test "a Markdown digest: an item a story, the summary's HTML as text, code and pictures left out" {
	run -0 stories digest.md
	assert_line -n 0 'digest.md#1 1 江城港开通智慧泊位 title=江城港开通智慧泊位 date=2026-03-02T09:30:00Z url=https://example.org/news/1 lang=zh feed.source=江城日报 feed.format=md-digest'
	assert_line -n 2 'digest.md#1 3 　　江城港首批36个智慧泊位当日启用。'
	assert_line 'digest.md#2 3 The rail link to the harbor opened on Tuesday.'
	refute_output --partial '<'
	refute_output --partial 'rail.jpg'
}

@test "plain text and Markdown pass through byte for byte; other kinds of record too" {
	printf '# A title\n\nSome text <b>bold</b>\nno newline at the end' > a.md
	inkcat a.md | inkfeed | inkfmt -r | cmp - a.md
	printf 'd\t1\t1\tpara\tdone\n' > p.ink
	run -0 inkfeed < p.ink
	assert_output "$(printf 'd\t1\t1\tpara\tdone')"
}

@test "XML that is no feed passes through byte for byte, whatever its records hold" {
	# what inkcat writes; a last line with no newline
	printf '<?xml version="1.0"?>\n<svg width="10">\n<text>a\tb\\c</text>\n</svg>' > a.svg
	inkcat a.svg > in
	{
		# a tag inkcat does not write, on the third record
		printf 'b\t0\t1\tline\t<?xml version="1.0"?>\n'
		printf 'b\t0\t2\tline\t<svg>\n'
		printf 'b\t0\t3\tline\t<g/>\tsrc=3-3\n'
		printf 'b\t0\t4\tline\t</svg>\n'
		# a newline inside a record, a gap in SEQ, noeol in the middle
		printf 'c\t0\t1\tline\t<?xml version="1.0"?>\\n<svg>\n'
		printf 'd\t0\t1\tline\t<?xml version="1.0"?>\n'
		printf 'd\t0\t5\tline\t<svg/>\n'
		printf 'e\t0\t1\tline\t<?xml version="1.0"?>\tnoeol=1\n'
		printf 'e\t0\t2\tline\t<svg/>\n'
		# invalid UTF-8, which a feed would read as U+FFFD
		printf 'f\t0\t1\tline\t<?xml version="1.0"?>\n'
		printf 'f\t0\t2\tline\t<svg>\377</svg>\n'
	} >> in
	run -0 --separate-stderr bash -c 'inkfeed < in | cmp - in'
	[ "$stderr" = "inkfeed: f: 1 bytes of invalid UTF-8 read as U+FFFD" ]
}

@test "whole pipeline: a tarball of feeds, datelines and figures found in the stories" {
	cp "$DATA"/feed/rss.xml "$DATA"/feed/wire.sgm .
	tar -czf feeds.tar.gz rss.xml wire.sgm
	run -0 bash -c 'inkcat feeds.tar.gz | inkfeed | inknorm | inkdateline | inkfigs -x | inkfmt -f doc,kind,text,dl.place,value | grep -E "figure|RIVERTON"'
	assert_line --partial "$(printf 'feeds.tar.gz#wire.sgm#101\tpara\tRIVERTON, March 12 - Harbor City Corp')"
	assert_line "$(printf 'feeds.tar.gz#rss.xml#harbor-0001\tfigure\t36个\t\t36')"
}

@test "a malformed item is said and skipped, the items around it come out (exit 1)" {
	cat > bad.xml <<-'XML'
	<?xml version="1.0"?>
	<rss version="2.0"><channel>
	<item><title>one</title><description>first</description></item>
	<item><title>two</title><description>a <b>broken</i> one</description></item>
	<item><title>three</title><description>third</description></item>
	</channel></rss>
	XML
	run -1 --separate-stderr bash -c 'set -o pipefail; inkcat bad.xml | inkfeed | cut -f 1,5'
	assert_line "$(printf 'bad.xml#1\tone')"
	assert_line "$(printf 'bad.xml#3\tthree')"
	[[ "$stderr" == *"bad.xml: item 2:"* ]]
	# the message comes after the story before it, as it is written
	run -1 bash -c 'set -o pipefail; inkcat bad.xml | inkfeed 2>&1 | cut -f1 | cut -d: -f1 | uniq | paste -sd" "'
	assert_output 'bad.xml#1 inkfeed bad.xml#3'
}

@test "HTML's entities unescaped in a feed are their characters; an unknown one is an error" {
	cat > ent.xml <<-'XML'
	<?xml version="1.0"?>
	<rss version="2.0"><channel>
	<item><title>Caf&eacute; opens&nbsp;&mdash; at last</title><description>&lt;p&gt;Tea &amp;amp; cake&lt;/p&gt; &rsquo;til late</description></item>
	<item><title>two</title><description>a &bogus; one</description></item>
	<item><title>three</title><description>&lt;p&gt;x&lt;/p&gt;</description></item>
	</channel></rss>
	XML
	run -1 --separate-stderr bash -c 'set -o pipefail; inkcat ent.xml | inkfeed | cut -f 1,3,5'
	assert_line "$(printf 'ent.xml#1\t1\tCafé opens\u00a0— at last')"
	assert_line "$(printf 'ent.xml#1\t3\tTea & cake')"
	assert_line "$(printf 'ent.xml#1\t5\t\u2019til late')"
	assert_line "$(printf 'ent.xml#3\t3\tx')"
	refute_output --partial 'ent.xml#2'
	[ "$stderr" = "inkfeed: ent.xml: item 2: Entity 'bogus' not defined; skipped" ]
	# with an external DTD (never read), it may be declared there: kept
	# as written, and the item with it
	sed 's|^<rss|<!DOCTYPE rss SYSTEM "rss.dtd">\n<rss|' ent.xml > dtd.xml
	run -0 bash -c 'inkcat dtd.xml | inkfeed | cut -f 1,3,5 | grep "^dtd.xml#2	3"'
	assert_output "$(printf 'dtd.xml#2\t3\ta &bogus; one')"
}

@test "bad markup outside the items: said (exit 1), and the items after it come out whole" {
	# past an error libxml2 drops entity references: the description's
	# escaped <p> came out as 'px amp; y/p'
	cat > amp.xml <<-'XML'
	<?xml version="1.0"?>
	<rss version="2.0"><channel><title>Tom & Jerry</title>
	<item><title>a &amp; b</title><description>&lt;p&gt;x &amp;amp; y&lt;/p&gt;&lt;p&gt;z&lt;/p&gt;</description></item>
	<item><title>c</title><description>&lt;p&gt;w&lt;/p&gt;</description></item>
	</channel></rss>
	XML
	run -1 --separate-stderr bash -c 'set -o pipefail; inkcat amp.xml | inkfeed | cut -f 1,3,5'
	assert_output "$(printf 'amp.xml#%s\n' '1	1	a & b' '1	2	' '1	3	x & y' '1	4	' '1	5	z' \
	    '2	1	c' '2	2	' '2	3	w')"
	[ "$stderr" = "inkfeed: amp.xml: before its first item: xmlParseEntityRef: no name; the items read one by one" ]
}

@test "the item before a malformed one comes out, wherever the bad one falls" {
	# libxml2's streaming reader, read ahead, took an error in the next
	# item for one in the item it was reading, and dropped that one too
	for k in $(seq 2 12); do
		{
			echo '<?xml version="1.0"?>'
			echo '<rss version="2.0"><channel>'
			for i in $(seq 14); do
				if [ "$i" = "$k" ]; then
					echo "<item><title>bad</title><description>cut <x></description></item>"
				else
					printf '<item><guid>%d</guid><description>%s</description></item>\n' "$i" "$(printf '%*s' 500 '' | tr ' ' a)"
				fi
			done
			echo '</channel></rss>'
		} > alt.xml
		run -1 --separate-stderr bash -c 'set -o pipefail; inkcat alt.xml | inkfeed | cut -f 1,3 | grep -c "	1$"'
		assert_output 13
		# one message, and of that item
		[ "$stderr" = "inkfeed: alt.xml: item $k: Opening and ending tag mismatch: x line $((k + 2)) and description; skipped" ]
	done
}

@test "output is live: a story goes out as soon as it is read, before the input ends" {
	cp "$DATA/feed/wire.sgm" .
	inkcat wire.sgm > in
	mkfifo fifo
	inkfeed < fifo > out &
	pid=$!
	exec 5> fifo
	cat in >&5
	for i in $(seq 50); do grep -q '^wire.sgm#102' out && break; sleep 0.1; done
	run cut -f1 out
	exec 5>&-
	wait "$pid"
	assert_line 'wire.sgm#101'
	assert_line 'wire.sgm#102'
}

@test "a feed cut short: the items before the cut come out (exit 1)" {
	head -c 700 "$DATA/feed/rss.xml" > cut.xml
	run -1 --separate-stderr bash -c 'set -o pipefail; inkcat cut.xml | inkfeed | cut -f 1,3 | head -1'
	assert_output "$(printf 'cut.xml#harbor-0001\t1')"
	[[ "$stderr" == *"cut.xml"* ]]
}

@test "a billion laughs: entities are not expanded, nothing blows up" {
	{
		echo '<?xml version="1.0"?>'
		echo '<!DOCTYPE rss ['
		echo '<!ENTITY a "haha">'
		for i in 1 2 3 4 5 6 7 8 9; do
			p=$(printf '%s' "$i" | tr 1-9 a-i)
			n=$(printf '%s' "$i" | tr 1-9 b-j)
			echo "<!ENTITY $n \"&$p;&$p;&$p;&$p;&$p;&$p;&$p;&$p;&$p;&$p;\">"
		done
		echo ']>'
		echo '<rss><channel><item><title>lol &j;</title><description>x</description></item></channel></rss>'
	} > lol.xml
	# expanded, the title would be 4 GB: it must not be, nor take long
	# (no ulimit -v: the sanitizers' shadow memory would not fit it)
	run --separate-stderr bash -c 'inkcat lol.xml | timeout 20 inkfeed | wc -c'
	[ "$output" -lt 100000 ]
	[[ "$stderr" == *"lol.xml: item 1"* ]]
}

@test "invalid UTF-8 inside markup; a 100 MB item" {
	printf '<?xml version="1.0" encoding="UTF-8"?><rss><channel><item><title>bad \377 byte</title><description>text \376 here</description></item></channel></rss>' > bad8.xml
	run bash -c 'inkcat bad8.xml | inkfeed | cut -f 1'
	assert_line 'bad8.xml#1'
	awk 'BEGIN { printf "<rss><channel><item><title>big</title><description>"; for (i = 0; i < 2000000; i++) printf "Harbor news, line after line of it. "; print "</description></item></channel></rss>" }' > big.xml
	[ "$(wc -c < big.xml)" -gt 70000000 ]
	run -0 bash -c 'inkcat -R 200M big.xml | inkfeed -R 200M | awk -F "\t" "NR == 3 { print length(\$5) }"'
	[ "$output" -gt 70000000 ]
}

@test "the shared corpus: Reuters 1,000 stories a file, Sogou 200 a file" {
	need_corpus reuters21578
	run -0 bash -c "inkcat '$CORPUS'/reuters21578/reut2-003.sgm | inkfeed | awk -F '\t' '\$3 == 1' | wc -l"
	assert_output 1000
	need_corpus sogou
	for f in "$CORPUS"/sogou/*.dat; do
		run -0 bash -c "inkcat '$f' | inkfeed | awk -F '\t' '\$3 == 1' | wc -l"
		assert_output 200
	done
}

@test "JSON Lines: the usual fields, or those -t and -T name; a bad line is said and skipped" {
	run -1 --separate-stderr stories stories.jsonl
	assert_line -n 0 'stories.jsonl#j-1 1 江城港开通智慧泊位 title=江城港开通智慧泊位 date=2026-03-02T09:30:00+08:00 url=https://example.org/news/1 lang=zh feed.format=jsonl'
	assert_line -n 4 'stories.jsonl#j-1 5 一季度吞吐量超12万标箱。'
	assert_line 'stories.jsonl#3 1 Rail link opens title=Rail link opens author=Mara Quinn feed.format=jsonl'
	assert_line 'stories.jsonl#3 5 Trains run twice a day.'
	[[ "$stderr" == *"stories.jsonl: item 2:"* ]]
	run -1 bash -c 'set -o pipefail; inkcat stories.jsonl | inkfeed -t summary -T author 2> /dev/null | cut -f 1,3,5'
	assert_line "$(printf 'stories.jsonl#3\t3\tA short summary.')"
}

@test "CSV with a header: quoted commas, quotes and newlines; an unclosed quote said" {
	run -1 --separate-stderr stories stories.csv
	assert_line -n 0 'stories.csv#c-1 1 Harbor, rail and road title=Harbor, rail and road date=2026-03-03 url=https://example.org/2 feed.format=csv'
	assert_line -n 4 'stories.csv#c-1 5 Trains run "twice" a day.'
	assert_line 'stories.csv#c-2 3 Picking started.'
	[[ "$stderr" == *"stories.csv: item 3: a quote that never closes"* ]]
}
