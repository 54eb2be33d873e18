// Fans hold CTC, not the chain's native coin: the platform's sponsor account pays their fees
// through Cosmos fee grants (x/feegrant). Each grant is a PeriodicAllowance (a total limit and an
// expiry, and a limit per day) wrapped in an AllowedMsgAllowance, so it pays only for executing
// contracts: a fan cannot spend it on bank sends, staking or governance. x/feegrant cannot name the
// contracts themselves, and the signer chooses the fee, so the limits are what bound a fan's cost
// to the sponsor: the daily one keeps a single transaction from taking the whole grant.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { Coin } from "@cosmjs/stargate";
import { AllowedMsgAllowance, BasicAllowance, PeriodicAllowance } from "cosmjs-types/cosmos/feegrant/v1beta1/feegrant";
import { Duration } from "cosmjs-types/google/protobuf/duration";
import { MsgGrantAllowance } from "cosmjs-types/cosmos/feegrant/v1beta1/tx";
import { Timestamp } from "cosmjs-types/google/protobuf/timestamp";

export const EXECUTE_CONTRACT = "/cosmwasm.wasm.v1.MsgExecuteContract";

export interface FeeAllowance {
  /** The most the grantee may spend on fees until the grant expires. */
  spendLimit: Coin;
  /** The most it may spend in any one day. */
  perDay: Coin;
  expiresAt: Date;
}

const DAY_SECONDS = 86_400n;

/** What the local chain's sponsor grants each fan (and the calibration's fee-granted account). */
export const LOCAL_FAN_ALLOWANCE = (denom: string, days = 30): FeeAllowance => ({
  spendLimit: { denom, amount: "50000000" },
  perDay: { denom, amount: "5000000" },
  expiresAt: new Date(Date.now() + days * 86_400_000),
});

export function grantAllowanceMsg(sponsor: string, grantee: string, allowance: FeeAllowance): EncodeObject {
  const seconds = BigInt(Math.floor(allowance.expiresAt.getTime() / 1000));
  const basic = BasicAllowance.fromPartial({
    spendLimit: [allowance.spendLimit],
    expiration: Timestamp.fromPartial({ seconds, nanos: 0 }),
  });
  // The first use opens the first day (the period's reset time is left at zero).
  const daily = PeriodicAllowance.fromPartial({
    basic,
    period: Duration.fromPartial({ seconds: DAY_SECONDS, nanos: 0 }),
    periodSpendLimit: [allowance.perDay],
  });
  const executeOnly = AllowedMsgAllowance.fromPartial({
    allowance: {
      typeUrl: "/cosmos.feegrant.v1beta1.PeriodicAllowance",
      value: PeriodicAllowance.encode(daily).finish(),
    },
    allowedMessages: [EXECUTE_CONTRACT],
  });
  return {
    typeUrl: "/cosmos.feegrant.v1beta1.MsgGrantAllowance",
    value: MsgGrantAllowance.fromPartial({
      granter: sponsor,
      grantee,
      allowance: {
        typeUrl: "/cosmos.feegrant.v1beta1.AllowedMsgAllowance",
        value: AllowedMsgAllowance.encode(executeOnly).finish(),
      },
    }),
  };
}

/**
 * Grants `allowance` from `sponsor` to each grantee that has no grant from it yet, in one
 * transaction; `hasGrant` asks the chain. Answers the grantees granted now. An existing grant is
 * left as it is: to change its terms, revoke it (MsgRevokeAllowance) and run again.
 */
export async function grantFeeAllowances(
  client: SigningCosmWasmClient,
  sponsor: string,
  grantees: string[],
  allowance: FeeAllowance,
  hasGrant: (grantee: string) => Promise<boolean>,
): Promise<{ granted: string[]; gasUsed: bigint }> {
  const missing: string[] = [];
  for (const grantee of grantees) {
    if (grantee === sponsor) throw new Error(`the sponsor ${sponsor} cannot grant itself a fee allowance`);
    if (!(await hasGrant(grantee))) missing.push(grantee);
  }
  if (missing.length === 0) return { granted: [], gasUsed: 0n };
  const messages = missing.map((grantee) => grantAllowanceMsg(sponsor, grantee, allowance));
  const result = await client.signAndBroadcast(sponsor, messages, "auto");
  if (result.code !== 0) {
    throw new Error(`the fee grants were refused (code ${result.code}): ${result.rawLog ?? ""}`);
  }
  return { granted: missing, gasUsed: result.gasUsed };
}
