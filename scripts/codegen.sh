#!/usr/bin/env bash
# Regenerates the TypeScript client (clients/ts/src/contracts/) from schema/: run it after
# ./scripts/schema.sh whenever a contract's messages change, and commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_node_modules
node scripts/codegen.mjs
