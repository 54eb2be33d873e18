#!/usr/bin/env bash
# Builds the artifacts a second time, from a copy of the working tree in another directory with a
# target directory of its own, and fails unless every wasm has the bytes artifacts/checksums.txt
# records. Run by the test command after scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

copy=$(mktemp -d -t ticketchain-reproduce.XXXXXX)
trap 'rm -rf "$copy"' EXIT

git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do
    [ -f "$file" ] && printf '%s\0' "$file"
  done |
  tar --null -T - -cf - | tar -xf - -C "$copy"
# The same npm packages (wasm-opt), without a second install.
ln -s "$PWD/node_modules" "$copy/node_modules"

printf '\033[1m%s\033[0m\n' "building the artifacts again in $copy" >&2
(cd "$copy" && CARGO_TARGET_DIR="$copy/target" ./scripts/build.sh > /dev/null)

if ! diff <(grep -v '^#' artifacts/checksums.txt) <(grep -v '^#' "$copy/artifacts/checksums.txt"); then
  echo "the artifacts are not reproducible: the two builds above differ" >&2
  exit 1
fi
echo "reproducible: $(grep -vc '^#' artifacts/checksums.txt) artifacts, the same bytes from $PWD and $copy"
