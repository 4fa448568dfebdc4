/* SPDX-License-Identifier: MIT */
/* basic.c - a small TAP producer for the test programs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap/basic.h"

static unsigned long planned;
static unsigned long run;
static unsigned long failed;

static void
finish(void)
{
	fflush(stdout);
	if (run != planned) {
		diag("planned %lu tests but ran %lu", planned, run);
		_exit(255);
	}
	if (failed > 0) {
		diag("%lu of %lu tests failed", failed, run);
		_exit(1);
	}
}

void
plan(unsigned long count)
{
	planned = count;
	printf("1..%lu\n", count);
	fflush(stdout);
	atexit(finish);
}

static int vreport(int success, const char *format, va_list args)
	TAP_PRINTF(2, 0);

static int
vreport(int success, const char *format, va_list args)
{
	run++;
	if (!success)
		failed++;
	printf("%sok %lu - ", success ? "" : "not ", run);
	vprintf(format, args);
	putchar('\n');
	fflush(stdout);
	return success;
}

int
ok(int success, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	vreport(success, format, args);
	va_end(args);
	return success;
}

void
skip(const char *reason, ...)
{
	va_list args;

	run++;
	printf("ok %lu # SKIP ", run);
	va_start(args, reason);
	vprintf(reason, args);
	va_end(args);
	putchar('\n');
	fflush(stdout);
}

void
diag(const char *format, ...)
{
	va_list args;
	char text[4096];
	const char *line, *end;

	va_start(args, format);
	vsnprintf(text, sizeof(text), format, args);
	va_end(args);
	fflush(stdout);
	for (line = text; ; line = end + 1) {
		end = strchr(line, '\n');
		if (end == NULL) {
			printf("# %s\n", line);
			break;
		}
		printf("# %.*s\n", (int)(end - line), line);
	}
	fflush(stdout);
}

void
bail(const char *format, ...)
{
	va_list args;

	fflush(stdout);
	fputs("Bail out! ", stdout);
	va_start(args, format);
	vprintf(format, args);
	va_end(args);
	putchar('\n');
	fflush(stdout);
	_exit(255);
}
