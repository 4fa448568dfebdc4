/* SPDX-License-Identifier: MIT */
/*
 * fuzz-lexer.c - libFuzzer target: any bytes, as a C, Cython and SWIG
 * source (t/scan-fuzz-t.sh builds and runs it, and make fuzz-scan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* As walk.c reads a file: its bytes, then a NUL. */
	char *text = malloc(size + 1);

	options.quiet = 1;     /* findings counted, not printed */
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	(void)includes_oldbuffer(text, size);
	scan_source("fuzz.c", text, size, C_LIKE);
	scan_source("fuzz.pyx", text, size, CYTHON);
	scan_source("fuzz.i", text, size, SWIG);
	free(text);
	return 0;
}
