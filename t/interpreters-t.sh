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
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/extension.sh"

set -- $ABI_PYTHONS
# The allocator chosen for $PYTHON under valgrind or the sanitizers
# (PYTHONMALLOC=malloc) is one that a free-threaded CPython refuses: the
# other interpreters run with their own.
unset PYTHONMALLOC
[ $# -gt 0 ] || skip_all "no other interpreter given (ABI_PYTHONS)"

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
	stops_with "ImportError: .*$3" with_library env PYTHONPATH="$1" "$2" -c 'import legacy'
}

# refused PYTHON DIR: the module in DIR, built for PYTHON, gets this
# build's SystemError at its first call, which names the build and PYTHON;
# and CheckReadBuffer, which cannot fail, returns 0 with that error set:
# checked_read() then returns None, which the interpreter refuses as "a
# result with an exception set" (a 1 would go on to AsReadBuffer, which
# raises the error itself).
refused() {
	with_library env PYTHONPATH="$2" "$1" -c '
import legacy
try:
    legacy.read(b"abc")
except SystemError as error:
    print(error)
else:
    print("no SystemError")
try:
    legacy.checked_read(b"abc")
except SystemError as error:
    print("CheckReadBuffer: 0 with the error set:",
          "returned a result with an exception set" in str(error)
          and str(error.__cause__).startswith("libpyoldbuf was built for"))' \
		>"$2/refusal.out" 2>&1
	status=$?
	cat "$2/refusal.out"
	grep -q "^libpyoldbuf was built for CPython ${built%t} .* and cannot serve Python ${version%t}\\." \
		"$2/refusal.out" \
		&& grep -qx "CheckReadBuffer: 0 with the error set: True" "$2/refusal.out" \
		&& [ "$status" -eq 0 ]
}

# zero_patch_refused PYTHON MODULE DIR: README's zero-patch build of
# MODULE links, but does not import.
zero_patch_refused() {
	build_legacy "$2" "$(python_includes "$1") $oldbuffer_cflags -include oldbuffer.h" \
		"$oldbuffer_libs" \
		&& fails_at_import "$3" "$1" 'libpyoldbuf.so.0: undefined symbol: Py'
}
# links_not PYTHON MODULE: building MODULE fails, ld naming the PyPy node.
links_not() {
	stops_with PYOLDBUF_PYPY_1.0 build_legacy "$2" \
		"-Wall -Werror -DLEGACY_PORTED $(python_includes "$1") $oldbuffer_cflags" \
		"$oldbuffer_libs"
}

plan $(($# * 2))
for python in "$@"; do
	version=$(flavour "$python")
	dir=$build/t/interpreters/$version
	mkdir -p "$dir"
	module=$dir/legacy$(python_flag "$python" 'sysconfig.get_config_var("EXT_SUFFIX")')
	if [ "$(implementation "$python")" = "$built_implementation" ]; then
		ok "legacymodule.c builds for Python $version ($python)" \
			build_legacy "$module" \
			"-Wall -Werror -DLEGACY_PORTED $(python_includes "$python") $oldbuffer_cflags" \
			"$oldbuffer_libs"
		if [ "$LIMITED_API" = yes ] || [ "$version" = "$built" ]; then
			ok "Python $version's module agrees with it on this build" \
				run_extension_tests "$python" "$dir"
		else
			ok "Python $version's module gets the SystemError of a $built build, no crash" \
				refused "$python" "$dir"
		fi
	elif [ "$built_implementation" = cpython ]; then
		ok "PyPy's module does not link against this CPython build: ld names PYOLDBUF_PYPY_1.0" \
			links_not "$python" "$module"
		ok "its zero-patch build links but does not import: CPython's symbols are missing" \
			zero_patch_refused "$python" "$module" "$dir"
	else
		ok "legacymodule.c builds for CPython $version ($python)" \
			build_legacy "$module" \
			"-Wall -Werror -DLEGACY_PORTED $(python_includes "$python") $oldbuffer_cflags" \
			"$oldbuffer_libs"
		ok "CPython $version's module does not import this PyPy build: its symbols are PyPy's" \
			fails_at_import "$dir" "$python" 'libpyoldbuf.so.0: undefined symbol: PyPy'
	fi
done
