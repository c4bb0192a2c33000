#!/usr/bin/env bash
# bench/inkcat.sh: inkcat's speed and memory against its baselines, all
# measured in one run on this machine, reported as medians and ratios.
#
#   plain text (>= 100 MB made from ../shared/corpus):
#     inkcat FILE         vs  wc -l FILE
#     inkcat FILE         vs  an awk one-liner writing the same records
#   a .tar.gz:
#     inkcat ARCHIVE      vs  tar -xzOf ARCHIVE
#   peak resident memory of inkcat on both
#
# Targets (issue 2): within 2x of wc -l; within 1.2x of tar -xzOf; < 16 MB.
# Usage: bench/inkcat.sh [RUNS]   (default 7, five times that for the
# text commands; needs hyperfine, jq, bc and GNU time: tools/deps bench)
. "$(dirname "$0")/lib.sh"
runs=${1:-7}
bench_require
bench_text
cp "$archive" "$work/feeds.tar.gz"
cd "$work"

bench_machine
echo "input:   hkcnews.txt $(($(stat -c %s hkcnews.txt) / 1000000)) MB, $(wc -l < hkcnews.txt) lines;" \
    "feeds.tar.gz $(($(stat -c %s feeds.tar.gz) / 1000000)) MB"
echo

awkrec='{ gsub(/\\/, "&&"); gsub(/\t/, "\\t"); gsub(/\r/, "\\r"); print "hkcnews.txt\t0\t" NR "\tline\t" $0 }'
printf '%s\n' "$awkrec" > awk-records.awk
# the awk baseline writes the same bytes as inkcat (the input ends with a newline)
cmp <("$bin"/inkcat hkcnews.txt) <(awk -f awk-records.awk hkcnews.txt) ||
	echo "bench: note: awk output differs from inkcat's" >&2

# the text commands take milliseconds: more runs steady their medians
hyperfine -N -w 3 -r $((runs * 5)) --export-json text.json \
	-n 'wc -l' "wc -l hkcnews.txt" \
	-n 'inkcat text' "$bin/inkcat hkcnews.txt" \
	-n 'awk records' "awk -f awk-records.awk hkcnews.txt" > /dev/null
hyperfine -N -w 1 -r "$runs" --export-json archive.json \
	-n 'tar -xzOf' "tar -xzOf feeds.tar.gz" \
	-n 'inkcat tar.gz' "$bin/inkcat feeds.tar.gz" > /dev/null

m() { median "$1" text.json archive.json; }
printf '%-16s %10s\n' command 'median s'
for c in 'wc -l' 'inkcat text' 'awk records' 'tar -xzOf' 'inkcat tar.gz'; do
	printf '%-16s %10.3f\n' "$c" "$(m "$c")"
done
echo
echo "inkcat text   / wc -l       = $(ratio "$(m 'inkcat text')" "$(m 'wc -l')")   (target <= 2)"
echo "inkcat text   / awk records = $(ratio "$(m 'inkcat text')" "$(m 'awk records')")"
echo "inkcat tar.gz / tar -xzOf   = $(ratio "$(m 'inkcat tar.gz')" "$(m 'tar -xzOf')")   (target <= 1.2)"
for f in hkcnews.txt feeds.tar.gz; do
	echo "inkcat $f: peak RSS $(peak_mb "$bin/inkcat $f") MB   (target < 16)"
done
