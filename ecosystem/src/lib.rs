//! Names the ecosystem contracts the platform deploys, so that cargo builds them for wasm with
//! this package's release profile; it holds no code of its own.
