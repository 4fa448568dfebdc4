// SPDX-License-Identifier: MIT
// A fixture of t/scan-t.sh: with the full API, pybuffer.i's macros take
// the buffer with PyObject_GetBuffer() from SWIG 4.0 on: the macro is
// listed, and nothing is to fix (SWIG 3.0 alone would call).
%module full

%include <pybuffer.i>
%pybuffer_binary(const char *data, size_t size);

%inline %{
size_t count(const char *data, size_t size) { return size + (data != 0); }
%}
