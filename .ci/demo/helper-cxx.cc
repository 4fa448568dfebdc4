// SPDX-License-Identifier: MIT
// helper-cxx.cc - a C++ program of the same build: it must link, run,
// and not need libpyoldbuf.so.0.
#include <iostream>

int
main()
{
	std::cout << "helper-cxx: runs" << std::endl;
	return 0;
}
