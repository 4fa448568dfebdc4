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
la=$top_builddir/lib/libpyoldbuf.la
dlname=$(sed -n "s/^dlname='\(.*\)'\$/\1/p" "$la")
so=$top_builddir/lib/.libs/$dlname
map=$top_srcdir/${LIBRARY_MAP:-lib/libpyoldbuf.map}
header=$top_srcdir/include/oldbuffer.h

count=0
# same WANTED SEEN DESCRIPTION: one TAP result.
same() {
	count=$((count + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $count - $3"
	else
		echo "not ok $count - $3"
		printf 'wanted:\n%s\nseen:\n%s\n' "$1" "$2" | sed 's/^/# /'
	fi
}

echo 1..7
[ -f "$so" ] || { echo "Bail out! no shared library in $la"; exit 1; }

map_names=$(sed -n 's/^[[:space:]]*\(pyoldbuf_[a-z_]*\);$/\1/p' "$map" | sort)
header_names=$(sed -n 's/^PYOLDBUF_API .*[ *]\(pyoldbuf_[a-z_]*\)(.*/\1/p' \
	"$header" | sort)
node=$(sed -n 's/^\(PYOLDBUF_[A-Z_]*[0-9.]*\) {$/\1/p' "$map" | tail -n 1)
# nm -D prints "address type name[@@version]"; type A marks a version node.
symbols=$($NM -D --defined-only "$so" | awk '$2 != "A" { print $3 }' | sort)

same "$header_names" "$map_names" \
	"${map#"$top_srcdir"/} lists the functions oldbuffer.h declares"
same "4" "$(echo "$map_names" | wc -l | tr -d ' ')" \
	"the map lists four functions"
same "$map_names" "$(echo "$symbols" | sed 's/@.*//')" \
	"$dlname exports exactly the functions of the map"
if [ "${SYMBOL_VERSIONING:-yes}" = yes ]; then
	same "$(echo "$map_names" | sed "s/\$/@@$node/")" "$symbols" \
		"each export carries the version $node"
else
	count=$((count + 1))
	echo "ok $count # SKIP symbol versioning is disabled"
fi
same "libpyoldbuf.so.0" \
	"$($READELF -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')" \
	"the SONAME is libpyoldbuf.so.0"
same "" "$($READELF -d "$so" | sed -n 's/.*(NEEDED).*\[\(libpython.*\)\]/\1/p')" \
	"no libpython is NEEDED"
# Debian's dpkg-shlibdeps is told not to report symbols it finds in no
# library (debian/rules): they must be the Python C API, or libc's (or the
# sanitizers', in a configure --enable-sanitizers build).
same "" "$($NM -D --undefined-only "$so" | awk '$1 == "U" && $2 !~ /^_?Py/ \
	&& $2 !~ /@GLIBC_/ && $2 !~ /^__(asan|ubsan)_/ { print $2 }')" \
	"every undefined symbol is Python's C API or libc's"
