#!/usr/bin/env bash
# Client CPU per item: `concord sync` (a process), Concord's client library (warm, in process) and the SyncEvolution
# client (its whole process tree), each syncing with the same `concord serve`: a slow sync of N generated contacts
# (default 5000) and a two-way sync with 1% of them changed. See docs/client.md.
#
#   bench/scripts/client-vs-syncevolution.sh                # 5000 contacts
#   bench/scripts/client-vs-syncevolution.sh 1000 --no-build --no-syncevolution
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
size=5000
build=1
pass=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    [0-9]*) size="$a" ;;
    *) pass+=("$a") ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CONCORD_REPO="$root"
r2r="$root/bench/Concord.ClientBench/bin/concord-r2r"
aot="$root/bench/Concord.ClientBench/bin/concord-native"
if [ "$build" -eq 1 ]; then
  dotnet build src/Concord.Cli -c Release -nologo -clp:ErrorsOnly
  dotnet build bench/Concord.ClientBench -c Release -nologo -clp:ErrorsOnly
  # The command as an install publishes it: ReadyToRun, framework-dependent (see docs/client.md).
  dotnet publish src/Concord.Cli -c Release -r linux-x64 --self-contained false -o "$r2r" -nologo -clp:ErrorsOnly
  # And compiled to native code (NativeAOT; needs clang, which ./test.sh installs).
  dotnet publish src/Concord.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$aot" -nologo -clp:ErrorsOnly
fi
[ -f "$r2r/concord.dll" ] && pass+=(--r2r "$r2r")
[ -x "$aot/concord" ] && pass+=(--aot "$aot")
exec dotnet bench/Concord.ClientBench/bin/Release/net10.0/Concord.ClientBench.dll "$size" "${pass[@]}"
