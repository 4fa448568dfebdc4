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
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/extension.sh"

# README's recipe.
recipe_cflags="$oldbuffer_cflags -include oldbuffer.h"
recipe_ldflags="-Wl,--push-state,--no-as-needed $oldbuffer_libs -Wl,--pop-state"
# Python 3.8 to 3.12 still declare the legacy names deprecated in Python.h.
warnings="-Wall -Werror -Wno-deprecated-declarations"

plan 6

dir=$build/t/zero-patch/cc
mkdir -p "$dir"
module=$dir/legacy$PYTHON_EXT_SUFFIX
ok "cc -include oldbuffer.h builds the unmodified source, no warning" \
	build_legacy "$module" \
		"$warnings $PYTHON_CPPFLAGS $recipe_cflags" \
		"-Wl,--as-needed $recipe_ldflags"
ok "under --as-needed the module still needs libpyoldbuf.so.0" \
	needs_libpyoldbuf "$module"
ok "the module keeps PY_SSIZE_T_CLEAN and agrees with the interpreter" \
	run_extension_tests "$PYTHON" "$dir"

dir=$build/t/zero-patch/setuptools
if ! "$PYTHON" -c 'import setuptools' 2>/dev/null; then
	skip_block 3 "setuptools: $PYTHON has no setuptools module"
	exit 0
fi
rm -rf "$dir" && mkdir -p "$dir"
cp "$top_srcdir/t/legacymodule.c" "$dir/"
cat >"$dir/setup.py" <<'SETUP'
from setuptools import setup, Extension
setup(name="legacy", ext_modules=[Extension("legacy", ["legacymodule.c"])])
SETUP
# setup_py: README's recipe through setuptools' CFLAGS and LDFLAGS.
setup_py() {
	(cd "$dir" && CC=$CC CFLAGS="$CFLAGS $warnings $recipe_cflags" \
		LDFLAGS="-Wl,--as-needed $recipe_ldflags -Wl,-rpath,$libs_dir" \
		"$PYTHON" setup.py -q build_ext --inplace)
}
ok "setup.py build_ext with CFLAGS/LDFLAGS builds it, no warning" setup_py
ok "the setuptools module needs libpyoldbuf.so.0" \
	needs_libpyoldbuf "$dir/legacy$PYTHON_EXT_SUFFIX"
ok "the setuptools module agrees with the interpreter" \
	run_extension_tests "$PYTHON" "$dir"
