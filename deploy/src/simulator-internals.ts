// The simulator's module objects as Node loads them, for the fixes in local-chain.ts. The web app
// supplies the same objects from its bundle (web/src/chain/simulator-internals.cjs).
import { createRequire } from "node:module";
import type { ContractModule, KeyOrderModule, SimulatorInternals, VmModule } from "./local-chain";

export function nodeSimulatorInternals(): SimulatorInternals {
  const fromSimulator = createRequire(require.resolve("@oraichain/cw-simulate"));
  return {
    keyOrder: fromSimulator("@oraichain/cosmwasm-vm-js/dist/helpers/byte-array") as KeyOrderModule,
    vm: fromSimulator("@oraichain/cosmwasm-vm-js") as VmModule,
    contract: fromSimulator("@oraichain/cw-simulate/dist/modules/wasm/contract") as ContractModule,
  };
}
