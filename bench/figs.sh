#!/usr/bin/env bash
# bench/figs.sh: inkfigs' throughput on news paragraphs, beside the peer
# a user might reach for first: Microsoft Recognizers-Text's number model
# (npm @microsoft/recognizers-text-number, installed here into a scratch
# folder), measured in one run on this machine.
#
#   inkfigs < PARAS            (inknorm's paragraphs of 128 MiB of hkcnews)
#   inkfigs -x -a < PARAS      (and a record for every figure and date)
#   recognizeNumber(text, zh-cn) over a 4 MB sample of the same paragraphs
#
# Target (issue 7): at least 100 MB/s of paragraph text.
# Usage: bench/figs.sh [RUNS]   (default 5)
. "$(dirname "$0")/lib.sh"
runs=${1:-5}
bench_require
bench_text
cd "$work"
bench_paras

bench_machine
paras=$(stat -c %s hkcnews.para)
text=$(cut -f 5 hkcnews.para | wc -c)
echo "input:   $((text / 1000000)) MB of paragraph text in $((paras / 1000000)) MB of records ($(wc -l < hkcnews.para) records)"
echo

hyperfine -w 1 -r "$runs" --export-json figs.json \
	-n 'inkfigs' "$bin/inkfigs < hkcnews.para" \
	-n 'inkfigs -x -a' "$bin/inkfigs -x -a < hkcnews.para" > /dev/null
bench_rates figs.json "$text" 'inkfigs' 'inkfigs -x -a'   # of paragraph text
ink=$(echo "$text / 1000000 / $(median inkfigs figs.json)" | bc -l)
echo "inkfigs: peak RSS $(peak_mb "$bin/inkfigs < hkcnews.para") MB"

# the peer, on a sample: at its speed all of it would take an hour
if ! command -v npm > /dev/null; then
	echo "peer: skipped (no npm)"
	exit 0
fi
[ -d rt/node_modules/@microsoft/recognizers-text-number ] ||
    npm install --prefix rt --no-audit --no-fund --silent \
	@microsoft/recognizers-text-number@1.3.1 > /dev/null
LC_ALL=C awk -F '\t' '{ n += length($5) + 1; if (n > 4194304) exit; print $5 }' \
    hkcnews.para > sample.txt
cat > rt/run.js <<'JS'
const { recognizeNumber, Culture } = require('@microsoft/recognizers-text-number');
const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\n');
let n = 0;
const t0 = process.hrtime.bigint();
for (const l of lines) n += recognizeNumber(l, Culture.Chinese).length;
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(s.toFixed(3), n);
JS
read -r pt found < <(cd rt && node run.js ../sample.txt)
sample=$(stat -c %s sample.txt)
peer=$(echo "$sample / 1000000 / $pt" | bc -l)
printf '%-16s %10.3f %12.1f   (%d numbers in a %d MB sample)\n' 'recognizers-text' "$pt" "$peer" "$found" $((sample / 1000000))
echo
echo "inkfigs: $(printf %.0f "$ink") MB/s (target >= 100), $(printf %.0f "$(echo "$ink / $peer" | bc -l)")x the peer's number model"
