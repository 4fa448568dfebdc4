# SPDX-License-Identifier: MIT
# A fixture of t/scan-t.sh: a Cython declaration file, nogil.
from cpython.ref cimport PyObject

cdef extern from "Python.h" nogil:
    int PyObject_AsWriteBuffer(PyObject *obj, void **buffer,
                               Py_ssize_t *buffer_len) except -1
    int PyObject_AsCharBuffer(PyObject *obj, const char **buffer,
                              Py_ssize_t *buffer_len) except -1


cdef inline int write_length(PyObject *obj) nogil except -1:
    cdef void *buffer
    cdef Py_ssize_t length
    with gil:
        PyObject_AsWriteBuffer(obj, &buffer, &length)
    return <int>length
