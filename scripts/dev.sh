#!/usr/bin/env bash
# Set up everything Blotter needs, then run it or its tests. Idempotent: run it again and
# it only does what is missing.
#
#   bash scripts/dev.sh run [ARGS...]   set up, then open the window (first run: the bundled seeds)
#   bash scripts/dev.sh test [PYTEST ARGS...]   set up, then run the whole suite headless
#   bash scripts/dev.sh setup           only set up
#   bash scripts/dev.sh desktop-entry   only add Blotter to the desktop's application menu (run does it too)
#
# It installs (only when missing): the Debian packages Qt needs (needs root or sudo), a
# virtual environment in .venv, and the Python packages of pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${BLOTTER_VENV:-.venv}
PY=${PYTHON:-python3}
QT_LIBS="libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core"
X_LIBS="xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0"

say() { printf 'blotter setup: %s\n' "$*" >&2; }

missing_debs() {
  local pkg out=()
  command -v dpkg-query >/dev/null || return 0
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out+=("$pkg")
  done
  echo "${out[@]:-}"
}

apt_install() {
  local need
  need=$(missing_debs "$@")
  [ -z "$need" ] && return 0
  if ! command -v apt-get >/dev/null; then
    say "please install these system packages: $need"; return 0
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      say "missing system packages ($need); run: sudo apt-get install $need"; return 0
    fi
  fi
  say "installing system packages: $need"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
}

setup() {
  local want="$QT_LIBS"
  "$PY" -c 'import ensurepip, venv' 2>/dev/null || want="$want python3-venv"
  [ "${1:-}" = x11 ] && want="$want $X_LIBS"
  apt_install $want
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
    say "creating the virtual environment $VENV"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.blotter-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing Python packages (first time only)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
    touch "$stamp"
  fi
}

# The desktop's application menu entry and icon, for this user only (no root): the XDG data folder
# (XDG_DATA_HOME, else ~/.local/share) gets applications/blotter.desktop and the icon under
# icons/hicolor/scalable/apps. Written again only when something changed.
install_desktop_entry() {
  local data=${XDG_DATA_HOME:-$HOME/.local/share}
  local exe icon entry tmp
  exe="$(cd "$(dirname "$VENV/bin/blotter")" && pwd)/blotter"
  icon="$data/icons/hicolor/scalable/apps/blotter.svg"
  entry="$data/applications/blotter.desktop"
  mkdir -p "$data/applications" "$(dirname "$icon")"
  cmp -s resources/icons/blotter.svg "$icon" || cp resources/icons/blotter.svg "$icon"
  tmp=$(mktemp)
  # Exec and TryExec: the path quoted as the Desktop Entry spec says (\, ", ` and $ escaped)
  local quoted
  quoted=$(printf '%s' "$exe" | sed -e 's/[\\"`$]/\\\\&/g')
  sed -e "s|@EXEC@ gui|\"$quoted\" gui|" -e "s|@EXEC@|$exe|" -e "s|@ICON@|$icon|" \
    resources/desktop/blotter.desktop.in > "$tmp"
  if cmp -s "$tmp" "$entry"; then rm -f "$tmp"; return 0; fi
  mv "$tmp" "$entry"
  chmod 644 "$entry"
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" 2>/dev/null || true
  say "added Blotter to the application menu ($entry)"
}

cmd=${1:-run}; shift || true
case "$cmd" in
  setup) setup x11 ;;
  run)
    install_desktop_entry || say "could not add Blotter to the application menu (carrying on)"
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "no display found: starting Blotter under a virtual screen (xvfb-run)"
      setup x11
      exec xvfb-run -a -s "-screen 0 1920x1080x24" "$VENV/bin/blotter" "$@"
    fi
    setup
    exec "$VENV/bin/blotter" "$@"
    ;;
  test)
    setup x11
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    "$VENV/bin/lint-imports" --no-cache
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  desktop-entry) install_desktop_entry ;;
  *) echo "usage: bash scripts/dev.sh run|test|setup|desktop-entry [args]" >&2; exit 2 ;;
esac
