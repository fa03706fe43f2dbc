#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those missing.
set -euo pipefail
need=()
pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev pkg-config)
pkg-config --exists libzmq 2>/dev/null || need+=(libzmq3-dev pkg-config)    # the Jupyter kernel's sockets
pkg-config --exists libcrypto 2>/dev/null || need+=(libssl-dev pkg-config)   # its HMAC-SHA256 signatures
# Debian's libreadstat-dev ships no readstat.pc: look for its header (SPSS .sav files in kpi).
[ -f /usr/include/readstat.h ] || need+=(libreadstat-dev)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)  # peak memory in Benchmarks/kpi.sh
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
