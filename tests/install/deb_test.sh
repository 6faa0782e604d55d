#!/usr/bin/env bash
# deb_test.sh BUILD_DIR APP_ID: builds the Debian package and checks its dependencies and files.
set -euo pipefail
build=$1 app_id=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "deb test: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log") || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
debs=("$work"/teardown-lab_*.deb)
[ -f "${debs[0]}" ] || fail "expected $work/teardown-lab_*.deb, found: $(ls "$work")"
deb=${debs[0]}

depends=$(dpkg-deb --field "$deb" Depends)
for library in libqt6charts6 libqt6widgets6 libqt6svg6 libqt6core6 libpcap0.8 libc6 libstdc++6; do
  grep -q "$library" <<<"$depends" || fail "expected $library in Depends, found: $depends"
done
files=$(dpkg-deb --contents "$deb")
for file in ./usr/bin/teardown-lab ./usr/bin/teardown-cli "./usr/share/applications/$app_id.desktop" \
  ./usr/share/teardown-lab/translations/teardown-lab_zh_CN.qm \
  ./usr/share/teardown-lab/scenarios/four-way-close.json; do
  grep -q " $file\$" <<<"$files" || fail "expected $file in the package, found none"
done
echo "deb test: $(basename "$deb"), Depends: $depends"
