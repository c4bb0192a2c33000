# Loaded by every .bats file: bats-support, bats-assert, bin/ first on PATH.
bats_require_minimum_version 1.5.0
load /usr/lib/bats/bats-support/load
load /usr/lib/bats/bats-assert/load

REPO=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
PATH="$REPO/bin:$PATH"
DATA="$REPO/tests/data"
SHARED=${INK_SHARED:-$REPO/../shared}
CORPUS="$SHARED/corpus"

# skip, visibly, when ../shared is not beside the checkout
need_corpus() {
	[ -e "$CORPUS/$1" ] || skip "no $CORPUS/$1 (../shared is absent)"
}

# run a command in the test's own directory
cd_tmp() {
	cd "$BATS_TEST_TMPDIR"
}

# run "$@", a command, and again once if it hangs a minute: GNU parallel
# 20221122's --shard now and then hangs in its own perl threads (once in
# 60 to 80 runs here, with no ink program in the pipe at all)
retry_hung() {
	local s=0 out
	out=$(mktemp)
	timeout "${RETRY_HUNG_AFTER:-60}" "$@" > "$out" || s=$?
	if [ "$s" -eq 124 ]; then
		# what the hung run wrote is not passed on: only the second's
		echo "# hung, run once more: $*" >&3
		s=0
		timeout "${RETRY_HUNG_AFTER:-60}" "$@" > "$out" || s=$?
	fi
	cat "$out"
	rm -f "$out"
	return "$s"
}
