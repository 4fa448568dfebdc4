#!/bin/sh
# SPDX-License-Identifier: MIT
#
# exports-t.sh - what the built libpyoldbuf.so offers the world
#
# Its dynamic symbols are exactly the functions of its version script
# (lib/libpyoldbuf.map, or lib/libpyoldbuf-pypy.map for PyPy), each with
# the map's version node; the map lists exactly the functions that
# oldbuffer.h declares; the SONAME is libpyoldbuf.so.0; no libpython is
# NEEDED (the interpreter that loads the library provides Python), and no
# other undefined symbol than Python's and libc's.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
la=$top_builddir/lib/libpyoldbuf.la
dlname=$(sed -n "s/^dlname='\(.*\)'\$/\1/p" "$la")
so=$top_builddir/lib/.libs/$dlname
map=$top_srcdir/$LIBRARY_MAP
header=$top_srcdir/include/oldbuffer.h

plan 7
[ -f "$so" ] || bail "no shared library in $la"

map_names=$(sed -n 's/^[[:space:]]*\(pyoldbuf_[a-z_]*\);$/\1/p' "$map" | sort)
header_names=$(sed -n 's/^PYOLDBUF_API .*[ *]\(pyoldbuf_[a-z_]*\)(.*/\1/p' \
	"$header" | sort)
node=$(sed -n 's/^\(PYOLDBUF_[A-Z_]*[0-9.]*\) {$/\1/p' "$map" | tail -n 1)
# nm -D prints "address type name[@@version]"; type A marks a version node.
symbols=$($NM -D --defined-only "$so" | awk '$2 != "A" { print $3 }' | sort)

# The dynamic section's entries of KIND (SONAME, NEEDED) that match NAME.
dynamic() {
	$READELF -d "$so" | sed -n "s/.*($1).*\[\($2\)\]/\1/p"
}
# The undefined symbols that are neither Python's nor libc's (nor the
# sanitizers', in a configure --enable-sanitizers build): Debian's
# dpkg-shlibdeps is told not to report symbols it finds in no library
# (debian/rules), which must be only the Python C API.
foreign_undefined() {
	$NM -D --undefined-only "$so" | awk '$1 == "U" && $2 !~ /^_?Py/ \
		&& $2 !~ /@GLIBC_/ && $2 !~ /^__(asan|ubsan)_/ { print $2 }'
}

ok_program "$LIBRARY_MAP lists the functions oldbuffer.h declares" \
	0 "$header_names" echo "$map_names"
ok_program "the map lists four functions" \
	0 4 eval 'echo "$map_names" | wc -l | tr -d " "'
ok_program "$dlname exports exactly the functions of the map" \
	0 "$map_names" eval 'echo "$symbols" | sed "s/@.*//"'
if [ "$SYMBOL_VERSIONING" = yes ]; then
	ok_program "each export carries the version $node" \
		0 "$(echo "$map_names" | sed "s/\$/@@$node/")" echo "$symbols"
else
	skip "symbol versioning is disabled"
fi
ok_program "the SONAME is libpyoldbuf.so.0" 0 libpyoldbuf.so.0 \
	dynamic SONAME '.*'
ok_program "no libpython is NEEDED" 0 "" dynamic NEEDED 'libpython.*'
ok_program "every undefined symbol is Python's C API or libc's" 0 "" \
	foreign_undefined
