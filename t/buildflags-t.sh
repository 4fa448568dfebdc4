#!/bin/sh
# SPDX-License-Identifier: MIT
#
# buildflags-t.sh - share/buildflags.mk as debian/rules includes it, with
# README's include line (dh's catch-all "%:" rule beside it):
#  - dpkg-buildflags then ends CFLAGS and CXXFLAGS with oldbuffer.pc's
#    zero_patch_cflags and LDFLAGS with its zero_patch_libs, also through
#    /usr/share/dpkg/buildflags.mk included later, and after a later
#    "+= -Wall";
#  - a later plain "DEB_CFLAGS_MAINT_APPEND = -Wall" (or LDFLAGS) stops
#    the build before its first command, naming buildflags.mk, the
#    variable and "+=";
#  - without libpyoldbuf-dev the include line stops with its own message,
#    and make does not ask dh to remake the missing file.

set -u
. "${0%/*}/tap/libtap.sh"
load_config
. "$top_srcdir/t/tap/extension.sh"

command -v dpkg-buildflags >/dev/null 2>&1 \
	|| skip_all "dpkg-buildflags is not installed (dpkg-dev)"
out=$build/t/buildflags
mkdir -p "$out"
zero_patch_cflags=$($PKG_CONFIG --variable=zero_patch_cflags oldbuffer)
zero_patch_libs=$($PKG_CONFIG --variable=zero_patch_libs oldbuffer)
# README's include line (and its continuation), for this tree's file.
include=$(sed -n '/^    include $(or $(wildcard \/usr\/share\/libpyoldbuf\/buildflags.mk)/{N;p;}' \
	"$top_srcdir/README" | sed 's/^    //')

# rules MAKEFILE [LINE...]: a debian/rules of README's include, the LINEs
# and dh's catch-all rule, which here prints dpkg-buildflags --get TARGET
# (or that it remade the file); run it with: rules_make MAKEFILE TARGET.
rules() {
	file=$1
	shift
	{
		echo "$include"
		printf '%s\n' "$@"
		printf '%%:\n\t@case $@ in *.mk) echo "dh: remade $@" ;; *) dpkg-buildflags --get $@ ;; esac\n'
	} >"$file"
}
# A make of its own, not one under make check's jobserver.
rules_make() {
	env MAKEFLAGS= MAKELEVEL= make -s -f "$1" PYOLDBUF_PKG_CONFIG="$PKG_CONFIG" "$2"
}

plan 9
buildflags=$top_srcdir/share/buildflags.mk
[ -n "$include" ] || bail "README shows no include line for buildflags.mk"
include=$(echo "$include" | sed "s|/usr/share/libpyoldbuf/buildflags.mk|$buildflags|")

rules "$out/rules"
ok_program "CFLAGS end with the zero-patch flags" 0 \
	"$(dpkg-buildflags --get CFLAGS) $zero_patch_cflags" rules_make "$out/rules" CFLAGS
ok_program "CXXFLAGS end with the zero-patch flags" 0 \
	"$(dpkg-buildflags --get CXXFLAGS) $zero_patch_cflags" rules_make "$out/rules" CXXFLAGS
ok_program "LDFLAGS end with the zero-patch libs" 0 \
	"$(dpkg-buildflags --get LDFLAGS) $zero_patch_libs" rules_make "$out/rules" LDFLAGS

rules "$out/rules-dpkg" 'include /usr/share/dpkg/buildflags.mk' \
	'print-%:' '	@echo "$($*)"'
ok_program "through /usr/share/dpkg/buildflags.mk too" 0 \
	"$(dpkg-buildflags --get CFLAGS) $zero_patch_cflags" \
	rules_make "$out/rules-dpkg" print-CFLAGS

rules "$out/rules-append" 'export DEB_CFLAGS_MAINT_APPEND += -Wall'
ok_program "a later DEB_CFLAGS_MAINT_APPEND += -Wall keeps them" 0 \
	"$(dpkg-buildflags --get CFLAGS) $zero_patch_cflags -Wall" \
	rules_make "$out/rules-append" CFLAGS

rules "$out/rules-set" 'export DEB_CFLAGS_MAINT_APPEND = -Wall'
ok "a later DEB_CFLAGS_MAINT_APPEND = -Wall stops the build, naming buildflags.mk and +=" \
	stops_with 'buildflags.mk:[0-9]*: \*\*\* DEB_CFLAGS_MAINT_APPEND lost the flags of /usr/share/libpyoldbuf/buildflags.mk: .* write "+=" instead' \
	rules_make "$out/rules-set" CFLAGS
rules "$out/rules-set-ld" 'DEB_LDFLAGS_MAINT_APPEND = -Wl,-O1'
ok "a later DEB_LDFLAGS_MAINT_APPEND = ... stops it too" \
	stops_with '\*\*\* DEB_LDFLAGS_MAINT_APPEND lost the flags' \
	rules_make "$out/rules-set-ld" build

# Without libpyoldbuf-dev: the file is not there.
include=$(echo "$include" | sed "s|$buildflags|$out/missing/buildflags.mk|")
rules "$out/rules-missing"
ok "without libpyoldbuf-dev, the include line says to add it to Build-Depends" \
	stops_with '\*\*\* libpyoldbuf-dev is not installed: add it to Build-Depends' \
	rules_make "$out/rules-missing" build
ok "... and make does not ask dh to remake the file" \
	eval '! grep "remade" "$tap_out.stops"'
