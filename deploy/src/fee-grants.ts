// Fans hold CTC, not the chain's native coin: the platform's sponsor account pays their fees
// through Cosmos fee grants (x/feegrant). Each grant is a BasicAllowance (a spend limit and an
// expiry) wrapped in an AllowedMsgAllowance, so it pays only for executing contracts: a fan cannot
// spend it on bank sends, staking or governance. x/feegrant cannot name the contracts themselves,
// so the spend limit bounds what any one fan can cost the sponsor.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { Coin } from "@cosmjs/stargate";
import { AllowedMsgAllowance, BasicAllowance } from "cosmjs-types/cosmos/feegrant/v1beta1/feegrant";
import { MsgGrantAllowance } from "cosmjs-types/cosmos/feegrant/v1beta1/tx";
import { Timestamp } from "cosmjs-types/google/protobuf/timestamp";

export const EXECUTE_CONTRACT = "/cosmwasm.wasm.v1.MsgExecuteContract";

export interface FeeAllowance {
  /** The most the grantee may spend on fees until the grant expires. */
  spendLimit: Coin;
  expiresAt: Date;
}

export function grantAllowanceMsg(sponsor: string, grantee: string, allowance: FeeAllowance): EncodeObject {
  const seconds = BigInt(Math.floor(allowance.expiresAt.getTime() / 1000));
  const basic = BasicAllowance.fromPartial({
    spendLimit: [allowance.spendLimit],
    expiration: Timestamp.fromPartial({ seconds, nanos: 0 }),
  });
  const executeOnly = AllowedMsgAllowance.fromPartial({
    allowance: { typeUrl: "/cosmos.feegrant.v1beta1.BasicAllowance", value: BasicAllowance.encode(basic).finish() },
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
 * transaction; `hasGrant` asks the chain. Answers the grantees granted now.
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
