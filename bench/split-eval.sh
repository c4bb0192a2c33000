#!/usr/bin/env bash
# bench/split-eval.sh: how well inksplit finds article boundaries, scored
# against labels: precision, recall and F1 of the start lines it finds.
#
#   xinhua md      the Markdown page, labelled by hand (labels/*.starts)
#   xinhua plain   the same page with its heading markers stripped: an
#                  OCR-like page where no markup helps; same labels
#   digests md     the 168 feed digests; a label at every # and ## heading
#                  (not a ## opening with a dash: a deck)
#   digests plain  the digests with heading markers stripped; same labels
#   hkcnews        the first 2000 articles of the archive, one document
#                  each: one label per document, its first paragraph, so
#                  recall is 1 by construction and precision says how often
#                  a section head or a bold line was taken for an article
#
# A boundary counts when its line is exactly the labelled line.
# Usage: bench/split-eval.sh
. "$(dirname "$0")/lib.sh"
[ -e "$corpus/xinhua-page" ] || { echo "bench: no $corpus (../shared is absent)" >&2; exit 1; }
corpus=$(cd "$corpus" && pwd)
archive=$corpus/hkcnews/hkcnews-article-archive.tar.gz
mkdir -p "$work/split"
cd "$work/split"

# DOC TAB LINE for the first paragraph of every article inksplit makes
predict() {
	"$bin/inknorm" | "$bin/inksplit" | awk -F'\t' '
	{
		src = 0
		for (i = 6; i <= NF; i++)
			if ($i ~ /^src=/) { src = substr($i, 5); sub(/-.*/, "", src) }
		if ($1 != doc || $2 != art) print $1 "\t" src
		doc = $1; art = $2
	}'
}

# P R F1 of predicted ($1) against labelled ($2), both DOC TAB LINE
score() {
	awk -F'\t' -v name="$3" '
	FILENAME == ARGV[1] { pred[$1 "\t" $2] = 1; np++; next }
	{ nl++; if (($1 "\t" $2) in pred) tp++ }
	END {
		p = np ? tp / np : 0; r = nl ? tp / nl : 0
		f = p + r ? 2 * p * r / (p + r) : 0
		printf "%-14s %6d %6d %6d %7.3f %7.3f %7.3f\n", name, nl, np, tp, p, r, f
	}' "$1" "$2"
}

printf '%-14s %6s %6s %6s %7s %7s %7s\n' set labels found right P R F1

page=$corpus/xinhua-page/xinhua-2026-01-25-p1.md
labels=$OLDPWD/bench/labels/xinhua-2026-01-25-p1.starts
sed -E 's/^#{1,6} //' "$page" > page.txt
grep -v '^#' "$labels" | cut -f1 | sed 's/^/page.md\t/' > page.labels
cp "$page" page.md
"$bin/inkcat" page.md | predict > page.md.pred
score page.md.pred page.labels 'xinhua md'
sed 's/^page.md/page.txt/' page.labels > page.txt.labels
"$bin/inkcat" page.txt | predict > page.txt.pred
score page.txt.pred page.txt.labels 'xinhua plain'

rm -rf md plain && mkdir md plain
tar -xzf "$corpus"/feed-digests/*.tar.gz -C md
(cd md && find . -name '*.md' | while read -r f; do
	mkdir -p "../plain/$(dirname "$f")"
	sed -E 's/^#{1,6} //' "$f" > "../plain/$f"
done)
(cd md && "$bin/inkcat" .) > md.ink
awk -F'\t' '$5 ~ /^##? / && $5 !~ /^## *(—|--)/ { print $1 "\t" $3 }' md.ink > md.labels
predict < md.ink > md.pred
score md.pred md.labels 'digests md'
(cd plain && "$bin/inkcat" . | predict) > plain.pred
score plain.pred md.labels 'digests plain'

"$bin/inkcat" "$archive" |
    awk -F'\t' '$1 != doc { doc = $1; if (++n > 2000) exit } 1' > hk.ink
predict < hk.ink > hk.pred
awk -F'\t' '!seen[$1]++' hk.pred > hk.labels
score hk.pred hk.labels 'hkcnews'
