#!/bin/sh
# SPDX-License-Identifier: MIT
#
# scan-t.sh - pyoldbuf-scan on the fixtures of t/scan (every form a source
# can take: calls, declarations, addresses, macros that wrap calls, C++
# casts and raw strings, Cython with and without nogil, SWIG with and
# without Py_LIMITED_API, generated wrappers; and names in comments and
# strings, which are not uses), with the findings it must print written
# out below; its JSON and its exit status, as grep's; on t/legacymodule.c
# built three ways, which it must tell apart: with the zero-patch flags of
# oldbuffer.pc (libpyoldbuf), without libpyoldbuf (libpython's copies;
# from 3.13 on an undeclared call, the silent case) and header-only
# (nothing); its --advice for each;
# its man page.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/scan.sh"
. "$top_srcdir/t/tap/extension.sh"

scan_workdir scan-out

plan 32

# in_fixtures COMMAND...: COMMAND in t/scan, so that the file names
# printed are the fixtures' own.
in_fixtures() {
	(cd "$fixtures" && "$@")
}

# Every finding in the fixtures, which each must give, and nothing else.
findings="\
c-forms.c:8: PyObject_AsCharBuffer declaration
c-forms.c:11: PyObject_CheckReadBuffer declaration
c-forms.c:12: PyObject_AsWriteBuffer declaration
c-forms.c:15: PyObject_AsReadBuffer call
c-forms.c:17: PyObject_CheckReadBuffer call
c-forms.c:20: PyObject_AsReadBuffer address
c-forms.c:35: PyObject_AsReadBuffer call
c-forms.c:37: PyObject_AsWriteBuffer call
c-forms.c:38: PyObject_AsReadBuffer address
c-forms.c:40: PyObject_CheckReadBuffer call
c-kinds.c:10: PyObject_AsReadBuffer call
c-kinds.c:12: PyObject_CheckReadBuffer address
c-kinds.c:14: PyObject_AsWriteBuffer call
c-kinds.c:19: PyObject_AsCharBuffer definition
cxx-casts.cpp:18: PyObject_AsCharBuffer call
cxx-casts.cpp:20: PyObject_AsReadBuffer address
cxx-casts.cpp:23: PyObject_AsWriteBuffer call
cython-cname.pxi:5: PyObject_AsWriteBuffer declaration
cython-cname.pxi:11: PyObject_AsReadBuffer call
cython-cname.pxi:21: PyObject_AsWriteBuffer call
cython-cname.pxi:23: PyObject_CheckReadBuffer call
cython-gil.pyx:7: PyObject_AsReadBuffer declaration
cython-gil.pyx:9: PyObject_CheckReadBuffer declaration
cython-gil.pyx:15: PyObject_CheckReadBuffer call
cython-gil.pyx:17: PyObject_AsReadBuffer call
cython-nogil.pxd:6: PyObject_AsWriteBuffer declaration
cython-nogil.pxd:8: PyObject_AsCharBuffer declaration
cython-nogil.pxd:16: PyObject_AsWriteBuffer call
generated_wrap.c:16: PyObject_AsReadBuffer call
generated_wrap.c:26: PyObject_AsWriteBuffer call
swig-full.i:8: PyObject_AsReadBuffer swig-pybuffer
swig-limited.i:12: PyObject_AsReadBuffer swig-pybuffer
swig-limited.i:13: PyObject_AsWriteBuffer swig-pybuffer"
for fixture in c-forms.c c-kinds.c cxx-casts.cpp cython-gil.pyx \
	cython-nogil.pxd cython-cname.pxi swig-limited.i swig-full.i \
	swig-comment.i generated_wrap.c clean.c; do
	case $fixture in
	c-forms.c) what="C: declarations, calls (in macros too), addresses; not comments, strings, #if" ;;
	cxx-casts.cpp) what="C++: a qualified call, casts; not a raw string, digit separators" ;;
	cython-gil.pyx) what="Cython: cdef extern declarations and calls; not comments, docstrings" ;;
	cython-nogil.pxd) what="Cython, nogil: the declarations, and the call with the GIL taken" ;;
	swig-limited.i) what="SWIG under Py_LIMITED_API: each pybuffer.i macro that generates a call" ;;
	swig-full.i) what="SWIG with the full API: the macro, nothing to fix (SWIG 3.0 alone calls)" ;;
	swig-comment.i) what="SWIG macros and Py_LIMITED_API in comments: nothing" ;;
	c-kinds.c) what="C: a call after a statement macro, comments before ( or ;, a definition" ;;
	cython-cname.pxi) what="Cython: a C name bound through a string, verbatim C, calls after a line's end" ;;
	generated_wrap.c) what="generated SWIG and Cython wrappers: the calls" ;;
	clean.c) what="names in comments, strings, #if and longer names: nothing" ;;
	esac
	wanted=$(echo "$findings" | grep "^$fixture:")
	# Exit 1 for a use to fix: anything but a declaration or a
	# definition, and SWIG's macros only under Py_LIMITED_API.
	status=0
	echo "$wanted" | grep -v ' \(declaration\|definition\)$' \
		| { grep -q -v ' swig-pybuffer$' || grep -q '#define Py_LIMITED_API' "$fixtures/$fixture"; } \
		&& [ -n "$wanted" ] && status=1
	ok_program "$what, exit $status" "$status" "$wanted" in_fixtures "$scan" "$fixture"
done

# No path: the current directory, every fixture in name order, as one by
# one (named without "./", as grep -r does).
each_fixture() {
	for file in $(cd "$fixtures" && ls | LC_ALL=C sort); do
		(cd "$fixtures" && "$scan" "$file")
	done
	return 1
}
ok_program "no path: the current directory, the findings of each file in name order" 1 \
	"$(each_fixture)" in_fixtures "$scan"

# --json: the same findings as the lines.
json_as_lines() {
	in_fixtures "$scan" --json c-forms.c >"$out/json"
	"$PYTHON" -c '
import json, sys
for f in json.load(open(sys.argv[1])):
    print("%s:%d: %s %s" % (f["file"], f["line"], f["name"], f["kind"]))' \
		"$out/json"
}
ok_program "--json: an array of the same findings" 0 \
	"$(in_fixtures "$scan" c-forms.c)" json_as_lines

ok_program "a path that does not exist: exit 2, saying why" 2 \
	"pyoldbuf-scan: no-such-file.c: No such file or directory" \
	in_fixtures "$scan" no-such-file.c
ok_program "an unknown option: exit 2, two lines" 2 \
	"pyoldbuf-scan: unrecognized option '--color'
Try 'pyoldbuf-scan --help' for more information." \
	"$scan" --color c-forms.c
ok_program "an error and a finding: exit 2, the finding printed" 2 \
	"pyoldbuf-scan: ../../NEWS: neither a C, C++, Cython or SWIG source nor an ELF file
cython-gil.pyx:7: PyObject_AsReadBuffer declaration
cython-gil.pyx:9: PyObject_CheckReadBuffer declaration
cython-gil.pyx:15: PyObject_CheckReadBuffer call
cython-gil.pyx:17: PyObject_AsReadBuffer call" \
	in_fixtures "$scan" ../../NEWS cython-gil.pyx

# Built modules: t/legacymodule.c, unmodified, three ways.
zero_patch_cflags=$($PKG_CONFIG --variable=zero_patch_cflags oldbuffer)
ok_program "oldbuffer.pc's zero_patch_cflags: its -I and -include oldbuffer.h" 0 \
	"-I$top_srcdir/include -include oldbuffer.h" echo "$zero_patch_cflags"
zero_patch=$out/zero-patch/legacy$PYTHON_EXT_SUFFIX
libpython=$out/libpython/legacy$PYTHON_EXT_SUFFIX
header_only=$out/header-only/legacy$PYTHON_EXT_SUFFIX
mkdir -p "${zero_patch%/*}" "${libpython%/*}" "${header_only%/*}"
# Linked with -lpyoldbuf after the source, which every compiler takes
# (zero_patch_libs is GCC's specs file; t/zero-patch-t.sh tries it).
ok "the zero-patch build with oldbuffer.pc's zero_patch_cflags, linked to libpyoldbuf" \
	build_legacy "$zero_patch" "$PYTHON_CPPFLAGS $zero_patch_cflags" "$oldbuffer_libs"
# Python 3.13's headers declare no legacy name: gcc 12 only warns, and
# the call binds libpython's ABI-only copy.
ok "the build without libpyoldbuf (undeclared calls from 3.13 on)" \
	build_legacy "$libpython" \
		"$PYTHON_CPPFLAGS -Wno-implicit-function-declaration" ""
ok "the header-only build" \
	build_legacy "$header_only" \
		"$PYTHON_CPPFLAGS -DPYOLDBUF_HEADER_ONLY $zero_patch_cflags" ""

ok_program "the zero-patch module: the four pyoldbuf_ imports, nothing to fix" 0 \
	"$(imports "$zero_patch" libpyoldbuf-import "$pyoldbuf_names")" \
	sorted_scan "$zero_patch"
# PyPy's headers name the functions PyPyObject_*: its modules take
# nothing from a libpython.
pypy=no
[ "$(python_flag "$PYTHON" sys.implementation.name)" = pypy ] && pypy=yes
if [ $pypy = yes ]; then
	skip "PyPy: the legacy names are PyPy's own (PyPyObject_*)"
else
	ok_program "the module without libpyoldbuf: the four legacy names from libpython" 1 \
		"$(imports "$libpython" abi-only-import "$legacy_names")" \
		sorted_scan "$libpython"
fi
ok_program "the header-only module: nothing, exit 0" 0 "" "$scan" "$header_only"
unlinked=$out/unlinked/legacy$PYTHON_EXT_SUFFIX
mkdir -p "${unlinked%/*}"
ok "the build with zero_patch_cflags and no library (clang ignores the specs file)" \
	build_legacy "$unlinked" "$PYTHON_CPPFLAGS $zero_patch_cflags" ""
ok_program "... imports pyoldbuf_ names without needing libpyoldbuf: to fix" 1 \
	"$(imports "$unlinked" unlinked-pyoldbuf-import "$pyoldbuf_names")" \
	sorted_scan "$unlinked"

# A fix in place: the source includes oldbuffer.h, or debian/rules
# includes buildflags.mk; the uses are listed, and nothing is to fix.
mkdir -p "$out/ported" "$out/package/debian" "$out/package/src"
printf '#include <Python.h>\n#include <oldbuffer.h>\nint f(PyObject *o) { return PyObject_CheckReadBuffer(o); }\n' \
	>"$out/ported/ported.c"
ok_program "a source that includes oldbuffer.h: its call, nothing to fix" 0 \
	"$out/ported/ported.c:3: PyObject_CheckReadBuffer call" "$scan" "$out/ported"
cp "$fixtures/generated_wrap.c" "$out/package/src/"
printf '#!/usr/bin/make -f\ninclude /usr/share/libpyoldbuf/buildflags.mk\n%%:\n\tdh $@\n' \
	>"$out/package/debian/rules"
ok_program "a source tree whose debian/rules includes buildflags.mk: its calls, nothing to fix" 0 \
	"$(echo "$findings" | sed -n "s|^generated_wrap.c|$out/package/src/generated_wrap.c|p")" \
	"$scan" "$out/package"

# --advice: the recipe that fits.
advises() {
	pattern=$1
	shift
	"$scan" --advice "$@" >"$out/advice"
	cat "$out/advice"
	grep -q -- "$pattern" "$out/advice"
}
ok "--advice on a source: buildflags.mk, the flags for setup.py, meson, autotools; the porting guide" \
	eval 'advises "include \$(or \$(wildcard /usr/share/libpyoldbuf/buildflags.mk)" "$fixtures/c-forms.c" \
		&& grep -q "zero_patch_cflags" "$out/advice" && grep -q "meson setup" "$out/advice" \
		&& grep -q "./configure" "$out/advice" && grep -q "pyoldbuf-porting(3)" "$out/advice"'
if [ $pypy = yes ]; then
	skip "PyPy: the legacy names are PyPy's own (PyPyObject_*)"
else
	# What is true depends on the Python the module was built for: its
	# headers declare the legacy names up to 3.12.
	if [ "$(python_flag "$PYTHON" 'sys.version_info[1]')" -lt 13 ]; then
		advice="built for Python 3.12 or earlier imports a legacy name"
	else
		advice="built for Python 3.13 or later imports a legacy name"
	fi
	ok "--advice on the module without libpyoldbuf: what is true for its Python, and the rebuild" \
		eval 'advises "$advice" "$libpython" && grep -q buildflags.mk "$out/advice"'
fi
ok "--advice on the zero-patch module: nothing to rebuild" \
	advises "Nothing to rebuild" "$zero_patch"
ok "--advice under Py_LIMITED_API: header-only needs it on the command line" \
	advises "on the command line" "$fixtures/swig-limited.i"

# The man page, in section 1, laid out as the section 3 pages are.
man_page() {
	LC_ALL=C MANWIDTH=200 man --warnings -l "$build/scan/pyoldbuf-scan.1" \
		>"$out/man" 2>"$out/man.err" && ! [ -s "$out/man.err" ] \
		|| { cat "$out/man.err"; return 1; }
	grep '^[A-Z][A-Z ]*$' "$out/man" | tr '\n' ' '
	(cd "$build/scan" && groff -man -ww -z pyoldbuf-scan.1) 2>&1
	if command -v mandoc >/dev/null 2>&1; then
		mandoc -T lint -W warning "$build/scan/pyoldbuf-scan.1" 2>&1
	fi
}
if command -v man >/dev/null 2>&1; then
	ok_program "pyoldbuf-scan(1): NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXIT STATUS, NOTES, EXAMPLES, BUGS, SEE ALSO; groff -ww and mandoc -T lint say nothing" \
		0 "NAME SYNOPSIS DESCRIPTION OPTIONS EXIT STATUS NOTES EXAMPLES BUGS SEE ALSO " man_page
else
	skip "man is not installed (man-db)"
fi
