#!/usr/bin/env bash
# Installs the Debian packages that the tests use and the build does not bring: Chromium, which the browser
# tests of the web UI drive through Playwright (Playwright's own browser download cannot reach its host here),
# Prometheus, whose promtool checks the /metrics/prometheus output, and the S3 clients that judge the S3 API
# (awscli, rclone and s3fs; tests run them by their Debian paths, /usr/bin/aws and so on), and for the FUSE mount
# libfuse3 with fusermount3 (fuse3, which replaces Debian's fuse 2 and keeps s3fs working), fio, which judges reads
# through the mount, gcc with libfuse3's headers, which build the C null file system the FUSE benchmarks compare
# against, and python3, whose os.close reports what close(2) returns through the mount (.NET drops it). Prints one line naming what it
# installed, nothing when all is present. Source it and call install_test_tools, or run it.

install_test_tools() {
  local -a missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/promtool ]] || missing+=(prometheus)
  [[ -x /usr/bin/aws ]] || missing+=(awscli)
  [[ -x /usr/bin/rclone ]] || missing+=(rclone)
  [[ -x /usr/bin/s3fs ]] || missing+=(s3fs)
  [[ -x /usr/bin/fusermount3 ]] || missing+=(fuse3)
  ldconfig -p 2>/dev/null | grep -q 'libfuse3\.so\.3 ' || missing+=(libfuse3-3)
  [[ -x /usr/bin/fio ]] || missing+=(fio)
  [[ -f /usr/include/fuse3/fuse_lowlevel.h ]] || missing+=(libfuse3-dev)
  [[ -x /usr/bin/pkg-config ]] || missing+=(pkgconf)
  [[ -x /usr/bin/gcc ]] || missing+=(gcc)
  [[ -x /usr/bin/python3 ]] || missing+=(python3)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi

  local -a sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  # apt's chatter is kept out of the test output and shown only when the install fails.
  local log
  log=$(mktemp)
  if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "Could not install the test tools: ${missing[*]}" >&2
    return 1
  fi
  rm -f "$log"
  echo "Installed the test tools: ${missing[*]}"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  install_test_tools
fi
