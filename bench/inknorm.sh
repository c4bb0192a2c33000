#!/usr/bin/env bash
# bench/inknorm.sh: inknorm's throughput and memory against two text
# passes a user might reach for first, measured in one run on this machine.
#
#   inknorm < RECORDS               (the line records of FILE, by inkcat)
#   sed -E 's/[[:space:]]+/ /g' FILE   (whitespace only)
#   awk -v RS= '{ gsub(/\n/, " ") } 1' FILE   (paragraphs joined blindly)
#
# FILE is 128 MiB of ../shared/corpus/hkcnews.  Targets (issue 3): at least
# 300 MB/s and 5x the sed pass; memory bounded by the longest paragraph.
# Usage: bench/inknorm.sh [RUNS]   (default 7)
. "$(dirname "$0")/lib.sh"
runs=${1:-7}
bench_require
bench_text
cd "$work"

bench_machine
text=$(stat -c %s hkcnews.txt)
recs=$(stat -c %s hkcnews.ink)
echo "input:   hkcnews.txt $((text / 1000000)) MB of text, as records $((recs / 1000000)) MB"
echo

hyperfine -w 1 -r "$runs" --export-json norm.json \
	-n 'inknorm' "$bin/inknorm < hkcnews.ink" \
	-n 'sed spaces' "sed -E 's/[[:space:]]+/ /g' hkcnews.txt" \
	-n 'awk paragraphs' "awk -v RS= '{ gsub(/\\n/, \" \") } 1' hkcnews.txt" > /dev/null

printf '%-16s %10s %12s\n' command 'median s' 'text MB/s'
for c in 'inknorm' 'sed spaces' 'awk paragraphs'; do
	t=$(median "$c" norm.json)
	printf '%-16s %10.3f %12.0f\n' "$c" "$t" "$(echo "$text / 1000000 / $t" | bc -l)"
done
t=$(median inknorm norm.json)
echo
echo "inknorm on record bytes: $(echo "$recs / 1000000 / $t" | bc) MB/s   (target >= 300)"
echo "sed spaces / inknorm     = $(ratio "$(median 'sed spaces' norm.json)" "$t")   (target >= 5)"
echo "awk paragraphs / inknorm = $(ratio "$(median 'awk paragraphs' norm.json)" "$t")"
echo "inknorm: peak RSS $(peak_mb "$bin/inknorm < hkcnews.ink") MB, longest input record $(($(wc -L < hkcnews.txt) / 1000)) kB"
