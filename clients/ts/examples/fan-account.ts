// A fan's recoverable account from a frontend, kept compiling by scripts/test.sh (tsc): find the
// accounts a key operates, buy through one with the generated clients unchanged, let a friend
// check in, and, on the identity partner's side, replace a lost key with the request's digest.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import {
  AccountFactoryQueryClient,
  ctcSend,
  CtcTokenClient,
  FanAccountClient,
  fromCosmJS,
  recoveryEvidence,
  viaAccount,
} from "../src";

/** The accounts `key` operates, as the factory indexes them (after a recovery, under the new key). */
export async function accountsOf(cosmjs: SigningCosmWasmClient, factory: string, key: string): Promise<string[]> {
  const { accounts } = await new AccountFactoryQueryClient(fromCosmJS(cosmjs), factory).accountsOf({ operator: key });
  return accounts.map((account) => account.address);
}

/** The fan's key buys two seats; the account pays, holds them, and counts for the fan's limits. */
export async function buyThroughAccount(
  cosmjs: SigningCosmWasmClient,
  fanKey: string,
  account: string,
  token: string,
  tickets: string,
): Promise<void> {
  const throughAccount = viaAccount(fromCosmJS(cosmjs), account);
  await new CtcTokenClient(throughAccount, fanKey, token).send(
    ctcSend(tickets, 80_000_000n, { buy: { event_id: 7, tier: 0, quantity: 2 } }),
  );
}

/** A friend may spend 50 CTC a day on tickets and show the account's tickets at the door, for a day. */
export async function letAFriendHelp(
  cosmjs: SigningCosmWasmClient,
  fanKey: string,
  account: string,
  friend: string,
  tickets: string,
  nowSeconds: number,
): Promise<void> {
  const expiresAt = (BigInt(nowSeconds + 86_400) * 1_000_000_000n).toString();
  await new FanAccountClient(fromCosmJS(cosmjs), fanKey, account).grant({
    delegate: friend,
    rights: { door: true, redeem: false, spend: { daily: "50000000", to: [tickets] } },
    expiresAt,
  });
}

/**
 * The identity partner, having checked the person again, proposes the new phone's key. The
 * material stays with the partner; the account keeps its digest. Anyone completes the recovery
 * once the account's delay has passed without the old key's veto.
 */
export async function proposeNewKey(
  cosmjs: SigningCosmWasmClient,
  partner: string,
  account: string,
  newKey: string,
  application: Uint8Array,
  identityCheck: Uint8Array,
): Promise<void> {
  const evidence = recoveryEvidence([application, identityCheck]);
  await new FanAccountClient(fromCosmJS(cosmjs), partner, account).proposeRecovery({ newOperator: newKey, evidence });
}
