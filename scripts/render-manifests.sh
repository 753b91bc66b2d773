#!/usr/bin/env bash
# Regenerates deploy/manifests/uptrust.yaml, the plain manifests for clusters without helm, from the chart
# (deploy/helm/uptrust) with the real helm that scripts/install-helm.sh puts at .uptrust/tools/helm. Run it after
# changing the chart: deploy/chart-and-manifests.test.ts renders the chart the same way and fails until the two agree.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-helm.sh
line="helm template uptrust deploy/helm/uptrust -n uptrust --set clusterName=my-cluster"
out=deploy/manifests/uptrust.yaml
{
  echo "# What the chart renders with its defaults, for clusters without helm:"
  echo "#   $line"
  echo "# Regenerate it with bash scripts/render-manifests.sh after changing the chart; a test holds the two together."
  .uptrust/tools/$line
} >"$out.new"
mv "$out.new" "$out"
echo "rendered $out"
