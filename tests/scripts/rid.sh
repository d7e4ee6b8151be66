#!/usr/bin/env bash
# Prints the .NET runtime identifier of this machine (linux-x64, linux-arm64, win-x64, osx-x64,
# osx-arm64), or says on stderr that CareerLsp has no target for it and exits 2.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) echo linux-x64 ;;
  Linux-aarch64) echo linux-arm64 ;;
  Darwin-x86_64) echo osx-x64 ;;
  Darwin-arm64) echo osx-arm64 ;;
  MINGW*-x86_64|MSYS*-x86_64|CYGWIN*-x86_64) echo win-x64 ;;
  *) echo "careerlsp: no target for $(uname -s) $(uname -m)" >&2; exit 2 ;;
esac
