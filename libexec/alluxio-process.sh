#!/usr/bin/env bash
# Shared by alluxio-start.sh and alluxio-stop.sh (sourced after alluxio-config.sh): where a server process keeps its
# pid file and output, and how it is found, awaited and stopped.
#
# Layout, with the folders read from the configuration (site file, ALLUXIO_CONF_DIR, defaults):
#   ${alluxio.logs.dir}/<process>.out   what the process printed (stdout and stderr), rewritten at each start
#   ${alluxio.logs.dir}/<process>.log   its log, written by the process itself
#   ${ALLUXIO_PID_DIR:-alluxio.logs.dir}/<process>.pid   its pid while it runs
# ALLUXIO_LOGS_DIR, as in Alluxio, moves the logs (the process is told with -Dalluxio.logs.dir).

# The server processes this build has, in start order; stop goes the other way.
# shellcheck disable=SC2034 # read by the scripts that source this file
ALLUXIO_SERVER_PROCESSES=(master worker proxy)

# Prints this host's name as Alluxio's scripts do (hostname -f), falling back to the short name.
alluxio_host() {
  hostname -f 2>/dev/null || hostname 2>/dev/null || echo localhost
}

# alluxio_read_conf: reads every property once through `bin/alluxio getConf` (one "key=value" a line), so that
# the site file, ALLUXIO_CONF_DIR and the defaults count exactly as for every other command. Sets LOGS_DIR, PID_DIR.
alluxio_read_conf() {
  local err
  err="$(mktemp)"
  if ! ALLUXIO_CONF_LINES="$("$ALLUXIO_ROOT/bin/alluxio" getConf 2>"$err")"; then
    echo "Error: cannot read the configuration:" >&2
    cat "$err" >&2
    rm -f "$err"
    exit 1
  fi
  rm -f "$err"
  LOGS_DIR="${ALLUXIO_LOGS_DIR:-$(alluxio_conf alluxio.logs.dir)}"
  PID_DIR="${ALLUXIO_PID_DIR:-$LOGS_DIR}"
}

# alluxio_conf KEY: prints the value of KEY read by alluxio_read_conf; fails when KEY has no value.
alluxio_conf() {
  local line
  while IFS= read -r line; do
    if [[ "$line" == "$1="* ]]; then
      # getConf prints an unset key as "(no value set)": unset here too, so callers fall back to their default.
      [[ "${line#*=}" != "(no value set)" ]] || return 1
      printf '%s\n' "${line#*=}"
      return 0
    fi
  done <<<"$ALLUXIO_CONF_LINES"
  return 1
}

# alluxio_alive PID: true while PID runs. A zombie (ended, not reaped yet: a detached server's parent is init, which
# may reap late or, in some containers, never) counts as ended once its last thread is gone: a thread group leader
# shows Z while other threads still exit and hold its files, ports and locks.
alluxio_alive() {
  local state threads
  read -r state threads < <(ps -o stat=,nlwp= -p "$1" 2>/dev/null) || return 1
  [[ -n "$state" ]] || return 1
  [[ "$state" != Z* || "${threads:-1}" -gt 1 ]]
}

# alluxio_running_pid NAME: prints the pid of the running NAME process and succeeds, or removes a stale pid file
# (the process ended, or the pid now belongs to something else) and fails.
alluxio_running_pid() {
  local pid_file="$PID_DIR/$1.pid" pid args
  [[ -f "$pid_file" ]] || return 1
  pid="$(<"$pid_file")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && alluxio_alive "$pid"; then
    args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
    if [[ "$args" == *alluxio-server*" $1"* ]]; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  rm -f "$pid_file"
  return 1
}

# alluxio_print_log_tails NAME: the last 30 lines of NAME's log and output, as Alluxio's monitor prints them.
alluxio_print_log_tails() {
  local file
  for file in "$LOGS_DIR/$1.log" "$LOGS_DIR/$1.out"; do
    [[ -f "$file" ]] || continue
    echo "--- Printing the log tail for $file"
    if [[ -s "$file" ]]; then
      echo ">>> BEGIN"
      # Stack frames stay in the file: the tail shows what happened, not where in the code.
      tail -n 300 "$file" | grep -v -E '^[[:space:]]+(at |--- End of )|^--- End of ' | tail -n 30 || true
      echo "<<< EOF"
    else
      echo "    --- EMPTY ---"
    fi
  done
}

# alluxio_stop_process NAME SOFT: SIGTERM, then up to ALLUXIO_STOP_TIMEOUT seconds (120, as Alluxio) for the
# process to finish its calls and close; then SIGKILL, unless SOFT is "true". Prints Alluxio's "Killed N
# process(es)" line. Fails only when a soft stop leaves the process running.
alluxio_stop_process() {
  local name="$1" soft="$2" pid count=0
  local timeout="${ALLUXIO_STOP_TIMEOUT:-120}"
  if pid="$(alluxio_running_pid "$name")"; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + timeout))
    while alluxio_alive "$pid" && ((SECONDS < deadline)); do
      sleep 0.1
    done
    if alluxio_alive "$pid"; then
      if [[ "$soft" == "true" ]]; then
        echo "Error: the $name (pid $pid) did not stop within ${timeout} seconds; it is left running (-s)." >&2
        return 1
      fi
      echo "Process did not complete after ${timeout} seconds, killing."
      kill -KILL "$pid" 2>/dev/null || true
      while alluxio_alive "$pid"; do
        sleep 0.1
      done
    fi
    rm -f "$PID_DIR/$name.pid"
    count=1
  fi
  echo "Killed ${count} process(es) on $(alluxio_host)"
}
