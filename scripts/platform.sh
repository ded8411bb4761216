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
  if [ -x "$PY" ]; then
    PRODREADY_ENV_FILE="$ENV_FILE" "$PY" -m prodready.target.platform_setup || exit $?
  fi
  say "ready: $(grep '^PLATFORM_URL=' "$ENV_FILE" | cut -d= -f2-) at commit $(grep '^PLATFORM_COMMIT=' "$ENV_FILE" | cut -d= -f2- | cut -c1-8) ($ENV_FILE)"
}

down() {
  need_kit
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
