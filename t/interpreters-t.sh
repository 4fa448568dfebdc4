#!/bin/sh
# SPDX-License-Identifier: MIT
#
# interpreters-t.sh - which interpreters this build of the library serves,
# tried with t/legacymodule.c (ported) built for each interpreter of ABI_PYTHONS
# (configure finds python3.11 ... python3.15, their free-threaded
# python3.Nt and pypy3 on PATH, or takes the list), linked to this
# libpyoldbuf.so and run with it:
#  - a Limited-API build serves every CPython >= 3.11, with the GIL or
#    free-threaded: the module agrees with the interpreter;
#  - a build for one CPython version serves that version and build only:
#    from any other, the first call raises libpyoldbuf's SystemError,
#    which names the build and the interpreter, and nothing crashes;
#  - between CPython and PyPy (pypy3 in ABI_PYTHONS, or a PyPy build) the
#    pairing fails before any call: a PyPy module, which asks for the PyPy
#    build's symbol version, does not link against a CPython build (and its
#    zero-patch build, which cannot ask, does not import); a CPython module
#    does not import a PyPy build, whose symbols are PyPy's.

set -u
. "$top_srcdir/t/tap/extension.sh"

set -- $ABI_PYTHONS
# The allocator chosen for $PYTHON under valgrind or the sanitizers
# (PYTHONMALLOC=malloc) is one that a free-threaded CPython refuses: the
# other interpreters run with their own.
unset PYTHONMALLOC
if [ $# -eq 0 ]; then
	echo "1..0 # SKIP no other interpreter given (ABI_PYTHONS)"
	exit 0
fi

# flavour PYTHON: X.Y, X.Yt for a free-threaded build, pypyX.Y for PyPy.
flavour() {
	python_flag "$1" '("pypy" if sys.implementation.name == "pypy" else "") + "%d.%d%s" % (sys.version_info[:2] + ("t" if sysconfig.get_config_var("Py_GIL_DISABLED") else "",))'
}
built=$(flavour "$PYTHON")
implementation() {
	python_flag "$1" sys.implementation.name
}
built_implementation=$(implementation "$PYTHON")

# fails_at_import DIR PYTHON PATTERN: importing legacy from DIR fails with
# an ImportError that matches PATTERN.
fails_at_import() {
	with_library env PYTHONPATH="$1" "$2" -c 'import legacy' \
		>"$1/import.out" 2>&1
	status=$?
	grep -q "ImportError: .*$3" "$1/import.out" && [ "$status" -eq 1 ]
}

echo "1..$(($# * 2))"
for python in "$@"; do
	version=$(flavour "$python")
	dir=$build/t/interpreters/$version
	mkdir -p "$dir"
	module=$dir/legacy$(python_flag "$python" 'sysconfig.get_config_var("EXT_SUFFIX")')
	build_legacy "$module" \
		"-Wall -Werror -DLEGACY_PORTED $(python_includes "$python") $oldbuffer_cflags" \
		"$oldbuffer_libs" >"$dir/build.out" 2>&1
	status=$?
	if [ "$(implementation "$python")" != "$built_implementation" ]; then
		if [ "$built_implementation" = cpython ]; then
			grep -q 'PYOLDBUF_PYPY_1.0' "$dir/build.out" && [ $status -ne 0 ]
			result $? "PyPy's module does not link against this CPython build: ld names PYOLDBUF_PYPY_1.0" \
				"$dir/build.out"
			build_legacy "$module" \
				"$(python_includes "$python") $oldbuffer_cflags -include oldbuffer.h" \
				"$oldbuffer_libs" >"$dir/build.out" 2>&1 \
				&& fails_at_import "$dir" "$python" 'libpyoldbuf.so.0: undefined symbol: Py'
			result $? "its zero-patch build links but does not import: CPython's symbols are missing" \
				"$dir/import.out"
		else
			result $status "legacymodule.c builds for CPython $version ($python)" "$dir/build.out"
			fails_at_import "$dir" "$python" 'libpyoldbuf.so.0: undefined symbol: PyPy'
			result $? "CPython $version's module does not import this PyPy build: its symbols are PyPy's" \
				"$dir/import.out"
		fi
		continue
	fi
	result $status "legacymodule.c builds for Python $version ($python)" "$dir/build.out"
	if [ "$LIMITED_API" = yes ] || [ "$version" = "$built" ]; then
		run_extension_tests "$python" "$dir"
		result $? "Python $version's module agrees with it on this build"
	else
		with_library env PYTHONPATH="$dir" "$python" -c '
import legacy
try:
    legacy.read(b"abc")
except SystemError as error:
    print(error)
else:
    print("no SystemError")' >"$dir/refusal.out" 2>&1
		status=$?
		grep -q "^libpyoldbuf was built for CPython ${built%t} .* and cannot serve Python ${version%t}\\." \
			"$dir/refusal.out" && [ "$status" -eq 0 ]
		result $? "Python $version's module gets the SystemError of a $built build, no crash" \
			"$dir/refusal.out"
	fi
done
