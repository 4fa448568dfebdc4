# SPDX-License-Identifier: MIT
# Cython through setuptools, as a legacy extension's package builds it.
from setuptools import setup, Extension
from Cython.Build import cythonize

setup(name="legacy", version="1.0",
      ext_modules=cythonize([Extension("legacy", ["legacy.pyx"]),
                             Extension("plain", ["plain.pyx"])]))
