# SPDX-License-Identifier: MIT
#
# libtap.sh - TAP output for the shell tests and the autopkgtests, after
# c-tap-harness's tests/tap/libtap.sh.  Sourced.  A test prints its plan,
# then one result per check:
#
#   plan 3
#   ok 'the module builds' build_it
#   ok_program 'it prints 4' 0 4 ./count
#   skip 'no g++ here'
#
# ok and ok_program keep what the command printed, and show it as TAP
# comments when the check fails.  A test that had a failure exits 1 (an
# autopkgtest fails by its exit status).
#
# Its own variables are named tap_*, so that a test's own names (count,
# status...) cannot disturb the numbering or the tally.

tap_count=0 tap_failures=0
tap_out=${TMPDIR:-/tmp}/libtap.$$
trap 'rm -f "$tap_out" "$tap_out".*; [ "$tap_failures" -eq 0 ] || exit 1' EXIT

# load_config: what configure found (t/tap/config.sh, which config.status
# makes in the build directory: a test runs there, under make check or by
# hand as sh ../t/NAME-t.sh).  build is the build directory's full name.
load_config() {
	[ -f t/tap/config.sh ] \
		|| bail "no t/tap/config.sh here: run the test from the build directory"
	. ./t/tap/config.sh
	build=$top_builddir
}

# plan N: N results follow.
plan() {
	echo "1..$1"
}

# skip_all REASON: no result follows, and why.
skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

# bail REASON: stop the whole test.
bail() {
	echo "Bail out! $1"
	exit 1
}

# diag TEXT...: TEXT as TAP comments.
diag() {
	printf '%s\n' "$*" | sed 's/^/# /'
}

# ok DESCRIPTION COMMAND [ARGUMENT...]: one result, which is COMMAND's
# exit status.  What COMMAND prints is shown only if it fails.
ok() {
	tap_description=$1
	shift
	tap_count=$((tap_count + 1))
	if "$@" >"$tap_out" 2>&1; then
		echo "ok $tap_count - $tap_description"
	else
		echo "not ok $tap_count - $tap_description"
		tap_failures=$((tap_failures + 1))
		sed 's/^/# /' "$tap_out"
	fi
}

# ok_program DESCRIPTION STATUS OUTPUT COMMAND [ARGUMENT...]: one result:
# COMMAND exits with STATUS and prints OUTPUT (stdout and stderr), exactly.
ok_program() {
	tap_description=$1 tap_status=$2 tap_wanted=$3
	shift 3
	tap_seen=$("$@" 2>&1) && tap_seen_status=0 || tap_seen_status=$?
	tap_count=$((tap_count + 1))
	if [ "$tap_seen_status" -eq "$tap_status" ] && [ "$tap_seen" = "$tap_wanted" ]; then
		echo "ok $tap_count - $tap_description"
	else
		echo "not ok $tap_count - $tap_description"
		tap_failures=$((tap_failures + 1))
		printf 'wanted (exit %s):\n%s\nseen (exit %s):\n%s\n' \
			"$tap_status" "$tap_wanted" "$tap_seen_status" "$tap_seen" | sed 's/^/# /'
	fi
}

# skip REASON: one result, skipped.
skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count # SKIP $1"
}

# skip_block N REASON: N results, skipped.
skip_block() {
	tap_n=$1
	while [ "$tap_n" -gt 0 ]; do
		skip "$2"
		tap_n=$((tap_n - 1))
	done
}

# all_ok COMMAND [ARGUMENT...]: COMMAND, a TAP program, exits 0 and none
# of its results is "not ok"; its output is printed.
all_ok() {
	"$@" >"$tap_out.all" 2>&1
	tap_all_ok_status=$?
	cat "$tap_out.all"
	! grep -q '^not ok' "$tap_out.all" && [ "$tap_all_ok_status" -eq 0 ]
	tap_all_ok_status=$?
	rm -f "$tap_out.all"
	return "$tap_all_ok_status"
}
