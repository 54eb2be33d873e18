// A real network: the deployer's wallet from TICKETCHAIN_MNEMONIC (on the local chain, its test
// mnemonic by default), a CosmJS signing client on the preset's RPC, and the checks that turn the
// usual first-day failures into clear messages.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { Secp256k1HdWallet, type OfflineAminoSigner } from "@cosmjs/amino";
import { DirectSecp256k1HdWallet, makeCosmoshubPath } from "@cosmjs/proto-signing";
import {
  QueryClient,
  setupBankExtension,
  setupFeegrantExtension,
  setupGovExtension,
  type BankExtension,
  type GovExtension,
} from "@cosmjs/stargate";
import { connectComet, type CometClient } from "@cosmjs/tendermint-rpc";
import { setupWasmExtension, type WasmExtension } from "@cosmjs/cosmwasm-stargate";
import { actorIndex, LOCALNET_ACCOUNTS, LOCALNET_MNEMONIC } from "./localnet";
import type { Network } from "./networks";
import { NodeClient } from "./node-client";
import { ROLE_NAMES, rolesFrom, type RoleName, type Roles } from "./platform-config";

type FeegrantExtension = ReturnType<typeof setupFeegrantExtension>;
export type NodeQueries = QueryClient & BankExtension & FeegrantExtension & GovExtension & WasmExtension;

export interface NetworkChain {
  node: NodeClient;
  client: SigningCosmWasmClient;
  /** Read-only queries, also at a past height (`queryAbci`). */
  queries: NodeQueries;
  comet: CometClient;
  deployer: string;
  roles: Roles;
  /** The address of any role, the committee members' included. */
  roleAddress: (role: RoleName) => string;
  /** The local chain's scenario actors by name (empty elsewhere). */
  actors: Map<string, string>;
  /** Every address the wallet signs for. */
  signers: Set<string>;
  /** The same accounts as an amino signer, for off-chain texts (door codes). */
  aminoSigner: OfflineAminoSigner;
}

export function nodeQueries(comet: CometClient): NodeQueries {
  return QueryClient.withExtensions(
    comet,
    setupBankExtension,
    setupFeegrantExtension,
    setupGovExtension,
    setupWasmExtension,
  );
}

/**
 * Every role defaults to an account of the deployer's own HD wallet (account index = position in
 * ROLE_NAMES, the owner being account 0); TICKETCHAIN_<ROLE> (e.g. TICKETCHAIN_TREASURY) names
 * another address, such as a multisig.
 */
export async function connectNetwork(network: Network, env: NodeJS.ProcessEnv): Promise<NetworkChain> {
  const mnemonic = env.TICKETCHAIN_MNEMONIC?.trim() || (network.localnet ? LOCALNET_MNEMONIC : undefined);
  if (!mnemonic) {
    throw new Error(
      `TICKETCHAIN_MNEMONIC is not set: export the mnemonic of a ${network.chainId} account funded ` +
        `with ${network.feeDenom} (it is read from the environment only, never from a file)`,
    );
  }
  const actorNames = network.localnet ? [...LOCALNET_ACCOUNTS] : [];
  const indices = [...ROLE_NAMES.map((_, index) => index), ...actorNames.map(actorIndex)];
  let wallet: DirectSecp256k1HdWallet;
  let aminoSigner: OfflineAminoSigner;
  try {
    const options = { prefix: network.bech32Prefix, hdPaths: indices.map((index) => makeCosmoshubPath(index)) };
    wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, options);
    aminoSigner = await Secp256k1HdWallet.fromMnemonic(mnemonic, options);
  } catch (error) {
    throw new Error(`TICKETCHAIN_MNEMONIC is not a valid BIP-39 mnemonic: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const accounts = await wallet.getAccounts();
  const roleAddress = (role: RoleName): string =>
    env[`TICKETCHAIN_${role.toUpperCase()}`] || accounts[ROLE_NAMES.indexOf(role)].address;
  const roles = rolesFrom(roleAddress);
  const deployer = accounts[0].address;
  if (roles.owner !== deployer) {
    throw new Error("TICKETCHAIN_OWNER cannot differ from the deployer: the owner signs the wiring");
  }
  const actors = new Map(actorNames.map((name, i) => [name, accounts[ROLE_NAMES.length + i].address]));

  let node: NodeClient;
  let comet: CometClient;
  try {
    node = await NodeClient.connect(network.rpc!, wallet, {
      gasPrice: network.gasPrice,
      pollIntervalMs: network.localnet ? 100 : undefined,
    });
    comet = await connectComet(network.rpc!);
  } catch (error) {
    throw new Error(
      `cannot reach the ${network.name} RPC at ${network.rpc} (${(error as Error).message}); ` +
        `set TICKETCHAIN_RPC to a reachable endpoint`,
      { cause: error },
    );
  }
  const client = node.client;
  const chainId = await client.getChainId();
  if (chainId !== network.chainId) {
    throw new Error(`${network.rpc} serves chain ${chainId}, not ${network.chainId}`);
  }
  const { amount } = await client.getBalance(deployer, network.feeDenom);
  if (BigInt(amount) === 0n) {
    throw new Error(`insufficient funds: the deployer ${deployer} has no ${network.feeDenom}; ${network.funding}`);
  }
  const signers = new Set(accounts.map((account) => account.address));
  return {
    node,
    client,
    queries: nodeQueries(comet),
    comet,
    deployer,
    roles,
    roleAddress,
    actors,
    signers,
    aminoSigner,
  };
}

/** Rewrites a chain's out-of-funds error to say who must be funded with what. */
export function explainFunds(error: unknown, network: Network, deployer: string): Error {
  const message = (error as Error).message ?? String(error);
  if (/insufficient (funds|fee)/i.test(message)) {
    return new Error(
      `insufficient funds: the deployer ${deployer} cannot pay for the next transaction in ` +
        `${network.feeDenom} (${message}); ${network.funding}, then run the same command again: ` +
        `what is deployed is recorded and skipped`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
