/* SPDX-License-Identifier: MIT */
/*
 * oldbuffer.c - libpyoldbuf: the four legacy buffer functions
 *
 * Copyright (c) 2026 The libpyoldbuf authors
 *
 * The implementation is in include/oldbuffer.h, shared with header-only
 * mode; PYOLDBUF_BUILDING compiles it here with external linkage, and
 * -fvisibility=hidden leaves only the four functions exported.
 *
 * Each function does what CPython's Objects/abstract.c does (identical in
 * 3.6 to 3.13): a PyBUF_SIMPLE or PyBUF_WRITABLE request, the pointer and
 * length copied out, the view released at once.  Two things make it
 * faster than the interpreter's own:
 *
 *  - exact bytes and bytearray take a shortcut to the same pointer and
 *    length, without a frame or a buffer export;
 *  - in a build for one Python version, the type's buffer slots are called
 *    directly, as CPython's own CheckReadBuffer and AsWriteBuffer do, with
 *    PyObject_GetBuffer()'s and PyBuffer_Release()'s bodies written out.
 *
 * On Python >= 3.11 this file is compiled against the Limited API, so one
 * build serves every later CPython; the slots are hidden there, and the
 * functions are called instead.
 */
#define PYOLDBUF_BUILDING 1
#include <Python.h>

#include "oldbuffer.h"
