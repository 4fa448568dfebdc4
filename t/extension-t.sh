#!/bin/sh
# SPDX-License-Identifier: MIT
#
# extension-t.sh - t/legacymodule.c, an extension module written the old way,
# ported (-DLEGACY_PORTED includes oldbuffer.h), built with -Werror and the
# flags of the uninstalled oldbuffer.pc, imported by the configured Python
# and compared with the interpreter's own functions by t/extension-t.py,
# whose TAP this prints.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/extension.sh"

dir=$build/t/extension
mkdir -p "$dir"
build_legacy "$dir/legacy$PYTHON_EXT_SUFFIX" \
	"-Wall -Werror -Werror=implicit-function-declaration -DLEGACY_PORTED $PYTHON_CPPFLAGS $oldbuffer_cflags" \
	"$oldbuffer_libs" \
	|| bail "the legacy extension does not build"
needs_libpyoldbuf "$dir/legacy$PYTHON_EXT_SUFFIX" \
	|| bail "the module does not take libpyoldbuf's functions"

build_oracle "$PYTHON" "$dir" >"$dir/native.out" 2>&1 \
	|| { sed 's/^/# /' "$dir/native.out"; bail "the interpreter's own functions cannot be reached"; }
with_library env PYTHONPATH="$dir" "$PYTHON" "$top_srcdir/t/extension-t.py"
