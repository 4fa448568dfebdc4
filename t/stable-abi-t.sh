#!/bin/sh
# SPDX-License-Identifier: MIT
#
# stable-abi-t.sh - one Limited-API build of the library serves every
# CPython >= 3.11: t/legacy.c built for each interpreter of ABI_PYTHONS
# (configure finds python3.11 ... python3.14 on PATH, or takes the list)
# runs against this very libpyoldbuf.so and agrees with that interpreter.

set -u
. "$top_srcdir/t/tap/extension.sh"

if [ "$LIMITED_API" != yes ]; then
	echo "1..0 # SKIP the library is not a Limited-API build"
	exit 0
fi
set -- $ABI_PYTHONS
if [ $# -eq 0 ]; then
	echo "1..0 # SKIP no other CPython >= 3.11 given (ABI_PYTHONS)"
	exit 0
fi

echo "1..$(($# * 2))"
for python in "$@"; do
	version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
	dir=$build/t/stable-abi/$version
	mkdir -p "$dir"
	module=$dir/legacy$(python_flag "$python" 'sysconfig.get_config_var("EXT_SUFFIX")')
	build_legacy "$module" \
		"-Wall -Werror $(python_includes "$python") $oldbuffer_cflags" \
		"$oldbuffer_libs"
	result $? "legacy.c builds for Python $version ($python)"
	run_extension_tests "$python" "$dir"
	result $? "Python $version's module agrees with it on this build"
done
