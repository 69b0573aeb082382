#!/usr/bin/env bash
# ./mixtree bench startup [RUNS]: the workbench's start-up, process start to the window drawn with the session.
# Opens the demo session (made once with ./mixtree demo --headless) RUNS times (default 5, after one warm-up run
# that lets the OSGi framework cache its resolution) with the probe on (-Dmixtree.startupProbe: the workbench writes
# when each step ended and quits after the first paint of its main area; StartupTimes in org.mixtree.ui), and prints
# per run and as medians: the whole (launcher script start to painted), the CPU time (user+sys) of the process, and
# where the time went: script and JVM start, OSGi framework and bundles up to the application, reading the session,
# the application model (e4 context, addons, fragments), the window (rendering, CSS theme), the first paint.
# Without a DISPLAY it runs itself under xvfb-run. MIXTREE_NO_AOT=1 measures without the JDK's AOT cache.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${1:-5}
W=${MIXTREE_BENCH_DIR:-/tmp/mixtree-bench}
export MIXTREE_NO_REBUILD=1
if [[ -z ${DISPLAY:-} ]]; then
  command -v xvfb-run >/dev/null || { echo "bench: startup needs a display or xvfb-run (apt-get install xvfb)" >&2; exit 2; }
  exec xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$@"
fi
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
mkdir -p "$W"
SESSION=$W/demo/demo.mixtree
if [[ ! -f $SESSION ]]; then
  echo "== making the demo session in $W/demo (once)"
  "$ROOT/mixtree" demo --headless --dir "$W/demo" >/dev/null
fi
export MIXTREE_WORKBENCH_DATA=$W/startup-workbench
probe=$W/startup.probe
STEPS=(jvm application session-loaded model window painted)
NAMES=("script+JVM" "OSGi+bundles" "session" "e4 model" "window+CSS" "first paint")

run_once() { # prints: total cpu d1 d2 ... (ms)
  rm -f "$probe"
  local start cpu
  start=$(date +%s%3N)
  cpu=$( { MIXTREE_JVM_OPTS="-Dmixtree.startupProbe=$probe -Dmixtree.startupProbe.quit=true" \
      /usr/bin/time -f "%U %S" "$ROOT/mixtree" open "$SESSION" >/dev/null 2>"$W/startup.err"; } 2>&1 ) || true
  cpu=$(tail -n 1 "$W/startup.err")
  [[ -f $probe ]] || { echo "bench: the workbench did not report its first paint; see $W/startup.err" >&2; exit 1; }
  awk -F= -v s="$start" -v cpu="$cpu" -v steps="${STEPS[*]}" '
    { t[$1] = $2 }
    END {
      n = split(steps, st, " "); prev = s; split(cpu, c, " ")
      printf "%d %d", t["painted"] - s, (c[1] + c[2]) * 1000
      for (i = 1; i <= n; i++) { printf " %d", t[st[i]] - prev; prev = t[st[i]] }
      printf "\n"
    }' "$probe"
}

echo "== workbench start-up on $SESSION: 1 warm-up + $RUNS runs (ms)"
run_once >/dev/null
# a product without an AOT cache for this run trains one in the background (./mixtree, aot_use): wait for it, so
# that the timed runs measure the product as it starts from the second run on, and not beside a training run
PRODUCT=${MIXTREE_PRODUCT:-$ROOT/releng/org.mixtree.product/target/products/org.mixtree.product/linux/gtk/x86_64/mixtree}
# (the training may queue behind another kind's, e.g. the demo's: wait until the cache is there, two minutes at most)
if [[ -f $PRODUCT/configuration/mixtree-aot/.lock ]]; then
  for ((w = 0; w < 120; w++)); do
    sleep 1; flock "$PRODUCT/configuration/mixtree-aot/.lock" true
    ls "$PRODUCT"/configuration/mixtree-aot/workbench-*.aot >/dev/null 2>&1 && break
  done
  ls "$PRODUCT"/configuration/mixtree-aot/workbench-*.aot >/dev/null 2>&1 || echo "bench: no AOT cache was made (see .build/aot.log)" >&2
fi
printf "%8s %8s" whole cpu; for n in "${NAMES[@]}"; do printf " %13s" "$n"; done; printf "\n"
results=()
for ((i = 0; i < RUNS; i++)); do
  line=$(run_once)
  results+=("$line")
  read -r -a f <<<"$line"
  for v in "${f[@]:0:2}"; do printf "%8s " "$v"; done
  for v in "${f[@]:2}"; do printf "%13s " "$v"; done
  printf "\n"
done
# medians, column by column
ncol=$(wc -w <<<"${results[0]}")
for ((c = 1; c <= ncol; c++)); do
  m=$(printf "%s\n" "${results[@]}" | awk -v c="$c" '{print $c}' | sort -n \
    | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}')
  if ((c <= 2)); then printf "%8s " "$m"; else printf "%13s " "$m"; fi
done
printf " <- median\n"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); the figures grow with other work on the machine)"
