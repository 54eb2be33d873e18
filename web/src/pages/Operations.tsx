// 运营监控 (票链 §3.3.5): the platform as the chain holds it, for anyone to read: the burn toward the
// supply floor, sales and refunds, crowdfunds, pools, supervision, what is deployed, and the chain.
// Every section reads again after each transaction or clock move.
import { Burn } from "./ops/Burn";
import { ChainStatus } from "./ops/ChainStatus";
import { Crowdfunds } from "./ops/Crowdfunds";
import { Pools } from "./ops/Pools";
import { Release } from "./ops/Release";
import { Sales } from "./ops/Sales";
import { Supervision } from "./ops/Supervision";

export function Operations() {
  return (
    <>
      <h1>Operations</h1>
      <p className="muted">
        Read from the contracts for anyone; nothing here sends a transaction. It reads again after every transaction and
        clock move.
      </p>
      <Burn />
      <Sales />
      <Crowdfunds />
      <Pools />
      <Supervision />
      <Release />
      <ChainStatus />
    </>
  );
}
