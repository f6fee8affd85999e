#!/usr/bin/env bash
# Runs every test of the project on a fresh clone: builds what the tests need, checks formatting, runs the .NET
# suites and the Kodo SDK conformance suite (the official qiniu Node SDK against the emulator), and ends with
# the line "N passed, N failed, N skipped". Exits non-zero when anything fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No debugger or diagnostic pipes: every .NET process would otherwise open some in /tmp, and the ones that end
# abnormally (test hosts, emulators stopped by a test) leave them behind.
export DOTNET_EnableDiagnostics=0
mkdir -p build/logs

# Each step's wall time is listed at the end, where a CI page shows it.
step_name="" step_started=$SECONDS step_times=()
end_step() { [[ -z "$step_name" ]] || step_times+=("$(printf '%5ss  %s' $((SECONDS - step_started)) "$step_name")"); step_name=""; }
step() { end_step; step_name="$1"; step_started=$SECONDS; echo "== $1"; }

# The browser tests drive Debian's Chromium and the metrics tests run promtool; neither comes with the build.
step "Installing the test tools"
. "$ROOT/eng/install-test-tools.sh"
install_test_tools

step "Building the launchers' executables"
bin/alluxio version >/dev/null
bin/kodo-emulator --help >/dev/null
( . libexec/alluxio-config.sh && alluxio_ensure_built Alluxio.Server )

# The official Qiniu Node SDK judges the emulator in its own suite below, and .NET tests use it too (to look at
# what the Alluxio S3 proxy left in a bucket), so its packages are installed before either runs.
step "Installing the Kodo SDK conformance suite's packages"
( cd tests/kodo-sdk-conformance && npm ci --no-audit --no-fund --loglevel=error )

step "Building the solution"
dotnet build Alluxio.slnx -c Debug --nologo -v q

step "Checking formatting and code style"
# The build above already failed on any style or analyzer warning (EnforceCodeStyleInBuild, warnings as errors), so
# only what it cannot see is checked here: whitespace, from the files alone, and the order of using directives,
# which only `dotnet format style` checks. A full `dotnet format` would analyse the whole solution a second time.
dotnet format whitespace --folder --verify-no-changes .

# The using-order check and the Kodo SDK suite need nothing from the .NET tests, so they run beside them; their output
# is shown, and counted, once the .NET tests are done.
style_log="build/logs/format-style.log"
node_log="build/logs/kodo-sdk-conformance.log"
# Both are stopped if the script ends first.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
dotnet format style Alluxio.slnx --verify-no-changes --no-restore --diagnostics IDE0065 >"$style_log" 2>&1 &
style_pid=$!
( cd tests/kodo-sdk-conformance && exec npm test ) >"$node_log" 2>&1 &
node_pid=$!

status=0
step "Running the .NET tests"
dotnet_log="build/logs/test.log"
set +e
dotnet test --solution Alluxio.slnx -c Debug --no-build --no-progress 2>&1 | tee "$dotnet_log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
set -e

step "The order of using directives (dotnet format style)"
if wait "$style_pid"; then
  echo "No using directive is out of order."
else
  cat "$style_log"
  status=1
fi

step "The Kodo SDK conformance suite (official qiniu Node SDK)"
wait "$node_pid" || status=1
cat "$node_log"

# The .NET summary prints "succeeded: N" (and failed, skipped); node's runner prints "# pass N" (and fail, skipped).
count() { local n; n=$(grep -E "$1" "$2" 2>/dev/null | tail -n 1 | grep -oE '[0-9]+' | tail -n 1); echo "${n:-0}"; }
passed=$(( $(count '^\s*succeeded: [0-9]+' "$dotnet_log") + $(count '^# pass [0-9]+' "$node_log") ))
failed=$(( $(count '^\s*failed: [0-9]+' "$dotnet_log") + $(count '^# fail [0-9]+' "$node_log") ))
skipped=$(( $(count '^\s*skipped: [0-9]+' "$dotnet_log") + $(count '^# skipped [0-9]+' "$node_log") ))
# The end of the output is what a CI page keeps, so the failed .NET tests are shown again here, each with the first
# lines of its message and stack.
if grep -q '^failed ' "$dotnet_log"; then
  echo "== Failed .NET tests"
  awk '/^failed /{n=25} /^(Running tests from|\/.*\(net[0-9.]+\|)/{n=0} n>0{print; n--}' "$dotnet_log"
fi
if [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then
  # A crash or an install problem fails the run even when no single test reported failure.
  failed=1
fi
end_step
echo "== Time per step"
printf '%s\n' "${step_times[@]}"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
