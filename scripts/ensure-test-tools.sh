#!/usr/bin/env bash
# Installs the system programs the end-to-end tests drive, where they are missing:
# LibreOffice Calc (recalculates and renders the built workbooks) and Impress (prints the deck), PostgreSQL (runs the printed RFM SQL), poppler (PDF -> PNG)
# and Chromium (the task pane in a real browser), with a colour emoji font for the pane's legend. Debian packages, through apt-get.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
# Impress converts the client deck (.pptx) to PDF and PNG in the tests.
dpkg -s libreoffice-impress >/dev/null 2>&1 || need+=(libreoffice-impress)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
# A real PostgreSQL runs the SQL that `rfm --sql postgres` prints (started by the tests on a private socket).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -qi "dejavu" || need+=(fonts-dejavu-core)
# The progress legend's 📊 (the pane's screenshots show it).
fc-list 2>/dev/null | grep -qi "emoji" || need+=(fonts-noto-color-emoji)

if [ ${#need[@]} -eq 0 ]; then
  echo "test tools: LibreOffice (Calc, Impress), poppler and Chromium are present"
  exit 0
fi

echo "test tools: installing ${need[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo -n"
else
  echo "test tools: missing ${need[*]} and no root access; install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "test tools: installed ${need[*]}"
