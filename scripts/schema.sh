#!/usr/bin/env bash
# Regenerates schema/<contract>/ from each contract's src/bin/schema.rs (cosmwasm-schema write_api!).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

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
