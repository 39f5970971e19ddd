#!/usr/bin/env bash
# Runs the performance benchmarks and prints one table (benchmark | measured | target | ratio); writes the
# same table, the notes and the machine it ran on into docs/performance.md between
# <!-- bench:start --> and <!-- bench:end -->, keeping the rest of that document.
#
#   scripts/bench.sh               everything: in-process benchmarks, then HTTP benchmarks with wrk
#   scripts/bench.sh --no-http     in-process benchmarks only
#   scripts/bench.sh --no-engine   HTTP benchmarks only
#   scripts/bench.sh --quick       short runs to try the script (the table is marked QUICK)
#   scripts/bench.sh --no-docs     print the table without touching docs/performance.md
#
# HTTP benchmarks publish the app (Release) to a temporary folder, start it on a free 127.0.0.1 port with a
# fresh data folder (so it seeds the demo city), wait until the results answer, run wrk (installed from
# Debian's packages when missing), and stop the server. Only loopback addresses are used.
#
# Adding a benchmark: an in-process one is a method in bench/ParIndex.Bench plus its name in
# ENGINE_BENCHMARKS below; an HTTP one is a line in HTTP_BENCHMARKS. Both produce rows in the same
# tab-separated format (see bench/ParIndex.Bench/ResultTable.cs), and one formatter makes the table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ENGINE_BENCHMARKS=(engine engine-store)

# name | path | mode | goal (ge|le|-) | target req/s | judged (1|0)
#   mode: cached = plain wrk (an anonymous reader: no cookies, so the output cache serves repeats);
#         unique = every request carries an Authorization header, which the output cache never serves
#                  nor stores (ASP.NET Core's default output-cache policy), so every request renders the
#                  page from the database. (A made-up query parameter no longer bypasses the cache: the
#                  public policy varies only by the parameters the pages read, PublicCache.QueryKeys.)
HTTP_BENCHMARKS=(
  "http: public page /ket-qua/2025/PX (168 wards), anonymous, output cache|/ket-qua/2025/PX|cached|ge|1000|1"
  "http: public page /ket-qua/2025/PX, cache bypassed (Authorization header)|/ket-qua/2025/PX|unique|ge|1000|0"
  "http: JSON API /api/v1/years/2025/blocks/PX/results, anonymous|/api/v1/years/2025/blocks/PX/results|cached|ge|1000|0"
  "http: JSON API /api/v1/years/2025/blocks/PX/results, cache bypassed (Authorization header)|/api/v1/years/2025/blocks/PX/results|unique|ge|1000|0"
)
READY_PATH=/api/v1/years/2025/blocks/PX/results
WRK_THREADS=2 WRK_CONNECTIONS=32 WRK_DURATION=15s WARMUP_DURATION=5s
# Wait up to this many seconds for the 1-minute load average to fall below 1.0 before measuring, and a
# third of it before each wrk run (other engineers' builds and tests share this machine); the load is
# recorded either way.
QUIET_WAIT=${BENCH_QUIET_WAIT:-90}

run_engine=1 run_http=1 write_docs=1 quick=0
for arg in "$@"; do
  case "$arg" in
    --no-http) run_http=0 ;;
    --no-engine) run_engine=0 ;;
    --no-docs) write_docs=0 ;;
    --quick) quick=1; WRK_DURATION=5s; WARMUP_DURATION=2s; QUIET_WAIT=0 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
WORK=$(mktemp -d /tmp/parindex-bench.XXXXXX)
RESULTS=$WORK/results.tsv NOTES=$WORK/notes.md
: >"$RESULTS"; : >"$NOTES"
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP_WORK:-0}" = 1 ]; then echo "› kept $WORK (results.tsv, server.log, publish.log)" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

say() { echo "› $*" >&2; }
note() { echo "- $*" >>"$NOTES"; }
# A row in the exchange format: benchmark, value, unit, goal, target, judged.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

wait_for_quiet() { # $1 = longest wait in seconds
  local waited=0 longest=$1
  while [ "$waited" -lt "$longest" ] && awk -v l="$(load1)" 'BEGIN { exit !(l >= 1.0) }'; do
    [ "$waited" = 0 ] && say "machine busy (load $(load1)); waiting up to ${longest}s for it to settle"
    sleep 5; waited=$((waited + 5))
  done
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
wait_for_quiet "$QUIET_WAIT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- in-process benchmarks
say "building bench/ParIndex.Bench (Release)"
dotnet build bench/ParIndex.Bench -c Release -nologo -v q >"$WORK/bench-build.log" 2>&1 || { cat "$WORK/bench-build.log" >&2; exit 1; }
BENCH_DLL=$ROOT/bench/ParIndex.Bench/bin/Release/net10.0/ParIndex.Bench.dll

if [ "$run_engine" = 1 ]; then
  quick_flag=(); [ "$quick" = 1 ] && quick_flag=(--quick)
  say "running ${ENGINE_BENCHMARKS[*]}"
  # Exit code 1 means a judged row missed its target: the table still gets written.
  dotnet "$BENCH_DLL" "${ENGINE_BENCHMARKS[@]}" "${quick_flag[@]}" --results "$RESULTS" | tee "$WORK/engine.log" >&2 || [ "${PIPESTATUS[0]}" = 1 ]
  { grep -E '^  (framework|units|outcome):' "$WORK/engine.log" || true; } | awk '!seen[$0]++' | sed 's/^  /engine data — /' | while read -r line; do note "$line"; done
fi

# ---------------------------------------------------------------- HTTP benchmarks
free_port() {
  for _ in $(seq 1 50); do
    local port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

# User + system CPU time of the server process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat).
server_cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$SERVER_PID/stat"; }

# wrk's latency text (e.g. 812.00us, 12.34ms, 1.02s) in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }

http_bench() { # $1 name, $2 path, $3 mode, $4 goal, $5 target, $6 judged
  local name=$1 path=$2 mode=$3 goal=$4 target=$5 judged=$6 url="$BASE$2" status script=()
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  if [ "$status" != 200 ]; then
    say "$path answers HTTP $status: not measured"
    row "$name — not available (HTTP $status)" NaN req/s "$goal" "$target" "$judged"
    return
  fi
  if [ "$mode" = unique ]; then
    script=(-H "Authorization: Bearer bench-no-cache")
    # If the cache ever served requests that carry an Authorization header, this mode would measure cached
    # responses. Say so if it happens.
    curl -s -o /dev/null -H "Authorization: Bearer bench-no-cache" "$url" || true
    if curl -s -D - -o /dev/null -H "Authorization: Bearer bench-no-cache" "$url" | grep -qi '^age:'; then
      note "$name: a request with an Authorization header was served from the output cache, so this row measures cached responses, not a bypass."
    fi
  fi
  say "$path ($mode): warm-up $WARMUP_DURATION"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WARMUP_DURATION" "${script[@]}" "$url" >/dev/null
  wait_for_quiet $((QUIET_WAIT / 3))
  say "$path ($mode): wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency (load $(load1))"
  local cpu_before out cpu_after
  cpu_before=$(server_cpu_ticks)
  out=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "${script[@]}" "$url")
  cpu_after=$(server_cpu_ticks)
  echo "$out" | sed 's/^/    /' >&2
  local rps p99 errors socket requests cpu_per_request
  rps=$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')
  requests=$(echo "$out" | awk '/ requests in / { print $1 }')
  # Server CPU time per request does not depend on how busy the rest of the machine was, unlike req/s.
  cpu_per_request=$(awk -v b="$cpu_before" -v a="$cpu_after" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.4f", (n > 0 ? (a - b) * 1000 / hz / n : 0) }')
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  errors=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ { print $NF }')
  socket=$(echo "$out" | awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }')
  local suffix=""
  [ -n "$errors" ] && { suffix=" — $errors non-2xx responses!"; note "$name: $errors responses were not 2xx/3xx; the figure is not valid."; }
  row "$name — throughput$suffix" "$rps" req/s "$goal" "$target" "$judged"
  row "$name — p99 latency" "$p99" ms - - 0
  row "$name — server CPU per request" "$cpu_per_request" ms - - 0
  [ -n "$socket" ] && note "$name: wrk socket errors: $socket"
  return 0
}

if [ "$run_http" = 1 ]; then
  if ! command -v wrk >/dev/null; then
    say "installing wrk from Debian's packages"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
  fi
  # Other engineers may have a half-written file in the working tree: retry a few times a minute apart.
  published=0
  for attempt in $(seq 1 "${BENCH_BUILD_ATTEMPTS:-3}"); do
    say "publishing src/ParIndex (Release) to a temporary folder (attempt $attempt)"
    if dotnet publish src/ParIndex -c Release -nologo -v q -o "$WORK/app" >"$WORK/publish.log" 2>&1; then published=1; break; fi
    grep -E ' error ' "$WORK/publish.log" | sort -u | head -5 >&2 || true
    [ "$attempt" -lt "${BENCH_BUILD_ATTEMPTS:-3}" ] && sleep 60
  done
  if [ "$published" = 1 ]; then
    PORT=$(free_port); BASE="http://127.0.0.1:$PORT"
    mkdir -p "$WORK/data"
    say "starting the app on $BASE with a fresh data folder (seeds the demo city)"
    ( cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production Paths__Data="$WORK/data" \
        dotnet parindex.dll serve --urls "$BASE" --contentRoot "$WORK/app" ) >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    started=$SECONDS ready=0
    while [ $((SECONDS - started)) -lt 300 ]; do
      if ! kill -0 "$SERVER_PID" 2>/dev/null; then say "the app exited:"; tail -30 "$WORK/server.log" >&2; break; fi
      [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$READY_PATH" || true)" = 200 ] && { ready=1; break; }
      sleep 1
    done
    if [ "$ready" = 1 ]; then
      say "ready after $((SECONDS - started)) s"
      note "HTTP: the app published in Release, started with a fresh SQLite data folder (demo city seeded on start, ready after $((SECONDS - started)) s); wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency after a $WARMUP_DURATION warm-up per URL, anonymous (no cookies). wrk and the server share the machine's cores."
      # The output cache adds an Age header to a response it served from the cache.
      for path in /ket-qua/2025/PX "$READY_PATH"; do
        curl -s -o /dev/null "$BASE$path"
        if curl -s -D - -o /dev/null "$BASE$path" | grep -qi '^age:'; then
          note "Output cache check: a repeated anonymous GET of $path is served from the output cache (Age header present)."
        else
          note "Output cache check: a repeated anonymous GET of $path is NOT served from the output cache (no Age header), so its plain row measures full rendering."
        fi
      done
      bytes=$(curl -s "$BASE/ket-qua/2025/PX" | wc -c)
      [ "$bytes" -gt 0 ] && note "Page size: /ket-qua/2025/PX is $bytes bytes of HTML (uncompressed)."
      for spec in "${HTTP_BENCHMARKS[@]}"; do
        IFS='|' read -r name path mode goal target judged <<<"$spec"
        http_bench "$name" "$path" "$mode" "$goal" "$target" "$judged"
      done
    else
      for spec in "${HTTP_BENCHMARKS[@]}"; do
        IFS='|' read -r name _ _ goal target judged <<<"$spec"
        row "$name — not available (the app did not become ready)" NaN req/s "$goal" "$target" "$judged"
      done
    fi
    kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  else
    say "the app did not build"; note "The app did not build (errors in the working tree at the time of the run): $(grep -E ' error ' "$WORK/publish.log" | sed 's/ \[.*//' | sort -u | head -3 | tr '\n' ' ')" 
    for spec in "${HTTP_BENCHMARKS[@]}"; do
      IFS='|' read -r name _ _ goal target judged <<<"$spec"
      row "$name — not available (the app did not build)" NaN req/s "$goal" "$target" "$judged"
    done
  fi
fi

# ---------------------------------------------------------------- surveys (owned by the surveys feature)
# In-process: surveys-aggregate (1,000,000 SIPAS responses, target < 2 s), run when the bench program lists it.
# HTTP: the counter rating API under wrk (targets ≥ 5,000 req/s, p99 < 20 ms, every accepted rating stored);
# the script is bench/ParIndex.Bench/Surveys/counter-bench.sh and starts a server of its own.
if [ "$run_engine" = 1 ] && dotnet "$BENCH_DLL" list | grep -q '^surveys-aggregate '; then
  survey_quick=(); [ "$quick" = 1 ] && survey_quick=(--quick)
  say "running surveys-aggregate"
  dotnet "$BENCH_DLL" surveys-aggregate "${survey_quick[@]}" --results "$RESULTS" >&2 || [ $? = 1 ]
fi
if [ "$run_http" = 1 ]; then
  . bench/ParIndex.Bench/Surveys/counter-bench.sh
fi

# ---------------------------------------------------------------- evidence (owned by the assessments feature)
# HTTP: uploading a 50 MB evidence file keeps the server's memory growth under 50 MB; the script is
# bench/ParIndex.Bench/Evidence/evidence-bench.sh and starts a server of its own from the app published above.
if [ "$run_http" = 1 ]; then
  wait_for_quiet $((QUIET_WAIT / 3))
  . bench/ParIndex.Bench/Evidence/evidence-bench.sh
fi

# ---------------------------------------------------------------- dossiers (owned by the dossiers feature)
# In-process: dossiers-deadlines (≥ 10,000,000 due dates/s on one core), run when the bench program lists it.
# Ingestion (SQLite, PostgreSQL) against sqlite3 .import and psql \copy, and indicator queries over 10,000,000
# dossiers: bench/ParIndex.Bench/Dossiers/dossier-bench.sh, which publishes the app if the HTTP section did not.
# BENCH_DOSSIERS=0 skips it; BENCH_DOSSIER_ROWS and BENCH_DOSSIER_QUERY_ROWS change the sizes.
if [ "$run_engine" = 1 ] && dotnet "$BENCH_DLL" list | grep -q '^dossiers-deadlines '; then
  dossier_quick=(); [ "$quick" = 1 ] && dossier_quick=(--quick)
  say "running dossiers-deadlines"
  dotnet "$BENCH_DLL" dossiers-deadlines "${dossier_quick[@]}" --results "$RESULTS" >&2 || [ $? = 1 ]
fi
if [ "${BENCH_DOSSIERS:-1}" = 1 ]; then
  wait_for_quiet $((QUIET_WAIT / 3))
  . bench/ParIndex.Bench/Dossiers/dossier-bench.sh
fi

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v a="${LOAD_START%% *}" -v b="${LOAD_END%% *}" -v n="$(nproc)" 'BEGIN { exit !(a >= n || b >= n) }'; then
  note "**The machine was busy while measuring** (1-minute load average ${LOAD_START%% *} at the start and ${LOAD_END%% *} at the end, on $(nproc) cores; other engineers' builds and tests share it). Wall-clock rows (medians, req/s, latencies) include waiting for a core and are pessimistic; the \"thread CPU\" and \"server CPU per request\" rows are the code's own cost and hardly depend on the load."
fi

# ---------------------------------------------------------------- table, machine, docs
TABLE=$(dotnet "$BENCH_DLL" report "$RESULTS")

cpu_model=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
cpu_detail=$(lscpu 2>/dev/null | awk -F: '
  /^CPU family/ { gsub(/ /, "", $2); fam = $2 } /^Model:/ { gsub(/ /, "", $2); mod = $2 }
  /^Hypervisor vendor/ { gsub(/^ +/, "", $2); hv = $2 }
  END { s = "family " fam ", model " mod; if (hv != "") s = s ", virtual machine (" hv ")"; print s }')
logical=$(nproc)
physical=$(lscpu 2>/dev/null | awk -F: '/^Core\(s\) per socket/ { c = $2 } /^Socket\(s\)/ { s = $2 } END { print c * s }')
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
os=$( (. /etc/os-release && echo "$PRETTY_NAME") )
kernel=$(uname -r)
runtime=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')
aspnet=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
sdk=$(dotnet --version)
wrk_version=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }' || true)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes in the working tree)" || true)
when=$(date -u '+%Y-%m-%d %H:%M UTC')

SECTION=$WORK/section.md
{
  echo "_Generated by \`scripts/bench.sh\` on $when at commit \`$commit\`$dirty.$([ "$quick" = 1 ] && echo ' **QUICK run: short measurements, not for comparison.**')_"
  echo
  echo "Ratio = measured ÷ target. A \"≤\" target passes at a ratio ≤ 1.00, a \"≥\" target at ≥ 1.00. Rows marked"
  echo "\"(reference)\" are compared with another row's target for context and are not judged; \"—\" rows have no target."
  echo
  echo "$TABLE"
  echo
  if [ -s "$NOTES" ]; then
    echo "Notes from this run:"
    echo
    cat "$NOTES"
    echo
  fi
  echo "### Machine"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $cpu_model ($cpu_detail) |"
  echo "| Cores | $logical logical, $physical physical |"
  echo "| RAM | $ram |"
  echo "| OS | $os, Linux $kernel |"
  echo "| .NET | runtime $runtime, ASP.NET Core $aspnet, SDK $sdk |"
  [ "$run_http" = 1 ] && echo "| wrk | $wrk_version (Debian package) |"
  echo "| Load average (1, 5, 15 min) | before: $LOAD_BEFORE; at start of measuring: $LOAD_START; at end: $LOAD_END |"
} >"$SECTION"

echo
cat "$SECTION"

if [ "$write_docs" = 1 ]; then
  DOC=docs/performance.md
  if [ -f "$DOC" ] && grep -q '<!-- bench:start -->' "$DOC" && grep -q '<!-- bench:end -->' "$DOC"; then
    awk -v section="$SECTION" '
      /<!-- bench:start -->/ { print; while ((getline line < section) > 0) print line; skipping = 1; next }
      /<!-- bench:end -->/ { skipping = 0 }
      !skipping { print }' "$DOC" >"$WORK/performance.md"
  else
    { [ -f "$DOC" ] && cat "$DOC" && echo; echo "## Latest results"; echo; echo '<!-- bench:start -->'; cat "$SECTION"; echo '<!-- bench:end -->'; } >"$WORK/performance.md"
  fi
  cp "$WORK/performance.md" "$DOC"
  say "wrote the table into $DOC"
fi

# Fail (exit 1) when a judged benchmark missed its target, so CI can use the script as a gate.
if grep -q '❌' <<<"$TABLE"; then exit 1; fi
