#!/usr/bin/env bash
# A real wasmd chain on this machine, on loopback only.
#   ./scripts/localnet.sh build                    wasmd from the Go module proxy (cached per version)
#   ./scripts/localnet.sh start [--validators N]   one node (default) or N validators; waits for blocks
#   ./scripts/localnet.sh stop                     stops the nodes this script started (by their pids)
#   ./scripts/localnet.sh status                   height and pid of every node
#   ./scripts/localnet.sh stop-node I | start-node I   one validator of a running net (the fault test)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

WASMD_VERSION=${WASMD_VERSION:-v0.60.8}
WASMD_MODULE=github.com/CosmWasm/wasmd
SONIC_VERSION=v1.15.5
WASMD_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/ticketchain/wasmd-$WASMD_VERSION
WASMD_BIN=$WASMD_CACHE/wasmd
# The library wasmvm ships for this machine (x86_64 or aarch64), found beside the binary at run time.
LIBWASMVM=libwasmvm.$(uname -m).so

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }
die() { printf 'localnet: %s\n' "$*" >&2; exit 1; }

# wasmd's go.mod carries replace directives, so `go install module@version` refuses it; the same
# module, downloaded by the go client and built in a writable copy, honours them.
build_wasmd() {
  if [ -x "$WASMD_BIN" ] && [ -f "$WASMD_CACHE/$LIBWASMVM" ]; then
    return 0
  fi
  mkdir -p "$WASMD_CACHE"
  # Two cold builds at once would share (and delete) one source copy: the second waits.
  exec 9> "$WASMD_CACHE.lock"
  flock 9
  if [ -x "$WASMD_BIN" ] && [ -f "$WASMD_CACHE/$LIBWASMVM" ]; then
    return 0
  fi
  command -v go > /dev/null || die "Go is missing: install Go ≥ 1.23 (go.dev/doc/install) to build wasmd"
  local started=$SECONDS
  say "building wasmd $WASMD_VERSION from the Go module proxy (cached in $WASMD_CACHE)"
  local info dir
  if ! info=$(go mod download -json "$WASMD_MODULE@$WASMD_VERSION" 2>&1); then
    die "the Go module proxy ($(go env GOPROXY)) refused $WASMD_MODULE@$WASMD_VERSION: $info"
  fi
  dir=$(printf '%s' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$dir" ] || die "go mod download gave no module directory: $info"

  mkdir -p "$WASMD_CACHE"
  local src=$WASMD_CACHE/src
  rm -rf "$src"
  cp -r "$dir" "$src"
  chmod -R u+w "$src"
  # wasmd v0.60 pins bytedance/sonic 1.14, which does not compile on Go 1.26 (its runtime stubs
  # lack GoMapIterator); 1.15 does, and keeps the API the SDK's JSON logger uses.
  (cd "$src" && go get "github.com/bytedance/sonic@$SONIC_VERSION") \
    || die "the Go module proxy refused github.com/bytedance/sonic@$SONIC_VERSION (above)"
  local pkg=github.com/cosmos/cosmos-sdk/version
  local ldflags="-X $pkg.Name=wasm -X $pkg.AppName=wasmd -X $pkg.Version=$WASMD_VERSION -X $pkg.BuildTags=netgo"
  (cd "$src" && CGO_ENABLED=1 go build -mod=readonly -trimpath -tags netgo -ldflags "$ldflags" \
    -o "$WASMD_CACHE/wasmd.partial" ./cmd/wasmd) || die "go build of wasmd $WASMD_VERSION failed (above)"
  local wasmvm
  wasmvm=$(cd "$src" && go list -m -f '{{.Dir}}' github.com/CosmWasm/wasmvm/v2)
  cp "$wasmvm/internal/api/$LIBWASMVM" "$WASMD_CACHE/$LIBWASMVM"
  chmod u+w "$WASMD_CACHE/$LIBWASMVM"
  rm -rf "$src"
  mv "$WASMD_CACHE/wasmd.partial" "$WASMD_BIN"
  say "wasmd $WASMD_VERSION built in $((SECONDS - started)) s"
}

wasmd() { LD_LIBRARY_PATH="$WASMD_CACHE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$WASMD_BIN" "$@"; }

# ---------------------------------------------------------------------------------------------
# The chain. Node i listens on PORT + 10·i (p2p), +1 (RPC), +2 (gRPC), +3 (REST API), +4
# (Prometheus, when someone enables it), all on 127.0.0.1. Its home is $LOCALNET_HOME/node<i>; pid and log sit beside it.

CHAIN_ID=${TICKETCHAIN_LOCALNET_CHAIN_ID:-ticketchain-localnet}
LOCALNET_HOME=${TICKETCHAIN_LOCALNET_HOME:-$PWD/.localnet}
PORT=${TICKETCHAIN_LOCALNET_PORT:-26656}
DENOM=ustake
MIN_GAS_PRICE=0.025$DENOM
STAKE=1000000000$DENOM

port() { echo $((PORT + 10 * $1 + $2)); }  # port NODE KIND (0 p2p, 1 rpc, 2 grpc, 3 api, 4 abci)
node_home() { echo "$LOCALNET_HOME/node$1"; }
node_pid() { cat "$LOCALNET_HOME/node$1.pid" 2>/dev/null || true; }
# A pid file is trusted only while its process is this node's wasmd: a pid reused after a crash or
# a reboot belongs to someone else, and is neither skipped over nor signalled.
alive() {
  local pid
  pid=$(node_pid "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$WASMD_BIN start --home $(node_home "$1") "
}
validators() { cat "$LOCALNET_HOME/validators" 2>/dev/null || echo 0; }
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

height() {  # latest block height node $1 reports, or empty
  curl -s --max-time 2 "http://127.0.0.1:$(port "$1" 1)/status" \
    | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true
}

# toml_set FILE SECTION KEY VALUE: sets KEY inside [SECTION] ("" for the top level).
toml_set() {
  local file=$1 section=$2 key=$3 value=$4
  awk -v section="$section" -v key="$key" -v value="$value" '
    /^\[/ { current = substr($0, 2, index($0, "]") - 2) }
    !/^\[/ && current == section && $0 ~ "^" key "[ ]*=" { print key " = " value; found = 1; next }
    { print }
    END { if (!found) exit 3 }
  ' "$file" > "$file.new" || die "$file has no $key in [$section]"
  mv "$file.new" "$file"
}

# The deploy tool's own description of the accounts (compiled TypeScript).
localnet_js() {
  if [ ! -f .build/deploy/src/localnet.js ] || [ deploy/src/localnet.ts -nt .build/deploy/src/localnet.js ] \
     || [ deploy/src/platform-config.ts -nt .build/deploy/src/localnet.js ]; then
    node_modules/.bin/tsc -p . > /dev/null
  fi
  node .build/deploy/src/localnet.js "$@"
}

configure_node() {
  local i=$1 peers=$2 home config app
  home=$(node_home "$i"); config=$home/config/config.toml; app=$home/config/app.toml
  toml_set "$config" instrumentation prometheus_listen_addr "\"127.0.0.1:$(port "$i" 4)\""
  toml_set "$config" rpc laddr "\"tcp://127.0.0.1:$(port "$i" 1)\""
  toml_set "$config" rpc pprof_laddr '""'
  toml_set "$config" p2p laddr "\"tcp://127.0.0.1:$(port "$i" 0)\""
  toml_set "$config" p2p persistent_peers "\"$peers\""
  toml_set "$config" p2p addr_book_strict false
  toml_set "$config" p2p allow_duplicate_ip true
  toml_set "$config" p2p pex false
  # Blocks in well under a second; a missing proposer costs one short round, not three seconds.
  toml_set "$config" consensus timeout_commit '"300ms"'
  toml_set "$config" consensus timeout_propose '"1s"'
  toml_set "$app" "" minimum-gas-prices "\"$MIN_GAS_PRICE\""
  toml_set "$app" api enable true
  toml_set "$app" api address "\"tcp://127.0.0.1:$(port "$i" 3)\""
  toml_set "$app" grpc address "\"127.0.0.1:$(port "$i" 2)\""
}

# Governance in seconds, so a proposal (MsgPinCodes) passes within a test.
shorten_governance() {
  node -e '
    const fs = require("fs");
    const path = process.argv[1];
    const genesis = JSON.parse(fs.readFileSync(path, "utf8"));
    const gov = genesis.app_state.gov.params;
    gov.max_deposit_period = "60s";
    gov.voting_period = "8s";
    gov.expedited_voting_period = "4s";
    fs.writeFileSync(path, JSON.stringify(genesis, null, 1));
  ' "$1"
}

init_chain() {
  local n=$1 mnemonic i home peers="" ids=()
  if [ -e "$LOCALNET_HOME" ] && [ ! -f "$LOCALNET_HOME/validators" ] && [ -n "$(ls -A "$LOCALNET_HOME")" ]; then
    die "$LOCALNET_HOME holds files that are not a localnet's: choose another TICKETCHAIN_LOCALNET_HOME"
  fi
  rm -rf "$LOCALNET_HOME"
  mkdir -p "$LOCALNET_HOME"
  local accounts
  mnemonic=$(localnet_js mnemonic)
  accounts=$(localnet_js genesis-accounts "$DENOM")
  say "initialising $CHAIN_ID: $n validator(s) in $LOCALNET_HOME"
  for ((i = 0; i < n; i++)); do
    home=$(node_home "$i")
    wasmd init "node$i" --chain-id "$CHAIN_ID" --default-denom "$DENOM" --home "$home" > /dev/null 2>&1 \
      || die "wasmd init failed for node $i"
    printf '%s\n' "$mnemonic" | wasmd keys add validator --recover --index "$(localnet_js validator-index "$i")" \
      --keyring-backend test --home "$home" > /dev/null 2>&1 || die "cannot derive validator $i's key"
  done
  local genesis_home
  genesis_home=$(node_home 0)
  while read -r address coins; do
    wasmd genesis add-genesis-account "$address" "$coins" --home "$genesis_home" > /dev/null
  done <<< "$accounts"
  for ((i = 0; i < n; i++)); do
    wasmd genesis add-genesis-account "$(wasmd keys show validator -a --keyring-backend test --home "$(node_home "$i")")" \
      "100000000000$DENOM" --home "$genesis_home" > /dev/null
  done
  shorten_governance "$genesis_home/config/genesis.json"
  mkdir -p "$genesis_home/config/gentx"
  for ((i = 0; i < n; i++)); do
    home=$(node_home "$i")
    [ "$i" -eq 0 ] || cp "$genesis_home/config/genesis.json" "$home/config/genesis.json"
    wasmd genesis gentx validator "$STAKE" --chain-id "$CHAIN_ID" --keyring-backend test --home "$home" \
      --output-document "$genesis_home/config/gentx/gentx-$i.json" > /dev/null 2>&1 || die "gentx failed for node $i"
    ids+=("$(wasmd comet show-node-id --home "$home")")
  done
  wasmd genesis collect-gentxs --home "$genesis_home" > /dev/null 2>&1 || die "collect-gentxs failed"
  wasmd genesis validate-genesis --home "$genesis_home" > /dev/null || die "the genesis is invalid"
  for ((i = 0; i < n; i++)); do
    [ "$i" -eq 0 ] || cp "$genesis_home/config/genesis.json" "$(node_home "$i")/config/genesis.json"
    peers=""
    for ((j = 0; j < n; j++)); do
      [ "$j" -eq "$i" ] || peers+="${peers:+,}${ids[$j]}@127.0.0.1:$(port "$j" 0)"
    done
    configure_node "$i" "$peers"
  done
  echo "$n" > "$LOCALNET_HOME/validators"
}

start_node() {
  local i=$1
  if alive "$i"; then return 0; fi
  for kind in 0 1 2 3 4; do
    if port_taken "$(port "$i" "$kind")"; then
      die "port $(port "$i" "$kind") on 127.0.0.1 is taken by another process (node $i needs $(port "$i" 0)-$(port "$i" 4)); stop it or set TICKETCHAIN_LOCALNET_PORT"
    fi
  done
  LD_LIBRARY_PATH="$WASMD_CACHE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" nohup "$WASMD_BIN" start --home "$(node_home "$i")" \
    >> "$LOCALNET_HOME/node$i.log" 2>&1 < /dev/null &
  echo $! > "$LOCALNET_HOME/node$i.pid"
}

# wait_for_blocks NODE ABOVE SECONDS: until NODE reports a height above ABOVE.
wait_for_blocks() {
  local i=$1 above=$2 deadline=$((SECONDS + $3)) h
  while [ $SECONDS -lt $deadline ]; do
    h=$(height "$i")
    if [ -n "$h" ] && [ "$h" -gt "$above" ]; then return 0; fi
    alive "$i" || { tail -20 "$LOCALNET_HOME/node$i.log" >&2; die "node $i exited (log above: $LOCALNET_HOME/node$i.log)"; }
    sleep 0.2
  done
  tail -20 "$LOCALNET_HOME/node$i.log" >&2
  die "node $i produced no block within $3 s (log: $LOCALNET_HOME/node$i.log)"
}

start() {
  local n=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --validators) n=${2:?--validators needs a number}; shift 2 ;;
      *) die "unknown option $1 (start [--validators N])" ;;
    esac
  done
  # Without --validators, the net already here keeps its size.
  if [ -z "$n" ]; then n=$(validators); [ "$n" -gt 0 ] || n=1; fi
  # The deploy tool holds the keys of ten validators (to vote on proposals).
  [[ "$n" =~ ^([1-9]|10)$ ]] || die "--validators takes 1 to 10"
  build_wasmd
  command -v curl > /dev/null || die "curl is missing: install it (apt-get install curl)"
  local running=0 i
  for ((i = 0; i < $(validators); i++)); do alive "$i" && running=$((running + 1)); done
  if [ "$running" -gt 0 ] && [ "$(validators)" -ne "$n" ]; then
    die "a localnet of $(validators) validator(s) is running in $LOCALNET_HOME: stop it first"
  fi
  if [ "$(validators)" -ne "$n" ] || [ ! -f "$(node_home 0)/config/genesis.json" ] || [ "${FRESH:-0}" = 1 ]; then
    [ "$running" -eq 0 ] || die "cannot re-initialise a running localnet: stop it first"
    init_chain "$n"
  fi
  for ((i = 0; i < n; i++)); do start_node "$i"; done
  for ((i = 0; i < n; i++)); do wait_for_blocks "$i" 1 90; done
  say "$CHAIN_ID: $n validator(s) producing blocks; RPC http://127.0.0.1:$(port 0 1)"
}

stop_node() {
  local i=$1 pid
  pid=$(node_pid "$i")
  if alive "$i"; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$LOCALNET_HOME/node$i.pid"
}

stop() {
  local i
  for ((i = 0; i < $(validators); i++)); do stop_node "$i"; done
}

status() {
  local n i h
  n=$(validators)
  [ "$n" -gt 0 ] || { echo "no localnet in $LOCALNET_HOME"; return 0; }
  for ((i = 0; i < n; i++)); do
    if alive "$i"; then
      h=$(height "$i")
      echo "node$i pid $(node_pid "$i") rpc http://127.0.0.1:$(port "$i" 1) height ${h:-?}"
    else
      echo "node$i stopped"
    fi
  done
}

# npm prints what it installed on stdout: keep it out of the values captured from localnet_js.
case "${1:-}" in
  start) ensure_node_modules >&2 ;;
esac

case "${1:-}" in
  build) build_wasmd; wasmd version ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  stop-node) stop_node "${2:?stop-node needs a node index}" ;;
  start-node)
    start_node "${2:?start-node needs a node index}"
    ;;
  *) die "usage: $0 build | start [--validators N] | stop | status | stop-node I | start-node I" ;;
esac
