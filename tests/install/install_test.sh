#!/usr/bin/env bash
# install_test.sh BUILD_DIR APP_ID VERSION WITH_GUI
# Fails with a line naming the first thing that is not as the install step promises.
set -euo pipefail
build=$1 app_id=$2 version=$3 with_gui=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

prefix=$work/usr
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

expected=(
  bin/teardown-cli
  share/teardown-lab/scenarios/four-way-close.json
  share/teardown-lab/scenarios/load/port-exhaustion.json
  share/teardown-lab/translations/teardown-lab_zh_CN.qm
  share/man/man1/teardown-cli.1
  share/bash-completion/completions/teardown-cli
  share/doc/TeardownLab/LICENSE
)
if [ "$with_gui" = 1 ]; then
  expected+=(
    bin/teardown-lab
    "share/applications/$app_id.desktop"
    "share/metainfo/$app_id.metainfo.xml"
    "share/icons/hicolor/scalable/apps/$app_id.svg"
    share/man/man1/teardown-lab.1
  )
  for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/$app_id.png")
  done
fi
for file in "${expected[@]}"; do
  [ -s "$prefix/$file" ] || fail "expected $prefix/$file, found nothing"
done
# Every preset in the source tree is installed, and nothing from the build tree leaks in.
presets=$(find "$prefix/share/teardown-lab/scenarios" -name '*.json' | wc -l)
[ "$presets" -ge 20 ] || fail "expected at least 20 presets, found $presets"
if find "$prefix" -name '*.o' -o -name '*.a' -o -name '*_tests' | grep -q .; then
  fail "build artefacts installed: $(find "$prefix" -name '*.o' -o -name '*.a' -o -name '*_tests')"
fi

if [ "$with_gui" = 1 ]; then
  desktop-file-validate "$prefix/share/applications/$app_id.desktop" ||
    fail "the .desktop file does not validate"
  appstreamcli validate --no-net "$prefix/share/metainfo/$app_id.metainfo.xml" ||
    fail "the AppStream metainfo does not validate"
  grep -q "<release version=\"$version\"" "$prefix/share/metainfo/$app_id.metainfo.xml" ||
    fail "the metainfo's release is not version $version"
  file "$prefix/share/icons/hicolor/48x48/apps/$app_id.png" | grep -q '48 x 48' ||
    fail "the 48x48 icon is not 48x48: $(file "$prefix/share/icons/hicolor/48x48/apps/$app_id.png")"
  [ "$("$prefix/bin/teardown-lab" --version)" = "teardown-lab $version" ] ||
    fail "teardown-lab --version printed \"$("$prefix/bin/teardown-lab" --version)\""
  "$prefix/bin/teardown-lab" --help | head -n 1 | grep -q '^Usage: teardown-lab ' ||
    fail "teardown-lab --help's usage line is \"$("$prefix/bin/teardown-lab" --help | head -n 1)\""
fi
[ "$("$prefix/bin/teardown-cli" --version)" = "teardown-cli $version" ] ||
  fail "teardown-cli --version printed \"$("$prefix/bin/teardown-cli" --version)\""

# The installed CLI finds its presets and translations relative to itself: run it from a copy of
# the prefix moved elsewhere, where no path compiled into it can help.
moved=$work/moved
mv "$prefix" "$moved"
out=$("$moved/bin/teardown-cli" --preset four-way-close --lang zh_CN) ||
  fail "the moved CLI could not run the four-way-close preset"
grep -q 'TIME' <<<"$out" || fail "the four-way close printed no TIME-WAIT"
# \p{Han} needs a UTF-8 locale; a fresh root's shell (no LANG) runs in C. C.UTF-8 comes with libc.
LC_ALL=C.UTF-8 grep -qP '\p{Han}' <<<"$out" || fail "--lang zh_CN printed no Chinese"
"$moved/bin/teardown-cli" --list-presets | grep -q '^load/port-exhaustion' ||
  fail "the moved CLI does not list load/port-exhaustion"
echo "install test: ${#expected[@]} files in place, $presets presets, programs run from a moved prefix"
