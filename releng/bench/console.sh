#!/usr/bin/env bash
# ./mixtree bench console [STRIPS] [FRAMES]: the mixer console's frame time with the demo session playing in the same
# process (written to MIXTREE_BENCH_DIR, else a temporary folder): (a) the demo's own console, meters from the engine,
# and (b) STRIPS strips (default 64), the demo's buses metered by the engine and the rest synthetic; FRAMES frames
# (default 300) each: median and 95th percentile of the paint time per frame for a meter frame (the 30 fps meter
# timer's work) and a full redraw, the UI thread's CPU time for each, the engine's xruns and callback times and the
# load average. When no device can play, one line says so and the synthetic figure follows (ConsoleBenchmark in
# org.mixtree.ui.mixer, run in the product as the application org.mixtree.ui.mixer.consolebench).
# It plays through JACK when a server runs; else, with jackd installed, through a private dummy server it starts
# (jackd -n NAME --no-realtime -d dummy -r 48000 -p 256, stopped at the end); else Java Sound.
# Without a DISPLAY it runs itself under xvfb-run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -z ${DISPLAY:-} ]]; then
  command -v xvfb-run >/dev/null || { echo "bench: console needs a display or xvfb-run (apt-get install xvfb)" >&2; exit 2; }
  exec xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$@"
fi
PRODUCT=${MIXTREE_PRODUCT:-$ROOT/releng/org.mixtree.product/target/products/org.mixtree.product/linux/gtk/x86_64/mixtree}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
launcher=$(ls "$PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
echo "== console frame time (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
jack_running() { JACK_NO_START_SERVER=1 timeout 5 jack_lsp >/dev/null 2>&1; }
JACKD_PID=
if command -v jackd >/dev/null && command -v jack_lsp >/dev/null && ! jack_running; then
  JACK_DEFAULT_SERVER=mixtree-consolebench-$$
  export JACK_DEFAULT_SERVER
  JACKD_LOG=$(mktemp -t mixtree-consolebench-jackd.XXXXXX)
  jackd -n "$JACK_DEFAULT_SERVER" --no-realtime -d dummy -r 48000 -p 256 >"$JACKD_LOG" 2>&1 </dev/null &
  JACKD_PID=$!
  stop_jackd() {
    kill "$JACKD_PID" 2>/dev/null   # SIGTERM: jackd frees its shared-memory registry entry
    for _ in $(seq 30); do kill -0 "$JACKD_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$JACKD_PID" 2>/dev/null
    rm -f "$JACKD_LOG"
  }
  trap stop_jackd EXIT
  for _ in $(seq 50); do jack_running && break; kill -0 "$JACKD_PID" 2>/dev/null || break; sleep 0.1; done
  if jack_running; then
    echo "== a private JACK dummy server $JACK_DEFAULT_SERVER (48 kHz, 256 frames) for the run"
  else
    echo "== jackd did not start ($(tail -n 1 "$JACKD_LOG")); playing through the next device"
    unset JACK_DEFAULT_SERVER
  fi
fi
# the workbench's JVM flags (./mixtree, run_workbench): the console is measured as it runs there
"$JAVA" -Xss4m -XX:+UseZGC -Xms256m -Xmx1g -XX:CompileThresholdScaling=3 -Dosgi.requiredJavaVersion=21 \
  -Dds.cache.metadata=true -jar "$launcher" -install "$PRODUCT" \
  -configuration "$PRODUCT/configuration" -data @none -nosplash -application org.mixtree.ui.mixer.consolebench "$@"
