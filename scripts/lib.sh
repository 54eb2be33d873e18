# Sourced by the scripts: what more than one of them needs, defined once.

# Installs exactly package-lock.json (wasm-opt, ts-codegen, tsc, cw-simulate, CosmJS) when
# node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    printf '\033[1m%s\033[0m\n' "installing the npm dev dependencies (npm ci)" >&2
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# True when artifacts/ is missing or older than any contract source.
artifacts_stale() {
  [ ! -f artifacts/checksums.txt ] && return 0
  [ -n "$(find contracts packages Cargo.toml Cargo.lock -newer artifacts/checksums.txt -print -quit)" ]
}

# optimize_wasm IN OUT: Rust's std brings sign-ext, non-trapping float-to-int and bulk-memory
# instructions, which CosmWasm rejects; wasm-opt lowers them to MVP instructions and shrinks the
# module. The contracts and the gas report's references go through exactly these passes.
optimize_wasm() {
  node_modules/.bin/wasm-opt -Os --signext-lowering --llvm-nontrapping-fptoint-lowering \
    --llvm-memory-copy-fill-lowering --strip-debug --strip-producers --strip-target-features \
    "$1" -o "$2"
}
