# SPDX-License-Identifier: MIT
# setuptools, as a legacy extension's package builds it: legacymodule.c
# (t/legacymodule.c, unmodified) calls the four functions, plain.c none.
from setuptools import setup, Extension

setup(name="legacy", version="1.0",
      ext_modules=[Extension("legacy", ["legacymodule.c"]),
                   Extension("plain", ["plain.c"])])
