# SPDX-License-Identifier: MIT
# An extension written for the old buffer API (.ci/run copies
# t/legacymodule.c here), built as its Debian package builds it.
from setuptools import setup, Extension

setup(name="legacy", version="1.0",
      ext_modules=[Extension("legacy", ["legacymodule.c"])])
