#!/usr/bin/env bats
# What every program promises (ink(7)): help, version, usage errors, empty
# input, stdin as "-", bad bytes, a full disk, a closed pipe.

load helper

setup() {
	cd_tmp
	PROGS=$(cd "$REPO/bin" && ls)
	printf 'doc\t0\t1\tline\tgood \377 bytes.\n' > rec
}

@test "every program: --help to stdout, status 0; --version" {
	for p in $PROGS; do
		run -0 --separate-stderr "$p" --help
		assert_line -n 0 --partial "usage: $p"
		[ -z "$stderr" ]
		run -0 "$p" -V
		assert_output --regexp "^$p [0-9.]+$"
	done
}

@test "every program: an unknown option is one line and usage, status 2" {
	for p in $PROGS; do
		run -2 --separate-stderr "$p" --bogus < /dev/null
		[ -z "$output" ]
		[[ "$stderr" == "$p: bad option: --bogus"$'\n'"usage: $p"* ]]
	done
}

@test "every program: empty input, empty output, status 0" {
	for p in $PROGS; do
		run -0 --separate-stderr "$p" < /dev/null
		assert_output ''
		[ -z "$stderr" ]
	done
}

@test "every program: invalid UTF-8 passes without complaint" {
	run -0 --separate-stderr bash -c 'inkcat < rec | inkfmt -r | inkcat | inkfmt -r'
	assert_output "$(cat rec)"
	for p in $PROGS; do
		"$p" < rec > /dev/null
	done
}

@test "every program: > /dev/full fails fast with status 2" {
	for p in $PROGS; do
		run -2 --separate-stderr bash -c "yes \"\$(cat rec)\" | head -n 200000 | timeout 20 $p > /dev/full"
		[ "$stderr" = "$p: write error on stdout: No space left on device" ]
	done
}

@test "every program: yes | prog | head -n 1 ends, quietly, status 0" {
	for p in $PROGS; do
		run -0 --separate-stderr bash -c "set -o pipefail; yes \"\$(cat rec)\" | timeout 20 $p | head -n 1 > /dev/null; echo \${PIPESTATUS[1]}"
		[ "$output" = 0 ]
		[ -z "$stderr" ]
	done
}

@test "a terminal on stdin is refused, not waited on" {
	command -v script > /dev/null || skip "no script(1)"
	for p in $PROGS; do
		run script -qec "$p" /dev/null
		assert_output --partial "$p: stdin is a terminal"
	done
}

@test "the tests' retry_hung passes on what the second run writes, not what the hung one did" {
	cd_tmp
	# the first run writes half and hangs; the second writes all
	cat > twice <<-'SH'
	if [ -e ran ]; then echo whole; exit 0; fi
	touch ran; echo half; exec sleep 30
	SH
	RETRY_HUNG_AFTER=1 run -0 retry_hung sh twice
	assert_output 'whole'
}
