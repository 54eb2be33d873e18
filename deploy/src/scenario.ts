// The platform's season, played through the generated TypeScript client against a deployment on the
// embedded chain: partners admitted, identities attested, an event with tiers, a crowdfund that
// succeeds with ticket rewards and one that fails with refunds, purchases, a gift, a capped resale
// and a refused scalper listing, tips in CTC and in the native coin, a wager pool settled through
// the oracle, check-in, and settlement with burn. Every step checks what moved, to the unit.
import type { ExecuteResult } from "@cosmjs/cosmwasm-stargate";
import {
  ctcSend,
  CrowdfundClient,
  CtcTokenClient,
  fromCosmJS,
  OutcomeOracleClient,
  PartnerRegistryClient,
  TicketNftClient,
  TippingClient,
  WagerPoolClient,
  checkInText,
  signHolderProof,
  type CtcHook,
  type HolderProof,
  type TicketNftTypes,
} from "../../clients/ts/src";
import type { Deployment } from "./deployment";
import type { ScenarioChain } from "./scenario-chain";
import { CTC, type Roles } from "./platform-config";
import { ctc, type ConsoleReport, type StepResult } from "./report";
import { attribute, digest, timestamp } from "./values";

const DAY = 86_400;

class StepFailure extends Error {}

interface Clients {
  ctc: CtcTokenClient;
  registry: PartnerRegistryClient;
  tickets: TicketNftClient;
  crowdfund: CrowdfundClient;
  tipping: TippingClient;
  oracle: OutcomeOracleClient;
  wager: WagerPoolClient;
}

/** One step's transactions and checks; a failed check ends the scenario. */
class Step {
  constructor(
    private readonly report: ConsoleReport,
    readonly result: StepResult,
    private readonly chain: ScenarioChain,
  ) {}

  async tx(who: string, what: string, call: Promise<ExecuteResult>): Promise<ExecuteResult> {
    let response: ExecuteResult;
    try {
      response = await call;
    } catch (error) {
      throw new StepFailure(`${who}: ${what} was refused: ${(error as Error).message}`);
    }
    this.chain.label(response.transactionHash, `${who}: ${what}`);
    const transaction = { who, what, gasUsed: response.gasUsed };
    this.result.transactions.push(transaction);
    this.report.transaction(transaction);
    return response;
  }

  /** The call must fail with an error containing `expected`. */
  async refused(who: string, what: string, call: Promise<unknown>, expected: string): Promise<void> {
    const outcome = await call.then(
      () => undefined,
      (error: Error) => error.message,
    );
    this.check(
      outcome !== undefined && outcome.includes(expected),
      `${who}: ${what} is refused ("${expected}")`,
      outcome === undefined ? "it was accepted" : `it failed with: ${outcome}`,
    );
  }

  check(passed: boolean, text: string, detail = ""): void {
    this.result.checks.push(text);
    this.report.check(text, passed);
    if (!passed) throw new StepFailure(detail ? `${text}: ${detail}` : text);
  }

  equal<T>(actual: T, expected: T, text: string): void {
    const show = (value: T) =>
      JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
    this.check(show(actual) === show(expected), text, `expected ${show(expected)}, got ${show(actual)}`);
  }
}

export class PlatformScenario {
  readonly results: StepResult[] = [];
  private readonly names = new Map<string, string>();
  private readonly addresses: Record<string, string>;

  constructor(
    private readonly chain: ScenarioChain,
    private readonly deployment: Deployment,
    private readonly roles: Roles,
    private readonly report: ConsoleReport,
  ) {
    const contract = (name: keyof Deployment["contracts"]): string => {
      const record = deployment.contracts[name];
      if (!record) throw new Error(`the deployment has no ${name}`);
      return record.address;
    };
    this.addresses = {
      token: contract("ctc-token"),
      registry: contract("partner-registry"),
      tickets: contract("ticket-nft"),
      crowdfund: contract("crowdfund"),
      tipping: contract("tipping"),
      oracle: contract("outcome-oracle"),
      wager: contract("wager-pool"),
    };
    for (const [name, address] of Object.entries(this.addresses)) this.names.set(address, name);
    this.names.set(roles.owner, "platform");
    this.names.set(roles.treasury, "treasury");
    this.names.set(roles.nodeIncentive, "node incentive");
    this.names.set(roles.allocation.service_providers, "service-providers bucket");
    this.names.set(roles.sponsor, "sponsor");
  }

  /** A named local actor's address. */
  private actor(name: string): string {
    const address = this.chain.address(name);
    this.names.set(address, name);
    return address;
  }

  private as(address: string): Clients {
    const client = fromCosmJS(this.chain.client);
    const a = this.addresses;
    return {
      ctc: new CtcTokenClient(client, address, a.token),
      registry: new PartnerRegistryClient(client, address, a.registry),
      tickets: new TicketNftClient(client, address, a.tickets),
      crowdfund: new CrowdfundClient(client, address, a.crowdfund),
      tipping: new TippingClient(client, address, a.tipping),
      oracle: new OutcomeOracleClient(client, address, a.oracle),
      wager: new WagerPoolClient(client, address, a.wager),
    };
  }

  private name(address: string): string {
    return this.names.get(address) ?? address;
  }

  private async balance(address: string): Promise<bigint> {
    const { balance } = await this.as(address).ctc.balance({ address });
    return BigInt(balance);
  }

  private async balances(addresses: string[]): Promise<Map<string, bigint>> {
    const entries = await Promise.all(addresses.map(async (a) => [a, await this.balance(a)] as const));
    return new Map(entries);
  }

  /** Checks that each listed CTC balance moved by exactly its delta since `before`. */
  private async moved(step: Step, before: Map<string, bigint>, deltas: Array<[string, bigint]>): Promise<void> {
    for (const [address, delta] of deltas) {
      const now = await this.balance(address);
      const change = now - before.get(address)!;
      step.check(
        change === delta,
        `${this.name(address)} ${delta >= 0n ? "+" : ""}${ctc(delta)}`,
        `moved ${ctc(change)}`,
      );
    }
  }

  private send(who: string, contract: string, amount: bigint, hook: CtcHook) {
    return this.as(who).ctc.send(ctcSend(contract, amount, hook));
  }

  /**
   * Runs every step; stops at the first that does not behave as expected. `beforeStep` runs before
   * each (the fault test stops and restarts a validator there).
   */
  async run(beforeStep?: (index: number) => Promise<void> | void): Promise<StepResult[]> {
    const owner = this.roles.owner;
    const treasury = this.roles.treasury;
    const bucket = this.roles.allocation.service_providers;
    const theater = this.actor("grand-theater");
    const troupe = this.actor("spring-troupe");
    const idProvider = this.actor("civil-id");
    const door = this.actor("door-scanner");
    const reporters = [0, 1, 2].map((i) => this.actor(`reporter-${i}`));
    const fans = [0, 1, 2, 3].map((i) => this.actor(`fan-${i}`));
    const { tickets, crowdfund, tipping, wager } = this.addresses;
    const time = this.chain.timeline;
    const native = this.chain.network.feeDenom;
    const nativeBalance = async (address: string) =>
      BigInt((await this.chain.client.getBalance(address, native)).amount);
    const start = await this.chain.now();
    const showStart = start + time.showIn;
    const state = { showId: 0, campaignId: 0, failedCampaignId: 0, poolId: 0, questionId: 0 };
    const token = (serial: number) => `${state.showId}-${serial}`;

    const steps: Array<[string, (step: Step) => Promise<void>]> = [
      [
        "The service-providers bucket funds four fans with CTC; the sponsor pays their fees",
        async (step) => {
          const sponsored = await this.chain.sponsorFees(fans);
          if (sponsored) this.report.line(sponsored);
          for (const fan of fans) {
            await step.tx("service-providers bucket", `transfer ${ctc(10_000n * CTC)} to ${this.name(fan)}`,
              this.as(bucket).ctc.transfer({ recipient: fan, amount: (10_000n * CTC).toString() }));
          }
          step.equal(await this.balance(fans[3]), 10_000n * CTC, "fan-3 holds 10,000 CTC");
          step.equal(await Promise.all(fans.map(nativeBalance)), [0n, 0n, 0n, 0n], `no fan holds any ${native}`);
          // Only for the native tip below: fees never come from a fan.
          await this.chain.giveNative(fans[3], 5_000n);
        },
      ],
      [
        "The authority admits partners: a theater, a troupe, an identity provider, three reporters",
        async (step) => {
          const registry = this.as(owner).registry;
          const admit = (address: string, name: string, kind: string, capability: string, tag: number) =>
            step.tx("platform", `admit ${name} (${kind}) with ${capability}`, registry.admit({
              address,
              name,
              kind: kind as never,
              capabilities: [capability as never],
              agreementDigest: digest(tag),
              quotas: capability === "issue_tickets"
                ? [{ capability: "issue_tickets", limit: { units_per_window: 10_000, window_seconds: DAY } }]
                : [],
            }));
          await admit(theater, "Grand Theater", "theater", "issue_tickets", 0xa0);
          await admit(troupe, "Spring Troupe", "troupe", "launch_crowdfunds", 0xa1);
          await admit(idProvider, "Civil ID", "identity_provider", "attest_identity", 0xa2);
          for (const [i, reporter] of reporters.entries()) {
            await admit(reporter, `Sports data ${i}`, "oracle_provider", "report_outcomes", 0xb0 + i);
          }
          const status = await registry.partnerStatus({ address: theater });
          step.equal([status.admitted, status.active, status.kind], [true, true, "theater"], "the theater is an active partner");
        },
      ],
      [
        "Civil ID attests the fans' real names",
        async (step) => {
          for (const fan of fans) {
            await step.tx("civil-id", `attest ${this.name(fan)} as real_name`,
              this.as(idProvider).registry.attest({ user: fan, level: "real_name", digest: digest(0x11) }));
          }
          const { level } = await this.as(fans[0]).registry.identityLevel({ address: fans[0] });
          step.equal(level, "real_name", "fan-0 counts as real-name");
        },
      ],
      [
        "The theater issues a real-name show with two tiers and lets crowdfund mint its rewards",
        async (step) => {
          const tier = (name: string, price: bigint, supply: number): TicketNftTypes.TierInput => ({
            name, price: price.toString(), supply, seats: [], per_wallet_limit: 4,
          });
          const created = await step.tx("grand-theater", "create event: Stalls 100 CTC × 50, Patron 250 CTC × 10",
            this.as(theater).tickets.createEvent({
              event: {
                title: "The Butterfly Lovers",
                venue: "Grand Theater",
                description_uri: "ipfs://butterfly-lovers",
                starts_at: timestamp(showStart),
                ends_at: timestamp(showStart + time.showLength),
                sale_starts_at: timestamp(start),
                sale_ends_at: timestamp(showStart),
                tiers: [tier("Stalls", 100n * CTC, 50), tier("Patron", 250n * CTC, 10)],
                min_identity: "real_name",
                transfer_policy: { free: { max_transfers: 2 } },
                lock_before_start_seconds: time.doorsBefore,
                resale_cap_bps: 11_000,
                royalty: 500,
                check_in_opens_before_seconds: time.doorsBefore,
              },
            }));
          state.showId = Number(attribute(created, "event_id"));
          await step.tx("grand-theater", "allow crowdfund to mint reward tickets",
            this.as(theater).tickets.setMinter({ eventId: state.showId, address: crowdfund, allowed: true }));
          const event = await this.as(theater).tickets.event({ eventId: state.showId });
          step.equal(event.tiers.map((t) => t.name), ["Stalls", "Patron"], `event ${state.showId} has its two tiers`);
        },
      ],
      [
        "A crowdfund succeeds: 550 CTC raised against a 500 CTC goal, Patron seats as rewards",
        async (step) => {
          const now = await this.chain.now();
          const launched = await step.tx("spring-troupe", "launch: goal 500 CTC, Patron seat for 200 CTC+",
            this.as(troupe).crowdfund.launch({
              campaign: {
                title: "Stage The Butterfly Lovers",
                goal: (500n * CTC).toString(),
                starts_at: timestamp(now),
                deadline: timestamp(now + time.campaign),
                min_pledge: (10n * CTC).toString(),
                reward_tiers: [{ min_pledge: (200n * CTC).toString(), event_id: state.showId, tier: 1, tickets: 1 }],
              },
            }));
          state.campaignId = Number(attribute(launched, "campaign_id"));
          const before = await this.balances([fans[0], fans[1], troupe, treasury, crowdfund]);
          for (const [fan, amount] of [[fans[0], 300n * CTC], [fans[1], 250n * CTC]] as const) {
            await step.tx(this.name(fan), `pledge ${ctc(amount)}`,
              this.send(fan, crowdfund, amount, { contribute: { campaign_id: state.campaignId } }));
          }
          await this.chain.advanceTo(now + time.campaign);
          await step.tx("fan-2", "finalize after the deadline", this.as(fans[2]).crowdfund.finalize({ campaignId: state.campaignId }));
          // The backers paid for reward tickets: the money waits until the show's issuer agrees.
          await step.refused("spring-troupe", "withdraw before the theater approves the rewards",
            this.as(troupe).crowdfund.withdrawFunds({ campaignId: state.campaignId }), "has not approved");
          await step.tx("grand-theater", "approve Patron rewards for the campaign",
            this.as(theater).crowdfund.approveRewards({ campaignId: state.campaignId, eventId: state.showId }));
          await step.tx("spring-troupe", "withdraw the funds (3% platform fee)",
            this.as(troupe).crowdfund.withdrawFunds({ campaignId: state.campaignId }));
          for (const fan of [fans[0], fans[1]]) {
            await step.tx(this.name(fan), "claim the Patron reward ticket",
              this.as(fan).crowdfund.claimRewards({ campaignId: state.campaignId }));
          }
          await this.moved(step, before, [
            [fans[0], -300n * CTC], [fans[1], -250n * CTC],
            [troupe, 533_500_000n], [treasury, 16_500_000n], [crowdfund, 0n],
          ]);
          const { tokens } = await this.as(fans[0]).tickets.tokens({ owner: fans[0] });
          step.equal(tokens, [token(0)], "fan-0 holds reward ticket " + token(0));
        },
      ],
      [
        "A second crowdfund misses its goal; its backers take their pledges back",
        async (step) => {
          const now = await this.chain.now();
          const launched = await step.tx("spring-troupe", "launch: goal 2,000 CTC",
            this.as(troupe).crowdfund.launch({
              campaign: {
                title: "A winter tour",
                goal: (2_000n * CTC).toString(),
                starts_at: timestamp(now),
                deadline: timestamp(now + time.shortCampaign),
                min_pledge: (10n * CTC).toString(),
                reward_tiers: [],
              },
            }));
          state.failedCampaignId = Number(attribute(launched, "campaign_id"));
          const before = await this.balances([fans[2], fans[3], crowdfund]);
          for (const [fan, amount] of [[fans[2], 100n * CTC], [fans[3], 50n * CTC]] as const) {
            await step.tx(this.name(fan), `pledge ${ctc(amount)}`,
              this.send(fan, crowdfund, amount, { contribute: { campaign_id: state.failedCampaignId } }));
          }
          await this.moved(step, before, [[crowdfund, 150n * CTC]]);
          await this.chain.advanceTo(now + time.shortCampaign);
          const finalized = await step.tx("fan-2", "finalize after the deadline",
            this.as(fans[2]).crowdfund.finalize({ campaignId: state.failedCampaignId }));
          step.equal(attribute(finalized, "outcome"), "failed", "the campaign failed");
          for (const fan of [fans[2], fans[3]]) {
            await step.tx(this.name(fan), "take the pledge back", this.as(fan).crowdfund.refund({ campaignId: state.failedCampaignId }));
          }
          await this.moved(step, before, [[fans[2], 0n], [fans[3], 0n], [crowdfund, 0n]]);
        },
      ],
      [
        "Fans buy Stalls tickets with CTC (one Send: payment, identity check, mint)",
        async (step) => {
          const before = await this.balances([fans[2], fans[3], tickets]);
          const buy = (quantity: number) => ({ buy: { event_id: state.showId, tier: 0, quantity } });
          // Paying for one seat but asking for two moves nothing (checked with the balances below).
          await step.refused("fan-3", "pay 100 CTC for 2 Stalls", this.send(fans[3], tickets, 100n * CTC, buy(2)), "wrong amount: 200000000 expected, 100000000 received");
          await step.tx("fan-2", "buy 2 Stalls for 200 CTC", this.send(fans[2], tickets, 200n * CTC, buy(2)));
          await step.tx("fan-3", "buy 1 Stalls for 100 CTC", this.send(fans[3], tickets, 100n * CTC, buy(1)));
          await this.moved(step, before, [[fans[2], -200n * CTC], [fans[3], -100n * CTC], [tickets, 300n * CTC]]);
          const { tokens } = await this.as(fans[2]).tickets.tokens({ owner: fans[2] });
          step.equal(tokens, [token(2), token(3)], "fan-2 holds two tickets");
        },
      ],
      [
        "A gift: fan-2 gives a ticket to fan-0",
        async (step) => {
          // On a real node the clock runs during the steps: say so if they ran past the lock.
          const lock = showStart - time.doorsBefore;
          const now = await this.chain.now();
          step.check(now < lock, "tickets still move: the show's lock is ahead",
            `the season ran ${now - lock} s past the lock; lengthen the timeline's showIn`);
          await step.tx("fan-2", `gift ticket ${token(3)} to fan-0`,
            this.as(fans[2]).tickets.transferNft({ recipient: fans[0], tokenId: token(3) }));
          const { owner: holder } = await this.as(fans[0]).tickets.ownerOf({ tokenId: token(3) });
          step.equal(this.name(holder), "fan-0", `fan-0 owns ${token(3)}`);
          // Pages must follow on without repeating: the embedded chain's key order is the chain's.
          const first = await this.as(fans[0]).tickets.tokens({ owner: fans[0], limit: 1 });
          const second = await this.as(fans[0]).tickets.tokens({ owner: fans[0], limit: 1, startAfter: first.tokens[0] });
          step.equal([...first.tokens, ...second.tokens], [token(0), token(3)], "fan-0's tickets page without repeats");
        },
      ],
      [
        "Resale under the anti-scalping cap (110% of face value, 5% royalty held in escrow)",
        async (step) => {
          await step.refused("fan-2", `list ${token(2)} at 150 CTC`,
            this.as(fans[2]).tickets.listForResale({ tokenId: token(2), price: (150n * CTC).toString() }),
            "above the resale cap");
          await step.tx("fan-2", `list ${token(2)} at 108 CTC`,
            this.as(fans[2]).tickets.listForResale({ tokenId: token(2), price: (108n * CTC).toString() }));
          const before = await this.balances([fans[1], fans[2], theater, tickets]);
          await step.tx("fan-1", `buy ${token(2)} on resale for 108 CTC`,
            this.send(fans[1], tickets, 108n * CTC, { buy_resale: { token_id: token(2) } }));
          // The royalty is the theater's income from the ticket: charged and burned at settlement
          // like a sale, and the buyer's if the show is cancelled.
          await this.moved(step, before, [
            [fans[1], -108n * CTC], [fans[2], 102_600_000n], [theater, 0n], [tickets, 5_400_000n],
          ]);
        },
      ],
      [
        "Fans tip the troupe, in CTC and in the native coin (2% fee, forwarded at once)",
        async (step) => {
          const before = await this.balances([fans[0], troupe, treasury, tipping]);
          const nativeBefore = [await nativeBalance(troupe), await nativeBalance(treasury)];
          await step.tx("fan-0", "tip spring-troupe 20 CTC",
            this.send(fans[0], tipping, 20n * CTC, { tip: { recipient: troupe, memo: "bravo!", context: `event:${state.showId}` } }));
          await step.tx("fan-3", `tip spring-troupe 5,000 ${native}`,
            this.as(fans[3]).tipping.tipNative({ recipient: troupe, memo: "encore" }, "auto", undefined, [{ denom: native, amount: "5000" }]));
          await this.moved(step, before, [[fans[0], -20n * CTC], [troupe, 19_600_000n], [treasury, 400_000n], [tipping, 0n]]);
          step.equal(await nativeBalance(troupe) - nativeBefore[0], 4_900n, `spring-troupe +4,900 ${native}`);
          step.equal(await nativeBalance(treasury) - nativeBefore[1], 100n, `treasury +100 ${native}`);
          step.equal(await nativeBalance(tipping), 0n, `tipping holds 0 ${native}`);
          const stats = await this.as(troupe).tipping.recipientStats({ address: troupe });
          step.equal(
            stats.totals.map(({ denom, total, count }) => [denom, total, count]),
            [[`cw20:${this.addresses.token}`, (20n * CTC).toString(), 1], [native, "5000", 1]],
            "tipping records one CTC and one native tip for the verified troupe",
          );
          step.check(stats.verified, "the troupe shows as a verified performer");
        },
      ],
      [
        "A wager pool on the show's award, settled by the oracle's reporters",
        async (step) => {
          const now = await this.chain.now();
          const created = await step.tx("platform", "create pool \"Best actress\" (oracle question by sub-message)",
            this.as(owner).wager.createPool({
              pool: {
                title: "Best actress: The Butterfly Lovers",
                outcomes: ["Zhu", "Liang"],
                question: {
                  new: {
                    resolve_after: timestamp(now + time.betting),
                    deadline: timestamp(now + time.answerDeadline),
                    quorum: 2,
                    dispute_window_seconds: time.disputeWindow,
                  },
                },
                closes_at: timestamp(now + time.betting),
              },
            }));
          state.poolId = Number(attribute(created, "pool_id"));
          const pool = await this.as(owner).wager.pool({ poolId: state.poolId });
          state.questionId = pool.question_id;
          const question = await this.as(owner).oracle.question({ questionId: state.questionId });
          step.equal(question.outcomes, ["Zhu", "Liang"],
            `the pool read its oracle question ${state.questionId} from the sub-message reply`);
          const watched = [fans[1], fans[2], fans[3], wager, treasury, this.roles.nodeIncentive];
          const before = await this.balances(watched);
          for (const [fan, outcome, amount] of [[fans[1], 0, 40n], [fans[2], 1, 60n], [fans[3], 0, 20n]] as const) {
            await step.tx(this.name(fan), `bet ${amount} CTC on ${outcome === 0 ? "Zhu" : "Liang"}`,
              this.send(fan, wager, amount * CTC, { bet: { pool_id: state.poolId, outcome } }));
          }
          await this.chain.advanceTo(now + time.betting);
          for (const reporter of reporters.slice(0, 2)) {
            await step.tx(this.name(reporter), `report Zhu on question ${state.questionId}`,
              this.as(reporter).oracle.report({ questionId: state.questionId, verdict: { outcome: 0 } }));
          }
          // The window runs from the report that reached the quorum.
          await this.chain.advanceTo((await this.chain.now()) + time.disputeWindow);
          await step.tx("fan-0", "finalize the answer after the dispute window",
            this.as(fans[0]).oracle.finalize({ questionId: state.questionId }));
          await step.tx("fan-0", "resolve the pool", this.as(fans[0]).wager.resolve({ poolId: state.poolId }));
          for (const fan of [fans[1], fans[3]]) {
            await step.tx(this.name(fan), "claim winnings", this.as(fan).wager.claim({ poolId: state.poolId }));
          }
          // 120 CTC staked, 5% fee: 3.6 treasury, 2.4 nodes; 114 CTC to the 60 CTC on Zhu.
          await this.moved(step, before, [
            [fans[1], 36n * CTC], [fans[2], -60n * CTC], [fans[3], 18n * CTC],
            [wager, 0n], [treasury, 3_600_000n], [this.roles.nodeIncentive, 2_400_000n],
          ]);
        },
      ],
      [
        "Doors open: each ticket checks in once",
        async (step) => {
          await this.chain.advanceTo(showStart - time.doorsBefore / 2);
          await step.tx("grand-theater", "appoint door-scanner",
            this.as(theater).tickets.setScanner({ eventId: state.showId, address: door, allowed: true }));
          // The holder's phone signs a code valid for two minutes; the scanner submits it.
          const doorCode = async (holder: string, tokenId: string) => {
            const expires = (await this.chain.now()) + 120;
            const text = checkInText(this.chain.network.chainId, tickets, tokenId, expires);
            return signHolderProof(await this.chain.holderSigner(this.name(holder)), holder, text, expires);
          };
          const checkIn = (proof: HolderProof) => this.as(door).tickets.checkIn({ tokenId: token(3), proof });
          await step.refused("door-scanner", `check in ${token(3)} with fan-1's code`,
            checkIn(await doorCode(fans[1], token(3))), "does not belong to");
          const code = await doorCode(fans[0], token(3));
          await step.tx("door-scanner", `check in ${token(3)} with fan-0's code`, checkIn(code));
          await step.refused("door-scanner", `check in ${token(3)} again`, checkIn(code), "already checked in");
        },
      ],
      [
        "Settlement: 300 CTC of sales and a 5.4 CTC royalty, 5% fee, 10% burned, the rest to the theater",
        async (step) => {
          await this.chain.advanceTo(showStart + time.showLength + time.settlementDelay);
          const before = await this.balances([tickets, treasury, theater]);
          const supplyBefore = BigInt((await this.as(owner).ctc.tokenInfo()).total_supply);
          await step.tx("fan-1", `settle event ${state.showId}`, this.as(fans[1]).tickets.settle({ eventId: state.showId }));
          await this.moved(step, before, [[tickets, -305_400_000n], [treasury, 15_270_000n], [theater, 259_590_000n]]);
          const tokenomics = await this.as(owner).ctc.tokenomics();
          step.equal(BigInt(tokenomics.total_supply), supplyBefore - 30_540_000n, "total supply fell by the 30.54 CTC burned");
          step.equal(BigInt(tokenomics.total_supply) + BigInt(tokenomics.burned), 1_500_000_000n * CTC,
            "supply + burned = the 1.5 billion CTC issuance");
        },
      ],
      [
        "Every contract holds exactly what it still owes: nothing",
        async (step) => {
          for (const [name, address] of Object.entries(this.addresses)) {
            if (name === "token" || name === "registry") continue;
            step.equal(await this.balance(address), 0n, `${name} holds 0 CTC`);
          }
          step.equal(await Promise.all(fans.map(nativeBalance)), [0n, 0n, 0n, 0n],
            `every fan ends with 0 ${native}: the tip spent what fan-3 was given, the sponsor paid every fee`);
        },
      ],
    ];

    for (const [index, [title, body]] of steps.entries()) {
      const result: StepResult = { title, transactions: [], checks: [] };
      this.results.push(result);
      this.report.stepStarted(index + 1, steps.length, title);
      try {
        await beforeStep?.(index);
        await body(new Step(this.report, result, this.chain));
      } catch (error) {
        result.failure = (error as Error).message;
        this.report.line(`FAILED: ${result.failure}`);
        break;
      }
    }
    return this.results;
  }
}
