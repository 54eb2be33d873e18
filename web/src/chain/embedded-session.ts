// The default mode: the chain in this tab, deployed from the committed artifacts, the season
// played through the generated client, then the page's fixtures.
import { ConsoleReport } from "../../../deploy/src/report";
import { LOCAL } from "../../../deploy/src/networks";
import { PlatformScenario } from "../../../deploy/src/scenario";
import { deployInPage } from "./embedded";
import { addFixtures, type Fixtures } from "./fixtures";
import { platformAddresses } from "../../../deploy/src/deployment-record";
import { CAST, type Session } from "./session";

export interface Started {
  session: Session;
  /** What the page added after the season (the embedded chain does it on start). */
  fixtures?: Fixtures;
}

export async function startEmbedded(progress: (line: string) => void): Promise<Started> {
  const report = new ConsoleReport(progress);
  const platform = await deployInPage(report);
  const { chain, deployment, roles } = platform;
  const results = await new PlatformScenario(chain, deployment, roles, report).run();
  const failed = results.find((step) => step.failure);
  if (failed) throw new Error(`the season failed at "${failed.title}": ${failed.failure}`);
  const session: Session = {
    kind: "embedded",
    chainId: LOCAL.chainId,
    networkName: "embedded chain (cw-simulate in this tab)",
    nativeDenom: LOCAL.feeDenom,
    client: chain.client,
    deployment,
    addresses: platformAddresses(deployment),
    actors: CAST.map(([name, role]) => ({ name, role, address: chain.address(name) })),
    operator: roles.owner,
    holderSigner: (actor) => chain.holderSigner(actor.name),
    now: () => chain.now(),
    advanceTo: (seconds) => chain.advanceTo(seconds),
    sent: [],
    txSteps: {},
  };
  progress("\nThe web app's own events, campaign and pools");
  const fixtures = await addFixtures(session, (line) => progress(`  ${line}`));
  // From here time passes in the tab as on a chain, so a door code counts down and expires.
  setInterval(() => void chain.now().then((now) => chain.advanceTo(now + 1)), 1000);
  return { session, fixtures };
}
