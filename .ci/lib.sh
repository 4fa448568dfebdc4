# SPDX-License-Identifier: MIT
#
# .ci/lib.sh - what the stages of .ci/run share: where they work, and how
# a result is counted.  Each result is a line "PASSED FAILED SKIPPED
# LABEL" in _ci/results, which .ci/run adds up at the end.  A make check
# counts by its .trs files (their ":test-result:" lines, which the
# Automake manual documents), anything else is one result by its exit
# status.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
cache=${PYOLDBUF_CI_CACHE:-/var/cache/libpyoldbuf-ci}
results=$top/_ci/results
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$top/_ci/log"

# count PASSED FAILED SKIPPED LABEL
count() { echo "$*" >>"$results"; }
pass() { echo "ok: $*"; count 1 0 0 "$*"; }
fail() { echo "FAILED: $*"; count 0 1 0 "$*"; }

# tally NAME DIR [STAMP]: the results of the make check in DIR (of the
# .trs files newer than STAMP, if given).
tally() {
	local newer=() p f s
	[ $# -lt 3 ] || newer=(-newer "$3")
	read -r p f s < <(find "$2" -name '*.trs' "${newer[@]}" -exec cat {} + \
		| awk '/^:test-result: (PASS|XFAIL)/ { p++ }
			/^:test-result: (FAIL|XPASS|ERROR)/ { f++ }
			/^:test-result: SKIP/ { s++ }
			END { printf "%d %d %d\n", p, f, s }')
	echo "$1: $p passed, $f failed, $s skipped"
	count "$p" "$f" "$s" "$1"
	[ "$p" -gt 0 ] || fail "$1: no test ran"
}

# step NAME DIR COMMAND...: one result, COMMAND in DIR (its output in
# _ci/log/, the end of it shown on a failure).
step() {
	local name=$1 dir=$2 log=$top/_ci/log/$(echo "$1" | tr -c 'A-Za-z0-9._\n-' '-').out
	shift 2
	if (cd "$dir" && "$@") >"$log" 2>&1; then
		pass "$name"
	else
		tail -n 30 "$log"
		fail "$name"
	fi
}

# configured DIR NAME: what configure found for NAME, from the file that
# config.status made for the tests.
configured() {
	(. "$1/t/tap/config.sh" && eval "echo \"\$$2\"")
}
