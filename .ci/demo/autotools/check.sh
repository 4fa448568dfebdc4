#!/bin/sh
# The package's own test: its modules work, its helpers run.
set -e
"$PYTHON" "$srcdir/check.py" .libs
./demo-autotools-helper
./demo-autotools-helper-cxx
