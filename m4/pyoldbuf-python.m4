# SPDX-License-Identifier: MIT
#
# PYOLDBUF_PYTHON
# ---------------
# Find the Python to build for: the precious variable PYTHON, or python3 on
# PATH.  Its own sysconfig says where its headers and libpython are.  Sets
# and substitutes:
#   PYTHON_VERSION     X.Y
#   PYTHON_HEXVERSION  sys.hexversion, in decimal
#   PYTHON_CPPFLAGS    -I flags for Python.h
#   PYTHON_EMBED_LIBS  flags that link a program embedding this Python (the
#                      test programs; the library itself never links it)
#   PYTHON_EXT_SUFFIX  file name suffix of its extension modules
#   PYTHON_FREE_THREADED  yes or no
#   PYTHON_IMPLEMENTATION cpython or pypy (sys.implementation.name)
#   PYTHON_EMBEDDING   yes when programs can embed it (CPython; PyPy has
#                      no C embedding API)
AC_DEFUN([PYOLDBUF_PYTHON], [
AC_ARG_VAR([PYTHON], [the Python interpreter to build for (default: python3)])
AS_IF([test -z "$PYTHON"], [AC_PATH_PROG([PYTHON], [python3])])
AS_IF([test -z "$PYTHON"],
      [AC_MSG_ERROR([python3 not found: install the python3 package, or give PYTHON=/path/to/pythonX.Y])])

pyoldbuf_sysconfig() {
	"$PYTHON" -c "import sys, sysconfig; print($[]1)" 2>/dev/null
}

AC_MSG_CHECKING([for the version of $PYTHON])
PYTHON_VERSION=`pyoldbuf_sysconfig '"%d.%d" % sys.version_info@<:@:2@:>@'`
PYTHON_HEXVERSION=`pyoldbuf_sysconfig 'sys.hexversion'`
AS_IF([test -z "$PYTHON_VERSION"],
      [AC_MSG_RESULT([none])
       AC_MSG_ERROR([$PYTHON does not run: give PYTHON=/path/to/pythonX.Y])])
AC_MSG_RESULT([$PYTHON_VERSION])
AS_IF([test $(( PYTHON_HEXVERSION < 0x03060000 )) = 1],
      [AC_MSG_ERROR([Python $PYTHON_VERSION is too old: libpyoldbuf needs Python 3.6 or later])])
AC_MSG_CHECKING([which implementation $PYTHON is])
PYTHON_IMPLEMENTATION=`pyoldbuf_sysconfig 'sys.implementation.name'`
AC_MSG_RESULT([$PYTHON_IMPLEMENTATION])
AS_CASE([$PYTHON_IMPLEMENTATION], [cpython|pypy], [],
        [AC_MSG_ERROR([$PYTHON is $PYTHON_IMPLEMENTATION: libpyoldbuf serves CPython and PyPy])])

PYTHON_CPPFLAGS=`pyoldbuf_sysconfig '" ".join(dict.fromkeys("-I" + sysconfig.get_path(p) for p in ("include", "platinclude")))'`
PYTHON_EXT_SUFFIX=`pyoldbuf_sysconfig 'sysconfig.get_config_var("EXT_SUFFIX")'`
pyoldbuf_py_libdir=`pyoldbuf_sysconfig 'sysconfig.get_config_var("LIBDIR")'`
pyoldbuf_py_ldversion=`pyoldbuf_sysconfig 'sysconfig.get_config_var("LDVERSION")'`
PYTHON_EMBED_LIBS="-L$pyoldbuf_py_libdir -Wl,-rpath,$pyoldbuf_py_libdir -lpython$pyoldbuf_py_ldversion"
AS_CASE([`pyoldbuf_sysconfig 'sysconfig.get_config_var("Py_GIL_DISABLED")'`],
        [1], [PYTHON_FREE_THREADED=yes], [PYTHON_FREE_THREADED=no])

pyoldbuf_save_CPPFLAGS=$CPPFLAGS
CPPFLAGS="$CPPFLAGS $PYTHON_CPPFLAGS"
AC_CHECK_HEADER([Python.h], [],
                [AC_MSG_ERROR([Python.h of Python $PYTHON_VERSION not found: install python3-dev (or python$PYTHON_VERSION-dev)])])

AC_MSG_CHECKING([whether a program can embed Python $PYTHON_VERSION])
AS_IF([test "$PYTHON_IMPLEMENTATION" = pypy], [
	# libpypy3.9-c exports the C API for extension modules, but no
	# Py_Initialize(): the test programs cannot embed it.
	PYTHON_EMBEDDING=no
	PYTHON_EMBED_LIBS=
	AC_MSG_RESULT([no: PyPy has no C embedding API (Py_Initialize); the test programs that embed Python are not built, make check runs the extension-module tests])
], [
	PYTHON_EMBEDDING=yes
	pyoldbuf_save_LIBS=$LIBS
	LIBS="$PYTHON_EMBED_LIBS $LIBS"
	AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <Python.h>]],
	                                [[Py_Initialize(); Py_Finalize();]])],
	               [AC_MSG_RESULT([yes])],
	               [AC_MSG_RESULT([no])
	                AC_MSG_ERROR([cannot link libpython$pyoldbuf_py_ldversion, which the tests embed: install libpython$PYTHON_VERSION-dev])])
	LIBS=$pyoldbuf_save_LIBS])
CPPFLAGS=$pyoldbuf_save_CPPFLAGS

AC_SUBST([PYTHON_VERSION])
AC_SUBST([PYTHON_HEXVERSION])
AC_SUBST([PYTHON_CPPFLAGS])
AC_SUBST([PYTHON_EMBED_LIBS])
AC_SUBST([PYTHON_EXT_SUFFIX])
AC_SUBST([PYTHON_IMPLEMENTATION])
AC_SUBST([PYTHON_EMBEDDING])
])
