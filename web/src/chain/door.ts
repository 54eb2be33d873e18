// A holder's door code: the ticket and a proof the holder signs, valid for two minutes of chain time.
import { checkInText, signHolderProof } from "../../../clients/ts/src";
import { encodeDoorCode } from "../lib/door-code";
import type { Actor, Session } from "./session";

/**
 * How long a code is valid: two minutes where the page re-signs every minute; four where each
 * signature is the holder's click in the wallet. The contracts refuse more than five.
 */
const LIFETIME_SECONDS = { resigned: 120, onRequest: 240 };

export interface DoorCode {
  text: string;
  /** Chain time, in seconds, when it was signed and when it expires. */
  signedAt: number;
  expires: number;
}

export async function signDoorCode(session: Session, holder: Actor, tokenId: string): Promise<DoorCode> {
  const signedAt = await session.now();
  const expires = signedAt + (session.signsByPrompt ? LIFETIME_SECONDS.onRequest : LIFETIME_SECONDS.resigned);
  const text = checkInText(session.chainId, session.addresses.tickets, tokenId, expires);
  const proof = await signHolderProof(await session.holderSigner(holder), holder.address, text, expires);
  return { text: encodeDoorCode({ tokenId, proof }), signedAt, expires };
}
