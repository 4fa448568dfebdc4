#!/bin/sh
# SPDX-License-Identifier: MIT
#
# extension-t.sh - an extension module written the old way, built against
# the library with the flags of the uninstalled oldbuffer.pc, imported by the
# configured Python; extension-t.py then exercises it.

set -u
build=$(cd "$top_builddir" && pwd)
module=$build/t/legacy$PYTHON_EXT_SUFFIX
PKG_CONFIG_PATH=$build/t${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export PKG_CONFIG_PATH

cflags=$($PKG_CONFIG --cflags oldbuffer) \
	&& libs=$($PKG_CONFIG --libs oldbuffer) \
	|| { echo "Bail out! pkg-config does not know oldbuffer"; exit 1; }
# shellcheck disable=SC2086 # the flags are lists of words
$CC $CFLAGS -Wall -Werror -Werror=implicit-function-declaration -fPIC \
	$PYTHON_CPPFLAGS $cflags -shared -o "$module" "$top_srcdir/t/legacy.c" \
	$LDFLAGS $libs -Wl,-rpath,"$build/lib/.libs" \
	|| { echo "Bail out! the legacy extension does not build"; exit 1; }

PYTHONPATH=$build/t exec "$PYTHON" "$top_srcdir/t/extension-t.py"
