#!/usr/bin/env bash
# bench/inktag.sh: inkdateline and inkbyline against grep -P looking for
# the same things in the same text, measured in one run.
#
#   inkdateline < PARAS     grep -cP LEAD TEXT (LEAD: inkdateline -P, the
#                           same alternation it matches at a paragraph's start)
#   inkbyline < PARAS       grep -cP BYLINE TEXT (BYLINE below: the places
#                           and role words inkbyline looks for, as one pattern)
#
# PARAS is inknorm's paragraphs of 128 MiB of ../shared/corpus/hkcnews; TEXT
# their text alone, one paragraph a line.  Target (issue 5): each program
# at least 150 MB/s on the records it reads.
# Usage: bench/inktag.sh [RUNS]   (default 7)
. "$(dirname "$0")/lib.sh"
runs=${1:-7}
bench_require
bench_text
cd "$work"
bench_paras
cut -f 5 hkcnews.para > hkcnews.text
"$bin"/inkdateline -P | awk -F'\t' '$1 == "lead" { print $2 }' > lead.re
byline='(?:^[(（]?[^。]{0,20}?(?:记者|通讯员|编辑|编译|摄影)|[(（](?:记者|通讯员)[^)）]{1,40}[)）]|(?:摄|作)[)）]?$|^(?:By|Reporting by) )'
printf '%s\n' "$byline" > byline.re

bench_machine
recs=$(stat -c %s hkcnews.para)
echo "input:   $((recs / 1000000)) MB of paragraph records, $(wc -l < hkcnews.para) records; their text $(($(stat -c %s hkcnews.text) / 1000000)) MB"
export LC_ALL=C.UTF-8
hyperfine -w 1 -r "$runs" --export-json tag.json \
	-n 'inkdateline' "$bin/inkdateline < hkcnews.para" \
	-n 'grep -P dateline' "grep -cP -f lead.re hkcnews.text" \
	-n 'inkbyline' "$bin/inkbyline < hkcnews.para" \
	-n 'grep -P byline' "grep -cP -f byline.re hkcnews.text" > /dev/null

printf '%-18s %10s %10s\n' command 'median s' 'MB/s'
for c in inkdateline 'grep -P dateline' inkbyline 'grep -P byline'; do
	t=$(median "$c" tag.json)
	printf '%-18s %10.3f %10.0f\n' "$c" "$t" "$(echo "$recs / 1000000 / $t" | bc -l)"
done
echo
for p in dateline byline; do
	t=$(median "ink$p" tag.json)
	echo "ink$p: $(echo "$recs / 1000000 / $t" | bc) MB/s (target >= 150); grep -P / ink$p = $(ratio "$(median "grep -P $p" tag.json)" "$t"); peak RSS $(peak_mb "$bin/ink$p < hkcnews.para") MB"
done
