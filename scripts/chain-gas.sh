#!/usr/bin/env bash
# Gas on a real wasmd node beside the model: plays the season and the operations it lacks on a
# local chain (its own home and ports, stopped afterwards), codes unpinned and then pinned by a
# governance proposal, writes docs/gas-chain.json, and renders docs/gas.md with it (gas.sh).
# The test command runs the same measurement and fails when the model is more than 2% off.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
ensure_artifacts
./scripts/localnet.sh build
# The comparison runs the model's replay: build the tool first (gas.sh rebuilds nothing then).
(cd tools/gas-report && cargo build --release --locked --quiet)
node_modules/.bin/tsc -p .
TICKETCHAIN_WRITE_CHAIN_GAS=docs/gas-chain.json node --test .build/deploy/test-chain/season.test.js
./scripts/gas.sh
