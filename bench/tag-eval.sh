#!/usr/bin/env bash
# bench/tag-eval.sh: how well inkdateline and inkbyline find and read
# datelines and bylines: precision and recall per field.
#
#   sogou        the 330 articles of the two Sogou samples (one GB18030,
#                one UTF-8), labelled by hand: labels/sogou-*.tsv
#   reuters      Reuters-21578 (reut2-000 to 002 for datelines, every file
#                for bylines), labelled by the collection itself: each
#                <DATELINE> element, put before the first line of its
#                <BODY> as a wire story prints it; each <AUTHOR>
#
# A field counts right when it is exactly the label; a value found where
# the label has none, or another one, counts against precision.
# Usage: bench/tag-eval.sh
. "$(dirname "$0")/lib.sh"
[ -e "$corpus/sogou" ] || { echo "bench: no $corpus (../shared is absent)" >&2; exit 1; }
labels=$PWD/bench/labels
corpus=$(cd "$corpus" && pwd)
mkdir -p "$work/tags"
cd "$work/tags"

# P R per field of predicted ($1) against labelled ($2), both KEY TAB VALUE
score() {
	awk -F'\t' -v name="$3" '
	FILENAME == ARGV[1] { if ($2 != "") pred[$1] = $2; next }
	{ if ($2 != "") want[$1] = $2 }
	END {
		for (k in pred) { np++; if (pred[k] == want[k]) tp++ }
		for (k in want) nl++
		printf "%-24s %6d %6d %6d %7.3f %7.3f\n", name, nl, np, tp,
		    np ? tp / np : 0, nl ? tp / nl : 0
	}' "$1" "$2"
}

# the value of tag $1 of each record, KEY (DOC) TAB VALUE
field() {
	awk -F'\t' -v t="$1" '{ v = ""; for (i = 6; i <= NF; i++) if (index($i, t "=") == 1) v = substr($i, length(t) + 2); print $1 "\t" v }'
}

# every by. tag of each record, one KEY TAB NAME line each
names() {
	awk -F'\t' '{ for (i = 6; i <= NF; i++) if ($i ~ /^by\./) { v = $i; sub(/^[^=]*=/, "", v); print $1 "\t" v } }'
}

# P R of the names (each KEY TAB NAME a unit) found ($1) against ($2)
score_names() {
	awk -F'\t' -v name="$3" '
	FILENAME == ARGV[1] { pred[$0]++; np++; next }
	{ nl++; if (pred[$0] > 0) { pred[$0]--; tp++ } }
	END { printf "%-24s %6d %6d %6d %7.3f %7.3f\n", name, nl, np, tp,
	    np ? tp / np : 0, nl ? tp / nl : 0 }' "$1" "$2"
}

printf '%-24s %6s %6s %6s %7s %7s\n' field labels found right P R

# the Sogou articles, one record each, keyed by docno
"$bin/inkcat" "$corpus"/sogou/news_sohusite_xml.smarty.dat \
    "$corpus"/sogou/news_tensite_xml.smarty.dat 2> /dev/null |
    awk -F'\t' '$5 ~ /<docno>/ { d = $5; gsub(/.*<docno>|<\/docno>.*/, "", d) }
	$5 ~ /<content>/ { c = $5; gsub(/.*<content>|<\/content>.*/, "", c)
	    if (c != "") printf "%s\t0\t1\tpara\t%s\n", d, c }' |
    "$bin/inknorm" | "$bin/inkdateline" | "$bin/inkbyline" > sogou.ink 2> /dev/null
for f in agency place date; do
	col=$(( $(echo "agency place date" | tr ' ' '\n' | grep -n "^$f\$" | cut -d: -f1) + 1 ))
	grep -v '^#' "$labels/sogou-datelines.tsv" | cut -f 1,"$col" > want
	field "dl.$f" < sogou.ink > got
	score got want "sogou dateline $f"
done
grep -v '^#' "$labels/sogou-bylines.tsv" |
    awk -F'\t' '{ n = split($2, a, ";"); for (i = 1; i <= n; i++) { v = a[i]; sub(/^[^=]*=/, "", v); print $1 "\t" v } }' > want
names < sogou.ink > got
score_names got want "sogou byline names"
grep -v '^#' "$labels/sogou-bylines.tsv" |
    awk -F'\t' '{ n = split($2, a, ";"); for (i = 1; i <= n; i++) print $1 "\t" a[i] }' > want
awk -F'\t' '{ for (i = 6; i <= NF; i++) if ($i ~ /^by\./) print $1 "\t" substr($i, 4) }' sogou.ink > got
score_names got want "sogou byline role=name"

# Reuters-21578: datelines as printed, the element says what they are
cat "$corpus"/reuters21578/reut2-00[0-2].sgm |
    awk '/<DATELINE>/ { line = $0; sub(/.*<DATELINE> */, "", line)
	    d = line; sub(/ *<\/DATELINE>.*/, "", d)
	    b = line; sub(/.*<BODY>/, "", b)
	    printf "r%d\t0\t1\tpara\t%s %s\n", ++n, d, b
	    # the place as printed, a state or country with it: all before
	    # ", MONTH DAY -"
	    place = d; sub(/, *[A-Za-z]+\.? +[0-9]+ *-.*$/, "", place)
	    m = substr(d, length(place) + 1); sub(/^, */, "", m)
	    split(m, md, /[ .]+/)
	    print "r" n "\t" place "\t" md[1] " " md[2] > "reuters.labels" }' > reuters.rec
"$bin/inkdateline" < reuters.rec > reuters.ink
cut -f 1,2 reuters.labels > want
field dl.place < reuters.ink > got
score got want "reuters dateline place"
# the label's date, as inkdateline writes it: --MM-DD
awk -F'\t' 'BEGIN { split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", m, " ")
	for (i = 1; i <= 12; i++) mon[m[i]] = i }
	{ split($3, md, " "); k = toupper(substr(md[1], 1, 1)) tolower(substr(md[1], 2, 2))
	  print $1 "\t" (k in mon && md[2] ~ /^[0-9]+$/ ? sprintf("--%02d-%02d", mon[k], md[2]) : "") }' reuters.labels > want
field dl.date < reuters.ink > got
score got want "reuters dateline date"

# Reuters-21578 authors: "By NAME, Reuters" names NAME
cat "$corpus"/reuters21578/*.sgm | grep '<AUTHOR>' |
    sed 's/<[^>]*>//g; s/^ *//; s/ *$//' |
    awk '{ printf "a%d\t0\t1\tpara\t%s\n", NR, $0
	   n = $0; sub(/^[Bb][Yy] /, "", n); sub(/,.*/, "", n)
	   k = split(n, a, / [Aa][Nn][Dd] /); for (i = 1; i <= k; i++) print "a" NR "\t" a[i] > "authors.labels" }' > authors.rec
"$bin/inkbyline" < authors.rec | names > got
score_names got authors.labels "reuters byline names"
