#!/usr/bin/env bash
# Runs every test suite: unit (ParIndex.Core.Tests), integration on SQLite and on a real PostgreSQL server
# (ParIndex.Tests), and browser tests in Debian's Chromium (ParIndex.EndToEndTests).
# Installs PostgreSQL and Chromium from Debian's packages when missing, starts a throwaway PostgreSQL
# cluster on a free loopback port, and removes it afterwards.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Units]
set -euo pipefail
cd "$(dirname "$0")/.."

apt_updated=0
need_package() { # $1 = package, $2 = test command
  if ! eval "$2" >/dev/null 2>&1; then
    if [ "$apt_updated" = 0 ]; then
      echo "› apt-get update"; $SUDO apt-get update -qq; apt_updated=1
    fi
    echo "› installing $1 from Debian's packages"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$1" >/dev/null
  fi
}
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

need_package postgresql 'dpkg -L postgresql-15 | grep -q "bin/initdb$"'
need_package chromium 'command -v chromium'
# DejaVu Sans draws the Vietnamese PDFs (docs/decisions/0009-pdf-licence.md).
need_package fonts-dejavu-core 'test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

pg_bin=$(dirname "$(dpkg -L postgresql-15 | grep -E 'bin/initdb$' | head -1)")
free_port() {
  for _ in $(seq 1 50); do
    local port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}
pg_port=$(free_port)
pg_dir=$(mktemp -d /tmp/parindex-pg.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"

cleanup() {
  as_pg "$pg_bin/pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

echo "› starting a throwaway PostgreSQL cluster on 127.0.0.1:$pg_port"
as_pg "$pg_bin/initdb -D $pg_dir/data -A trust -U parindex -E UTF8 --locale=C.UTF-8 >/dev/null"
# Durability settings are off: the cluster is deleted after the run, and tests create a database each.
as_pg "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null"

export PARINDEX_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=parindex;Database=postgres;Pooling=true;Maximum Pool Size=20"
export PARINDEX_CHROMIUM="$(command -v chromium)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Hundreds of test hosts start and stop; without this each watches appsettings.json with inotify and the
# per-user inotify instance limit (128 by default) runs out on busy machines.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=1

dotnet build ParIndex.slnx -c Release -nologo -v q
dotnet test ParIndex.slnx -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@"
