# SPDX-License-Identifier: MIT
#
# .ci/lib.sh - what the stages of .ci/run share: where they work, and how
# a result is counted.  Each result is a line "PASSED FAILED SKIPPED
# LABEL" in _ci/results, which .ci/run adds up at the end.  A make check
# counts by its .trs files (their ":test-result:" lines, which the
# Automake manual documents), a TAP program by its TAP, anything else is
# one result by its exit status.
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

# tap_results NAME FILE: the TAP in FILE, its failures shown; a failure
# too unless it ran as many tests as it planned.
tap_results() {
	local p f s planned
	grep '^not ok' "$2"
	p=$(grep -c '^ok' "$2") s=$(grep -c '^ok .*# SKIP' "$2")
	f=$(grep -c '^not ok' "$2") planned=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$2")
	echo "$1: $((p - s)) passed, $f failed, $s skipped"
	count "$((p - s))" "$f" "$s" "$1"
	[ "$((p + f))" = "${planned:-none}" ] \
		|| { tail -n 20 "$2"; fail "$1: ran $((p + f)) of ${planned:-no plan}"; }
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

# readme_command N: the Nth command of README's Quick start, as README
# shows it (its indented block, continuation lines and all): CI runs what
# a reader types.
readme_command() {
	awk -v n="$1" '
		/^Quick start/ { quick = 1; next }
		quick && /^[A-Za-z]/ && block >= n { exit }
		quick && /^    [^ ]/ && !inside { inside = 1; block++ }
		quick && inside && !/^    / { inside = 0 }
		quick && inside && block == n { sub(/^    /, ""); print }
	' README
}
# What command 1's extension prints first.
readme_output="AsReadBuffer(b\"legacy\"): b'legacy'"

# autopkgtest_results LABEL SUMMARY LOG: one result per test of an
# autopkgtest --summary-file, and a failure unless it ran every test of
# debian/tests/control; LOG is shown for a test that did not pass.
autopkgtest_results() {
	local test result
	while read -r test result _; do
		if [ "$result" = PASS ]; then pass "${1}autopkgtest $test"
		else tail -n 40 "$3"; fail "${1}autopkgtest $test: $result"; fi
	done <"$2"
	[ "$(wc -l <"$2")" -eq "$(grep -c '^Tests:' debian/tests/control)" ] \
		|| fail "${1}autopkgtest did not run every test of debian/tests/control"
}
