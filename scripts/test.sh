#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run): formatting, lints, every test, schema
# drift, and the optimized, checked wasm artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

step "format"
cargo fmt --all --check

step "shell scripts (shellcheck)"
ensure_shellcheck
shellcheck -x scripts/*.sh .ci/run

step "clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "tests"
cargo test --workspace --locked

step "schema drift"
./scripts/schema.sh > /dev/null
if [ -n "$(git status --porcelain -- schema)" ]; then
  git status --short -- schema
  echo "schema/ differs from the code: run ./scripts/schema.sh and commit the result" >&2
  exit 1
fi

step "the committee's contracts: ecosystem/Cargo.lock locks what the root Cargo.lock locks"
ecosystem_lock_agrees

step "wasm artifacts, warnings as errors"
./scripts/build.sh

step "committed artifacts are what this commit builds"
if [ -n "$(git status --porcelain -- artifacts)" ]; then
  git status --short -- artifacts
  echo "artifacts/ differs from what the sources build: run ./scripts/build.sh and commit artifacts/" >&2
  exit 1
fi

step "reproducible artifacts: the same bytes from another directory"
./scripts/reproduce.sh

step "TypeScript client drift"
./scripts/codegen.sh > /dev/null
if [ -n "$(git status --porcelain -- clients/ts)" ]; then
  git status --short -- clients/ts
  echo "clients/ts differs from schema/: run ./scripts/codegen.sh and commit the result" >&2
  exit 1
fi

step "TypeScript type-check, format (prettier) and lint (eslint)"
rm -rf .build # so no compiled test outlives its deleted source
node_modules/.bin/tsc -p .
node_modules/.bin/tsc -p web
npm run --silent format:check
npm run --silent lint

step "deploy and platform scenario on the embedded chain (node --test)"
node --test .build/deploy/test/

step "the web app: Vite build of the page with the embedded chain"
node_modules/.bin/vite build --config web/vite.config.mts --logLevel warn

step "the web app in Debian's Chromium (playwright-core): fans, the door, organisers, operations"
ensure_chromium
node --test --test-concurrency=1 --test-timeout=600000 .build/web/test/*.test.js
echo "screenshots: $(find .build/screenshots/web -name '*.png' | wc -l) in .build/screenshots/web/"

step "gas budgets on the real VM (deterministic; no timing is asserted)"
./scripts/gas.sh --check

step "wasmd ${WASMD_VERSION:-v0.60.8} from the Go module proxy (cached after the first build)"
./scripts/localnet.sh build

step "the season on a real wasmd node: one validator with gas beside the model, then four with a fault"
# Each test file starts its own chain (own home and ports) and stops it on every exit path.
node --test --test-concurrency=1 .build/deploy/test-chain/
