#!/usr/bin/env bash
# bench/inksplit.sh: inksplit's throughput and memory against a pass over
# the same records that only cuts fields, measured in one run.
#
#   inksplit < PARAS          (inknorm's paragraphs of FILE)
#   cut -f 1-4 PARAS          (reads every record, splits it, decides nothing)
#
# FILE is 128 MiB of ../shared/corpus/hkcnews, as in inknorm.sh.  Target
# (issue 4): at least 300 MB/s on the records it reads; memory bounded
# by the largest article.
# Usage: bench/inksplit.sh [RUNS]   (default 7)
. "$(dirname "$0")/lib.sh"
runs=${1:-7}
bench_require
bench_text
cd "$work"
bench_paras

bench_machine
recs=$(stat -c %s hkcnews.para)
echo "input:   inknorm's paragraphs of hkcnews.txt, $((recs / 1000000)) MB, $(wc -l < hkcnews.para) records"
echo

hyperfine -w 1 -r "$runs" --export-json split.json \
	-n 'inksplit' "$bin/inksplit < hkcnews.para" \
	-n 'cut -f 1-4' "cut -f 1-4 hkcnews.para" > /dev/null

bench_rates split.json "$recs" 'inksplit' 'cut -f 1-4'   # of records
t=$(median inksplit split.json)
echo
echo "inksplit on record bytes: $(echo "$recs / 1000000 / $t" | bc) MB/s   (target >= 300)"
echo "cut / inksplit = $(ratio "$(median 'cut -f 1-4' split.json)" "$t")"
echo "inksplit: peak RSS $(peak_mb "$bin/inksplit < hkcnews.para") MB; largest article $(
	"$bin"/inksplit < hkcnews.para | awk -F'\t' '{ n[$1 SUBSEP $2] += length($0) + 1 }
	    END { for (k in n) if (n[k] > m) m = n[k]; printf "%d kB", m / 1000 }')"
