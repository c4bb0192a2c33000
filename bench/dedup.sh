#!/usr/bin/env bash
# bench/dedup.sh: inkdedup on the labelled corpus of ../shared/tools/
# dedup-corpus (150 MB, seed 1), beside the exact tools a user might reach
# for first, in one run: speed, memory, and what dedup-score says of what
# each kept.
#
#   inkdedup < RECORDS          exact and near copies (RECORDS: inkcat's
#   inkdedup -e < RECORDS       exact copies only       records of FILE)
#   LC_ALL=C sort -u FILE       exact lines, in any order
#   mawk '!seen[$0]++' FILE     exact lines, in order
#
# Targets (issue 6): exact mode 300 MB/s, near mode 100 MB/s; near state
# at most 1 byte per input byte, exact table at most 16 bytes per distinct
# paragraph; removal precision 0.999, recall 0.99 (0.98 on near copies in
# each language), at most 1% of prefix negatives removed.
# Usage: bench/dedup.sh [RUNS] [SIZE_MB]   (default 3, 150)
. "$(dirname "$0")/lib.sh"
runs=${1:-3}
size=${2:-150}
bench_require
tools=$(cd "${INK_SHARED:-../shared}/tools" 2> /dev/null && pwd) ||
    { echo "bench: no ${INK_SHARED:-../shared}/tools" >&2; exit 1; }
dir=$work/dedup-$size
[ -s "$dir/corpus.txt" ] || "$tools/dedup-corpus" "$dir" "$size" --seed 1 > /dev/null
cd "$dir"
[ -s corpus.ink ] || "$bin"/inkcat corpus.txt > corpus.ink

bench_machine
text=$(stat -c %s corpus.txt)
recs=$(stat -c %s corpus.ink)
echo "input:   corpus.txt $((text / 1000000)) MB of text, as records $((recs / 1000000)) MB"
echo

hyperfine -w 1 -r "$runs" --export-json dedup.json \
	-n 'inkdedup' "$bin/inkdedup < corpus.ink" \
	-n 'inkdedup -e' "$bin/inkdedup -e < corpus.ink" \
	-n 'sort -u' "LC_ALL=C sort -u corpus.txt" \
	-n 'mawk' "mawk '!seen[\$0]++' corpus.txt" > /dev/null

"$bin"/inkdedup < corpus.ink > kept.ink
"$bin"/inkdedup -e < corpus.ink > kept-e.ink
LC_ALL=C sort -u corpus.txt > kept-sort.txt
mawk '!seen[$0]++' corpus.txt > kept-mawk.txt

score() {
	"$tools/dedup-score" "$@" > score.txt
	p=$(awk '/^precision, bp excused/ { print $4 }' score.txt)
	r=$(awk '/^recall, all dups/ { print $4 }' score.txt)
	nen=$(awk '/^recall near EN/ { print $4 }' score.txt)
	nzh=$(awk '/^recall near ZH/ { print $4 }' score.txt)
	pre=$(awk '/^prefix negs removed/ { print $4 }' score.txt)
	sbp=$(awk '/^short bp removed/ { print $4 }' score.txt)
	printf '%8s %7s %8s %8s %8s %8s' "$p" "$r" "$nen" "$nzh" "$pre" "$sbp"
}

printf '%-12s %9s %10s %8s %7s %8s %8s %8s %8s\n' command 'median s' 'text MB/s' \
	P R 'near EN' 'near ZH' prefix 'short bp'
for c in 'inkdedup' 'inkdedup -e' 'sort -u' 'mawk'; do
	t=$(median "$c" dedup.json)
	case $c in
	'inkdedup') s=$(score . kept.ink) ;;
	'inkdedup -e') s=$(score . kept-e.ink) ;;
	'sort -u') s=$(score --unordered . kept-sort.txt) ;;
	'mawk') s=$(score . kept-mawk.txt) ;;
	esac
	printf '%-12s %9.3f %10.0f %s\n' "$c" "$t" "$(echo "$text / 1000000 / $t" | bc -l)" "$s"
done
echo
for c in 'inkdedup' 'inkdedup -e'; do
	t=$(median "$c" dedup.json)
	echo "$c: $(echo "$recs / 1000000 / $t" | bc) MB/s of records;" \
	    "$(ratio "$(median 'sort -u' dedup.json)" "$t")x sort -u," \
	    "$(ratio "$(median mawk dedup.json)" "$t")x mawk"
done
# recall counted over the paragraphs inkdedup may drop: 20 characters or more
"$tools/dedup-score" . kept.ink > /dev/null
python3 - corpus.txt labels.tsv kept.ink <<'EOF'
import sys
cor = open(sys.argv[1], 'rb').read().decode('utf-8').split('\n')
lab = [l.split('\t')[0] for l in open(sys.argv[2], encoding='utf-8')]
kept = {int(l.split('\t')[2]) - 1 for l in open(sys.argv[3], encoding='utf-8')}
seen, dups, long_dups, long_removed = set(), 0, 0, 0
for i, sid in enumerate(lab):
    if sid in seen and len(cor[i]) >= 20:
        long_dups += 1
        long_removed += i not in kept
    seen.add(sid)
print('inkdedup: recall over copies of 20 characters or more %.4f (%d / %d)'
      % (long_removed / long_dups, long_removed, long_dups))
EOF
echo
"$bin"/inkdedup --stats < corpus.ink 2>&1 > /dev/null | sed 's/^/near mode  /'
"$bin"/inkdedup -e --stats < corpus.ink 2>&1 > /dev/null | sed 's/^/exact mode /'
echo "peak RSS: inkdedup $(peak_mb "$bin/inkdedup < corpus.ink") MB," \
    "inkdedup -e $(peak_mb "$bin/inkdedup -e < corpus.ink") MB," \
    "sort -u $(peak_mb "LC_ALL=C sort -u corpus.txt") MB," \
    "mawk $(peak_mb "mawk '!seen[\$0]++' corpus.txt") MB"
