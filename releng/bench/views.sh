#!/usr/bin/env bash
# ./mixtree bench views: the routing tree and the routing graph with 200 channels (180 tracks in 16 buses in 4
# groups, a reverb return fed by every fourth track, the master): the graph's ELK layout and redraw (fit to the
# window and at 1:1), the tree's refresh and redraw; medians and 95th percentiles, wall and thread CPU time.
# Runs the two benchmark tests (GraphBenchmarkTest, TreeBenchmarkTest) through the build, under Xvfb when there is
# no display, and prints their figures (also in bundles/org.mixtree.views.*.tests/target/views-bench-*.txt).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
X=()
if [[ -z ${DISPLAY:-} ]]; then
  command -v xvfb-run >/dev/null || { echo "bench views: no DISPLAY and no xvfb-run (apt-get install xvfb)" >&2; exit 2; }
  X=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
LOG=$(mktemp /tmp/mixtree-bench-views.XXXXXX)
rm -f bundles/org.mixtree.views.graph.tests/target/views-bench-graph.txt bundles/org.mixtree.views.tree.tests/target/views-bench-tree.txt
if ! ${X[@]+"${X[@]}"} ./mvnw -B -o -q verify -pl bundles/org.mixtree.views.graph.tests,bundles/org.mixtree.views.tree.tests -am \
    -Dtest='*BenchmarkTest' -Dsurefire.failIfNoSpecifiedTests=false >"$LOG" 2>&1; then
  tail -40 "$LOG" >&2; echo "bench views: the build failed (log: $LOG)" >&2; exit 1
fi
cat bundles/org.mixtree.views.graph.tests/target/views-bench-graph.txt bundles/org.mixtree.views.tree.tests/target/views-bench-tree.txt
rm -f "$LOG"
