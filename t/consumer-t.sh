#!/bin/sh
# SPDX-License-Identifier: MIT
#
# consumer-t.sh - t/consumer.c, a program that embeds Python and calls the
# legacy names the ways C and C++ code does, builds against this tree's
# library and the configured Python as C with $CC and as C++ with g++ and
# clang++ (-std=c++11 -Wall -Wextra -Werror), and runs with every check
# passing.  A C++ compiler that is not installed is skipped.

set -u
. "$top_srcdir/t/tap/extension.sh"

# build_and_run NAME COMPILER FLAGS...: two TAP results.
build_and_run() {
	name=$1 compiler=$2
	shift 2
	dir=$build/t/consumer/$name
	mkdir -p "$dir"
	# shellcheck disable=SC2086 # the flags are lists of words
	$compiler "$@" -Wall -Wextra -Werror $PYTHON_CPPFLAGS $oldbuffer_cflags \
		-o "$dir/consumer" "$top_srcdir/t/consumer.c" \
		$LDFLAGS $oldbuffer_libs -Wl,-rpath,"$libs_dir" \
		$PYTHON_EMBED_LIBS >"$dir/build.out" 2>&1
	result $? "$name: $compiler $* -Wall -Wextra -Werror builds consumer.c" \
		"$dir/build.out"
	with_library "$dir/consumer" >"$dir/consumer.out" 2>&1
	status=$?
	grep -q '^not ok' "$dir/consumer.out" && status=1
	result "$status" "$name: it runs and every check passes" \
		"$dir/consumer.out"
}

echo "1..6"
build_and_run c "$CC" $CFLAGS
for cxx in g++ clang++; do
	if command -v "$cxx" >/dev/null 2>&1; then
		build_and_run "$cxx" "$cxx" -x c++ -std=c++11
	else
		for what in builds runs; do
			count=$((count + 1))
			echo "ok $count # SKIP $cxx is not installed"
		done
	fi
done
