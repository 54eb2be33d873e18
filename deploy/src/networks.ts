// Where the platform can be deployed. Chain ids, prefixes, fee denoms, gas prices and RPC endpoints
// of the testnets are those of the Cosmos chain registry (@chain-registry/v2 1.71); any RPC can be
// overridden with TICKETCHAIN_RPC, and the gas price with TICKETCHAIN_GAS_PRICE. A chain needs
// CosmWasm 2 (wasmd 0.51 or later): wager-pool reads its replies' `payload` and `msg_responses`.
// Addresses are derived with coin type 118, the default of these chains.
import type { DeploymentTimings } from "./platform-config";

export interface Network {
  /** The name given on the command line. */
  name: string;
  chainId: string;
  bech32Prefix: string;
  /** The coin fees are paid in. */
  feeDenom: string;
  /** Price of one unit of gas in `feeDenom`, as CosmJS's GasPrice reads it. */
  gasPrice: string;
  /** Undefined for the embedded chain, which runs in this process. */
  rpc?: string;
  /** How a deployer gets test coins, for the error shown to an unfunded account. */
  funding: string;
  /** Waits shortened for a chain that runs the season in minutes (production defaults otherwise). */
  timings?: DeploymentTimings;
  /**
   * scripts/localnet.sh's chain: its test mnemonic signs when TICKETCHAIN_MNEMONIC is unset, its
   * genesis funds every scenario actor, and deploy.sh plays the season there after deploying.
   */
  localnet?: boolean;
}

/** The embedded chain: @oraichain/cw-simulate running the optimized artifacts in this process. */
export const LOCAL: Network = {
  name: "local",
  chainId: "ticketchain-local",
  bech32Prefix: "wasm",
  feeDenom: "ustake",
  gasPrice: "0ustake",
  funding: "the embedded chain funds its own accounts",
};

const testnetFunding = (chain: string) =>
  `request test coins for this address from the ${chain} testnet faucet (see the chain's developer docs)`;

export const NETWORKS: Record<string, Network> = {
  local: LOCAL,
  // The wasmd chain of scripts/localnet.sh on this machine (one node or several validators).
  "wasmd-local": {
    name: "wasmd-local",
    chainId: "ticketchain-localnet",
    bech32Prefix: "wasm",
    feeDenom: "ustake",
    gasPrice: "0.025ustake",
    rpc: "http://127.0.0.1:26657",
    funding: "restart the local chain: ./scripts/localnet.sh stop && FRESH=1 ./scripts/localnet.sh start",
    timings: {
      settlementDelaySeconds: 5,
      minDisputeWindowSeconds: 5,
      teamLockSeconds: 30,
      investorLockSeconds: 15,
      drawCommitSeconds: 3,
      drawRevealSeconds: 40,
      accountMinDelaySeconds: 5,
      accountMinPeriodSeconds: 60,
    },
    localnet: true,
  },
  "neutron-testnet": {
    name: "neutron-testnet",
    chainId: "pion-1",
    bech32Prefix: "neutron",
    feeDenom: "untrn",
    gasPrice: "0.0053untrn",
    rpc: "https://rpc-falcron.pion-1.ntrn.tech",
    funding: testnetFunding("Neutron"),
  },
  "osmosis-testnet": {
    name: "osmosis-testnet",
    chainId: "osmo-test-5",
    bech32Prefix: "osmo",
    feeDenom: "uosmo",
    gasPrice: "0.025uosmo",
    rpc: "https://rpc.osmotest5.osmosis.zone",
    funding: testnetFunding("Osmosis"),
  },
  "juno-testnet": {
    name: "juno-testnet",
    chainId: "uni-7",
    bech32Prefix: "juno",
    feeDenom: "ujunox",
    gasPrice: "0.0045ujunox",
    rpc: "https://juno-testnet-rpc.polkachu.com",
    funding: testnetFunding("Juno"),
  },

  "xion-testnet": {
    name: "xion-testnet",
    chainId: "xion-testnet-2",
    bech32Prefix: "xion",
    feeDenom: "uxion",
    gasPrice: "0.001uxion",
    rpc: "https://rpc.xion-testnet-2.burnt.com:443",
    funding: testnetFunding("XION"),
  },
};

/** The named preset with the environment's overrides applied; throws on an unknown name. */
export function resolveNetwork(name: string, env: NodeJS.ProcessEnv = process.env): Network {
  const preset = NETWORKS[name];
  if (!preset) {
    throw new Error(`unknown network "${name}"; choose one of: ${Object.keys(NETWORKS).join(", ")}`);
  }
  if (preset === LOCAL) return preset;
  return {
    ...preset,
    rpc: env.TICKETCHAIN_RPC || preset.rpc,
    gasPrice: env.TICKETCHAIN_GAS_PRICE || preset.gasPrice,
  };
}
