#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Actormap needs from Debian 12's archive, and only what is missing.
#   tools/deps.sh build      compiler, meson, GTK 4, libadwaita, Graphviz, json-glib, libxml2,
#                            iso-codes (the state names the suggestions know)
#   tools/deps.sh test       build + Xvfb, AT-SPI, valgrind, clang sanitizers, poppler,
#                            NetworkX and igraph (interchange round trips), and what
#                            builds, checks and installs the Debian package
#   tools/deps.sh extra      test + xdotool, ImageMagick, Graphviz CLI (screenshots, bench)
# Needs root (or sudo) only when something is missing.
set -eu

build_pkgs=(gcc libc6-dev pkg-config meson ninja-build gettext
            libgtk-4-dev libadwaita-1-dev libepoxy-dev libgraphviz-dev libjson-glib-dev libxml2-dev iso-codes
            fonts-dejavu-core desktop-file-utils appstream appstream-util)
test_pkgs=(xvfb xauth dbus-daemon at-spi2-core python3 python3-pyatspi libxtst-dev
           valgrind poppler-utils clang libclang-rt-14-dev llvm
           python3-networkx python3-igraph
           debhelper dpkg-dev lintian man-db bash-completion)
extra_pkgs=(xdotool imagemagick x11-apps graphviz)

case "${1:-build}" in
  build) want=("${build_pkgs[@]}") ;;
  test)  want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  extra) want=("${build_pkgs[@]}" "${test_pkgs[@]}" "${extra_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|extra" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi

echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# eatmydata skips dpkg's fsyncs, which are almost all of the install time (testing.md §2).
if ! command -v eatmydata >/dev/null; then
  $sudo apt-get install -y -qq --no-install-recommends eatmydata >/dev/null
fi
$sudo eatmydata apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
