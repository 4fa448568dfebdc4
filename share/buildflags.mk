# SPDX-License-Identifier: MIT
#
# buildflags.mk - the zero-patch rebuild of a Debian package whose legacy
# extension calls PyObject_AsReadBuffer and co.  In debian/rules, before
# any other include (the second line gives this message if libpyoldbuf-dev
# is missing, where make would otherwise ask dh to remake this file):
#
#     include $(or $(wildcard /usr/share/libpyoldbuf/buildflags.mk), \
#         $(error libpyoldbuf-dev is not installed: add it to Build-Depends))
#
# and in debian/control, Build-Depends: libpyoldbuf-dev.  dpkg-buildflags
# then appends oldbuffer.pc's zero-patch flags, through the
# DEB_*_MAINT_APPEND variables, for every build system that debhelper
# drives: "-include oldbuffer.h" to CFLAGS and CXXFLAGS, and GCC's
# oldbuffer.specs to LDFLAGS, which links libpyoldbuf after the objects of
# each link and only where it is called.  The package's Depends gets
# libpyoldbuf0 from dpkg-shlibdeps.
#
# A later plain assignment in debian/rules ("DEB_CFLAGS_MAINT_APPEND =
# -Wall") would drop the flags: the build then stops, before its first
# command, with a message that says so.

# The host's pkg-config: the triplet's one when cross-building.
PYOLDBUF_PKG_CONFIG ?= $(if $(filter-out $(DEB_BUILD_GNU_TYPE),$(DEB_HOST_GNU_TYPE)),$(DEB_HOST_GNU_TYPE)-pkg-config,pkg-config)
PYOLDBUF_CFLAGS := $(shell $(PYOLDBUF_PKG_CONFIG) --variable=zero_patch_cflags oldbuffer)
PYOLDBUF_LDFLAGS := $(shell $(PYOLDBUF_PKG_CONFIG) --variable=zero_patch_libs oldbuffer)
ifeq (,$(PYOLDBUF_CFLAGS))
$(error $(PYOLDBUF_PKG_CONFIG) does not know oldbuffer: add libpyoldbuf-dev to Build-Depends)
endif

# Appended as text (eval), not as references to the variables above: the
# dpkg-buildflags that /usr/share/dpkg/buildflags.mk runs is given each
# variable's unexpanded value.
$(eval export DEB_CFLAGS_MAINT_APPEND += $(PYOLDBUF_CFLAGS))
$(eval export DEB_CXXFLAGS_MAINT_APPEND += $(PYOLDBUF_CFLAGS))
$(eval export DEB_LDFLAGS_MAINT_APPEND += $(PYOLDBUF_LDFLAGS))

# Which of the three lost the flags.  Make expands an exported variable for
# the environment of every command it runs, so after it has read the whole
# of debian/rules: the check runs then.
pyoldbuf_dropped = $(strip \
	$(if $(findstring $(PYOLDBUF_CFLAGS),$(DEB_CFLAGS_MAINT_APPEND)),,DEB_CFLAGS_MAINT_APPEND) \
	$(if $(findstring $(PYOLDBUF_CFLAGS),$(DEB_CXXFLAGS_MAINT_APPEND)),,DEB_CXXFLAGS_MAINT_APPEND) \
	$(if $(findstring $(PYOLDBUF_LDFLAGS),$(DEB_LDFLAGS_MAINT_APPEND)),,DEB_LDFLAGS_MAINT_APPEND))
export PYOLDBUF_BUILDFLAGS = $(if $(pyoldbuf_dropped),$(error $(pyoldbuf_dropped) lost the flags of /usr/share/libpyoldbuf/buildflags.mk: debian/rules sets it with "=" after the include; write "+=" instead, or move the include below that line),ok)
