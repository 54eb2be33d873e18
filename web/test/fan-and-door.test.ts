// A fan's whole journey on a phone (buy, gift, resale under the cap, the door code) and the door's
// check-in of that code: a code for someone else's ticket, an expired code and a replayed code are
// refused in words, a fresh one read from its picture is admitted.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { inApp, SCREENSHOTS } from "./browser";

test("a fan buys, gifts and resells on a phone; the door admits the holder's fresh code once", async () => {
  await inApp({ suite: "fan-and-door", query: "?as=fan-1#/events" }, async (app) => {
    const { page } = app;
    const gala = await page.evaluate(() => window.__ticketchain!.fixtures!.galaId);
    const card = page.locator(`article[data-event="${gala}"]`);
    await card.getByLabel("Quantity").fill("2");
    await app.shot("events");
    await card.getByRole("button", { name: "Buy for 160 CTC" }).click();
    await card.locator("[data-included]").waitFor();
    assert.match(
      await card.locator("[data-included]").innerText(),
      /buy 2 × Stalls: included at height \d+, gas [\d,]+/,
    );
    await app.shot("bought");

    const holdings = () =>
      page.evaluate(async () => {
        const t = window.__ticketchain!;
        const tickets = t.clientsFor(t.session, t.session.operator).tickets;
        const holders: Record<string, string[]> = {};
        for (const name of ["fan-0", "fan-1", "fan-2"]) {
          const owner = t.session.actors.find((a) => a.name === name)!.address;
          holders[name] = (await tickets.tokens({ owner })).tokens;
        }
        return holders;
      });
    const fan1Before = (await holdings())["fan-1"];
    await app.go("tickets");
    const bought = fan1Before.filter((id) => id.startsWith(`${gala}-`));
    assert.equal(bought.length, 2, `fan-1 holds two Spring Gala tickets: ${fan1Before.join(", ")}`);
    const [gift, resale] = bought;
    for (const id of bought) await page.locator(`article[data-ticket="${id}"]`).waitFor();

    const giftCard = page.locator(`article[data-ticket="${gift}"]`);
    await giftCard.getByLabel("Gift to").selectOption({ label: "fan-2" });
    await giftCard.getByRole("button", { name: "Gift" }).click();
    await page.getByText(`gift ticket ${gift} to fan-2: included`).waitFor();
    assert.ok((await holdings())["fan-2"].includes(gift), "fan-2 holds the gift on chain");

    const resaleCard = page.locator(`article[data-ticket="${resale}"]`);
    await resaleCard.getByLabel("Resale price (CTC)").fill("120");
    await resaleCard.getByRole("button", { name: "List for resale" }).click();
    const refusal = page.getByRole("alert");
    await refusal.waitFor();
    assert.match(
      await refusal.locator("[data-refusal]").innerText(),
      /^price 120000000 is above the resale cap of 88000000/,
    );
    await app.shot("resale-over-the-cap");
    await resaleCard.getByLabel("Resale price (CTC)").fill("88");
    await resaleCard.getByRole("button", { name: "List for resale" }).click();
    await page.getByText(`list ${resale} for 88 CTC: included`).waitFor();

    await app.actAs("fan-0");
    await app.go("events");
    await page.getByRole("button", { name: `Buy resale ${resale}` }).click();
    await page.getByText(`buy ticket ${resale} on resale: included`).waitFor();
    assert.ok((await holdings())["fan-0"].includes(resale), "fan-0 holds the resold ticket on chain");

    await page.getByRole("button", { name: "Doors open" }).click();
    await app.go("tickets");
    const held = page.locator(`article[data-ticket="${resale}"]`);
    await held.getByRole("button", { name: "Show door code" }).click();
    await held.locator("[data-qr]").waitFor();
    await app.shot("door-code");
    const staleCode = (await held.locator("[data-qr]").getAttribute("data-qr"))!;
    assert.match(staleCode, new RegExp(`^TCK1\\|${resale}\\|\\d+\\|`));

    await page.getByRole("button", { name: "+6 min" }).click();
    // Someone else's key signs a code for fan-0's ticket: the contract knows it is not the holder's.
    const forged = await page.evaluate(async (tokenId) => {
      const t = window.__ticketchain!;
      const fan2 = t.session.actors.find((a) => a.name === "fan-2")!;
      return (await t.signDoorCode(t.session, fan2, tokenId)).text;
    }, resale);

    await app.actAs("door-scanner");
    await app.go("door");
    // The door page numbers its scans from 1 each time it opens: the verdict awaited is this scan's.
    let scans = 0;
    const verdictOf = async (scan: Promise<void>) => {
      scans += 1;
      await scan;
      const verdict = page.locator(`[data-scan="${scans}"]:not([data-verdict=pending])`);
      await verdict.waitFor();
      return verdict.getAttribute("data-verdict");
    };
    const check = (text: string) =>
      verdictOf(
        (async () => {
          await page.getByLabel("Or paste the code").fill(text);
          await page.getByRole("button", { name: "Check in" }).click();
        })(),
      );
    assert.equal(await check(forged), "refused");
    assert.match(await page.locator("[data-refusal]").innerText(), /does not belong to/);
    await app.shot("door-someone-elses-code");
    assert.equal(await check(staleCode), "refused");
    assert.match(await page.locator("[data-refusal]").innerText(), /expired at [\d.]+; show a fresh code/);
    await app.shot("door-expired-code");

    await app.actAs("fan-0");
    await app.go("tickets");
    await held.getByRole("button", { name: "Show door code" }).click();
    const qr = held.locator("[data-qr]");
    await qr.waitFor();
    const picture = join(SCREENSHOTS, "fan-and-door", "fresh-code.png");
    // Clear of the fixed navigation bar, as a phone held up to a scanner shows it.
    await qr.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await qr.screenshot({ path: picture });
    await app.actAs("door-scanner");
    await app.go("door");
    scans = 0;
    const photo = () => verdictOf(page.getByLabel("Photo of the code").setInputFiles(picture));
    assert.equal(await photo(), "admitted");
    assert.match(await page.locator(".verdict").innerText(), /Admitted/);
    await app.shot("door-admitted");
    const status = await page.evaluate(async (tokenId) => {
      const t = window.__ticketchain!;
      return (await t.clientsFor(t.session, t.session.operator).tickets.nftInfo({ tokenId })).extension.status;
    }, resale);
    assert.equal(status, "used", "the chain marks the ticket used");

    assert.equal(await photo(), "refused");
    await page.getByText("this exact code was already scanned here").waitFor();
    assert.match(await page.locator("[data-refusal]").innerText(), /already checked in/);
    await app.shot("door-replayed-code");
  });
});
