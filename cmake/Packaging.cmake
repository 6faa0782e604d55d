# `cpack -G DEB` in the build folder makes a Debian package of what `cmake --install` installs.
# Its library dependencies come from dpkg-shlibdeps (package dpkg-dev), so the package asks for
# exactly the Qt and libpcap libraries the programs link, in the versions they were built with.
set(CPACK_PACKAGE_NAME teardown-lab)
set(CPACK_PACKAGE_VENDOR "Teardown Lab developers")
set(CPACK_PACKAGE_CONTACT "Teardown Lab developers <teardown-lab@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "Teardown Lab simulates two Linux hosts and shows, as an animated sequence diagram and a state
machine, how a TCP connection is closed: the four-way close, TIME_WAIT, half-close, orphans,
resets and the sysctls that change them. teardown-cli runs the same scenarios in a terminal.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The Chinese texts need a CJK font, and Qt's own dialogs their translations; the program runs
# without either, so they are recommended rather than required.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
include(CPack)
