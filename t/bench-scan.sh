#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench-scan.sh TREE - make bench-scan: pyoldbuf-scan against grep -rn
# with the four names, on TREE (CPython's source tree, for the figures of
# the reference's "Performance and reliability" page): the best wall time
# of five runs each, and what each reports.  A benchmark, not a test.

set -u
scan=${SCAN_PROGRAM:-scan/pyoldbuf-scan}
tree=${1:?usage: bench-scan.sh TREE}
pattern='PyObject_(AsCharBuffer|AsReadBuffer|CheckReadBuffer|AsWriteBuffer)'

# best COMMAND...: the best of five wall times of COMMAND, in ms.
best() {
	for run in 1 2 3 4 5; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1
		end=$(date +%s%N)
		echo $(((end - start) / 1000000))
	done | sort -n | head -n 1
}

files=$(find "$tree" -type f | wc -l)
echo "tree: $tree ($files files)"
printf '%-44s %8s %9s\n' "command" "best ms" "lines"
printf '%-44s %8s %9s\n' "pyoldbuf-scan TREE" "$(best "$scan" "$tree")" \
	"$("$scan" "$tree" | wc -l)"
printf '%-44s %8s %9s\n' "grep -rnE NAMES TREE" "$(best grep -rnE "$pattern" "$tree")" \
	"$(grep -rnE "$pattern" "$tree" | wc -l)"
printf '%-44s %8s %9s\n' "grep -rnE NAMES --include=*.[ch] TREE" \
	"$(best grep -rnE --include='*.[ch]' "$pattern" "$tree")" \
	"$(grep -rnE --include='*.[ch]' "$pattern" "$tree" | wc -l)"
