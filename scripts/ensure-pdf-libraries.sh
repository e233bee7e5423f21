#!/usr/bin/env bash
# WeasyPrint (the PDFs) loads Pango and HarfBuzz from the machine. Its font subsetting needs
# libharfbuzz-subset; without it WeasyPrint embeds whole fonts and warns at import.
set -euo pipefail
if ldconfig -p | grep -q 'libharfbuzz-subset.so.0' && ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then
  exit 0
fi
echo "Installing Debian's Pango and HarfBuzz for the PDFs…"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null
