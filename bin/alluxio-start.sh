#!/usr/bin/env bash
# Starts Alluxio processes on this host in the background and waits until they serve. See USAGE below, and
# libexec/alluxio-process.sh for where pid files and logs go.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/libexec/alluxio-config.sh"
. "$ALLUXIO_ROOT/libexec/alluxio-process.sh"

USAGE="Usage: alluxio-start.sh [-hNa] ACTION [MOPT]
Where ACTION is one of:
  all [MOPT]     Start all processes on this host: the master, then the worker, then the proxy.
  local [MOPT]   Start all processes locally: the master, then the worker, then the proxy.
  master         Start the local master on this host.
  worker [MOPT]  Start a worker on this host.
  proxy          Start the proxy on this host.

MOPT (Mount Option) is one of:
  Mount      Accepted as in Alluxio; nothing is mounted: the default tier, /dev/shm, is a tmpfs already.
  SudoMount  The same.
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

# start_process NAME: launches the NAME server (master, worker or proxy) detached from this terminal, with its output in
# NAME.out and its pid in NAME.pid, then waits until it serves (unless -a): the master when its web server answers,
# a worker when its web server says it has registered with the master, the proxy when its info answers.
start_process() {
  local name="$1" pid
  if pid="$(alluxio_running_pid "$name")"; then
    echo "Error: a $name is running already on this host (pid $pid, see $PID_DIR/$name.pid); stop it first with bin/alluxio-stop.sh $name." >&2
    return 1
  fi

  mkdir -p "$LOGS_DIR" "$PID_DIR"
  local host out="$LOGS_DIR/$name.out"
  host="$(alluxio_host)"
  echo "Starting $name @ ${host}. Logging to ${LOGS_DIR}"
  # A new session (setsid) and no terminal on any stream: closing the terminal does not end the process. The
  # background subshell is never a process group leader, so setsid does not fork and $! is the server's pid.
  local detach=(setsid)
  command -v setsid >/dev/null 2>&1 || detach=(nohup)
  "${detach[@]}" "$ALLUXIO_ROOT/build/Alluxio.Server/alluxio-server" "$name" "-Dalluxio.logs.dir=$LOGS_DIR" \
    </dev/null >"$out" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_DIR/$name.pid"
  [[ "$wait_for_serving" == "true" ]] || return 0

  local url ready service
  case "$name" in
    master)
      url="http://$(alluxio_conf alluxio.master.hostname || echo localhost):$(alluxio_conf alluxio.master.web.port || echo 19999)/api/v1/master/info"
      ready='"'
      service="master service"
      ;;
    worker)
      url="http://$(alluxio_conf alluxio.worker.hostname || echo localhost):$(alluxio_conf alluxio.worker.web.port || echo 30000)/api/v1/worker/info"
      ready='"registered": *true'
      service="worker service"
      ;;
    proxy)
      url="http://$(alluxio_conf alluxio.proxy.web.hostname || echo localhost):$(alluxio_conf alluxio.proxy.web.port || echo 39999)/api/v1/proxy/info"
      ready='"version"'
      service="proxy service"
      ;;
  esac
  local timeout="${ALLUXIO_START_TIMEOUT:-60}"
  local deadline=$((SECONDS + timeout)) body=""
  while :; do
    if ! alluxio_alive "$pid"; then
      local code=0
      wait "$pid" 2>/dev/null || code=$?
      rm -f "$PID_DIR/$name.pid"
      echo "--- [ FAILED ] The $name @ ${host} is not serving requests: it exited with code ${code}."
      alluxio_print_log_tails "$name"
      return 1
    fi
    if body="$(curl --silent --fail --max-time 2 "$url" 2>/dev/null)" && [[ "$body" =~ $ready ]]; then
      echo "--- [ OK ] The ${service} @ ${host} is in a healthy state."
      return 0
    fi
    if ((SECONDS >= deadline)); then
      if [[ "$body" =~ \"registered\":\ *false ]]; then
        echo "--- [ FAILED ] The worker @ ${host} serves but has not registered with the master at $(alluxio_conf alluxio.master.hostname || echo localhost):$(alluxio_conf alluxio.master.rpc.port || echo 19998) within ${timeout} seconds; is the master running? It is still running (pid ${pid}): bin/alluxio-stop.sh worker stops it."
        alluxio_print_log_tails "$name"
        return 1
      fi
      echo "--- [ FAILED ] The $name @ ${host} did not get ready (${url}) within ${timeout} seconds; it is still running (pid ${pid}): bin/alluxio-stop.sh $name stops it, ALLUXIO_START_TIMEOUT waits longer."
      alluxio_print_log_tails "$name"
      return 1
    fi
    sleep 0.2
  done
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

# Build whatever is missing before anything starts, so that a first start does not time out while compiling.
alluxio_ensure_built Alluxio.Cli
alluxio_ensure_built Alluxio.Server
alluxio_read_conf

if [[ "$stop_first" == "true" && "$action" != "master" && "$action" != "worker" && "$action" != "proxy" ]]; then
  "$ALLUXIO_ROOT/bin/alluxio-stop.sh" local
fi

case "$action" in
  master | worker | proxy) processes=("$action") ;;
  *) processes=("${ALLUXIO_SERVER_PROCESSES[@]}") ;;
esac

# In order, each ready before the next starts: a worker registers with a master that serves already.
status=0
for process in "${processes[@]}"; do
  if ! start_process "$process"; then
    status=1
    break
  fi
done
exit "$status"
