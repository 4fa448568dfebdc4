/* SPDX-License-Identifier: MIT */
/*
 * fuzz.c - pyoldbuf-scan's libFuzzer targets: any bytes as a C, Cython
 * and SWIG source, or, built with -DFUZZ_ELF, as a built module
 * (t/scan-fuzz-t.sh builds and runs both, and make fuzz-scan).
 */
#ifdef FUZZ_ELF
# include <libelf.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* As walk.c reads a file: its bytes, then a NUL. */
	char *bytes = malloc(size + 1);

	options.quiet = 1;     /* findings counted, not printed */
	if (bytes == NULL)
		return 0;
	memcpy(bytes, data, size);
	bytes[size] = '\0';
#ifdef FUZZ_ELF
	if (elf_version(EV_CURRENT) == EV_NONE)
		abort();
	scan_elf("fuzz.so", bytes, size);
#else
	(void)includes_oldbuffer(bytes, size);
	scan_source("fuzz.c", bytes, size, C_LIKE);
	scan_source("fuzz.pyx", bytes, size, CYTHON);
	scan_source("fuzz.i", bytes, size, SWIG);
#endif
	free(bytes);
	return 0;
}
