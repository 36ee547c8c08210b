#!/bin/sh
# Installs Debian's chromium for the headless browser tests (tests/browser); does nothing when it is present.
set -eu
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
