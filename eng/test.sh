#!/usr/bin/env bash
# Runs every test of the project on a fresh clone: builds what the tests need, runs the whole suite and ends with
# the line "N passed, N failed, N skipped". Exits non-zero when anything fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p build/logs

echo "== Building the launchers' executables"
bin/alluxio version >/dev/null

echo "== Building the solution"
dotnet build Alluxio.slnx -c Debug --nologo -v q

echo "== Checking formatting and code style"
dotnet format Alluxio.slnx --verify-no-changes --no-restore

echo "== Running the tests"
log="build/logs/test.log"
set +e
dotnet test --solution Alluxio.slnx -c Debug --no-build --no-progress 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

count() { grep -E "^\s*$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed="$(count succeeded)"
failed="$(count failed)"
skipped="$(count skipped)"
if [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then
  # A crash or a build problem fails the run even when no single test reported failure.
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
