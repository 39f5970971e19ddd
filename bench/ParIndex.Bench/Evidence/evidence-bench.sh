# Evidence: uploading a 50 MB evidence file must keep the server's memory growth under 50 MB (the file is streamed
# through MultipartReader into a temporary file while its SHA-256 is computed, never held whole in memory). Sourced by
# scripts/bench.sh (its "evidence" section), which provides say, note, row, free_port, WORK (with the published app in
# $WORK/app) and SERVER_PID (killed by its cleanup trap).
#
# Starts the published app on a fresh SQLite data folder (the demo city and its demo accounts seed themselves) with
# Evidence__MaxBytes raised to 100 MB for the run, opens the 2025 self-assessment phase as the demo administrator,
# signs in as the demo unit officer (canbo.saigon@parindex.local, ward P-SAIGON), uploads a 1 MB file to warm up, then
# a generated 50 MB file that starts with %PDF- (random bytes after the header, so nothing compresses). Measured from
# /proc/<server pid>/status: VmRSS before; the peak VmHWM during the upload (the kernel's high-water mark, reset just
# before through /proc/<pid>/clear_refs); VmRSS after. Target: peak − before < 50 MB.

evidence_upload_bench() {
  local name="http: evidence upload of a 50 MB PDF (streamed, SHA-256)"
  local target_mb=50
  if [ ! -f "$WORK/app/parindex.dll" ]; then
    row "$name — peak RSS growth — not available (the app did not build)" NaN MB le "$target_mb" 1
    return 0
  fi
  local port base data="$WORK/evidence-data" admin="$WORK/evidence-admin" officer="$WORK/evidence-officer" log="$WORK/evidence-server.log"
  port=$(free_port); base="http://127.0.0.1:$port"
  rm -rf "$data"; mkdir -p "$data"
  say "evidence: starting the app on $base with a fresh data folder (Evidence__MaxBytes = 100 MB for this run)"
  ( cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production Paths__Data="$data" Evidence__MaxBytes=104857600 \
      dotnet parindex.dll serve --urls "$base" --contentRoot "$WORK/app" ) >"$log" 2>&1 &
  SERVER_PID=$!
  local started=$SECONDS ready=0
  while [ $((SECONDS - started)) -lt 300 ]; do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/dang-nhap" || true)" = 200 ] && { ready=1; break; }
    sleep 1
  done
  stop() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
  if [ "$ready" != 1 ]; then
    say "evidence: the app did not become ready"; tail -20 "$log" >&2
    row "$name — peak RSS growth — not available (the app did not become ready)" NaN MB le "$target_mb" 1
    stop; return 0
  fi

  sign_in() { # $1 jar, $2 email
    local token
    token=$(curl -s -c "$1" -b "$1" "$base/dang-nhap" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | awk 'NR == 1' | sed 's/.*value="//; s/"$//' || true)
    curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "Email=$2" --data-urlencode "Password=ParIndex-Demo-2025" --data-urlencode "__RequestVerificationToken=$token" "$base/dang-nhap"
  }
  sign_in "$admin" admin@parindex.local
  sign_in "$officer" canbo.saigon@parindex.local
  local today from to
  today=$(TZ=Asia/Ho_Chi_Minh date +%F); from=$(TZ=Asia/Ho_Chi_Minh date -d "$today -1 day" +%F); to=$(TZ=Asia/Ho_Chi_Minh date -d "$today +30 day" +%F)
  curl -s -o /dev/null -b "$admin" -X PUT -H 'Content-Type: application/json' -d "{\"opensOn\":\"$from\",\"closesOn\":\"$to\"}" "$base/api/v1/years/2025/phases/self-assessment"
  curl -s -o /dev/null -b "$admin" -X POST -H 'Content-Type: application/json' -d '{}' "$base/api/v1/years/2025/phases/self-assessment/open"
  local node
  node=$(curl -s -b "$officer" "$base/api/v1/years/2025/units/P-SAIGON/self-assessment" | grep -o '"nodeCode":"[^"]*"' | awk 'NR == 1' | cut -d'"' -f4 || true)
  if [ -z "$node" ]; then
    say "evidence: the demo officer cannot read the 2025 self-assessment of P-SAIGON"
    row "$name — peak RSS growth — not available (no demo self-assessment)" NaN MB le "$target_mb" 1
    stop; return 0
  fi
  local small="$WORK/evidence-1mb.pdf" big="$WORK/evidence-50mb.pdf"
  { printf '%%PDF-1.7\n'; head -c $((1024 * 1024)) /dev/urandom; } >"$small"
  { printf '%%PDF-1.7\n'; head -c $((50 * 1024 * 1024 - 9)) /dev/urandom; } >"$big"
  upload() { curl -s -o "$WORK/evidence-answer.json" -w '%{http_code} %{time_total}' -b "$officer" -F "nodeCode=$node" -F "documentNumber=BENCH" -F "file=@$1;filename=$(basename "$1")" "$base/api/v1/years/2025/units/P-SAIGON/evidence"; }
  say "evidence: warm-up upload of 1 MB to leaf $node"
  upload "$small" >/dev/null
  sleep 2
  kb() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$SERVER_PID/status"; }
  local before peak after answer status seconds
  before=$(kb VmRSS)
  echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || note "Evidence upload: /proc/<pid>/clear_refs could not be written, so the peak is the process's lifetime peak (pessimistic)."
  say "evidence: uploading 50 MB (RSS before: $((before / 1024)) MB)"
  answer=$(upload "$big"); status=${answer%% *}; seconds=${answer##* }
  peak=$(kb VmHWM); after=$(kb VmRSS)
  if [ "$status" != 200 ]; then
    say "evidence: the upload answered $status: $(head -c 300 "$WORK/evidence-answer.json")"
    row "$name — peak RSS growth — upload failed (HTTP $status)" NaN MB le "$target_mb" 1
    stop; return 0
  fi
  local growth_peak growth_after mbps stored
  growth_peak=$(awk -v p="$peak" -v b="$before" 'BEGIN { printf "%.1f", (p - b) / 1024 }')
  growth_after=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", (a - b) / 1024 }')
  mbps=$(awk -v s="$seconds" 'BEGIN { printf "%.1f", (s > 0 ? 50 / s : 0) }')
  stored=$(find "$data/evidence" -type f -size +49M 2>/dev/null | grep -vc '.incoming' || true)
  row "$name — peak RSS growth during the upload" "$growth_peak" MB le "$target_mb" 1
  row "$name — RSS growth after the upload" "$growth_after" MB - - 0
  row "$name — throughput on loopback" "$mbps" MB/s - - 0
  note "Evidence upload: RSS $((before / 1024)) MB before, peak $((peak / 1024)) MB during (VmHWM after resetting it), $((after / 1024)) MB after; 50 MB in ${seconds}s; $stored file(s) of 50 MB stored under their SHA-256 in the evidence folder. Evidence__MaxBytes was raised to 100 MB for the run; the request-body limit of the endpoint follows it."
  stop
  return 0
}

evidence_upload_bench
