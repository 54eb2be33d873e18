// Fan accounts (issue 24): a contract the fan's key operates holds the tickets, vouchers and CTC,
// so that a lost key can be replaced without losing them. Every action a wallet would send itself
// is sent to the account instead, wrapped in the account's cw1 `execute { msgs }`; these helpers do
// the wrapping, so the generated clients work unchanged through an account.

import { sha256 } from "@cosmjs/crypto";
import { toBase64, toHex, toUtf8 } from "@cosmjs/encoding";
import type { ISigningCosmWasmClient } from "./contracts/baseClient";

export interface Coin {
  denom: string;
  amount: string;
}

/** One contract call the account makes in its own name. */
export interface AccountCall {
  contract: string;
  msg: object;
  funds?: readonly Coin[];
}

/** The cw1 `execute` message that has the account make `calls`, in order, as itself. */
export function accountExecuteMsg(calls: readonly AccountCall[]): {
  execute: { msgs: { wasm: { execute: { contract_addr: string; msg: string; funds: Coin[] } } }[] };
} {
  return {
    execute: {
      msgs: calls.map(({ contract, msg, funds }) => ({
        wasm: {
          execute: { contract_addr: contract, msg: toBase64(toUtf8(JSON.stringify(msg))), funds: [...(funds ?? [])] },
        },
      })),
    },
  };
}

/**
 * `client` with every execute sent through `account`: `new TicketNftClient(viaAccount(c, account),
 * operator, tickets).transferNft(...)` moves the account's ticket, signed by its operator (or a
 * delegate, for what its grant allows). Native funds attached to a call go with the inner message,
 * so the signer must first have sent them to the account. Queries are unchanged.
 */
export function viaAccount(client: ISigningCosmWasmClient, account: string): ISigningCosmWasmClient {
  return {
    queryContractSmart: (address, query) => client.queryContractSmart(address, query),
    execute: (sender, contract, msg, fee, memo, funds) =>
      client.execute(
        sender,
        account,
        accountExecuteMsg([{ contract, msg: msg as object, funds: funds ?? [] }]),
        fee,
        memo,
      ),
  };
}

/**
 * The `evidence` of a recovery proposal: the hex sha256 of the request's material (the fan's
 * application, the identity check's record), each part hashed first so the order and boundaries
 * of the parts are fixed. The material stays with the partner; the account keeps this digest.
 */
export function recoveryEvidence(material: readonly Uint8Array[]): string {
  const digests = material.map((part) => sha256(part));
  const joined = new Uint8Array(digests.length * 32);
  digests.forEach((digest, index) => joined.set(digest, index * 32));
  return toHex(sha256(joined));
}
