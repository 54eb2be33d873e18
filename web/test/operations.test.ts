// The Operations page against the chain: every figure it marks exactly (burned and supply, per-event
// sales and escrow, per-partner sales, campaigns, pools and odds, supervision records) equals what the
// contracts answer when asked directly, and the page stays within a phone's width.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { TicketNftTypes } from "../../clients/ts/src";
import { AppPage, DESKTOP, inApp } from "./browser";

const SECTIONS = ["burn", "sales", "crowdfunds", "pools", "supervision", "release", "chain"];

/** Waits until every section has read the chain, and fails with what a section said if one could not. */
async function sectionsRead(app: AppPage): Promise<void> {
  await app.page.waitForFunction(
    (count) => {
      const sections = [...document.querySelectorAll("section[data-section]")];
      return sections.length === count && sections.every((s) => s.getAttribute("data-state") !== "loading");
    },
    SECTIONS.length,
    { timeout: 60_000 },
  );
  const states = await app.page.$$eval("section[data-section]", (sections) =>
    sections.map((s) => `${s.getAttribute("data-section")}: ${s.getAttribute("data-state")} ${s.textContent ?? ""}`),
  );
  for (const state of states) assert.match(state, /^\S+: ready /, state.slice(0, 300));
}

/** Every `<data>` carrying `mark`, as mark value → exact value. */
function marked(app: AppPage, mark: string): Promise<Record<string, string>> {
  return app.page.$$eval(
    `data[${mark}]`,
    (elements, name): Record<string, string> =>
      Object.fromEntries(elements.map((e) => [e.getAttribute(name) ?? "", e.getAttribute("value") ?? ""])),
    mark,
  );
}

test("the Operations page shows what the chain holds", { timeout: 300_000 }, async () => {
  await inApp({ suite: "operations", options: DESKTOP, query: "#/ops" }, async (app) => {
    await sectionsRead(app);

    assert.equal(await app.page.locator("h1").count(), 1);
    assert.equal(await app.page.locator("h1").textContent(), "Operations");
    assert.deepEqual(await app.page.locator("main h2").allTextContents(), [
      "Burn toward the floor",
      "Sales and refunds",
      "Crowdfunds",
      "Pools and odds",
      "Supervision",
      "Release and configuration",
      "Chain status",
    ]);

    // The same questions the page asked, asked again here, each answer reduced to what the page marks.
    const chain = await app.page.evaluate(async () => {
      const t = window.__ticketchain!;
      const c = t.clientsFor(t.session, t.session.operator);
      const tokenomics = await c.ctc.tokenomics();
      const events: TicketNftTypes.EventResponse[] = [];
      for (let more = true; more;) {
        const page = (await c.tickets.events({ limit: 50, startAfter: events.at(-1)?.event_id })).events;
        events.push(...page);
        more = page.length === 50;
      }
      const issuers = new Set(events.map((e) => e.issuer));
      for (let startAfter: string | undefined, more = true; more;) {
        const page = await c.registry.partners({ capability: "issue_tickets", limit: 50, startAfter });
        page.partners.forEach((p) => issuers.add(p.address));
        startAfter = page.next_start_after ?? undefined;
        more = startAfter !== undefined;
      }
      // Nothing sells before CTC is listed; partner_report answers at most 366 days at a time.
      const listedAt = t.session.deployment.listedAt ?? 0;
      const today = Math.floor((await t.session.now()) / 86_400);
      const partnerSold: Record<string, string> = {};
      for (const partner of issuers) {
        let sold = 0n;
        for (let from = Math.floor(listedAt / 86_400); from <= today; from += 366) {
          const toDay = Math.min(from + 365, today);
          sold += BigInt((await c.tickets.partnerReport({ partner, fromDay: from, toDay })).total.sold);
        }
        partnerSold[partner] = sold.toString();
      }
      const campaigns = (await c.crowdfund.campaigns({ limit: 50 })).campaigns;
      const pools = (await c.wager.pools({ limit: 50 })).pools;
      const stakes: Record<string, string> = {};
      const odds: Record<string, string> = {};
      for (const pool of pools) {
        const payout = (await c.wager.odds({ poolId: pool.pool_id })).payout_per_unit;
        pool.outcomes.forEach((_, i) => {
          stakes[`${pool.pool_id}-${i}`] = pool.stakes[i] ?? "0";
          odds[`${pool.pool_id}-${i}`] = payout[i] ?? "";
        });
      }
      let supervisionRecords = 0;
      let supervisionCounted = 0;
      for (const event of events.filter((e) => e.supervision_records > 0)) {
        supervisionCounted += event.supervision_records;
        supervisionRecords += (await c.tickets.supervisionRecords({ eventId: event.event_id, limit: 50 })).records
          .length;
      }
      return {
        tokenomics,
        eventSold: Object.fromEntries(
          events.map((e) => [String(e.event_id), String(e.tiers.reduce((sum, tier) => sum + tier.sold, 0))]),
        ),
        eventEscrow: Object.fromEntries(events.map((e) => [String(e.event_id), e.escrow])),
        partnerSold,
        campaignRaised: Object.fromEntries(campaigns.map((c) => [String(c.campaign_id), c.raised])),
        poolTotal: Object.fromEntries(pools.map((p) => [String(p.pool_id), p.total])),
        stakes,
        odds,
        supervisionRecords,
        supervisionCounted,
        contracts: Object.keys(t.session.deployment.contracts).length,
      };
    });

    const figures = await marked(app, "data-figure");
    const { tokenomics } = chain;
    assert.ok(BigInt(tokenomics.burned) > 0n, "the season's settlements burned CTC");
    assert.equal(figures.burned, tokenomics.burned);
    assert.equal(figures["total-supply"], tokenomics.total_supply);
    assert.equal(figures.floor, tokenomics.floor);
    assert.equal(figures.burnable, tokenomics.burnable);
    assert.equal(figures.circulating, tokenomics.circulating);
    assert.equal(BigInt(figures["total-supply"]) + BigInt(figures.burned), BigInt(tokenomics.issuance));
    const share = await app.page.textContent("[data-share=burned]");
    assert.match(share ?? "", /^0\.0+[1-9]\d*%$/, `the burned share is written out with its decimals: ${share}`);

    assert.ok(Object.keys(chain.eventSold).length > 0, "the season and the fixtures issued events");
    assert.deepEqual(await marked(app, "data-event-sold"), chain.eventSold);
    assert.deepEqual(await marked(app, "data-event-escrow"), chain.eventEscrow);
    assert.deepEqual(await marked(app, "data-partner-sold"), chain.partnerSold);
    assert.ok(
      Object.values(chain.partnerSold).some((sold) => BigInt(sold) > 0n),
      "a partner's settled event shows in its report",
    );

    assert.ok(Object.keys(chain.campaignRaised).length > 0, "the fixtures opened a campaign");
    assert.deepEqual(await marked(app, "data-campaign-raised"), chain.campaignRaised);
    assert.ok(Object.keys(chain.poolTotal).length > 0, "the season and the fixtures created pools");
    assert.deepEqual(await marked(app, "data-pool-total"), chain.poolTotal);
    assert.deepEqual(await marked(app, "data-pool-stake"), chain.stakes);
    assert.deepEqual(await marked(app, "data-pool-odds"), chain.odds);

    assert.equal(chain.supervisionRecords, chain.supervisionCounted, "each event counts the records it lists");
    assert.equal(figures["supervision-records"], String(chain.supervisionRecords));
    assert.equal(await app.page.locator("tr[data-supervision-record]").count(), chain.supervisionRecords);

    assert.equal(await app.page.locator("tr[data-contract]").count(), chain.contracts);
    assert.equal(chain.contracts, 17);

    // Every chart is an image named by its own numbers.
    const charts = await app.page.$$eval("svg[role=img]", (svgs) =>
      svgs.map((svg) => document.getElementById(svg.getAttribute("aria-labelledby") ?? "")?.textContent ?? ""),
    );
    assert.ok(charts.length >= 5, `charts drawn: ${charts.length}`);
    for (const name of charts) assert.match(name, /\d/, `a chart's name carries its figures: ${name}`);
    await app.shot("desktop");

    // The sections read again after the clock moves.
    const before = Number(figures["chain-time"]);
    await app.page.getByRole("button", { name: "+1 day" }).click();
    await app.page.waitForFunction(
      (was) => Number(document.querySelector("data[data-figure=chain-time]")?.getAttribute("value")) >= was + 86_400,
      before,
    );
    await sectionsRead(app);

    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.page
      .locator("section[data-section=burn] details")
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 390px phone`);
    await app.shot("phone");
  });
});
