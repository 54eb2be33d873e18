//! Empty: this package exists to build cw20-base and cw721-base as wasm (see Cargo.toml).
