#!/bin/sh
# SPDX-License-Identifier: MIT
#
# zero-patch-t.sh - rebuild an unmodified legacy extension with build flags
# only: t/legacymodule.c as it is never includes oldbuffer.h and defines PY_SSIZE_T_CLEAN before Python.h; README's recipe
# adds "-include oldbuffer.h" and the library.  Tried with a plain compiler
# call and with setuptools (CFLAGS/LDFLAGS), under --as-needed as some
# distributions' linkers default to.  Each build must keep PY_SSIZE_T_CLEAN
# working (legacy.length() parses "y#"), need libpyoldbuf.so.0, and agree
# with the interpreter.

set -u
. "$top_srcdir/t/tap/extension.sh"

# README's recipe.
recipe_cflags="$oldbuffer_cflags -include oldbuffer.h"
recipe_ldflags="-Wl,--push-state,--no-as-needed $oldbuffer_libs -Wl,--pop-state"
# Python 3.8 to 3.12 still declare the legacy names deprecated in Python.h.
warnings="-Wall -Werror -Wno-deprecated-declarations"

echo 1..6

dir=$build/t/zero-patch/cc
mkdir -p "$dir"
module=$dir/legacy$PYTHON_EXT_SUFFIX
build_legacy "$module" \
	"$warnings $PYTHON_CPPFLAGS $recipe_cflags" \
	"-Wl,--as-needed $recipe_ldflags"
result $? "cc -include oldbuffer.h builds the unmodified source, no warning"
needs_libpyoldbuf "$module"
result $? "under --as-needed the module still needs libpyoldbuf.so.0"
run_extension_tests "$PYTHON" "$dir"
result $? "the module keeps PY_SSIZE_T_CLEAN and agrees with the interpreter"

dir=$build/t/zero-patch/setuptools
if ! "$PYTHON" -c 'import setuptools' 2>/dev/null; then
	for what in builds needs agrees; do
		count=$((count + 1))
		echo "ok $count # SKIP setuptools: $PYTHON has no setuptools module"
	done
	exit 0
fi
rm -rf "$dir" && mkdir -p "$dir"
cp "$top_srcdir/t/legacymodule.c" "$dir/"
cat >"$dir/setup.py" <<'SETUP'
from setuptools import setup, Extension
setup(name="legacy", ext_modules=[Extension("legacy", ["legacymodule.c"])])
SETUP
(cd "$dir" && CC=$CC CFLAGS="$CFLAGS $warnings $recipe_cflags" \
	LDFLAGS="-Wl,--as-needed $recipe_ldflags -Wl,-rpath,$libs_dir" \
	"$PYTHON" setup.py -q build_ext --inplace >setup.out 2>&1)
result $? "setup.py build_ext with CFLAGS/LDFLAGS builds it, no warning" \
	"$dir/setup.out"
needs_libpyoldbuf "$dir/legacy$PYTHON_EXT_SUFFIX"
result $? "the setuptools module needs libpyoldbuf.so.0"
run_extension_tests "$PYTHON" "$dir"
result $? "the setuptools module agrees with the interpreter"
