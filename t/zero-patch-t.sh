#!/bin/sh
# SPDX-License-Identifier: MIT
#
# zero-patch-t.sh - rebuild an unmodified legacy extension with build flags
# only, oldbuffer.pc's zero_patch_cflags and zero_patch_libs (README's
# recipe; buildflags.mk gives a Debian build the same): "-include
# oldbuffer.h", and GCC's oldbuffer.specs, which links libpyoldbuf after
# the objects, --as-needed.  t/legacymodule.c as it is never includes
# oldbuffer.h and defines PY_SSIZE_T_CLEAN before Python.h.  The flags go
# where build systems put LDFLAGS, before the objects, behind a
# -Wl,--as-needed as some distributions' linkers default to:
#  - the module, by a plain compiler call and by setuptools, keeps
#    PY_SSIZE_T_CLEAN working, needs libpyoldbuf.so.0 and agrees with the
#    interpreter;
#  - everything else in the same build is left alone: a module that calls
#    none of the four functions, a C and a C++ program (configure's and
#    meson's test programs are such), a library that is not Python's
#    (linked -z defs) and a static program link as without the flags, and
#    none of them needs libpyoldbuf.so.0.
# The specs file is GCC's: with another compiler (clang ignores -specs)
# the test is skipped, and PACKAGERS says what to do there.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/extension.sh"

zero_patch_cflags=$($PKG_CONFIG --variable=zero_patch_cflags oldbuffer)
zero_patch_libs=$($PKG_CONFIG --variable=zero_patch_libs oldbuffer)
# Python 3.8 to 3.12 still declare the legacy names deprecated in Python.h.
warnings="-Wall -Werror -Wno-deprecated-declarations"
dir=$build/t/zero-patch
rm -rf "$dir" && mkdir -p "$dir"

plan 16

# link OUTPUT FLAGS SOURCE...: compile and link as setuptools, autoconf
# and CMake do: CFLAGS and LDFLAGS, then the objects.
link() {
	output=$1 flags=$2
	shift 2
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC $CFLAGS $warnings $zero_patch_cflags $flags \
		$LDFLAGS -Wl,--as-needed $zero_patch_libs -Wl,-rpath,"$libs_dir" \
		-o "$output" "$@"
}
# needs_nothing FILE: FILE has no NEEDED libpyoldbuf.so.0.
needs_nothing() {
	$READELF -d "$1" >"$1.dynamic" && ! grep -q 'NEEDED.*libpyoldbuf' "$1.dynamic"
}

printf 'int main(void) { return 0; }\n' >"$dir/program.c"
: >"$dir/empty.specs"
if ! $CC -Werror -specs="$dir/empty.specs" -o "$dir/program" "$dir/program.c" \
	>"$dir/specs.out" 2>&1; then
	cat "$dir/specs.out" | sed 's/^/# /'
	skip_block 16 "$CC does not take GCC's specs files"
	exit 0
fi

mkdir -p "$dir/cc"
ok "cc, flags before the objects: the unmodified source builds, no warning" \
	link "$dir/cc/legacy$PYTHON_EXT_SUFFIX" "-fPIC -shared $PYTHON_CPPFLAGS" \
		"$top_srcdir/t/legacymodule.c"
ok "the module needs libpyoldbuf.so.0" \
	needs_libpyoldbuf "$dir/cc/legacy$PYTHON_EXT_SUFFIX"
ok "the module keeps PY_SSIZE_T_CLEAN and agrees with the interpreter" \
	run_extension_tests "$PYTHON" "$dir/cc"

# The rest of the same build.
cat >"$dir/plain.c" <<'SOURCE'
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef plain_module = {
	PyModuleDef_HEAD_INIT, "plain", NULL, -1, NULL, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_plain(void);

PyMODINIT_FUNC
PyInit_plain(void)
{
	return PyModule_Create(&plain_module);
}
SOURCE
ok "a module that calls none of the four functions builds" \
	link "$dir/plain$PYTHON_EXT_SUFFIX" "-fPIC -shared $PYTHON_CPPFLAGS" "$dir/plain.c"
ok "... and does not need libpyoldbuf.so.0" needs_nothing "$dir/plain$PYTHON_EXT_SUFFIX"
ok "a C program links" link "$dir/program" "" "$dir/program.c"
ok "... runs" "$dir/program"
ok "... and does not need libpyoldbuf.so.0" needs_nothing "$dir/program"
printf 'extern "C" int puts(const char *);\nint main() { return puts("c++") < 0; }\n' \
	>"$dir/program.cc"
ok "a C++ program links" link "$dir/program-cc" "-x c++" "$dir/program.cc" -x none -lstdc++
ok "... runs" "$dir/program-cc"
ok "... and does not need libpyoldbuf.so.0" needs_nothing "$dir/program-cc"
printf 'int answer(void);\nint answer(void) { return 42; }\n' >"$dir/other.c"
ok "a library that is not Python's links with -z defs" \
	link "$dir/libother.so" "-fPIC -shared -Wl,-z,defs" "$dir/other.c"
ok "... and does not need libpyoldbuf.so.0" needs_nothing "$dir/libother.so"
ok "a static program links" link "$dir/program-static" "-static" "$dir/program.c"

if ! "$PYTHON" -c 'import setuptools' 2>/dev/null; then
	skip_block 2 "setuptools: $PYTHON has no setuptools module"
	exit 0
fi
mkdir -p "$dir/setuptools"
cp "$top_srcdir/t/legacymodule.c" "$dir/setuptools/"
cat >"$dir/setuptools/setup.py" <<'SETUP'
from setuptools import setup, Extension
setup(name="legacy", ext_modules=[Extension("legacy", ["legacymodule.c"])])
SETUP
# setup_py: README's recipe through setuptools' CFLAGS and LDFLAGS.
setup_py() {
	(cd "$dir/setuptools" && CC=$CC CFLAGS="$CFLAGS $warnings $zero_patch_cflags" \
		LDFLAGS="-Wl,--as-needed $zero_patch_libs -Wl,-rpath,$libs_dir" \
		"$PYTHON" setup.py -q build_ext --inplace \
		&& needs_libpyoldbuf "legacy$PYTHON_EXT_SUFFIX")
}
ok "setup.py build_ext with CFLAGS/LDFLAGS builds it, and it needs libpyoldbuf.so.0" \
	setup_py
ok "the setuptools module agrees with the interpreter" \
	run_extension_tests "$PYTHON" "$dir/setuptools"
