# SPDX-License-Identifier: MIT
# A fixture of t/scan-t.sh: Cython binds a C name through a string
# (python-djvulibre's djvu/common.pxi), and embeds C of its own.
cdef extern from "Python.h":
    int buffer_to_writable_memory 'PyObject_AsWriteBuffer'(object, void **, Py_ssize_t *) except -1

cdef extern from *:
    """
    static int read_it(PyObject *o, const void **p, Py_ssize_t *n)
    {
        return PyObject_AsReadBuffer(o, p, n);
    }
    """
    int read_it(object, const void **, Py_ssize_t *) except -1


def fill(obj):
    cdef void *p
    cdef Py_ssize_t n
    y = obj
    buffer_to_writable_memory(obj, &p, &n)
    z = y
    PyObject_CheckReadBuffer(obj)
