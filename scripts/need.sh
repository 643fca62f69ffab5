#!/usr/bin/env bash
# need.sh COMMAND PACKAGE [COMMAND PACKAGE ...]: installs with apt-get the Debian
# packages whose command is missing (as root, or with sudo), with one
# `apt-get update` for all of them. The test steps that drive a real program
# (Chromium, Neovim, valgrind) call it for their own; scripts/prepare.sh calls
# it for all three at the start of a run.
set -euo pipefail
missing=()
while (($# >= 2)); do
  command -v "$1" >/dev/null || missing+=("$2")
  shift 2
done
((${#missing[@]} == 0)) && exit 0
sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
