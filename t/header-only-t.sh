#!/bin/sh
# SPDX-License-Identifier: MIT
#
# header-only-t.sh - oldbuffer.h with PYOLDBUF_HEADER_ONLY, nothing linked:
# t/legacy.c built that way (as a source that includes oldbuffer.h, as the
# unmodified source with "-DPYOLDBUF_HEADER_ONLY -include oldbuffer.h",
# and, for Python >= 3.11, with Py_LIMITED_API=0x030B0000) imports, agrees
# with the interpreter, needs no libpyoldbuf and takes no pyoldbuf_ symbol
# from elsewhere; with Py_LIMITED_API below 3.11 the header stops with its
# error.

set -u
. "$top_srcdir/t/tap/extension.sh"

header_only="-DPYOLDBUF_HEADER_ONLY -I$top_srcdir/include"

# links_nothing MODULE: no NEEDED libpyoldbuf, no undefined pyoldbuf_ or
# legacy name.
links_nothing() {
	! $READELF -d "$1" | grep -q 'NEEDED.*libpyoldbuf' \
		&& ! $NM -D -u "$1" \
			| grep -q 'pyoldbuf_\|PyObject_\(AsChar\|AsRead\|CheckRead\|AsWrite\)Buffer$'
}

# variant NAME DESCRIPTION COMPILE_FLAGS: three TAP results.
variant() {
	dir=$build/t/header-only-ext/$1
	mkdir -p "$dir"
	module=$dir/legacy$PYTHON_EXT_SUFFIX
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC $CFLAGS -fPIC -Wall -Werror $PYTHON_CPPFLAGS $3 -shared \
		-o "$module" "$top_srcdir/t/legacy.c" $LDFLAGS >"$dir/build.out" 2>&1
	result $? "$2: builds with no link flags and no warning" "$dir/build.out"
	links_nothing "$module"
	result $? "$2: needs no libpyoldbuf, takes no pyoldbuf_ symbol"
	run_extension_tests "$PYTHON" "$dir"
	result $? "$2: agrees with the interpreter"
}

echo 1..10
variant include "legacy.c including oldbuffer.h" "$header_only"
variant zero-patch "the unmodified legacy.c with -include oldbuffer.h" \
	"-DLEGACY_UNPATCHED $header_only -include oldbuffer.h"
if "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
	variant limited "legacy.c with Py_LIMITED_API=0x030B0000" \
		"-DPy_LIMITED_API=0x030B0000 $header_only"
else
	for what in builds links agrees; do
		count=$((count + 1))
		echo "ok $count # SKIP the Limited API has the buffer protocol from 3.11"
	done
fi

dir=$build/t/header-only-ext/limited-3.6
mkdir -p "$dir"
# shellcheck disable=SC2086 # the flags are lists of words
$CC $CFLAGS -fPIC $PYTHON_CPPFLAGS -DPy_LIMITED_API=0x03060000 $header_only \
	-c -o "$dir/legacy.o" "$top_srcdir/t/legacy.c" >"$dir/build.out" 2>&1
status=$?
grep -q 'PYOLDBUF_HEADER_ONLY with Py_LIMITED_API needs' "$dir/build.out" \
	&& [ "$status" -ne 0 ]
result $? "Py_LIMITED_API=0x03060000: oldbuffer.h stops with its #error"
