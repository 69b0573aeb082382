#!/usr/bin/env bash
# Benchmarks, Mixtree side by side with the peers of ../shared/bench on the same stems, whole process.
#   ./mixtree bench startup [RUNS]            the workbench's start-up to the window drawn (startup.sh)
#   ./mixtree bench views                     the routing views with 200 channels: layout and draw times (views.sh)
#   ./mixtree bench console [STRIPS] [FRAMES] the mixer console's frame time with the demo playing (console.sh)
#   ./mixtree bench decode [SECONDS]          ns/sample of each PCM sample format's decode (one file per format
#                                             made by sox, SECONDS long, stereo; median of RUNS=11 reads each)
#   ./mixtree bench play [N] [D]              the time from the command to the first sound on the device, a session
#                                             of N stems (default 64 x 60 s) through JACK's dummy driver, 256 frames
#   ./mixtree bench [static|rw1] [N] [D]    default: static, N=64 tracks, D=300 s
#   RUNS=3 (median of RUNS after one warm-up)   PEERS="sox ecasound ffmpeg ardour"
# static: the static mix (levels and pan only, the method's first step) with RW1-lin's routing, gains and
#         pans (../shared/bench/workload.sh, DYN=0): track i -> bus floor(i/(N/4)), buses 0+1 -> Sub A and
#         2+3 -> Sub B (-8 dB), subs -> master. The peers' RW1-lin also runs the bus EQ and master shelf
#         (10 biquad channels, a small part of their work: see ../shared/bench/README.md).
# rw1:    the full RW1 workload: bus EQ (RBJ peak 1 kHz +3 dB Q 1) and compressor (-18 dB, 4:1, 5/100 ms,
#         peak, hard knee), subs at -2 dB, master high shelf (8 kHz +2 dB, S=1) and limiter (-6 dB, 50 ms,
#         5 ms look-ahead); then ns/sample of every installed effect and the biquad against the C ceiling.
# realtime: 64 stereo tracks with an EQ each, 8 buses with EQ and compressor, master with limiter, played
#         through JACK's dummy driver at 48 kHz for D seconds (default 60) with 128- and then 64-frame
#         buffers, jackd asynchronous (its default) and synchronous (-S): xruns, callback time percentiles as % of
#         the period, audio-thread allocation, GC pauses, and jackd's own account of each xrun.
# static also builds releng/bench/static_mix.c with the system compiler (cc -O2) and times it: the plain C
#         static mix that Mixtree's engine time is compared with (issue 13's aim: within 1.2x).
# Prints whole-process wall, CPU (user+sys) and peak RSS per tool (medians), Mixtree's in-engine realtime
# factor and peak heap, and the ratio of Mixtree's wall time to the reference peer's.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# ./mixtree bench startup [RUNS]: the workbench's start-up (releng/bench/startup.sh)
[[ ${1:-} == startup ]] && { shift; exec bash "$ROOT/releng/bench/startup.sh" "$@"; }
# ./mixtree bench views: the routing views' layout and draw times with 200 channels (releng/bench/views.sh)
[[ ${1:-} == views ]] && { shift; exec bash "$ROOT/releng/bench/views.sh" "$@"; }
# ./mixtree bench console [STRIPS] [FRAMES]: the console's frame time (releng/bench/console.sh)
[[ ${1:-} == console ]] && { shift; exec bash "$ROOT/releng/bench/console.sh" "$@"; }
SHARED=${MIXTREE_SHARED:-$ROOT/../shared}/bench
if [[ ${1:-} == decode ]]; then
  # one file per PCM sample format, the same signal (a sine left, noise right), then bench-decode reads each
  SECS=${2:-10}; DW=${MIXTREE_BENCH_DIR:-/tmp/mixtree-bench}/decode_$SECS; mkdir -p "$DW"
  command -v sox >/dev/null || { echo "bench: sox is needed (apt-get install sox)" >&2; exit 2; }
  files=()
  for spec in s16le.wav:"-c 2 -b 16 -e signed-integer" s24le.wav:"-c 2 -b 24 -e signed-integer" \
      s32le.wav:"-c 2 -b 32 -e signed-integer" f32le.wav:"-c 2 -b 32 -e floating-point" \
      f64le.wav:"-c 2 -b 64 -e floating-point" s16be.aiff:"-c 2 -b 16 -e signed-integer" \
      s24be.aiff:"-c 2 -b 24 -e signed-integer" s32be.aiff:"-c 2 -b 32 -e signed-integer" \
      f32be.aifc:"-c 2 -b 32 -e floating-point" f64be.aifc:"-c 2 -b 64 -e floating-point" \
      s24le-mono.wav:"-c 1 -b 24 -e signed-integer"; do
    f=$DW/${spec%%:*}; opts=${spec#*:}
    # shellcheck disable=SC2086
    [[ -s $f ]] || sox -n -r 48000 $opts "$f" synth "$SECS" sine 1000 whitenoise gain -1
    files+=("$f")
  done
  echo "== decode: ${SECS}s files, 48 kHz, one thread, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  MIXTREE_NO_REBUILD=1 exec "$ROOT/mixtree" bench-decode --runs "${RUNS:-11}" "${files[@]}"
fi
MODE=static
case ${1:-} in static|rw1|realtime|play) MODE=$1; shift ;; esac
N=${1:-64}; D=${2:-300}; RUNS=${RUNS:-3}
[[ $MODE == play ]] && D=${2:-60}   # play: a minute of stems is plenty for its first second
PEERS=${PEERS:-sox ecasound ffmpeg ardour}
W=${MIXTREE_BENCH_DIR:-/tmp/mixtree-bench}
STEMS=$W/stems_n${N}_d$D
SESSION=$W/${MODE}_n${N}_d$D.mixtree
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

if [[ $MODE == play ]]; then
  # play's start-up probe (MIXTREE_STATS=1): from the process's start to the first non-zero sample handed to the
  # device, and where the time went; whole-process wall of the command as well
  SESSION=$W/play_n${N}_d$D.mixtree
  [[ -f $SESSION ]] || "$MT" new "$SESSION" --stems "$STEMS" --group flat --force >/dev/null
  command -v jackd >/dev/null || { echo "bench: jackd is needed (apt-get install jackd2)" >&2; exit 2; }
  JACK_DEFAULT_SERVER=mixtree-play jackd --no-realtime -n mixtree-play -d dummy -r 48000 -p 256 >"$W/jackd_play.log" 2>&1 &
  jpid=$!; sleep 1
  echo "== play: $N tracks x ${D}s, first sound through JACK dummy (256 frames), median of $RUNS runs after 1," \
    "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  firsts=()
  for ((i = 0; i <= RUNS; i++)); do
    line=$(JACK_DEFAULT_SERVER=mixtree-play MIXTREE_STATS=1 "$MT" play "$SESSION" --device jack --buffer 256 --seconds 1 2>&1 \
      | grep '^stats: first sound' || true)
    echo "   $line"
    ((i == 0)) || firsts+=("$(sed -n 's/^stats: first sound \([0-9.]*\) s.*/\1/p' <<<"$line")")
  done
  kill "$jpid" 2>/dev/null; wait "$jpid" 2>/dev/null || true
  printf '%s\n' "${firsts[@]}" | sort -g | awk '{a[NR]=$1} END{if (NR) printf "first sound: median %.3f s after the command (aim <= 1 s)\n", a[int((NR+1)/2)]}'
  exit 0
fi

if [[ $MODE == realtime ]]; then
  D=${2:-60}; STEMS=$W/stems_n${N}_d$D
  [[ -e $STEMS/track_$(printf %03d $((N - 1))).wav ]] || bash "$SHARED/gen_stems.sh" "$STEMS" "$N" "$D" >/dev/null
  ST=$W/stereo_n${N}_d$D
  if [[ ! -e $ST/track_$(printf %03d $((N - 1))).wav ]]; then
    echo "== making $N stereo stems (once)"; mkdir -p "$ST"
    for f in "$STEMS"/track_*.wav; do
      if [[ $(soxi -c "$f") == 1 ]]; then sox "$f" "$ST/$(basename "$f")" remix 1 1; else cp "$f" "$ST/"; fi
    done
  fi
  SESSION=$W/realtime_n${N}_d$D.mixtree
  if [[ ! -f $SESSION ]]; then
    echo "== building the realtime session through ./mixtree (once)"
    tmp=$W/.build.mixtree
    "$MT" new "$tmp" --stems "$ST" --group flat --force >/dev/null
    for b in 0 1 2 3 4 5 6 7; do
      "$MT" bus add "$tmp" "Bus $b" >/dev/null
      "$MT" insert add "$tmp" "bus:Bus $b" org.mixtree.eq b1.type=peak b1.freq=1000 b1.gain=3 b1.q=1 >/dev/null
      "$MT" insert add "$tmp" "bus:Bus $b" org.mixtree.compressor threshold=-18 ratio=4 attack=5 release=100 >/dev/null
    done
    "$MT" insert add "$tmp" master org.mixtree.limiter ceiling=-1 release=50 lookahead=5 >/dev/null
    for ((i = 0; i < N; i++)); do
      t=track_$(printf %03d $i)
      "$MT" set "$tmp" "track:$t" gain=-18 output="bus:Bus $((i * 8 / N))" >/dev/null
      "$MT" insert add "$tmp" "track:$t" org.mixtree.eq b1.type=highpass b1.freq=80 b1.q=0.7 >/dev/null
    done
    mv "$tmp" "$SESSION"
  fi
  command -v jackd >/dev/null || { echo "bench: jackd is needed (apt-get install jackd2)" >&2; exit 2; }
  # real-time scheduling (SCHED_FIFO for jackd and, through libjack, for Mixtree's audio thread) where the machine
  # allows it, as a DAW is run; else the dummy driver runs at normal priority and the figures say so
  if chrt -f 10 true 2>/dev/null; then RT=(-R -P 70); SCHED="SCHED_FIFO 70"; else RT=(--no-realtime); SCHED="no real-time priority"; fi
  # jackd's two modes: asynchronous (its default: the driver writes the previous period's output and checks that
  # the clients finished it) and synchronous (-S: the driver waits for the clients within the period)
  for P in 128 64; do
    for SYNC in async sync; do
      FLAGS=(); [[ $SYNC == sync ]] && FLAGS=(-S)
      echo "== realtime: $N stereo tracks (EQ each), 8 buses (EQ + compressor), master limiter; JACK dummy 48 kHz, $P frames, ${D}s, jackd $SCHED, $SYNC"
      JACK_DEFAULT_SERVER=mixtree-bench jackd "${RT[@]}" "${FLAGS[@]}" -n mixtree-bench -d dummy -r 48000 -p "$P" >"$W/jackd_$P.log" 2>&1 &
      jpid=$!; sleep 1
      JACK_DEFAULT_SERVER=mixtree-bench "$MT" play "$SESSION" --device jack --buffer "$P" --seconds "$D" 2>&1 | tail -n 3 || true
      kill "$jpid" 2>/dev/null; wait "$jpid" 2>/dev/null || true
      # jackd's own account of each xrun: its dummy driver woke late, and/or Mixtree's period was still running
      # (not finished) or had not started yet (triggered, not yet scheduled)
      echo "   jackd log: $(grep -c 'JackTimedDriver::Process XRun' "$W/jackd_$P.log") late wake-ups of its own driver;" \
        "Mixtree's period not finished: $(grep -c 'mixtree was not finished, state = Running' "$W/jackd_$P.log") while running," \
        "$(grep -c 'mixtree was not finished, state = Triggered' "$W/jackd_$P.log") triggered but not started;" \
        "clients late in synchronous mode: $(grep -c 'ProcessGraphSync: SuspendRefNum error' "$W/jackd_$P.log")" \
        "(one at the end is the client leaving)"
      sleep 1
    done
  done
  exit 0
fi

# --- the session, built through the CLI (once): the same commands a person would type
DYN=1; [[ $MODE == static ]] && DYN=0
. "$SHARED/workload.sh"
if [[ ! -f $SESSION ]]; then
  echo "== building the $MODE session through ./mixtree (once)"
  tmp=$W/.build.mixtree
  "$MT" new "$tmp" --stems "$STEMS" --group flat --force >/dev/null
  "$MT" bus add "$tmp" "Sub A" >/dev/null
  "$MT" bus add "$tmp" "Sub B" >/dev/null
  for b in 0 1 2 3; do
    sub="Sub A"; [[ $b -ge 2 ]] && sub="Sub B"
    "$MT" bus add "$tmp" "Bus $b" --output "bus:$sub" >/dev/null
    if [[ $MODE == rw1 ]]; then
      "$MT" insert add "$tmp" "bus:Bus $b" org.mixtree.eq b1.type=peak b1.freq=$BUS_EQ_F b1.gain=$BUS_EQ_GAIN_DB b1.q=$BUS_EQ_Q >/dev/null
      "$MT" insert add "$tmp" "bus:Bus $b" org.mixtree.compressor threshold=$COMP_THRESH_DB ratio=$COMP_RATIO \
        attack=$COMP_ATTACK_MS release=$COMP_RELEASE_MS knee=0 makeup=$COMP_MAKEUP_DB detector=peak mix=100 >/dev/null
    fi
  done
  "$MT" set "$tmp" "bus:Sub A" gain=$SUB_GAIN_DB >/dev/null
  "$MT" set "$tmp" "bus:Sub B" gain=$SUB_GAIN_DB >/dev/null
  if [[ $MODE == rw1 ]]; then
    # shelf slope S=1 is the shelf Q 1/sqrt(2)
    "$MT" insert add "$tmp" master org.mixtree.eq b1.type=highshelf b1.freq=$MASTER_HS_F b1.gain=$MASTER_HS_GAIN_DB b1.q=0.7071067811865476 >/dev/null
    "$MT" insert add "$tmp" master org.mixtree.limiter ceiling=$LIM_CEIL_DB release=$LIM_RELEASE_MS lookahead=$LIM_LOOKAHEAD_MS >/dev/null
  fi
  track_table "$N" | while IFS=$'\t' read -r i f ch bus gdb pan gL gR; do
    "$MT" set "$tmp" "track:${f%.wav}" gain="$gdb" pan="$pan" output="bus:Bus $bus" >/dev/null
  done
  mv "$tmp" "$SESSION"
fi

median() { sort -g | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# run NAME CMD...: RUNS timed runs after one warm-up; keeps the medians of wall, cpu and peak RSS
declare -A WALL CPU RSS
run() {
  local name=$1; shift
  local walls=() cpus=() rsss=() i
  "$@" >/dev/null 2>&1 || { echo "   $name failed: $*" >&2; return 1; }   # warm-up (page cache, JIT caches)
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -o "$W/.time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || { echo "   $name failed" >&2; return 1; }
    read -r w u s m < <(tail -n1 "$W/.time")
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')"); rsss+=("$m")
  done
  WALL[$name]=$(printf '%s\n' "${walls[@]}" | median)
  CPU[$name]=$(printf '%s\n' "${cpus[@]}" | median)
  RSS[$name]=$(printf '%s\n' "${rsss[@]}" | median)
}

echo "== $MODE: $N tracks x ${D}s, $(nproc) cores, median of $RUNS runs (after 1 warm-up), page cache warm"
run mixtree "$MT" render "$SESSION" -o "$W/out_mixtree_$MODE.wav"
stats=$(MIXTREE_STATS=1 "$MT" render "$SESSION" -o "$W/out_mixtree_$MODE.wav" 2>&1 >/dev/null | grep -E '^stats' || true)
# Mixtree's engine time (inside the render, without JVM start and session load): the median of RUNS stats runs
engines=("$(sed -n 's/^stats: engine \([0-9.]*\) s.*/\1/p' <<<"$stats")")
for ((i = 1; i < RUNS; i++)); do
  engines+=("$(MIXTREE_STATS=1 "$MT" render "$SESSION" -o "$W/out_mixtree_$MODE.wav" 2>&1 >/dev/null | sed -n 's/^stats: engine \([0-9.]*\) s.*/\1/p')")
done
ENGINE=$(printf '%s\n' "${engines[@]}" | median)
# the C reference of the static mix (releng/bench/static_mix.c), built with the system compiler
if [[ $MODE == static ]]; then
  CC_BIN=$(command -v cc || command -v gcc || true)
  if [[ -z $CC_BIN ]]; then
    echo "   C mix reference: not run (no C compiler: apt-get install gcc)"
  elif "$CC_BIN" -O2 -o "$W/static_mix" "$ROOT/releng/bench/static_mix.c" 2>"$W/.cc.log"; then
    cargs=()
    while IFS=$'\t' read -r i f ch bus gdb pan gL gR; do cargs+=("$STEMS/$f" "$gL" "$gR" "$bus"); done < <(track_table "$N")
    run c-mix "$W/static_mix" "$W/out_c_$MODE.wav" "$(db2lin "$SUB_GAIN_DB")" "${cargs[@]}" || true
  else
    echo "   C mix reference: $CC_BIN -O2 failed (see $W/.cc.log); not run"
  fi
fi
for p in $PEERS; do
  case $p in
    sox) run sox env DYN=$DYN bash "$SHARED/peer_mix_sox.sh" "$STEMS" "$N" "$W/out_sox_$MODE.wav" ;;
    ecasound) if command -v ecasound >/dev/null; then run ecasound env DYN=$DYN ALIGN=0 bash "$SHARED/peer_mix_ecasound.sh" "$STEMS" "$N" "$W/out_eca_$MODE.wav"; else echo "   ecasound: not run (apt-get install ecasound swh-plugins)"; fi ;;
    ffmpeg) if command -v ffmpeg >/dev/null; then run ffmpeg env DYN=$DYN bash "$SHARED/peer_mix_ffmpeg.sh" "$STEMS" "$N" "$W/out_ff_$MODE.wav"; else echo "   ffmpeg: not run (apt-get install ffmpeg)"; fi ;;
    ardour)
      if command -v ardour7-lua >/dev/null || command -v ardour7-export >/dev/null; then
        # Ardour's session is built once (not timed), then its headless export is timed
        MODE=build DYN=$DYN bash "$SHARED/peer_mix_ardour.sh" "$STEMS" "$N" /dev/null >/dev/null 2>&1 || true
        run ardour env MODE=export DYN=$DYN bash "$SHARED/peer_mix_ardour.sh" "$STEMS" "$N" "$W/out_ardour_$MODE.wav" || true
      else echo "   ardour: not run (apt-get install ardour ardour-lv2-plugins; see ../shared/bench/ardour)"; fi ;;
  esac
done

printf '\n%-10s %10s %10s %12s\n' tool "wall s" "cpu s" "peak RSS MB"
for t in mixtree c-mix $PEERS; do
  [[ -n ${WALL[$t]:-} ]] || continue
  printf '%-10s %10s %10s %12d\n' "$t" "${WALL[$t]}" "${CPU[$t]}" $(( ${RSS[$t]} / 1024 ))
done
echo "(peak RSS of the peers is their bash wrapper's, not the work's: see ../shared/bench/README.md)"
if [[ $MODE == static && -n ${WALL[sox]:-} ]]; then
  awk -v m="${WALL[mixtree]}" -v s="${WALL[sox]}" 'BEGIN{printf "mixtree wall / sox wall = %.2f (aim <= 0.40, issue 13)\n", m/s}'
elif [[ $MODE == rw1 ]]; then
  [[ -n ${WALL[sox]:-} ]] && awk -v m="${WALL[mixtree]}" -v s="${WALL[sox]}" 'BEGIN{printf "mixtree wall / sox wall = %.2f (aim <= 0.45, issue 13)\n", m/s}'
  fastest=""; for t in $PEERS; do [[ -n ${WALL[$t]:-} ]] || continue
    if [[ -z $fastest ]] || awk -v a="${WALL[$t]}" -v b="${WALL[$fastest]}" 'BEGIN{exit !(a<b)}'; then fastest=$t; fi; done
  [[ -n $fastest ]] && awk -v m="${WALL[mixtree]}" -v s="${WALL[$fastest]}" -v n="$fastest" 'BEGIN{printf "mixtree wall / fastest peer (%s) wall = %.2f\n", n, m/s}'
fi
echo "$stats"
if [[ -n ${WALL[c-mix]:-} && -n $ENGINE ]]; then
  awk -v e="$ENGINE" -v c="${WALL[c-mix]}" -v r="$RUNS" 'BEGIN{printf "engine %.3f s (median of %d) vs C static mix %.3f s wall (static_mix.c, cc -O2, one thread, whole process) = %.2f (aim <= 1.2)\n", e, r, c, e/c}'
fi
if [[ -f $W/out_sox_$MODE.wav ]]; then
  echo "levels: mixtree $(sox "$W/out_mixtree_$MODE.wav" -n stats 2>&1 | awk '/RMS lev dB/{print $4" dBFS RMS"}'), sox $(sox "$W/out_sox_$MODE.wav" -n stats 2>&1 | awk '/RMS lev dB/{print $4" dBFS RMS"}')"
fi
if [[ $MODE == rw1 ]]; then
  echo; echo "== effects, one core"
  "$MT" bench-effects | tee "$W/.effects"
  if command -v gcc >/dev/null; then
    gcc -O2 -o "$W/biquad_limit" "$SHARED/biquad_limit.c"
    echo "C ceiling measured here in the same run (gcc -O2, ../shared/bench/biquad_limit.c):"
    "$W/biquad_limit" | grep -E '^(float|double) +C=1 ' | tee "$W/.ceiling"
    java_m=$(sed -n 's/^biquad .*: \([0-9.]*\) M biquad-samples.*/\1/p' "$W/.effects")
    c_m=$(awk '/^double +C=1/ {print $3}' "$W/.ceiling")
    [[ -n $java_m && -n $c_m ]] && awk -v j="$java_m" -v c="$c_m" 'BEGIN{printf "biquad: Java %.0f M/s vs C %.0f M/s measured now = %.2f of the ceiling (aim >= 0.8)\n", j, c, j/c}'
  fi
fi
