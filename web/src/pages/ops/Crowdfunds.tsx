// 众筹: every campaign's pledges against its goal, its status and deadline.
import type { CrowdfundTypes } from "../../../../clients/ts/src";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { clientsFor, nameOf } from "../../chain/session";
import { ProgressToTarget } from "../../components/Charts";
import { ctc, ctcNumber } from "../../lib/amounts";
import { everyMarkedPage, Exact, OpsSection, PAGE, percent, when } from "./shared";

export function Crowdfunds() {
  const { session } = useApp();
  const loaded = useChainQuery(() => {
    const crowdfund = clientsFor(session, session.operator).crowdfund;
    return everyMarkedPage(async (startAfter: number | undefined) => {
      const page = await crowdfund.campaigns({ limit: PAGE, startAfter });
      return { items: page.campaigns, next: page.next_start_after };
    });
  }, []);
  return (
    <OpsSection id="crowdfunds" title="Crowdfunds" loaded={loaded}>
      {(campaigns) =>
        campaigns.length === 0 ? (
          <p>No campaign has been launched.</p>
        ) : (
          <>
            <p>
              <Exact value={campaigns.length} data-figure="campaigns">
                {campaigns.length}
              </Exact>{" "}
              campaigns, {campaigns.filter((c) => c.status === "open").length} open.
            </p>
            <div className="grid two">
              {campaigns.map((campaign) => (
                <Campaign key={campaign.campaign_id} campaign={campaign} />
              ))}
            </div>
          </>
        )
      }
    </OpsSection>
  );
}

function statusOf(status: CrowdfundTypes.CampaignStatus): { words: string; tone: string; at?: string } {
  if (status === "open") return { words: "open", tone: "" };
  if ("succeeded" in status) return { words: "succeeded", tone: "ok", at: status.succeeded.at };
  if ("failed" in status) return { words: "failed", tone: "bad", at: status.failed.at };
  return { words: "cancelled", tone: "bad", at: status.cancelled.at };
}

function Campaign({ campaign }: { campaign: CrowdfundTypes.CampaignResponse }) {
  const { session } = useApp();
  const raised = BigInt(campaign.raised);
  const goal = BigInt(campaign.goal);
  const status = statusOf(campaign.status);
  const id = `campaign-${campaign.campaign_id}`;
  return (
    <article className="card" aria-labelledby={id} style={{ margin: 0 }}>
      <h3 id={id} style={{ marginTop: 0 }}>
        #{campaign.campaign_id} {campaign.title}
      </h3>
      <p className="muted" style={{ margin: "0 0 0.3rem" }}>
        by {nameOf(session, campaign.creator)} · deadline {when(campaign.deadline)} · {campaign.backers}{" "}
        {campaign.backers === 1 ? "backer" : "backers"}
      </p>
      <p style={{ margin: "0 0 0.3rem" }}>
        <span className={`badge ${status.tone}`}>{status.words}</span>
        {status.at && <span className="muted"> {when(status.at)}</span>} ·{" "}
        <Exact value={campaign.raised} data-campaign-raised={campaign.campaign_id}>
          {ctc(raised)}
        </Exact>{" "}
        raised of {ctc(goal)} ({percent(raised, goal)})
      </p>
      <ProgressToTarget
        caption="Raised toward the goal"
        value={ctcNumber(raised)}
        target={ctcNumber(goal)}
        shownValue={ctc(raised)}
        shownTarget={ctc(goal)}
        shownShare={percent(raised, goal)}
        tickLabel={(v) => `${v.toLocaleString("en-US")} CTC`}
      />
    </article>
  );
}
