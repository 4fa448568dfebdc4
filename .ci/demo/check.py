# SPDX-License-Identifier: MIT
# check.py - each demo package's own test: its two modules import (from
# the directories given, or sys.path), and legacy's four functions answer
# as the interpreter's would.
import sys

sys.path[:0] = sys.argv[1:]
import legacy  # noqa: E402
import plain  # noqa: E402

assert legacy.read(b"legacy")[1] == b"legacy"
assert legacy.char(memoryview(b"abcdef")[1:4])[1] == b"bcd"
assert legacy.check(b"x") == 1 and legacy.check("text") == 0
buf = bytearray(3)
legacy.fill(buf, 0x41)
assert buf == bytearray(b"AAA")
try:
    legacy.read("text")
except TypeError as error:
    assert str(error) == "a bytes-like object is required, not 'str'", error
else:
    raise AssertionError("no TypeError")
print("check.py: legacy and plain work;", plain.__name__, "calls nothing")
