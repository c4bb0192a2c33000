# bench/lib.sh: what the benchmark scripts share; sourced, not run.

set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/bin
corpus=${INK_SHARED:-../shared}/corpus
archive=$corpus/hkcnews/hkcnews-article-archive.tar.gz
work=${TMPDIR:-/tmp}/ink-bench

# need the corpus and the measuring tools, or say what is missing
bench_require() {
	[ -e "$archive" ] || { echo "bench: no $archive (../shared is absent)" >&2; exit 1; }
	for t in hyperfine jq bc /usr/bin/time; do
		command -v "$t" > /dev/null ||
		    { echo "bench: needs $t (tools/deps bench)" >&2; exit 1; }
	done
	mkdir -p "$work"
}

# $work/hkcnews.txt: the archive's articles end to end, 128 MiB cut on a
# line boundary; hkcnews.ink, its inkcat records
bench_text() {
	[ -s "$work/hkcnews.txt" ] ||
	    tar -xzOf "$archive" | head -c $((128 << 20)) | sed '$d' > "$work/hkcnews.txt"
	[ -s "$work/hkcnews.ink" ] ||
	    "$bin"/inkcat "$work/hkcnews.txt" > "$work/hkcnews.ink"
}

# $work/hkcnews.para: inknorm's paragraphs of them, made again when
# inknorm is newer
bench_paras() {
	[ "$work/hkcnews.para" -nt "$bin/inknorm" ] ||
	    "$bin"/inknorm < "$work/hkcnews.ink" > "$work/hkcnews.para"
}

# a table of the commands named, from hyperfine's JSON $1: median seconds
# and MB/s of $2 bytes
bench_rates() {
	local json=$1 bytes=$2 c t
	shift 2
	printf '%-16s %10s %12s\n' command 'median s' 'MB/s'
	for c in "$@"; do
		t=$(median "$c" "$json")
		printf '%-16s %10.3f %12.1f\n' "$c" "$t" "$(echo "$bytes / 1000000 / $t" | bc -l)"
	done
}

bench_machine() {
	echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
}

# the median of the command named $1 in the hyperfine JSON files given
median() {
	local name=$1
	shift
	jq -r --arg n "$name" '.results[] | select(.command == $n) | .median' "$@"
}

ratio() {
	echo "scale=2; $1 / $2" | bc
}

# peak resident memory of a command line, in MB
peak_mb() {
	local kb
	kb=$(/usr/bin/time -f %M sh -c "$1" 2>&1 > /dev/null | tail -n 1)
	echo $((kb / 1024))
}
