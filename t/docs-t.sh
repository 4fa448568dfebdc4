#!/bin/sh
# SPDX-License-Identifier: MIT
#
# docs-t.sh - the generated reference, as a user reads it.  The man pages:
# man 3 NAME for each legacy and pyoldbuf_ name shows the sections of
# man-pages(7) in order, a SYNOPSIS with the includes, the prototype and
# the link line, and no warning; oldbuffer.h(3) and pyoldbuf-porting(3)
# open too; every SEE ALSO entry opens; groff -ww and mandoc -T lint have
# nothing to say; each EXAMPLES section compiles as it stands after its
# page's SYNOPSIS includes; the two functions that share their errors
# list the same ones; the pages written are the pages installed
# (MAN3_PAGES).  The HTML: each function's page is titled and headed by
# its name, the module list names them, the main page's title does not
# repeat the project's name, and the main page links to every function.

set -u
. "$top_srcdir/t/tap/extension.sh"
man_dir=$build/doc/man
html_dir=$build/doc/html

if [ "$DOXYGEN_DOCS" != yes ]; then
	echo "1..0 # SKIP the documentation is off (configure --enable-doxygen)"
	exit 0
fi

functions="as_char_buffer as_read_buffer check_read_buffer as_write_buffer"
legacy_as_char_buffer=PyObject_AsCharBuffer
legacy_as_read_buffer=PyObject_AsReadBuffer
legacy_check_read_buffer=PyObject_CheckReadBuffer
legacy_as_write_buffer=PyObject_AsWriteBuffer
pages="PyObject_AsCharBuffer PyObject_AsReadBuffer PyObject_CheckReadBuffer
	PyObject_AsWriteBuffer oldbuffer.h pyoldbuf-porting"

echo 1..48

mkdir -p "$build/t/docs"
out=$build/t/docs/out

# render NAME: man 3 NAME into $out.NAME, as plain ASCII on wide lines;
# fails if man fails or says anything on stderr (its and groff's warnings).
render() {
	LC_ALL=C MANWIDTH=200 man -M "$man_dir" --warnings 3 "$1" \
		>"$out.$1" 2>"$out.err" \
		&& ! [ -s "$out.err" ] \
		|| { cat "$out.err" >>"$out.$1"; return 1; }
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
sections="NAME LIBRARY SYNOPSIS DESCRIPTION RETURN VALUE ERRORS NOTES EXAMPLES SEE ALSO"
man_page() {
	render "$1" || return 1
	found=$(grep '^[A-Z][A-Z ]*$' "$out.$1" | tr '\n' ' ')
	[ "$found" = "$sections " ] \
		|| { echo "sections: $found" >>"$out.$1"; return 1; }
	section "$1" SYNOPSIS >"$out.synopsis"
	# The includes in this order, the prototype, the link line.
	[ "$(grep -n '#' "$out.synopsis" | head -n 3 | sed 's/^[0-9]*: *//' \
		| tr '\n' '|')" \
		= "#define PY_SSIZE_T_CLEAN|#include <Python.h>|#include <oldbuffer.h>|" ] \
		&& grep -q "int pyoldbuf_$2(PyObject \*obj" "$out.synopsis" \
		&& grep -q 'pkg-config --cflags --libs oldbuffer' "$out.synopsis" \
		&& section "$1" NAME | grep -q "pyoldbuf_$2"
}

if ! command -v man >/dev/null 2>&1; then
	for f in $functions; do
		result_skip "man is not installed (man-db)"
		result_skip "man is not installed (man-db)"
	done
else
	for f in $functions; do
		eval "legacy=\$legacy_$f"
		for name in "$legacy" "pyoldbuf_$f"; do
			man_page "$name" "$f"
			result $? "man 3 $name: NAME, LIBRARY, SYNOPSIS (includes, prototype, link line), DESCRIPTION, RETURN VALUE, ERRORS, NOTES, EXAMPLES, SEE ALSO; no warning" "$out.$name"
		done
	done
fi

# The other two pages, and every SEE ALSO target of the six.
for page in oldbuffer.h pyoldbuf-porting; do
	render "$page" && grep -q '^SEE ALSO$' "$out.$page"
	result $? "man 3 $page opens, with a SEE ALSO section, without warnings" "$out.$page"
done
for page in $pages; do
	render "$page"
	missing=$(section "$page" "SEE ALSO" \
		| grep -o '[A-Za-z0-9_.-]*([0-9])' | tr '()' '  ' \
		| while read -r name number; do
			man -M "$man_dir" -w "$number" "$name" \
				>/dev/null 2>&1 || echo "$name($number)"
			done)
	[ -z "$missing" ] && section "$page" "SEE ALSO" | grep -q '(3)'
	status=$?
	echo "SEE ALSO entries that do not open: $missing" >"$out"
	result $status "every SEE ALSO entry of $page(3) opens" "$out"
done

# The page sources, linted.
for page in $pages; do
	(cd "$man_dir" && groff -man -ww -z "man3/$page.3") >"$out" 2>&1 \
		&& ! [ -s "$out" ]
	result $? "groff -ww -z: nothing to say on $page(3)" "$out"
	if command -v mandoc >/dev/null 2>&1; then
		(cd "$man_dir" && mandoc -T lint -W warning "man3/$page.3") \
			>"$out" 2>&1 && ! [ -s "$out" ]
		result $? "mandoc -T lint: nothing to say on $page(3)" "$out"
	else
		result_skip "mandoc is not installed (mandoc), for $page(3)"
	fi
done

# Each EXAMPLES section compiles, after its page's SYNOPSIS includes, for
# the Python built for, with warnings as errors.
for page in $pages; do
	[ "$page" != pyoldbuf-porting ] || continue
	src=$build/t/docs/example.c
	{
		section "$page" SYNOPSIS | grep '^ *#\(define PY_SSIZE_T_CLEAN\|include\)'
		section "$page" EXAMPLES
	} >"$src"
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC -std=c99 -Wall -Wextra -Werror $PYTHON_CPPFLAGS \
		-I"$top_srcdir/include" -c -o "$src.o" "$src" >"$out" 2>&1 \
		&& grep -q '(' "$src"
	status=$?
	sed 's/^/| /' "$src" >>"$out"
	result $status "the example in $page(3) compiles" "$out"
done

# PyObject_AsCharBuffer is PyObject_AsReadBuffer with a char pointer: their
# pages list the same errors.
# (The page sources: the rendered pages may space a line differently.)
errors() {
	awk '/^\.SH/ { inside = ($0 == ".SH ERRORS"); next } inside' \
		"$man_dir/man3/$1.3"
}
errors PyObject_AsCharBuffer >"$out.char"
errors PyObject_AsReadBuffer >"$out.read"
diff "$out.char" "$out.read" >"$out" && [ -s "$out.char" ]
result $? "PyObject_AsCharBuffer(3) and PyObject_AsReadBuffer(3) list the same errors" "$out"

generated=$(cd "$man_dir/man3" && ls | sort)
listed=$(printf '%s\n' $MAN3_PAGES | sort)
[ "$generated" = "$listed" ]
status=$?
printf 'generated:\n%s\ninstalled:\n%s\n' "$generated" "$listed" >"$out"
result "$status" "the man pages written are exactly those installed" "$out"

# The HTML.  Each function's page: title and heading are its name.
modules=$html_dir/modules.html
[ -f "$modules" ] || modules=$html_dir/topics.html   # doxygen 1.10 and later
for f in $functions; do
	eval "legacy=\$legacy_$f"
	page=$(grep -l "<div class=\"title\">$legacy()</div>" "$html_dir"/group__*.html)
	[ -n "$page" ] && grep -q "<title>libpyoldbuf: $legacy()</title>" "$page" \
		&& grep -q ">$legacy()</a>" "$modules"
	result $? "the HTML page of $legacy() is titled and headed by its name, and listed by it"
done
grep -q '<title>libpyoldbuf: The legacy buffer API' "$html_dir/index.html" \
	&& ! grep -q 'libpyoldbuf: libpyoldbuf' "$html_dir/index.html"
result $? "the HTML main page's title names the project once"

# links_to NAME: index.html links to NAME(), at an anchor that exists.
links_to() {
	href=$(sed -n "s/.*href=\"\([^\"]*\)\"[^>]*>$1()<\/a>.*/\1/p" \
		"$html_dir/index.html" | head -n 1)
	[ -n "$href" ] && grep -q "id=\"${href#*#}\"" "$html_dir/${href%%#*}"
}
for f in $functions; do
	eval "legacy=\$legacy_$f"
	for name in "$legacy" "pyoldbuf_$f"; do
		links_to "$name"
		result $? "the HTML main page links to $name()'s documentation"
	done
done
