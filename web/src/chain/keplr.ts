// Keplr as the platform's wallet on a testnet: it signs transactions, and its ADR-036
// `signArbitrary` signs the door code, behind the amino-signer interface signHolderProof takes.
import type { AminoSignResponse, OfflineAminoSigner, StdSignDoc, StdSignature } from "@cosmjs/amino";
import type { OfflineSigner } from "@cosmjs/proto-signing";
import { fromBase64 } from "@cosmjs/encoding";

/** The part of Keplr's injected `window.keplr` the app uses. */
export interface KeplrLike {
  enable(chainId: string): Promise<void>;
  getOfflineSignerAuto(chainId: string): Promise<OfflineSigner>;
  getOfflineSignerOnlyAmino(chainId: string): OfflineAminoSigner;
  signArbitrary(chainId: string, signer: string, data: string | Uint8Array): Promise<StdSignature>;
}

/**
 * An amino signer for door codes only: the document signHolderProof builds is the ADR-036 one Keplr
 * signs for `signArbitrary`, so the data is handed to Keplr and its signature returned as is.
 */
export function keplrHolderSigner(keplr: KeplrLike, chainId: string): OfflineAminoSigner {
  return {
    getAccounts: () => keplr.getOfflineSignerOnlyAmino(chainId).getAccounts(),
    async signAmino(signerAddress: string, signDoc: StdSignDoc): Promise<AminoSignResponse> {
      const [message] = signDoc.msgs;
      if (signDoc.msgs.length !== 1 || message.type !== "sign/MsgSignData") {
        throw new Error("this signer signs door codes (ADR-036 data) only");
      }
      const { data } = message.value as { data: string };
      const signature = await keplr.signArbitrary(chainId, signerAddress, fromBase64(data));
      return { signed: signDoc, signature };
    },
  };
}
