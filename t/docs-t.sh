#!/bin/sh
# SPDX-License-Identifier: MIT
#
# docs-t.sh - the generated reference, as a user reads it: man finds a page
# for each legacy name, each pyoldbuf_ name and oldbuffer.h (and the porting
# guide), the page documents that function, and man --warnings reports
# nothing; doxygen wrote exactly the man pages that make install installs
# (MAN3_PAGES); the HTML main page links to every function's documentation.

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

echo 1..19

# man_shows NAME TEXT...: man 3 NAME succeeds with no warning and its page
# contains each TEXT.
mkdir -p "$build/t/docs"
out=$build/t/docs/man.out
man_shows() {
	name=$1
	shift
	MANWIDTH=80 man -M "$man_dir" --warnings 3 "$name" >"$out" 2>"$out.err"
	status=$?
	# man's and groff's complaints go to stderr: it must stay empty.
	if [ "$status" -ne 0 ] || [ -s "$out.err" ]; then
		cat "$out.err" >>"$out"
		return 1
	fi
	for text in "$@"; do
		grep -qF -- "$text" "$out" || return 1
	done
}

if ! command -v man >/dev/null 2>&1; then
	while [ "$count" -lt 10 ]; do
		count=$((count + 1))
		echo "ok $count # SKIP man is not installed (man-db)"
	done
else
	for f in $functions; do
		eval "legacy=\$legacy_$f"
		man_shows "$legacy" "int pyoldbuf_$f (PyObject" \
			"#define $legacy "
		result $? "man 3 $legacy documents it, without warnings" "$out"
		man_shows "pyoldbuf_$f" "int pyoldbuf_$f (PyObject" \
			"Modern replacement"
		result $? "man 3 pyoldbuf_$f documents it, without warnings" "$out"
	done
	man_shows oldbuffer.h "int pyoldbuf_as_char_buffer (" \
		"int pyoldbuf_as_read_buffer (" \
		"int pyoldbuf_check_read_buffer (" \
		"int pyoldbuf_as_write_buffer (" "OLDBUFFER_VERSION_STRING"
	result $? "man 3 oldbuffer.h documents the header, without warnings" "$out"
	man_shows pyoldbuf-porting "PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE)"
	result $? "man 3 pyoldbuf-porting shows the guide, without warnings" "$out"
fi

generated=$(cd "$man_dir/man3" && ls | sort)
listed=$(printf '%s\n' $MAN3_PAGES | sort)
[ "$generated" = "$listed" ]
status=$?
printf 'generated:\n%s\ninstalled:\n%s\n' "$generated" "$listed" >"$out"
result "$status" "doxygen writes exactly the man pages that are installed" "$out"

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
