#!/usr/bin/env bash
# Publishes the careerlsp CLI (ReadyToRun, framework-dependent) to dist/server/careerlsp.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v dotnet >/dev/null 2>&1; then
  echo "build: the .NET 10 SDK is required (https://dotnet.microsoft.com/download); dotnet is not on PATH" >&2
  exit 2
fi
if ! command -v git >/dev/null 2>&1; then
  echo "build: git is required and not on PATH; installing it with apt-get" >&2
  apt-get update -qq && apt-get install -y -qq git >/dev/null
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet publish server/CareerLsp.Cli/CareerLsp.Cli.csproj -c Release -o dist/server \
  -p:PublishReadyToRun=true --nologo -v quiet -clp:NoSummary
echo "build: dist/server/careerlsp $(dist/server/careerlsp --version)"
