#!/usr/bin/env bash
# The SyncEvolution client against `concord serve` and against SyncEvolution's own server (syncevo-http-server with
# syncevo-dbus-server on a private D-Bus), on this machine, in one go: slow sync of N generated contacts up from
# device A and down to device B, a two-way sync with 1% changed, empty two-way syncs. Prints server CPU per item and
# per session and peak RSS for each server, and the ratios. See bench/README.md.
#
#   bench/scripts/vs-syncevolution.sh                     # sizes 1000 and 10000 (about 20 minutes)
#   bench/scripts/vs-syncevolution.sh --sizes 200         # quick check that everything works (about a minute)
#   bench/scripts/vs-syncevolution.sh 500 2000 --no-build --servers concord --concord-debug-log
#   bench/scripts/vs-syncevolution.sh --native            # concord published as a native executable (NativeAOT)
#
# Other options go to the benchmark program as they are (bench/Concord.EndToEnd, --help lists them).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

sizes=()
pass=()
build=1
native=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) read -r -a more <<<"${2//,/ }"; sizes+=("${more[@]}"); shift 2 ;;
    --no-build) build=0; shift ;;
    --native) native=1; shift ;;
    --servers|--empty-sessions|--warm-up-items|--warm-up-sessions|--seed|--client-timeout-minutes|--client-loglevel|--syncevolution-loglevel|--concord|--concord-arg)
      pass+=("$1" "$2"); shift 2 ;;
    -h|--help) pass+=("$1"); shift ;;
    [0-9]*) sizes+=("$1"); shift ;;
    *) pass+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

missing=()
command -v syncevolution >/dev/null 2>&1 || missing+=(syncevolution)
command -v syncevo-http-server >/dev/null 2>&1 || missing+=(syncevolution-http)
[ -x /usr/libexec/syncevo-dbus-server ] || missing+=(syncevolution-dbus)
command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus)
command -v gcc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
/usr/bin/python3 -c "import twisted, dbus, gi" >/dev/null 2>&1 || missing+=(python3-twisted python3-dbus python3-gi)
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]} (Debian: apt-get install --no-install-recommends ${missing[*]}; ./test.sh installs them too)" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CONCORD_REPO="$root"
concord="src/Concord.Cli/bin/Release/net10.0/concord.dll"
bench="bench/Concord.EndToEnd/bin/Release/net10.0/Concord.EndToEnd.dll"
if [ "$build" -eq 1 ]; then
  dotnet build src/Concord.Cli -c Release -nologo -clp:ErrorsOnly
  dotnet build bench/Concord.EndToEnd -c Release -nologo -clp:ErrorsOnly
fi
if [ "$native" -eq 1 ]; then
  out="bench/Concord.EndToEnd/bin/concord-native"
  if [ "$build" -eq 1 ] || [ ! -x "$out/concord" ]; then
    dotnet publish src/Concord.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -clp:ErrorsOnly
  fi
  concord="$out/concord"
fi

exec dotnet "$bench" --concord "$concord" --sizes "${sizes[*]}" "${pass[@]}"
