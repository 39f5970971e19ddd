#!/usr/bin/env bash
# Rewrites 0001_initial.sql for both providers from the current model. Allowed only while 0001 has not been
# released to any installation (see docs/decisions/0002-hand-written-sql-migrations.md); after that, every
# schema change is a new NNNN_name.sql script per provider, written from the difference of
# scripts/schema-script.sh output before and after the change.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_USE_POLLING_FILE_WATCHER=1 DOTNET_hostBuilder__reloadConfigOnChange=false
dotnet build src/ParIndex -nologo -v q
for provider in sqlite postgres; do
  target="src/ParIndex/Data/Migrations/$provider/0001_initial.sql"
  {
    echo "-- ParIndex schema, version 0001 (initial). Hand-maintained: see docs/decisions/0002-hand-written-sql-migrations.md."
    scripts/schema-script.sh "$provider" | sed -e 's/[[:space:]]*$//' | cat -s
  } > "$target.tmp"
  grep -q "CREATE TABLE" "$target.tmp" || { echo "no schema produced for $provider; $target left as it was" >&2; rm -f "$target.tmp"; exit 1; }
  mv "$target.tmp" "$target"
  echo "wrote $target"
done
