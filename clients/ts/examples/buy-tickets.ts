// The README's frontend example, kept compiling by scripts/test.sh (tsc): a wallet buys two
// Stalls seats with one CTC Send, then lists the tickets it holds.
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { OfflineSigner } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";
import {
  cosmJSClient,
  ctcSend,
  CtcTokenClient,
  CtcTokenMsgComposer,
  fromCosmJS,
  sponsoredFee,
  TicketNftQueryClient,
} from "../src";

/** The part of deployments/<chain-id>.json a frontend reads. */
interface DeploymentRecord {
  contracts: Record<string, { address: string }>;
}

export async function buyTwoStalls(rpc: string, signer: OfflineSigner, deployment: DeploymentRecord) {
  const [{ address: buyer }] = await signer.getAccounts();
  const cosmjs = await SigningCosmWasmClient.connectWithSigner(rpc, signer, {
    gasPrice: GasPrice.fromString("0.0053untrn"),
  });
  const client = fromCosmJS(cosmjs);
  const { "ctc-token": token, "ticket-nft": tickets } = deployment.contracts;

  // Event 1, tier 0 at 100 CTC: the Send pays, ticket-nft checks the buyer and mints.
  const ctc = new CtcTokenClient(client, buyer, token.address);
  await ctc.send(ctcSend(tickets.address, 200_000_000n, { buy: { event_id: 1, tier: 0, quantity: 2 } }));

  const { tokens } = await new TicketNftQueryClient(client, tickets.address).tokens({ owner: buyer });
  return tokens;
}

/** The same purchase by a fan with no native coin: the platform's sponsor pays the fee (feegrant). */
export async function buyWithSponsor(
  rpc: string,
  signer: OfflineSigner,
  deployment: DeploymentRecord,
  sponsor: string,
) {
  const [{ address: buyer }] = await signer.getAccounts();
  const gasPrice = GasPrice.fromString("0.0053untrn");
  const cosmjs = await SigningCosmWasmClient.connectWithSigner(rpc, signer, { gasPrice });
  const { "ctc-token": token, "ticket-nft": tickets } = deployment.contracts;
  const purchase = ctcSend(tickets.address, 100_000_000n, { buy: { event_id: 1, tier: 0, quantity: 1 } });
  const message = new CtcTokenMsgComposer(buyer, token.address).send(purchase);
  const fee = await sponsoredFee(cosmjs, buyer, [message], sponsor, gasPrice);
  return cosmJSClient(CtcTokenClient, cosmjs, buyer, token.address).send(purchase, fee);
}
