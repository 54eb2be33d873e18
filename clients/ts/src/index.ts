// The TicketChain TypeScript client: one typed client, query client and message composer per
// contract (generated from schema/ by scripts/codegen.mjs), the cw20 `Send` hook message each
// receiving contract accepts, and the one helper a frontend needs to attach such a hook.
//
// The generated clients are written against ts-codegen's own client interfaces; `fromCosmJS` fits a
// CosmJS `SigningCosmWasmClient` (or cw-simulate's `SimulateCosmWasmClient`) to them, and
// `cosmJSClient` builds a generated client on it whose execute methods answer CosmJS's `ExecuteResult`.

export { CtcTokenClient, CtcTokenQueryClient } from "./contracts/CtcToken.client";
export { CtcTokenMsgComposer } from "./contracts/CtcToken.message-composer";
export * as CtcTokenTypes from "./contracts/CtcToken.types";
export { PartnerRegistryClient, PartnerRegistryQueryClient } from "./contracts/PartnerRegistry.client";
export { PartnerRegistryMsgComposer } from "./contracts/PartnerRegistry.message-composer";
export * as PartnerRegistryTypes from "./contracts/PartnerRegistry.types";
export { TicketNftClient, TicketNftQueryClient } from "./contracts/TicketNft.client";
export { TicketNftMsgComposer } from "./contracts/TicketNft.message-composer";
export * as TicketNftTypes from "./contracts/TicketNft.types";
export { CrowdfundClient, CrowdfundQueryClient } from "./contracts/Crowdfund.client";
export { CrowdfundMsgComposer } from "./contracts/Crowdfund.message-composer";
export * as CrowdfundTypes from "./contracts/Crowdfund.types";
export { TippingClient, TippingQueryClient } from "./contracts/Tipping.client";
export { TippingMsgComposer } from "./contracts/Tipping.message-composer";
export * as TippingTypes from "./contracts/Tipping.types";
export { OutcomeOracleClient, OutcomeOracleQueryClient } from "./contracts/OutcomeOracle.client";
export { OutcomeOracleMsgComposer } from "./contracts/OutcomeOracle.message-composer";
export * as OutcomeOracleTypes from "./contracts/OutcomeOracle.types";
export { WagerPoolClient, WagerPoolQueryClient } from "./contracts/WagerPool.client";
export { WagerPoolMsgComposer } from "./contracts/WagerPool.message-composer";
export * as WagerPoolTypes from "./contracts/WagerPool.types";
export { SchedulesClient, SchedulesQueryClient } from "./contracts/Schedules.client";
export { SchedulesMsgComposer } from "./contracts/Schedules.message-composer";
export * as SchedulesTypes from "./contracts/Schedules.types";
export { VouchersClient, VouchersQueryClient } from "./contracts/Vouchers.client";
export { VouchersMsgComposer } from "./contracts/Vouchers.message-composer";
export * as VouchersTypes from "./contracts/Vouchers.types";
export { LockupsClient, LockupsQueryClient } from "./contracts/Lockups.client";
export { LockupsMsgComposer } from "./contracts/Lockups.message-composer";
export * as LockupsTypes from "./contracts/Lockups.types";
export { AllocationFundClient, AllocationFundQueryClient } from "./contracts/AllocationFund.client";
export { AllocationFundMsgComposer } from "./contracts/AllocationFund.message-composer";
export * as AllocationFundTypes from "./contracts/AllocationFund.types";
export { RandomnessClient, RandomnessQueryClient } from "./contracts/Randomness.client";
export { RandomnessMsgComposer } from "./contracts/Randomness.message-composer";
export * as RandomnessTypes from "./contracts/Randomness.types";
export { AccountFactoryClient, AccountFactoryQueryClient } from "./contracts/AccountFactory.client";
export { AccountFactoryMsgComposer } from "./contracts/AccountFactory.message-composer";
export * as AccountFactoryTypes from "./contracts/AccountFactory.types";
export { FanAccountClient, FanAccountQueryClient } from "./contracts/FanAccount.client";
export { FanAccountMsgComposer } from "./contracts/FanAccount.message-composer";
export * as FanAccountTypes from "./contracts/FanAccount.types";
export { Cw3FlexMultisigClient, Cw3FlexMultisigQueryClient } from "./contracts/Cw3FlexMultisig.client";
export { Cw3FlexMultisigMsgComposer } from "./contracts/Cw3FlexMultisig.message-composer";
export * as Cw3FlexMultisigTypes from "./contracts/Cw3FlexMultisig.types";
export { Cw4GroupClient, Cw4GroupQueryClient } from "./contracts/Cw4Group.client";
export { Cw4GroupMsgComposer } from "./contracts/Cw4Group.message-composer";
export * as Cw4GroupTypes from "./contracts/Cw4Group.types";
export type { TicketReceiveMsg } from "./contracts/TicketNft.hooks";
export type { CrowdfundReceiveMsg } from "./contracts/Crowdfund.hooks";
export type { TippingReceiveMsg } from "./contracts/Tipping.hooks";
export type { OracleReceiveMsg } from "./contracts/OutcomeOracle.hooks";
export type { WagerReceiveMsg } from "./contracts/WagerPool.hooks";
export type { VoucherReceiveMsg } from "./contracts/Vouchers.hooks";
export type { LockupReceiveMsg } from "./contracts/Lockups.hooks";
export type { FundReceiveMsg } from "./contracts/AllocationFund.hooks";
export type { RandomnessReceiveMsg } from "./contracts/Randomness.hooks";
export { accountExecuteMsg, recoveryEvidence, viaAccount, type AccountCall } from "./accounts";
export { buildMerkleTree, merkleLeaf, merkleNode, verifyMerkleProof } from "./merkle";
export type { MerkleProofStep, MerkleTree } from "./merkle";
export { drawCommitment, drawDistinctPicks, drawMix, drawPick, drawSeat, drawSeed } from "./randomness";

import { makeSignDoc, type OfflineAminoSigner } from "@cosmjs/amino";
import type { ExecuteResult, SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { calculateFee, type GasPrice, type StdFee } from "@cosmjs/stargate";
import type { ISigningCosmWasmClient } from "./contracts/baseClient";
import type { CrowdfundReceiveMsg } from "./contracts/Crowdfund.hooks";
import type { OracleReceiveMsg } from "./contracts/OutcomeOracle.hooks";
import type { TicketReceiveMsg } from "./contracts/TicketNft.hooks";
import type { TippingReceiveMsg } from "./contracts/Tipping.hooks";
import type { WagerReceiveMsg } from "./contracts/WagerPool.hooks";
import type { VoucherReceiveMsg } from "./contracts/Vouchers.hooks";
import type { LockupReceiveMsg } from "./contracts/Lockups.hooks";
import type { FundReceiveMsg } from "./contracts/AllocationFund.hooks";
import type { RandomnessReceiveMsg } from "./contracts/Randomness.hooks";

/** Any message a TicketChain contract accepts inside a CTC `Send`. */
export type CtcHook =
  | TicketReceiveMsg
  | CrowdfundReceiveMsg
  | TippingReceiveMsg
  | OracleReceiveMsg
  | WagerReceiveMsg
  | VoucherReceiveMsg
  | LockupReceiveMsg
  | FundReceiveMsg
  | RandomnessReceiveMsg;

/**
 * The arguments of `CtcTokenClient.send` that pay `amount` micro-CTC into `contract` with `hook`:
 * cw20 carries the hook as base64 JSON.
 */
export function ctcSend(
  contract: string,
  amount: bigint | string,
  hook: CtcHook,
): { contract: string; amount: string; msg: string } {
  // btoa rather than Buffer, so the same code runs in browsers and in Node.
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(hook))) {
    binary += String.fromCharCode(byte);
  }
  return { contract, amount: amount.toString(), msg: btoa(binary) };
}

/**
 * A CosmJS signing client as the generated clients expect it: `new TicketNftClient(fromCosmJS(c),
 * sender, address)`. Calls made without a fee use "auto" (CosmJS simulates, then signs). A numeric
 * fee keeps CosmJS's meaning, a multiplier of the simulated gas (ts-codegen's own base client reads
 * it as a gas amount).
 */
export function fromCosmJS(client: SigningCosmWasmClient): ISigningCosmWasmClient {
  return {
    queryContractSmart: (address, query) => client.queryContractSmart(address, query),
    execute: (sender, address, msg, fee, memo, funds) =>
      client.execute(sender, address, msg, fee ?? "auto", memo, funds),
  };
}

type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * A generated client with the answer its execute methods give through `fromCosmJS`: ts-codegen types
 * it `Promise<any>` (only execute methods answer `any`; every query has its response type).
 */
export type CosmJSClient<C> = {
  [K in keyof C]: C[K] extends (...args: infer A) => Promise<infer R>
    ? IsAny<R> extends true
      ? (...args: A) => Promise<ExecuteResult>
      : C[K]
    : C[K];
};

/**
 * `new Client(fromCosmJS(client), sender, contractAddress)`, typed as what it is on CosmJS: e.g.
 * `cosmJSClient(TicketNftClient, client, sender, address).settle({ eventId })` answers an `ExecuteResult`.
 */
export function cosmJSClient<C>(
  Client: new (client: ISigningCosmWasmClient, sender: string, contractAddress: string) => C,
  client: SigningCosmWasmClient,
  sender: string,
  contractAddress: string,
): CosmJSClient<C> {
  // The one assertion: fromCosmJS's execute is CosmJS's, which answers an ExecuteResult.
  return new Client(fromCosmJS(client), sender, contractAddress) as CosmJSClient<C>;
}

/**
 * CosmJS simulates with an empty fee, so its estimate leaves out the fee's own deduction (about
 * 19,600 gas on wasmd 0.60; more through a fee grant). A multiplier alone does not cover it on a
 * cheap transaction, so a fee adds this much gas on top.
 */
export const FEE_DEDUCTION_GAS = 30_000;

/**
 * The fee of `messages` signed by `signer`, paid by `granter` through a Cosmos fee grant
 * (x/feegrant): a fan who holds CTC but no native coin passes it as the `fee` of any generated
 * client method. The platform's sponsor grants the allowance (deploy.sh, TICKETCHAIN_FEE_GRANTEES).
 */
export async function sponsoredFee(
  client: SigningCosmWasmClient,
  signer: string,
  messages: readonly EncodeObject[],
  granter: string,
  gasPrice: GasPrice,
  multiplier = 1.4,
): Promise<SponsoredFee> {
  const fee = await estimatedFee(client, signer, messages, gasPrice, multiplier);
  return { amount: [...fee.amount], gas: fee.gas, granter };
}

/** The simulated gas × `multiplier` + FEE_DEDUCTION_GAS, at `gasPrice`. */
export async function estimatedFee(
  client: SigningCosmWasmClient,
  signer: string,
  messages: readonly EncodeObject[],
  gasPrice: GasPrice,
  multiplier = 1.4,
  memo = "",
): Promise<StdFee> {
  const simulated = await client.simulate(signer, messages, memo);
  return calculateFee(Math.round(simulated * multiplier) + FEE_DEDUCTION_GAS, gasPrice);
}

/** A fee both CosmJS and the generated clients accept, paid by `granter`. */
export interface SponsoredFee {
  amount: { denom: string; amount: string }[];
  gas: string;
  granter: string;
}

/** How long a door code stays valid: the contracts refuse a proof valid for longer. */
export const MAX_PROOF_LIFETIME_SECONDS = 300;

/** A holder's signed proof, as ticket-nft's `check_in` and vouchers' `redeem` take it (`HolderProof`). */
export interface HolderProof {
  pubkey: string;
  signature: string;
  expires_at: string;
}

/**
 * The text a holder signs to be admitted with `tokenId`: the contract rebuilds it from the block's
 * chain id, its own address and the proof's expiry, so a code works for one ticket at one door.
 */
export function checkInText(chainId: string, contract: string, tokenId: string, expiresAtSeconds: number): string {
  return `TicketChain check-in\nchain: ${chainId}\ncontract: ${contract}\nticket: ${tokenId}\nexpires: ${expiresAtSeconds}`;
}

/**
 * The text a holder signs to let a merchant's scanner redeem `units` of voucher `tokenId`, which
 * holds `held` units now (`ctc_interfaces::proof::redeem_text`): every redemption lowers what the
 * voucher holds, so a code redeems once.
 */
export function redeemText(
  chainId: string,
  contract: string,
  tokenId: string,
  units: number,
  held: number,
  expiresAtSeconds: number,
): string {
  return (
    `TicketChain voucher redeem\nchain: ${chainId}\ncontract: ${contract}\nvoucher: ${tokenId}\n` +
    `units: ${units}\nheld: ${held}\nexpires: ${expiresAtSeconds}`
  );
}

/**
 * Signs `text` as `holder` with ADR-036 arbitrary data (what Keplr's `signArbitrary` signs; any
 * amino signer here) and packs it as a `HolderProof`: the QR code a fan shows at the door.
 */
export async function signHolderProof(
  signer: OfflineAminoSigner,
  holder: string,
  text: string,
  expiresAtSeconds: number,
): Promise<HolderProof> {
  const message = { type: "sign/MsgSignData", value: { signer: holder, data: toBase64(toUtf8(text)) } };
  const document = makeSignDoc([message], { amount: [], gas: "0" }, "", "", 0, 0);
  const { signature } = await signer.signAmino(holder, document);
  return {
    // amino types a public key's value `any`; a secp256k1 key's (every wallet's) is its base64.
    pubkey: signature.pub_key.value as string,
    signature: signature.signature,
    expires_at: (BigInt(expiresAtSeconds) * 1_000_000_000n).toString(),
  };
}
