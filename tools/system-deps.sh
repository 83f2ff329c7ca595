#!/usr/bin/env bash
# Installs the system packages the app and the test suite need, when they are missing and apt-get exists.
set -euo pipefail
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libxkbcommon.so.0 || need+=(libxkbcommon0)
have_lib libEGL.so.1 || need+=(libegl1)
have_lib libGL.so.1 || need+=(libgl1)
have_lib libfontconfig.so.1 || need+=(libfontconfig1)
have_lib libdbus-1.so.3 || need+=(libdbus-1-3)
# Qt's xcb platform plugin (a real window under X11 or xvfb-run): since Qt 6.5 it needs libxcb-cursor0 too.
for pair in libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0 \
            libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-render-util.so.0:libxcb-render-util0 \
            libxcb-shape.so.0:libxcb-shape0 libxcb-randr.so.0:libxcb-randr0 libxcb-xkb.so.1:libxcb-xkb1 \
            libxkbcommon-x11.so.0:libxkbcommon-x11-0; do
  have_lib "${pair%%:*}" || need+=("${pair##*:}")
done
# Headless Chromium for the HQ console's browser tests (Playwright drives /usr/bin/chromium; no browser download).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# npm installs axe-core for the console's accessibility test (`make js-deps`, run by `make test`).
command -v npm >/dev/null 2>&1 || need+=(npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
# The sqlite3 shell: benchmarks/bench_gotv.py compares the voted import with its `.import` of the same file.
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
# pdftoppm, to look at a walk list or handout PDF as a picture while changing its layout.
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# `make cluster` and tests/cluster: API nodes behind nginx, PgBouncer in front of PostgreSQL; wrk drives the
# open-loop /health comparison in benchmarks/load_open.py.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || need+=(pgbouncer)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: please install ${need[*]} with your system's package manager" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "system-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
