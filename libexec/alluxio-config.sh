#!/usr/bin/env bash
# Shared by the launchers in bin/: finds the installation and builds an executable on first use.
#
# A build goes into build/<Project>/ (git-ignored) with one `dotnet publish`. Later calls only compare timestamps,
# so they start at once; an edited source file triggers a rebuild. A lock keeps concurrent first calls from
# building twice.

ALLUXIO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ALLUXIO_HOME="${ALLUXIO_HOME:-$ALLUXIO_ROOT}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Prints the path of a source newer than the build stamp, or nothing when the build is current.
alluxio_stale_source() {
  local stamp="$1"
  [[ -f "$stamp" ]] || { echo "(no build yet)"; return; }
  find "$ALLUXIO_ROOT/src" "$ALLUXIO_ROOT/Directory.Build.props" "$ALLUXIO_ROOT/Directory.Packages.props" \
    "$ALLUXIO_ROOT/Directory.Build.targets" "$ALLUXIO_ROOT/global.json" \
    \( -name bin -o -name obj \) -prune -o \
    -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \
    -o -name '*.proto' -o -name '*.json' -o -name '*.html' -o -name '*.css' -o -name '*.js' \) -print -quit
}

# The .NET runtime identifier of this machine, for a ReadyToRun build.
alluxio_runtime_id() {
  case "$(uname -m)" in
    x86_64 | amd64) echo "linux-x64" ;;
    aarch64 | arm64) echo "linux-arm64" ;;
    *) echo "linux-$(uname -m)" ;;
  esac
}

# alluxio_ensure_built PROJECT: publishes src/PROJECT into build/PROJECT unless that build is current.
alluxio_ensure_built() {
  local project="$1"
  local out="$ALLUXIO_ROOT/build/$project"
  local stamp="$out/.build-stamp"
  [[ -z "$(alluxio_stale_source "$stamp")" ]] && return 0

  if ! command -v dotnet >/dev/null 2>&1; then
    echo "Error: the .NET 10 SDK (dotnet) is needed to build $project; it is not on PATH." >&2
    exit 1
  fi
  mkdir -p "$ALLUXIO_ROOT/build/logs"
  exec 9>"$ALLUXIO_ROOT/build/.build-lock"
  flock 9
  if [[ -n "$(alluxio_stale_source "$stamp")" ]]; then
    local log="$ALLUXIO_ROOT/build/logs/publish-$project.log"
    echo "Building $project into build/$project (first use or sources changed)..." >&2
    local started
    started="$(date +%s)"
    touch "$log.start"
    # ReadyToRun code starts without the JIT: a shell command costs about half the time of a JIT-only build.
    if ! dotnet publish "$ALLUXIO_ROOT/src/$project/$project.csproj" -c Release -o "$out" --nologo -v q \
      -r "$(alluxio_runtime_id)" --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=true >"$log" 2>&1; then
      echo "Error: building $project failed; the last lines of $log:" >&2
      tail -n 20 "$log" >&2
      flock -u 9
      exit 1
    fi
    # The stamp takes the time the build started, so an edit made during the build still counts as newer.
    touch -r "$log.start" "$stamp"
    rm -f "$log.start"
    echo "Built $project in $(( $(date +%s) - started ))s." >&2
  fi
  flock -u 9
  exec 9>&-
}
