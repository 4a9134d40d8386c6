#!/usr/bin/env bash
# Make sure the LibreOffice oracle used by test/support/libreoffice.ts is present:
# headless Calc (soffice), headless Writer (jiqun export renders its Word file to PDF through it),
# a CJK font (so Chinese renders in PDF/PNG, not tofu) and pdftoppm.
# Idempotent: when everything is there it installs nothing and prints one line (the version).
# Debian 12 packages only; ~100 MB download on a clean machine.
set -euo pipefail

PACKAGES=(libreoffice-calc-nogui libreoffice-writer-nogui fonts-wqy-zenhei poppler-utils)

have_soffice() { command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; }
have_pdftoppm() { command -v pdftoppm >/dev/null 2>&1; }
# Writer's own library: present only with libreoffice-writer(-nogui).
have_writer() { dpkg-query -W -f='${Status}' libreoffice-writer-nogui 2>/dev/null | grep -q "ok installed" || dpkg-query -W -f='${Status}' libreoffice-writer 2>/dev/null | grep -q "ok installed"; }
have_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; }

if ! have_soffice || ! have_writer || ! have_pdftoppm || ! have_cjk_font; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "ensure-libreoffice: need root (or sudo) to apt-get install ${PACKAGES[*]}" >&2
    exit 1
  fi
  echo "ensure-libreoffice: installing ${PACKAGES[*]} ..." >&2
  start=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  echo "ensure-libreoffice: installed in $(($(date +%s) - start)) s" >&2
fi

if command -v soffice >/dev/null 2>&1; then bin=soffice; else bin=libreoffice; fi
# `--version` needs no profile and no display; it prints e.g. "LibreOffice 7.4.7.2 40(Build:2)".
"$bin" --headless --version 2>/dev/null | head -n 1
