#!/usr/bin/env bash
# The main command.
#   ./scripts/deploy.sh                   deploy on the embedded chain (cw-simulate, in this process)
#                                         and play the platform scenario through the TypeScript client
#   ./scripts/deploy.sh <network>         deploy or upgrade on a network preset (deploy/src/networks.ts)
#                                         with the account of TICKETCHAIN_MNEMONIC
#   ./scripts/deploy.sh wasmd-local       the local wasmd chain (started first when it is not running):
#                                         deploy a fresh platform and play the same scenario there
#   ./scripts/deploy.sh ... --no-scenario deploy only
# Builds the wasm artifacts first when they are missing or older than the contract sources.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
ensure_artifacts
node_modules/.bin/tsc -p .
if [ "${1:-${TICKETCHAIN_NETWORK:-}}" = wasmd-local ] && [ -z "${TICKETCHAIN_RPC:-}" ]; then
  ./scripts/localnet.sh start
  # Node 0's RPC, wherever TICKETCHAIN_LOCALNET_PORT put the chain.
  export TICKETCHAIN_RPC="http://127.0.0.1:$(( ${TICKETCHAIN_LOCALNET_PORT:-26656} + 1 ))"
fi
exec node .build/deploy/src/main.js "$@"
