#!/bin/sh
# SPDX-License-Identifier: MIT
#
# docs-t.sh - the generated reference, as a user reads it.  The man pages:
# man 3 NAME for each legacy and pyoldbuf_ name shows the sections of
# man-pages(7) in order, a SYNOPSIS with the includes, the prototype and
# the link line, and no warning; oldbuffer.h(3) and pyoldbuf-porting(3)
# open too; every SEE ALSO entry opens; groff -ww and mandoc -T lint have
# nothing to say; every program on the pages builds with the line printed
# after it and prints the output shown, in four modes; the pages written
# are the pages installed (MAN3_PAGES).  The HTML: each function's page is titled and headed by
# its name, the module list names them, the main page's title does not
# repeat the project's name, and the main page links to every function.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/extension.sh"
man_dir=$build/doc/man
html_dir=$build/doc/html

[ "$DOXYGEN_DOCS" = yes ] \
	|| skip_all "the documentation is off (configure --enable-doxygen)"

functions="as_char_buffer as_read_buffer check_read_buffer as_write_buffer"
legacy_as_char_buffer=PyObject_AsCharBuffer
legacy_as_read_buffer=PyObject_AsReadBuffer
legacy_check_read_buffer=PyObject_CheckReadBuffer
legacy_as_write_buffer=PyObject_AsWriteBuffer
pages="PyObject_AsCharBuffer PyObject_AsReadBuffer PyObject_CheckReadBuffer
	PyObject_AsWriteBuffer oldbuffer.h pyoldbuf-porting"

plan 68

mkdir -p "$build/t/docs"
out=$build/t/docs/out

# render NAME: man 3 NAME into $out.NAME, as plain ASCII on wide lines;
# fails if man fails or says anything on stderr (its and groff's warnings),
# printing what it said.
render() {
	LC_ALL=C MANWIDTH=200 man -M "$man_dir" --warnings 3 "$1" \
		>"$out.$1" 2>"$out.err" \
		&& ! [ -s "$out.err" ] \
		|| { cat "$out.$1" "$out.err"; return 1; }
}

# section NAME TITLE: the lines of section TITLE of the rendered page
# (the footer left out).
section() {
	awk -v title="$2" '
		/^[A-Z][A-Z ]*$/ { inside = ($0 == title); next }
		/^libpyoldbuf / { inside = 0 }
		inside' "$out.$1"
}

# man_page NAME FUNCTION: NAME's page is FUNCTION's, in the man-pages(7)
# layout.
sections="NAME LIBRARY SYNOPSIS DESCRIPTION RETURN VALUE ERRORS ATTRIBUTES HISTORY NOTES EXAMPLES SEE ALSO"
man_page() {
	render "$1" || return 1
	found=$(grep '^[A-Z][A-Z ]*$' "$out.$1" | tr '\n' ' ')
	[ "$found" = "$sections " ] || { echo "sections: $found"; return 1; }
	section "$1" SYNOPSIS >"$out.synopsis"
	# The includes in this order, the prototype, the link line.
	[ "$(grep -n '#' "$out.synopsis" | head -n 3 | sed 's/^[0-9]*: *//' \
		| tr '\n' '|')" \
		= "#define PY_SSIZE_T_CLEAN|#include <Python.h>|#include <oldbuffer.h>|" ] \
		&& grep -q "int pyoldbuf_$2(PyObject \*obj" "$out.synopsis" \
		&& grep -q 'pkg-config --cflags --libs oldbuffer' "$out.synopsis" \
		&& section "$1" NAME | grep -q "pyoldbuf_$2" \
		|| { cat "$out.$1"; return 1; }
}

if ! command -v man >/dev/null 2>&1; then
	skip_block 8 "man is not installed (man-db)"
else
	for f in $functions; do
		eval "legacy=\$legacy_$f"
		for name in "$legacy" "pyoldbuf_$f"; do
			ok "man 3 $name: NAME, LIBRARY, SYNOPSIS (includes, prototype, link line), DESCRIPTION, RETURN VALUE, ERRORS, ATTRIBUTES, HISTORY, NOTES, EXAMPLES, SEE ALSO; no warning" \
				man_page "$name" "$f"
		done
	done
fi

# The other two pages, and every SEE ALSO target of the six.
# has_see_also PAGE: PAGE opens without warnings, with a SEE ALSO section.
has_see_also() {
	render "$1" && grep -q '^SEE ALSO$' "$out.$1"
}
for page in oldbuffer.h pyoldbuf-porting; do
	ok "man 3 $page opens, with a SEE ALSO section, without warnings" \
		has_see_also "$page"
done
# see_also_opens PAGE: every entry of PAGE's SEE ALSO opens, and there is
# one of section 3 at least.
see_also_opens() {
	render "$1"
	missing=$(section "$1" "SEE ALSO" \
		| grep -o '[A-Za-z0-9_.-]*([0-9])' | tr '()' '  ' \
		| while read -r name number; do
			if [ "$number" = 1 ]; then
				# pyoldbuf-scan(1): this build's, when it builds it.
				[ "$SCAN" != yes ] || [ -f "$build/scan/$name.1" ] \
					|| echo "$name($number)"
			else
				man -M "$man_dir" -w "$number" "$name" \
					>/dev/null 2>&1 || echo "$name($number)"
			fi
			done)
	echo "SEE ALSO entries that do not open: $missing"
	[ -z "$missing" ] && section "$1" "SEE ALSO" | grep -q '(3)'
}
for page in $pages; do
	ok "every SEE ALSO entry of $page(3) opens" see_also_opens "$page"
done

# The page sources, linted.
# silent COMMAND...: COMMAND succeeds and prints nothing.
silent() {
	"$@" >"$out" 2>&1
	status=$?
	cat "$out"
	[ "$status" -eq 0 ] && ! [ -s "$out" ]
}
# in_man_dir COMMAND...: COMMAND in the man directory, where .so finds
# its pages.
in_man_dir() {
	(cd "$man_dir" && "$@")
}
for page in $pages; do
	ok "groff -t -ww -z: nothing to say on $page(3)" \
		silent in_man_dir groff -man -t -ww -z "man3/$page.3"
	if command -v mandoc >/dev/null 2>&1; then
		ok "mandoc -T lint: nothing to say on $page(3)" \
			silent in_man_dir mandoc -T lint -W warning "man3/$page.3"
	else
		skip "mandoc is not installed (mandoc), for $page(3)"
	fi
done

# Every program on the pages is whole, with its build line and its
# output, as the rendered page shows them: each program is copied from the
# page, built with the page's line (for the configured Python, this
# build's oldbuffer.pc, and the project's warnings as errors), run, and
# its output compared with the page's; with the full API and with
# Py_LIMITED_API=0x030B0000 (Python 3.11 or later), linked to the library
# and in header-only mode.
# code_blocks NAME DIR: the blocks of code of NAME outside its SYNOPSIS
# into DIR/1, DIR/2..., their indent removed.  Prose is indented 7
# columns, code 11 and more after a blank line (the body of a tagged
# paragraph follows its tag, not a blank line).
code_blocks() {
	rm -f "$2"/[0-9]*
	awk -v dir="$2" '
		/^[A-Z][A-Z ]*$/ { code = 0; synopsis = ($0 == "SYNOPSIS"); next }
		/^libpyoldbuf / { code = 0; next }
		/^ *$/ { if (code) blank++; else after_blank = 1; next }
		/^           / && !synopsis && (code || after_blank) {
			if (!code) { block++; code = 1; blank = 0 }
			while (blank > 0) { print "" > (dir "/" block); blank-- }
			print substr($0, 12) > (dir "/" block)
			next
		}
		{ code = 0; after_blank = 0 }' "$out.$1"
}
# examples_run PAGE MODE: every block of code of PAGE is a program, its
# build line or its output, in threes, and each program built with its
# line in MODE (full, limited; library or header-only) prints its output.
examples_run() {
	dir=$build/t/docs/$1-$2
	mkdir -p "$dir"
	render "$1" && code_blocks "$1" "$dir" || return 1
	case $2 in
	limited-*) flags="-DPy_LIMITED_API=0x030B0000" ;;
	*) flags= ;;
	esac
	case $2 in
	*-header-only) flags="$flags -DPYOLDBUF_HEADER_ONLY" ;;
	esac
	n=1
	while [ -f "$dir/$n" ]; do
		program=$dir/$n build_line=$dir/$((n + 1)) expected=$dir/$((n + 2))
		[ -f "$expected" ] \
			&& [ "$(head -n 1 "$program")" = "#define PY_SSIZE_T_CLEAN" ] \
			&& grep -q '^cc -o example example.c' "$build_line" \
			|| { echo "block $n of $1 is not a program, its build line and its output:"
				cat "$program"; return 1; }
		mkdir -p "$dir/example$n"
		cp "$program" "$dir/example$n/example.c"
		# The page's line, with this build's Python, pkg-config and flags.
		# shellcheck disable=SC2086 # the flags are lists of words
		(cd "$dir/example$n" && $CC $CFLAGS $WARN_CFLAGS $flags -o example example.c \
			$PYTHON_CPPFLAGS $($PKG_CONFIG --cflags --libs oldbuffer) \
			$PYTHON_EMBED_LIBS -Wl,-rpath,"$build/lib/.libs" \
			&& with_library ./example >output) || return 1
		diff "$expected" "$dir/example$n/output" || return 1
		n=$((n + 3))
	done
	[ "$n" -gt 1 ] || { echo "$1 has no example"; return 1; }
}
modes="full-library full-header-only"
[ "$LIMITED_API_EXAMPLES" = yes ] && modes="$modes limited-library limited-header-only"
for page in $pages; do
	for mode in full-library full-header-only limited-library limited-header-only; do
		case " $modes " in
		*" $mode "*) if [ "$PYTHON_EMBEDDING" != yes ]; then
				skip "the examples of $page(3), $mode: they embed Python, which $PYTHON cannot be"
			else
				ok "every example of $page(3) builds as printed and prints its output ($mode)" \
					examples_run "$page" "$mode"
			fi ;;
		*) skip "the examples of $page(3), $mode: not for Python $PYTHON_VERSION (3.11 or later) or $PYTHON_IMPLEMENTATION" ;;
		esac
	done
done

ok_program "the man pages written are exactly those installed" \
	0 "$(printf '%s\n' $MAN3_PAGES | sort)" eval '(cd "$man_dir/man3" && ls | sort)'

# The HTML.  Each function's page: title and heading are its name.
modules=$html_dir/modules.html
[ -f "$modules" ] || modules=$html_dir/topics.html   # doxygen 1.10 and later
# html_named LEGACY: LEGACY's page is titled and headed by its name, and
# the module list names it.
html_named() {
	page=$(grep -l "<div class=\"title\">$1()</div>" "$html_dir"/group__*.html)
	[ -n "$page" ] && grep -q "<title>libpyoldbuf: $1()</title>" "$page" \
		&& grep -q ">$1()</a>" "$modules"
}
for f in $functions; do
	eval "legacy=\$legacy_$f"
	ok "the HTML page of $legacy() is titled and headed by its name, and listed by it" \
		html_named "$legacy"
done
# main_title: index.html's title names the project once.
main_title() {
	grep -q '<title>libpyoldbuf: The legacy buffer API' "$html_dir/index.html" \
		&& ! grep -q 'libpyoldbuf: libpyoldbuf' "$html_dir/index.html"
}
ok "the HTML main page's title names the project once" main_title
# main_page_agrees FACT...: README and the HTML main page both say each
# FACT (the supported Pythons and builds, the tools).
main_page_agrees() {
	text=$(sed 's/<[^>]*>//g' "$html_dir/index.html" | tr -s ' \n' '  ')
	readme=$(tr -s ' \n' '  ' <"$top_srcdir/README")
	for fact in "$@"; do
		case $readme in *"$fact"*) ;; *) echo "README does not say: $fact"; return 1 ;; esac
		case $text in *"$fact"*) ;; *) echo "the main page does not say: $fact"; return 1 ;; esac
	done
}
ok "README and the HTML main page agree: CPython 3.6 to 3.15, free-threaded, PyPy, zero-patch, pyoldbuf-scan" \
	main_page_agrees "CPython 3.6 to 3.15" "free-threaded" "PyPy" "zero-patch" "pyoldbuf-scan"
ok "no HTML page is a directory's, empty" \
	eval '! grep -l "Directory Reference" "$html_dir"/*.html'


# links_to NAME: index.html links to NAME(), at an anchor that exists.
links_to() {
	href=$(sed -n "s/.*href=\"\([^\"]*\)\"[^>]*>$1()<\/a>.*/\1/p" \
		"$html_dir/index.html" | head -n 1)
	[ -n "$href" ] && grep -q "id=\"${href#*#}\"" "$html_dir/${href%%#*}"
}
for f in $functions; do
	eval "legacy=\$legacy_$f"
	for name in "$legacy" "pyoldbuf_$f"; do
		ok "the HTML main page links to $name()'s documentation" \
			links_to "$name"
	done
done
