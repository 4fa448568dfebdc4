#!/bin/sh
# SPDX-License-Identifier: MIT
# Print the version written in include/oldbuffer.h, for AC_INIT.
# Run from the top of the source tree (autoconf does).
sed -n 's/^#define OLDBUFFER_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9][0-9]*\)$/\2/p' \
	include/oldbuffer.h | tr '\n' '.' | sed 's/\.$//'
