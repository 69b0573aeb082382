#!/usr/bin/env bash
# Install test of the update site, run by this module's integration-test phase (after the product is built):
# a COPY of the materialised product gets the example effect and the example view installed from the repository
# this module just published, through ./mixtree install/uninstall (the p2 director inside the product), and
# `effects --json` / `views --json` must list them, then not list them. Refused installs must leave the copy unchanged. The real product is never
# touched, so a developer's installed features and the build's output stay as they are.
#   usage: install-test.sh ROOT REPOSITORY PRODUCT WORKDIR
set -euo pipefail
ROOT=$1 REPO=$2 PRODUCT=$3 WORK=$4
FEATURE=org.mixtree.examples.feature
EFFECT=org.mixtree.examples.tape
checks=0
fail() { echo "install test FAILED: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "  ok: $*"; }

[[ -d $PRODUCT/plugins ]] || fail "no materialised product at $PRODUCT"
[[ -f $REPO/content.jar || -f $REPO/content.xml.xz || -f $REPO/content.xml ]] || fail "no p2 repository at $REPO"
rm -rf "$WORK"; mkdir -p "$WORK"
cp -a "$PRODUCT" "$WORK/mixtree"
export MIXTREE_PRODUCT=$WORK/mixtree
mixtree() { "$ROOT/mixtree" "$@"; }
bundles_info=$MIXTREE_PRODUCT/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
snapshot() { # what an install changes: the bundle list, the installed files, the p2 profile
  (cat "$bundles_info"; ls "$MIXTREE_PRODUCT/plugins" "$MIXTREE_PRODUCT/features"
   find "$MIXTREE_PRODUCT/p2" -type f | sort) | sha256sum
}
lists_effect() { mixtree effects --json | grep -q "\"id\": \"$EFFECT\""; }
VIEW_FEATURE=org.mixtree.examples.views.feature
VIEW=org.mixtree.examples.views.correlation
# the exact entry views --json gives the example view (id, name, kind, bundle, as its plugin.xml declares them)
VIEW_ENTRY='"id": "'$VIEW'", "name": "Correlation over time", "kind": "visualisation", "bundle": "org.mixtree.examples.views"'
lists_view() { mixtree views --json | grep -q "\"id\": \"$VIEW\""; }

# What install asks of a script depends on the launcher: one that lists what it will install and asks first,
# and refuses unsigned content, takes --yes and --allow-unsigned (the examples are not signed). The flags are
# passed only when its usage line names them, so the test runs against the launcher as it is, before and after.
usage=$(mixtree install --help 2>&1 </dev/null || true)
install_flags=()
grep -q -- '--yes' <<<"$usage" && install_flags+=(--yes)
grep -q -- '--allow-unsigned' <<<"$usage" && install_flags+=(--allow-unsigned)
echo "install test: install flags: ${install_flags[*]:-none} (from: ${usage%%$'\n'*})"
p2_install() { mixtree install ${install_flags[@]+"${install_flags[@]}"} "$@" </dev/null; }

echo "install test: $FEATURE from $REPO into a copy of the product"
out=$(mixtree effects --json) || fail "effects --json failed: $out"
grep -q '"effects": \[' <<<"$out" || fail "effects --json is not the effects listing: ${out:0:200}"
grep -q '"id": "org.mixtree.eq"' <<<"$out" || fail "the built-in EQ is not listed: ${out:0:200}"
lists_effect && fail "$EFFECT is listed before it is installed"
ok "effects --json lists the built-ins and not $EFFECT"

before=$(snapshot)
for refused in "$WORK/no-such-repository $FEATURE" "$MIXTREE_PRODUCT/features $FEATURE" "$REPO org.mixtree.no.such.feature"; do
  # shellcheck disable=SC2086
  if err=$(p2_install $refused 2>&1 >/dev/null); then fail "install $refused succeeded"; fi
  [[ $(wc -l <<<"$err") -eq 1 && $err == mixtree:* ]] || fail "install $refused: not one clear line: $err"
  [[ $(snapshot) == "$before" ]] || fail "install $refused changed the product"
  ok "refused in one line, product unchanged: $err"
done

out=$(p2_install "$REPO" "$FEATURE") || fail "install failed: $out"
grep -q "^org.mixtree.examples.effects," "$bundles_info" || fail "bundles.info lacks the installed bundle"
lists_effect || fail "$EFFECT not listed after install"
mixtree effects --json | grep -q '"id": "drive", "unit": "dB", "min": 0.0, "max": 36.0, "default": 6.0' \
  || fail "the tape saturator's parameters are not listed as declared"
ok "install: $out; effects lists $EFFECT with its parameters"

out=$(mixtree uninstall "$FEATURE") || fail "uninstall failed: $out"
grep -q "^org.mixtree.examples.effects," "$bundles_info" && fail "bundles.info still has the bundle"
lists_effect && fail "$EFFECT still listed after uninstall"
ok "uninstall: $out; $EFFECT gone"

if err=$(mixtree uninstall "$FEATURE" 2>&1 >/dev/null); then fail "uninstalling twice succeeded"; fi
ok "uninstalling what is not installed is refused: $err"

out=$(p2_install "file:$(cd "$REPO" && pwd)" "$FEATURE.feature.group") || fail "install by URI and IU id failed: $out"
lists_effect || fail "$EFFECT not listed after install by URI"
mixtree uninstall "$FEATURE.feature.group" >/dev/null || fail "uninstall by IU id failed"
ok "install by file: URI and FEATURE.feature.group, uninstall by IU id"

# the example view: views --json lists the built-in views and not it; after install it is listed exactly as
# declared; after uninstall it is gone and the built-ins are still there
out=$(mixtree views --json) || fail "views --json failed: $out"
grep -q '"views": \[' <<<"$out" || fail "views --json is not the views listing: ${out:0:200}"
for builtin in org.mixtree.views.tree org.mixtree.views.graph org.mixtree.views.stereo; do
  grep -q "\"id\": \"$builtin\"" <<<"$out" || fail "the built-in view $builtin is not listed: ${out:0:300}"
done
lists_view && fail "$VIEW is listed before it is installed"
ok "views --json lists the built-in views and not $VIEW"

out=$(p2_install "file:$(cd "$REPO" && pwd)" "$VIEW_FEATURE") || fail "install of $VIEW_FEATURE failed: $out"
grep -q "^org.mixtree.examples.views," "$bundles_info" || fail "bundles.info lacks org.mixtree.examples.views"
listing=$(mixtree views --json) || fail "views --json failed after install: $listing"
grep -qF "$VIEW_ENTRY" <<<"$listing" || fail "views --json does not list $VIEW as declared: ${listing:0:600}"
mixtree views | grep -q "^$VIEW  Correlation over time  (visualisation, org.mixtree.examples.views)$" \
  || fail "views does not list $VIEW in its line"
ok "install: $out; views lists $VIEW (visualisation, bundle org.mixtree.examples.views)"

out=$(mixtree uninstall "$VIEW_FEATURE") || fail "uninstall of $VIEW_FEATURE failed: $out"
grep -q "^org.mixtree.examples.views," "$bundles_info" && fail "bundles.info still has org.mixtree.examples.views"
lists_view && fail "$VIEW still listed after uninstall"
mixtree views --json | grep -q '"id": "org.mixtree.views.tree"' || fail "the built-in views are gone after uninstall"
ok "uninstall: $out; $VIEW gone, the built-in views stay"

echo "install test: $checks checks passed"
