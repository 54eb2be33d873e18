// The text a holder's QR code carries: a ticket id and the holder's signed proof (HolderProof),
// short enough for a version 8–10 code at level M.
import type { HolderProof } from "../../../clients/ts/src";

const TICKET_PREFIX = "TCK1";

export interface DoorCode {
  tokenId: string;
  proof: HolderProof;
}

export function encodeDoorCode({ tokenId, proof }: DoorCode): string {
  const expiresAt = (BigInt(proof.expires_at) / 1_000_000_000n).toString();
  return [TICKET_PREFIX, tokenId, expiresAt, proof.pubkey, proof.signature].join("|");
}

/** The code read off a screen or pasted, or a reason it is not one. */
export function decodeDoorCode(text: string): DoorCode | { error: string } {
  const fields = text.trim().split("|");
  if (fields[0] !== TICKET_PREFIX || fields.length !== 5) {
    return { error: "this is not a TicketChain door code (it should start with TCK1)" };
  }
  const [, tokenId, expiresAt, pubkey, signature] = fields;
  if (!/^\d+$/.test(expiresAt) || !tokenId || !pubkey || !signature) {
    return { error: "the door code is damaged: scan it again" };
  }
  return {
    tokenId,
    proof: { pubkey, signature, expires_at: (BigInt(expiresAt) * 1_000_000_000n).toString() },
  };
}
