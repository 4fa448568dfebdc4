# SPDX-License-Identifier: MIT
# cython: language_level=3
# plain.pyx - a module of the same package that calls no legacy function.


def answer():
    return 42
