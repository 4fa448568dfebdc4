# SPDX-License-Identifier: MIT
# cython: language_level=3
# legacy.pyx - an extension written the old way in Cython: it declares the
# legacy functions itself, from Python.h, which from 3.13 on no longer
# declares them.
from libc.string cimport memset

cdef extern from "Python.h":
    int PyObject_AsReadBuffer(object, const void **, Py_ssize_t *) except -1
    int PyObject_AsCharBuffer(object, const char **, Py_ssize_t *) except -1
    int PyObject_CheckReadBuffer(object)
    int PyObject_AsWriteBuffer(object, void **, Py_ssize_t *) except -1


def read(obj):
    cdef const void *data
    cdef Py_ssize_t n
    PyObject_AsReadBuffer(obj, &data, &n)
    return <size_t>data, (<const char *>data)[:n]


def char(obj):
    cdef const char *text
    cdef Py_ssize_t n
    PyObject_AsCharBuffer(obj, &text, &n)
    return <size_t>text, text[:n]


def check(obj):
    return PyObject_CheckReadBuffer(obj)


def fill(obj, unsigned char byte):
    cdef void *data
    cdef Py_ssize_t n
    PyObject_AsWriteBuffer(obj, &data, &n)
    memset(data, byte, <size_t>n)
