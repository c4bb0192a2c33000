#!/usr/bin/env bash
# bench/feed.sh: inkfeed on RSS and on Reuters SGML, beside libxml2's own
# streaming reader, xmllint --stream, on the same files in the same run.
#
#   RSS   an RSS 2.0 feed made here of hkcnews articles: an item each,
#         the title and the text (HTML paragraphs) in the description
#   SGML  reut2-000 ... reut2-010 of Reuters-21578, eight times over
#
# inkfeed reads inkcat's records of each (made once, not timed).
# Target (issue 8): 100 MB/s of input on both.
# Usage: bench/feed.sh [RUNS]   (default 5)
. "$(dirname "$0")/lib.sh"
runs=${1:-5}
bench_require
command -v xmllint > /dev/null || { echo "bench: needs xmllint (tools/deps bench)" >&2; exit 1; }
bench_text
reuters=$(cd "$corpus/reuters21578" && pwd)
cd "$work"
if [ ! -s feed.rss ]; then
	LC_ALL=C awk -v max=$((100 << 20)) '
	BEGIN { print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; print "<rss version=\"2.0\"><channel><title>bench</title>" }
	/^---$/ { next }
	/^title: / { if (open) print "</description></item>"; sub(/^title: /, ""); gsub(/[\001-\037]/, ""); gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;")
		printf "<item><title>%s</title><guid>%d</guid><description>", $0, ++n; open = 1; next }
	open && NF { gsub(/[\001-\010\013\014\016-\037]/, ""); gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); printf "&lt;p&gt;%s&lt;/p&gt;\n", $0; bytes += length($0) }
	bytes > max { exit }
	END { if (open) print "</description></item>"; print "</channel></rss>" }' hkcnews.txt > feed.rss
fi
if [ ! -s feed.sgm ]; then
	for i in 1 2 3 4 5 6 7 8; do cat "$reuters"/reut2-0*.sgm; done > feed.sgm
fi
# a feed whose channel holds 600 000 elements before its one item: what
# is not an item must not be held as a tree
if [ ! -s channel.rss ]; then
	awk 'BEGIN { print "<?xml version=\"1.0\"?>"; print "<rss version=\"2.0\"><channel><title>c</title>"
		for (i = 0; i < 600000; i++) printf "<category domain=\"d%d\">分类 %d of the channel</category>\n", i, i
		print "<item><title>one</title><description>d</description></item></channel></rss>" }' > channel.rss
fi
[ -s channel.rss.ink ] || "$bin"/inkcat channel.rss > channel.rss.ink
[ -s feed.rss.ink ] || "$bin"/inkcat feed.rss > feed.rss.ink
[ -s feed.sgm.ink ] || "$bin"/inkcat feed.sgm > feed.sgm.ink

bench_machine
rss=$(stat -c %s feed.rss)
sgm=$(stat -c %s feed.sgm)
echo "input:   feed.rss $((rss / 1000000)) MB ($(grep -c '<item>' feed.rss) items), feed.sgm $((sgm / 1000000)) MB ($(grep -c '<REUTERS' feed.sgm) stories)"
echo

hyperfine -w 1 -r "$runs" -i --export-json feed.json \
	-n 'inkfeed rss' "$bin/inkfeed < feed.rss.ink" \
	-n 'xmllint rss' "xmllint --stream --noout feed.rss" \
	-n 'inkfeed sgml' "$bin/inkfeed < feed.sgm.ink" \
	-n 'xmllint sgml' "xmllint --stream --noout --recover feed.sgm" > /dev/null
bench_rates feed.json "$rss" 'inkfeed rss' 'xmllint rss'   # of the RSS file
bench_rates feed.json "$sgm" 'inkfeed sgml' 'xmllint sgml'   # of the SGML
echo
echo "inkfeed: $("$bin"/inkfeed < feed.rss.ink | awk -F '\t' '$3 == 1' | wc -l) stories from the RSS, $("$bin"/inkfeed < feed.sgm.ink | awk -F '\t' '$3 == 1' | wc -l) from the SGML"
echo "xmllint sgml stops at the SGML's second root element; it is timed on what it reads"
echo "inkfeed rss: peak RSS $(peak_mb "$bin/inkfeed < feed.rss.ink") MB (a document is held whole)"
echo "inkfeed channel.rss ($(($(stat -c %s channel.rss) / 1000000)) MB, 600 000 elements besides its item): peak RSS $(peak_mb "$bin/inkfeed < channel.rss.ink") MB"
