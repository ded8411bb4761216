#!/usr/bin/env bash
# Set up everything the suite needs on a fresh Debian machine; fast and silent when done before.
#   - a virtualenv in .venv with the pinned requirements (reinstalled only when they change)
#   - Chromium and chromedriver from Debian when missing (needs root or passwordless sudo)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv
STAMP="$VENV/.prodready-installed"

say() { printf 'bootstrap: %s\n' "$*" >&2; }

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  say "python3 not found: install Python 3.11+ (apt-get install -y python3 python3-venv)"; exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  say "Python 3.11+ is required (found $("$PYTHON" --version 2>&1))"; exit 1
fi

want=$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  say "installing pinned requirements into $VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$want" > "$STAMP"
fi

# Headless runs use Debian's chromium-headless-shell (a third less time, half the memory of full
# Chromium in new-headless mode); headed runs and phones that need full Chromium use chromium.
have_browser() {
  { [ -n "${CHROME_BIN:-}" ] || command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ]; } &&
  { [ -n "${CHROMEDRIVER_PATH:-}" ] || command -v chromedriver >/dev/null 2>&1; } &&
  { [ -n "${CHROME_BIN:-}" ] || [ -x /usr/lib/chromium/chromium-headless-shell ]; }
}
# Debian's JRE runs the local Selenium Grid (make acceptance GRID=local, tests/test_grid.py).
wanted=()
if [ -z "${PRODREADY_SKIP_BROWSER:-}" ] && ! have_browser; then
  wanted+=(chromium chromium-headless-shell chromium-driver)
fi
if [ -z "${PRODREADY_SKIP_JAVA:-}" ] && ! command -v java >/dev/null 2>&1; then
  wanted+=(default-jre-headless)
fi
if [ ${#wanted[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
if [ "$SUDO" = none ] || ! command -v apt-get >/dev/null 2>&1; then
  if ! have_browser && [ -z "${PRODREADY_SKIP_BROWSER:-}" ]; then
    say "Chromium and chromedriver are missing and cannot be installed from here."
    say "Install them:  sudo apt-get install -y chromium chromium-headless-shell chromium-driver"
    say "or point at your own:  export CHROME_BIN=/path/to/chrome CHROMEDRIVER_PATH=/path/to/chromedriver"
    say "or use a Selenium Grid:  make acceptance BEHAVE_ARGS='-D remote_url=http://grid:4444'"
    exit 1
  fi
  say "Java is missing (the local Selenium Grid needs it): sudo apt-get install -y default-jre-headless"
  exit 0
fi
say "installing from Debian: ${wanted[*]} (about 30 s)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${wanted[@]}" >/dev/null
have_browser || [ -n "${PRODREADY_SKIP_BROWSER:-}" ] || { say "Chromium install finished but the browser is still not found"; exit 1; }
