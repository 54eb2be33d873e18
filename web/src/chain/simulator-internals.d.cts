import type { SimulatorInternals } from "../../../deploy/src/local-chain";

declare const internals: SimulatorInternals;
export = internals;
