// The organiser's page on a desktop: the grand theater creates an event in Chinese and English with
// two tiers and appoints its door scanner, the chain holds what the form sent; the Spring Gala's
// settlement is refused in the contract's words before it opens and goes through after, moving the
// escrow as the event's fee and burn shares say; the troupe issues an event from a hall booking.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ctc } from "../../deploy/src/report";
import { DESKTOP, inApp } from "./browser";

const TITLE = "Moon Over Xi'an 西安月";

test("an organiser creates an event, appoints a scanner, settles the gala and issues from a booking", async () => {
  await inApp({ suite: "organiser", options: DESKTOP, query: "?as=grand-theater#/organiser" }, async (app) => {
    const { page } = app;
    const galaId = await page.evaluate(() => window.__ticketchain!.fixtures!.galaId);
    const yourEvents = page.locator("section[aria-labelledby=org-events]");
    await page.getByRole("heading", { level: 1, name: "Organiser" }).waitFor();
    await yourEvents.locator(`article[data-event="${galaId}"]`).waitFor();

    // A fan buys two Stalls so that the gala holds escrow to settle (the page reads it after its own next transaction).
    await page.evaluate(async (eventId) => {
      const t = window.__ticketchain!;
      const fan = t.session.actors.find((a) => a.name === "fan-1")!.address;
      const hook = btoa(JSON.stringify({ buy: { event_id: eventId, tier: 0, quantity: 2 } }));
      await t
        .clientsFor(t.session, fan)
        .ctc.send({ contract: t.session.addresses.tickets, amount: "160000000", msg: hook });
    }, galaId);
    await app.shot("organiser");

    // Create an event: two tiers (a third added and removed again), no identity required.
    const create = page.locator("section[aria-labelledby=org-create]");
    await create.getByLabel("Title").fill(TITLE);
    await create.getByLabel(/^Venue/).fill("Xi'an Grand Opera House");
    await create.getByLabel("Starts in (hours)").fill("48");
    const tier = (index: number) => create.locator(`fieldset[data-tier="${index}"]`);
    await tier(0).getByLabel("Name").fill("Stalls 池座");
    await tier(0).getByLabel("Price (CTC)").fill("120");
    await tier(0).getByLabel("Supply").fill("30");
    await tier(1).getByLabel("Name").fill("Balcony");
    await tier(1).getByLabel("Price (CTC)").fill("60.5");
    await tier(1).getByLabel("Supply").fill("50");
    await create.getByRole("button", { name: "Add a tier" }).click();
    await tier(2).waitFor();
    await create.getByRole("button", { name: "Remove tier 3" }).click();
    assert.equal(await create.locator("fieldset[data-tier]").count(), 2);
    await create.getByLabel("Resale cap (% of face)").fill("120");
    await create.getByLabel("Royalty (%)").fill("7.5");
    await create.getByLabel("Buyers' identity").selectOption("none");
    await app.shot("create-filled");
    await create.getByRole("button", { name: "Create event" }).click();
    await create.locator("[data-included]").waitFor();
    assert.match(
      await create.locator("[data-included]").innerText(),
      /create “Moon Over Xi'an 西安月”: included at height \d+/,
    );
    const createdId = Number(await create.locator("[data-created]").getAttribute("data-created"));
    assert.ok(createdId > galaId, `the new event's id ${createdId} follows the gala's ${galaId}`);
    const createdCard = yourEvents.locator(`article[data-event="${createdId}"]`);
    await createdCard.waitFor();
    assert.equal(await createdCard.getByRole("heading").innerText(), TITLE);
    assert.match(await createdCard.innerText(), /0 \/ 30[\s\S]*0 \/ 50/);
    assert.equal(await createdCard.locator("[data-status]").innerText(), "scheduled");
    await app.shot("created");

    const chain = await page.evaluate(async (eventId) => {
      const t = window.__ticketchain!;
      const theater = t.session.actors.find((a) => a.name === "grand-theater")!.address;
      const event = await t.clientsFor(t.session, theater).tickets.event({ eventId });
      return { event, theater, now: await t.session.now() };
    }, createdId);
    const { event } = chain;
    assert.equal(event.title, TITLE);
    assert.equal(event.venue, "Xi'an Grand Opera House");
    assert.equal(event.issuer, chain.theater);
    assert.deepEqual(
      event.tiers.map((t) => [t.name, t.price, t.supply, t.sold]),
      [
        ["Stalls 池座", "120000000", 30, 0],
        ["Balcony", "60500000", 50, 0],
      ],
    );
    assert.equal(event.resale_cap_bps, 12_000);
    assert.equal(event.royalty, 750);
    assert.equal(event.min_identity ?? null, null);
    assert.equal(event.status, "scheduled");
    const startsIn = Number(BigInt(event.starts_at) / 1_000_000_000n) - chain.now;
    assert.ok(
      startsIn > 47 * 3_600 && startsIn <= 48 * 3_600,
      `starts 48 hours after the form was sent: ${startsIn} s`,
    );
    // The gala's sale reached the page with the create transaction's refresh.
    assert.equal(await yourEvents.locator(`article[data-event="${galaId}"] [data-escrow]`).innerText(), "160 CTC");

    // Staff: the door scanner for the new event.
    const staff = page.locator("section[aria-labelledby=org-staff]");
    await staff.getByLabel("Event").selectOption(String(createdId));
    await staff.getByLabel("Door scanner").selectOption({ label: "door-scanner (door)" });
    await staff.getByRole("button", { name: "Appoint scanner" }).click();
    await staff.locator("[data-included]").waitFor();
    await staff.getByText(`Now: may scan at #${createdId}.`).waitFor();
    const scans = await page.evaluate(async (eventId) => {
      const t = window.__ticketchain!;
      const scanner = t.session.actors.find((a) => a.name === "door-scanner")!.address;
      return (await t.clientsFor(t.session, scanner).tickets.roles({ eventId, address: scanner })).scanner;
    }, createdId);
    assert.equal(scans, true, "the chain lets door-scanner check tickets in for the new event");

    // Another tier once the sale has started: refused in the contract's words. Then the sale paused.
    const sale = page.locator("section[aria-labelledby=org-sale]");
    await sale.getByLabel("Event").selectOption(String(createdId));
    await sale.getByRole("button", { name: "Add the tier" }).click();
    const added = sale.locator("[data-included], [role=alert]").first();
    await added.waitFor();
    assert.equal(await added.locator("[data-refusal]").innerText(), "the sale of this event has already started");
    await sale.getByRole("button", { name: "Pause the sale" }).click();
    await sale.locator("[data-sale-paused=true]").waitFor();
    const afterChanges = await page.evaluate(async (eventId) => {
      const t = window.__ticketchain!;
      return t.clientsFor(t.session, t.session.operator).tickets.event({ eventId });
    }, createdId);
    assert.deepEqual(afterChanges.tiers, event.tiers, "the refused tier changed nothing");
    assert.equal(afterChanges.sale_paused, true, "the chain holds the sale paused");

    // Settling the gala before it even started: the contract's reason, not the wrapping around it.
    const gala = await page.evaluate(async (eventId) => {
      const t = window.__ticketchain!;
      const e = await t.clientsFor(t.session, t.session.operator).tickets.event({ eventId });
      const config = await t.clientsFor(t.session, t.session.operator).tickets.config();
      return {
        endsAt: Number(BigInt(e.ends_at) / 1_000_000_000n),
        delay: e.settlement_delay_seconds,
        platformFee: e.platform_fee,
        burnShare: e.burn_share,
        treasury: config.treasury,
      };
    }, galaId);
    const opensAt = gala.endsAt + gala.delay;
    const settleCard = page.locator(`article[data-settle="${galaId}"]`);
    await settleCard.getByRole("button", { name: `Settle #${galaId}` }).click();
    const refusal = settleCard.getByRole("alert");
    await refusal.waitFor();
    const words = await refusal.locator("[data-refusal]").innerText();
    assert.equal(words, `settlement opens at ${opensAt}.000000000`);
    assert.doesNotMatch(words, /Error|execute|wasm|dispatch/);
    const opensText = new Date(opensAt * 1000).toISOString().slice(0, 16).replace("T", " ");
    assert.equal(await settleCard.locator("[data-hint]").innerText(), `That is ${opensText} UTC.`);
    await app.shot("settle-refused");

    // The header's clock: after the show, then a day at a time until the delay has passed.
    const clock = () => page.locator("[data-clock]").getAttribute("data-clock").then(Number);
    const jump = async (name: string) => {
      const before = await clock();
      await page.getByRole("button", { name }).click();
      await page.waitForFunction(
        (previous) => document.querySelector("[data-clock]")?.getAttribute("data-clock") !== String(previous),
        before,
      );
    };
    await jump("After the show");
    assert.ok((await clock()) > gala.endsAt, "the show has ended");
    while ((await clock()) < opensAt) await jump("+1 day");
    await settleCard.getByText("open now").waitFor();

    const soldBefore = await page.locator("[data-report-total] [data-total=sold]").innerText();
    await settleCard.getByRole("button", { name: `Settle #${galaId}` }).click();
    await settleCard.locator("[data-included]").waitFor();
    assert.match(await settleCard.locator("[data-included]").innerText(), new RegExp(`settle #${galaId}: included`));
    const escrow = 160_000_000n;
    const fee = (escrow * BigInt(gala.platformFee)) / 10_000n;
    const burn = (escrow * BigInt(gala.burnShare)) / 10_000n;
    const moved = await settleCard.locator("[data-movements] li").allInnerTexts();
    assert.deepEqual(
      [...moved].sort(),
      [
        `${ctc(fee)} from ticket-nft to the treasury`,
        `${ctc(escrow - fee - burn)} from ticket-nft to you`,
        `${ctc(burn)} burned`,
      ].sort(),
    );
    const status = await page.evaluate(async (eventId) => {
      const t = window.__ticketchain!;
      return (await t.clientsFor(t.session, t.session.operator).tickets.event({ eventId })).status;
    }, galaId);
    assert.ok(
      typeof status === "object" && "settled" in status,
      `the gala is settled on chain: ${JSON.stringify(status)}`,
    );
    await yourEvents.locator(`article[data-event="${galaId}"] [data-status=settled]`).waitFor();
    assert.equal(await yourEvents.locator(`article[data-event="${galaId}"] [data-escrow]`).innerText(), "0 CTC");
    const figure = (text: string) => Number(text.replace(/,/g, ""));
    // The report is its own query: wait for it to read the purchase rather than take its first answer.
    await page.waitForFunction(
      (before) => document.querySelector("[data-report-total] [data-total=sold]")?.textContent !== before,
      soldBefore,
    );
    const soldAfter = await page.locator("[data-report-total] [data-total=sold]").innerText();
    assert.equal(figure(soldAfter) - figure(soldBefore), 160, `the report's sold total: ${soldBefore} → ${soldAfter}`);
    await app.shot("settled");

    // A hall booking from the page: the theater publishes an evening, the troupe asks, the theater accepts.
    const bookings = page.locator("section[aria-labelledby=org-bookings]");
    await bookings.getByRole("button", { name: "Publish" }).click();
    const slotId = Number(await bookings.locator("[data-published]").getAttribute("data-published"));
    await app.shot("evening-published");
    await app.actAs("spring-troupe");
    await bookings.getByRole("button", { name: `Request slot ${slotId}` }).click();
    const bookingId = Number(await bookings.locator("[data-requested]").getAttribute("data-requested"));
    await bookings.locator(`[data-booking-status="${bookingId}"]`, { hasText: "requested" }).waitFor();
    await app.actAs("grand-theater");
    await bookings.getByLabel("A request to answer (booking number)").fill(String(bookingId));
    await bookings.locator(`[data-answer="${bookingId}"]`).getByRole("button", { name: "Accept" }).click();
    await bookings.getByText(`accept booking #${bookingId}: included`).waitFor();
    const bookingStatus = await page.evaluate(async (id) => {
      const t = window.__ticketchain!;
      return (await t.clientsFor(t.session, t.session.operator).schedules.booking({ bookingId: id })).status;
    }, bookingId);
    assert.equal(bookingStatus, "confirmed", "the chain holds the booking confirmed");
    await app.shot("booking-accepted");
    await app.actAs("spring-troupe");
    const hall = create.getByLabel("Hall");
    await hall.waitFor();
    await hall.selectOption(String(bookingId));
    await create.locator(`[data-booking="${bookingId}"]`).waitFor();
    assert.equal(await create.getByLabel(/^Venue/).count(), 0, "the hall names the venue");
    await create.getByLabel("Title").fill("The Butterfly Lovers (encore)");
    await tier(0).getByLabel("Supply").fill("30");
    await tier(1).getByLabel("Supply").fill("20");
    await app.shot("from-booking");
    await create.getByRole("button", { name: "Create event" }).click();
    await create.locator("[data-included]").waitFor();
    const bookedId = Number(await create.locator("[data-created]").getAttribute("data-created"));
    const booked = await page.evaluate(async (eventId) => {
      const t = window.__ticketchain!;
      return t.clientsFor(t.session, t.session.operator).tickets.event({ eventId });
    }, bookedId);
    assert.equal(booked.booking?.booking_id, bookingId);
    assert.equal(booked.venue, "Grand Theater, Main Hall, Shanghai");
    await yourEvents.locator(`article[data-event="${bookedId}"]`).waitFor();
    await app.shot("booked-event");

    // The same page on a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await app.shot("phone");
  });
});
