#!/bin/sh
# SPDX-License-Identifier: MIT
# Make configure and Makefile.in from a git checkout (a release tarball has
# them already).  Needs autoconf, automake and libtool.
set -e
cd "$(dirname "$0")"
autoreconf --install --warnings=all
