#!/usr/bin/env bash
# Builds every contract in contracts/, and the ecosystem contracts ecosystem/ names, into an
# optimized wasm artifact a CosmWasm 2.x chain accepts:
#   artifacts/<crate_name>.wasm, artifacts/checksums.txt (sha256, headed by the compiler, wasm-opt
#   and a digest of the sources they were built from)
# The bytes depend only on the commit: rust-toolchain.toml pins the compiler, package-lock.json
# wasm-opt, and the checkout's and cargo's directories are remapped out of the panic locations.
# Installs what it needs when missing (wasm32 target, binaryen's wasm-opt from npm, cosmwasm-check),
# validates each artifact with cosmwasm-check, prints their sizes and fails on any artifact larger
# than wasmd's default upload limit.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly UPLOAD_LIMIT=819200 # 800 KiB, wasmd's default MaxWasmSize
readonly COSMWASM_CHECK_VERSION=2.3.5
# The capabilities an artifact may require: only what every CosmWasm 2.x chain offers.
readonly CHAIN_CAPABILITIES=${CHAIN_CAPABILITIES:-iterator}

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

log() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

ensure_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  ensure_node_modules
  if ! cosmwasm-check --version 2>/dev/null | grep -q " $COSMWASM_CHECK_VERSION\$"; then
    log "installing cosmwasm-check $COSMWASM_CHECK_VERSION (a few minutes, once per machine)"
    cargo install cosmwasm-check --version "=$COSMWASM_CHECK_VERSION" --locked --quiet
  fi
}

contract_packages() {
  for manifest in contracts/*/Cargo.toml; do
    basename "$(dirname "$manifest")"
  done
}

main() {
  ensure_tools
  local packages=() package
  mapfile -t packages < <(contract_packages)

  log "building ${#packages[@]} contract(s) for wasm32"
  local package_args=()
  for package in "${packages[@]}"; do package_args+=(-p "$package"); done
  # Only the wasm target gets these flags: host build scripts and proc-macros stay cached.
  local cargo_home=${CARGO_HOME:-$HOME/.cargo}
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$PWD=/ticketchain --remap-path-prefix=$cargo_home=/cargo -D warnings" \
    cargo build --release --lib --target wasm32-unknown-unknown --locked "${package_args[@]}"

  # The committee's contracts, from their published crates (ecosystem/Cargo.toml), one package
  # per build: cargo matches several -p against a workspace's own members only.
  local ecosystem_target=${CARGO_TARGET_DIR:-target}/ecosystem
  log "building ${#ECOSYSTEM_CONTRACTS[@]} ecosystem contract(s) for wasm32: ${ECOSYSTEM_CONTRACTS[*]}"
  for package in "${ECOSYSTEM_CONTRACTS[@]}"; do
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$PWD=/ticketchain --remap-path-prefix=$cargo_home=/cargo -D warnings" \
      cargo build --release --lib --target wasm32-unknown-unknown --locked \
      --manifest-path ecosystem/Cargo.toml --target-dir "$ecosystem_target" -p "$package"
  done

  mkdir -p artifacts
  rm -f artifacts/*.wasm artifacts/checksums.txt
  local crate
  for package in "${packages[@]}"; do
    crate=${package//-/_}
    optimize_wasm "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/$crate.wasm" "artifacts/$crate.wasm"
  done
  for package in "${ECOSYSTEM_CONTRACTS[@]}"; do
    crate=${package//-/_}
    optimize_wasm "$ecosystem_target/wasm32-unknown-unknown/release/$crate.wasm" "artifacts/$crate.wasm"
  done
  {
    echo "# $(rustc --version)"
    echo "# $(node_modules/.bin/wasm-opt --version)"
    echo "# sources $(artifact_sources_digest)"
    (cd artifacts && sha256sum -- *.wasm)
  } > artifacts/checksums.txt

  log "checking artifacts with cosmwasm-check (available capabilities: $CHAIN_CAPABILITIES)"
  cosmwasm-check --verbose --available-capabilities "$CHAIN_CAPABILITIES" artifacts/*.wasm \
    2> artifacts/check-details.log
  grep 'Required capabilities' artifacts/check-details.log

  log "artifact sizes (limit $UPLOAD_LIMIT bytes)"
  local failed=0 size file
  printf '%-28s %10s %8s %6s\n' artifact bytes KiB 'limit'
  for file in artifacts/*.wasm; do
    size=$(stat -c %s "$file")
    awk -v name="$(basename "$file")" -v size="$size" -v limit="$UPLOAD_LIMIT" \
      'BEGIN { printf "%-28s %10d %8.1f %5.1f%%\n", name, size, size / 1024, size * 100 / limit }'
    if [ "$size" -gt "$UPLOAD_LIMIT" ]; then
      log "$file is larger than the $UPLOAD_LIMIT-byte upload limit"
      failed=1
    fi
  done
  return "$failed"
}

main "$@"
