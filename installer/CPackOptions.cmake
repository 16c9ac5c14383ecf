# SPDX-License-Identifier: GPL-3.0-or-later
# Read by cpack for each generator it runs (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
    # Each package's Description starts with its own synopsis (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION);
    # CPackDeb would put the installer-wide summary in front of it.
    unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
