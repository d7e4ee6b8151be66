#!/usr/bin/env bash
# Publishes the careerlsp executable for one target into OUT (the executable, the README, and docs/
# with the rule pages diagnostics link to; nothing else ships):
#   bash tests/scripts/publish.sh RID OUT        RID: linux-x64 linux-arm64 win-x64 osx-x64 osx-arm64
# Where the build runs on the target's own OS and architecture the executable is NativeAOT; NativeAOT
# cannot compile for another OS, so other targets get a self-contained, trimmed, single-file
# ReadyToRun executable. Neither needs .NET on the user's machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
rid=${1:?usage: publish.sh RID OUT}
out=${2:?usage: publish.sh RID OUT}

case "$rid" in
  linux-x64|linux-arm64|win-x64|osx-x64|osx-arm64) ;;
  *) echo "publish: unknown target $rid (linux-x64, linux-arm64, win-x64, osx-x64, osx-arm64)" >&2; exit 2 ;;
esac

if ! command -v dotnet >/dev/null 2>&1; then
  echo "publish: the .NET 10 SDK is required to build (https://dotnet.microsoft.com/download); dotnet is not on PATH" >&2
  exit 2
fi

shape=single-file
if [ "$rid" = "$(bash tests/scripts/rid.sh 2>/dev/null)" ] && [ "${CAREERLSP_NATIVE:-1}" != 0 ]; then
  shape=native
  # NativeAOT links with the platform's toolchain: clang and zlib on Linux (Debian's packages).
  if [ "${rid%%-*}" = linux ] && { ! command -v clang >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ]; }; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "publish: installing clang and zlib1g-dev for NativeAOT" >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
    else
      echo "publish: NativeAOT needs clang and zlib1g-dev; install them (apt-get install clang zlib1g-dev) or set CAREERLSP_NATIVE=0" >&2
      exit 2
    fi
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
staging="obj/publish/$rid-$shape"
rm -rf "$staging"
dotnet publish server/CareerLsp.Cli/CareerLsp.Cli.csproj -c Release -r "$rid" -o "$staging" \
  -p:CareerLspRelease="$shape" --nologo -v quiet -clp:NoSummary

exe=careerlsp
[ "${rid%%-*}" = win ] && exe=careerlsp.exe
rm -rf "$out"
mkdir -p "$out"
cp "$staging/$exe" "$staging/README.md" "$out/"
cp -r "$staging/docs" "$out/"
echo "publish: $out/$exe ($rid, $shape, $(( $(wc -c < "$out/$exe") / 1048576 )) MiB)"
