// The simulator's own module objects, for the fixes in deploy/src/local-chain.ts. CommonJS on
// purpose: the bundler's CommonJS wrapper hands `require` the one exports object the simulator
// itself uses, where an ES import would get a read-only copy.
module.exports = {
  keyOrder: require("@oraichain/cosmwasm-vm-js/dist/helpers/byte-array"),
  vm: require("@oraichain/cosmwasm-vm-js"),
  contract: require("@oraichain/cw-simulate/dist/modules/wasm/contract"),
};
