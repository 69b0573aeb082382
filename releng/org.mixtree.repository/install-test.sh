#!/usr/bin/env bash
# Install test of the update site, run by this module's integration-test phase (after the product is built):
# a COPY of the materialised product gets the example effect and the example view installed from the repository
# this module just published, through ./mixtree install/uninstall (the p2 director inside the product), and
# `effects --json` / `views --json` must list them, then not list them. Refused installs must leave the copy unchanged. The real product is never
# touched, so a developer's installed features and the build's output stay as they are.
# Trust: the update site is signed with the build's test key (sign-repository.sh), the test repository
# (releng/org.mixtree.repository.test: two deliberately broken effect bundles) is not signed; p2's own trust
# check must refuse what is not agreed to. Installs are recorded in a state folder of the test's own
# (MIXTREE_STATE_DIR) and must come back on a fresh copy of the bare product, as after a rebuild.
#   usage: install-test.sh ROOT REPOSITORY PRODUCT WORKDIR TEST_REPOSITORY
set -euo pipefail
ROOT=$1 REPO=$2 PRODUCT=$3 WORK=$4 TESTREPO=$5
BROKEN=org.mixtree.examples.broken.feature
FEATURE=org.mixtree.examples.feature
EFFECT=org.mixtree.examples.tape
checks=0
fail() { echo "install test FAILED: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "  ok: $*"; }

[[ -d $PRODUCT/plugins ]] || fail "no materialised product at $PRODUCT"
[[ -f $REPO/content.jar || -f $REPO/content.xml.xz || -f $REPO/content.xml ]] || fail "no p2 repository at $REPO"
rm -rf "$WORK"; mkdir -p "$WORK"
cp -a "$PRODUCT" "$WORK/mixtree"
export MIXTREE_PRODUCT=$WORK/mixtree MIXTREE_STATE_DIR=$WORK/state
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

echo "install test: $FEATURE from $REPO into a copy of the product"
out=$(mixtree effects --json) || fail "effects --json failed: $out"
grep -q '"effects": \[' <<<"$out" || fail "effects --json is not the effects listing: ${out:0:200}"
grep -q '"id": "org.mixtree.eq"' <<<"$out" || fail "the built-in EQ is not listed: ${out:0:200}"
lists_effect && fail "$EFFECT is listed before it is installed"
ok "effects --json lists the built-ins and not $EFFECT"

before=$(snapshot)
for refused in "$WORK/no-such-repository $FEATURE" "$MIXTREE_PRODUCT/features $FEATURE" "$REPO org.mixtree.no.such.feature"; do
  # shellcheck disable=SC2086
  if err=$(mixtree install $refused 2>&1 >/dev/null); then fail "install $refused succeeded"; fi
  [[ $(wc -l <<<"$err") -eq 1 && $err == mixtree:* ]] || fail "install $refused: not one clear line: $err"
  [[ $(snapshot) == "$before" ]] || fail "install $refused changed the product"
  ok "refused in one line, product unchanged: $err"
done

# the listing: what the feature brings, with versions, vendor and signer; then the question, which a script
# without a terminal cannot answer: refused in one line, nothing changed
if out=$(mixtree install "$REPO" "$FEATURE" </dev/null 2>&1); then fail "install without a terminal or --yes succeeded"; fi
grep -qE "^  feature org\.mixtree\.examples\.feature 1\.0\.0\.[^ ]+  \"Mixtree example effects\"  vendor: Mixtree examples  signed by CN=Mixtree examples \(test signing key\)" <<<"$out" \
  || fail "the listing lacks the feature with version, vendor and signer: $out"
grep -qE "^  bundle  org\.mixtree\.examples\.effects [0-9]+\.[0-9]+\.[0-9]+\.[^ ]+  .*vendor: .*signed by CN=Mixtree examples \(test signing key\).* SHA-256 [0-9a-f]{64}$" <<<"$out" \
  || fail "the listing lacks the bundle with version, vendor and signer: $out"
fp=$(sed -n 's/^new certificate: .*SHA-256 \([0-9a-f]\{64\}\)$/\1/p' <<<"$out" | head -n 1)
[[ -n $fp ]] || fail "the listing does not show the new certificate's fingerprint: $out"
[[ $(tail -n 1 <<<"$out") == "mixtree: install refused: not a terminal to ask on;"* ]] || fail "not refused for want of a terminal: $out"
[[ $(snapshot) == "$before" ]] || fail "the refused install changed the product"
ok "listing (feature and bundle, versions, vendor, signer $fp), then refused without a terminal or --yes"

# on a terminal: n cancels, y installs and trusts the certificate shown
if command -v script >/dev/null; then
  tty_install() { printf '%s\n' "$1" | script -qec "'$ROOT/mixtree' install '$REPO' '$FEATURE'" /dev/null; }
  out=$(tty_install n 2>&1) && fail "answering n installed: $out"
  grep -q "Install these and trust the certificate(s) above? \[y/N\]" <<<"$out" || fail "no question asked: $out"
  grep -q "install cancelled: nothing was installed" <<<"$out" || fail "n did not cancel: $out"
  [[ $(snapshot) == "$before" ]] || fail "the cancelled install changed the product"
  out=$(tty_install y 2>&1) || fail "answering y did not install: $out"
  lists_effect || fail "$EFFECT not listed after answering y"
  mixtree uninstall "$FEATURE" >/dev/null || fail "uninstall after the terminal install failed"
  before=$(snapshot)
  ok "on a terminal: n cancels, y installs"
fi

# --yes alone does not trust a new certificate: p2's trust check refuses the signed content
if err=$(mixtree install --yes "$REPO" "$FEATURE" 2>&1 >/dev/null); then fail "install --yes of content signed by an untrusted certificate succeeded"; fi
[[ $(wc -l <<<"$err") -eq 1 && $err == "mixtree: install refused: p2's trust check refused content signed by a certificate not trusted"* ]] \
  || fail "untrusted signer: not p2's refusal in one line: $err"
[[ $(snapshot) == "$before" ]] || fail "the install refused by p2's trust check changed the product"
ok "--yes without --trust: $err"

out=$(mixtree install --yes --trust "$fp" "$REPO" "$FEATURE") || fail "install failed: $out"
grep -q "^org.mixtree.examples.effects," "$bundles_info" || fail "bundles.info lacks the installed bundle"
lists_effect || fail "$EFFECT not listed after install"
mixtree effects --json | grep -q '"id": "drive", "unit": "dB", "min": 0.0, "max": 36.0, "default": 6.0' \
  || fail "the tape saturator's parameters are not listed as declared"
ok "install --yes --trust: $(tail -n 1 <<<"$out"); effects lists $EFFECT with its parameters"

out=$(mixtree uninstall "$FEATURE") || fail "uninstall failed: $out"
grep -q "^org.mixtree.examples.effects," "$bundles_info" && fail "bundles.info still has the bundle"
lists_effect && fail "$EFFECT still listed after uninstall"
ok "uninstall: $out; $EFFECT gone"

if err=$(mixtree uninstall "$FEATURE" 2>&1 >/dev/null); then fail "uninstalling twice succeeded"; fi
ok "uninstalling what is not installed is refused: $err"

out=$(mixtree install --yes --trust "$fp" "file:$(cd "$REPO" && pwd)" "$FEATURE.feature.group") || fail "install by URI and IU id failed: $out"
lists_effect || fail "$EFFECT not listed after install by URI"
ok "install by file: URI and FEATURE.feature.group"

# unsigned content: p2's trust check refuses it unless --allow-unsigned
before=$(snapshot)
out=$(mixtree install --yes "$TESTREPO" "$BROKEN" 2>&1) && fail "install of unsigned content succeeded: $out"
grep -qE "^  bundle  org\.mixtree\.examples\.broken\.throwing [^ ]+  .*vendor: Mixtree tests  NOT SIGNED$" <<<"$out" \
  || fail "the listing does not say the bundle is not signed: $out"
err=$(tail -n 1 <<<"$out")
[[ $err == "mixtree: install refused: p2's trust check refused unsigned content ("*"org.mixtree.examples.broken.throwing"*"--allow-unsigned"* ]] \
  || fail "unsigned: not p2's refusal naming the bundle: $err"
[[ $(snapshot) == "$before" ]] || fail "the refused unsigned install changed the product"
ok "unsigned refused: $err"

# installed anyway, the broken bundles must not break anything: reported one line each, every effect still there
out=$(mixtree install --yes --allow-unsigned "$TESTREPO" "$BROKEN") || fail "install --allow-unsigned failed: $out"
grep -q "^org.mixtree.examples.broken.throwing," "$bundles_info" || fail "bundles.info lacks the unsigned bundle"
json=$(mixtree effects --json) || fail "effects --json failed with broken bundles installed: $json"
grep -q '"id": "org.mixtree.eq"' <<<"$json" && lists_effect || fail "effects no longer lists the others: ${json:0:300}"
grep -qE '"bundle": "org.mixtree.examples.broken.unresolved", "version": "[^"]+", "problem": "does not resolve: [^"]*osgi.native' <<<"$json" \
  || fail "the unresolvable bundle is not reported: ${json: -600}"
grep -qE '"bundle": "org.mixtree.examples.broken.throwing", "version": "[^"]+", "problem": "fails to start: [^"]*deliberately broken: this activator always throws' <<<"$json" \
  || fail "the throwing bundle is not reported: ${json: -600}"
err=$(mixtree effects 2>&1 >/dev/null) || fail "effects failed with broken bundles installed"
[[ $(wc -l <<<"$err") -eq 2 && $(grep -c "^mixtree: broken effect bundle org.mixtree.examples.broken" <<<"$err") -eq 2 ]] \
  || fail "effects does not report the two broken bundles in one line each: $err"
ok "--allow-unsigned installs; effects still lists every effect and reports: $(tr '\n' '|' <<<"$err")"

# a rebuild makes a bare product: the recorded installs come back, with the trust given before
[[ $(wc -l <"$MIXTREE_STATE_DIR/installs.tsv") -eq 2 ]] || fail "the installs are not recorded: $(cat "$MIXTREE_STATE_DIR/installs.tsv")"
rm -rf "$WORK/mixtree"; cp -a "$PRODUCT" "$WORK/mixtree"
lists_effect && fail "the fresh product already lists $EFFECT"
out=$(mixtree reinstall) || fail "reinstall failed: $out"
lists_effect || fail "$EFFECT not back after reinstall: $out"
mixtree effects --json | grep -q '"bundle": "org.mixtree.examples.broken.throwing"' || fail "the broken feature is not back: $out"
ok "a bare product gets the recorded installs back: $(tr '\n' '|' <<<"$out")"

mixtree uninstall "$FEATURE.feature.group" >/dev/null || fail "uninstall by IU id failed"
mixtree uninstall "$BROKEN" >/dev/null || fail "uninstall of the broken feature failed"
[[ ! -s $MIXTREE_STATE_DIR/installs.tsv ]] || fail "uninstall left records: $(cat "$MIXTREE_STATE_DIR/installs.tsv")"
mixtree effects 2>&1 | grep -q "broken effect bundle" && fail "broken bundles still reported after uninstall"
ok "uninstall by IU id forgets the records"

# the example view: views --json lists the built-in views and not it; after install it is listed exactly as
# declared; after uninstall it is gone and the built-ins are still there
out=$(mixtree views --json) || fail "views --json failed: $out"
grep -q '"views": \[' <<<"$out" || fail "views --json is not the views listing: ${out:0:200}"
for builtin in org.mixtree.views.tree org.mixtree.views.graph org.mixtree.views.stereo; do
  grep -q "\"id\": \"$builtin\"" <<<"$out" || fail "the built-in view $builtin is not listed: ${out:0:300}"
done
lists_view && fail "$VIEW is listed before it is installed"
ok "views --json lists the built-in views and not $VIEW"

out=$(mixtree install --yes --trust "$fp" "file:$(cd "$REPO" && pwd)" "$VIEW_FEATURE") || fail "install of $VIEW_FEATURE failed: $out"
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
