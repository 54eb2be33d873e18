// A real chain behind the page: the local wasmd node of scripts/localnet.sh (through the /rpc proxy
// scripts/web.sh serves, its test mnemonic signing for the season's cast), or a testnet preset with
// Keplr signing for the visitor. Both need the deployment record deploy.sh wrote.
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { GasPrice } from "@cosmjs/stargate";
import { platformAddresses, type Deployment } from "../../../deploy/src/deployment-record";
import { connectNetwork } from "../../../deploy/src/network-chain";
import { NETWORKS, type Network } from "../../../deploy/src/networks";
import { NodeChain } from "../../../deploy/src/node-chain";
import type { Started } from "./embedded-session";
import { keplrHolderSigner, type KeplrLike } from "./keplr";
import { announceTxSteps, CAST, type Session, type TxSteps } from "./session";

declare global {
  interface Window {
    keplr?: KeplrLike;
  }
}

async function deploymentOf(network: Network): Promise<Deployment> {
  const response = await fetch(`deployments/${network.chainId}.json`);
  if (!response.ok) {
    throw new Error(
      `no TicketChain deployment on ${network.chainId} is served here: run ./scripts/deploy.sh ${network.name}, ` +
        `then ./scripts/web.sh ${network.name}`,
    );
  }
  return (await response.json()) as Deployment;
}

export async function startRpc(name: string, progress: (line: string) => void): Promise<Started> {
  const preset = NETWORKS[name];
  if (!preset?.rpc) throw new Error(`"${name}" is not a network preset (deploy/src/networks.ts)`);
  const deployment = await deploymentOf(preset);
  progress(`deployment of ${preset.chainId} read: ${Object.keys(deployment.contracts).length} contracts`);
  const operator = deployment.committee?.multisig ?? deployment.deployer;
  if (preset.localnet) {
    // The node's RPC sends no CORS headers: the page reaches it through its own origin.
    const network = { ...preset, rpc: new URL("rpc", window.location.href).href };
    const chain = new NodeChain(network, await connectNetwork(network, {}));
    await chain.client.getContract(platformAddresses(deployment).tickets).catch(() => {
      throw new Error(
        `the running ${network.chainId} has no ticket-nft at the recorded address (the chain was reset since): ` +
          `TICKETCHAIN_WEB_REDEPLOY=1 ./scripts/web.sh ${network.name}`,
      );
    });
    const actors = CAST.map(([actor, role]) => ({ name: actor, role, address: chain.address(actor) }));
    progress(await chain.sponsorFees(actors.filter((a) => a.role === "fan").map((a) => a.address)));
    const txSteps: TxSteps = {};
    announceTxSteps(chain.client, txSteps);
    const session: Session = {
      kind: "rpc",
      chainId: network.chainId,
      networkName: `wasmd node (${preset.name}) through ${network.rpc}`,
      nativeDenom: network.feeDenom,
      client: chain.client,
      deployment,
      addresses: platformAddresses(deployment),
      actors,
      operator,
      holderSigner: (actor) => chain.holderSigner(actor.name),
      now: () => chain.now(),
      sent: [],
      txSteps,
    };
    return { session };
  }
  const keplr = window.keplr;
  if (!keplr)
    throw new Error(`${preset.name} signs with Keplr: install the Keplr extension, or open the page without ?network=`);
  await keplr.enable(preset.chainId);
  const signer = await keplr.getOfflineSignerAuto(preset.chainId);
  const [account] = await signer.getAccounts();
  const client = await SigningCosmWasmClient.connectWithSigner(preset.rpc, signer, {
    gasPrice: GasPrice.fromString(preset.gasPrice),
  });
  const txSteps: TxSteps = {};
  announceTxSteps(client, txSteps);
  const session: Session = {
    kind: "rpc",
    chainId: preset.chainId,
    networkName: `${preset.name} via ${preset.rpc}, signed in Keplr`,
    nativeDenom: preset.feeDenom,
    client,
    deployment,
    addresses: platformAddresses(deployment),
    actors: [{ name: "you (Keplr)", role: "fan", address: account.address }],
    operator,
    holderSigner: () => Promise.resolve(keplrHolderSigner(keplr, preset.chainId)),
    now: async () => Math.floor(Date.parse((await client.getBlock()).header.time) / 1000),
    sent: [],
    txSteps,
    signsByPrompt: true,
  };
  return { session };
}
