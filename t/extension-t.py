# SPDX-License-Identifier: MIT
"""extension-t.py - the legacy extension against the interpreter's own functions.

For each object, the extension's result (address, bytes or exception) must
equal that of the interpreter's exported PyObject_As*Buffer, called through
ctypes.pythonapi.  Prints TAP.
"""
import array
import ctypes
import mmap
import sys

import legacy
from _testbuffer import ndarray, ND_WRITABLE, ND_GETBUF_FAIL, ND_FORTRAN

api = ctypes.pythonapi
for name in ("PyObject_AsCharBuffer", "PyObject_AsReadBuffer",
             "PyObject_AsWriteBuffer"):
    getattr(api, name).argtypes = [ctypes.py_object,
                                   ctypes.POINTER(ctypes.c_void_p),
                                   ctypes.POINTER(ctypes.c_ssize_t)]
api.PyObject_CheckReadBuffer.argtypes = [ctypes.py_object]


def interpreter(name, obj):
    """(address, bytes) from the interpreter's own function, as legacy does."""
    address, length = ctypes.c_void_p(), ctypes.c_ssize_t()
    getattr(api, name)(obj, ctypes.byref(address), ctypes.byref(length))
    return (address.value or 0, ctypes.string_at(address, length.value))


def outcome(function, *args):
    try:
        return ("returned", function(*args))
    except Exception as error:  # the exception is what is compared
        return ("raised", type(error).__name__, str(error))


class Exporter:
    def __init__(self, data, error=None):
        self.data, self.error = data, error

    def __buffer__(self, flags):
        if self.error is not None:
            raise self.error
        return memoryview(self.data)


OBJECTS = [
    "b'legacy'", "b''", "bytearray(b'abcdef')", "bytearray()",
    "memoryview(b'abcdef')[1:4]", "memoryview(b'abcdef')[::2]",
    "memoryview(bytearray(16)).cast('i', shape=[2, 2])",
    "array.array('h', [1, 2, 3])", "mmap.mmap(-1, 8)",
    "mmap.mmap(-1, 8, access=mmap.ACCESS_READ)",
    "'text'", "None", "3.5",
    "ndarray(list(range(6)), shape=[2, 3], format='B', flags=ND_WRITABLE)",
    "ndarray(list(range(6)), shape=[2, 3], format='B', flags=ND_FORTRAN)",
    "ndarray([1, 2], shape=[2], format='B', flags=ND_GETBUF_FAIL)",
    "Exporter(bytearray(b'xyz'))", "Exporter(b'', BufferError('no'))",
    "Exporter(b'', ValueError('nope'))",
]

results = []


def check(description, seen, wanted):
    results.append((seen == wanted, description, seen, wanted))


for expr in OBJECTS:
    obj = eval(expr)
    check("read(%s)" % expr, outcome(legacy.read, obj),
          outcome(interpreter, "PyObject_AsReadBuffer", obj))
    check("char(%s)" % expr, outcome(legacy.char, obj),
          outcome(interpreter, "PyObject_AsCharBuffer", obj))
    check("check(%s)" % expr, legacy.check(obj),
          api.PyObject_CheckReadBuffer(obj))
    wanted = outcome(interpreter, "PyObject_AsWriteBuffer", obj)
    if wanted[0] == "returned":
        wanted = ("returned", (wanted[1][0], len(wanted[1][1])))
    check("fill(%s)" % expr, outcome(legacy.fill, obj, 0x5a), wanted)
    if wanted[0] == "returned" and wanted[1][1] > 0:
        check("fill(%s) reached the object" % expr,
              set(memoryview(obj).tobytes()), {0x5a})

# Idioms of real callers.
check("checked_read(b'abc')", legacy.checked_read(b"abc"), b"abc")
check("checked_read('abc') takes the check's no",
      legacy.checked_read("abc"), None)
check("PY_SSIZE_T_CLEAN holds: length(b'abcde') parsed with y#",
      legacy.length(b"abcde"), 5)
resized = bytearray(b"abc")
legacy.read(resized)
resized.extend(b"def")
check("a bytearray resizes after a call", bytes(resized), b"abcdef")
check("a pending-free failure: read(None) raises TypeError",
      outcome(legacy.read, None)[:2], ("raised", "TypeError"))

print("1..%d" % len(results))
for number, (good, description, seen, wanted) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if good else "not ok", number, description))
    if not good:
        print("# seen:   %r\n# wanted: %r" % (seen, wanted))
sys.exit(0 if all(r[0] for r in results) else 1)
