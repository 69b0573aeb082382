#!/usr/bin/env bash
# ./mixtree bench console [STRIPS] [FRAMES]: the mixer console's frame time with STRIPS strips (default 64) and meters
# moving on every frame (the 30 fps meter timer's work), FRAMES frames (default 300): median and 95th percentile of
# the paint time per frame for a meter frame and a full redraw, and the UI thread's CPU time for each
# (ConsoleBenchmark in org.mixtree.ui.mixer, run in the product as the application org.mixtree.ui.mixer.consolebench).
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
# the workbench's JVM flags (./mixtree, run_workbench): the console is measured as it runs there
exec "$JAVA" -Xss4m -XX:+UseZGC -Xms256m -Xmx1g -XX:CompileThresholdScaling=3 -Dosgi.requiredJavaVersion=21 \
  -Dds.cache.metadata=true -jar "$launcher" -install "$PRODUCT" \
  -configuration "$PRODUCT/configuration" -data @none -nosplash -application org.mixtree.ui.mixer.consolebench "$@"
