#!/usr/bin/env bats
# inkcat: files, directories, archives, compression, encodings, errors.

load helper

setup() {
	cd_tmp
	# every awkward byte: CR, TAB, backslash, NUL, invalid UTF-8, no final
	# newline
	printf 'one\ttab\r\nback\\slash\n\nnul\000byte \377\376 bad\nlast' > awk.txt
	printf '新华社北京1月25日电\nWASHINGTON (AP) —\n' > wire.txt
}

@test "one line record per physical line, escaped" {
	run -0 --separate-stderr inkcat awk.txt
	assert_line -n 0 "$(printf 'awk.txt\t0\t1\tline\tone\\ttab\\r')"
	assert_line -n 1 "$(printf 'awk.txt\t0\t2\tline\tback\\\\slash')"
	assert_line -n 2 "$(printf 'awk.txt\t0\t3\tline\t')"
	assert_line -n 4 "$(printf 'awk.txt\t0\t5\tline\tlast\tnoeol=1')"
	[ "${#lines[@]}" -eq 5 ]
	[ -z "$stderr" ]
}

@test "SEQ counts across digit carries and restarts per document" {
	seq 1200 > n.txt
	cp n.txt m.txt
	run -0 bash -c 'inkcat n.txt m.txt | awk -F "\t" "\$3 != \$5 { print; bad = 1 } END { exit bad }"'
	[ "$(inkcat n.txt m.txt | wc -l)" -eq 2400 ]
	[ "$(inkcat n.txt m.txt | sed -n 1201p)" = "$(printf 'm.txt\t0\t1\tline\t1')" ]
}

@test "lossless: inkcat F | inkfmt -r gives F back byte for byte" {
	inkcat awk.txt | inkfmt -r > back
	cmp awk.txt back
	printf 'ends\n' > nl.txt
	inkcat nl.txt | inkfmt -r | cmp - nl.txt
	printf '\n\n' > blank.txt
	inkcat blank.txt | inkfmt -r | cmp - blank.txt
}

@test "an empty file gives no records" {
	: > empty
	run -0 inkcat empty
	assert_output ''
}

@test "stdin is the document -" {
	run -0 inkcat < wire.txt
	assert_line -n 0 "$(printf -- '-\t0\t1\tline\t新华社北京1月25日电')"
	run -0 inkcat - < wire.txt
	assert_line -n 1 "$(printf -- '-\t0\t2\tline\tWASHINGTON (AP) —')"
}

@test "round trips on the shared corpus" {
	need_corpus xinhua-page
	for f in "$CORPUS"/xinhua-page/*.md "$CORPUS"/reuters21578/reut2-000.sgm \
	    "$CORPUS"/sogou/news_sohusite_xml.smarty.dat; do
		[ -e "$f" ] || continue
		inkcat "$f" | inkfmt -r | cmp - "$f"
	done
}

@test "archives and compressed files made here: DOC is ARCHIVE#MEMBER" {
	mkdir d && cp awk.txt wire.txt d/
	tar -C d -czf t.tar.gz awk.txt wire.txt
	tar -C d -cJf t.tar.xz awk.txt wire.txt
	tar -C d --zstd -cf t.tar.zst awk.txt wire.txt
	(cd d && zip -q ../t.zip awk.txt wire.txt)
	(cd d && printf 'awk.txt\nwire.txt\n' | cpio -o --quiet > ../t.cpio)
	(cd d && 7z a -bso0 -bsp0 ../t.7z awk.txt wire.txt)
	(cd d && ar qc ../t.a awk.txt wire.txt)
	tar -C d -cf - awk.txt wire.txt | lz4 -q > t.tar.lz4
	for a in t.tar.gz t.tar.xz t.tar.zst t.zip t.cpio t.7z t.a t.tar.lz4; do
		run -0 --separate-stderr inkcat "$a"
		assert_line -n 0 "$(printf '%s#awk.txt\t0\t1\tline\tone\\ttab\\r' "$a")"
		assert_line -n 5 "$(printf '%s#wire.txt\t0\t1\tline\t新华社北京1月25日电' "$a")"
		inkcat "$a" | inkfmt -r > back
		cat awk.txt wire.txt | cmp - back
	done
}

@test "single compressed files: .gz .bz2 .xz .zst .lz4 are one document each" {
	for z in gzip bzip2 xz zstd lz4; do
		$z -c wire.txt > "wire.$z"
		run -0 inkcat "wire.$z"
		assert_line -n 0 "$(printf 'wire.%s\t0\t1\tline\t新华社北京1月25日电' "$z")"
		inkcat "wire.$z" | inkfmt -r | cmp - wire.txt
	done
}

@test "a directory is walked in byte order of names" {
	mkdir -p dir/b dir/a
	echo two > dir/b/x.txt
	echo one > dir/a/y.txt
	echo zero > dir/B.txt
	run -0 inkcat dir
	assert_output "$(printf 'dir/B.txt\t0\t1\tline\tzero\ndir/a/y.txt\t0\t1\tline\tone\ndir/b/x.txt\t0\t1\tline\ttwo')"
}

@test "--include and --exclude select members" {
	mkdir d && echo a > d/a.xml && echo b > d/b.txt && echo c > d/c.xml
	tar -C d -czf t.tgz a.xml b.txt c.xml
	run -0 inkcat --include '*.xml' t.tgz
	assert_output "$(printf 't.tgz#a.xml\t0\t1\tline\ta\nt.tgz#c.xml\t0\t1\tline\tc')"
	run -0 inkcat -i '*.xml' -x 'c*' t.tgz
	assert_output "$(printf 't.tgz#a.xml\t0\t1\tline\ta')"
	run -0 inkcat --exclude '*.xml' d
	assert_output "$(printf 'd/b.txt\t0\t1\tline\tb')"
}

@test "GB18030 is detected and converted; -v says so" {
	iconv -f UTF-8 -t GB18030 wire.txt > gb.txt
	run -0 --separate-stderr inkcat -v gb.txt
	assert_line -n 0 "$(printf 'gb.txt\t0\t1\tline\t新华社北京1月25日电')"
	[ "$stderr" = "inkcat: gb.txt: GB18030, converted to UTF-8" ]
	run -0 --separate-stderr inkcat gb.txt
	[ -z "$stderr" ]
}

@test "GB18030 after a long ASCII stretch is still detected" {
	{ for i in $(seq 2000); do echo "plain ascii line $i"; done
	  cat wire.txt; } | iconv -f UTF-8 -t GB18030 > late.txt
	run -0 inkcat late.txt
	assert_line -n 2000 "$(printf 'late.txt\t0\t2001\tline\t新华社北京1月25日电')"
}

@test "UTF-16 with a BOM, little and big endian" {
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE wire.txt; } > le.txt
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE wire.txt; } > be.txt
	for f in le.txt be.txt; do
		run -0 --separate-stderr inkcat -v "$f"
		assert_line -n 1 "$(printf '%s\t0\t2\tline\tWASHINGTON (AP) —' "$f")"
		[[ "$stderr" == *"UTF-16"*"converted to UTF-8" ]]
	done
}

@test "-e forces an encoding; an unknown one is a usage error" {
	iconv -f UTF-8 -t BIG5 <<< '新聞' > big5.txt
	run -0 inkcat -e BIG5 big5.txt
	assert_output "$(printf 'big5.txt\t0\t1\tline\t新聞')"
	run -0 inkcat -e utf-8 awk.txt
	run -2 --separate-stderr inkcat -e NO-SUCH-CODE awk.txt
	[[ "$stderr" == "inkcat: unknown encoding: NO-SUCH-CODE"* ]]
}

@test "UTF-8 with a few stray bytes stays UTF-8, untouched" {
	{ cat wire.txt; printf 'bad \377 byte 中文\n'; } > stray.txt
	inkcat stray.txt | inkfmt -r | cmp - stray.txt
}

@test "the Sogou GBK sample is read as GB18030" {
	need_corpus sogou/news_tensite_xml.smarty.dat
	run -0 --separate-stderr inkcat -v "$CORPUS/sogou/news_tensite_xml.smarty.dat"
	assert_output --partial '新华社'
	[[ "$stderr" == *"GB18030, converted to UTF-8"* ]]
}

@test "a missing operand is reported; the others still come out; status 1" {
	run -1 --separate-stderr inkcat wire.txt nosuch.txt awk.txt
	[ "$stderr" = "inkcat: nosuch.txt: No such file or directory" ]
	assert_line -n 0 --partial 'wire.txt'
	assert_line -n 2 --partial 'awk.txt'
}

@test "a truncated .tar.gz: message naming the member, earlier members out" {
	mkdir d
	printf 'first member\n' > d/a.txt
	head -c 300000 /dev/urandom | base64 > d/b.txt
	tar -C d -czf t.tgz a.txt b.txt
	head -c 100000 t.tgz > cut.tgz
	run -1 --separate-stderr inkcat cut.tgz
	assert_line -n 0 "$(printf 'cut.tgz#a.txt\t0\t1\tline\tfirst member')"
	[[ "$stderr" == "inkcat: cut.tgz#b.txt:"*"rest skipped" ]]
}

@test "a corrupt zip: message naming the member, earlier members out" {
	mkdir d
	printf 'first member\n' > d/a.txt
	seq 100000 > d/b.txt
	(cd d && zip -q ../t.zip a.txt b.txt)
	# damage the deflated data of the second member
	size=$(stat -c %s t.zip)
	printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' |
	    dd of=t.zip bs=1 seek=$((size / 2)) conv=notrunc status=none
	run -1 --separate-stderr inkcat t.zip
	assert_line -n 0 "$(printf 't.zip#a.txt\t0\t1\tline\tfirst member')"
	[[ "$stderr" == "inkcat: t.zip#b.txt:"* ]]
}

@test "--max-member skips a member that is too large; status 1" {
	mkdir d && seq 1000 > d/big.txt && echo small > d/small.txt
	tar -C d -cf t.tar big.txt small.txt
	run -1 --separate-stderr inkcat --max-member 1K t.tar
	assert_output "$(printf 't.tar#small.txt\t0\t1\tline\tsmall')"
	[[ "$stderr" == "inkcat: t.tar#big.txt: 3893 bytes, longer than --max-member (1024); skipped" ]]
	gzip -c d/big.txt > big.gz
	run -1 --separate-stderr inkcat -M 1K big.gz
	[[ "$stderr" == "inkcat: big.gz:"*"longer than --max-member"* ]]
}

@test "--max-ratio stops a decompression bomb; status 1" {
	# 80 MB of one line, which bzip2 makes a few hundred bytes
	yes 'the same line' | head -c 80000000 | bzip2 -9 > bomb.bz2
	run -1 --separate-stderr bash -c 'set -o pipefail; inkcat bomb.bz2 | wc -l'
	[[ "$stderr" == "inkcat: bomb.bz2:"*"expands more than 1000 times (--max-ratio): a decompression bomb?; rest skipped" ]]
	[ "$output" -lt 5714286 ]
	# with the check off, all of it
	run -0 bash -c 'inkcat -B 0 bomb.bz2 | wc -l'
	assert_output 5714286
	run -2 inkcat -B -1 bomb.bz2
}

@test "--max-record skips an over-long line, says which; the rest comes out" {
	{ echo short; head -c 5000 /dev/zero | tr '\0' x; echo; echo after; } > long.txt
	run -1 --separate-stderr inkcat -R 1K long.txt
	[ "$stderr" = "inkcat: long.txt:2: line of 5000 bytes is longer than --max-record (1024); skipped" ]
	assert_output "$(printf 'long.txt\t0\t1\tline\tshort\nlong.txt\t0\t3\tline\tafter')"
	run -2 inkcat -R 12Q long.txt
}

@test "output is live: each line comes out before the input ends" {
	mkfifo fifo
	inkcat < fifo > out &
	pid=$!
	exec 5> fifo
	printf 'first line\n' >&5
	for i in $(seq 50); do [ -s out ] && break; sleep 0.1; done
	run cat out
	exec 5>&-
	wait "$pid"
	assert_output "$(printf -- '-\t0\t1\tline\tfirst line')"
}

@test "writing to a full disk is an error, status 2" {
	seq 100000 > many.txt
	run -2 --separate-stderr bash -c 'inkcat many.txt > /dev/full'
	[ "$stderr" = "inkcat: write error on stdout: No space left on device" ]
}

@test "| head -n 1 ends quietly with status 0" {
	seq 1000000 > many.txt
	run -0 --separate-stderr bash -c 'set -o pipefail; inkcat many.txt | head -n 1'
	assert_output "$(printf 'many.txt\t0\t1\tline\t1')"
	[ -z "$stderr" ]
}

@test "a directory on stdin is an error" {
	mkdir d
	run -1 --separate-stderr inkcat - < d
	[[ "$stderr" == "inkcat: -: is a directory" ]]
}

@test "--help, --version, bad options" {
	run -0 inkcat --help
	assert_line -n 0 --partial 'usage: inkcat'
	run -0 inkcat --version
	assert_output --regexp '^inkcat [0-9]+\.[0-9]+\.[0-9]+$'
	run -2 --separate-stderr inkcat --no-such-option
	[[ "$stderr" == "inkcat: bad option: --no-such-option"* ]]
}

@test "-P draws progress on a terminal's stderr, and nothing when it is not one" {
	command -v script > /dev/null || skip "no script(1)"
	seq 200000 > many.txt
	run script -qec "inkcat -P many.txt > /dev/null" /dev/null
	assert_output --regexp 'inkcat: [0-9.]+ MB read, 1 documents, [0-9.]+ MB/s'
	run -0 --separate-stderr inkcat -P many.txt
	[ -z "$stderr" ]
}

@test "all byte values at all offsets: lossless, and the same records as a reference" {
	# 200000 bytes of all 256 values, a newline one time in 50, fixed seed
	perl -e 'srand(7); for (1..200000) {
	    print rand() < 0.02 ? "\n" : chr(int(rand(256))) }' > bytes.bin
	printf 'tail without newline \\ \t' >> bytes.bin
	inkcat bytes.bin | inkfmt -r | cmp - bytes.bin
	# the reference: escape with perl, line by line
	perl -ne 'my $nl = chomp; s/\\/\\\\/g; s/\t/\\t/g; s/\r/\\r/g;
	    print "bytes.bin\t0\t$.\tline\t$_", ($nl ? "" : "\tnoeol=1"), "\n"' \
	    bytes.bin > want
	inkcat bytes.bin | cmp - want
}

@test "a large file comes back byte for byte across read boundaries" {
	# 128 KiB reads: lines and UTF-8 characters cut at their edges
	for i in $(seq 3); do cat "$DATA/demo/zh-page.md"; done > unit
	while [ "$(stat -c %s unit)" -lt 12000000 ]; do cat unit unit > u2; mv u2 unit; done
	printf 'no newline at the end' >> unit
	inkcat unit | inkfmt -r | cmp - unit
	[ "$(inkcat unit | wc -l)" -eq "$(( $(wc -l < unit) + 1 ))" ]
}
