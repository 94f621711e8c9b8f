#!/usr/bin/env bash
# make test-qgis340: the QGIS-facing suites on QGIS 3.40 LTR from Debian 13 (trixie): Python 3.13,
# numpy 2 and shapely 2.1 all from Debian, never pip (issue 15, points 3 and 5).
#
# The Debian 13 root is made once with debootstrap under /var/cache/grid_plugin (outside the clone)
# and reused. Its package list (below) is hashed into a stamp inside the root: when the list changes
# the root is made again. A root is built in a temporary folder and renamed only once complete, so a
# build killed half-way is never taken for a finished root (the leftover is removed next time).
#
# Each run happens in a private mount and PID namespace (unshare): the clone is bind-mounted read-only
# at its own path inside the root (its out/ is the clone's out/lane340, the one place the lane writes),
# with /proc, /dev/shm and ../shared (the Manhattan data). Those mounts
# exist only in that namespace, so they vanish when the run ends, however it ends (failure, Ctrl-C,
# kill -9), and the host never sees them. The PostGIS server of .ci/postgis.sh is reached over loopback
# (the network is shared). Needs root: debootstrap, chroot and mount.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SCRIPT=$REPO/.ci/lane340.sh

SUITE=trixie
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=${GRID_PLUGIN_CACHE:-/var/cache/grid_plugin}
ROOT=$CACHE/qgis-$SUITE
STAMP=.grid_plugin-root            # in the root: hash of the recipe, build date and build time
VENV=/opt/grid-plugin-venv         # in the root: pytest-qgis from PyPI over Debian's site-packages

DEBIAN_PACKAGES=(
  qgis python3-qgis qgis-providers  # QGIS 3.40 LTR, its Python bindings (with Processing), qgis_process
  python3-numpy python3-shapely     # numpy 2.2 and shapely 2.1 of Debian 13: the point of the lane
  python3-gdal python3-fiona python3-pyproj python3-psycopg2
  python3-pytest python3-venv       # pytest of Debian; a venv over it holds pytest-qgis
  ca-certificates                   # pip reaches PyPI over https
  fonts-wqy-microhei                # the CJK font of the map labels (atlas, demo maps)
  xvfb xauth                        # the desktop test runs QGIS 3.40 on a virtual screen
)
# pytest-qgis is not in Debian: the version pinned for the 3.22 suite, from PyPI, without dependencies
PIP_PACKAGES=("$(grep -E '^pytest-qgis==' .ci/requirements.txt || true)")
[ -n "${PIP_PACKAGES[0]}" ] || { echo "lane340: no pytest-qgis==<version> pin in .ci/requirements.txt" >&2; exit 1; }

# What the lane runs: the QGIS-facing suites, qgis_process and the dock in the QGIS desktop (Xvfb) on the
# packaged plugin. tests/e2e/test_demo_and_deploy.py (make demo and make deploy with the host's .venv)
# stays on the 3.22 suite.
LANE_TESTS=(tests/unit tests/qgis tests/e2e/test_qgis_process.py tests/e2e/test_desktop.py)

say() { echo "lane340: $*"; }

recipe() {  # everything the root is made from; its hash is the stamp
  printf '%s\n' "suite=$SUITE" "venv=$VENV" "debian=${DEBIAN_PACKAGES[*]}" "pip=${PIP_PACKAGES[*]}"
  declare -f build_inside mount_basics  # the build steps themselves (bash drops their comments)
}

# Remove a root folder; first unmount anything mounted under it (left by an older or foreign run in
# the host's namespace), because rm -rf would otherwise walk into a bind-mounted clone.
remove_root() {
  local dir=$1 target
  [ -e "$dir" ] || return 0
  while read -r target; do
    [ -n "$target" ] && umount -R -l "$target" 2>/dev/null || true
  done < <(findmnt -rn -o TARGET | awk -v d="$dir" 'index($0, d "/") == 1 || $0 == d' | sort -r)
  if findmnt -rn -o TARGET | awk -v d="$dir" 'index($0, d "/") == 1 {found = 1} END {exit !found}'; then
    say "something is still mounted under $dir; not removing it" >&2
    exit 1
  fi
  rm -rf "$dir"
}

# ---- inside the private namespace (the script calls itself through unshare) ---------------------------

# Mount what a chroot needs; the namespace's end unmounts all of it.
mount_basics() {
  local root=$1
  mount -t proc proc "$root/proc"
  mkdir -p "$root/dev/shm"
  mount -t tmpfs -o mode=1777,size=1g tmpfs "$root/dev/shm"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}

build_inside() {
  local tmp=$1 t0
  say "debootstrap --variant=minbase $SUITE into $tmp"
  t0=$SECONDS
  debootstrap --variant=minbase "$SUITE" "$tmp" "$MIRROR" >"$tmp.debootstrap.log" 2>&1 || {
    tail -n 30 "$tmp.debootstrap.log" >&2; say "debootstrap failed (log: $tmp.debootstrap.log)" >&2; exit 1; }
  say "debootstrap: $((SECONDS - t0)) s"
  mount_basics "$tmp"
  printf '#!/bin/sh\nexit 101\n' > "$tmp/usr/sbin/policy-rc.d"  # no services start inside the root
  chmod +x "$tmp/usr/sbin/policy-rc.d"
  t0=$SECONDS
  chroot "$tmp" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -ec "
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends ${DEBIAN_PACKAGES[*]} >/tmp/apt.log 2>&1 || { tail -n 40 /tmp/apt.log; exit 1; }
    apt-get clean"
  say "apt-get install (${#DEBIAN_PACKAGES[@]} packages and their dependencies): $((SECONDS - t0)) s"
  t0=$SECONDS
  mkdir -p "$tmp/tmp/wheels"
  cp "$CACHE/.wheels/"*.whl "$tmp/tmp/wheels/"
  chroot "$tmp" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root sh -ec "
    python3 -m venv --system-site-packages $VENV
    $VENV/bin/python -m pip install -q --disable-pip-version-check --no-index --find-links /tmp/wheels \
      --no-deps ${PIP_PACKAGES[*]}
    rm -r /tmp/wheels
    # numpy and shapely must be Debian's: nothing of theirs may sit in the venv
    ! ls $VENV/lib/python3*/site-packages | grep -iE '^(numpy|shapely)'"
  say "venv with ${PIP_PACKAGES[*]}: $((SECONDS - t0)) s"
  rm -f "$tmp/etc/resolv.conf" "$tmp.debootstrap.log"
}

run_inside() {
  # the root's /tmp holds only the last run's files; emptied before anything is mounted (the clone may
  # live under /tmp)
  find "$ROOT/tmp" -mindepth 1 -delete
  mount_basics "$ROOT"
  # the clone at its own path, read-only but for out/ (the desktop test saves its screenshots there),
  # which is out/lane340 of the clone, apart from the 3.22 suite's; and ../shared beside it
  mkdir -p "$ROOT$REPO" "$REPO/out/lane340"
  mount --bind "$REPO" "$ROOT$REPO"
  mount -o remount,bind,ro "$ROOT$REPO"
  mount --bind "$REPO/out/lane340" "$ROOT$REPO/out"
  local shared
  shared=$(dirname "$REPO")/shared
  if [ -d "$shared" ]; then
    mkdir -p "$ROOT$shared"
    mount --bind "$(realpath "$shared")" "$ROOT$shared"
    mount -o remount,bind,ro "$ROOT$shared"
  fi
  local env=(
    /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH="$VENV/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj XDG_RUNTIME_DIR=/tmp/runtime-root
    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$REPO:/usr/share/qgis/python/plugins" TERM="${TERM:-dumb}"
  )
  mkdir -p -m 700 "$ROOT/tmp/runtime-root"
  chroot "$ROOT" "${env[@]}" python -c '
import sys, numpy, shapely, osgeo.gdal, pyproj
from qgis.core import Qgis
assert shapely.__file__.startswith("/usr/lib/python3/"), shapely.__file__  # Debian, not pip
assert numpy.__file__.startswith("/usr/lib/python3/"), numpy.__file__
print(f"QGIS {Qgis.QGIS_VERSION} ({Qgis.QGIS_VERSION_INT}), Python {sys.version.split()[0]}, numpy {numpy.__version__},"
      f" shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), GDAL {osgeo.gdal.__version__},"
      f" PROJ {pyproj.proj_version_str}; numpy and shapely from Debian ({shapely.__file__.split("/shapely/")[0]}), not pip")'
  chroot "$ROOT" "${env[@]}" sh -c 'cd "$1" && shift && exec python -m pytest "$@"' sh "$REPO" \
    -p no:cacheprovider --basetemp=/tmp/pytest "$@"
}

case "${1:-}" in
  __build) build_inside "$2"; exit ;;
  __run) shift; run_inside "$@"; exit ;;
esac

# ---- on the host ---------------------------------------------------------------------------------------

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { say "needs root (debootstrap, chroot, mount); run it as root" >&2; exit 1; }
  exec sudo --preserve-env=DEBIAN_MIRROR,GRID_PLUGIN_CACHE,TERM "$SCRIPT" "$@"
fi
echo "==================== QGIS 3.40 lane (Debian 13) ===================="
if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
mkdir -p "$CACHE"
exec 9>"$CACHE/qgis-$SUITE.lock"
# one lane at a time on this machine: a build never replaces a root that a run is using
flock -n 9 || { say "waiting for another lane run to finish"; flock 9; }

want=$(recipe | sha256sum | cut -d' ' -f1)
if [ "$(head -n 1 "$ROOT/$STAMP" 2>/dev/null)" != "$want" ]; then
  if [ -e "$ROOT" ]; then say "$ROOT is stale or incomplete: building it again"; fi
  tmp=$CACHE/.qgis-$SUITE.building
  if [ -e "$tmp" ]; then say "removing the unfinished build $tmp"; fi
  remove_root "$tmp"  # the leftover of a killed build
  started=$SECONDS
  # PyPI is reached by the host's pip, set up for this network (proxy, certificates); the root installs
  # the downloaded wheels offline
  rm -rf "$CACHE/.wheels"
  pip=$REPO/.venv/bin/python; [ -x "$pip" ] || pip=python3
  "$pip" -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: -d "$CACHE/.wheels" \
    "${PIP_PACKAGES[@]}" >"$CACHE/.wheels.log" 2>&1 || { cat "$CACHE/.wheels.log" >&2; exit 1; }
  unshare --mount --propagation private --pid --fork --kill-child "$SCRIPT" __build "$tmp"
  seconds=$((SECONDS - started))
  printf '%s\nbuilt %s in %s s\n' "$want" "$(date -u +%FT%TZ)" "$seconds" > "$tmp/$STAMP"
  remove_root "$ROOT"
  mv "$tmp" "$ROOT"
  say "built $ROOT in $seconds s ($(du -sh "$ROOT" | cut -f1))"
else
  say "reusing $ROOT ($(sed -n 2p "$ROOT/$STAMP"))"
fi

ZIP=dist/grid_plugin-$(sed -n 's/^version=//p' metadata.txt).zip
[ -f "$ZIP" ] || { say "$ZIP missing: run make package first (make test-qgis340 does)" >&2; exit 1; }

started=$SECONDS
status=0
unshare --mount --propagation private --pid --fork --kill-child "$SCRIPT" __run "${LANE_TESTS[@]}" "$@" || status=$?
say "tests: $((SECONDS - started)) s, exit status $status"
exit "$status"
