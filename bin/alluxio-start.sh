#!/usr/bin/env bash
# Starts Alluxio processes on this host in the background and waits until they serve. See USAGE below, and
# libexec/alluxio-process.sh for where pid files and logs go.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/libexec/alluxio-config.sh"
. "$ALLUXIO_ROOT/libexec/alluxio-process.sh"

USAGE="Usage: alluxio-start.sh [-hNa] ACTION [MOPT]
Where ACTION is one of:
  all [MOPT]     Start all processes on this host (today: the master).
  local [MOPT]   Start all processes locally (today: the master).
  master         Start the local master on this host.
  worker [MOPT]  Start a worker on this host (not available yet).
  proxy          Start the proxy on this host (not available yet).

MOPT (Mount Option) is one of:
  Mount      Mount the configured RamFS.
  SudoMount  Mount the configured RamFS using sudo.
  NoMount    Do not mount the configured RamFS.
  NoMount is assumed if MOPT is not specified.

-a  do not wait for the processes to serve (no [ OK ] or [ FAILED ] check).
-h  display this help.
-N  do not stop the running processes before starting (local and all stop them first otherwise).

Environment: ALLUXIO_CONF_DIR (the folder of alluxio-site.properties), ALLUXIO_LOGS_DIR, ALLUXIO_PID_DIR,
ALLUXIO_START_TIMEOUT (seconds to wait for a process to serve, default 60)."

usage_error() {
  echo "$1" >&2
  echo "$USAGE" >&2
  exit 1
}

# start_master: launches the master detached from this terminal, with its output in master.out and its pid in
# master.pid, then waits until its web server answers (unless -a).
start_master() {
  local pid
  if pid="$(alluxio_running_pid master)"; then
    echo "Error: a master is running already on this host (pid $pid, see $PID_DIR/master.pid); stop it first with bin/alluxio-stop.sh master." >&2
    return 1
  fi

  mkdir -p "$LOGS_DIR" "$PID_DIR"
  local host out="$LOGS_DIR/master.out"
  host="$(alluxio_host)"
  echo "Starting master @ ${host}. Logging to ${LOGS_DIR}"
  # A new session (setsid) and no terminal on any stream: closing the terminal does not end the master. The
  # background subshell is never a process group leader, so setsid does not fork and $! is the master's pid.
  local detach=(setsid)
  command -v setsid >/dev/null 2>&1 || detach=(nohup)
  "${detach[@]}" "$ALLUXIO_ROOT/build/Alluxio.Server/alluxio-server" master "-Dalluxio.logs.dir=$LOGS_DIR" \
    </dev/null >"$out" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_DIR/master.pid"
  [[ "$wait_for_serving" == "true" ]] || return 0

  local web_host web_port
  web_host="$(alluxio_conf alluxio.master.hostname || echo localhost)"
  web_port="$(alluxio_conf alluxio.master.web.port || echo 19999)"
  local url="http://${web_host}:${web_port}/api/v1/master/info"
  local timeout="${ALLUXIO_START_TIMEOUT:-60}"
  local deadline=$((SECONDS + timeout))
  while :; do
    if ! alluxio_alive "$pid"; then
      local code=0
      wait "$pid" 2>/dev/null || code=$?
      rm -f "$PID_DIR/master.pid"
      echo "--- [ FAILED ] The master @ ${host} is not serving requests: it exited with code ${code}."
      alluxio_print_log_tails master
      return 1
    fi
    if curl --silent --fail --output /dev/null --max-time 2 "$url" 2>/dev/null; then
      echo "--- [ OK ] The master service @ ${host} is in a healthy state."
      return 0
    fi
    if ((SECONDS >= deadline)); then
      echo "--- [ FAILED ] The master @ ${host} did not answer ${url} within ${timeout} seconds; it is still running (pid ${pid}): bin/alluxio-stop.sh master stops it, ALLUXIO_START_TIMEOUT waits longer."
      alluxio_print_log_tails master
      return 1
    fi
    sleep 0.2
  done
}

# not_available NAME: the processes this build does not have yet.
not_available() {
  echo "Error: the $1 process is not available yet; this build runs the master only." >&2
  exit 1
}

stop_first=true
wait_for_serving=true
while getopts ":hNa" option; do
  case "$option" in
    h)
      echo "$USAGE"
      exit 0
      ;;
    N) stop_first=false ;;
    a) wait_for_serving=false ;;
    *) usage_error "Error: unknown option -$OPTARG" ;;
  esac
done
shift $((OPTIND - 1))

[[ $# -ge 1 ]] || usage_error "Error: no ACTION specified"
action="$1"
shift

case "$action" in
  all | local | worker)
    if [[ $# -eq 0 ]]; then
      echo "Assuming NoMount by default."
    else
      case "$1" in
        NoMount | Mount | SudoMount) shift ;;
        *) usage_error "Invalid mount mode: $1" ;;
      esac
    fi
    ;;
  master | proxy) ;;
  *) usage_error "Error: Invalid ACTION: $action" ;;
esac
[[ $# -eq 0 ]] || usage_error "Error: unexpected argument: $1"

case "$action" in
  worker | proxy) not_available "$action" ;;
esac

# Build whatever is missing before anything starts, so that a first start does not time out while compiling.
alluxio_ensure_built Alluxio.Cli
alluxio_ensure_built Alluxio.Server
alluxio_read_conf

if [[ "$stop_first" == "true" && "$action" != "master" ]]; then
  "$ALLUXIO_ROOT/bin/alluxio-stop.sh" local
fi

# Every process this build has; workers and proxies join ALLUXIO_SERVER_PROCESSES when they exist.
status=0
for process in "${ALLUXIO_SERVER_PROCESSES[@]}"; do
  case "$process" in
    master) start_master || status=1 ;;
  esac
done
exit "$status"
