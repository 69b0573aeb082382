#!/usr/bin/env bash
# Static-mix benchmark (issue 2): Mixtree against the peers of ../shared/bench on the same stems.
#   ./mixtree bench [N] [D]        default N=64 tracks, D=300 s;  RUNS=3 (median), PEERS="sox ecasound ffmpeg ardour"
# Workload: RW1-lin's routing, gains and pans (../shared/bench/workload.sh with DYN=0): track i -> bus
# floor(i/(N/4)), buses 0+1 -> sub A, 2+3 -> sub B (-8 dB), subs -> master. Mixtree renders the static mix
# (levels and pan only, as the method's first step); the peers' RW1-lin also runs the bus EQ and the master
# shelf (10 biquad channels, a small part of their work: see ../shared/bench/README.md).
# Prints whole-process wall, CPU (user+sys) and peak RSS per tool (median of RUNS), Mixtree's in-engine
# realtime factor and peak heap, and the ratio of Mixtree's wall time to SoX's.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=${MIXTREE_SHARED:-$ROOT/../shared}/bench
N=${1:-64}; D=${2:-300}; RUNS=${RUNS:-3}
PEERS=${PEERS:-sox ecasound ffmpeg ardour}
W=${MIXTREE_BENCH_DIR:-/tmp/mixtree-bench}
STEMS=$W/stems_n${N}_d$D
SESSION=$W/rw1lin_n${N}_d$D.mixtree
MT="$ROOT/mixtree"
mkdir -p "$W"
export MIXTREE_NO_REBUILD=1   # ./mixtree bench built the product once; no rebuild between timed runs
[[ -d $SHARED ]] || { echo "bench: $SHARED not found (set MIXTREE_SHARED)" >&2; exit 2; }
command -v sox >/dev/null || { echo "bench: sox is needed (apt-get install sox)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

if [[ ! -e $STEMS/track_$(printf %03d $((N - 1))).wav ]]; then
  echo "== generating $N stems of ${D}s in $STEMS (once)"
  bash "$SHARED/gen_stems.sh" "$STEMS" "$N" "$D" >/dev/null
fi

# --- the session, built through the CLI (once): the same commands a person would type
. "$SHARED/workload.sh"
if [[ ! -f $SESSION ]]; then
  echo "== building the session through ./mixtree (once)"
  tmp=$W/.build.mixtree
  "$MT" new "$tmp" --stems "$STEMS" --group flat --force >/dev/null
  "$MT" bus add "$tmp" "Sub A" >/dev/null
  "$MT" bus add "$tmp" "Sub B" >/dev/null
  for b in 0 1 2 3; do
    sub="Sub A"; [[ $b -ge 2 ]] && sub="Sub B"
    "$MT" bus add "$tmp" "Bus $b" --output "bus:$sub" >/dev/null
  done
  sub_db=-8
  "$MT" set "$tmp" "bus:Sub A" gain=$sub_db >/dev/null
  "$MT" set "$tmp" "bus:Sub B" gain=$sub_db >/dev/null
  DYN=0 track_table "$N" | while IFS=$'\t' read -r i f ch bus gdb pan gL gR; do
    "$MT" set "$tmp" "track:${f%.wav}" gain="$gdb" pan="$pan" output="bus:Bus $bus" >/dev/null
  done
  mv "$tmp" "$SESSION"
fi

median() { sort -g | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# run NAME CMD...: RUNS timed runs after one warm-up; collects wall, cpu, rss medians
declare -A WALL CPU RSS
run() {
  local name=$1; shift
  local walls=() cpus=() rsss=() i out
  "$@" >/dev/null 2>&1 || { echo "   $name failed: $*" >&2; return 1; }   # warm-up (page cache)
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -o "$W/.time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || { echo "   $name failed" >&2; return 1; }
    read -r w u s m < <(tail -n1 "$W/.time")
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')"); rsss+=("$m")
  done
  WALL[$name]=$(printf '%s\n' "${walls[@]}" | median)
  CPU[$name]=$(printf '%s\n' "${cpus[@]}" | median)
  RSS[$name]=$(printf '%s\n' "${rsss[@]}" | median)
}

echo "== $N tracks x ${D}s, $(nproc) cores, median of $RUNS runs (after 1 warm-up), page cache warm"
run mixtree "$MT" render "$SESSION" -o "$W/out_mixtree.wav"
# in-engine figures from one more run
stats=$(MIXTREE_STATS=1 "$MT" render "$SESSION" -o "$W/out_mixtree.wav" 2>&1 >/dev/null | grep -E '^(stats|rendered)' || true)
for p in $PEERS; do
  case $p in
    sox) run sox env DYN=0 bash "$SHARED/peer_mix_sox.sh" "$STEMS" "$N" "$W/out_sox.wav" ;;
    ecasound) command -v ecasound >/dev/null && run ecasound env DYN=0 ALIGN=0 bash "$SHARED/peer_mix_ecasound.sh" "$STEMS" "$N" "$W/out_eca.wav" || echo "   ecasound: not run (apt-get install ecasound swh-plugins)" ;;
    ffmpeg) command -v ffmpeg >/dev/null && run ffmpeg env DYN=0 bash "$SHARED/peer_mix_ffmpeg.sh" "$STEMS" "$N" "$W/out_ff.wav" || echo "   ffmpeg: not run (apt-get install ffmpeg)" ;;
    ardour) command -v ardour7-lua >/dev/null && run ardour env DYN=0 bash "$SHARED/peer_mix_ardour.sh" "$STEMS" "$N" "$W/out_ardour.wav" || echo "   ardour: not run (apt-get install ardour; see ../shared/bench/ardour)" ;;
  esac
done

printf '\n%-10s %10s %10s %12s\n' tool "wall s" "cpu s" "peak RSS MB"
for t in mixtree $PEERS; do
  [[ -n ${WALL[$t]:-} ]] || continue
  printf '%-10s %10s %10s %12d\n' "$t" "${WALL[$t]}" "${CPU[$t]}" $(( ${RSS[$t]} / 1024 ))
done
echo "(peak RSS of the peers is their bash wrapper's, not the work's: see ../shared/bench/README.md)"
[[ -n ${WALL[sox]:-} ]] && awk -v m="${WALL[mixtree]}" -v s="${WALL[sox]}" 'BEGIN{printf "mixtree wall / sox wall = %.2f (aim <= 0.5)\n", m/s}'
echo "$stats"
if [[ -f $W/out_sox.wav ]]; then
  # the static mix has no EQ: compare against SoX only as a level check, not sample by sample
  echo "levels: mixtree $(sox "$W/out_mixtree.wav" -n stats 2>&1 | awk '/RMS lev dB/{print $4" dBFS RMS"}'), sox (with EQ) $(sox "$W/out_sox.wav" -n stats 2>&1 | awk '/RMS lev dB/{print $4" dBFS RMS"}')"
fi
