# Sourced by the scripts that need the npm tooling (wasm-opt, ts-codegen, tsc, cw-simulate, CosmJS).
# Installs exactly package-lock.json when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    printf '\033[1m%s\033[0m\n' "installing the npm dev dependencies (npm ci)" >&2
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
