#!/bin/sh
# SPDX-License-Identifier: MIT
#
# scan-debian-t.sh - pyoldbuf-scan on real code that Debian 12 ships, with
# the findings written out below: python3.11's abstract.h (python3.11-dev:
# the four declarations, not the comment that names one), the extension
# modules of python3-lmdb, python3-bx and python3-intbitset (built for
# 3.11, they take the legacy functions from libpython) and Cython's
# cpython/oldbuffer.pxd (cython3: a mention in a comment, nothing to
# find).  A file that is not installed is skipped: .ci/run installs them
# on its Debian 12 host.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/scan.sh"

dist=/usr/lib/python3/dist-packages
plan 5

# scans PACKAGE FILE STATUS FINDINGS: one result, FILE of PACKAGE (skipped
# when it is not installed) gives FINDINGS, in name order, and STATUS.
scans() {
	if [ -f "$2" ]; then
		ok_program "$1: $2" "$3" "$4" sorted_scan "$2"
	else
		skip "$2 is not installed ($1)"
	fi
}

# Declarations only: nothing to fix, exit 0.
h=/usr/include/python3.11/abstract.h
scans python3.11-dev "$h" 0 "$h:326: PyObject_AsCharBuffer declaration
$h:334: PyObject_CheckReadBuffer declaration
$h:343: PyObject_AsReadBuffer declaration
$h:354: PyObject_AsWriteBuffer declaration"
m=$dist/lmdb/cpython.cpython-311-x86_64-linux-gnu.so
scans python3-lmdb "$m" 1 "$m: PyObject_AsReadBuffer abi-only-import"
m=$dist/bx/_seqmapping.cpython-311-x86_64-linux-gnu.so
scans python3-bx "$m" 1 "$m: PyObject_AsReadBuffer abi-only-import
$m: PyObject_AsWriteBuffer abi-only-import"
m=$dist/intbitset.cpython-311-x86_64-linux-gnu.so
scans python3-intbitset "$m" 1 "$m: PyObject_AsReadBuffer abi-only-import"
scans cython3 "$dist/Cython/Includes/cpython/oldbuffer.pxd" 0 ""
