// A real network: the deployer's wallet from TICKETCHAIN_MNEMONIC, a CosmJS signing client on the
// preset's RPC, and the checks that turn the usual first-day failures into clear messages.
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DirectSecp256k1HdWallet, makeCosmoshubPath } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";
import type { Network } from "./networks";
import { ROLE_NAMES, rolesFrom, type RoleName, type Roles } from "./platform-config";

export interface NetworkChain {
  client: SigningCosmWasmClient;
  deployer: string;
  roles: Roles;
}

/**
 * Every role defaults to an account of the deployer's own HD wallet (account index = position in
 * ROLE_NAMES, the owner being account 0); TICKETCHAIN_<ROLE> (e.g. TICKETCHAIN_TREASURY) names
 * another address, such as a multisig.
 */
export async function connectNetwork(network: Network, env: NodeJS.ProcessEnv): Promise<NetworkChain> {
  const mnemonic = env.TICKETCHAIN_MNEMONIC?.trim();
  if (!mnemonic) {
    throw new Error(
      `TICKETCHAIN_MNEMONIC is not set: export the mnemonic of a ${network.chainId} account funded ` +
        `with ${network.feeDenom} (it is read from the environment only, never from a file)`,
    );
  }
  let wallet: DirectSecp256k1HdWallet;
  try {
    wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, {
      prefix: network.bech32Prefix,
      hdPaths: ROLE_NAMES.map((_, index) => makeCosmoshubPath(index)),
    });
  } catch (error) {
    throw new Error(`TICKETCHAIN_MNEMONIC is not a valid BIP-39 mnemonic: ${(error as Error).message}`);
  }
  const accounts = await wallet.getAccounts();
  const roleAddress = (role: RoleName): string =>
    env[`TICKETCHAIN_${role.toUpperCase()}`] || accounts[ROLE_NAMES.indexOf(role)].address;
  const roles = rolesFrom(roleAddress);
  const deployer = accounts[0].address;
  if (roles.owner !== deployer) {
    throw new Error("TICKETCHAIN_OWNER cannot differ from the deployer: the owner signs the wiring");
  }

  let client: SigningCosmWasmClient;
  try {
    client = await SigningCosmWasmClient.connectWithSigner(network.rpc!, wallet, {
      gasPrice: GasPrice.fromString(network.gasPrice),
    });
  } catch (error) {
    throw new Error(
      `cannot reach the ${network.name} RPC at ${network.rpc} (${(error as Error).message}); ` +
        `set TICKETCHAIN_RPC to a reachable endpoint`,
    );
  }
  const chainId = await client.getChainId();
  if (chainId !== network.chainId) {
    throw new Error(`${network.rpc} serves chain ${chainId}, not ${network.chainId}`);
  }
  const { amount } = await client.getBalance(deployer, network.feeDenom);
  if (BigInt(amount) === 0n) {
    throw new Error(`insufficient funds: the deployer ${deployer} has no ${network.feeDenom}; ${network.funding}`);
  }
  return { client, deployer, roles };
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
