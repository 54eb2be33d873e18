// The rest of a fan's page on a phone: a claim on a pool the fan won, a bet, a pledge and a tip,
// each included and each moving exactly the CTC the chain then shows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { inApp } from "./browser";

test("a fan claims winnings, bets, pledges and tips, and the chain moves exactly that CTC", async () => {
  await inApp({ suite: "fan-extras", query: "?as=fan-0#/more" }, async (app) => {
    const { page } = app;
    const balance = () =>
      page.evaluate(async () => {
        const t = window.__ticketchain!;
        const fan = t.session.actors.find((a) => a.name === "fan-0")!.address;
        return BigInt((await t.clientsFor(t.session, fan).ctc.balance({ address: fan })).balance).toString();
      });
    const pools = await page.evaluate(() => window.__ticketchain!.fixtures!.pools!);
    const won = page.locator(`article[data-pool="${pools.resolved}"]`);
    const claim = won.getByRole("button", { name: /^Claim / });
    const owed = await page.evaluate(async (poolId) => {
      const t = window.__ticketchain!;
      const fan = t.session.actors.find((a) => a.name === "fan-0")!.address;
      return (await t.clientsFor(t.session, fan).wager.position({ poolId, address: fan })).claimable;
    }, pools.resolved);
    const claimable = BigInt(owed);
    assert.ok(claimable > 0n, "fan-0 won the fixture's pool");
    let before = BigInt(await balance());
    await claim.click();
    await won.getByText("Claimed").waitFor();
    assert.equal(BigInt(await balance()) - before, claimable, "the claim paid what the pool owed");
    await app.shot("claimed");

    const open = page.locator(`article[data-pool="${pools.open}"]`);
    await open.getByLabel("Zhu Yingtai").check();
    await open.getByLabel(/^Amount/).fill("12.5");
    before = BigInt(await balance());
    await open.getByRole("button", { name: "Bet" }).click();
    await open.locator("[data-included]").waitFor();
    assert.equal(before - BigInt(await balance()), 12_500_000n, "the bet took 12.5 CTC");

    const campaign = page.locator("section[aria-labelledby=pledge] form").first();
    await campaign.getByLabel(/^Pledge/).fill("25");
    before = BigInt(await balance());
    await campaign.getByRole("button", { name: "Pledge" }).click();
    await campaign.locator("[data-included]").waitFor();
    assert.equal(before - BigInt(await balance()), 25_000_000n, "the pledge took 25 CTC");

    const tip = page.locator("section[aria-labelledby=tip]");
    await tip.getByLabel("Amount (CTC)").fill("3");
    before = BigInt(await balance());
    await tip.getByRole("button", { name: "Tip" }).click();
    await tip.locator("[data-included]").waitFor();
    assert.equal(before - BigInt(await balance()), 3_000_000n, "the tip took 3 CTC");

    // A bet below the pool's least is the contract's refusal, in its words.
    await open.getByLabel(/^Amount/).fill("0.01");
    await open.getByRole("button", { name: "Bet" }).click();
    const refusal = open.getByRole("alert");
    await refusal.waitFor();
    assert.match(await refusal.locator("[data-refusal]").innerText(), /^a bet is between \d+ and \d+$/);
    await app.shot("bet-refused");
  });
});
