// The page's pure helpers: a refusal in words from each wrapping it arrives in, the door code's
// text, amounts as people write them, and the Keplr adapter's door-code signature.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Secp256k1Wallet, serializeSignDoc, type StdSignDoc } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import { checkInText, signHolderProof } from "../../clients/ts/src";
import { keplrHolderSigner, type KeplrLike } from "../src/chain/keplr";
import { parseCtc } from "../src/lib/amounts";
import { decodeDoorCode, encodeDoorCode } from "../src/lib/door-code";
import { explainRefusal } from "../src/lib/refusals";

test("a refusal is the contract's own words, whichever chain wrapped it", () => {
  // The embedded chain rejects with the contract's text.
  assert.equal(
    explainRefusal(new Error("the ticket was already checked in")).words,
    "the ticket was already checked in",
  );
  // wasmd through CosmJS's simulation ("auto" fee), as deploy/test-chain runs see it.
  const simulated =
    "Query failed with (6): rpc error: code = Unknown desc = failed to execute message; message index: 0: " +
    "price 120000000 is above the resale cap of 88000000: execute wasm contract failed " +
    "[CosmWasm/wasmd@v0.60.8/x/wasm/keeper/keeper.go:436] With gas wanted: '300000000' and gas used: '151327' : unknown request";
  assert.equal(explainRefusal(new Error(simulated)).words, "price 120000000 is above the resale cap of 88000000");
  // A refusal inside a sub-message the contract dispatched.
  const nested =
    "Broadcasting transaction failed with code 5 (codespace: wasm). Log: failed to execute message; message index: 1: " +
    "dispatch: submessages: reply: the pool is closed to bets: execute wasm contract failed";
  assert.equal(explainRefusal(new Error(nested)).words, "the pool is closed to bets");
  const raw = explainRefusal(new Error(simulated)).raw;
  assert.equal(raw, simulated, "the raw answer is kept for the details");
});

test("a wallet's or a network's failure gets words of its own", () => {
  assert.equal(explainRefusal(new Error("Request rejected")).words, "you declined to sign in the wallet");
  assert.equal(explainRefusal(new TypeError("Failed to fetch")).words, "the node did not answer; is it running?");
  assert.match(explainRefusal(new Error("insufficient fees; got: 0ustake")).words, /no coin for fees/);
});

test("a door code carries the ticket and the holder's proof, and a damaged one is named", () => {
  const proof = { pubkey: "A0b1", signature: "c2Vl", expires_at: "1883523100000000000" };
  const text = encodeDoorCode({ tokenId: "6-1", proof });
  assert.equal(text, "TCK1|6-1|1883523100|A0b1|c2Vl");
  assert.deepEqual(decodeDoorCode(text), { tokenId: "6-1", proof });
  assert.deepEqual(decodeDoorCode("hello"), {
    error: "this is not a TicketChain door code (it should start with TCK1)",
  });
  assert.deepEqual(decodeDoorCode("TCK1|6-1|soon|A0b1|c2Vl"), { error: "the door code is damaged: scan it again" });
});

test("amounts are read as people write them, to the micro-CTC", () => {
  assert.equal(parseCtc("12.5"), 12_500_000n);
  assert.equal(parseCtc(" 88 "), 88_000_000n);
  assert.equal(parseCtc("0.000001"), 1n);
  for (const bad of ["", "1.0000001", "-3", "1e3", "12,5"]) assert.equal(parseCtc(bad), undefined, bad);
});

test("Keplr's signArbitrary signs the door code the contract checks, byte for byte", async () => {
  const key = sha256(toUtf8("ticketchain web keplr test"));
  const wallet = await Secp256k1Wallet.fromKey(key, "wasm");
  const [{ address }] = await wallet.getAccounts();
  // What Keplr does for signArbitrary (ADR-036): the data in a MsgSignData, zero fee, no chain id.
  const keplr: KeplrLike = {
    enable: () => Promise.resolve(),
    getOfflineSignerAuto: () => Promise.resolve(wallet),
    getOfflineSignerOnlyAmino: () => wallet,
    async signArbitrary(_chainId, signer, data) {
      const bytes = typeof data === "string" ? toUtf8(data) : data;
      const document: StdSignDoc = {
        chain_id: "",
        account_number: "0",
        sequence: "0",
        fee: { gas: "0", amount: [] },
        msgs: [{ type: "sign/MsgSignData", value: { signer, data: toBase64(bytes) } }],
        memo: "",
      };
      assert.ok(serializeSignDoc(document).length > 0);
      return (await wallet.signAmino(signer, document)).signature;
    },
  };
  const text = checkInText("pion-1", "wasm1tickets", "6-1", 1_883_523_100);
  const viaKeplr = await signHolderProof(keplrHolderSigner(keplr, "pion-1"), address, text, 1_883_523_100);
  const direct = await signHolderProof(wallet, address, text, 1_883_523_100);
  assert.deepEqual(viaKeplr, direct);
  await assert.rejects(
    keplrHolderSigner(keplr, "pion-1").signAmino(address, {
      chain_id: "pion-1",
      account_number: "1",
      sequence: "0",
      fee: { gas: "200000", amount: [] },
      msgs: [{ type: "cosmos-sdk/MsgSend", value: {} }],
      memo: "",
    }),
    /signs door codes \(ADR-036 data\) only/,
  );
});
