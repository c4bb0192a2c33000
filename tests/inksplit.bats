#!/usr/bin/env bats
# inksplit: article boundaries and roles on pages, feeds and wire copy.

load helper

setup() {
	cd_tmp
}

# ART KIND of every paragraph of the file $1, one "ART KIND" a line
roles() {
	inkcat "$1" | inknorm | inksplit | awk -F'\t' '{ print $2, $4 }'
}

# the source line each article starts on
starts() {
	inkcat "$1" | inknorm | inksplit | awk -F'\t' '
	{
		for (i = 6; i <= NF; i++)
			if ($i ~ /^src=/) { s = substr($i, 5); sub(/-.*/, "", s) }
		if ($2 != art) print s
		art = $2
	}'
}

@test "a Markdown page: stories, a cartoon, a lone caption; every role" {
	run -0 roles "$DATA/split-zh.md"
	assert_output "$(printf '%s\n' '1 title' '1 deck' '1 byline' '1 body' '1 body' \
	    '1 section' '1 body' '1 dateline' '2 title' '2 body' '2 body' '3 title' \
	    '3 body' '3 body' '4 caption' '4 credit' '5 caption' '6 title' '6 body' '6 body')"
}

@test "the same page with no heading markers: the same articles and roles" {
	sed -E 's/^#{1,6} //' "$DATA/split-zh.md" > plain.txt
	run -0 roles plain.txt
	assert_output "$(roles "$DATA/split-zh.md")"
}

@test "English wire copy: headline, byline, dateline lead; Reuter ends a story" {
	run -0 roles "$DATA/split-en.txt"
	assert_output "$(printf '%s\n' '1 title' '1 body' '1 body' '1 note' \
	    '2 title' '2 byline' '2 body' '2 body')"
}

@test "the Xinhua page, Markdown and stripped: every labelled boundary, no other" {
	need_corpus xinhua-page
	page="$CORPUS/xinhua-page/xinhua-2026-01-25-p1.md"
	want=$(grep -v '^#' "$REPO/bench/labels/xinhua-2026-01-25-p1.starts" | cut -f1)
	run -0 starts "$page"
	assert_output "$want"
	sed -E 's/^#{1,6} //' "$page" > plain.txt
	run -0 starts plain.txt
	assert_output "$want"
}

@test "a ## right under a # title is its deck; under its text, a section head" {
	printf '# Port opens\n\n## New berths for the coast\n\nThe port opened on Monday.\n\n## Cranes\n\nThey are fast.\n' > a.md
	run -0 roles a.md
	assert_output "$(printf '%s\n' '1 title' '1 deck' '1 body' '1 section' '1 body')"
}

@test "after a wide gap, a link line (… →) or a shortcode is no headline" {
	printf '# Port opens\n\nThe port opened on Monday.\n\n\n\n全景看港口 專頁 →\n\n\n\n{{< video src="x" >}}\n\nMore on the port.\n' > a.md
	run -0 roles a.md
	assert_output "$(printf '%s\n' '1 title' '1 body' '1 body' '1 body' '1 body')"
}

@test "a label between dashes (--註釋--) inside a story is no deck of a new one" {
	printf '# 民調結果\n\n調查於上月進行,共訪問一千人。\n\n--調查方法註釋--\n\n樣本按年齡加權。\n' > a.md
	run -0 roles a.md
	assert_output "$(printf '%s\n' '1 title' '1 body' '1 section' '1 body')"
}

@test "## titles after one another are stories of their own" {
	printf '## First story\n\nText of the first.\n\n## Second story\n\nText of the second.\n' > a.md
	run -0 roles a.md
	assert_output "$(printf '%s\n' '1 title' '1 body' '2 title' '2 body')"
}

@test "short lines inside a story are section heads, not new stories" {
	printf '港口启用新泊位\n\n新华社江城3月2日电 港口2日启用新泊位。\n\n泊位建设进展顺利\n\n工程用时一年。\n\n后续工程\n\n明年再建十个。\n' > a.txt
	run -0 roles a.txt
	assert_output "$(printf '%s\n' '1 title' '1 body' '1 section' '1 body' '1 section' '1 body')"
}

@test "a page that starts mid-story is an item of its own, with no title" {
	printf '工程用时一年，耗资十亿元。\n\n（新华社江城3月2日电）\n\n新港开港\n\n新华社江城3月3日电 新港3日开港。\n' > a.txt
	run -0 roles a.txt
	assert_output "$(printf '%s\n' '1 body' '1 dateline' '2 title' '2 body')"
}

@test "short lines opening a page, then a title: an item with no title, ART from 1" {
	printf 'the port said\n\nand more lines\n\nthen one more\n\nand the last\n\n# Port opens\n\nThe port opened.\n' > a.md
	run -0 roles a.md
	assert_output "$(printf '%s\n' '1 body' '1 body' '1 body' '1 body' '2 title' '2 body')"
}

@test "jump lines and notes: 上接 opens an item, 下转 ends one" {
	printf '（上接第一版）\n\n会议要求加强协调。\n\n下转第八版\n\n新港开港\n\n新华社江城3月3日电 新港3日开港。\n' > a.txt
	run -0 roles a.txt
	assert_output "$(printf '%s\n' '1 note' '1 body' '1 note' '2 title' '2 body')"
}

@test "feed items: fields under a title; a title too long for a headline found by its fields" {
	t=$(printf 'word%.0s ' $(seq 30))
	printf '1. Port opens new berths\n\n来源: Wire\n语言: en\n\nThe port opened.\n\n---\n\n2. %s\n\n来源: Wire\n语言: en\n\nThe second story.\n' "$t" > a.txt
	run -0 roles a.txt
	assert_output "$(printf '%s\n' '1 title' '1 note' '1 note' '1 body' '2 title' '2 note' '2 note' '2 body')"
}

@test "YAML front matter stays with the article it opens" {
	printf -- '---\ntitle: "Port"\ndate: 2026\n---\n\n# Port opens\n\nThe port opened.\n' > a.md
	run -0 roles a.md
	assert_output "$(printf '%s\n' '1 note' '1 note' '1 title' '1 body')"
}

@test "documents are apart: ART restarts in each" {
	cp "$DATA/split-en.txt" a.txt
	cp "$DATA/split-en.txt" b.txt
	run -0 bash -c 'inkcat a.txt b.txt | inknorm | inksplit | awk -F"\t" "{ print \$1, \$2 }" | uniq'
	assert_output "$(printf '%s\n' 'a.txt 1' 'a.txt 2' 'b.txt 1' 'b.txt 2')"
}

@test "idempotent, and text, SEQ and tags pass through untouched" {
	inkcat "$DATA/split-zh.md" | inknorm > norm.ink
	inksplit < norm.ink > once.ink
	run -0 bash -c 'inksplit < once.ink'
	assert_output "$(cat once.ink)"
	run -0 bash -c 'cut -f1,3,5- once.ink'
	assert_output "$(cut -f1,3,5- norm.ink)"
}

@test "inkfmt -a: one object per article with its title, deck and text" {
	run -0 bash -c "inkcat '$DATA/split-zh.md' | inknorm | inksplit | inkfmt -a -j | jq -r '[.art, .title, (.deck // \"\"), (.text | length > 0)] | @tsv'"
	assert_line --index 0 "$(printf '1\t江城港口启用首批智慧泊位\t——沿江物流走廊一季度吞吐量同比增长一成\ttrue')"
	assert_line --index 3 "$(printf '4\t\t\tfalse')"
	[ "${#lines[@]}" -eq 6 ]
}

@test "a long run of short lines holds no more than a few: section heads" {
	seq 1 5000 | sed 's/^/第/; s/$/条/' > a.txt
	printf '正文最后一段。\n' >> a.txt
	run -0 --separate-stderr bash -c 'inkcat a.txt | inknorm -l | inksplit | cut -f4 | sort | uniq -c | sort -rn'
	[ "${#lines[@]}" -le 4 ]
	run -0 bash -c 'inkcat a.txt | inknorm -l | inksplit | cut -f2 | sort -u | wc -l'
	assert_output 1
}

@test "malformed records: message with line number, the rest out, status 1" {
	printf 'd\t0\t1\tpara\tPort opens\nnot a record\nd\t0\t2\tpara\tNEWTOWN, March 2 (Reuters) - It opened.\n' > r
	run -1 --separate-stderr inksplit < r
	[ "$stderr" = "inksplit: line 2: malformed record: fewer than 5 TAB-separated fields" ]
	assert_output "$(printf 'd\t1\t1\ttitle\tPort opens\nd\t1\t2\tbody\tNEWTOWN, March 2 (Reuters) - It opened.')"
}

@test "invalid UTF-8 where the patterns read: said once per document, taken as body text, nothing lost, status 0" {
	printf 'd\t0\t1\tpara\t新华社北京1月25日电 bad \377 bytes.\nd\t0\t2\tpara\t图为\376 港口。\nd\t0\t3\tpara\tbad \375 elsewhere.\n' > r
	run -0 --separate-stderr inksplit < r
	[ "$stderr" = "inksplit: d: 2 paragraphs with invalid UTF-8 taken as body text (inknorm replaces it)" ]
	assert_output "$(printf 'd\t1\t1\tbody\t新华社北京1月25日电 bad \377 bytes.\nd\t1\t2\tbody\t图为\376 港口。\nd\t1\t3\tbody\tbad \375 elsewhere.')"
}

@test "a paragraph of stray continuation bytes longer than the windows read: body, whole" {
	bad=$(head -c 300 /dev/zero | tr '\0' '\200')
	printf 'd\t0\t1\tpara\t%s\n' "$bad" > r
	run -0 --separate-stderr inksplit < r
	assert_output "$(printf 'd\t1\t1\tbody\t%s' "$bad")"
	[ "$stderr" = "inksplit: d: 1 paragraphs with invalid UTF-8 taken as body text (inknorm replaces it)" ]
}

@test "a 50 MB paragraph comes out whole" {
	head -c 50000000 /dev/zero | tr '\0' 'x' > big.txt
	echo >> big.txt
	run -0 --separate-stderr bash -c 'inkcat big.txt | inknorm | inksplit | cut -f5 | wc -c'
	assert_output 50000001
}

@test "a record past --max-record is reported and skipped; the rest come out" {
	printf 'd\t0\t1\tpara\t%s\nd\t0\t2\tpara\tshort one.\n' "$(head -c 2000 /dev/zero | tr '\0' 'x')" > r
	run -1 --separate-stderr inksplit -R 1K < r
	[[ "$stderr" == "inksplit: line 1: record of "*"longer than --max-record; skipped" ]]
	assert_output "$(printf 'd\t1\t2\tbody\tshort one.')"
}
