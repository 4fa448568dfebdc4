#!/bin/sh
# SPDX-License-Identifier: MIT
#
# zero-patch-demo.sh - the end of README's first command: rebuild the
# unmodified t/legacymodule.c (it never includes oldbuffer.h) against the
# installed libpyoldbuf with oldbuffer.pc's zero-patch flags, flags before
# the source as setuptools puts them, and run it.  From the source tree.

set -eu
out=${TMPDIR:-/tmp}/legacy-demo
mkdir -p "$out"
# shellcheck disable=SC2046 # the flags are lists of words
cc -shared -fPIC -Werror=implicit-function-declaration $(python3-config --includes) \
	$(pkg-config --variable=zero_patch_cflags oldbuffer) \
	$(pkg-config --variable=zero_patch_libs oldbuffer) \
	-o "$out/legacy$(python3-config --extension-suffix)" t/legacymodule.c
PYTHONPATH=$out python3 -c '
import legacy
print("AsReadBuffer(b\"legacy\"):", legacy.read(b"legacy")[1])
print("AsCharBuffer(memoryview(b\"abcdef\")[1:4]):", legacy.char(memoryview(b"abcdef")[1:4])[1])
print("CheckReadBuffer(\"text\"):", legacy.check("text"))
b = bytearray(4)
legacy.fill(b, 0x41)
print("AsWriteBuffer(bytearray(4)), filled with A:", b)'
