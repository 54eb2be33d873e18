import type { Started } from "./embedded-session";

export function startRpc(network: string, progress: (line: string) => void): Promise<Started> {
  progress(network);
  return Promise.reject(new Error(`network ${network} is not supported yet`));
}
