#!/usr/bin/env bash
# Regenerates schema/<contract>/ from each contract's src/bin/schema.rs (cosmwasm-schema write_api!),
# and schema/<ecosystem contract>/ from ecosystem/src/bin/ (the committee's cw3 and cw4 messages).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for manifest in contracts/*/Cargo.toml; do
  package=$(basename "$(dirname "$manifest")")
  # write_api! writes into ./schema of the directory it runs in; cargo run finds the binary
  # wherever the target directory is.
  mkdir -p "$scratch/$package"
  (cd "$scratch/$package" &&
    cargo run --quiet --locked --manifest-path "$root/Cargo.toml" -p "$package" --bin "$package-schema" > /dev/null)
  rm -rf "schema/$package"
  mv "$scratch/$package/schema" "schema/$package"
  echo "schema/$package"
done

for package in "${ECOSYSTEM_CONTRACTS[@]}"; do
  mkdir -p "$scratch/$package"
  (cd "$scratch/$package" &&
    cargo run --quiet --locked --manifest-path "$root/ecosystem/Cargo.toml" --target-dir "${CARGO_TARGET_DIR:-$root/target}/ecosystem" \
      --bin "$package-schema" > /dev/null)
  rm -rf "schema/$package"
  mv "$scratch/$package/schema" "schema/$package"
  echo "schema/$package"
done
