#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench-report.sh LIMITED VERSION SVG - the figures of the "Performance and
# reliability" page from two outputs of make bench (a Limited-API build and
# a build for that one Python, each printing the library's table, then
# header-only's): the instructions per call as Markdown tables on standard
# output, and the chart of the library/interpreter ratios as SVG, drawn by
# gnuplot (Debian's gnuplot-nox).  A maintainer's tool: the page and the
# chart it writes are committed.

set -eu
limited=$1 version=$2 svg=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# rows FILE N: the rows of the Nth table of FILE, as "object function lib
# interp getbuf ratio" (the instruction columns).
rows() {
	awk -v n="$2" '/^object function/ { table++; next }
		table == n && NF == 10 { print $1, $2, $7, $8, $9, $10 }
		table == n && NF == 0 { exit }' "$1"
}
# table FILE N TITLE: a Markdown table of FILE's Nth table.
table() {
	printf '%s\n\n' "$3"
	echo "| object | function | libpyoldbuf | interpreter | GetBuffer | ratio |"
	echo "|--------|----------|------------:|------------:|----------:|------:|"
	rows "$1" "$2" | awk '{ printf "| %s | %s | %.0f | %.0f | %.0f | %s |\n", $1, $2, $3, $4, $5, $6 }'
	echo
}
table "$limited" 1 "Limited-API library (the Debian build), instructions per call:"
table "$version" 1 "A library built for this one Python (\\--disable-limited-api):"
table "$limited" 2 "Header-only, full API (the same with either configure):"

# The chart: one bar per object and function, both library builds.
rows "$limited" 1 | awk '{ f = $2; sub(/Buffer$/, "", f); sub(/^As/, "", f)
	sub(/^CheckRead/, "Check", f); print $1 "\\n" f, $6 }' >"$tmp/limited"
rows "$version" 1 | awk '{ print $6 }' >"$tmp/version"
paste -d ' ' "$tmp/limited" "$tmp/version" >"$tmp/data"
gnuplot <<GNUPLOT
set terminal svg size 1000,420 font "sans,11" background "white"
set output "$svg"
set title "libpyoldbuf / interpreter, instructions per call (below 1: faster)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set yrange [0:1.5]
set ytics 0.25
set grid ytics
set xtics rotate by -45 font "sans,9"
set key top left
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 1.5
plot "$tmp/data" using 2:xtic(1) title "Limited-API build", \
     "" using 3 title "build for this Python"
GNUPLOT
