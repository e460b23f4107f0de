#!/usr/bin/env bash
# Runs every test of Concord. Installs what the tests need when it is missing (Debian packages), builds the
# solution once, runs each test project, and ends with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
command -v syncevolution >/dev/null 2>&1 || need+=(syncevolution)
command -v syncevo-http-server >/dev/null 2>&1 || need+=(syncevolution-http)
command -v wbxml2xml >/dev/null 2>&1 || need+=(libwbxml2-utils)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v dbus-run-session >/dev/null 2>&1 || need+=(dbus)
/usr/bin/python3 -c "import twisted" >/dev/null 2>&1 || need+=(python3-twisted)
command -v pcscd >/dev/null 2>&1 || need+=(pcscd)
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || need+=(vsmartcard-vpcd)
[ -e /usr/lib/x86_64-linux-gnu/libpcsclite.so.1 ] || need+=(libpcsclite1)
/usr/bin/python3 -c "import dbus" >/dev/null 2>&1 || need+=(python3-dbus)
command -v clang >/dev/null 2>&1 || need+=(clang)          # links the native (NativeAOT) publish of concord
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! dotnet build Concord.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
results=$(mktemp -d)

# Runs one test project (already built) and adds its counts; $2 names the run in the output.
run_tests() {
  local proj=$1 name=$2
  local log="$results/$name.log"
  dotnet test "$proj" -c Release --no-build -nologo >"$log" 2>&1
  local rc=$?
  local summary p f
  summary=$(grep -E "^(Passed|Failed)!" "$log" | tail -n 1)
  p=$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$summary")
  f=$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' <<<"$summary")
  if [ -z "$p" ] && [ -z "$f" ]; then
    if grep -q "No test is available" "$log" || grep -q "Total tests: 0" "$log"; then
      echo "$name: no tests"
      return
    fi
    echo "$name: the test run did not report (exit $rc); its output:"
    tail -n 40 "$log"
    failed=$((failed + 1))
    return
  fi
  p=${p:-0}; f=${f:-0}
  echo "$name: $p passed, $f failed"
  if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
    # Each failure with its message (the lines after "Error Message:") and the first lines of its stack.
    grep -E -A8 "^\s+Failed " "$log" | head -n 80
    [ "$f" -eq 0 ] && f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

# The test projects of the solution, in its order.
for proj in $(grep -oE 'tests/[^"]+\.Tests\.csproj' Concord.slnx); do
  run_tests "$proj" "$(basename "$proj" .csproj)"
done

# The interop and command-line tests once more against `concord` compiled to native code, as an install would
# publish it (docs/client.md): the tests run the executable named by CONCORD_COMMAND instead of `dotnet concord.dll`.
native=$(mktemp -d)
if dotnet publish src/Concord.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$native" -nologo -clp:ErrorsOnly \
    >"$results/native-publish.log" 2>&1 && [ -x "$native/concord" ]; then
  for proj in tests/Concord.Interop.Tests/Concord.Interop.Tests.csproj tests/Concord.Client.Tests/Concord.Client.Tests.csproj; do
    CONCORD_COMMAND="$native/concord" run_tests "$proj" "$(basename "$proj" .csproj) (native concord)"
  done
else
  echo "native publish of concord failed; its output:"
  tail -n 40 "$results/native-publish.log"
  failed=$((failed + 1))
fi
rm -rf "$native"
rm -rf "$results"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
