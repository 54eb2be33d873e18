#!/usr/bin/env bash
# The web app in one command, served on loopback until interrupted.
#   ./scripts/web.sh               the page runs the embedded chain in the browser tab: the committed
#                                  artifacts deployed, the season played, then the page's own events
#   ./scripts/web.sh wasmd-local   the page on the local wasmd node (scripts/localnet.sh), started
#                                  first; deployed and the season played when it has no record yet
#                                  (TICKETCHAIN_WEB_REDEPLOY=1 redeploys), the cast signing with its
#                                  test mnemonic and fans' fees paid by the sponsor's grants
#   ./scripts/web.sh <testnet>     the page on a testnet preset (deploy/src/networks.ts), signed with
#                                  Keplr; needs deployments/<chain-id>.json from ./scripts/deploy.sh
# TICKETCHAIN_WEB_PORT picks the port (5173).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
ensure_artifacts
network="${1:-local}"
query=""
if [ "$network" != local ]; then
  query="?network=${network}"
  if [ "$network" = wasmd-local ]; then
    ./scripts/localnet.sh start
    export TICKETCHAIN_RPC="http://127.0.0.1:$((${TICKETCHAIN_LOCALNET_PORT:-26656} + 1))"
    if [ ! -f deployments/ticketchain-localnet.json ] || [ -n "${TICKETCHAIN_WEB_REDEPLOY:-}" ]; then
      ./scripts/deploy.sh wasmd-local
    fi
  fi
fi
node_modules/.bin/vite build --config web/vite.config.mts --logLevel warn
port="${TICKETCHAIN_WEB_PORT:-5173}"
printf '\n\033[1mTicketChain web app: http://127.0.0.1:%s/%s\033[0m\n' "$port" "$query"
exec node_modules/.bin/vite preview --config web/vite.config.mts --host 127.0.0.1 --port "$port" --strictPort
