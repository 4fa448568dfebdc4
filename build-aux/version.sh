#!/bin/sh
# SPDX-License-Identifier: MIT
# Print the version written in include/oldbuffer.h, for AC_INIT.
# Run from the top of the source tree (autoconf does).  POSIX sh and sed.
for part in MAJOR MINOR PATCH; do
	sed -n "s/^#define OLDBUFFER_VERSION_$part \\([0-9][0-9]*\\)\$/\\1/p" \
		include/oldbuffer.h
done | tr '\n' '.' | sed 's/\.$//'
