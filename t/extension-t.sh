#!/bin/sh
# SPDX-License-Identifier: MIT
#
# extension-t.sh - t/legacymodule.c, an extension module written the old way,
# ported (-DLEGACY_PORTED includes oldbuffer.h), built with -Werror and the
# flags of the uninstalled oldbuffer.pc, imported by the configured Python
# and compared with the interpreter's own functions by t/extension-t.py,
# whose TAP this prints.

set -u
. "$top_srcdir/t/tap/extension.sh"

dir=$build/t/extension
mkdir -p "$dir"
build_legacy "$dir/legacy$PYTHON_EXT_SUFFIX" \
	"-Wall -Werror -Werror=implicit-function-declaration -DLEGACY_PORTED $PYTHON_CPPFLAGS $oldbuffer_cflags" \
	"$oldbuffer_libs" \
	|| { echo "Bail out! the legacy extension does not build"; exit 1; }
needs_libpyoldbuf "$dir/legacy$PYTHON_EXT_SUFFIX" \
	|| { echo "Bail out! the module does not take libpyoldbuf's functions"; exit 1; }

build_oracle "$PYTHON" "$dir" \
	|| { echo "Bail out! the interpreter's own functions cannot be reached"; exit 1; }
with_library env PYTHONPATH="$dir" "$PYTHON" "$top_srcdir/t/extension-t.py"
