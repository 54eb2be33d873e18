#!/usr/bin/env bash
# Gas and size report on the real CosmWasm VM (tools/gas-report, cosmwasm-vm 2.3.5), beside
# cw20-base 2.0 and cw721-base 0.22 built with the same recipe.
#
#   ./scripts/gas.sh                  writes docs/gas.md and docs/gas.json
#   ./scripts/gas.sh --check          also lints and unit-tests the tool, and fails when a budget in
#                                     tools/gas-report/budgets.json breaks (docs/ untouched)
#   ./scripts/gas.sh --write-budgets  rewrites the per-operation budgets 10% above this run
# docs/gas.md shows the local wasmd node's figures beside the model's when docs/gas-chain.json
# exists (./scripts/chain-gas.sh writes it).
#
# Builds what is missing or stale first: the contracts' artifacts (scripts/build.sh), the two
# reference contracts, and the tool itself (outside the workspace, its own Cargo.lock).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly TOOL=tools/gas-report
readonly TOOL_TARGET=$TOOL/target
readonly ANCHORS=$TOOL_TARGET/anchors

log() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

check=false
write_budgets=false
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    --write-budgets) write_budgets=true ;;
    *) echo "usage: $0 [--check] [--write-budgets]" >&2; exit 2 ;;
  esac
done

build_anchors() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  ensure_node_modules
  log "building the references (cw20-base 2.0.0, cw721-base 0.22.0) and the cw20 sink for wasm32"
  local package
  # One package per build: cargo matches several -p against the workspace's own members only,
  # and the references are dependencies.
  for package in cw20-base cw721-base cw20-sink; do
    cargo build --release --lib --target wasm32-unknown-unknown --locked --quiet \
      --manifest-path "$TOOL/anchors/Cargo.toml" --target-dir "$TOOL_TARGET" -p "$package"
  done
  mkdir -p "$ANCHORS"
  local crate raw
  for crate in cw20_base cw721_base cw20_sink; do
    raw=$TOOL_TARGET/wasm32-unknown-unknown/release/$crate.wasm
    if [ ! -f "$ANCHORS/$crate.wasm" ] || [ "$raw" -nt "$ANCHORS/$crate.wasm" ]; then
      # The same passes as scripts/build.sh, so sizes and gas compare like for like.
      optimize_wasm "$raw" "$ANCHORS/$crate.wasm"
    fi
  done
}

main() {
  ensure_artifacts
  build_anchors

  if $check; then
    log "gas-report: format, clippy (warnings are errors), unit tests of the gas arithmetic"
    (cd "$TOOL" && cargo fmt --check && cargo clippy --release --locked --quiet --all-targets -- -D warnings \
      && cargo test --release --locked --quiet)
  fi
  log "building gas-report (cosmwasm-vm 2.3.5; a few minutes the first time)"
  (cd "$TOOL" && cargo build --release --locked --quiet)

  local args=()
  if $check; then
    args+=(--check)
  else
    mkdir -p docs
    args+=(--markdown docs/gas.md --json docs/gas.json)
    # The local node's figures (./scripts/chain-gas.sh), beside the model's.
    if [ -f docs/gas-chain.json ]; then args+=(--node docs/gas-chain.json); fi
  fi
  if $write_budgets; then args+=(--write-budgets); fi
  "$TOOL_TARGET/release/gas-report" "${args[@]}"
}

main
