#!/bin/sh
# SPDX-License-Identifier: MIT
#
# cxx-t.sh - C++ consumers: t/consumer.cc, which calls the legacy names the
# ways C++ code does, builds with g++ and with clang++ under
# -std=c++11 -Wall -Wextra -Werror against this tree's library and the
# configured Python, and runs with every check passing.  A compiler that
# is not installed is skipped.

set -u
. "$top_srcdir/t/tap/extension.sh"

compilers="g++ clang++"
echo "1..4"
for cxx in $compilers; do
	if ! command -v "$cxx" >/dev/null 2>&1; then
		for what in builds runs; do
			count=$((count + 1))
			echo "ok $count # SKIP $cxx is not installed"
		done
		continue
	fi
	dir=$build/t/cxx/$cxx
	mkdir -p "$dir"
	# shellcheck disable=SC2086 # the flags are lists of words
	"$cxx" -std=c++11 -Wall -Wextra -Werror $PYTHON_CPPFLAGS \
		$oldbuffer_cflags -o "$dir/consumer" "$top_srcdir/t/consumer.cc" \
		$LDFLAGS $oldbuffer_libs -Wl,-rpath,"$libs_dir" \
		$PYTHON_EMBED_LIBS >"$dir/build.out" 2>&1
	status=$?
	[ "$status" -eq 0 ] || sed 's/^/# /' "$dir/build.out"
	result "$status" "$cxx -std=c++11 -Wall -Wextra -Werror builds consumer.cc"
	"$dir/consumer" >"$dir/consumer.out" 2>&1
	status=$?
	grep -q '^not ok' "$dir/consumer.out" && status=1
	[ "$status" -eq 0 ] || sed 's/^/# /' "$dir/consumer.out"
	result "$status" "the $cxx build runs and every check passes"
done
