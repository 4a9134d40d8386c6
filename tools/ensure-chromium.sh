#!/usr/bin/env bash
# Make sure the browser used by test/support/browser.ts (the task pane end-to-end test) is
# present: Debian's chromium at /usr/bin/chromium, driven by playwright-core (never a Playwright
# browser download), and a CJK font so Chinese renders in screenshots instead of tofu.
# Idempotent: when everything is there it installs nothing and prints one line (the version).
# Debian 12 packages only; ~100 MB download on a clean machine.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-wqy-zenhei)

have_chromium() { [ -x "$CHROMIUM" ]; }
have_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; }

if ! have_chromium || ! have_cjk_font; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "ensure-chromium: need root (or sudo) to apt-get install ${PACKAGES[*]}" >&2
    exit 1
  fi
  echo "ensure-chromium: installing ${PACKAGES[*]} ..." >&2
  start=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  echo "ensure-chromium: installed in $(($(date +%s) - start)) s" >&2
fi

# `--version` starts no browser; it prints e.g. "Chromium 156.0.8078.79 built on Debian ...".
"$CHROMIUM" --version 2>/dev/null | head -n 1
