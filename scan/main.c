/* SPDX-License-Identifier: MIT */
/*
 * pyoldbuf-scan - find the legacy buffer API in sources and built modules
 *
 * Sources: C and C++, Cython and SWIG (lexer.c).  Built modules: ELF
 * files whose dynamic symbols import a legacy name (libpython's ABI-only
 * copy: the silent case) or a pyoldbuf_ one (elf.c).  One finding per
 * line, as grep -n prints them, or JSON (output.c).  Exit status as a
 * linter's: 0 when nothing needs doing, 1 when something needs fixing, 2
 * on error.
 */
#include <getopt.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

static void
usage(void)
{
	printf("Usage: %s [OPTION]... [PATH]...\n"
	       "Find the legacy buffer API (PyObject_AsCharBuffer, "
	       "PyObject_AsReadBuffer,\nPyObject_CheckReadBuffer, "
	       "PyObject_AsWriteBuffer) in C, C++, Cython and SWIG\n"
	       "sources and in built ELF modules below each PATH "
	       "(default: .; -: standard input).\n\n"
	       "  -l, --files-with-matches  print only the names of files "
	       "with findings\n"
	       "  -q, --quiet               print nothing; the exit status "
	       "says it all\n"
	       "  -Z, --null                a NUL after each file name\n"
	       "      --json                the findings as JSON\n"
	       "      --advice              then the rebuild that fits them\n"
	       "      --exclude=GLOB        leave out files and directories "
	       "whose name matches\n"
	       "      --hidden              walk hidden directories and "
	       "__pycache__ too\n"
	       "  -h, --help                this help, then exit\n"
	       "      --version             the version, then exit\n\n"
	       "Exit status: 0 nothing to fix, 1 something to fix, 2 an "
	       "error.\nSee pyoldbuf-scan(1).\n", program);
}

int
main(int argc, char **argv)
{
	enum { OPT_JSON = 256, OPT_ADVICE, OPT_EXCLUDE, OPT_HIDDEN, OPT_VERSION };
	static const struct option long_options[] = {
		{ "files-with-matches", no_argument, NULL, 'l' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "null", no_argument, NULL, 'Z' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "advice", no_argument, NULL, OPT_ADVICE },
		{ "exclude", required_argument, NULL, OPT_EXCLUDE },
		{ "hidden", no_argument, NULL, OPT_HIDDEN },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int c, i;

	/* getopt's messages name the program as ours do. */
	argv[0] = (char *)program;
	while ((c = getopt_long(argc, argv, "lqZh", long_options, NULL)) != -1) {
		switch (c) {
		case 'l': options.list = 1; break;
		case 'q': options.quiet = 1; break;
		case 'Z': options.null = 1; break;
		case OPT_JSON: options.json = 1; break;
		case OPT_ADVICE: options.advice = 1; break;
		case OPT_HIDDEN: options.hidden = 1; break;
		case OPT_EXCLUDE:
			options.exclude = realloc(options.exclude,
			                          (options.excludes + 1) * sizeof(char *));
			if (options.exclude == NULL) {
				fprintf(stderr, "%s: out of memory\n", program);
				return 2;
			}
			options.exclude[options.excludes++] = optarg;
			break;
		case 'h':
			usage();
			return 0;
		case OPT_VERSION:
			printf("%s (libpyoldbuf) %s\n", program, PACKAGE_VERSION);
			return 0;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n",
			        program);
			return 2;
		}
	}
	if (options.json && (options.list || options.null)) {
		fprintf(stderr, "%s: --json does not go with -l or -Z\n"
		        "Try '%s --help' for more information.\n", program, program);
		return 2;
	}
	if (elf_version(EV_CURRENT) == EV_NONE) {
		fprintf(stderr, "%s: libelf: %s\n", program, elf_errmsg(-1));
		return 2;
	}
	output_begin();
	for (i = optind; i < argc; i++)
		scan_named(argv[i]);
	if (optind == argc)
		scan_current_directory();
	return output_end();
}
