#!/usr/bin/env bash
# Installs Debian's etcd-server if needed and starts a throwaway etcd on loopback for the etcd
# backend's contract tests. Prints the client URL on stdout; the data dir lives under $1.
set -euo pipefail
work="${1:?usage: start-etcd.sh WORKDIR}"
if ! command -v etcd >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq etcd-server >&2
fi
# the Debian package may start its own etcd service on 2379; ours uses other ports
url="http://127.0.0.1:23790"
mkdir -p "$work"
etcd --name lightpath-ci --data-dir "$work/etcd-data" \
  --listen-client-urls "$url" --advertise-client-urls "$url" \
  --listen-peer-urls http://127.0.0.1:23800 --initial-advertise-peer-urls http://127.0.0.1:23800 \
  --initial-cluster lightpath-ci=http://127.0.0.1:23800 >"$work/etcd.log" 2>&1 &
echo $! >"$work/etcd.pid"
for _ in $(seq 1 100); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then
    echo "$url"
    exit 0
  fi
  sleep 0.2
done
echo "etcd did not become healthy; log:" >&2
cat "$work/etcd.log" >&2
exit 1
