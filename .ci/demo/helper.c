/* SPDX-License-Identifier: MIT */
/* helper.c - a program of the same build: it must link, run, and not
 * need libpyoldbuf.so.0. */
#include <stdio.h>

int
main(void)
{
	return puts("helper: runs") < 0;
}
