#!/usr/bin/env bash
# Developer aid: prints the CREATE script EF Core would generate for the current model, per provider.
# Use it to write the next hand-written migration in src/ParIndex/Data/Migrations/{sqlite,postgres}/
# (diff against the previous output); the SchemaMatchesModel tests check the result on both engines.
# Usage: scripts/schema-script.sh sqlite|postgres
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  sqlite) dotnet run --project src/ParIndex -- schema-script ;;
  postgres) Database__Provider=Postgres ConnectionStrings__ParIndex="Host=127.0.0.1;Database=unused" dotnet run --project src/ParIndex -- schema-script ;;
  *) echo "usage: $0 sqlite|postgres" >&2; exit 2 ;;
esac
