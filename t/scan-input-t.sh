#!/bin/sh
# SPDX-License-Identifier: MIT
#
# scan-input-t.sh - pyoldbuf-scan on odd and hostile input, and its
# command line, as grep and ripgrep users expect them:
#  - the interface: -h/--help, --version, an unknown option (two lines),
#    -q, -l, -Z, --exclude, --hidden;
#  - paths: "-" and pipes (/dev/stdin) read as C, a named FIFO, /dev/null,
#    a walk deeper than PATH_MAX, hidden directories, a FIFO in a walk
#    (not opened), /proc/self;
#  - names that could forge a line (escaped) or are not UTF-8 (valid
#    JSON, \udcXX), and --json with --advice;
#  - modules: an ELF magic with no valid header, a module whose section
#    headers are stripped (read through its dynamic segment);
#  - sources that once made the lexer drop the rest of the file: a NUL in
#    a comment, "#endif // ... /*", a #define whose body starts with #x,
#    a stray R"x", and a few MB of R"" (linear time, under a generous
#    timeout).

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/scan.sh"
. "$top_srcdir/t/tap/extension.sh"

scan_workdir scan-input
call='PyObject_AsReadBuffer(o, &p, &n);'

plan 28

# The interface.
ok "--help: every option, exit 0" eval '"$scan" --help >"$out/help" \
	&& for o in -l --files-with-matches -q --quiet -Z --null --json --advice \
		--exclude=GLOB --hidden -h --help --version; do grep -q -- "$o" "$out/help" || exit 1; done'
ok_program "-h is --help" 0 "$("$scan" --help)" "$scan" -h
ok_program "--version" 0 "pyoldbuf-scan (libpyoldbuf) $(sed -n 's/^Version: //p' "$build/t/oldbuffer-uninstalled.pc")" \
	"$scan" --version
ok_program "-q: nothing printed, exit 1 for a call" 1 "" "$scan" -q "$fixtures/c-forms.c"
ok_program "-l: the file's name once" 1 "$fixtures/c-forms.c" "$scan" -l "$fixtures/c-forms.c"
ok_program "-l -Z: the name and a NUL" 0 "c-forms.c." \
	eval '(cd "$fixtures" && "$scan" -lZ c-forms.c) | tr "\\0" .'
ok_program "--exclude='*.c' leaves the C files of a walk out" 0 \
	"cxx-casts.cpp" eval '"$scan" -l --exclude="*.c" --exclude="*.p*" --exclude="*.i" "$fixtures" | sed "s|.*/||"'

# Paths.
ok_program "- reads standard input, as C" 0 \
	"(standard input):15: PyObject_AsReadBuffer call" \
	eval '"$scan" - <"$fixtures/c-forms.c" | grep ":15:"'
ok_program "a pipe named /dev/stdin is read, not skipped" 0 \
	"/dev/stdin:15: PyObject_AsReadBuffer call" \
	eval 'cat "$fixtures/c-forms.c" | "$scan" /dev/stdin | grep ":15:"'
mkfifo "$out/fifo.c"
ok_program "a named FIFO is read" 1 "$out/fifo.c:1: PyObject_AsReadBuffer call" \
	eval '(echo "$call" >"$out/fifo.c" &) ; timeout 10 "$scan" "$out/fifo.c"'
ok_program "/dev/null: read, nothing found, exit 0" 0 "" "$scan" /dev/null
deep=$out/deep
mkdir -p "$deep"
# deep_tree: 45 directories of 100 characters: a path past PATH_MAX,
# made one relative step at a time (a shell's cd takes the whole path).
deep_tree() {
	"$PYTHON" -c '
import os, sys
os.chdir(sys.argv[1])
for level in range(45):
    os.mkdir("d" * 100)
    os.chdir("d" * 100)
open("deep.c", "w").write(sys.argv[2] + "\n")' "$deep" "$call"
}
ok "a tree deeper than PATH_MAX is made" deep_tree
ok_program "... and walked to its end" 0 "deep.c:1: PyObject_AsReadBuffer call" \
	eval '"$scan" "$deep" | sed "s|.*/||"'
# A tree past PATH_MAX trips up tools that walk by path (git among them).
rm -rf "$deep"
mkdir -p "$out/tree/.pybuild" "$out/tree/src"
echo "$call" >"$out/tree/.pybuild/copy.c"
echo "$call" >"$out/tree/src/real.c"
mkfifo "$out/tree/src/fifo.c" "$out/tree/notes.txt"
ok_program "a walk passes over hidden directories and FIFOs (not opened: no hang)" 1 \
	"$out/tree/src/real.c:1: PyObject_AsReadBuffer call" timeout 10 "$scan" "$out/tree"
ok_program "--hidden walks them" 1 \
	"$out/tree/.pybuild/copy.c:1: PyObject_AsReadBuffer call
$out/tree/src/real.c:1: PyObject_AsReadBuffer call" timeout 10 "$scan" --hidden "$out/tree"
ok_program "/proc/self: nothing, no error" 0 "" timeout 60 "$scan" /proc/self

# Names.
forged=$(printf '%s/x.c:1: PyObject_AsReadBuffer call\nreal.c' "$out")
echo "$call" >"$forged"
ok_program "a name with a newline cannot forge a line: it is escaped" 1 \
	"$out/x.c:1: PyObject_AsReadBuffer call\\012real.c:1: PyObject_AsReadBuffer call" \
	"$scan" "$forged"
odd=$(printf '%s/caf\351.c' "$out")
echo "$call" >"$odd"
json_name() {
	"$scan" --json "$odd" >"$out/odd.json"
	"$PYTHON" -c '
import json, os, sys
findings = json.load(open(sys.argv[1]))
print(os.fsencode(findings[0]["file"]) == os.fsencode(sys.argv[2]), findings[0]["kind"])' \
		"$out/odd.json" "$odd"
}
ok_program "--json is valid for a name that is not UTF-8, and gives the name back" 0 \
	"True call" json_name
json_advice() {
	"$scan" --json --advice "$fixtures/c-forms.c" >"$out/advice.json"
	"$PYTHON" -c '
import json, sys
result = json.load(open(sys.argv[1]))
print(len(result["findings"]), "buildflags.mk" in result["advice"])' "$out/advice.json"
}
ok_program "--json --advice: the findings and the advice, in one JSON object" 0 "10 True" json_advice

# Modules.
printf '\177ELF' >"$out/bad.so"
ok "an ELF magic with no valid ELF header is an error that says so (not \"no error\")" \
	eval '! "$scan" "$out/bad.so" 2>"$out/bad.err"; cat "$out/bad.err"; grep -q "bad.so: " "$out/bad.err" && ! grep -qi "no error" "$out/bad.err"'
stripped=$out/stripped/legacy$PYTHON_EXT_SUFFIX
mkdir -p "${stripped%/*}"
# strip_section_headers FILE: e_shoff, e_shnum and e_shstrndx set to 0
# (a 64-bit little-endian ELF file), as sstrip does: it still loads.
strip_section_headers() {
	"$PYTHON" -c '
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
assert data[4] == 2 and data[5] == 1, "a 64-bit little-endian ELF file"
data[0x28:0x30] = bytes(8)
struct.pack_into("<HH", data, 0x3C, 0, 0)
open(sys.argv[1], "wb").write(data)' "$1"
}
if [ "$(python_flag "$PYTHON" 'sys.byteorder + str(sys.maxsize > 2**32)')" = littleTrue ] \
	&& [ "$(python_flag "$PYTHON" sys.implementation.name)" = cpython ]; then
	ok "a module with its section headers stripped" \
		eval 'build_legacy "$stripped" "$PYTHON_CPPFLAGS $($PKG_CONFIG --variable=zero_patch_cflags oldbuffer)" \
			"$oldbuffer_libs" && strip_section_headers "$stripped"'
	ok "... still imports" with_library env PYTHONPATH="${stripped%/*}" "$PYTHON" -c 'import legacy'
	ok_program "... and is read through its dynamic segment" 0 \
		"$pyoldbuf_names" \
		eval '"$scan" "$stripped" | sed "s/.*: //; s/ .*//" | LC_ALL=C sort | tr "\\n" " " | sed "s/ \$//"'
else
	skip_block 3 "the stripped module is made for 64-bit little-endian CPython"
fi

# Sources that once lost the rest of the file.
printf '/* a \000 b */\nint f(void) { %s }\n' "$call" >"$out/nul.c"
ok_program "a NUL byte inside a comment" 1 "$out/nul.c:2: PyObject_AsReadBuffer call" "$scan" "$out/nul.c"
printf '#endif // no /* comment here\nint f(void) { %s }\n' "$call" >"$out/endif.c"
ok_program "#endif // ... /* opens no comment" 1 "$out/endif.c:2: PyObject_AsReadBuffer call" \
	"$scan" "$out/endif.c"
printf '#define CALL(x) #x, %s\nint f(void) { %s }\n' "$call" "$call" >"$out/define.c"
ok_program "a #define whose body starts with #x: its call, and the next line's" 1 \
	"$out/define.c:1: PyObject_AsReadBuffer call
$out/define.c:2: PyObject_AsReadBuffer call" "$scan" "$out/define.c"
printf 'auto s = R"x";\nint f(void) { %s }\n' "$call" >"$out/raw.cpp"
ok_program "a stray R\"x\"" 1 "$out/raw.cpp:2: PyObject_AsReadBuffer call" "$scan" "$out/raw.cpp"
"$PYTHON" -c 'import sys; sys.stdout.write("R\"\"\n" * 1000000 + sys.argv[1] + "\n")' "$call" \
	>"$out/many-raw.c"
ok_program "4 MB of R\"\" with no (: linear time (60 s at most), and the call after them" 1 \
	"$out/many-raw.c:1000001: PyObject_AsReadBuffer call" timeout 60 "$scan" "$out/many-raw.c"
