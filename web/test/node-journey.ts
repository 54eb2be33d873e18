// The web app on a real wasmd node, for the real-chain tests (deploy/test-chain): the page boots
// from the deployment record through the RPC proxy, adds its demo event with real signed
// transactions, a fan with no native coin buys through the page on the sponsor's fee grant, the
// door code is signed by the fan's HD key, and the operations page shows the node's figures.
import assert from "node:assert/strict";
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DESKTOP, inApp } from "./browser";

export interface NodeUnderTest {
  rpc: string;
  /** The directory holding deployments/<chain-id>.json of the platform on that node. */
  deployments: string;
  /** A client of the same node, to compare the page with. */
  client: CosmWasmClient;
  token: string;
  tickets: string;
  fan: string;
}

export async function webOnNode(node: NodeUnderTest): Promise<void> {
  await inApp(
    {
      suite: "wasmd-node",
      options: DESKTOP,
      query: "?network=wasmd-local&as=fan-1#/events",
      serve: { deployments: node.deployments, rpc: node.rpc },
    },
    async (app) => {
      const { page } = app;
      assert.match(await page.locator("[data-network]").innerText(), /wasmd node \(wasmd-local\)/);
      await app.shot("events-on-the-node");
      await page.getByRole("button", { name: "Add the demo event and campaign" }).click();
      await page.getByText("added: the Spring Gala is on sale").waitFor({ timeout: 120_000 });
      const card = page.locator("article[data-event]", { hasText: "Spring Gala" }).first();
      const eventId = Number(await card.getAttribute("data-event"));
      const { tokens: before } = (await node.client.queryContractSmart(node.tickets, {
        tokens: { owner: node.fan },
      })) as { tokens: string[] };
      await card.getByRole("button", { name: "Buy for 80 CTC" }).click();
      const included = card.locator("[data-included]");
      await included.waitFor({ timeout: 60_000 });
      const height = Number(/height (\d+)/.exec(await included.innerText())![1]);
      assert.ok(height <= (await node.client.getHeight()), "the purchase is in a block of the node");
      const { tokens: after } = (await node.client.queryContractSmart(node.tickets, {
        tokens: { owner: node.fan },
      })) as { tokens: string[] };
      const bought = after.filter((id) => !before.includes(id));
      assert.deepEqual(
        bought.map((id) => id.split("-")[0]),
        [String(eventId)],
        "the node holds the fan's new ticket",
      );
      await app.shot("bought-on-the-node");

      await app.go("tickets");
      const held = page.locator(`article[data-ticket="${bought[0]}"]`);
      await held.getByRole("button", { name: "Show door code" }).click();
      await held.locator("[data-qr]").waitFor({ timeout: 30_000 });
      assert.match((await held.locator("[data-qr]").getAttribute("data-qr"))!, new RegExp(`^TCK1\\|${bought[0]}\\|`));
      await app.shot("door-code-on-the-node");

      await app.go("ops");
      const burned = page.locator('[data-figure="burned"]');
      await burned.waitFor({ timeout: 60_000 });
      const { burned: onNode } = (await node.client.queryContractSmart(node.token, { tokenomics: {} })) as {
        burned: string;
      };
      assert.equal(await burned.getAttribute("value"), onNode, "the operations page shows the node's burned CTC");
      await app.shot("operations-on-the-node");
    },
  );
}
