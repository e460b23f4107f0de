#!/usr/bin/env bash
# APDUs and time of an incremental two-way sync of a 250-record card phonebook with k = 0, 1, 10, 50 changed
# records, through a private pcscd with vpcd, against a handset that reads the whole phonebook. See bench/README.md.
#
#   bench/scripts/card-sync.sh            # 5 rounds per k
#   bench/scripts/card-sync.sh 11 --no-build
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rounds=5
build=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    [0-9]*) rounds="$a" ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ "$build" -eq 1 ]; then
  dotnet build bench/Concord.CardBench -c Release -nologo -clp:ErrorsOnly
fi
exec dotnet bench/Concord.CardBench/bin/Release/net10.0/Concord.CardBench.dll "$rounds"
