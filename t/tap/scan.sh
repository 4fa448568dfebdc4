# SPDX-License-Identifier: MIT
#
# scan.sh - what the pyoldbuf-scan tests (t/scan-*.sh) share.  Sourced
# after t/tap/libtap.sh and load_config: it skips the whole test when
# configure did not build the scanner, and sets $scan to the one built
# and $fixtures to the sources in t/scan.

[ "$SCAN" = yes ] || skip_all "pyoldbuf-scan is not built (configure: $SCAN)"
scan=$build/scan/pyoldbuf-scan
fixtures=$top_srcdir/t/scan
# The four functions' names, legacy and the library's, in name order.
legacy_names="PyObject_AsCharBuffer PyObject_AsReadBuffer PyObject_AsWriteBuffer PyObject_CheckReadBuffer"
pyoldbuf_names="pyoldbuf_as_char_buffer pyoldbuf_as_read_buffer pyoldbuf_as_write_buffer pyoldbuf_check_read_buffer"

# scan_workdir NAME: $out, a fresh $build/t/NAME for what the test makes
# (make clean removes it).
scan_workdir() {
	out=$build/t/$1
	rm -rf "$out" && mkdir -p "$out"
}

# sorted_scan ARGUMENT...: pyoldbuf-scan's findings in name order (a
# module's symbols come in the order of its symbol table), and its exit
# status.
sorted_scan() {
	"$scan" "$@" >"$tap_out.scan"
	sorted_scan_status=$?
	LC_ALL=C sort "$tap_out.scan"
	return "$sorted_scan_status"
}

# imports MODULE KIND NAME...: what pyoldbuf-scan prints for MODULE's
# imports of the NAMEs (in name order) when they are of KIND.  The names
# can come as one word, "$pyoldbuf_names" or "$legacy_names".
imports() {
	imports_module=$1 imports_kind=$2
	shift 2
	# shellcheck disable=SC2048 # a list of names as one word is split
	for imports_name in $*; do
		echo "$imports_module: $imports_name $imports_kind"
	done
}
