// Four validators on loopback; one is stopped part-way through the season (three of four keep
// consensus) and restarted. Once it has caught up, all four must answer the same state at the same
// height, and every transaction the client saw accepted must be in the same block on each.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { DEFAULT_PATHS, deployToNetwork } from "../src/main";
import { nodeQueries, type NetworkChain } from "../src/network-chain";
import { NodeChain, smartQueryAt } from "../src/node-chain";
import { resolveNetwork } from "../src/networks";
import { ConsoleReport } from "../src/report";
import { PlatformScenario } from "../src/scenario";
import { sleep } from "../src/values";
import { TestLocalnet } from "./localnet-process";

const VALIDATORS = 4;
const STOPPED = 3;
// Below Linux's ephemeral range (32768-60999), where outgoing connections could take the ports.
const localnet = new TestLocalnet(VALIDATORS, 28_656);
const report = new ConsoleReport(process.env.TICKETCHAIN_VERBOSE ? console.log : () => {});

before(() => localnet.start());
after(() => localnet.stop());

test("the season survives a stopped validator and all four agree afterwards", async () => {
  const env = localnet.deployEnv();
  const paths = {
    artifacts: DEFAULT_PATHS.artifacts,
    deployments: mkdtempSync(join(tmpdir(), "ticketchain-deployments-")),
  };
  const platform = await deployToNetwork("wasmd-local", env, report, paths);
  const { chain, deployment, roles } = platform;
  const network = resolveNetwork("wasmd-local", env);
  const heights: Record<string, number> = {};
  const restarted = { at: 0, caughtUpAt: 0 };
  const stoppedNode = await CosmWasmClient.connect(localnet.rpc(STOPPED));
  // Once restarted, how long until the validator has the blocks it missed.
  const watch = setInterval(() => {
    if (!restarted.at || restarted.caughtUpAt) return;
    stoppedNode.getHeight().then(
      (height) => {
        if (height >= heights.restarted) restarted.caughtUpAt = Date.now();
      },
      () => {},
    );
  }, 200);
  // Stopped after the fans are funded, restarted after the resale: through purchases, a gift and
  // two crowdfunds, blocks are made by three validators.
  let results;
  try {
    results = await new PlatformScenario(new NodeChain(network, chain), deployment, roles, report).run(
      async (index) => {
        if (index === 2) {
          localnet.stopNode(STOPPED);
          heights.stopped = await chain.client.getHeight();
        }
        if (index === 9) {
          heights.restarted = await chain.client.getHeight();
          localnet.startNode(STOPPED);
          restarted.at = Date.now();
        }
      },
    );
  } finally {
    clearInterval(watch);
  }
  assert.deepEqual(
    results.filter((step) => step.failure).map((step) => step.failure),
    [],
  );
  assert.ok(
    heights.restarted - heights.stopped > 20,
    `three validators made ${heights.restarted - heights.stopped} blocks`,
  );

  const clients = await Promise.all(
    Array.from({ length: VALIDATORS }, (_, node) => CosmWasmClient.connect(localnet.rpc(node))),
  );
  const target = await clients[0].getHeight();
  const caughtUpFrom = Date.now();
  for (let height = await clients[STOPPED].getHeight(); height < target; height = await clients[STOPPED].getHeight()) {
    if (!restarted.caughtUpAt && height >= heights.restarted) restarted.caughtUpAt = Date.now();
    assert.ok(Date.now() - caughtUpFrom < 120_000, "the restarted validator catches up within two minutes");
    await sleep(250);
  }
  if (!restarted.caughtUpAt) restarted.caughtUpAt = Date.now();
  stoppedNode.disconnect();
  console.log(
    `validator ${STOPPED} was down for ${heights.restarted - heights.stopped} blocks ` +
      `(${heights.stopped}→${heights.restarted}), had them ${((restarted.caughtUpAt - restarted.at) / 1000).toFixed(1)} s ` +
      `after its restart, and reached ${target} with the others`,
  );

  // The same questions to every node, at one height.
  const height = target;
  const contracts = Object.fromEntries(
    Object.entries(deployment.contracts).map(([name, record]) => [name, record.address]),
  );
  const fans = [0, 1, 2, 3].map((i) => chain.actors.get(`fan-${i}`)!);
  const nodes: NetworkChain[] = await Promise.all(
    Array.from({ length: VALIDATORS }, async (_, node) => {
      const comet = await connectComet(localnet.rpc(node));
      return { ...chain, comet, queries: nodeQueries(comet) };
    }),
  );
  const stateOf = async (node: NetworkChain) => {
    const ask = (contract: string, query: object) => smartQueryAt(node, contract, query, height);
    const { tokens } = (await ask(contracts["ticket-nft"], { all_tokens: { limit: 50 } })) as { tokens: string[] };
    return {
      tokenomics: await ask(contracts["ctc-token"], { tokenomics: {} }),
      balances: await Promise.all(
        [...fans, ...Object.values(contracts), roles.treasury].map((address) =>
          ask(contracts["ctc-token"], { balance: { address } }),
        ),
      ),
      owners: await Promise.all(tokens.map((token_id) => ask(contracts["ticket-nft"], { owner_of: { token_id } }))),
      event: await ask(contracts["ticket-nft"], { event: { event_id: 1 } }),
      pool: await ask(contracts["wager-pool"], { pool: { pool_id: 1 } }),
    };
  };
  const states = await Promise.all(nodes.map(stateOf));
  assert.ok(states[0].owners.length >= 5, "tickets exist to compare");
  for (let node = 1; node < VALIDATORS; node++) {
    assert.deepEqual(states[node], states[0], `validator ${node} answers as validator 0 at height ${height}`);
  }

  const accepted = chain.node.broadcasts.filter((record) => record.code === 0);
  for (const record of accepted) {
    for (const [node, client] of clients.entries()) {
      const found = await client.getTx(record.hash);
      assert.equal(
        found?.height,
        record.height,
        `validator ${node} has ${record.label ?? record.hash} in block ${record.height}`,
      );
    }
  }
  console.log(`${accepted.length} accepted transactions found in the same block on all ${VALIDATORS} validators`);
  for (const client of clients) client.disconnect();
  for (const node of nodes) node.comet.disconnect();
});
