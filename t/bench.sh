#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench.sh - make bench: run t/bench for times and, when valgrind is
# installed, under callgrind for instructions per call; print one table.
# For each object and function: libpyoldbuf, the interpreter's own
# function, a plain PyObject_GetBuffer() + PyBuffer_Release(), and the
# ratio library/interpreter, in ns per call (median of 7 runs of 200000
# calls) and in instructions per call (10000 calls, loop included).
# Environment: PYTHON, LIMITED_API, VALGRIND, MODE (library or header-only,
# what the benchmark program was built with), from make.

set -u
bench=${1:-t/bench}
mode=${MODE:-library}
dir=t/bench-out/$mode
rm -rf "$dir" && mkdir -p "$dir"

"$bench" time >"$dir/time" || exit 1
if [ -n "${VALGRIND:-}" ]; then
	"$VALGRIND" --tool=callgrind --collect-atstart=no \
		--callgrind-out-file="$dir/callgrind.%p" "$bench" count \
		>"$dir/count" 2>"$dir/valgrind.out" || {
		cat "$dir/valgrind.out"
		exit 1
	}
	calls=$(sed -n 's/^calls //p' "$dir/count")
	# Each dump: "desc: Trigger: Client Request: LABEL" and "totals: N".
	for file in "$dir"/callgrind.*; do
		awk -v calls="$calls" '
			/^desc: Trigger: Client Request: / {
				sub(/^desc: Trigger: Client Request: /, ""); label = $0 }
			/^totals: / { total = $2 }
			END { if (label != "") printf "%s %.1f\n", label, total / calls }
		' "$file"
	done >"$dir/instructions"
else
	: >"$dir/instructions"
fi

if [ "$mode" = library ]; then
	build="the library, Limited API: $LIMITED_API"
else
	build="header-only: oldbuffer.h's static functions, full API"
fi
echo "libpyoldbuf $(sed -n 's/^#define OLDBUFFER_VERSION_\(MAJOR\|MINOR\|PATCH\) //p' \
	"${top_srcdir:-.}/include/oldbuffer.h" | paste -sd.), Python $("$PYTHON" -c \
	'import sys; print(sys.version.split()[0])') ($PYTHON); $build"
[ -s "$dir/instructions" ] || echo "(valgrind not found: no instruction counts)"
awk '
	FILENAME ~ /time$/ { ns[$1 " " $2, $3] = $4; if (!(($1 " " $2) in seen)) { seen[$1 " " $2] = 1; order[++n] = $1 " " $2 } }
	FILENAME ~ /instructions$/ { ir[$1 " " $2, $3] = $4 }
	END {
		printf "%-28s %27s   %27s\n", "", "ns per call", "instructions per call"
		printf "%-28s %6s %6s %6s %6s   %6s %6s %6s %6s\n", "object function",
			"lib", "interp", "GetBuf", "ratio", "lib", "interp", "GetBuf", "ratio"
		for (i = 1; i <= n; i++) {
			k = order[i]
			line = sprintf("%-28s %6.1f %6.1f %6.1f %6.2f", k,
				ns[k, "library"], ns[k, "interpreter"], ns[k, "getbuffer"],
				ns[k, "library"] / ns[k, "interpreter"])
			if ((k, "library") in ir)
				line = line sprintf("   %6.1f %6.1f %6.1f %6.2f",
					ir[k, "library"], ir[k, "interpreter"], ir[k, "getbuffer"],
					ir[k, "library"] / ir[k, "interpreter"])
			print line
		}
	}' "$dir/time" "$dir/instructions"
