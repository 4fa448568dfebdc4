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

count=0 failures=0
tap_out=${TMPDIR:-/tmp}/libtap.$$
trap 'rm -f "$tap_out"; [ "$failures" -eq 0 ] || exit 1' EXIT

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
	description=$1
	shift
	count=$((count + 1))
	if "$@" >"$tap_out" 2>&1; then
		echo "ok $count - $description"
	else
		echo "not ok $count - $description"
		failures=$((failures + 1))
		sed 's/^/# /' "$tap_out"
	fi
}

# ok_program DESCRIPTION STATUS OUTPUT COMMAND [ARGUMENT...]: one result:
# COMMAND exits with STATUS and prints OUTPUT (stdout and stderr), exactly.
ok_program() {
	description=$1 status=$2 wanted=$3
	shift 3
	seen=$("$@" 2>&1) && seen_status=0 || seen_status=$?
	count=$((count + 1))
	if [ "$seen_status" -eq "$status" ] && [ "$seen" = "$wanted" ]; then
		echo "ok $count - $description"
	else
		echo "not ok $count - $description"
		failures=$((failures + 1))
		printf 'wanted (exit %s):\n%s\nseen (exit %s):\n%s\n' \
			"$status" "$wanted" "$seen_status" "$seen" | sed 's/^/# /'
	fi
}

# skip REASON: one result, skipped.
skip() {
	count=$((count + 1))
	echo "ok $count # SKIP $1"
}

# skip_block N REASON: N results, skipped.
skip_block() {
	n=$1
	while [ "$n" -gt 0 ]; do
		skip "$2"
		n=$((n - 1))
	done
}

# all_ok COMMAND [ARGUMENT...]: COMMAND, a TAP program, exits 0 and none
# of its results is "not ok"; its output is printed.
all_ok() {
	"$@" >"$tap_out.all" 2>&1
	all_ok_status=$?
	cat "$tap_out.all"
	! grep -q '^not ok' "$tap_out.all" && [ "$all_ok_status" -eq 0 ]
	all_ok_status=$?
	rm -f "$tap_out.all"
	return "$all_ok_status"
}
