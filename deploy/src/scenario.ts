// The platform's season, played through the generated TypeScript client against a deployment on the
// embedded chain: partners admitted, identities attested, an event with tiers, a crowdfund that
// succeeds with ticket rewards and one that fails with refunds, purchases, a gift, a capped resale
// and a refused scalper listing, tips in CTC and in the native coin, a wager pool settled through
// the oracle, check-in, settlement with burn, a shared theater, and vouchers: a café's coffee
// vouchers bought, given and redeemed by scan, a season pass buying a member ticket, an expired
// voucher refunded and the café's earnings withdrawn. Every step checks what moved, to the unit.
import type { ExecuteResult } from "@cosmjs/cosmwasm-stargate";
import {
  AccountFactoryClient,
  AllocationFundClient,
  buildMerkleTree,
  checkInText,
  drawCommitment,
  drawDistinctPicks,
  drawMix,
  drawPick,
  drawSeat,
  drawSeed,
  cosmJSClient,
  FanAccountClient,
  fromCosmJS,
  recoveryEvidence,
  viaAccount,
  LockupsClient,
  CrowdfundClient,
  ctcSend,
  CtcTokenClient,
  OutcomeOracleClient,
  PartnerRegistryClient,
  RandomnessClient,
  redeemText,
  SchedulesClient,
  signHolderProof,
  TicketNftClient,
  TippingClient,
  VouchersClient,
  WagerPoolClient,
  type CosmJSClient,
  type CrowdfundTypes,
  type CtcHook,
  type HolderProof,
  type PartnerRegistryTypes,
  type TicketNftTypes,
  type VouchersTypes,
} from "../../clients/ts/src";
import { wasmExecute, wasmMigrate, type CommitteeRecord } from "./committee";
import { BUCKET_CONTRACTS, type ContractName } from "./contracts";
import { contractAddress, platformAddresses, type Deployment, type PlatformAddresses } from "./deployment-record";
import { CTC, PLATFORM_PARAMETERS, type Roles } from "./platform-config";
import { ctc, type ConsoleReport, type StepResult } from "./report";
import type { ScenarioChain, Timeline } from "./scenario-chain";
import { attribute, digest, seconds, timestamp } from "./values";
import { sha256 } from "@cosmjs/crypto";
import { toHex, toUtf8 } from "@cosmjs/encoding";

const DAY = 86_400;

class StepFailure extends Error {}

/** Every contract's client, signing as one address. */
interface Clients {
  ctc: CosmJSClient<CtcTokenClient>;
  registry: CosmJSClient<PartnerRegistryClient>;
  tickets: CosmJSClient<TicketNftClient>;
  crowdfund: CosmJSClient<CrowdfundClient>;
  tipping: CosmJSClient<TippingClient>;
  oracle: CosmJSClient<OutcomeOracleClient>;
  wager: CosmJSClient<WagerPoolClient>;
  schedules: CosmJSClient<SchedulesClient>;
  vouchers: CosmJSClient<VouchersClient>;
  draws: CosmJSClient<RandomnessClient>;
  accounts: CosmJSClient<AccountFactoryClient>;
}

/** One step's transactions and checks; a failed check ends the scenario. */
class Step {
  constructor(
    private readonly report: ConsoleReport,
    readonly result: StepResult,
    private readonly chain: ScenarioChain,
  ) {}

  /** `operation` names the transaction's row in docs/gas.md where its messages alone do not. */
  async tx(who: string, what: string, call: Promise<ExecuteResult>, operation?: string): Promise<ExecuteResult> {
    let response: ExecuteResult;
    try {
      response = await call;
    } catch (error) {
      throw new StepFailure(`${who}: ${what} was refused: ${(error as Error).message}`, { cause: error });
    }
    this.chain.label(response.transactionHash, `${who}: ${what}`, operation);
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
    const show = (value: T) => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    this.check(show(actual) === show(expected), text, `expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** The deployed contracts as the season sees them: clients by signer, names for the report, balances. */
class Platform {
  readonly addresses: PlatformAddresses;
  private readonly names = new Map<string, string>();
  /** The committee that governs the platform, when it is governed. */
  readonly committee: CommitteeRecord | undefined;
  readonly deployer: string;

  constructor(
    readonly chain: ScenarioChain,
    deployment: Deployment,
    roles: Roles,
  ) {
    this.committee = deployment.committee;
    this.deployer = deployment.deployer;
    const contract = (name: ContractName): string => contractAddress(deployment, name);
    this.addresses = platformAddresses(deployment);
    for (const [name, address] of Object.entries(this.addresses)) this.names.set(address, name);
    for (const name of Object.values(BUCKET_CONTRACTS)) this.names.set(contract(name), name);
    this.names.set(roles.owner, "platform");
    this.names.set(roles.treasury, "treasury");
    this.names.set(roles.nodeIncentive, "node incentive");
    this.names.set(roles.sponsor, "sponsor");
    this.names.set(deployment.deployer, deployment.committee ? "deployer" : "platform");
    for (const [index, member] of (deployment.committee?.members ?? []).entries()) {
      this.names.set(member.addr, `committee-${index + 1}`);
    }
  }

  /** A named local actor's address. */
  actor(name: string): string {
    const address = this.chain.address(name);
    this.names.set(address, name);
    return address;
  }

  as(address: string): Clients {
    const client = this.chain.client;
    const a = this.addresses;
    return {
      ctc: cosmJSClient(CtcTokenClient, client, address, a.token),
      registry: cosmJSClient(PartnerRegistryClient, client, address, a.registry),
      tickets: cosmJSClient(TicketNftClient, client, address, a.tickets),
      crowdfund: cosmJSClient(CrowdfundClient, client, address, a.crowdfund),
      tipping: cosmJSClient(TippingClient, client, address, a.tipping),
      oracle: cosmJSClient(OutcomeOracleClient, client, address, a.oracle),
      wager: cosmJSClient(WagerPoolClient, client, address, a.wager),
      schedules: cosmJSClient(SchedulesClient, client, address, a.schedules),
      vouchers: cosmJSClient(VouchersClient, client, address, a.vouchers),
      draws: cosmJSClient(RandomnessClient, client, address, a.draws),
      accounts: cosmJSClient(AccountFactoryClient, client, address, a.accounts),
    };
  }

  /** A fan account's own client (grants, recovery), signing as `address`. */
  fanAccount(account: string, address: string): CosmJSClient<FanAccountClient> {
    return cosmJSClient(FanAccountClient, this.chain.client, address, account);
  }

  /** The CTC and ticket clients of `account`, signed by `address` (its operator or a delegate). */
  through(
    account: string,
    address: string,
  ): { ctc: CosmJSClient<CtcTokenClient>; tickets: CosmJSClient<TicketNftClient> } {
    const client = viaAccount(fromCosmJS(this.chain.client), account);
    return {
      ctc: new CtcTokenClient(client, address, this.addresses.token),
      tickets: new TicketNftClient(client, address, this.addresses.tickets),
    };
  }

  /** A lock-up's client, signing as `address`. */
  lockup(contract: string, address: string): CosmJSClient<LockupsClient> {
    return cosmJSClient(LockupsClient, this.chain.client, address, contract);
  }

  /** An allocation fund's client, signing as `address`. */
  fund(contract: string, address: string): CosmJSClient<AllocationFundClient> {
    return cosmJSClient(AllocationFundClient, this.chain.client, address, contract);
  }

  name(address: string): string {
    return this.names.get(address) ?? address;
  }

  /** Names a contract the season creates (a fan's account) in the report. */
  nameAs(address: string, name: string): void {
    this.names.set(address, name);
  }

  async balance(address: string): Promise<bigint> {
    const { balance } = await this.as(address).ctc.balance({ address });
    return BigInt(balance);
  }

  async balances(addresses: string[]): Promise<Map<string, bigint>> {
    const entries = await Promise.all(addresses.map(async (a) => [a, await this.balance(a)] as const));
    return new Map(entries);
  }

  async nativeBalance(address: string): Promise<bigint> {
    return BigInt((await this.chain.client.getBalance(address, this.chain.network.feeDenom)).amount);
  }

  /** Checks that each listed CTC balance moved by exactly its delta since `before`. */
  async moved(step: Step, before: Map<string, bigint>, deltas: Array<[string, bigint]>): Promise<void> {
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

  send(who: string, contract: string, amount: bigint, hook: CtcHook): Promise<ExecuteResult> {
    return this.as(who).ctc.send(ctcSend(contract, amount, hook));
  }
}

/** Who plays the season, besides the contracts. */
interface Cast {
  owner: string;
  treasury: string;
  theater: string;
  troupe: string;
  idProvider: string;
  door: string;
  reporters: string[];
  fans: string[];
  /** A merchant partner that sells vouchers, and its counter scanner. */
  cafe: string;
  cafeScanner: string;
  /** A founding-team member and an institutional investor, paid from the lock-ups. */
  founder: string;
  investor: string;
}

type SeasonStep = [title: string, body: (step: Step) => Promise<void>];

/** The twenty-eight steps of one season, in order, each a method named for what it plays. */
class Season {
  /** The show's event id, once the theater has issued it. */
  private showId = 0;

  private constructor(
    private readonly platform: Platform,
    private readonly roles: Roles,
    private readonly report: ConsoleReport,
    private readonly cast: Cast,
    private readonly start: number,
  ) {}

  static async begin(platform: Platform, roles: Roles, report: ConsoleReport): Promise<Season> {
    const cast: Cast = {
      owner: roles.owner,
      treasury: roles.treasury,
      theater: platform.actor("grand-theater"),
      troupe: platform.actor("spring-troupe"),
      idProvider: platform.actor("civil-id"),
      door: platform.actor("door-scanner"),
      reporters: [0, 1, 2].map((i) => platform.actor(`reporter-${i}`)),
      fans: [0, 1, 2, 3].map((i) => platform.actor(`fan-${i}`)),
      cafe: platform.actor("blue-cafe"),
      cafeScanner: platform.actor("cafe-scanner"),
      founder: platform.actor("founder"),
      investor: platform.actor("investor"),
    };
    return new Season(platform, roles, report, cast, await platform.chain.now());
  }

  steps(): SeasonStep[] {
    return [
      [
        "The community-rewards fund pays four fans 10,000 CTC each in a public Merkle round, each claim once; the sponsor pays their fees",
        (step) => this.fundFans(step),
      ],
      [
        "The authority admits partners: a theater, a troupe, an identity provider, three reporters",
        (step) => this.admitPartners(step),
      ],
      ["Civil ID attests the fans' real names", (step) => this.attestFans(step)],
      [
        "The theater issues a real-name show with two tiers and lets crowdfund mint its rewards",
        (step) => this.issueShow(step),
      ],
      [
        "A crowdfund succeeds: 550 CTC raised against a 500 CTC goal, Patron seats as rewards",
        (step) => this.crowdfundSucceeds(step),
      ],
      ["A second crowdfund misses its goal; its backers take their pledges back", (step) => this.crowdfundFails(step)],
      ["Fans buy Stalls tickets with CTC (one Send: payment, identity check, mint)", (step) => this.buyTickets(step)],
      [
        "A supervisor freezes the show's circulation during an inquiry, then lifts it (both on the record)",
        (step) => this.freezeShow(step),
      ],
      ["A gift: fan-2 gives a ticket to fan-0", (step) => this.giftTicket(step)],
      [
        "Resale under the anti-scalping cap (110% of face value, 5% royalty held in escrow)",
        (step) => this.resellTicket(step),
      ],
      [
        "Fans tip the troupe, in CTC and in the native coin (2% fee, forwarded at once)",
        (step) => this.tipTroupe(step),
      ],
      ["A wager pool on the show's award, settled by the oracle's reporters", (step) => this.wagerOnAward(step)],
      ["Doors open: each ticket checks in once", (step) => this.openDoors(step)],
      [
        "Settlement: 300 CTC of sales, 400 CTC of reward tickets and a 5.4 CTC royalty, 5% fee, 10% burned, the rest to the theater",
        (step) => this.settleShow(step),
      ],
      [
        "A shared theater: the Grand publishes an evening of its hall, the troupe books it, and its show is issued from the booking",
        (step) => this.shareTheater(step),
      ],
      [
        "A café sells 5 CTC coffee vouchers: fan-1 buys three and gives one to fan-2, whose signed code the café's scanner redeems once",
        (step) => this.cafeVouchers(step),
      ],
      [
        "Members: fan-1 buys the Grand's season pass, then a Members ticket at 20% off in one Send naming it; a fan without one is refused",
        (step) => this.membersEvening(step),
      ],
      [
        "A short-lived tasting voucher expires unredeemed: anyone clears it, its price goes back to its holder; the café withdraws its earnings",
        (step) => this.expireAndWithdraw(step),
      ],
      [
        "The platform raises tipping's fee to 2.5% and migrates tipping to a new upload of its code: one proposal two of three committee members carry (the deployer and an early execution refused); the tip totals survive",
        (step) => this.governTipping(step),
      ],
      [
        "Lock-ups (令吉 §4.4): the founder's grant vests linearly after its cliff, the investor's in ten monthly tenths; claims before either are refused, and anyone's claim pays only the beneficiary",
        (step) => this.lockups(step),
      ],
      [
        "A partners' round from the service-providers fund: three admitted organisations claim by Merkle proof; a second claim, a forged amount and a non-partner are refused",
        (step) => this.partnersRound(step),
      ],
      [
        "The public-welfare fund's open ledger: the genesis bucket booked, a donation with a memo, a disbursement with its purpose and evidence; received − paid out = balance",
        (step) => this.welfareLedger(step),
      ],
      [
        "Draws (令吉 §5.1): the three reporters join the providers with two stakes each from the community fund; a fan is refused",
        (step) => this.joinProviders(step),
      ],
      [
        "A fan's scenario pool drawn by commit–reveal: real-name bets within the 0.1–200 CTC limits, one provider withholds its reveal and forfeits its stake, the draw completes, the crank pays the winners",
        (step) => this.drawnScenarioPool(step),
      ],
      [
        "A crowdfund's lucky backer and a tier's random seats, from draws anyone can recompute",
        (step) => this.luckyBackerAndSeats(step),
      ],
      [
        "A fan's account (票链 §3.4.1.3, 络谱 §3.4.1): Civil ID creates fan-3's recoverable account and attests it; a friend buys within a daily limit and checks in by delegation; fan-3 loses the key and Civil ID recovers the account to a new phone, tickets and identity intact",
        (step) => this.recoverAccount(step),
      ],
      [
        "Tokenomics: circulating supply is the total supply less what the lock-ups and the funds hold; the 30% floor stays on the total supply",
        (step) => this.circulatingSupply(step),
      ],
      [
        "Every contract holds exactly what it still owes: vouchers its escrow and earnings, ticket-nft the Members ticket, the rest nothing",
        (step) => this.nothingOwed(step),
      ],
    ];
  }

  private get chain(): ScenarioChain {
    return this.platform.chain;
  }

  private get time(): Timeline {
    return this.chain.timeline;
  }

  private get native(): string {
    return this.chain.network.feeDenom;
  }

  private get showStart(): number {
    return this.start + this.time.showIn;
  }

  /** The show's ticket `serial`, as ticket-nft names it: Stalls are 0–49, Patrons 50–59. */
  private token(serial: number): string {
    return `${this.showId}-${serial}`;
  }

  private fansNative(): Promise<bigint[]> {
    return Promise.all(this.cast.fans.map((fan) => this.platform.nativeBalance(fan)));
  }

  /**
   * A round is one root and total on chain and a list published off it: each listed address claims
   * its own amount with its proof, once. The list's sha256 is on the record, so anyone can rebuild
   * the root from the list and see who was paid what.
   */
  private async openRound(
    step: Step,
    fund: string,
    title: string,
    list: Array<[string, bigint]>,
    partnersOnly: boolean,
  ): Promise<{ roundId: number; proofs: ReturnType<typeof buildMerkleTree>["proofs"] }> {
    const reader = this.platform.fund(fund, this.cast.owner);
    const roundId = (await reader.ledger()).rounds + 1;
    const tree = buildMerkleTree(fund, roundId, list);
    const published = JSON.stringify(list.map(([address, amount]) => ({ address, amount: amount.toString() })));
    const now = await this.chain.now();
    await step.tx(
      "platform",
      `open round ${roundId} of ${this.platform.name(fund)}: ${title}`,
      reader.openRound({
        roundId,
        root: tree.root,
        total: tree.total,
        listDigest: toHex(sha256(toUtf8(published))),
        listUri: `ticketchain:season/${this.platform.name(fund)}/${roundId}.json`,
        claimsUntil: timestamp(now + 30 * DAY),
        partnersOnly,
      }),
    );
    return { roundId, proofs: tree.proofs };
  }

  private async fundFans(step: Step): Promise<void> {
    const { fans } = this.cast;
    const fund = this.platform.addresses.communityFund;
    const sponsored = await this.chain.sponsorFees(fans);
    if (sponsored) this.report.line(sponsored);
    const list = fans.map((fan): [string, bigint] => [fan, 10_000n * CTC]);
    const { roundId, proofs } = await this.openRound(step, fund, "10,000 CTC for each of four fans", list, false);
    for (const [index, fan] of fans.entries()) {
      await step.tx(
        this.platform.name(fan),
        `claim 10,000 CTC from round ${roundId} with its proof`,
        this.platform
          .fund(fund, fan)
          .claim({ roundId, address: fan, amount: (10_000n * CTC).toString(), proof: proofs[index] }),
      );
    }
    await step.refused(
      "fan-0",
      `claim round ${roundId} again`,
      this.platform
        .fund(fund, fans[0])
        .claim({ roundId, address: fans[0], amount: (10_000n * CTC).toString(), proof: proofs[0] }),
      "already claimed",
    );
    step.equal(await this.platform.balance(fans[3]), 10_000n * CTC, "fan-3 holds 10,000 CTC");
    const ledger = await this.platform.fund(fund, fans[0]).ledger();
    step.equal(
      [ledger.reserved, ledger.balanced],
      ["0", true],
      "the round is paid in full and the fund's books balance",
    );
    step.equal(await this.fansNative(), [0n, 0n, 0n, 0n], `no fan holds any ${this.native}`);
    // Only for the native tip below: fees never come from a fan.
    await this.chain.giveNative(fans[3], 5_000n);
  }

  private async admitPartners(step: Step): Promise<void> {
    const { theater, troupe, idProvider, reporters } = this.cast;
    // The theater also sells season passes (vouchers).
    await this.admit(step, theater, "Grand Theater", "theater", ["issue_tickets", "issue_vouchers"], 0xa0);
    // The troupe also tours: it books theaters' halls and issues its own tickets there.
    await this.admit(step, troupe, "Spring Troupe", "troupe", ["launch_crowdfunds", "issue_tickets"], 0xa1);
    await this.admit(step, idProvider, "Civil ID", "identity_provider", "attest_identity", 0xa2);
    for (const [i, reporter] of reporters.entries()) {
      await this.admit(step, reporter, `Sports data ${i}`, "oracle_provider", "report_outcomes", 0xb0 + i);
    }
    const status = await this.platform.as(this.cast.owner).registry.partnerStatus({ address: theater });
    step.equal(
      [status.admitted, status.active, status.kind],
      [true, true, "theater"],
      "the theater is an active partner",
    );
  }

  /**
   * The authority admits a partner with its capabilities; a ticket issuer may issue 10,000 a day, a
   * voucher issuer 1,000 voucher units a day (a class's cap draws on it).
   */
  private admit(
    step: Step,
    address: string,
    name: string,
    kind: PartnerRegistryTypes.PartnerKind,
    capability: PartnerRegistryTypes.Capability | PartnerRegistryTypes.Capability[],
    tag: number,
  ): Promise<ExecuteResult> {
    const capabilities = Array.isArray(capability) ? capability : [capability];
    const daily: Array<[PartnerRegistryTypes.Capability, number]> = [
      ["issue_tickets", 10_000],
      ["issue_vouchers", 1_000],
    ];
    const quotas: PartnerRegistryTypes.QuotaLimit[] = daily
      .filter(([quoted]) => capabilities.includes(quoted))
      .map(([quoted, units]) => ({ capability: quoted, limit: { units_per_window: units, window_seconds: DAY } }));
    return step.tx(
      "platform",
      `admit ${name} (${kind}) with ${capabilities.join(" and ")}`,
      this.platform.as(this.cast.owner).registry.admit({
        address,
        name,
        kind,
        capabilities,
        agreementDigest: digest(tag),
        quotas,
      }),
    );
  }

  private async attestFans(step: Step): Promise<void> {
    const { idProvider, fans } = this.cast;
    // Each fan is one person to the provider: its subject for them is what per-person limits count.
    for (const [index, fan] of fans.entries()) {
      await step.tx(
        "civil-id",
        `attest ${this.platform.name(fan)} as real_name`,
        this.platform
          .as(idProvider)
          .registry.attest({ user: fan, level: "real_name", digest: digest(0x11), subject: digest(0x40 + index) }),
      );
    }
    const { level } = await this.platform.as(fans[0]).registry.identityLevel({ address: fans[0] });
    step.equal(level, "real_name", "fan-0 counts as real-name");
  }

  private async issueShow(step: Step): Promise<void> {
    const theater = this.platform.as(this.cast.theater).tickets;
    const created = await step.tx(
      "grand-theater",
      "create event: Stalls 100 CTC × 50, Patron 250 CTC × 10",
      theater.createEvent({ event: this.show() }),
    );
    this.showId = Number(attribute(created, "event_id"));
    await step.tx(
      "grand-theater",
      "allow crowdfund to mint reward tickets",
      theater.setMinter({ eventId: this.showId, address: this.platform.addresses.crowdfund, allowed: true }),
    );
    const event = await theater.event({ eventId: this.showId });
    step.equal(
      event.tiers.map((t) => t.name),
      ["Stalls", "Patron"],
      `event ${this.showId} has its two tiers`,
    );
  }

  /** The Butterfly Lovers: on sale from the season's start, real names only, resale capped at 110%. */
  private show(): TicketNftTypes.EventInput {
    const tier = (name: string, price: bigint, supply: number): TicketNftTypes.TierInput => ({
      name,
      price: price.toString(),
      supply,
      seats: [],
      per_wallet_limit: 4,
    });
    return {
      title: "The Butterfly Lovers",
      venue: "Grand Theater",
      description_uri: "ipfs://butterfly-lovers",
      starts_at: timestamp(this.showStart),
      ends_at: timestamp(this.showStart + this.time.showLength),
      sale_starts_at: timestamp(this.start),
      sale_ends_at: timestamp(this.showStart),
      tiers: [tier("Stalls", 100n * CTC, 50), tier("Patron", 250n * CTC, 10)],
      min_identity: "real_name",
      transfer_policy: { free: { max_transfers: 2 } },
      lock_before_start_seconds: this.time.doorsBefore,
      resale_cap_bps: 11_000,
      royalty: 500,
      check_in_opens_before_seconds: this.time.doorsBefore,
    };
  }

  private async crowdfundSucceeds(step: Step): Promise<void> {
    const { fans, troupe, treasury } = this.cast;
    const { crowdfund } = this.platform.addresses;
    const rewards = [{ min_pledge: (200n * CTC).toString(), event_id: this.showId, tier: 1, tickets: 1 }];
    const { campaignId, deadline } = await this.launchCampaign(
      step,
      "launch: goal 500 CTC, Patron seat for 200 CTC+",
      "Stage The Butterfly Lovers",
      500n * CTC,
      this.time.campaign,
      rewards,
    );
    const { tickets } = this.platform.addresses;
    const before = await this.platform.balances([fans[0], fans[1], troupe, treasury, crowdfund, tickets]);
    await this.pledge(step, campaignId, [
      [fans[0], 300n * CTC],
      [fans[1], 250n * CTC],
    ]);
    await this.chain.advanceTo(deadline);
    await step.tx("fan-2", "finalize after the deadline", this.platform.as(fans[2]).crowdfund.finalize({ campaignId }));
    await this.payOutCampaign(step, campaignId);
    await this.platform.moved(step, before, [
      [fans[0], -300n * CTC],
      [fans[1], -250n * CTC],
      // The two rewards' 400 CTC go with their tickets into the show's escrow (refunded if it is
      // cancelled); 150 CTC less the 3% fee go to the troupe.
      [troupe, 145_500_000n],
      [treasury, 4_500_000n],
      [crowdfund, 0n],
      [tickets, 400n * CTC],
    ]);
    const { tokens } = await this.platform.as(fans[0]).tickets.tokens({ owner: fans[0] });
    step.equal(tokens, [this.token(50)], "fan-0 holds reward ticket " + this.token(50));
  }

  /** The troupe launches a campaign that runs from now for `duration`. */
  private async launchCampaign(
    step: Step,
    what: string,
    title: string,
    goal: bigint,
    duration: number,
    rewardTiers: CrowdfundTypes.RewardTier[],
  ): Promise<{ campaignId: number; deadline: number }> {
    const now = await this.chain.now();
    const launched = await step.tx(
      "spring-troupe",
      what,
      this.platform.as(this.cast.troupe).crowdfund.launch({
        campaign: {
          title,
          goal: goal.toString(),
          starts_at: timestamp(now),
          deadline: timestamp(now + duration),
          min_pledge: (10n * CTC).toString(),
          reward_tiers: rewardTiers,
        },
      }),
    );
    return { campaignId: Number(attribute(launched, "campaign_id")), deadline: now + duration };
  }

  /** Each fan pledges its amount to the campaign, in CTC through a Send. */
  private async pledge(step: Step, campaignId: number, pledges: Array<[string, bigint]>): Promise<void> {
    for (const [fan, amount] of pledges) {
      await step.tx(
        this.platform.name(fan),
        `pledge ${ctc(amount)}`,
        this.platform.send(fan, this.platform.addresses.crowdfund, amount, {
          contribute: { campaign_id: campaignId },
        }),
      );
    }
  }

  /** The backers paid for reward tickets: the money waits until the show's issuer agrees. */
  private async payOutCampaign(step: Step, campaignId: number): Promise<void> {
    const { fans, troupe, theater } = this.cast;
    await step.refused(
      "spring-troupe",
      "withdraw before the theater approves the rewards",
      this.platform.as(troupe).crowdfund.withdrawFunds({ campaignId }),
      "has not approved",
    );
    await step.tx(
      "grand-theater",
      "approve Patron rewards for the campaign",
      this.platform.as(theater).crowdfund.approveRewards({ campaignId, eventId: this.showId }),
    );
    await step.tx(
      "spring-troupe",
      "withdraw the funds (3% platform fee)",
      this.platform.as(troupe).crowdfund.withdrawFunds({ campaignId }),
    );
    for (const fan of [fans[0], fans[1]]) {
      await step.tx(
        this.platform.name(fan),
        "claim the Patron reward ticket",
        this.platform.as(fan).crowdfund.claimRewards({ campaignId }),
      );
    }
  }

  private async crowdfundFails(step: Step): Promise<void> {
    const { fans } = this.cast;
    const { crowdfund } = this.platform.addresses;
    const { campaignId, deadline } = await this.launchCampaign(
      step,
      "launch: goal 2,000 CTC",
      "A winter tour",
      2_000n * CTC,
      this.time.shortCampaign,
      [],
    );
    const before = await this.platform.balances([fans[2], fans[3], crowdfund]);
    await this.pledge(step, campaignId, [
      [fans[2], 100n * CTC],
      [fans[3], 50n * CTC],
    ]);
    await this.platform.moved(step, before, [[crowdfund, 150n * CTC]]);
    await this.chain.advanceTo(deadline);
    const finalized = await step.tx(
      "fan-2",
      "finalize after the deadline",
      this.platform.as(fans[2]).crowdfund.finalize({ campaignId }),
    );
    step.equal(attribute(finalized, "outcome"), "failed", "the campaign failed");
    await this.takePledgesBack(step, campaignId, [fans[2], fans[3]]);
    await this.platform.moved(step, before, [
      [fans[2], 0n],
      [fans[3], 0n],
      [crowdfund, 0n],
    ]);
  }

  /** Each backer of a failed campaign takes its pledge back. */
  private async takePledgesBack(step: Step, campaignId: number, backers: string[]): Promise<void> {
    for (const fan of backers) {
      await step.tx(
        this.platform.name(fan),
        "take the pledge back",
        this.platform.as(fan).crowdfund.refund({ campaignId }),
      );
    }
  }

  private async buyTickets(step: Step): Promise<void> {
    const { fans } = this.cast;
    const { tickets } = this.platform.addresses;
    const before = await this.platform.balances([fans[2], fans[3], tickets]);
    const buy = (quantity: number) => ({ buy: { event_id: this.showId, tier: 0, quantity } });
    // Paying for one seat but asking for two moves nothing (checked with the balances below).
    await step.refused(
      "fan-3",
      "pay 100 CTC for 2 Stalls",
      this.platform.send(fans[3], tickets, 100n * CTC, buy(2)),
      "wrong amount: 200000000 expected, 100000000 received",
    );
    await step.tx("fan-2", "buy 2 Stalls for 200 CTC", this.platform.send(fans[2], tickets, 200n * CTC, buy(2)));
    await step.tx("fan-3", "buy 1 Stalls for 100 CTC", this.platform.send(fans[3], tickets, 100n * CTC, buy(1)));
    await this.platform.moved(step, before, [
      [fans[2], -200n * CTC],
      [fans[3], -100n * CTC],
      [tickets, 300n * CTC],
    ]);
    const { tokens } = await this.platform.as(fans[2]).tickets.tokens({ owner: fans[2] });
    step.equal(tokens, [this.token(0), this.token(1)], "fan-2 holds two tickets");
  }

  /** The platform owner supervises too (as the registry's authority and regulators do). */
  private async freezeShow(step: Step): Promise<void> {
    const { owner, fans } = this.cast;
    const supervisor = this.platform.as(owner).tickets;
    const inquiry = { eventId: this.showId, reason: "inquiry into resale complaints", digest: digest(0x19) };
    await step.tx("platform", `freeze event ${this.showId}`, supervisor.freezeEvent({ ...inquiry, frozen: true }));
    await step.refused(
      "fan-2",
      `gift ticket ${this.token(1)} while the show is frozen`,
      this.platform.as(fans[2]).tickets.transferNft({ recipient: fans[0], tokenId: this.token(1) }),
      "frozen by a supervisor",
    );
    await step.tx(
      "platform",
      `lift the freeze of event ${this.showId}`,
      supervisor.freezeEvent({ ...inquiry, frozen: false }),
    );
    const { records } = await supervisor.supervisionRecords({ eventId: this.showId });
    step.equal(
      records.map((record) => record.action),
      ["frozen", "unfrozen"],
      "the freeze and its lifting are on the event's record",
    );
  }

  private async giftTicket(step: Step): Promise<void> {
    const { fans } = this.cast;
    const gift = this.token(1);
    // On a real node the clock runs during the steps: say so if they ran past the lock.
    const lock = this.showStart - this.time.doorsBefore;
    const now = await this.chain.now();
    step.check(
      now < lock,
      "tickets still move: the show's lock is ahead",
      `the season ran ${now - lock} s past the lock; lengthen the timeline's showIn`,
    );
    await step.tx(
      "fan-2",
      `gift ticket ${gift} to fan-0`,
      this.platform.as(fans[2]).tickets.transferNft({ recipient: fans[0], tokenId: gift }),
    );
    const fan0 = this.platform.as(fans[0]).tickets;
    const { owner: holder } = await fan0.ownerOf({ tokenId: gift });
    step.equal(this.platform.name(holder), "fan-0", `fan-0 owns ${gift}`);
    // Pages must follow on without repeating: the embedded chain's key order is the chain's.
    const first = await fan0.tokens({ owner: fans[0], limit: 1 });
    const second = await fan0.tokens({ owner: fans[0], limit: 1, startAfter: first.tokens[0] });
    step.equal([...first.tokens, ...second.tokens], [gift, this.token(50)], "fan-0's tickets page without repeats");
  }

  private async resellTicket(step: Step): Promise<void> {
    const { fans, theater } = this.cast;
    const { tickets } = this.platform.addresses;
    const ticket = this.token(0);
    const seller = this.platform.as(fans[2]).tickets;
    await step.refused(
      "fan-2",
      `list ${ticket} at 150 CTC`,
      seller.listForResale({ tokenId: ticket, price: (150n * CTC).toString() }),
      "above the resale cap",
    );
    await step.tx(
      "fan-2",
      `list ${ticket} at 108 CTC`,
      seller.listForResale({ tokenId: ticket, price: (108n * CTC).toString() }),
    );
    const before = await this.platform.balances([fans[1], fans[2], theater, tickets]);
    await step.tx(
      "fan-1",
      `buy ${ticket} on resale for 108 CTC`,
      this.platform.send(fans[1], tickets, 108n * CTC, { buy_resale: { token_id: ticket } }),
    );
    // The royalty is the theater's income from the ticket: charged and burned at settlement
    // like a sale, and the buyer's if the show is cancelled.
    await this.platform.moved(step, before, [
      [fans[1], -108n * CTC],
      [fans[2], 102_600_000n],
      [theater, 0n],
      [tickets, 5_400_000n],
    ]);
  }

  private async tipTroupe(step: Step): Promise<void> {
    const { fans, troupe, treasury } = this.cast;
    const { tipping } = this.platform.addresses;
    const native = this.native;
    const nativeBalance = (address: string) => this.platform.nativeBalance(address);
    const before = await this.platform.balances([fans[0], troupe, treasury, tipping]);
    const nativeBefore = [await nativeBalance(troupe), await nativeBalance(treasury)];
    const tip = { tip: { recipient: troupe, memo: "bravo!", context: `event:${this.showId}` } };
    await step.tx("fan-0", "tip spring-troupe 20 CTC", this.platform.send(fans[0], tipping, 20n * CTC, tip));
    await step.tx(
      "fan-3",
      `tip spring-troupe 5,000 ${native}`,
      this.platform
        .as(fans[3])
        .tipping.tipNative({ recipient: troupe, memo: "encore" }, "auto", undefined, [
          { denom: native, amount: "5000" },
        ]),
    );
    await this.platform.moved(step, before, [
      [fans[0], -20n * CTC],
      [troupe, 19_600_000n],
      [treasury, 400_000n],
      [tipping, 0n],
    ]);
    step.equal((await nativeBalance(troupe)) - nativeBefore[0], 4_900n, `spring-troupe +4,900 ${native}`);
    step.equal((await nativeBalance(treasury)) - nativeBefore[1], 100n, `treasury +100 ${native}`);
    step.equal(await nativeBalance(tipping), 0n, `tipping holds 0 ${native}`);
    await this.checkTipRecords(step);
  }

  /** Tipping keeps a total per coin for each recipient, and shows whether it is a verified partner. */
  private async checkTipRecords(step: Step): Promise<void> {
    const { troupe } = this.cast;
    const stats = await this.platform.as(troupe).tipping.recipientStats({ address: troupe });
    step.equal(
      stats.totals.map(({ denom, total, count }) => [denom, total, count]),
      [
        [`cw20:${this.platform.addresses.token}`, (20n * CTC).toString(), 1],
        [this.native, "5000", 1],
      ],
      "tipping records one CTC and one native tip for the verified troupe",
    );
    step.check(stats.verified, "the troupe shows as a verified performer");
  }

  private async wagerOnAward(step: Step): Promise<void> {
    const { fans, treasury } = this.cast;
    const { wager } = this.platform.addresses;
    const nodes = this.roles.nodeIncentive;
    const opened = await this.chain.now();
    const { poolId, questionId } = await this.openAwardPool(step, opened);
    const before = await this.platform.balances([fans[1], fans[2], fans[3], wager, treasury, nodes]);
    await this.placeBets(step, poolId);
    await this.chain.advanceTo(opened + this.time.betting);
    await this.answerAward(step, questionId);
    await step.tx("fan-0", "resolve the pool", this.platform.as(fans[0]).wager.resolve({ poolId }));
    for (const fan of [fans[1], fans[3]]) {
      await step.tx(this.platform.name(fan), "claim winnings", this.platform.as(fan).wager.claim({ poolId }));
    }
    // 120 CTC staked, 5% fee: 3.6 treasury, 2.4 nodes; 114 CTC to the 60 CTC on Zhu.
    await this.platform.moved(step, before, [
      [fans[1], 36n * CTC],
      [fans[2], -60n * CTC],
      [fans[3], 18n * CTC],
      [wager, 0n],
      [treasury, 3_600_000n],
      [nodes, 2_400_000n],
    ]);
  }

  /** Two fans bet on Zhu (outcome 0), one on Liang (1). */
  private async placeBets(step: Step, poolId: number): Promise<void> {
    const { fans } = this.cast;
    const bets = [
      [fans[1], 0, 40n],
      [fans[2], 1, 60n],
      [fans[3], 0, 20n],
    ] as const;
    for (const [fan, outcome, amount] of bets) {
      await step.tx(
        this.platform.name(fan),
        `bet ${amount} CTC on ${outcome === 0 ? "Zhu" : "Liang"}`,
        this.platform.send(fan, this.platform.addresses.wager, amount * CTC, { bet: { pool_id: poolId, outcome } }),
      );
    }
  }

  /** The platform opens the pool; wager-pool creates its oracle question by sub-message. */
  private async openAwardPool(step: Step, now: number): Promise<{ poolId: number; questionId: number }> {
    const platform = this.platform.as(this.cast.owner);
    const created = await step.tx(
      "platform",
      'create pool "Best actress" (oracle question by sub-message)',
      platform.wager.createPool({
        pool: {
          title: "Best actress: The Butterfly Lovers",
          outcomes: ["Zhu", "Liang"],
          question: {
            new: {
              resolve_after: timestamp(now + this.time.betting),
              deadline: timestamp(now + this.time.answerDeadline),
              quorum: 2,
              dispute_window_seconds: this.time.disputeWindow,
            },
          },
          closes_at: timestamp(now + this.time.betting),
        },
      }),
    );
    const poolId = Number(attribute(created, "pool_id"));
    const { question_id: questionId } = await platform.wager.pool({ poolId });
    const question = await platform.oracle.question({ questionId });
    step.equal(
      question.outcomes,
      ["Zhu", "Liang"],
      `the pool read its oracle question ${questionId} from the sub-message reply`,
    );
    return { poolId, questionId };
  }

  /** Two of the three reporters answer Zhu; the answer stands once nobody disputed it in time. */
  private async answerAward(step: Step, questionId: number): Promise<void> {
    for (const reporter of this.cast.reporters.slice(0, 2)) {
      await step.tx(
        this.platform.name(reporter),
        `report Zhu on question ${questionId}`,
        this.platform.as(reporter).oracle.report({ questionId, verdict: { outcome: 0 } }),
      );
    }
    // The window runs from the report that reached the quorum.
    await this.chain.advanceTo((await this.chain.now()) + this.time.disputeWindow);
    await step.tx(
      "fan-0",
      "finalize the answer after the dispute window",
      this.platform.as(this.cast.fans[0]).oracle.finalize({ questionId }),
    );
  }

  private async openDoors(step: Step): Promise<void> {
    const { theater, door, fans } = this.cast;
    const ticket = this.token(1);
    await this.chain.advanceTo(this.showStart - this.time.doorsBefore / 2);
    await step.tx(
      "grand-theater",
      "appoint door-scanner",
      this.platform.as(theater).tickets.setScanner({ eventId: this.showId, address: door, allowed: true }),
    );
    const checkIn = (proof: HolderProof) => this.platform.as(door).tickets.checkIn({ tokenId: ticket, proof });
    await step.refused(
      "door-scanner",
      `check in ${ticket} with fan-1's code`,
      checkIn(await this.doorCode(fans[1], ticket)),
      "does not belong to",
    );
    const code = await this.doorCode(fans[0], ticket);
    await step.tx("door-scanner", `check in ${ticket} with fan-0's code`, checkIn(code));
    await step.refused("door-scanner", `check in ${ticket} again`, checkIn(code), "already checked in");
  }

  /** The holder's phone signs a code valid for two minutes; the scanner submits it. */
  private async doorCode(holder: string, tokenId: string): Promise<HolderProof> {
    const expires = (await this.chain.now()) + 120;
    const text = checkInText(this.chain.network.chainId, this.platform.addresses.tickets, tokenId, expires);
    return signHolderProof(await this.chain.holderSigner(this.platform.name(holder)), holder, text, expires);
  }

  private async settleShow(step: Step): Promise<void> {
    const { owner, treasury, theater, fans } = this.cast;
    const { tickets } = this.platform.addresses;
    const token = this.platform.as(owner).ctc;
    await this.chain.advanceTo(this.showStart + this.time.showLength + this.time.settlementDelay);
    const before = await this.platform.balances([tickets, treasury, theater]);
    const supplyBefore = BigInt((await token.tokenInfo()).total_supply);
    await step.tx(
      "fan-1",
      `settle event ${this.showId}`,
      this.platform.as(fans[1]).tickets.settle({ eventId: this.showId }),
    );
    await this.platform.moved(step, before, [
      [tickets, -705_400_000n],
      [treasury, 35_270_000n],
      [theater, 599_590_000n],
    ]);
    const tokenomics = await token.tokenomics();
    step.equal(
      BigInt(tokenomics.total_supply),
      supplyBefore - 70_540_000n,
      "total supply fell by the 70.54 CTC burned",
    );
    step.equal(
      BigInt(tokenomics.total_supply) + BigInt(tokenomics.burned),
      1_500_000_000n * CTC,
      "supply + burned = the 1.5 billion CTC issuance",
    );
  }

  /**
   * 共享剧场: the theater lists a hall and publishes an evening a month ahead; the troupe asks
   * for it and the theater accepts, so the hall is held for the troupe alone. The troupe's show is
   * then issued from the booking: its venue and seats are the hall's, and a fan reading the event
   * finds the booking both sides confirmed.
   */
  private async shareTheater(step: Step): Promise<void> {
    const { theater, troupe } = this.cast;
    const grand = this.platform.as(theater).schedules;
    const spring = this.platform.as(troupe);
    const venue = await step.tx(
      "grand-theater",
      "register venue: Grand Theater, Shanghai",
      grand.registerVenue({ name: "Grand Theater", city: "Shanghai", addressDigest: digest(0x51) }),
    );
    const venueId = Number(attribute(venue, "venue_id"));
    const hall = await step.tx(
      "grand-theater",
      "add hall: Main Hall, 60 seats",
      grand.addHall({ venueId, name: "Main Hall", capacity: 60 }),
    );
    const hallId = Number(attribute(hall, "hall_id"));
    const evening = (await this.chain.now()) + 30 * DAY;
    const published = await step.tx(
      "grand-theater",
      "publish an evening of Main Hall (cancel alone up to a day before)",
      grand.publishSlot({
        hallId,
        startsAt: timestamp(evening),
        endsAt: timestamp(evening + 4 * 3_600),
        terms: { cancel_notice_seconds: DAY },
      }),
    );
    const slotId = Number(attribute(published, "slot_id"));
    const requested = await step.tx(
      "spring-troupe",
      `request slot ${slotId}`,
      spring.schedules.requestBooking({ slotId }),
    );
    const bookingId = Number(attribute(requested, "booking_id"));
    await step.tx("grand-theater", `accept booking ${bookingId}`, grand.acceptBooking({ bookingId }));
    const booking = await grand.booking({ bookingId });
    step.equal(
      [booking.status, booking.theater_confirmed, booking.requester_confirmed],
      ["confirmed", true, true],
      `booking ${bookingId} is confirmed by both sides`,
    );
    await step.refused(
      "spring-troupe",
      "issue 61 tickets for the hall's 60 seats",
      spring.tickets.createEvent({ event: this.tour(bookingId, evening, 61) }),
      "61 tickets exceed the hall's 60 seats",
    );
    const created = await step.tx(
      "spring-troupe",
      "create event from the booking: Stalls 80 CTC × 60",
      spring.tickets.createEvent({ event: this.tour(bookingId, evening, 60) }),
      "ticket-nft/create_event (from a booking)",
    );
    const eventId = Number(attribute(created, "event_id"));
    const event = await spring.tickets.event({ eventId });
    step.equal(
      [event.venue, event.booking?.booking_id, event.booking?.capacity, event.booking?.schedules],
      ["Grand Theater, Main Hall, Shanghai", bookingId, 60, this.platform.addresses.schedules],
      `event ${eventId} names the hall and the booking the theater confirmed`,
    );
    step.equal((await grand.booking({ bookingId })).event_id, eventId, `booking ${bookingId} issued event ${eventId}`);
    await step.refused(
      "spring-troupe",
      "issue a second event from the same booking",
      spring.tickets.createEvent({ event: this.tour(bookingId, evening, 60) }),
      `booking ${bookingId} already issued event ${eventId}`,
    );
  }

  /** The troupe's Butterfly Lovers on tour: an hour into the booked evening, `supply` Stalls seats. */
  private tour(bookingId: number, evening: number, supply: number): TicketNftTypes.EventInput {
    const startsAt = evening + 3_600;
    return {
      title: "The Butterfly Lovers (tour)",
      venue: "",
      booking_id: bookingId,
      starts_at: timestamp(startsAt),
      ends_at: timestamp(startsAt + 3 * 3_600),
      sale_starts_at: timestamp(evening - 20 * DAY),
      sale_ends_at: timestamp(startsAt),
      tiers: [{ name: "Stalls", price: (80n * CTC).toString(), supply, seats: [], per_wallet_limit: 4 }],
      min_identity: "real_name",
      transfer_policy: { free: { max_transfers: 2 } },
      lock_before_start_seconds: 3_600,
      resale_cap_bps: 11_000,
      royalty: 500,
      check_in_opens_before_seconds: 3_600,
    };
  }

  /**
   * 扫码销券: the café (a merchant partner with `issue_vouchers`) sells coffee vouchers, one token
   * per coffee, which a holder may give away once; its counter scanner redeems one with the code the
   * holder's wallet signs, and the code does not work twice. The price moves from escrow to the
   * café's earnings, paid out on withdrawal.
   */
  private async cafeVouchers(step: Step): Promise<void> {
    const { cafe, cafeScanner, fans } = this.cast;
    const { vouchers } = this.platform.addresses;
    // ASCII: cw-simulate 2.8 fails a message whose text holds a multi-byte character ("offset is out of bounds").
    await this.admit(step, cafe, "Blue Cafe", "merchant", "issue_vouchers", 0xa3);
    const merchant = this.platform.as(cafe).vouchers;
    const now = await this.chain.now();
    const created = await step.tx(
      "blue-cafe",
      "create class: coffee, 5 CTC, given away once, refunded at expiry",
      merchant.createClass({ class: this.coffee(now) }),
    );
    const classId = Number(attribute(created, "class_id"));
    await step.tx("blue-cafe", "appoint cafe-scanner", merchant.setScanner({ address: cafeScanner, allowed: true }));
    const before = await this.platform.balances([fans[1], vouchers]);
    await step.tx(
      "fan-1",
      "buy 3 coffee vouchers for 15 CTC",
      this.platform.send(fans[1], this.platform.addresses.vouchers, 15n * CTC, {
        buy: { class_id: classId, quantity: 3 },
      }),
      "vouchers/buy (3 vouchers)",
    );
    await this.platform.moved(step, before, [
      [fans[1], -15n * CTC],
      [vouchers, 15n * CTC],
    ]);
    const coffees = [0, 1, 2].map((serial) => `${classId}-${serial}`);
    const fan1 = this.platform.as(fans[1]).vouchers;
    step.equal((await fan1.tokens({ owner: fans[1] })).tokens, coffees, "fan-1 holds three coffee vouchers");
    const gift = coffees[0];
    await step.tx("fan-1", `give ${gift} to fan-2`, fan1.transferNft({ recipient: fans[2], tokenId: gift }));
    step.equal(this.platform.name((await fan1.ownerOf({ tokenId: gift })).owner), "fan-2", `fan-2 owns ${gift}`);
    const scanner = this.platform.as(cafeScanner).vouchers;
    const redeem = (proof: HolderProof) => scanner.redeem({ tokenId: gift, units: 1, proof });
    await step.refused(
      "cafe-scanner",
      `redeem ${gift} with fan-1's code`,
      redeem(await this.redeemCode(fans[1], gift, 1, 1)),
      "does not belong to",
    );
    const code = await this.redeemCode(fans[2], gift, 1, 1);
    await step.tx("cafe-scanner", `redeem ${gift} with fan-2's code`, redeem(code));
    await step.refused("cafe-scanner", `redeem ${gift} again with the same code`, redeem(code), "already redeemed");
    const redeemed = await scanner.voucher({ tokenId: gift });
    step.equal([redeemed.status, redeemed.units], ["redeemed", 0], `${gift} is redeemed, nothing left on it`);
    const earned = await scanner.earned({ merchant: cafe });
    step.equal(
      [earned.payout, earned.fee, earned.burn],
      ["4250000", "250000", "500000"],
      "the café earned the coffee's 5 CTC: 4.25 for it, a 0.25 fee and 0.5 to burn, paid on withdrawal",
    );
    step.equal(
      (await this.platform.balance(vouchers)) - before.get(vouchers)!,
      15n * CTC,
      "vouchers still holds the 15 CTC: a redemption moves no CTC until the café withdraws",
    );
  }

  /** Coffee at the café: 5 CTC, valid for two months, given away at most once, refunded if unused. */
  private coffee(now: number): VouchersTypes.ClassInput {
    return {
      name: "Coffee",
      product: "One coffee at Blue Cafe",
      kind: "goods",
      fungible: false,
      cap: 100,
      price: (5n * CTC).toString(),
      per_holder_limit: 5,
      sale_starts_at: timestamp(now),
      sale_ends_at: timestamp(now + 30 * DAY),
      valid_from: timestamp(now),
      valid_until: timestamp(now + 60 * DAY),
      transfer: { gift: { max_moves: 1 } },
      min_identity: null,
      accepted_attesters: [],
      on_expiry: "refund_holder",
    };
  }

  /** The holder's phone signs a redeem code valid for two minutes; the café's scanner submits it. */
  private async redeemCode(holder: string, tokenId: string, units: number, held: number): Promise<HolderProof> {
    const expires = (await this.chain.now()) + 120;
    const text = redeemText(
      this.chain.network.chainId,
      this.platform.addresses.vouchers,
      tokenId,
      units,
      held,
      expires,
    );
    return signHolderProof(await this.chain.holderSigner(this.platform.name(holder)), holder, text, expires);
  }

  /**
   * 会员: the Grand sells a season pass, shown (never spent) at ticket purchases: 20% off its
   * events, at most two tickets an evening, and the only way into a tier for its members. fan-1
   * buys the pass, then a Members ticket in one CTC Send to ticket-nft naming the pass, which
   * ticket-nft hands to vouchers to check.
   */
  private async membersEvening(step: Step): Promise<void> {
    const { theater, fans } = this.cast;
    const { vouchers, tickets } = this.platform.addresses;
    const grand = this.platform.as(theater);
    const now = await this.chain.now();
    const created = await step.tx(
      "grand-theater",
      "create class: season pass, 50 CTC, 20% off, 2 tickets an evening",
      grand.vouchers.createClass({ class: this.seasonPass(now) }),
    );
    const passClass = Number(attribute(created, "class_id"));
    const issued = await step.tx(
      "grand-theater",
      `create event: Members' evening, Members 100 CTC × 20 for pass class ${passClass}`,
      grand.tickets.createEvent({ event: this.membersEvent(now, passClass) }),
    );
    const eventId = Number(attribute(issued, "event_id"));
    const before = await this.platform.balances([fans[1], vouchers, tickets]);
    await step.tx(
      "fan-1",
      "buy a season pass for 50 CTC",
      this.platform.send(fans[1], this.platform.addresses.vouchers, 50n * CTC, {
        buy: { class_id: passClass, quantity: 1 },
      }),
    );
    const pass = `${passClass}-0`;
    const membersTicket = { buy: { event_id: eventId, tier: 0, quantity: 1 } };
    await step.tx(
      "fan-1",
      `buy a Members ticket for 80 CTC showing pass ${pass}`,
      this.platform.send(fans[1], tickets, 80n * CTC, { buy: { ...membersTicket.buy, voucher: pass } }),
      "ticket-nft/buy (with a pass)",
    );
    await this.platform.moved(step, before, [
      [fans[1], -130n * CTC],
      [vouchers, 50n * CTC],
      [tickets, 80n * CTC],
    ]);
    const fan1 = this.platform.as(fans[1]);
    step.equal(
      this.platform.name((await fan1.tickets.ownerOf({ tokenId: `${eventId}-0` })).owner),
      "fan-1",
      `fan-1 owns Members ticket ${eventId}-0`,
    );
    step.equal(await fan1.vouchers.passUses({ tokenId: pass, eventId }), 1, `pass ${pass} bought 1 of its 2 tickets`);
    step.equal(
      (await fan1.vouchers.voucher({ tokenId: pass })).status,
      "valid",
      "the pass is shown, not spent: still valid",
    );
    await step.refused(
      "fan-3",
      "buy a Members ticket for 100 CTC without a pass",
      this.platform.send(fans[3], tickets, 100n * CTC, membersTicket),
      `this tier is for members: name a pass of class ${passClass}`,
    );
  }

  /** The Grand's season pass: 50 CTC, valid a year, one per fan, not transferable, the Grand's once it lapses. */
  private seasonPass(now: number): VouchersTypes.ClassInput {
    return {
      name: "Season pass",
      product: "Grand Theater membership for the season",
      kind: { pass: { member_off: { percent: 2_000 }, tickets_per_event: 2 } },
      fungible: false,
      cap: 200,
      price: (50n * CTC).toString(),
      per_holder_limit: 1,
      sale_starts_at: timestamp(now),
      sale_ends_at: timestamp(now + 90 * DAY),
      valid_from: timestamp(now),
      valid_until: timestamp(now + 365 * DAY),
      transfer: "none",
      min_identity: null,
      accepted_attesters: [],
      on_expiry: "pay_merchant",
    };
  }

  /** An evening three weeks ahead whose one tier is for holders of a pass of `passClass`. */
  private membersEvent(now: number, passClass: number): TicketNftTypes.EventInput {
    const startsAt = now + 21 * DAY;
    return {
      title: "A Members' Evening",
      venue: "Grand Theater",
      starts_at: timestamp(startsAt),
      ends_at: timestamp(startsAt + 3 * 3_600),
      sale_starts_at: timestamp(now),
      sale_ends_at: timestamp(startsAt),
      tiers: [
        {
          name: "Members",
          price: (100n * CTC).toString(),
          supply: 20,
          seats: [],
          per_wallet_limit: 2,
          members_of: passClass,
        },
      ],
      min_identity: "real_name",
      transfer_policy: { free: { max_transfers: 2 } },
      lock_before_start_seconds: 3_600,
      resale_cap_bps: 11_000,
      royalty: 500,
      check_in_opens_before_seconds: 3_600,
    };
  }

  /**
   * 到期自动清算: a voucher left unredeemed when its class's validity ends is settled on its own by
   * whoever sends `clear` (here a stranger), by its class's terms: the price back to its holder.
   * Then the café's earnings are paid in one Disburse: its share, the fee, the burn.
   */
  private async expireAndWithdraw(step: Step): Promise<void> {
    const { cafe, fans, treasury } = this.cast;
    const { vouchers } = this.platform.addresses;
    const merchant = this.platform.as(cafe).vouchers;
    const now = await this.chain.now();
    const validUntil = now + this.time.voucherValidity;
    const created = await step.tx(
      "blue-cafe",
      "create class: a short-lived tasting, 2 CTC, refunded at expiry",
      merchant.createClass({ class: this.tasting(now, validUntil) }),
    );
    const classId = Number(attribute(created, "class_id"));
    const tasting = `${classId}-0`;
    await step.tx(
      "fan-2",
      "buy a tasting voucher for 2 CTC",
      this.platform.send(fans[2], this.platform.addresses.vouchers, 2n * CTC, {
        buy: { class_id: classId, quantity: 1 },
      }),
    );
    const stranger = this.platform.as(fans[0]).vouchers;
    await step.refused(
      "fan-0",
      `clear ${tasting} before it expires`,
      stranger.clear({ tokenId: tasting }),
      "cleared only once it expires",
    );
    await this.chain.advanceTo(validUntil);
    const before = await this.platform.balances([fans[2], vouchers, cafe, treasury]);
    await step.tx("fan-0", `clear the expired ${tasting}`, stranger.clear({ tokenId: tasting }));
    await this.platform.moved(step, before, [
      [fans[2], 2n * CTC],
      [vouchers, -2n * CTC],
    ]);
    step.equal((await stranger.voucher({ tokenId: tasting })).status, "cleared", `${tasting} is cleared`);
    const token = this.platform.as(cafe).ctc;
    const supplyBefore = BigInt((await token.tokenInfo()).total_supply);
    await step.tx("blue-cafe", "withdraw its earnings (one Disburse)", merchant.withdraw({ merchant: cafe }));
    await this.platform.moved(step, before, [
      [cafe, 4_250_000n],
      [treasury, 250_000n],
      [vouchers, -7n * CTC],
    ]);
    step.equal(
      BigInt((await token.tokenInfo()).total_supply),
      supplyBefore - 500_000n,
      "total supply fell by the 0.5 CTC burned",
    );
    await step.refused("blue-cafe", "withdraw again", merchant.withdraw({ merchant: cafe }), "nothing to withdraw");
  }

  /** A tasting at the café, valid from now until `validUntil` and sold until then. */
  private tasting(now: number, validUntil: number): VouchersTypes.ClassInput {
    return {
      name: "Tasting",
      product: "A coffee tasting at Blue Cafe",
      kind: "goods",
      fungible: false,
      cap: 10,
      price: (2n * CTC).toString(),
      per_holder_limit: 1,
      sale_starts_at: timestamp(now),
      sale_ends_at: timestamp(validUntil),
      valid_from: timestamp(now),
      valid_until: timestamp(validUntil),
      transfer: "none",
      min_identity: null,
      accepted_attesters: [],
      on_expiry: "refund_holder",
    };
  }

  /**
   * A configuration change and a migration, the two acts 络谱 §3.7 leaves to joint decision: on a
   * governed platform one proposal carries both (member 1 proposes, member 2's vote passes it, member
   * 3 executes it); with a single key the owner sends them itself.
   */
  private async governTipping(step: Step): Promise<void> {
    const { fans, troupe, treasury, owner } = this.cast;
    const { tipping } = this.platform.addresses;
    const client = this.chain.client;
    const { committee, deployer } = this.platform;
    const { codeId } = await client.getContract(tipping);
    const { data } = await client.getCodeDetails(codeId);
    const uploader = committee ? committee.members[0].addr : owner;
    const upload = await client.upload(uploader, data, "auto");
    const newCode = upload.codeId;
    step.check(newCode !== codeId, `tipping's code stored again as code ${newCode}`);
    const feeChange = { update_config: { treasury: null, fee: 250, min_ctc_tip: null } };
    if (committee) {
      const [proposer, voter, executor] = committee.members.map((member) => member.addr);
      const msgs = [wasmExecute(tipping, feeChange), wasmMigrate(tipping, newCode)];
      const title = `tipping: fee 2.5%, code ${newCode}`;
      const proposed = await step.tx(
        "committee-1",
        `propose "${title}" (its own vote counts)`,
        client.execute(proposer, committee.multisig, { propose: { title, description: title, msgs } }, "auto"),
      );
      const proposalId = Number(attribute(proposed, "proposal_id"));
      const execute = { execute: { proposal_id: proposalId } };
      await step.refused(
        "committee-3",
        `execute proposal ${proposalId} on one vote of two`,
        client.execute(executor, committee.multisig, execute, "auto"),
        "Proposal must have passed",
      );
      await step.refused(
        "deployer",
        "migrate tipping itself",
        client.migrate(deployer, tipping, newCode, {}, "auto"),
        "unauthorized",
      );
      await step.tx(
        "committee-2",
        `vote yes on proposal ${proposalId}`,
        client.execute(voter, committee.multisig, { vote: { proposal_id: proposalId, vote: "yes" } }, "auto"),
      );
      await step.tx(
        "committee-3",
        `execute proposal ${proposalId}`,
        client.execute(executor, committee.multisig, execute, "auto"),
      );
    } else {
      await step.tx(
        "platform",
        "set tipping's fee to 2.5%",
        this.platform.as(owner).tipping.updateConfig({ fee: 250 }),
      );
      await step.tx(
        "platform",
        `migrate tipping to code ${newCode}`,
        client.migrate(owner, tipping, newCode, {}, "auto"),
      );
    }
    step.equal((await client.getContract(tipping)).codeId, newCode, `tipping runs code ${newCode}`);
    step.equal((await this.platform.as(troupe).tipping.config()).fee, 250, "tipping's fee is 2.5%");
    const before = await this.platform.balances([fans[0], troupe, treasury, tipping]);
    const tip = { tip: { recipient: troupe, memo: "after the change", context: null } };
    await step.tx("fan-0", "tip spring-troupe 10 CTC", this.platform.send(fans[0], tipping, 10n * CTC, tip));
    await this.platform.moved(step, before, [
      [fans[0], -10n * CTC],
      [troupe, 9_750_000n],
      [treasury, 250_000n],
      [tipping, 0n],
    ]);
    const stats = await this.platform.as(troupe).tipping.recipientStats({ address: troupe });
    const ctcTotal = stats.totals.find(({ denom }) => denom === `cw20:${this.platform.addresses.token}`);
    step.equal(
      [ctcTotal?.total, ctcTotal?.count],
      [(30n * CTC).toString(), 2],
      "the troupe's CTC tip total carried over the migration: 30 CTC in two tips",
    );
  }

  /** Seconds of a contract's nanosecond Timestamp. */
  private static seconds(nanos: string): number {
    return Number(BigInt(nanos) / 1_000_000_000n);
  }

  private async lockups(step: Step): Promise<void> {
    const { owner, founder, investor, fans } = this.cast;
    const { teamLockup, investorLockup } = this.platform.addresses;
    const claimer = fans[2];
    const now = await this.chain.now();

    // The founder: half vests at the cliff (never before the team's lock ends), all by the end.
    const team = this.platform.lockup(teamLockup, owner);
    const teamLockEnd = Season.seconds((await team.config()).locked_until);
    const cliff = Math.max(now + this.time.grantCliff, teamLockEnd);
    const end = cliff + (cliff - now);
    const founderGrant = 1_200_000n * CTC;
    const granted = await step.tx(
      "platform",
      "grant the founder 1,200,000 CTC: linear from now, nothing before the cliff, all at the end",
      team.createGrant({
        beneficiary: founder,
        amount: founderGrant.toString(),
        revocable: false,
        schedule: { linear: { start: timestamp(now), cliff: timestamp(cliff), end: timestamp(end) } },
      }),
    );
    const grantId = Number(attribute(granted, "grant_id"));
    const asClaimer = this.platform.lockup(teamLockup, claimer);
    await step.refused(
      "fan-2",
      `claim grant ${grantId} before its cliff`,
      asClaimer.claim({ grantId }),
      "nothing vested",
    );
    const atCliff = await asClaimer.vested({ grantId, at: timestamp(cliff) });
    step.equal(
      atCliff.vested,
      (founderGrant / 2n).toString(),
      "half has vested at the cliff, half-way from start to end",
    );
    await this.chain.advanceTo(cliff);
    let before = await this.platform.balances([founder, claimer, teamLockup]);
    await step.tx("fan-2", `claim grant ${grantId} for the founder after the cliff`, asClaimer.claim({ grantId }));
    const claimed = BigInt((await asClaimer.grant({ grantId })).claimed);
    step.check(
      claimed >= founderGrant / 2n && claimed < founderGrant,
      `the founder has a linear share: ${ctc(claimed)}`,
    );
    await this.platform.moved(step, before, [
      [founder, claimed],
      [claimer, 0n],
      [teamLockup, -claimed],
    ]);
    await this.chain.advanceTo(end);
    before = await this.platform.balances([founder]);
    await step.tx("fan-2", `claim grant ${grantId} after its end`, asClaimer.claim({ grantId }));
    await this.platform.moved(step, before, [[founder, founderGrant - claimed]]);

    // The investor: ten tenths, a month apart (seconds apart on a node), from the investors' lock.
    const investors = this.platform.lockup(investorLockup, owner);
    const investorLockEnd = Season.seconds((await investors.config()).locked_until);
    const first = Math.max((await this.chain.now()) + this.time.trancheSpacing, investorLockEnd);
    const steps = Array.from({ length: 10 }, (_, i) => ({
      at: timestamp(first + i * this.time.trancheSpacing),
      bps: 1_000,
    }));
    const investorGrant = 500_000n * CTC;
    const tranches = await step.tx(
      "platform",
      "grant the investor 500,000 CTC in ten monthly tenths",
      investors.createGrant({
        beneficiary: investor,
        amount: investorGrant.toString(),
        revocable: true,
        schedule: { tranches: { steps } },
      }),
    );
    const trancheGrant = Number(attribute(tranches, "grant_id"));
    const asInvestor = this.platform.lockup(investorLockup, claimer);
    await step.refused(
      "fan-2",
      `claim grant ${trancheGrant} before its first tenth`,
      asInvestor.claim({ grantId: trancheGrant }),
      "nothing vested",
    );
    await this.chain.advanceTo(first + this.time.trancheSpacing);
    before = await this.platform.balances([investor]);
    await step.tx("fan-2", `claim grant ${trancheGrant} after two tenths`, asInvestor.claim({ grantId: trancheGrant }));
    await this.platform.moved(step, before, [[investor, investorGrant / 5n]]);
    await this.chain.advanceTo(first + 9 * this.time.trancheSpacing);
    before = await this.platform.balances([investor]);
    await step.tx(
      "fan-2",
      `claim grant ${trancheGrant} after the tenth tenth`,
      asInvestor.claim({ grantId: trancheGrant }),
    );
    await this.platform.moved(step, before, [[investor, (investorGrant * 4n) / 5n]]);
    for (const [name, lockup] of [
      ["team-lockup", teamLockup],
      ["investor-lockup", investorLockup],
    ] as const) {
      const totals = await this.platform.lockup(lockup, claimer).totals();
      step.equal(
        BigInt(totals.booked_balance),
        await this.platform.balance(lockup),
        `${name} books exactly what it holds`,
      );
    }
  }

  private async partnersRound(step: Step): Promise<void> {
    const { theater, troupe, cafe, door } = this.cast;
    const fund = this.platform.addresses.providersFund;
    const list: Array<[string, bigint]> = [
      [theater, 300_000n * CTC],
      [troupe, 200_000n * CTC],
      [cafe, 100_000n * CTC],
      [door, 50_000n * CTC],
    ];
    const { roundId, proofs } = await this.openRound(
      step,
      fund,
      "650,000 CTC for four organisations, partners only",
      list,
      true,
    );
    const claim = (index: number, amount: bigint = list[index][1]) =>
      this.platform
        .fund(fund, list[index][0])
        .claim({ roundId, address: list[index][0], amount: amount.toString(), proof: proofs[index] });
    const before = await this.platform.balances([theater, troupe, cafe, fund]);
    await step.tx("grand-theater", `claim 300,000 CTC from round ${roundId}`, claim(0));
    await step.refused("grand-theater", `claim round ${roundId} a second time`, claim(0), "already claimed");
    await step.refused(
      "spring-troupe",
      "claim 250,000 CTC with its 200,000 CTC proof",
      claim(1, 250_000n * CTC),
      "does not rebuild the root",
    );
    await step.refused(
      "door-scanner",
      "claim its 50,000 CTC: listed, but not an admitted partner",
      claim(3),
      "never admitted as a partner",
    );
    await step.tx("spring-troupe", `claim 200,000 CTC from round ${roundId}`, claim(1));
    await step.tx("blue-cafe", `claim 100,000 CTC from round ${roundId}`, claim(2));
    await this.platform.moved(step, before, [
      [theater, 300_000n * CTC],
      [troupe, 200_000n * CTC],
      [cafe, 100_000n * CTC],
      [fund, -600_000n * CTC],
    ]);
    const round = await this.platform.fund(fund, theater).round({ roundId });
    step.equal(round.claimed, (600_000n * CTC).toString(), "the round paid 600,000 of its 650,000 CTC");
    const ledger = await this.platform.fund(fund, theater).ledger();
    step.equal(
      ledger.reserved,
      (50_000n * CTC).toString(),
      "the unclaimed 50,000 CTC stays reserved until the round closes",
    );
  }

  private async welfareLedger(step: Step): Promise<void> {
    const { owner, fans, troupe } = this.cast;
    const fund = this.platform.addresses.welfareFund;
    const reader = this.platform.fund(fund, fans[1]);
    const opening = await reader.ledger();
    step.equal(
      [opening.received, opening.paid_out, opening.balanced],
      [(75_000_000n * CTC).toString(), "0", true],
      "the fund booked its genesis bucket, 75,000,000 CTC, and has paid nothing",
    );
    const before = await this.platform.balances([fans[1], troupe, fund]);
    const donation = { donate: { memo: "for the school matinée", evidence_digest: null } };
    await step.tx(
      "fan-1",
      "donate 10 CTC with a memo (one Send)",
      this.platform.send(fans[1], fund, 10n * CTC, donation),
    );
    const purpose = "Free school matinee of The Butterfly Lovers, 12 December";
    await step.tx(
      "platform",
      "disburse 1,000 CTC to spring-troupe with its purpose and the evidence's digest",
      this.platform.fund(fund, owner).disburse({
        recipient: troupe,
        amount: (1_000n * CTC).toString(),
        purpose,
        evidenceDigest: digest(0x5e),
      }),
    );
    await this.platform.moved(step, before, [
      [fans[1], -10n * CTC],
      [troupe, 1_000n * CTC],
      [fund, -990n * CTC],
    ]);
    const closing = await reader.ledger();
    step.equal(
      BigInt(closing.received) - BigInt(closing.paid_out),
      await this.platform.balance(fund),
      "received − paid out = the fund's balance",
    );
    step.check(closing.balanced, "the ledger says it balances");
    const { entries } = await reader.entries({ startAfter: closing.entries - 2 });
    step.equal(
      entries.map((entry) => [entry.kind, entry.amount, entry.party, entry.note ?? null]),
      [
        ["receipt", (10n * CTC).toString(), fans[1], "for the school matinée"],
        ["disbursement", (1_000n * CTC).toString(), troupe, purpose],
      ],
      "the donation and the disbursement are the ledger's last two entries, with who and why",
    );
  }

  /**
   * What `provider` commits to and later reveals for draw `key` of `requester`. The season derives
   * its secrets from a label so that it plays the same on every chain; a real provider takes each
   * from its system's randomness and keeps it to itself until it reveals.
   */
  private drawSecret(provider: string, requester: string, key: number): Uint8Array {
    return sha256(toUtf8(`ticketchain season draw secret ${provider} ${requester} ${key}`));
  }

  /** Each provider commits to draw `key` of `requester` while it takes commitments. */
  private async commitToDraw(step: Step, requester: string, key: number, providers: string[]): Promise<void> {
    for (const provider of providers) {
      const commitment = drawCommitment(requester, key, provider, this.drawSecret(provider, requester, key));
      await step.tx(
        this.platform.name(provider),
        `commit to draw ${key} of ${this.platform.name(requester)}`,
        this.platform.as(provider).draws.commit({ requester, key, commitment }),
      );
    }
  }

  /**
   * Once commitments close, `revealing` reveal; with a provider withholding, the draw is ready only
   * when the reveal window closes. Answers the seed, checked against the one recomputed here from
   * the revealed secrets, as anyone can from the chain's record.
   */
  private async revealDraw(step: Step, requester: string, key: number, revealing: string[]): Promise<Uint8Array> {
    const reader = this.platform.as(this.cast.owner).draws;
    const opened = await reader.draw({ requester, key });
    await this.chain.advanceTo(seconds(opened.commits_close_at));
    for (const provider of revealing) {
      const secret = this.drawSecret(provider, requester, key);
      await step.tx(
        this.platform.name(provider),
        `reveal its secret for draw ${key} of ${this.platform.name(requester)}`,
        this.platform.as(provider).draws.reveal({ requester, key, secret: toHex(secret) }),
      );
    }
    let draw = await reader.draw({ requester, key });
    if (draw.status !== "ready" && draw.reveals_close_at) {
      await this.chain.advanceTo(seconds(draw.reveals_close_at));
      draw = await reader.draw({ requester, key });
    }
    const seed = drawSeed(
      requester,
      key,
      drawMix(revealing.map((provider) => this.drawSecret(provider, requester, key))),
    );
    step.equal(
      [draw.status, draw.seed],
      ["ready", toHex(seed)],
      `draw ${key} of ${this.platform.name(requester)} is ready, its seed the one recomputed from ${revealing.length} revealed secret(s)`,
    );
    return seed;
  }

  private async joinProviders(step: Step): Promise<void> {
    const { reporters, fans } = this.cast;
    const { communityFund, draws } = this.platform.addresses;
    // Each pending commitment locks one stake: two let a provider serve two draws at once.
    const stake = BigInt(PLATFORM_PARAMETERS.randomness.provider_bond);
    const bond = 2n * stake;
    const list = reporters.map((reporter): [string, bigint] => [reporter, bond]);
    const { roundId, proofs } = await this.openRound(
      step,
      communityFund,
      `a ${ctc(bond)} provider deposit (two stakes) for each of the three reporters`,
      list,
      true,
    );
    for (const [index, reporter] of reporters.entries()) {
      const name = this.platform.name(reporter);
      await step.tx(
        name,
        `claim ${ctc(bond)} from round ${roundId}`,
        this.platform
          .fund(communityFund, reporter)
          .claim({ roundId, address: reporter, amount: bond.toString(), proof: proofs[index] }),
      );
      await step.tx(
        name,
        `join the draws' providers, depositing ${ctc(bond)}`,
        this.platform.send(reporter, draws, bond, { join: {} }),
      );
    }
    await step.refused(
      "fan-0",
      "join the draws' providers",
      this.platform.send(fans[0], draws, stake, { join: {} }),
      "is not a partner admitted by the registry",
    );
    step.equal(await this.platform.balance(draws), 3n * bond, "the draws hold the three providers' deposits");
  }

  /**
   * A fan's scenario pool whose result is drawn: fan-0 posts the scenario bond, real-name bettors
   * stake within the platform's limits, the reporters commit before betting closes and two of
   * them reveal after; the third withholds, so the draw completes when the reveal window closes
   * and anyone may take its bond for the treasury. The crank pays every winner, none claims.
   */
  private async drawnScenarioPool(step: Step): Promise<void> {
    const { fans, reporters, treasury } = this.cast;
    const { wager, draws } = this.platform.addresses;
    const nodes = this.roles.nodeIncentive;
    const config = await this.platform.as(fans[0]).wager.config();
    const bond = BigInt(config.scenario_bond);
    const outcomes = ["odd", "even"];
    const opened = await this.chain.now();
    // Three commitments and four bets must land before betting closes, on a node too.
    const closesAt = opened + 3 * this.time.betting;
    const before = await this.platform.balances([fans[0], fans[1], fans[2], fans[3], wager, treasury, nodes, draws]);
    const created = await step.tx(
      "fan-0",
      `open a drawn scenario pool, posting the ${ctc(bond)} bond`,
      this.platform.send(fans[0], wager, bond, {
        open_scenario_pool: {
          pool: {
            title: "The encore: an odd or an even number of songs?",
            outcomes,
            question: { drawn: {} },
            closes_at: timestamp(closesAt),
            min_identity: "real_name",
          },
        },
      }),
    );
    const poolId = Number(attribute(created, "pool_id"));
    await this.commitToDraw(step, wager, poolId, reporters);
    await step.refused(
      "fan-1",
      "bet 250 CTC, above the platform's 200 CTC ceiling",
      this.platform.send(fans[1], wager, 250n * CTC, { bet: { pool_id: poolId, outcome: 0 } }),
      "a bet is between 100000 and 200000000",
    );
    const bets = [
      [fans[1], 0, 40n * CTC],
      [fans[2], 1, 30n * CTC],
      [fans[3], 0, 20n * CTC],
    ] as const;
    for (const [fan, outcome, amount] of bets) {
      await step.tx(
        this.platform.name(fan),
        `bet ${ctc(amount)} on ${outcomes[outcome]}`,
        this.platform.send(fan, wager, amount, { bet: { pool_id: poolId, outcome } }),
      );
    }
    // reporter-2 withholds its reveal.
    const seed = await this.revealDraw(step, wager, poolId, reporters.slice(0, 2));
    const winner = drawPick(seed, 0, outcomes.length);
    await step.refused(
      "fan-0",
      "pay out the pool before it settles",
      this.platform.as(fans[0]).wager.payOut({ poolId }),
      "has not settled",
    );
    await step.tx("fan-0", "resolve the pool from the draw", this.platform.as(fans[0]).wager.resolve({ poolId }));
    const pool = await this.platform.as(fans[0]).wager.pool({ poolId });
    step.equal(
      pool.status,
      { resolved: { winner, at: (pool.status as { resolved: { at: string } }).resolved.at } },
      `the pool resolved to ${outcomes[winner]}: pick(seed, 0, 2) = ${winner}`,
    );
    await step.tx(
      "door-scanner",
      "crank the payouts (anyone may)",
      this.platform.as(this.cast.door).wager.payOut({ poolId }),
    );
    await step.refused(
      "door-scanner",
      "crank the pool again",
      this.platform.as(this.cast.door).wager.payOut({ poolId }),
      "the payout walk is done",
    );
    await step.tx(
      "fan-0",
      "forfeit reporter-2's bond: it withheld its reveal",
      this.platform.as(fans[0]).draws.forfeit({ requester: wager, key: poolId, provider: reporters[2] }),
    );
    // 90 CTC staked, 5% fee (4.5 CTC: 2.7 treasury, 1.8 nodes); 85.5 CTC shared by the winning side.
    const total = 90n * CTC;
    const fee = (total * 500n) / 10_000n;
    const toTreasury = (fee * 6_000n) / 10_000n;
    const winning = bets.filter(([, outcome]) => outcome === winner);
    const winningStake = winning.reduce((sum, [, , amount]) => sum + amount, 0n);
    const share = (fan: string): bigint => {
      const staked = winning.filter(([who]) => who === fan).reduce((sum, [, , amount]) => sum + amount, 0n);
      return (staked * (total - fee)) / winningStake;
    };
    const providerBond = BigInt(PLATFORM_PARAMETERS.randomness.provider_bond);
    await this.platform.moved(step, before, [
      [fans[0], 0n],
      ...bets.map(([fan, , amount]): [string, bigint] => [fan, share(fan) - amount]),
      [wager, 0n],
      [treasury, toTreasury + providerBond],
      [nodes, fee - toTreasury],
      [draws, -providerBond],
    ]);
    const provider = await this.platform.as(fans[0]).draws.provider({ address: reporters[2] });
    step.equal(
      [provider.bond, provider.standing],
      [providerBond.toString(), "forfeited"],
      "reporter-2 lost the stake of the draw it withheld and provides no more draws",
    );
    const left = await this.platform.balances([reporters[2], draws]);
    await step.tx(
      "reporter-2",
      "leave the providers with the rest of its deposit",
      this.platform.as(reporters[2]).draws.leave(),
    );
    await this.platform.moved(step, left, [
      [reporters[2], providerBond],
      [draws, -providerBond],
    ]);
  }

  /**
   * The same draws for a crowdfund and a ticket tier: the troupe's campaign numbers its backers and
   * draws one lucky backer once pledging ends; the Grand's recital sells a Circle of four seats
   * whose places are drawn once it closes the tier's sales. reporter-2 forfeited its bond in the
   * pool before, so the two others provide both draws.
   */
  private async luckyBackerAndSeats(step: Step): Promise<void> {
    const { fans, reporters, troupe, theater, treasury } = this.cast;
    const { crowdfund, tickets } = this.platform.addresses;
    const providers = reporters.slice(0, 2);
    const now = await this.chain.now();
    const deadline = now + this.time.campaign;
    const launched = await step.tx(
      "spring-troupe",
      "launch: goal 30 CTC, a lucky draw for one backer",
      this.platform.as(troupe).crowdfund.launch({
        campaign: {
          title: "An encore tour",
          goal: (30n * CTC).toString(),
          starts_at: timestamp(now),
          deadline: timestamp(deadline),
          min_pledge: (10n * CTC).toString(),
          reward_tiers: [],
          lucky_draw: { winners: 1, prize: "a backstage visit on the tour's first night" },
        },
      }),
    );
    const campaignId = Number(attribute(launched, "campaign_id"));
    await this.commitToDraw(step, crowdfund, campaignId, providers);
    const backers = fans.slice(0, 3);
    const before = await this.platform.balances([...backers, troupe, treasury, crowdfund]);
    await this.pledge(
      step,
      campaignId,
      backers.map((fan): [string, bigint] => [fan, 10n * CTC]),
    );

    const recital = await step.tx(
      "grand-theater",
      "create event: a recital whose Circle of four seats is drawn",
      this.platform.as(theater).tickets.createEvent({
        event: {
          title: "A chamber recital",
          venue: "Grand Theater",
          description_uri: "ipfs://chamber-recital",
          starts_at: timestamp(now + 30 * DAY),
          ends_at: timestamp(now + 30 * DAY + 7_200),
          sale_starts_at: timestamp(now),
          sale_ends_at: timestamp(now + 30 * DAY),
          tiers: [
            {
              name: "Circle",
              price: (10n * CTC).toString(),
              supply: 4,
              seats: ["C1", "C2", "C3", "C4"],
              per_wallet_limit: 2,
              random_seats: true,
            },
          ],
          transfer_policy: { free: { max_transfers: 2 } },
          lock_before_start_seconds: this.time.doorsBefore,
          resale_cap_bps: 11_000,
          royalty: 500,
          check_in_opens_before_seconds: this.time.doorsBefore,
        },
      }),
    );
    const recitalId = Number(attribute(recital, "event_id"));
    const buyers = [fans[1], fans[2]];
    for (const fan of buyers) {
      await step.tx(
        this.platform.name(fan),
        "buy a Circle ticket for 10 CTC",
        this.platform.send(fan, tickets, 10n * CTC, { buy: { event_id: recitalId, tier: 0, quantity: 1 } }),
      );
    }
    const reader = this.platform.as(fans[1]).tickets;
    const seatOf = async (serial: number) =>
      (await reader.nftInfo({ tokenId: `${recitalId}-${serial}` })).extension.seat ?? null;
    step.equal([await seatOf(0), await seatOf(1)], [null, null], "no Circle ticket has a seat before the draw");
    await step.tx(
      "grand-theater",
      "close the Circle's sales and draw its seats",
      this.platform.as(theater).tickets.drawSeats({ eventId: recitalId, tier: 0 }),
    );
    await step.refused(
      "fan-3",
      "buy a Circle ticket after the draw was asked for",
      this.platform.send(fans[3], tickets, 10n * CTC, { buy: { event_id: recitalId, tier: 0, quantity: 1 } }),
      "its sales are closed",
    );
    const seatsKey = recitalId * 256;
    await this.commitToDraw(step, tickets, seatsKey, providers);

    const seatSeed = await this.revealDraw(step, tickets, seatsKey, providers);
    const labels = ["C1", "C2", "C3", "C4"];
    const expected = [0, 1].map((position) => labels[drawSeat(seatSeed, position, labels.length)]);
    step.equal(
      [await seatOf(0), await seatOf(1)],
      expected,
      `the Circle's seats are the seed's permutation: ${expected.join(" and ")}, each ticket its own`,
    );

    await this.chain.advanceTo(deadline);
    await step.tx("fan-3", "finalize after the deadline", this.platform.as(fans[3]).crowdfund.finalize({ campaignId }));
    const luckySeed = await this.revealDraw(step, crowdfund, campaignId, providers);
    await step.tx(
      "fan-3",
      "draw the lucky backer (anyone may)",
      this.platform.as(fans[3]).crowdfund.drawLuckyBackers({ campaignId }),
    );
    const lucky = await this.platform.as(fans[3]).crowdfund.luckyBackers({ campaignId });
    const [number] = drawDistinctPicks(luckySeed, 1, backers.length);
    step.equal(
      lucky.drawn.map((winner) => [winner.number, winner.backer]),
      [[number, backers[number]]],
      `the lucky backer is number ${number}, ${this.platform.name(backers[number])}: the pick recomputed from the seed`,
    );
    await step.tx(
      "spring-troupe",
      "withdraw the funds (3% platform fee)",
      this.platform.as(troupe).crowdfund.withdrawFunds({ campaignId }),
    );
    // fan-1 and fan-2 also paid 10 CTC each for their Circle tickets.
    await this.platform.moved(step, before, [
      [fans[0], -10n * CTC],
      [fans[1], -20n * CTC],
      [fans[2], -20n * CTC],
      [troupe, 29_100_000n],
      [treasury, 900_000n],
      [crowdfund, 0n],
    ]);
  }

  /**
   * 络谱 §3.4.1: the partner that verified a person creates the person's account and resets its
   * key when the person loses it; the account's address, and all it holds, stay. The recovery
   * waits the account's delay (the old key could veto it) and records the request's digest.
   */
  private async recoverAccount(step: Step): Promise<void> {
    const { idProvider, theater, door, fans } = this.cast;
    const fan = fans[3];
    const phone = this.platform.actor("fan-3-phone");
    const friend = this.platform.actor("fan-3-friend");
    const { tickets } = this.platform.addresses;
    const sponsored = await this.chain.sponsorFees([phone, friend]);
    if (sponsored) step.check(true, sponsored);
    const factory = this.platform.as(idProvider).accounts;
    const { bounds } = await factory.config();
    const created = await step.tx(
      "civil-id",
      "create fan-3's account, Civil ID its recovery set",
      factory.createAccount({
        operator: fan,
        recovery: {
          members: [{ address: idProvider, weight: 1, partner: true }],
          threshold: 1,
          delay_seconds: bounds.min_delay_seconds,
          period_seconds: bounds.min_period_seconds,
        },
      }),
    );
    const account = attribute(created, "account");
    this.platform.nameAs(account, "fan-3's account");
    await step.tx(
      "civil-id",
      "attest fan-3's account as real_name, fan-3's subject",
      this.platform
        .as(idProvider)
        .registry.attest({ user: account, level: "real_name", digest: digest(0x11), subject: digest(0x43) }),
    );
    await step.tx(
      "fan-3",
      "move 150 CTC to the account",
      this.platform.as(fan).ctc.transfer({ recipient: account, amount: (150n * CTC).toString() }),
    );
    const now = await this.chain.now();
    const matinee = await step.tx(
      "grand-theater",
      "create event: a matinee, Balcony 40 CTC, real names only",
      this.platform.as(theater).tickets.createEvent({
        event: {
          title: "A matinee",
          venue: "Grand Theater",
          description_uri: "ipfs://matinee",
          starts_at: timestamp(now + 12 * 3_600),
          // A long matinee: its doors stay open until after the recovery's delay.
          ends_at: timestamp(now + 14 * 3_600 + bounds.min_delay_seconds),
          sale_starts_at: timestamp(now),
          sale_ends_at: timestamp(now + 12 * 3_600),
          tiers: [{ name: "Balcony", price: (40n * CTC).toString(), supply: 10, seats: [], per_wallet_limit: 4 }],
          min_identity: "real_name",
          transfer_policy: { free: { max_transfers: 2 } },
          lock_before_start_seconds: 0,
          resale_cap_bps: 11_000,
          royalty: 500,
          check_in_opens_before_seconds: DAY,
        },
      }),
    );
    const matineeId = Number(attribute(matinee, "event_id"));
    const buy = (quantity: number) => ({ buy: { event_id: matineeId, tier: 0, quantity } });
    await step.tx(
      "fan-3",
      "through the account: buy 2 Balcony seats for 80 CTC",
      this.platform.through(account, fan).ctc.send(ctcSend(tickets, 80n * CTC, buy(2))),
      "fan-account/execute (buy)",
    );
    const owners = async () =>
      Promise.all(
        [0, 1, 2].map(
          async (serial) => (await this.platform.as(fan).tickets.ownerOf({ tokenId: `${matineeId}-${serial}` })).owner,
        ),
      );
    const tomorrow = (await this.chain.now()) + DAY;
    await step.tx(
      "fan-3",
      "grant fan-3-friend 50 CTC a day for tickets, and the door, for a day",
      this.platform.fanAccount(account, fan).grant({
        delegate: friend,
        rights: { door: true, redeem: false, spend: { daily: (50n * CTC).toString(), to: [tickets] } },
        expiresAt: timestamp(tomorrow),
      }),
    );
    await step.tx(
      "fan-3-friend",
      "as delegate: buy a Balcony seat for 40 CTC from the account",
      this.platform.through(account, friend).ctc.send(ctcSend(tickets, 40n * CTC, buy(1))),
      "fan-account/execute (delegate buy)",
    );
    await step.refused(
      "fan-3-friend",
      "buy a second seat the same day (40 CTC more)",
      this.platform.through(account, friend).ctc.send(ctcSend(tickets, 40n * CTC, buy(1))),
      "over the delegate's daily amount",
    );
    await step.refused(
      "fan-3-friend",
      "send the account's CTC to itself",
      this.platform.through(account, friend).ctc.transfer({ recipient: friend, amount: CTC.toString() }),
      "does not let the delegate pay",
    );
    step.equal(await owners(), [account, account, account], "the account holds the three Balcony seats");
    await step.tx(
      "door-scanner",
      `appoint door-scanner for event ${matineeId}`,
      this.platform.as(theater).tickets.setScanner({ eventId: matineeId, address: door, allowed: true }),
    );
    const checkIn = async (holder: string, serial: number) => {
      const tokenId = `${matineeId}-${serial}`;
      return this.platform.as(door).tickets.checkIn({ tokenId, proof: await this.doorCode(holder, tokenId) });
    };
    await step.tx(
      "door-scanner",
      `check in ${matineeId}-2 with fan-3-friend's code (a door delegate)`,
      checkIn(friend, 2),
      "ticket-nft/check_in (account, door delegate)",
    );

    // fan-3 loses the phone. Civil ID checks the person again and proposes the new phone's key.
    const evidence = recoveryEvidence([
      toUtf8("fan-3 asks to reset the key of its account"),
      toUtf8("civil-id re-verified fan-3 in person"),
    ]);
    const asProvider = this.platform.fanAccount(account, idProvider);
    await step.refused(
      "fan-0",
      "propose itself as fan-3's new key",
      this.platform.fanAccount(account, fans[0]).proposeRecovery({ newOperator: fans[0], evidence }),
      "is not a member of the recovery set",
    );
    const proposed = await step.tx(
      "civil-id",
      "propose fan-3-phone as the account's key, with the request's digest",
      asProvider.proposeRecovery({ newOperator: phone, evidence }),
    );
    const id = Number(attribute(proposed, "id"));
    await step.refused(
      "civil-id",
      "complete before the delay",
      asProvider.completeRecovery({ id }),
      "can be completed from",
    );
    const { proposal } = await asProvider.proposal();
    await this.chain.advanceTo(Number(BigInt(proposal!.executable_at!) / 1_000_000_000n));
    await step.tx(
      "fan-3-phone",
      "complete the recovery (anyone may, after the delay)",
      this.platform.fanAccount(account, phone).completeRecovery({ id }),
    );

    const reader = this.platform.fanAccount(account, phone);
    step.equal((await reader.config()).operator, phone, "fan-3-phone operates the account");
    step.equal(await owners(), [account, account, account], "the three Balcony seats are still the account's");
    const { level } = await this.platform.as(fan).registry.identityLevel({ address: account });
    step.equal(level, "real_name", "the account is still real-name: the attestation follows the account, not the key");
    step.equal((await reader.delegates()).delegates.length, 0, "the recovery removed fan-3-friend's grant");
    const [record] = (await reader.recoveries({})).recoveries;
    step.equal(
      [record.outcome, record.evidence],
      ["completed", evidence],
      "the account records the recovery and its evidence",
    );
    await step.refused(
      "door-scanner",
      `check in ${matineeId}-0 with the lost key's code`,
      checkIn(fan, 0),
      "does not belong to",
    );
    await step.tx(
      "door-scanner",
      `check in ${matineeId}-0 with fan-3-phone's code`,
      checkIn(phone, 0),
      "ticket-nft/check_in (account, operator)",
    );
    await step.refused(
      "civil-id",
      "propose a second recovery within the period",
      asProvider.proposeRecovery({ newOperator: friend, evidence }),
      "at most one recovery per period",
    );
    step.equal(await this.platform.balance(account), 30n * CTC, "the account holds 150 − 80 − 40 = 30 CTC");
  }

  private async circulatingSupply(step: Step): Promise<void> {
    const a = this.platform.addresses;
    const t = await this.platform.as(this.cast.owner).ctc.tokenomics();
    const locked = (await this.platform.balance(a.teamLockup)) + (await this.platform.balance(a.investorLockup));
    let undistributed = 0n;
    for (const fund of [a.providersFund, a.developmentFund, a.communityFund, a.welfareFund]) {
      undistributed += await this.platform.balance(fund);
    }
    step.equal(BigInt(t.locked), locked, "locked = what the two lock-ups hold");
    step.equal(
      BigInt(t.undistributed),
      undistributed,
      "undistributed = what the four funds hold (the recycle pool among them)",
    );
    step.equal(
      BigInt(t.circulating),
      BigInt(t.total_supply) - locked - undistributed,
      `circulating = total supply − locked − undistributed = ${ctc(BigInt(t.circulating))}`,
    );
    step.check(BigInt(t.total_supply) > BigInt(t.floor), "the floor is on the total supply, which is above it");
  }

  /**
   * ticket-nft holds the escrow of its unsettled events (the Members ticket), vouchers the price
   * of every outstanding voucher and what merchants earned and did not withdraw; the rest nothing.
   */
  private async nothingOwed(step: Step): Promise<void> {
    // The lock-ups and funds hold the genesis buckets: the steps before checked their books.
    const owing = new Set([
      "token",
      "registry",
      "tickets",
      "vouchers",
      "teamLockup",
      "investorLockup",
      "providersFund",
      "developmentFund",
      "communityFund",
      "welfareFund",
      "draws",
    ]);
    for (const [name, address] of Object.entries(this.platform.addresses)) {
      if (owing.has(name)) continue;
      step.equal(await this.platform.balance(address), 0n, `${name} holds 0 CTC`);
    }
    const { tickets, vouchers, draws } = this.platform.addresses;
    const reader = this.platform.as(this.cast.owner);
    const { providers } = await reader.draws.providers({ limit: 50 });
    const bonds = providers.reduce((sum, provider) => sum + BigInt(provider.bond), 0n);
    step.equal(
      await this.platform.balance(draws),
      bonds,
      `the draws hold exactly their providers' bonds, ${ctc(bonds)}`,
    );
    const { events } = await reader.tickets.events({ limit: 30 });
    const ticketEscrow = events.reduce((sum, event) => sum + BigInt(event.escrow), 0n);
    step.equal(
      ticketEscrow,
      220n * CTC,
      "ticket-nft's events hold 220 CTC in escrow: the Members ticket, the recital's two Circle seats and the account's three Balcony seats",
    );
    step.equal(await this.platform.balance(tickets), ticketEscrow, "tickets holds exactly its events' escrow");
    const { classes } = await reader.vouchers.classes({ limit: 30 });
    const voucherEscrow = classes.reduce((sum, entry) => sum + BigInt(entry.escrow), 0n);
    let earned = 0n;
    for (const merchant of [this.cast.cafe, this.cast.theater]) {
      const owed = await reader.vouchers.earned({ merchant });
      earned += BigInt(owed.payout) + BigInt(owed.fee) + BigInt(owed.burn);
    }
    step.equal(
      [voucherEscrow, earned],
      [60n * CTC, 0n],
      "vouchers owes 60 CTC for fan-1's two coffees and season pass, and no unwithdrawn earnings",
    );
    step.equal(
      await this.platform.balance(vouchers),
      voucherEscrow + earned,
      "vouchers holds exactly its classes' escrow and the merchants' earnings",
    );
    step.equal(
      await this.fansNative(),
      [0n, 0n, 0n, 0n],
      `every fan ends with 0 ${this.native}: the tip spent what fan-3 was given, the sponsor paid every fee`,
    );
  }
}

export class PlatformScenario {
  readonly results: StepResult[] = [];
  private readonly platform: Platform;

  constructor(
    private readonly chain: ScenarioChain,
    deployment: Deployment,
    private readonly roles: Roles,
    private readonly report: ConsoleReport,
  ) {
    this.platform = new Platform(chain, deployment, roles);
  }

  /**
   * Runs every step; stops at the first that does not behave as expected. `beforeStep` runs before
   * each (the fault test stops and restarts a validator there).
   */
  async run(beforeStep?: (index: number) => Promise<void> | void): Promise<StepResult[]> {
    const steps = (await Season.begin(this.platform, this.roles, this.report)).steps();
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
