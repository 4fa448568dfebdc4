// SPDX-License-Identifier: MIT
// A fixture of t/scan-t.sh: pybuffer.i's macros and Py_LIMITED_API in
// comments only: nothing.  %pybuffer_binary(const char *data, size_t size);
%module comment
/* %include <pybuffer.i>
   %pybuffer_mutable_string(char *text);  #define Py_LIMITED_API */
