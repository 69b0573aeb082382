#!/usr/bin/env bash
# Signs Mixtree's own jars in the update site just assembled (plugins/ and features/ named org.mixtree.*), with
# a TEST key: a self-signed certificate made once per checkout with keytool and kept in .build/signing (outside
# target/, so a rebuild signs with the same certificate and installs recorded with its fingerprint still apply).
# p2 then reports the content as signed by that certificate, and ./mixtree install asks the user to trust its
# fingerprint (or --trust FINGERPRINT). A release would sign with a real key instead: this proves the path.
# The module's fix-artifacts-metadata execution then updates the repository's sizes and checksums.
#   usage: sign-repository.sh ROOT REPOSITORY
set -euo pipefail
ROOT=$1 REPO=$2
JDK_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
dir=$ROOT/.build/signing store=$ROOT/.build/signing/test-signing.p12 pass=mixtree-test-only
mkdir -p "$dir"
if [[ ! -f $store ]]; then
  "${JDK_BIN}keytool" -genkeypair -keystore "$store.tmp" -storetype PKCS12 -storepass "$pass" -alias mixtree \
    -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 3650 \
    -dname "CN=Mixtree examples (test signing key), O=Mixtree, C=DE" >/dev/null 2>&1
  mv "$store.tmp" "$store"
fi
n=0
for jar in "$REPO"/plugins/org.mixtree.*.jar "$REPO"/features/org.mixtree.*.jar; do
  [[ -f $jar ]] || continue
  "${JDK_BIN}jarsigner" -keystore "$store" -storetype PKCS12 -storepass "$pass" "$jar" mixtree >/dev/null
  n=$((n + 1))
done
echo "signed $n jars in $REPO with the test key (SHA-256 $("${JDK_BIN}keytool" -list -keystore "$store" -storetype PKCS12 \
  -storepass "$pass" -alias mixtree -v 2>/dev/null | sed -n 's/^\s*SHA256: //p' | tr -d : | tr A-F a-f))"
