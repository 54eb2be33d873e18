import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  AccountFactoryClient,
  ctcSend,
  CtcTokenClient,
  fromCosmJS,
  TicketNftClient,
  TippingClient,
} from "../../clients/ts/src";
import { loadArtifacts, type Artifact } from "../src/artifacts";
import { deployPlatform, type DeployReport } from "../src/deploy";
import { bytewiseCompare, installBytewiseKeyOrder } from "../src/local-chain";
import { nodeSimulatorInternals } from "../src/simulator-internals";
import { DEFAULT_PATHS, deployLocal } from "../src/main";
import { loadCommitteeArtifacts } from "../src/artifacts";
import { carryProposal, checkedCommittee, committeeFromEnv, wasmMigrate } from "../src/committee";
import { rolesFrom } from "../src/platform-config";
import { ConsoleReport } from "../src/report";
import { PlatformScenario } from "../src/scenario";

const quiet = () => new ConsoleReport(() => {});
const scratchPaths = () => ({
  artifacts: DEFAULT_PATHS.artifacts,
  deployments: mkdtempSync(join(tmpdir(), "ticketchain-deployments-")),
});

test("storage keys order bytewise, a key before its extensions", () => {
  assert.equal(bytewiseCompare(Uint8Array.of(1), Uint8Array.of(1, 0)), -1);
  assert.equal(bytewiseCompare(Uint8Array.of(1, 0), Uint8Array.of(1)), 1);
  assert.equal(bytewiseCompare(Uint8Array.of(2), Uint8Array.of(1, 255)), 1);
  assert.equal(bytewiseCompare(Uint8Array.of(3, 4), Uint8Array.of(3, 4)), 0);
  assert.doesNotThrow(() => installBytewiseKeyOrder(nodeSimulatorInternals()));
});

test("the platform scenario passes through the generated client on the embedded chain", async () => {
  const report = quiet();
  const { chain, deployment, roles } = await deployLocal(report, scratchPaths());
  const results = await new PlatformScenario(chain, deployment, roles, report).run();
  assert.deepEqual(
    results.filter((step) => step.failure).map((step) => step.failure),
    [],
  );
  assert.equal(results.length, 28);
  for (const step of results) assert.ok(step.checks.length > 0, `"${step.title}" checks something`);
  const transactions = results.flatMap((step) => step.transactions);
  assert.ok(
    transactions.every((tx) => tx.gasUsed > 0n),
    "every transaction reports its gas",
  );

  // Chinese text reaches a contract whole: the simulator sized a string's region in UTF-16 units
  // and failed with "offset is out of bounds" before its regions were sized in UTF-8 bytes.
  const theater = chain.address("grand-theater");
  const tickets = new TicketNftClient(fromCosmJS(chain.client), theater, deployment.contracts["ticket-nft"]!.address);
  const now = await chain.now();
  const at = (seconds: number) => (BigInt(seconds) * 1_000_000_000n).toString();
  const title = "梁山伯与祝英台 · The Butterfly Lovers";
  await tickets.createEvent({
    event: {
      title,
      venue: "大剧院",
      starts_at: at(now + 7_200),
      ends_at: at(now + 10_800),
      sale_starts_at: at(now),
      sale_ends_at: at(now + 7_200),
      tiers: [{ name: "池座", price: "1000000", supply: 10, seats: [] }],
      transfer_policy: { free: { max_transfers: 1 } },
      lock_before_start_seconds: 0,
      check_in_opens_before_seconds: 3_600,
      resale_cap_bps: 11_000,
      royalty: 0,
    },
  });
  const { events } = await tickets.events({ limit: 30 });
  const created = events.find((event) => event.title === title);
  assert.equal(created?.venue, "大剧院");
  assert.equal(created?.tiers[0].name, "池座");
});

test("a step that does not behave as expected fails the scenario at that step", async () => {
  const report = quiet();
  const { chain, deployment, roles } = await deployLocal(report, scratchPaths());
  // A 3% tipping fee instead of 2%: the tip step's balance checks must catch it.
  const tipping = new TippingClient(fromCosmJS(chain.client), roles.owner, deployment.contracts.tipping!.address);
  await tipping.updateConfig({ fee: 300 });
  const results = await new PlatformScenario(chain, deployment, roles, report).run();
  const failed = results.find((step) => step.failure);
  assert.match(failed?.title ?? "", /tip the troupe/);
  assert.match(failed?.failure ?? "", /spring-troupe \+19\.6 CTC: moved 19\.4 CTC/);
  assert.equal(results.at(-1), failed, "nothing runs after the failed step");
});

/** The same module with a custom section appended: new code (and checksum), same behaviour. */
function rebuilt(artifact: Artifact): Artifact {
  const name = new TextEncoder().encode("ticketchain-test");
  const section = [0, name.length + 1, name.length, ...name];
  const wasm = Uint8Array.from([...artifact.wasm, ...section]);
  return { ...artifact, wasm, checksum: createHash("sha256").update(wasm).digest("hex") };
}

async function deployedTwice() {
  const report = quiet();
  const paths = scratchPaths();
  // The single-key setup: the deployer keeps every role and migrates by itself.
  const platform = await deployLocal(report, paths, "single");
  const artifacts = loadArtifacts(paths.artifacts);
  const { chain, roles, deployment } = platform;
  const target = { client: chain.client, sender: roles.owner, fee: "auto" as const, nativeDenom: "ustake" };
  const rerun = async (withArtifacts = artifacts, withRoles = roles) => {
    const lines: DeployReport[] = [];
    await deployPlatform(
      target,
      withRoles,
      withArtifacts,
      deployment,
      () => {},
      (line) => lines.push(line),
    );
    return lines;
  };
  return { ...platform, artifacts, rerun };
}

test("re-running skips unchanged contracts and migrates the one whose code changed", async () => {
  const { chain, deployment, roles, artifacts, rerun } = await deployedTwice();
  const codesBefore = (await chain.client.getCodes()).length;
  const unchanged = await rerun();
  assert.deepEqual(
    unchanged.map((line) => line.action),
    Array(18).fill("unchanged"),
    "no upload, no wiring",
  );
  assert.equal((await chain.client.getCodes()).length, codesBefore);

  const before = deployment.contracts.tipping!;
  const upgraded = await rerun({ ...artifacts, tipping: rebuilt(artifacts.tipping) });
  assert.deepEqual(
    upgraded.filter((line) => line.action !== "unchanged").map((line) => [line.contract, line.action]),
    [["tipping", "migrated"]],
  );
  const after = deployment.contracts.tipping!;
  assert.equal(after.address, before.address, "migration keeps the address");
  assert.equal(after.codeId, codesBefore + 1);
  assert.deepEqual(after.previousCodeIds, [before.codeId]);
  assert.equal((await chain.client.getContract(after.address)).codeId, after.codeId);
  const tipping = new TippingClient(fromCosmJS(chain.client), roles.owner, after.address);
  assert.equal((await tipping.config()).fee, 200, "state survives the migration");
});

test("a new fan-account code is stored and the factory creates accounts from it; the factory is not redeployed", async () => {
  const { chain, deployment, roles, artifacts, rerun } = await deployedTwice();
  const factory = deployment.contracts["account-factory"]!;
  const before = deployment.storedCodes!["fan-account"]!;
  const lines = await rerun({ ...artifacts, "fan-account": rebuilt(artifacts["fan-account"]) });
  assert.deepEqual(
    lines.filter((line) => line.action !== "unchanged").map((line) => [line.contract, line.action]),
    [
      ["fan-account", "stored"],
      ["wiring", "granted"],
    ],
  );
  const after = deployment.storedCodes!["fan-account"]!;
  assert.notEqual(after.codeId, before.codeId);
  assert.equal(deployment.contracts["account-factory"]!.address, factory.address);
  const config = await new AccountFactoryClient(fromCosmJS(chain.client), roles.owner, factory.address).config();
  assert.equal(config.account_code_id, after.codeId);
  assert.deepEqual(
    (await rerun({ ...artifacts, "fan-account": rebuilt(artifacts["fan-account"]) })).map((line) => line.action),
    Array(18).fill("unchanged"),
    "a second run finds the factory up to date",
  );
});

test("a run that stopped after an upload reuses that code instead of uploading it again", async () => {
  const { chain, deployment, artifacts, rerun } = await deployedTwice();
  const tipping = deployment.contracts.tipping!;
  delete deployment.contracts.tipping;
  const codesBefore = (await chain.client.getCodes()).length;
  const lines = await rerun();
  assert.deepEqual(lines.find((line) => line.contract === "tipping")?.action, "instantiated");
  assert.equal((await chain.client.getCodes()).length, codesBefore, "no second upload");
  assert.equal(deployment.contracts.tipping!.codeId, deployment.codes[artifacts.tipping.checksum]);
  assert.notEqual(deployment.contracts.tipping!.address, tipping.address);
});

test("a recorded contract whose configuration would change is refused, not reported unchanged", async () => {
  const { deployment, roles, rerun } = await deployedTwice();
  const otherTreasury = { ...roles, treasury: roles.arbiter };
  await assert.rejects(
    rerun(undefined, otherTreasury),
    /randomness in deployments\/ticketchain-local\.json was instantiated with other treasury than this run would use/,
  );
  // A redeployed registry: its dependants still point at the old one.
  deployment.contracts["partner-registry"] = {
    ...deployment.contracts["partner-registry"]!,
    address: deployment.contracts.tipping!.address,
    codeId: deployment.contracts.tipping!.codeId,
  };
  await assert.rejects(rerun(), /service-providers-fund .* other registry/);
});

test("a record that does not match the chain is refused with what to do", async () => {
  const { chain, deployment, roles, artifacts, rerun } = await deployedTwice();
  const token = deployment.contracts["ctc-token"]!;
  deployment.contracts["ctc-token"] = { ...token, codeId: token.codeId + 1 };
  await assert.rejects(
    rerun(),
    new RegExp(
      `ctc-token at .* runs code ${token.codeId}, but deployments/ticketchain-local\\.json says ${token.codeId + 1}: ` +
        "it was migrated outside this tool",
    ),
  );
  deployment.contracts["ctc-token"] = token;

  // What a wasmd node answers for an unknown address, and what a flaky RPC does.
  const answering = (failure: Error) =>
    new Proxy(chain.client, {
      get: (client, key) =>
        key === "getContract" ? () => Promise.reject(failure) : (Reflect.get(client, key, client) as unknown),
    });
  const deployWith = (client: typeof chain.client) =>
    deployPlatform(
      { client, sender: roles.owner, fee: "auto", nativeDenom: "ustake" },
      roles,
      artifacts,
      deployment,
      () => {},
      () => {},
    );
  await assert.rejects(
    deployWith(answering(new Error("Query failed with (18): no such contract: wasm1x"))),
    /records partner-registry at wasm1.*, but the chain has no such contract .* remove the file to deploy afresh/,
  );
  await assert.rejects(deployWith(answering(new Error("socket hang up"))), /^Error: socket hang up$/);
});

test("a refused transaction leaves no state behind, also after the contract runs again", async () => {
  const report = quiet();
  const { chain, deployment, roles } = await deployLocal(report, scratchPaths());
  const fan = chain.address("probe-fan");
  const fund = deployment.contracts["community-rewards-fund"]!.address;
  const disburse = { recipient: fan, amount: "1000", purpose: "a probe", evidence_digest: "ab".repeat(32) };
  await chain.client.execute(roles.owner, fund, { disburse }, "auto");
  const asFan = new CtcTokenClient(fromCosmJS(chain.client), fan, deployment.contracts["ctc-token"]!.address);
  const tickets = deployment.contracts["ticket-nft"]!.address;
  // ticket-nft refuses the hook (no event 99) after CTC has moved the 500 into it.
  await assert.rejects(asFan.send(ctcSend(tickets, 500n, { buy: { event_id: 99, tier: 0, quantity: 1 } })));
  await asFan.transfer({ recipient: roles.treasury, amount: "1" });
  assert.equal((await asFan.balance({ address: fan })).balance, "999");
  assert.equal((await asFan.balance({ address: tickets })).balance, "0");
});

test("the single-key setup plays the same season, the platform acting by itself", async () => {
  const report = quiet();
  const { chain, deployment, roles, deployer } = await deployLocal(report, scratchPaths(), "single");
  assert.equal(deployment.committee, undefined);
  assert.equal(roles.owner, deployer);
  const results = await new PlatformScenario(chain, deployment, roles, report).run();
  assert.deepEqual(
    results.filter((step) => step.failure).map((step) => step.failure),
    [],
  );
  assert.equal(results.length, 28);
});

test("a governed platform: the committee holds every role, the deployer none", async () => {
  const { chain, deployment, roles, deployer } = await deployLocal(quiet(), scratchPaths());
  const committee = deployment.committee!;
  assert.equal(roles.owner, committee.multisig, "the season's platform is the committee");
  for (const [name, record] of Object.entries(deployment.contracts)) {
    assert.equal((await chain.client.getContract(record.address)).admin, committee.multisig, `${name}'s wasm admin`);
    const { owner, pending_owner } = (await chain.client.queryContractSmart(record.address, { ownership: {} })) as {
      owner: string;
      pending_owner: string | null;
    };
    assert.deepEqual([owner, pending_owner], [committee.multisig, null], `${name}'s owner`);
  }
  const group = (await chain.client.queryContractSmart(committee.group, { admin: {} })) as { admin: string };
  assert.equal(group.admin, committee.multisig, "only the committee changes its own members");
  const wager = (await chain.client.queryContractSmart(deployment.contracts["wager-pool"]!.address, {
    config: {},
  })) as { operator: string };
  assert.equal(wager.operator, committee.multisig);

  const tipping = deployment.contracts.tipping!.address;
  const asDeployer = new TippingClient(fromCosmJS(chain.client), deployer, tipping);
  await assert.rejects(asDeployer.updateConfig({ fee: 300 }), /owner/i);
  await assert.rejects(
    chain.client.migrate(deployer, tipping, deployment.contracts.tipping!.codeId, {}, "auto"),
    /unauthorized/,
  );
  // The committee itself has no wasm admin: a proposal to migrate its group fails as on wasmd.
  const member = () => true;
  await assert.rejects(
    carryProposal(chain.client, committee, member, "migrate the group", [wasmMigrate(committee.group, 1)], "auto"),
    /unauthorized/,
  );
  // A member alone cannot execute its own proposal.
  const [first] = committee.members;
  const proposed = await chain.client.execute(
    first.addr,
    committee.multisig,
    { propose: { title: "fee", description: "fee", msgs: [] } },
    "auto",
  );
  const proposalId = Number(proposed.events.flatMap((e) => e.attributes).find((a) => a.key === "proposal_id")!.value);
  await assert.rejects(
    chain.client.execute(first.addr, committee.multisig, { execute: { proposal_id: proposalId } }, "auto"),
    /Proposal must have passed/,
  );
  const outsider = chain.address("outsider");
  await assert.rejects(
    chain.client.execute(outsider, committee.multisig, { propose: { title: "x", description: "x", msgs: [] } }, "auto"),
    /Unauthorized/,
  );
});

test("a governed re-run migrates a changed contract by the committee's proposal", async () => {
  const report = quiet();
  const paths = scratchPaths();
  const { chain, deployment, deployer } = await deployLocal(report, paths);
  const artifacts = loadArtifacts(paths.artifacts);
  const roles = rolesFrom((role) => chain.address(role));
  const committee = deployment.committee!;
  const lines: DeployReport[] = [];
  const before = deployment.contracts.tipping!;
  await deployPlatform(
    {
      client: chain.client,
      sender: deployer,
      fee: "auto",
      nativeDenom: "ustake",
      committeeArtifacts: loadCommitteeArtifacts(paths.artifacts),
    },
    {
      ...roles,
      committee: { members: committee.members, threshold: committee.threshold, votingSeconds: committee.votingSeconds },
    },
    { ...artifacts, tipping: rebuilt(artifacts.tipping) },
    deployment,
    () => {},
    (line) => lines.push(line),
  );
  assert.deepEqual(
    lines.filter((line) => line.action !== "unchanged").map((line) => [line.contract, line.action]),
    [["tipping", "migrated"]],
  );
  const after = deployment.contracts.tipping!;
  assert.equal((await chain.client.getContract(after.address)).codeId, after.codeId);
  assert.deepEqual(after.previousCodeIds, [before.codeId]);

  // Members whose keys this tool does not hold: the migration waits as a proposal for them.
  const waiting: DeployReport[] = [];
  await deployPlatform(
    {
      client: chain.client,
      sender: deployer,
      fee: "auto",
      nativeDenom: "ustake",
      canSign: (address) => address === deployer,
      committeeArtifacts: loadCommitteeArtifacts(paths.artifacts),
    },
    {
      ...roles,
      committee: { members: committee.members, threshold: committee.threshold, votingSeconds: committee.votingSeconds },
    },
    { ...artifacts, tipping: rebuilt(rebuilt(artifacts.tipping)) },
    deployment,
    () => {},
    (line) => waiting.push(line),
  );
  assert.deepEqual(
    waiting.filter((line) => line.action === "proposed").map((line) => line.contract),
    ["tipping"],
  );
  assert.equal(deployment.contracts.tipping!.codeId, after.codeId, "not migrated until the members carry it");
  assert.match(JSON.stringify(deployment.pendingProposals), /migrate tipping to code/);

  // Another committee than the recorded one is refused, as is asking for none.
  await assert.rejects(
    deployPlatform(
      { client: chain.client, sender: deployer, fee: "auto", nativeDenom: "ustake" },
      { ...roles, committee: { members: committee.members, threshold: 3, votingSeconds: committee.votingSeconds } },
      artifacts,
      deployment,
      () => {},
      () => {},
    ),
    /records a committee .* with other members, threshold or voting period/,
  );
  await assert.rejects(
    deployPlatform(
      { client: chain.client, sender: deployer, fee: "auto", nativeDenom: "ustake" },
      roles,
      artifacts,
      deployment,
      () => {},
      () => {},
    ),
    /is governed by the committee at .*; this run asks for a single key/,
  );
});

test("a committee that could never act is refused before anything is deployed", () => {
  const members = [
    { addr: "wasm1a", weight: 1 },
    { addr: "wasm1b", weight: 2 },
  ];
  assert.throws(
    () => checkedCommittee({ members, threshold: 4, votingSeconds: 60 }),
    /threshold of 4 cannot be met: .* 3/,
  );
  assert.throws(() => checkedCommittee({ members, threshold: 0, votingSeconds: 60 }), /cannot be met/);
  assert.throws(
    () => checkedCommittee({ members: [...members, { addr: "wasm1a", weight: 1 }], threshold: 1, votingSeconds: 60 }),
    /lists wasm1a twice/,
  );
  assert.equal(committeeFromEnv({}), undefined);
  assert.deepEqual(committeeFromEnv({ TICKETCHAIN_COMMITTEE_MEMBERS: "wasm1a, wasm1b:2" }), {
    members,
    threshold: 2,
    votingSeconds: 604_800,
  });
  assert.throws(
    () => committeeFromEnv({ TICKETCHAIN_COMMITTEE_MEMBERS: "wasm1a:0" }),
    /weight that is not a positive whole number/,
  );
  assert.throws(
    () => committeeFromEnv({ TICKETCHAIN_COMMITTEE_MEMBERS: "wasm1a", TICKETCHAIN_COMMITTEE_THRESHOLD: "two" }),
    /TICKETCHAIN_COMMITTEE_THRESHOLD "two" is not a whole number/,
  );
});
