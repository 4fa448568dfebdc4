// SPDX-License-Identifier: MIT
// A fixture of t/scan-t.sh: with the full API, pybuffer.i's macros take
// the buffer with PyObject_GetBuffer(): nothing to find.
%module full

%include <pybuffer.i>
%pybuffer_binary(const char *data, size_t size);

%inline %{
size_t count(const char *data, size_t size) { return size + (data != 0); }
%}
