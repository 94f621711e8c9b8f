#!/usr/bin/env bash
# make setup: install what the plugin, its demo and its tests need. Idempotent: every step checks
# first and does nothing when its work is already done, so `make test` can call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  qgis python3-qgis qgis-providers          # QGIS 3.22 LTR and its Python bindings
  python3-fiona python3-pyproj              # same GDAL/PROJ as QGIS (never pip wheels)
  python3-venv python3-pip
  qttools5-dev-tools                        # lrelease for the .qm translations
  xvfb xauth                                # the end-to-end test runs real QGIS on a virtual screen
  postgresql-15 postgresql-15-postgis-3     # the PostGIS server store and its tests
  zip fonts-wqy-microhei                   # zip for packaging; a CJK font for map labels
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null; then sudo "$@";
  else echo "setup: '$*' needs root; run 'sudo make setup'" >&2; exit 1; fi
}

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The venv sees Debian's qgis, PyQt5, GDAL, fiona, pyproj and numpy (--system-site-packages).
if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# PROJ must use Debian's proj.db (the one QGIS uses), also for processes not started by make.
echo "import os; os.environ.setdefault('PROJ_DATA', '/usr/share/proj')" > "$site/grid_plugin_env.pth"
grep -q PROJ_DATA .venv/bin/activate || echo 'export PROJ_DATA=/usr/share/proj' >> .venv/bin/activate

stamp=.venv/.requirements.sha
want=$(sha256sum .ci/requirements.txt | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r .ci/requirements.txt
  echo "$want" > "$stamp"
fi
echo "setup: ready (.venv, Debian packages)"
