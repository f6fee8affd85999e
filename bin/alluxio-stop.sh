#!/usr/bin/env bash
# Stops the Alluxio processes alluxio-start.sh started on this host, by their pid files: SIGTERM, then SIGKILL
# after ALLUXIO_STOP_TIMEOUT seconds unless -s. Succeeds when nothing is running.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/libexec/alluxio-config.sh"
. "$ALLUXIO_ROOT/libexec/alluxio-process.sh"

USAGE="Usage: alluxio-stop.sh [-h] ACTION [-s]
Where ACTION is one of:
  all       Stop all processes on this host.
  local     Stop all processes locally.
  master    Stop the local master.
  worker    Stop the local worker.
  proxy     Stop the local proxy.

-s  processes won't be forcibly killed even if operation is timeout.
-h  display this help.

Environment: ALLUXIO_CONF_DIR, ALLUXIO_LOGS_DIR, ALLUXIO_PID_DIR (where alluxio-start.sh put the pid files),
ALLUXIO_STOP_TIMEOUT (seconds between SIGTERM and SIGKILL, default 120)."

usage_error() {
  echo "$1" >&2
  echo "$USAGE" >&2
  exit 1
}

action="${1:--h}"
[[ $# -eq 0 ]] || shift
case "$action" in
  -h | --help)
    echo "$USAGE"
    exit 0
    ;;
  all | local | master | worker | proxy) ;;
  *) usage_error "Error: Invalid component: $action" ;;
esac

soft=false
while getopts ":s" option; do
  case "$option" in
    s) soft=true ;;
    *) usage_error "Error: unknown option -$OPTARG" ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || usage_error "Error: unexpected argument: $1"

alluxio_ensure_built Alluxio.Cli
alluxio_read_conf

case "$action" in
  master | worker | proxy) processes=("$action") ;;
  *)
    # In the reverse of the start order, as Alluxio stops the proxy and workers before the master.
    processes=()
    for ((i = ${#ALLUXIO_SERVER_PROCESSES[@]} - 1; i >= 0; i--)); do
      processes+=("${ALLUXIO_SERVER_PROCESSES[i]}")
    done
    ;;
esac

status=0
for process in "${processes[@]}"; do
  alluxio_stop_process "$process" "$soft" || status=1
done
exit "$status"
