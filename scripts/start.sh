#!/usr/bin/env bash
# Quick start: set up the machine, build the demo database from the two seed plans, serve on :3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node bin/dabiao.js demo "$@"
