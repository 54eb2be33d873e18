// Who holds each platform role, and the instantiate message of each contract. The economics are
// the platform's defaults (README): tickets 5% fee with 10% of sales burned at settlement,
// crowdfund 3%, tipping 2%, wager fees split 60/40 between treasury and node incentive.
import type { CtcTokenTypes, CrowdfundTypes, OutcomeOracleTypes, PartnerRegistryTypes } from "../../clients/ts/src";
import type { TicketNftTypes, TippingTypes, WagerPoolTypes } from "../../clients/ts/src";
import type { ContractName } from "./artifacts";

/** One CTC in micro-units (6 decimals). */
export const CTC = 1_000_000n;
const DAY = 86_400;

export interface Roles {
  /** Deploys, owns every contract, is the registry authority, the wager operator and an oracle creator. */
  owner: string;
  treasury: string;
  /** Rules on disputed oracle answers. */
  arbiter: string;
  /** Receives the node-incentive share of wager fees. */
  nodeIncentive: string;
  /** CTC's six genesis buckets; each must be a different address. */
  allocation: CtcTokenTypes.GenesisAllocation;
  /** Pays fans' transaction fees through Cosmos fee grants (feegrant), so fans need no native coin. */
  sponsor: string;
}

/**
 * What a network may shorten so a season fits in minutes on a chain without time travel. Omitted,
 * each takes the production default.
 */
export interface DeploymentTimings {
  /** ticket-nft: how long after a show ends its sales may be settled (default a day). */
  settlementDelaySeconds?: number;
  /** outcome-oracle: the shortest dispute window a question may set (default an hour). */
  minDisputeWindowSeconds?: number;
}

/** The role names, in the order their addresses are derived from the deployer's HD wallet. */
export const ROLE_NAMES = [
  "owner",
  "treasury",
  "arbiter",
  "node_incentive",
  "founding_team",
  "institutional_investors",
  "service_providers",
  "business_development",
  "community_rewards",
  "public_welfare",
  "sponsor",
] as const;

export type RoleName = (typeof ROLE_NAMES)[number];

export function rolesFrom(address: (role: RoleName) => string): Roles {
  return {
    owner: address("owner"),
    treasury: address("treasury"),
    arbiter: address("arbiter"),
    nodeIncentive: address("node_incentive"),
    allocation: {
      founding_team: address("founding_team"),
      institutional_investors: address("institutional_investors"),
      service_providers: address("service_providers"),
      business_development: address("business_development"),
      community_rewards: address("community_rewards"),
      public_welfare: address("public_welfare"),
    },
    sponsor: address("sponsor"),
  };
}

/** The instantiate message of `name`, given the addresses of the contracts instantiated before it. */
export function instantiateMsg(
  name: ContractName,
  roles: Roles,
  nativeDenom: string,
  addresses: Partial<Record<ContractName, string>>,
  timings: DeploymentTimings = {},
): object {
  const need = (contract: ContractName): string => {
    const address = addresses[contract];
    if (!address) throw new Error(`${name} needs ${contract}, which is not deployed yet`);
    return address;
  };
  switch (name) {
    case "partner-registry":
      return { authority: null, open_anchoring: false } satisfies PartnerRegistryTypes.InstantiateMsg;
    case "ctc-token":
      return {
        allocation: roles.allocation,
        recycle_pool: null,
        owner: null,
        marketing: null,
      } satisfies CtcTokenTypes.InstantiateMsg;
    case "ticket-nft":
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        platform_fee: 500,
        burn_share: 1_000,
        settlement_delay_seconds: timings.settlementDelaySeconds ?? DAY,
        name: "TicketChain Tickets",
        symbol: "TIX",
        owner: null,
      } satisfies TicketNftTypes.InstantiateMsg;
    case "crowdfund":
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        ticket_nft: need("ticket-nft"),
        treasury: roles.treasury,
        platform_fee: 300,
        owner: null,
      } satisfies CrowdfundTypes.InstantiateMsg;
    case "tipping":
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        fee: 200,
        min_ctc_tip: CTC.toString(),
        native_denoms: [{ denom: nativeDenom, min_tip: "1000" }],
        owner: null,
      } satisfies TippingTypes.InstantiateMsg;
    case "outcome-oracle":
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        arbiter: roles.arbiter,
        dispute_bond: (100n * CTC).toString(),
        arbitration_timeout_seconds: 7 * DAY,
        // Only when shortened: a record made before the parameter existed stays the same configuration.
        ...(timings.minDisputeWindowSeconds === undefined
          ? {}
          : { min_dispute_window_seconds: timings.minDisputeWindowSeconds }),
        creators: [roles.owner],
        owner: null,
      } satisfies OutcomeOracleTypes.InstantiateMsg;
    case "wager-pool":
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        oracle: need("outcome-oracle"),
        operator: roles.owner,
        treasury: roles.treasury,
        node_incentive: roles.nodeIncentive,
        treasury_share: 6_000,
        creation_bond: (50n * CTC).toString(),
        owner: null,
      } satisfies WagerPoolTypes.InstantiateMsg;
  }
}
