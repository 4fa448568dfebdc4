# SPDX-License-Identifier: MIT
#
# scan.sh - the pyoldbuf-scan tests' helper (t/scan-t.sh,
# t/scan-debian-t.sh).  Sourced after t/tap/libtap.sh, with $scan set.

# sorted_scan ARGUMENT...: pyoldbuf-scan's findings in name order (a
# module's symbols come in the order of its symbol table), and its exit
# status.
sorted_scan() {
	"$scan" "$@" >"$tap_out.scan"
	sorted_scan_status=$?
	LC_ALL=C sort "$tap_out.scan"
	return "$sorted_scan_status"
}
