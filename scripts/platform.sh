#!/usr/bin/env bash
# The real platform on this machine, for `make acceptance TARGET=platform`:
#   scripts/platform.sh up     start it (or reuse it) with the kit, then the project's own set-up step;
#                              writes .platform/platform.env (mode 600) that the platform target reads
#   scripts/platform.sh down   stop it
#   scripts/platform.sh status whether it answers
# The kit (../shared/platform/runtime, or $PLATFORM_KIT) is read-only: what a real community has
# and the kit's community lacks is added by prodready.target.platform_setup, through the platform's
# own GraphQL as its admin. PLATFORM_WORKDIR picks another instance (the kit's --workdir).
set -uo pipefail
cd "$(dirname "$0")/.."

KIT=${PLATFORM_KIT:-../shared/platform/runtime}
ENV_DIR=.platform
ENV_FILE=$ENV_DIR/platform.env
PY=.venv/bin/python
say() { printf 'platform: %s\n' "$*" >&2; }

workdir_args=()
[ -n "${PLATFORM_WORKDIR:-}" ] && workdir_args=(--workdir "$PLATFORM_WORKDIR")

need_kit() {
  if [ ! -x "$KIT/up.sh" ]; then
    say "no platform kit at $KIT (set PLATFORM_KIT to the folder holding up.sh, or point the platform target at"
    say "a running platform: export PLATFORM_URL and the PLATFORM_<PERSON>_USERNAME/_PASSWORD variables)"
    exit 2
  fi
}

# The platform's commit: the source's git HEAD where it is a checkout, else the commit its README names.
platform_commit() {
  local source="$KIT/../source"
  if git -C "$source" rev-parse HEAD >/dev/null 2>&1; then
    git -C "$source" rev-parse HEAD
  elif [ -f "$KIT/../README.md" ]; then
    grep -o 'commit \*\*`[0-9a-f]\{40\}`' "$KIT/../README.md" | grep -o '[0-9a-f]\{40\}' | head -n 1
  fi
}

up() {
  need_kit
  mkdir -p "$ENV_DIR"
  local out status
  out=$(mktemp)
  "$KIT/up.sh" "${workdir_args[@]}" "$@" >"$out"
  status=$?
  if [ $status -ne 0 ]; then
    rm -f "$out"
    say "the kit could not start the platform (its last line above says which step and where its log is)"
    if [ -r /etc/debian_version ] && ! grep -q '^12' /etc/debian_version; then
      say "this machine runs Debian $(cat /etc/debian_version); the kit was made and measured on Debian 12 (its README)"
    fi
    exit 3
  fi
  umask 077
  { cat "$out"; echo "PLATFORM_COMMIT=$(platform_commit)"; echo "PLATFORM_KIT=$(cd "$KIT" && pwd)"; } >"$ENV_FILE"
  rm -f "$out"
  chmod 600 "$ENV_FILE"
  local workdir
  workdir=$(grep '^PLATFORM_WORKDIR=' "$ENV_FILE" | cut -d= -f2-)
  if [ -f "$workdir/rails.env" ]; then  # the kit's instance: its community settings, by rails runner
    ( set +u; . "$workdir/rails.env"; cd "$workdir/app" && ruby bin/rails runner "$OLDPWD/scripts/platform_community.rb" ) >&2 \
      || { say "could not set the community's settings (rails runner in $workdir/app)"; exit 3; }
  fi
  default_port
  if [ -x "$PY" ]; then
    PRODREADY_ENV_FILE="$ENV_FILE" "$PY" -m prodready.target.platform_setup || exit $?
  fi
  say "ready: $(grep '^PLATFORM_URL=' "$ENV_FILE" | cut -d= -f2-) at commit $(grep '^PLATFORM_COMMIT=' "$ENV_FILE" | cut -d= -f2- | cut -c1-8) ($ENV_FILE)"
}

# The platform's QR code names the host without its port, and the guard's scanner goes to that
# address: a scan only works on the scheme's default port (as staging and production are served, on
# 443). The kit serves on a high port, so the platform is also served on 127.0.0.1:80 by a socat
# forwarder (root only; PLATFORM_DEFAULT_PORT=0 turns it off) and PLATFORM_URL names that address.
FORWARDER_PID=$ENV_DIR/port80.pid
default_port() {
  [ "${PLATFORM_DEFAULT_PORT:-1}" = 0 ] && return 0
  local kit_url port
  kit_url=$(grep '^PLATFORM_URL=' "$ENV_FILE" | cut -d= -f2-)
  port=${kit_url##*:}
  if [ "$(id -u)" != 0 ]; then
    say "not root: the platform stays at $kit_url, where the guard's camera scans cannot work (its QR code has no port)"
    return 0
  fi
  if ! command -v socat >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq socat >/dev/null 2>&1 || { say "socat missing: the platform stays at $kit_url"; return 0; }
  fi
  if [ -f "$FORWARDER_PID" ] && kill -0 "$(cat "$FORWARDER_PID")" 2>/dev/null; then
    kill "$(cat "$FORWARDER_PID")" 2>/dev/null; sleep 0.3  # it may point at an earlier port
  fi
  local forwarding
  # Another checkout of the project may already forward port 80 to this same platform: use it as it is.
  forwarding=$(pgrep -f "socat TCP-LISTEN:80,bind=127.0.0.1,fork,reuseaddr TCP:127.0.0.1:$port\$" | head -1)
  if [ -n "$forwarding" ]; then
    say "port 80 already forwards to $kit_url (socat, pid $forwarding): using it"
  elif ss -ltn 2>/dev/null | grep -q '127.0.0.1:80 \|\*:80 \|0.0.0.0:80 '; then
    say "port 80 is taken: the platform stays at $kit_url, where the guard's camera scans cannot work"
    return 0
  else
    nohup socat "TCP-LISTEN:80,bind=127.0.0.1,fork,reuseaddr" "TCP:127.0.0.1:$port" >/dev/null 2>&1 &
    echo $! >"$FORWARDER_PID"
  fi
  sed -i "s|^PLATFORM_URL=.*|PLATFORM_URL=http://127.0.0.1|; s|^PLATFORM_GRAPHQL_URL=.*|PLATFORM_GRAPHQL_URL=http://127.0.0.1/graphql|" "$ENV_FILE"
  echo "PLATFORM_KIT_URL=$kit_url" >>"$ENV_FILE"
  local waited=0
  until curl -fsS -o /dev/null -m 2 http://127.0.0.1/login 2>/dev/null; do
    [ $waited -ge 20 ] && { say "the forwarder on port 80 does not answer"; return 1; }
    sleep 0.5; waited=$((waited + 1))
  done
  say "served on http://127.0.0.1 (port 80, forwarded to $kit_url): the QR code's address"
}

down() {
  need_kit
  if [ -f "$FORWARDER_PID" ] && kill -0 "$(cat "$FORWARDER_PID")" 2>/dev/null; then
    kill "$(cat "$FORWARDER_PID")" && rm -f "$FORWARDER_PID"
  fi
  "$KIT/down.sh" "${workdir_args[@]}"
}

status() {
  local url
  url=$(grep '^PLATFORM_URL=' "$ENV_FILE" 2>/dev/null | cut -d= -f2-)
  if [ -z "$url" ]; then say "not started here ($ENV_FILE missing)"; exit 1; fi
  if curl -fsS -o /dev/null -m 5 -X POST -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$url/graphql"; then
    say "answering at $url"
  else
    say "not answering at $url"; exit 1
  fi
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: scripts/platform.sh up [kit options] | down | status" >&2; exit 2 ;;
esac
