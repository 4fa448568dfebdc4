#!/bin/sh
# SPDX-License-Identifier: MIT
#
# scan-fuzz-t.sh - pyoldbuf-scan's readers under libFuzzer, with
# AddressSanitizer and UndefinedBehaviorSanitizer, the two targets of
# scan/fuzz.c: lexer (any bytes as C, Cython and SWIG), seeded with
# t/scan's fixtures, and elf (any bytes as a module), seeded with this
# build's library and scanner.  Built with configure's FUZZ_CC (a compiler that
# links -fsanitize=fuzzer: clang); skipped without one.  make check runs
# each for FUZZ_SCAN_RUNS inputs (20000); make fuzz-scan for
# FUZZ_SCAN_SECONDS seconds each instead.  A crash, a leak or a sanitizer
# report fails the test and leaves the input in t/scan-fuzz/.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/scan.sh"

case $FUZZ_CC in
"") skip_all "no compiler links -fsanitize=fuzzer (install clang and libclang-rt-dev)" ;;
no) skip_all "configure FUZZ_CC=no" ;;
esac
scan_workdir scan-fuzz
mkdir -p "$out/lexer-corpus" "$out/elf-corpus"
cp "$fixtures"/* "$out/lexer-corpus/"
cp "$scan" "$out/elf-corpus/"
cp "$build/lib/.libs/$(sed -n "s/^dlname='\(.*\)'\$/\1/p" "$build/lib/libpyoldbuf.la")" \
	"$out/elf-corpus/"
if [ -n "${FUZZ_SCAN_SECONDS:-}" ]; then
	budget=-max_total_time=$FUZZ_SCAN_SECONDS
else
	budget=-runs=${FUZZ_SCAN_RUNS:-20000}
fi

# fuzzer NAME SOURCES...: build the target NAME of scan/fuzz.c with the
# readers (elf: with -DFUZZ_ELF).
fuzzer() {
	name=$1 define=
	[ "$name" = elf ] && define=-DFUZZ_ELF
	shift
	# shellcheck disable=SC2086 # LIBELF_CFLAGS and _LIBS are lists of words
	$FUZZ_CC -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -D_GNU_SOURCE $define $LIBELF_CFLAGS \
		-I"$top_srcdir/scan" -o "$out/fuzz-$name" "$top_srcdir/scan/fuzz.c" "$@" $LIBELF_LIBS
}
# run NAME: the fuzzer over its corpus, within the budget.
run() {
	(cd "$out" && UBSAN_OPTIONS=print_stacktrace=1 \
		"./fuzz-$1" "$budget" -close_fd_mask=3 -artifact_prefix="$out/$1-" \
		"$1-corpus")
}

plan 4
ok "scan/fuzz.c, the lexer target, builds with $FUZZ_CC" fuzzer lexer \
	"$top_srcdir/scan/lexer.c" "$top_srcdir/scan/output.c"
ok "the lexers: no crash, leak or sanitizer report ($budget)" run lexer
ok "scan/fuzz.c, the ELF target, builds with $FUZZ_CC" fuzzer elf \
	"$top_srcdir/scan/elf.c" "$top_srcdir/scan/lexer.c" "$top_srcdir/scan/output.c"
ok "the ELF reader: no crash, leak or sanitizer report ($budget)" run elf
