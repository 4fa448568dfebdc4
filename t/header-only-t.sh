#!/bin/sh
# SPDX-License-Identifier: MIT
#
# header-only-t.sh - oldbuffer.h with PYOLDBUF_HEADER_ONLY, nothing linked:
# t/legacymodule.c built that way (ported: including oldbuffer.h, as the
# unmodified source with "-DPYOLDBUF_HEADER_ONLY -include oldbuffer.h",
# and, for Python >= 3.11, with Py_LIMITED_API=0x030B0000) imports, agrees
# with the interpreter, needs no libpyoldbuf and takes no pyoldbuf_ symbol
# from elsewhere; with Py_LIMITED_API below 3.11 the header stops with its
# error.  An unmodified source that defines Py_LIMITED_API itself, rebuilt
# with "-DPYOLDBUF_HEADER_ONLY -include oldbuffer.h", never gets the full
# API: it stops compiling with the header's message, and builds against
# the Limited API when the command line gives it too.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
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
	ok "$2: builds with no link flags and no warning" \
		$CC $CFLAGS -fPIC -Wall -Werror $PYTHON_CPPFLAGS $3 -shared \
			-o "$module" "$top_srcdir/t/legacymodule.c" $LDFLAGS
	ok "$2: needs no libpyoldbuf, takes no pyoldbuf_ symbol" \
		links_nothing "$module"
	ok "$2: agrees with the interpreter" run_extension_tests "$PYTHON" "$dir"
}

# limited_api VALUE: this Python.h accepts Py_LIMITED_API=VALUE (a
# free-threaded CPython before 3.15 has no Limited API and stops with an
# #error); if not, refused() is the compiler's complaint.
limited_api() {
	printf '#include <Python.h>\n' >"$build/t/header-only-ext/limited.c"
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC $CFLAGS $PYTHON_CPPFLAGS -DPy_LIMITED_API="$1" -fsyntax-only \
		"$build/t/header-only-ext/limited.c" >"$build/t/header-only-ext/limited.out" 2>&1
}
refused() {
	grep -m 1 error "$build/t/header-only-ext/limited.out"
}

plan 13
variant include "legacymodule.c including oldbuffer.h" "-DLEGACY_PORTED $header_only"
variant zero-patch "the unmodified legacymodule.c with -include oldbuffer.h" \
	"$header_only -include oldbuffer.h"
# The oldest Limited API with the buffer protocol that this Python has:
# 3.11's, or for a free-threaded one abi3t, 3.15's.
mkdir -p "$build/t/header-only-ext"
limited=0x030B0000
[ "$(python_flag "$PYTHON" 'sysconfig.get_config_var("Py_GIL_DISABLED")')" = 1 ] \
	&& limited=0x030F0000
# no_limited: why there is none here, or nothing.
no_limited=
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
	no_limited="the Limited API has the buffer protocol from 3.11"
elif ! limited_api "$limited"; then
	no_limited="this Python.h refuses Py_LIMITED_API=$limited: $(refused)"
fi
if [ -n "$no_limited" ]; then
	skip_block 3 "$no_limited"
else
	variant limited "legacymodule.c with Py_LIMITED_API=$limited" \
		"-DPy_LIMITED_API=$limited -DLEGACY_PORTED $header_only"
fi

# A source that asks for the Limited API itself; with -DFULL_API_USE it
# also does what only the full API allows.
dir=$build/t/header-only-ext/own-limited
mkdir -p "$dir"
cat >"$dir/own.c" <<EOF
#define Py_LIMITED_API $limited
#define PY_SSIZE_T_CLEAN
#include <Python.h>

const char *type_name(PyObject *o);
int read_length(PyObject *o);

const char *type_name(PyObject *o)
{
#ifdef FULL_API_USE
	return Py_TYPE(o)->tp_name;
#else
	(void)o;
	return "";
#endif
}

int read_length(PyObject *o)
{
	const void *b;
	Py_ssize_t n;

	return PyObject_AsReadBuffer(o, &b, &n) ? -1 : (int)n;
}
EOF
# own_limited [FLAGS]: compile own.c zero-patch header-only.
own_limited() {
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC $CFLAGS -fPIC -Wall -Werror $PYTHON_CPPFLAGS $header_only \
		-include oldbuffer.h "$@" -c -o "$dir/own.o" "$dir/own.c"
}
if [ -n "$no_limited" ]; then
	skip_block 3 "$no_limited"
else
	ok "a source defining Py_LIMITED_API, -include oldbuffer.h: stops, saying why" \
		stops_with Py_LIMITED_API_came_after_oldbuffer_h_included_Python_h_give_it_on_the_command_line \
		own_limited
	ok "the same with -DPy_LIMITED_API=$limited on the command line: builds" \
		own_limited "-DPy_LIMITED_API=$limited"
	ok "and it is the Limited API: Py_TYPE(o)->tp_name does not compile" \
		stops_with error own_limited "-DPy_LIMITED_API=$limited" -DFULL_API_USE
fi

dir=$build/t/header-only-ext/limited-3.6
mkdir -p "$dir"
if ! limited_api 0x03060000; then
	skip "this Python.h refuses Py_LIMITED_API=0x03060000 itself: $(refused)"
	exit 0
fi
# shellcheck disable=SC2086 # the flags are lists of words
ok "Py_LIMITED_API=0x03060000: oldbuffer.h stops with its #error" \
	stops_with 'PYOLDBUF_HEADER_ONLY with Py_LIMITED_API needs' \
	$CC $CFLAGS -fPIC $PYTHON_CPPFLAGS -DPy_LIMITED_API=0x03060000 -DLEGACY_PORTED $header_only \
		-c -o "$dir/legacy.o" "$top_srcdir/t/legacymodule.c"
