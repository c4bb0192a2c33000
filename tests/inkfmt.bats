#!/usr/bin/env bats
# inkfmt: raw, text, Markdown, JSON, tables, articles, bad records.

load helper

setup() {
	cd_tmp
	ART="$DATA/article.ink"
}

@test "-t: paragraphs apart by blank lines, articles by a rule" {
	run -0 inkfmt -t < "$ART"
	assert_line -n 0 '沿江物流走廊'
	assert_line -n 1 '江河新城启用首批智慧泊位'
	# escapes are undone for people
	assert_output --partial "$(printf 'Berths opened.\tTab and \\ backslash.')"
	assert_output --partial "$(printf '今年以来开行班列超400列。\n\n----------------------------------------\n\nRiverton opens')"
}

@test "the default is -t" {
	diff <(inkfmt < "$ART") <(inkfmt -t < "$ART")
}

@test "-t keeps line records as lines, no blank line between them" {
	printf 'one\ntwo\n' > f
	run -0 bash -c 'inkcat f | inkfmt -t'
	assert_output "$(printf 'one\ntwo')"
}

@test "-m: title #, deck ##, section ###, kicker and caption in italics" {
	run -0 inkfmt -m < "$ART"
	assert_line '# 江河新城启用首批智慧泊位'
	assert_line '## ——一季度吞吐量同比增长一成'
	assert_line '### 多式联运提速'
	assert_line '*沿江物流走廊*'
	assert_line '*Cranes at the new berths.*'
	assert_line '---'
}

@test "-m: body text that looks like markup is escaped; head level=N" {
	printf 'd\t0\t1\tpara\t# not a heading\nd\t0\t2\thead\tReal\tlevel=3\n' > r
	run -0 inkfmt -m < r
	assert_output "$(printf '\\# not a heading\n\n### Real')"
}

@test "-j: one object per record, all tags; jq reads it back" {
	inkfmt -j < "$ART" > out.jsonl
	[ "$(jq -s length out.jsonl)" -eq 11 ]
	[ "$(jq -r 'select(.seq == 4) | .tags["dl.place"]' out.jsonl)" = 江河新城 ] ||
	[ "$(jq -r 'select(.seq == 4) | .tags["dl.place"]' out.jsonl)" = 江城 ]
	[ "$(jq -c 'select(.seq == 4) | .tags["by.reporter"]' out.jsonl)" = '["林若溪","周启明"]' ]
	[ "$(jq -r 'select(.seq == 9) | .text' out.jsonl)" = "$(printf 'RIVERTON, March 2 (Xinhua) -- Berths opened.\tTab and \\ backslash.')" ]
	[ "$(jq -r 'select(.seq == 1) | [.doc, .art, .kind] | @tsv' out.jsonl)" = "$(printf 'page.md\t1\tkicker')" ]
}

@test "-j: invalid UTF-8 becomes U+FFFD, and stderr says how many" {
	printf 'bad \377\376 x\n' > f
	run -0 --separate-stderr bash -c 'inkcat f | inkfmt -j'
	[ "$(jq -r .text <<< "$output")" = 'bad �� x' ]
	[ "$stderr" = "inkfmt: 2 invalid UTF-8 bytes written as U+FFFD in JSON" ]
}

@test "-j: NUL survives as \\u0000" {
	printf 'a\000b\n' > f
	run -0 bash -c 'inkcat f | inkfmt -j | jq -c .text'
	assert_output '"a\u0000b"'
}

@test "-a -j: one object per article, title, deck, byline, tags gathered" {
	inkfmt -a -j < "$ART" > out.jsonl
	[ "$(jq -s length out.jsonl)" -eq 2 ]
	run jq -r 'select(.art == 1) | .title, .kicker, .deck, .text' out.jsonl
	assert_output "$(printf '江河新城启用首批智慧泊位\n沿江物流走廊\n——一季度吞吐量同比增长一成\n新华社江城3月2日电（记者 林若溪 周启明）首批泊位启用。\n\n多式联运提速\n\n今年以来开行班列超400列。')"
	[ "$(jq -c 'select(.art == 1) | .tags' out.jsonl)" = '{"dl":"新华社江城3月2日电","dl.agency":"新华社","dl.place":"江城","dl.date":"--03-02","dl.pos":"lead","by.reporter":["林若溪","周启明"]}' ]
	[ "$(jq -r 'select(.art == 2) | .byline, .caption, .credit' out.jsonl)" = "$(printf 'By JANE MORROW\nCranes at the new berths.\nXinhua photo')" ]
}

@test "-a -t: a block per article, title first" {
	run -0 inkfmt -a -t < "$ART"
	assert_line -n 0 '沿江物流走廊'
	assert_line -n 1 '江河新城启用首批智慧泊位'
	assert_line -n 2 '——一季度吞吐量同比增长一成'
	assert_line '----------------------------------------'
}

@test "-a before inksplit: a document is one article" {
	printf 'one\ntwo\n' > f
	printf 'three\n' > g
	run -0 bash -c 'inkcat f g | inkfmt -a -j | jq -c "[.doc, .text]"'
	assert_output "$(printf '["f","one\\ntwo"]\n["g","three"]')"
}

@test "-f: chosen columns as TSV, a repeated tag joined with ;" {
	run -0 inkfmt -f seq,kind,by.reporter,figs < "$ART"
	assert_line -n 3 "$(printf '4\tbody\t林若溪;周启明\t')"
	assert_line -n 5 "$(printf '6\tbody\t\t1')"
	run -0 inkfmt -H -f doc,art,text < "$ART"
	assert_line -n 0 "$(printf 'doc\tart\ttext')"
	# TEXT stays escaped: a table cell never holds a raw TAB
	assert_line -n 9 "$(printf 'page.md\t2\tRIVERTON, March 2 (Xinhua) -- Berths opened.\\tTab and \\\\ backslash.')"
}

@test "-r: original bytes, noeol honoured" {
	printf 'x\r\ny' > f
	inkcat f | inkfmt -r | cmp - f
}

@test "a malformed record: message with its line number, the rest rendered, status 1" {
	{ head -n 2 "$ART"; printf 'only\tthree\tfields\n'; printf 'd\tx\t1\tbody\ttext\n'; printf 'd\t1\t1\tBody\ttext\n'; printf 'd\t1\t1\tbody\tbad \\q escape\n'; printf 'd\t1\t1\tbody\ttext\tNOTAKEY\n'; tail -n 1 "$ART"; } > mixed
	run -1 --separate-stderr inkfmt -t < mixed
	assert_line -n 0 '沿江物流走廊'
	assert_line -n 3 'Xinhua photo'
	[ "$stderr" = "$(printf '%s\n' \
	    'inkfmt: line 3: malformed record: fewer than 5 TAB-separated fields' \
	    'inkfmt: line 4: malformed record: ART is not a number' \
	    'inkfmt: line 5: malformed record: KIND is not a lowercase word' \
	    'inkfmt: line 6: malformed record: unknown escape (only \\ \t \n \r)' \
	    'inkfmt: line 7: malformed record: tag is not KEY=VALUE with KEY [a-z][a-z0-9_.]*')" ]
}

@test "bad option combinations are usage errors" {
	run -2 --separate-stderr inkfmt -a -r < "$ART"
	[[ "$stderr" == "inkfmt: -a goes with -t, -m or -j"* ]]
	run -2 --separate-stderr inkfmt -H -j < "$ART"
	run -2 --separate-stderr inkfmt somefile < "$ART"
	[[ "$stderr" == "inkfmt: unexpected operand: somefile"* ]]
}

@test "-j: a tag key of any length is kept whole" {
	key=k$(printf 'x%.0s' $(seq 300))
	printf 'd\t0\t1\tpara\ttext\t%s=v\n' "$key" > r
	run -0 bash -c "inkfmt -j < r | jq -r '.tags | keys[0]'"
	assert_output "$key"
}
