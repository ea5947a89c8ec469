#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Second command of the README, and what .ci/run runs: install what is missing, build,
# and run every suite — unit and CLI without a display, UI and AT-SPI under Xvfb, the
# unit and UI suites again under valgrind and under ASan/UBSan, the fuzz-corpus replay
# and a short libFuzzer smoke run, the Graphviz corpus, and the Debian package built,
# installed and run.  It does not stop at the first failure.  The last line is
# "N passed, N failed", counted from meson's JSON logs plus one check per step that is not
# a meson test.
#
#   AM_FUZZ_SECONDS=30  seconds per fuzz target (0 skips the smoke run)
#   AM_SKIP_CORPUS=1    skip the slow Graphviz corpus suite
#   AM_SKIP_PACKAGE=1   skip building, installing and trying the Debian package
set -u
cd "$(dirname "$0")/.."
root=$PWD

unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export LC_ALL=C.UTF-8
fuzz_seconds=${AM_FUZZ_SECONDS:-30}
# -noreset: by default the X server regenerates when its last client leaves, and a
# program that connects in that moment (the a11y test starting its app just after the
# last ui test ended) is told "cannot open display"; twice in CI runs of this tree.
xvfb=(xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp -noreset")

extra_passed=0
extra_failed=0
failed_steps=()

step ()
{
  local name=$1
  shift
  echo "==> $name"
  if "$@"; then
    return 0
  fi
  echo "==> FAILED: $name"
  failed_steps+=("$name")
  return 1
}

check ()
{
  # A step that is not a meson test counts as one check.
  if step "$@"; then
    extra_passed=$((extra_passed + 1))
  else
    extra_failed=$((extra_failed + 1))
  fi
}

setup_build ()
{
  # setup_build CC DIR [meson options]: CC is only read when DIR is first configured.
  local cc=$1 dir=$2
  shift 2
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    CC=$cc meson setup "$dir" "$@" >/dev/null
  fi
  rm -f "$dir"/meson-logs/*.json
  nice meson compile -C "$dir"
}

fuzz_smoke ()
{
  # libFuzzer's progress lines go to a log; the final stats (and any crash) are shown.
  local target=$1 work=$2 corpus=$3 log rc
  shift 3
  log=$(mktemp)
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$target" "$@" "$work" "$corpus" >"$log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    grep -E '^(Done|stat::(number_of_executed_units|average_exec_per_sec|new_units_added))' "$log"
  else
    tail -n 60 "$log"
  fi
  rm -f "$log"
  return $rc
}

# The Debian package (debian/), built from a copy of the tree so that the build dirs and
# debian/ stay as they are, then installed, used and removed as a user would.
pkg_work=""

package_build ()
{
  pkg_work=$(mktemp -d)
  mkdir "$pkg_work/actormap"
  tar -C "$root" --exclude='./.git' --exclude='./build*' --exclude='./obj-*' \
      --exclude='./debian/actormap' --exclude='./debian/.debhelper' -cf - . |
    tar -C "$pkg_work/actormap" -xf - || return 1
  if ! (cd "$pkg_work/actormap" && nice dpkg-buildpackage -us -uc -b) \
        >"$pkg_work/build.log" 2>&1; then
    tail -n 60 "$pkg_work/build.log"
    return 1
  fi
  ls "$pkg_work"/actormap_*.deb
}

package_install ()
{
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "$pkg_work"/actormap_*_"$(dpkg --print-architecture)".deb >/dev/null
}

# installed_run ARGS…: the installed binary, with no help from the tree: no layout helper
# from the environment, so it is found in libexecdir.
installed_run ()
{
  env -u AM_LAYOUT_HELPER -u GSETTINGS_SCHEMA_DIR /usr/bin/actormap "$@"
}

installed_bundled ()
{
  # The article compiled in (--export without a FILE) and its installed copy.
  local out rc=0 model=/usr/share/actormap/north-korea-ignores-us-dialogue-offer.json
  out=$(mktemp -d)
  installed_run --check "$model" | grep -E '^ok: [0-9]+ entities' || rc=1
  installed_run --export="$out/map.png" && [ -s "$out/map.png" ] || rc=1
  installed_run --export="$out/map.svg" "$model" && grep -q '<svg' "$out/map.svg" || rc=1
  # A command line for the window reaches /usr/libexec/actormap-window, which finds no
  # display here and says so.
  env -u DISPLAY -u WAYLAND_DISPLAY -u G_DEBUG /usr/bin/actormap "$model" 2>&1 |
    grep -q 'cannot open display' || rc=1
  rm -rf "$out"
  return $rc
}

installed_graphml ()
{
  local out rc=0 fixture=$root/tests/data/interchange/small.graphml
  out=$(mktemp -d)
  installed_run --check "$fixture" | grep -x 'ok: 3 entities, 3 relations.*' || rc=1
  installed_run --export="$out/net.png" "$fixture" && [ -s "$out/net.png" ] || rc=1
  # Every actor and relation drawn, the two parallel ones too.
  installed_run --export="$out/net.svg" "$fixture" &&
    [ "$(grep -o '<g id="node-' "$out/net.svg" | wc -l)" -eq 3 ] &&
    [ "$(grep -o '<g id="edge-' "$out/net.svg" | wc -l)" -eq 3 ] || rc=1
  rm -rf "$out"
  return $rc
}

installed_man ()
{
  MANWIDTH=80 man -P cat actormap 2>/dev/null | grep -q '^ACTORMAP(1)' &&
    [ -f /usr/share/bash-completion/completions/actormap ] &&
    [ -x /usr/libexec/actormap-layout-helper ] &&
    [ -x /usr/libexec/actormap-window ]
}

check "install packages" tools/deps.sh test
check "build (gcc, -Dwerror=true)" setup_build gcc build --buildtype=debugoptimized -Dwerror=true

if [ -x build/src/actormap ]; then
  step "unit, cli and replay suites" \
    meson test -C build --suite unit --suite cli --suite replay --suite save \
      --print-errorlogs --logbase ci-unit
  step "ui and a11y suites (Xvfb)" \
    "${xvfb[@]}" meson test -C build --suite ui --suite a11y --print-errorlogs --logbase ci-ui
  step "unit and ui suites under valgrind" \
    "${xvfb[@]}" meson test -C build --setup valgrind --suite unit --suite ui --suite cli \
      --print-errorlogs --logbase ci-valgrind
  if [ "${AM_SKIP_CORPUS:-0}" != 1 ]; then
    step "Graphviz corpus suite" \
      meson test -C build --suite corpus --print-errorlogs --logbase ci-corpus \
        --num-processes 2
  fi
fi

if [ "${AM_SKIP_PACKAGE:-0}" != 1 ]; then
  if check "Debian package: dpkg-buildpackage" package_build; then
    check "Debian package: lintian (no errors or warnings)" lintian --fail-on error,warning \
      --tag-display-limit 0 "$pkg_work"/actormap_*.deb
    if check "Debian package: install" package_install; then
      check "installed: --check and --export of the bundled article" installed_bundled
      check "installed: --check and --export of a GraphML file" installed_graphml
      check "installed: man actormap, completion and helper" installed_man
      check "Debian package: remove" \
        env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq actormap
    fi
  fi
  [ -n "$pkg_work" ] && rm -rf "$pkg_work"
fi

check "build with ASan+UBSan (clang)" \
  setup_build clang build-asan --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
if [ -x build-asan/src/actormap ]; then
  step "unit, cli and ui suites under ASan+UBSan" \
    "${xvfb[@]}" meson test -C build-asan --setup asan --suite unit --suite cli --suite ui \
      --suite replay --print-errorlogs --logbase ci-asan
fi

if [ "$fuzz_seconds" -gt 0 ]; then
  check "build fuzz targets (clang, libFuzzer)" \
    setup_build clang build-fuzz --buildtype=debugoptimized -Dfuzzing=true -Dtests=false \
      -Db_sanitize=address,undefined -Db_lundef=false
  for target in build-fuzz/fuzz/fuzz-*; do
    [ -f "$target" ] && [ -x "$target" ] || continue
    name=$(basename "$target")
    stem=${name#fuzz-}
    stem=${stem//-/_}        # fuzz-load-document -> load_document
    corpus="$root/fuzz/corpus/$stem"
    dict="$root/fuzz/$stem.dict"
    work=$(mktemp -d)
    args=(-max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
          -print_final_stats=1 -artifact_prefix="$work/")
    [ -f "$dict" ] && args+=(-dict="$dict")
    check "fuzz smoke: $name (${fuzz_seconds}s)" fuzz_smoke "$target" "$work" "$corpus" "${args[@]}"
    rm -rf "$work"
  done
fi

[ ${#failed_steps[@]} -gt 0 ] && printf 'failed step: %s\n' "${failed_steps[@]}"
python3 - "$extra_passed" "$extra_failed" "${#failed_steps[@]}" build build-asan <<'PY'
import glob, json, os, sys
passed, failed, failed_steps = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
skipped = 0
for d in sys.argv[4:]:
    for log in glob.glob(os.path.join(d, "meson-logs", "*.json")):
        for line in open(log, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            r = json.loads(line).get("result")
            if r in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif r in ("FAIL", "ERROR", "TIMEOUT", "UNEXPECTEDPASS"):
                failed += 1
            elif r == "SKIP":
                skipped += 1
# A step that failed without a failed test in the logs (meson itself failed) still fails.
if failed == 0 and failed_steps:
    failed = failed_steps
print(f"skipped: {skipped} meson tests")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
