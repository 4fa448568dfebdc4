#!/bin/sh
# SPDX-License-Identifier: MIT
#
# no-legacy-names-t.sh - what pyoldbuf-porting(3) says of
# PYOLDBUF_NO_LEGACY_NAMES: with it, oldbuffer.h declares the pyoldbuf_
# names only, so a legacy call left in a source is undeclared on Python
# 3.13 and later (earlier Pythons declare it themselves); that is an error
# with -Werror=implicit-function-declaration, and without it with gcc 14
# or later or clang 16 or later, while older compilers warn and compile it.

set -u
. "${0%/*}/tap/libtap.sh"
load_config

dir=$build/t/no-legacy-names
mkdir -p "$dir"
cat >"$dir/legacy.c" <<'SOURCE'
#define PY_SSIZE_T_CLEAN
#define PYOLDBUF_NO_LEGACY_NAMES
#include <Python.h>
#include <oldbuffer.h>

int
read_it(PyObject *obj, const void **data, Py_ssize_t *len)
{
    return PyObject_AsReadBuffer(obj, data, len);
}
SOURCE
sed 's/PyObject_AsReadBuffer/pyoldbuf_as_read_buffer/' "$dir/legacy.c" >"$dir/ported.c"

# compile SOURCE FLAGS...: compile SOURCE to an object, the compiler's
# messages in $dir/out.
compile() {
	source=$1
	shift
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC $CFLAGS $PYTHON_CPPFLAGS -I"$top_srcdir/include" "$@" \
		-c -o "$dir/out.o" "$dir/$source" >"$dir/out" 2>&1
}
# undeclared_error FLAGS...: legacy.c does not compile, for the undeclared
# legacy name.
undeclared_error() {
	! compile legacy.c "$@" || { echo "it compiled"; return 1; }
	cat "$dir/out"
	grep -q "implicit declaration of function .PyObject_AsReadBuffer" "$dir/out"
}
# undeclared_warning: legacy.c compiles, with a warning for the name.
undeclared_warning() {
	compile legacy.c || { cat "$dir/out"; return 1; }
	cat "$dir/out"
	grep -q "implicit declaration of function .PyObject_AsReadBuffer" "$dir/out"
}

plan 3
ok "the pyoldbuf_ names stay declared" \
	compile ported.c -Werror=implicit-function-declaration
case $PYTHON_VERSION in
3.[6-9] | 3.1[0-2])
	ok "Python $PYTHON_VERSION declares the legacy name itself" \
		compile legacy.c -Werror=implicit-function-declaration
	skip "Python $PYTHON_VERSION declares the legacy name: no compiler's default to check"
	;;
*)
	ok "-Werror=implicit-function-declaration: a legacy call is an error" \
		undeclared_error -Werror=implicit-function-declaration
	# The compiler's own default.
	printf '#if defined __clang__\nclang __clang_major__\n#elif defined __GNUC__\ngcc __GNUC__\n#endif\n' \
		>"$dir/compiler.c"
	# shellcheck disable=SC2046 # two words: the compiler and its major version
	set -- $($CC -E -P "$dir/compiler.c" | grep .)
	case ${1:-}-${2:-0} in
	gcc-1[4-9] | gcc-[2-9][0-9] | clang-1[6-9] | clang-[2-9][0-9])
		ok "$1 $2: a legacy call is an error by default" undeclared_error ;;
	gcc-* | clang-*)
		ok "$1 $2: a legacy call is a warning by default, and compiles" \
			undeclared_warning ;;
	*)
		skip "$CC is neither gcc nor clang" ;;
	esac
	;;
esac
