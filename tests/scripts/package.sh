#!/usr/bin/env bash
# Builds what users install, into dist/, for every platform a VS Code user has (or the RIDs given):
#   careerlsp-<version>-<vscode target>.vsix   the extension with its own server (vsce --target)
#   careerlsp-<version>-<rid>.tar.gz           the CLI: the executable, the README and docs/ (.zip for Windows)
#   careerlsp.<version>.nupkg                  the .NET tool; it names careerlsp.<rid>.<version>.nupkg,
#                                              one per target, which carry the executables
# The machine's own target is NativeAOT; the others are self-contained, trimmed, single-file
# ReadyToRun (see publish.sh). None needs .NET installed to run. With CAREERLSP_PREBUILT=1 the
# servers already in dist/servers/<rid>/ are used (.github/workflows/release.yml builds each there
# natively, on its own OS).
#   bash tests/scripts/package.sh [RID...]     RID: linux-x64 linux-arm64 win-x64 osx-x64 osx-arm64
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
targets=${*:-linux-x64 linux-arm64 win-x64 osx-x64 osx-arm64}

bash tests/scripts/build.sh
host=$(bash tests/scripts/rid.sh)
version=$(node -p "require('./vscode-extension/package.json').version")

vscode_target() {
  case "$1" in
    linux-x64) echo linux-x64 ;; linux-arm64) echo linux-arm64 ;; win-x64) echo win32-x64 ;;
    osx-x64) echo darwin-x64 ;; osx-arm64) echo darwin-arm64 ;;
  esac
}

(cd vscode-extension
  # npm install, not npm ci: npm 11 leaves other platforms' optional packages out of this lock and then
  # npm ci rejects it; npm install keeps to the lock (unchanged) and fills them in.
  [ -d node_modules/vscode-languageclient ] || npm install --no-audit --no-fund --loglevel=error
  npm run build --silent
  rm -rf schemas && mkdir -p schemas && cp ../server/careerlsp.schema.json schemas/)

# A .NET tool package in the layout `dotnet pack` gives a RID-specific tool (.NET SDK 10), made here
# from the executable already published instead of publishing every target a second time.
#   tool_package ID PACKAGE-TYPE RID COMMANDS EXTRA FILES-DIRECTORY
tool_package() {
  local id=$1 type=$2 rid=$3 commands=$4 extra=$5 files=$6 stage
  stage=$(mktemp -d)
  mkdir -p "$stage/tools/any/$rid"
  cat > "$stage/$id.nuspec" <<NUSPEC
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2010/07/nuspec.xsd">
  <metadata>
    <id>$id</id>
    <version>$version</version>
    <authors>CareerLsp</authors>
    <license type="expression">MIT</license>
    <description>Checks commit messages, PR descriptions and the pattern library for the habits of a senior engineer: a git commit-msg hook, a CI check and a language server.</description>
    <tags>git commit-msg lint language-server</tags>
    <packageTypes><packageType name="$type" /></packageTypes>
  </metadata>
</package>
NUSPEC
  cat > "$stage/tools/any/$rid/DotnetToolSettings.xml" <<SETTINGS
<?xml version="1.0" encoding="utf-8"?>
<DotNetCliTool Version="2"><Commands>$commands</Commands>$extra</DotNetCliTool>
SETTINGS
  cat > "$stage/[Content_Types].xml" <<'TYPES'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="nuspec" ContentType="application/octet" /><Default Extension="xml" ContentType="application/octet" /><Default Extension="md" ContentType="application/octet" /><Default Extension="exe" ContentType="application/octet" /></Types>
TYPES
  [ -z "$files" ] || cp -pr "$files"/* "$stage/tools/any/$rid/"
  (cd "$stage" && zip -q -X -r "$root/dist/$id.$version.nupkg" .)
  rm -rf "$stage"
}

rm -f dist/careerlsp-*.vsix dist/careerlsp-*.tar.gz dist/careerlsp-*.zip dist/careerlsp.*.nupkg
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
for rid in $targets; do
  target=$(vscode_target "$rid")
  [ -n "$target" ] || { echo "package: unknown target $rid" >&2; exit 2; }
  if [ "$rid" = "$host" ]; then
    server=dist/server
    shape=native
  elif [ "${CAREERLSP_PREBUILT:-}" = 1 ] && [ -f "dist/servers/$rid/README.md" ]; then
    # The release workflow builds each target natively on its own OS and hands the servers over.
    server=dist/servers/$rid
    shape=prebuilt
    chmod +x "$server"/careerlsp*
  else
    bash tests/scripts/publish.sh "$rid" "dist/servers/$rid"
    server=dist/servers/$rid
    shape=single-file
  fi

  (cd vscode-extension
    rm -rf server && cp -r "$root/$server" server
    npx --no-install vsce package --target "$target" --no-dependencies --skip-license --allow-missing-repository \
      --out "$root/dist/careerlsp-$version-$target.vsix" >/dev/null)

  if [ "${rid%%-*}" = win ]; then
    (cd "$server" && rm -f "$root/dist/careerlsp-$version-$rid.zip" && zip -q -X -r "$root/dist/careerlsp-$version-$rid.zip" careerlsp.exe README.md docs)
  else
    tar -czf "dist/careerlsp-$version-$rid.tar.gz" -C "$server" careerlsp README.md docs
  fi

  tool_package "careerlsp.$rid" DotnetToolRidPackage "$rid" \
    "<Command Name=\"careerlsp\" EntryPoint=\"$(basename "$server"/careerlsp*)\" Runner=\"executable\" />" "" "$server"
  echo "package: $rid ($shape): dist/careerlsp-$version-$target.vsix, the archive, dist/careerlsp.$rid.$version.nupkg"
done
# The package `dotnet tool install careerlsp` resolves first: it names the per-target packages.
rid_packages=""
for rid in $targets; do
  rid_packages="$rid_packages<RuntimeIdentifierPackage RuntimeIdentifier=\"$rid\" Id=\"careerlsp.$rid\" />"
done
tool_package careerlsp DotnetTool any '<Command Name="careerlsp" />' \
  "<RuntimeIdentifierPackages>$rid_packages</RuntimeIdentifierPackages>" ""
rm -rf vscode-extension/server
echo "package: dist/careerlsp.$version.nupkg"
