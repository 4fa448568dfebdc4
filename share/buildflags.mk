# SPDX-License-Identifier: MIT
#
# buildflags.mk - the zero-patch rebuild of a Debian package whose legacy
# extension calls PyObject_AsReadBuffer and co.  In debian/rules, before
# any other include:
#
#     include /usr/share/libpyoldbuf/buildflags.mk
#
# and in debian/control, Build-Depends: libpyoldbuf-dev.  dpkg-buildflags
# then appends oldbuffer.pc's zero-patch flags to CFLAGS, CXXFLAGS and
# LDFLAGS ("-include oldbuffer.h"; libpyoldbuf, kept under --as-needed),
# through the DEB_*_MAINT_APPEND variables, for every build system that
# debhelper drives.  The package's Depends gets libpyoldbuf0 from
# dpkg-shlibdeps.

# The host's pkg-config: the triplet's one when cross-building.
PYOLDBUF_PKG_CONFIG ?= $(if $(filter-out $(DEB_BUILD_GNU_TYPE),$(DEB_HOST_GNU_TYPE)),$(DEB_HOST_GNU_TYPE)-pkg-config,pkg-config)
PYOLDBUF_CFLAGS := $(shell $(PYOLDBUF_PKG_CONFIG) --variable=zero_patch_cflags oldbuffer)
PYOLDBUF_LDFLAGS := $(shell $(PYOLDBUF_PKG_CONFIG) --variable=zero_patch_libs oldbuffer)
ifeq (,$(PYOLDBUF_CFLAGS))
$(error $(PYOLDBUF_PKG_CONFIG) does not know oldbuffer: add libpyoldbuf-dev to Build-Depends)
endif

export DEB_CFLAGS_MAINT_APPEND += $(PYOLDBUF_CFLAGS)
export DEB_CXXFLAGS_MAINT_APPEND += $(PYOLDBUF_CFLAGS)
export DEB_LDFLAGS_MAINT_APPEND += $(PYOLDBUF_LDFLAGS)
