#!/usr/bin/env bash
# Installs what the real-editor tests need: Debian's chromium, ripgrep, neovim, libkrb5-dev and a CJK font, and
# code-server 4.100.3 (VS Code 1.100.3) into .cache/code-server/, built without downloads beyond npm.
# Idempotent: a finished install leaves .cache/code-server/.installed and is skipped next time.
set -euo pipefail

VERSION="4.100.3"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="${CODE_SERVER_PREFIX:-$REPO_ROOT/.cache/code-server}"
MARKER="$PREFIX/.installed-$VERSION"

log() { printf '[install-code-server] %s\n' "$*"; }

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v rg >/dev/null || missing+=(ripgrep)
  command -v nvim >/dev/null || missing+=(neovim)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  # Without a CJK font the Japanese samples render as boxes in the UI test's screenshots.
  dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || missing+=(fonts-ipafont-gothic)
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    log "missing Debian packages (${missing[*]}) and no root: install them yourself"
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_code_server() {
  if [ -f "$MARKER" ]; then
    log "code-server $VERSION already installed in $PREFIX"
    return
  fi
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  log "npm install code-server@$VERSION (no scripts) into $PREFIX"
  # A package.json of its own keeps npm from walking up into the project's package.json.
  printf '{ "name": "code-server-cache", "private": true }\n' > "$PREFIX/package.json"
  npm install "code-server@$VERSION" --ignore-scripts --no-audit --no-fund --prefix "$PREFIX"

  local cs="$PREFIX/node_modules/code-server"
  # The vscode dependencies: @vscode/ripgrep would download rg, so skip scripts and use Debian's rg.
  log "installing lib/vscode dependencies"
  (cd "$cs/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
  mkdir -p "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  # node-pty's install script calls npx, which would otherwise ask before installing.
  (cd "$cs/lib/vscode" && npm_config_yes=true npm rebuild)
  ln -sfn node_modules "$cs/lib/vscode/node_modules.asar"
  log "installing built-in extension dependencies"
  (cd "$cs/lib/vscode/extensions" && npm install --omit=dev --no-audit --no-fund)
  # npm may hoist argon2 next to code-server instead of inside it: rebuild it wherever it landed.
  log "rebuilding argon2"
  (cd "$PREFIX" && npm rebuild argon2)
  if [ -d "$cs/node_modules/argon2" ]; then (cd "$cs" && npm rebuild argon2); fi
  # code-server writes a default config under XDG_CONFIG_HOME on any start: keep it out of $HOME.
  local scratch
  scratch="$(mktemp -d)"
  XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$PREFIX/node_modules/.bin/code-server" --version
  rm -rf "$scratch"
  touch "$MARKER"
  log "done: $PREFIX/node_modules/.bin/code-server"
}

install_debian_packages
install_code_server
