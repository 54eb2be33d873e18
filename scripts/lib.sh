# shellcheck shell=bash
# Sourced by the scripts: what more than one of them needs, defined once.

# Installs exactly package-lock.json (wasm-opt, ts-codegen, tsc, cw-simulate, CosmJS) when
# node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    printf '\033[1m%s\033[0m\n' "installing the npm dev dependencies (npm ci)" >&2
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# What the artifacts are built from: the contracts' and packages' manifests and sources, not their
# unit tests, READMEs or the test kit. The test command rebuilds and compares the bytes anyway; this
# only spares the main command a build when nothing that shapes a wasm changed.
readonly ARTIFACT_INPUTS=(
  ':(glob)contracts/*/Cargo.toml' ':(glob)contracts/*/src/**' ':(glob)packages/*/Cargo.toml' ':(glob)packages/*/src/**'
  ':(exclude)packages/ctc-testkit' ':(exclude,glob)contracts/*/src/tests/**'
  Cargo.toml Cargo.lock rust-toolchain.toml scripts/build.sh scripts/lib.sh
  ecosystem/Cargo.toml ecosystem/Cargo.lock ':(glob)ecosystem/src/**'
)

# The ecosystem's contracts deployed beside ours (the committee), built from their published crates
# by ecosystem/Cargo.toml.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly ECOSYSTEM_CONTRACTS=(cw3-flex-multisig cw4-group)

# Fails, naming each, when ecosystem/Cargo.lock locks a crate at a version the root Cargo.lock does
# not: the wasm deployed must be the code the cw-multi-test suites ran.
ecosystem_lock_agrees() {
  local disagreements
  disagreements=$(awk '
    FNR == 1 { file++; name = "" }
    /^name = / { name = $3 }
    /^version = / {
      if (file == 1) root[name, $3] = 1
      else if (name != "" && name != "\"ticketchain-ecosystem\"" && !((name, $3) in root)) print name " " $3
    }' Cargo.lock ecosystem/Cargo.lock)
  if [ -n "$disagreements" ]; then
    echo "ecosystem/Cargo.lock locks versions the root Cargo.lock does not:" >&2
    echo "$disagreements" >&2
    return 1
  fi
}

# One sha256 over the content of every input file git tracks or would track, in path order.
artifact_sources_digest() {
  git ls-files -z --cached --others --exclude-standard --deduplicate -- "${ARTIFACT_INPUTS[@]}" |
    sort -z |
    while IFS= read -r -d '' file; do
      [ -f "$file" ] && printf '%s  %s\n' "$(sha256sum < "$file" | cut -d' ' -f1)" "$file"
    done |
    sha256sum | cut -d' ' -f1
}

# True when artifacts/checksums.txt is missing or records other sources than the working tree's.
artifacts_stale() {
  [ ! -f artifacts/checksums.txt ] && return 0
  ! grep -qx "# sources $(artifact_sources_digest)" artifacts/checksums.txt
}

# Builds the wasm artifacts when they are missing or stale, for the commands that run them.
ensure_artifacts() {
  artifacts_stale || return 0
  printf '\033[1m%s\033[0m\n' "the wasm artifacts are missing or stale: building them" >&2
  ./scripts/build.sh
}

# optimize_wasm IN OUT: Rust's std brings sign-ext, non-trapping float-to-int and bulk-memory
# instructions, which CosmWasm rejects; wasm-opt lowers them to MVP instructions and shrinks the
# module. The contracts and the gas report's references go through exactly these passes.
optimize_wasm() {
  node_modules/.bin/wasm-opt -Os --signext-lowering --llvm-nontrapping-fptoint-lowering \
    --llvm-memory-copy-fill-lowering --strip-debug --strip-producers --strip-target-features \
    "$1" -o "$2"
}

# Debian's Chromium for the web app's browser tests (playwright-core drives it; Playwright's own
# browser download does not work here), with a font that has the Chinese glyphs.
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && fc-list 2> /dev/null | grep -qi wenquanyi && return 0
  printf '\033[1m%s\033[0m\n' "installing Chromium and a CJK font (Debian packages)" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  local packages=(chromium fonts-wqy-microhei)
  "${sudo[@]}" apt-get install -y -qq "${packages[@]}" > /dev/null ||
    { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq "${packages[@]}" > /dev/null; }
}

# The test command lints scripts/ with ShellCheck, from Debian's packages.
ensure_shellcheck() {
  command -v shellcheck > /dev/null && return 0
  printf '\033[1m%s\033[0m\n' "installing shellcheck (Debian package)" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq shellcheck > /dev/null ||
    { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq shellcheck > /dev/null; }
}
