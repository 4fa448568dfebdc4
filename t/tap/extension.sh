# SPDX-License-Identifier: MIT
#
# extension.sh - build helpers of the shell tests, most of which build
# t/legacymodule.c as an extension module and run t/extension-t.py with it.
# Sourced after t/tap/libtap.sh and its load_config.

libs_dir=$build/lib/.libs
PKG_CONFIG_PATH=$build/t${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export PKG_CONFIG_PATH
oldbuffer_cflags=$($PKG_CONFIG --cflags oldbuffer) \
	&& oldbuffer_libs=$($PKG_CONFIG --libs oldbuffer) \
	|| bail "pkg-config does not know oldbuffer"

# python_flag PYTHON EXPRESSION: print EXPRESSION (of sys and sysconfig) in PYTHON.
python_flag() {
	"$1" -c "import sys, sysconfig; print($2)"
}

# python_includes PYTHON: the -I flags of PYTHON's headers.
python_includes() {
	python_flag "$1" '" ".join(dict.fromkeys("-I" + sysconfig.get_path(p) for p in ("include", "platinclude")))'
}

# build_legacy MODULE COMPILE_FLAGS LINK_FLAGS: compile t/legacymodule.c into the
# extension module MODULE, linked (with a run path) to this tree's library.
# COMPILE_FLAGS carry the target Python's -I flags.
build_legacy() {
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC $CFLAGS -fPIC $2 -shared -o "$1" "$top_srcdir/t/legacymodule.c" \
		$LDFLAGS $3 -Wl,-rpath,"$libs_dir"
}

# stops_with MESSAGE COMMAND...: COMMAND fails, saying MESSAGE.
stops_with() {
	message=$1
	shift
	! "$@" >"$tap_out.stops" 2>&1
	status=$?
	cat "$tap_out.stops"
	grep -q "$message" "$tap_out.stops" && [ "$status" -eq 0 ]
}

# with_library COMMAND...: run a program that loads this tree's library but
# is not built with its sanitizers (configure --enable-sanitizers): they
# need their runtime preloaded.
with_library() {
	if [ -n "${SANITIZER_PRELOAD:-}" ]; then
		LD_PRELOAD=$SANITIZER_PRELOAD "$@"
	else
		"$@"
	fi
}

# build_oracle PYTHON DIR: what extension-t.py compares with, next to the
# module in DIR.  On CPython it calls the interpreter's functions through
# ctypes.pythonapi; PyPy's ctypes has none, so there t/legacymodule.c is built
# without oldbuffer.h, as the module "native", and calls PyPy's own.
build_oracle() {
	[ "$(python_flag "$1" sys.implementation.name)" = pypy ] || return 0
	# shellcheck disable=SC2086 # the flags are lists of words
	$CC $CFLAGS -fPIC -shared $(python_includes "$1") -DLEGACY_MODULE=native \
		-o "$2/native$(python_flag "$1" 'sysconfig.get_config_var("EXT_SUFFIX")')" \
		"$top_srcdir/t/legacymodule.c" $LDFLAGS
}

# run_extension_tests PYTHON DIR: run extension-t.py with the module in DIR;
# succeeds when every check passed.
run_extension_tests() {
	build_oracle "$1" "$2" || return 1
	all_ok with_library env PYTHONPATH="$2" "$1" "$top_srcdir/t/extension-t.py"
}

# needs_libpyoldbuf MODULE: MODULE has libpyoldbuf.so.0 in NEEDED and takes
# no legacy name from elsewhere.
needs_libpyoldbuf() {
	$READELF -d "$1" | grep -q 'NEEDED.*\[libpyoldbuf\.so\.0\]' \
		&& ! $NM -D -u "$1" | grep -q 'PyObject_\(AsChar\|AsRead\|CheckRead\|AsWrite\)Buffer$'
}
