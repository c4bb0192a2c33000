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
