/* SPDX-License-Identifier: MIT */
/*
 * fuzz-elf.c - libFuzzer target: any bytes, as a built module
 * (t/scan-fuzz-t.sh builds and runs it, and make fuzz-scan).
 */
#include <libelf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *image = malloc(size + 1);

	options.quiet = 1;     /* findings counted, not printed */
	if (image == NULL)
		return 0;
	if (elf_version(EV_CURRENT) == EV_NONE)
		abort();
	memcpy(image, data, size);
	scan_elf("fuzz.so", image, size);
	free(image);
	return 0;
}
