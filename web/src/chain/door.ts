// A holder's door code: the ticket and a proof the holder signs, valid for two minutes of chain time.
import { checkInText, signHolderProof } from "../../../clients/ts/src";
import { encodeDoorCode } from "../lib/door-code";
import type { Actor, Session } from "./session";

/** A code is valid this long; the contracts refuse more than five minutes. */
export const CODE_LIFETIME_SECONDS = 120;

export async function signDoorCode(
  session: Session,
  holder: Actor,
  tokenId: string,
): Promise<{ text: string; expires: number }> {
  const expires = (await session.now()) + CODE_LIFETIME_SECONDS;
  const text = checkInText(session.chainId, session.addresses.tickets, tokenId, expires);
  const proof = await signHolderProof(await session.holderSigner(holder), holder.address, text, expires);
  return { text: encodeDoorCode({ tokenId, proof }), expires };
}
