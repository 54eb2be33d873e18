// deployments/<chain-id>.json: what is deployed where, so a re-run skips unchanged contracts and
// migrates changed ones.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Deployment } from "./deployment-record";

export * from "./deployment-record";

export function deploymentPath(dir: string, chainId: string): string {
  return join(dir, `${chainId}.json`);
}

/** The recorded deployment on `chainId`, or undefined when there is none. */
export function readDeployment(path: string): Deployment | undefined {
  if (!existsSync(path)) return undefined;
  const deployment = JSON.parse(readFileSync(path, "utf8")) as Deployment;
  deployment.codes ??= {};
  return deployment;
}

export function writeDeployment(path: string, deployment: Deployment): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(deployment, null, 2) + "\n");
}
