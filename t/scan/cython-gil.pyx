# SPDX-License-Identifier: MIT
# A fixture of t/scan-t.sh: Cython that declares and calls the legacy
# functions.  Not a use: PyObject_AsWriteBuffer(obj, &w, &n)
"""Nor this: PyObject_AsCharBuffer(obj, &c, &n)."""

cdef extern from "Python.h":
    int PyObject_AsReadBuffer(object obj, const void **buffer,
                              Py_ssize_t *buffer_len) except -1
    int PyObject_CheckReadBuffer(object obj)


def read(obj):
    cdef const void *buffer
    cdef Py_ssize_t length
    if not PyObject_CheckReadBuffer(obj):
        raise TypeError('PyObject_CheckReadBuffer(obj) said no')
    PyObject_AsReadBuffer(obj, &buffer, &length)
    return length
