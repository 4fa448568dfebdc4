#!/bin/sh
# SPDX-License-Identifier: MIT
#
# consumer-t.sh - t/consumer.c, a program that embeds Python and calls the
# legacy names the ways C and C++ code does, builds against this tree's
# library and the configured Python as C with $CC and as C++ with g++ and
# clang++ (-std=c++11 -Wall -Wextra -Werror), and runs with every check
# passing; then the same in header-only mode, linked to nothing but Python.
# A C++ compiler that is not installed is skipped.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/extension.sh"

# build_and_run NAME LIBS COMPILER FLAGS...: two TAP results.
build_and_run() {
	name=$1 libs=$2 compiler=$3
	shift 3
	dir=$build/t/consumer/$(echo "$name" | tr -c 'a-z0-9+\n' '-')
	mkdir -p "$dir"
	# shellcheck disable=SC2086 # the flags are lists of words
	ok "$name: $compiler $* -Wall -Wextra -Werror builds consumer.c" \
		$compiler "$@" -Wall -Wextra -Werror $PYTHON_CPPFLAGS $oldbuffer_cflags \
			-o "$dir/consumer" "$top_srcdir/t/consumer.c" \
			$LDFLAGS $libs -Wl,-rpath,"$libs_dir" $PYTHON_EMBED_LIBS
	ok "$name: it runs and every check passes" \
		all_ok with_library "$dir/consumer"
}

[ "$PYTHON_EMBEDDING" = yes ] \
	|| skip_all "$PYTHON cannot be embedded (PyPy has no C embedding API)"
plan 12
for mode in library header-only; do
	libs=$oldbuffer_libs flags=
	if [ $mode = header-only ]; then
		libs= flags=-DPYOLDBUF_HEADER_ONLY
	fi
	# shellcheck disable=SC2086 # the flags are lists of words
	build_and_run "c, $mode" "$libs" "$CC" $CFLAGS $flags
	for cxx in g++ clang++; do
		if command -v "$cxx" >/dev/null 2>&1; then
			build_and_run "$cxx, $mode" "$libs" "$cxx" -x c++ \
				-std=c++11 $flags
		else
			skip_block 2 "$cxx is not installed"
		fi
	done
done
