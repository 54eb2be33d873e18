// Who holds each platform role, and the instantiate message of each contract: its addresses from
// the roles and the contracts deployed before it, every other parameter from deploy/platform.json
// (the platform's defaults, README: tickets 5% fee with 10% of sales burned at settlement,
// crowdfund 3%, tipping 2%, wager fees split 60/40 between treasury and node incentive, vouchers
// as tickets: 5% fee and 10% burned of what merchants earn).
import type { CtcTokenTypes, CrowdfundTypes, OutcomeOracleTypes, PartnerRegistryTypes } from "../../clients/ts/src";
import type { SchedulesTypes, TicketNftTypes, TippingTypes, VouchersTypes, WagerPoolTypes } from "../../clients/ts/src";
import type { AccountFactoryTypes, AllocationFundTypes, LockupsTypes, RandomnessTypes } from "../../clients/ts/src";
import PLATFORM from "../platform.json";
import { BUCKET_CONTRACTS, type ContractName } from "./contracts";
import { timestamp } from "./values";
import type { CommitteeRequest } from "./committee";

/** One CTC in micro-units (6 decimals). */
export const CTC = 1_000_000n;

/** deploy/platform.json: each contract's parameters that are not addresses, by contract name. */
export const PLATFORM_PARAMETERS = PLATFORM;

export interface Roles {
  /** Deploys, owns every contract, is the registry authority, the wager operator and an oracle creator. */
  owner: string;
  treasury: string;
  /** Rules on disputed oracle answers. */
  arbiter: string;
  /** Receives the node-incentive share of wager fees. */
  nodeIncentive: string;
  /** Pays fans' transaction fees through Cosmos fee grants (feegrant), so fans need no native coin. */
  sponsor: string;
  /**
   * When given, the committee that governs the platform: `owner` deploys and wires it, then hands
   * the committee every privileged role. When omitted, `owner` keeps them (a single key).
   */
  committee?: CommitteeRequest;
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
  /** lockups: how long the team's and the investors' CTC stays locked after listing. */
  teamLockSeconds?: number;
  investorLockSeconds?: number;
  /** randomness: the shortest commit window of a draw, and its reveal window. */
  drawCommitSeconds?: number;
  drawRevealSeconds?: number;
  /** account-factory: the shortest recovery delay and period a fan's account may choose. */
  accountMinDelaySeconds?: number;
  accountMinPeriodSeconds?: number;
}

/** What the factory instantiates fan accounts with: the stored code, and their wasm admin. */
export interface AccountCode {
  codeId: number;
  /** The committee on a governed platform, else the owner: who may migrate an account. */
  admin: string;
}

/**
 * The role names, in the order their addresses are derived from the deployer's HD wallet. The six
 * `bucket_*` accounts held the genesis buckets before the lock-ups and funds did; they stay so that
 * every later role keeps its account.
 */
export const ROLE_NAMES = [
  "owner",
  "treasury",
  "arbiter",
  "node_incentive",
  "bucket_1",
  "bucket_2",
  "bucket_3",
  "bucket_4",
  "bucket_5",
  "bucket_6",
  "sponsor",
  // The local chains' committee members (accounts 11-13): after every earlier role, whose accounts
  // keep their indices.
  "committee_1",
  "committee_2",
  "committee_3",
] as const;

export type RoleName = (typeof ROLE_NAMES)[number];

export function rolesFrom(address: (role: RoleName) => string): Roles {
  return {
    owner: address("owner"),
    treasury: address("treasury"),
    arbiter: address("arbiter"),
    nodeIncentive: address("node_incentive"),
    sponsor: address("sponsor"),
  };
}

/**
 * The instantiate message of `name`, given the addresses of the contracts instantiated before it;
 * `listedAt` (seconds) is when the deployment first listed CTC, from which the lock-ups count.
 */
export function instantiateMsg(
  name: ContractName,
  roles: Roles,
  nativeDenom: string,
  addresses: Partial<Record<ContractName, string>>,
  timings: DeploymentTimings = {},
  listedAt = 0,
  accountCode?: AccountCode,
): object {
  const need = (contract: ContractName): string => {
    const address = addresses[contract];
    if (!address) throw new Error(`${name} needs ${contract}, which is not deployed yet`);
    return address;
  };
  // The fields in the order the messages have always had: a recorded configuration compares equal.
  switch (name) {
    case "partner-registry": {
      const { open_anchoring } = PLATFORM["partner-registry"];
      return { authority: null, open_anchoring } satisfies PartnerRegistryTypes.InstantiateMsg;
    }
    case "team-lockup":
    case "investor-lockup": {
      const lockups = PLATFORM.lockups;
      const seconds =
        name === "team-lockup"
          ? (timings.teamLockSeconds ?? lockups.founding_team_lock_seconds)
          : (timings.investorLockSeconds ?? lockups.institutional_investors_lock_seconds);
      // The token is set after it exists (it needs this address first), by anyone: it is verified.
      return {
        owner: null,
        token: null,
        locked_until: timestamp(listedAt + seconds),
      } satisfies LockupsTypes.InstantiateMsg;
    }
    case "service-providers-fund":
    case "business-development-fund":
    case "community-rewards-fund":
    case "public-welfare-fund": {
      const bucket = Object.entries(BUCKET_CONTRACTS).find(([, contract]) => contract === name)![0];
      return {
        owner: null,
        token: null,
        registry: need("partner-registry"),
        bucket,
      } satisfies AllocationFundTypes.InstantiateMsg;
    }
    case "ctc-token": {
      const { marketing } = PLATFORM["ctc-token"];
      const allocation = Object.fromEntries(
        Object.entries(BUCKET_CONTRACTS).map(([bucket, contract]) => [bucket, need(contract)]),
      ) as unknown as CtcTokenTypes.GenesisAllocation;
      return {
        allocation,
        recycle_pool: null,
        owner: null,
        marketing,
      } satisfies CtcTokenTypes.InstantiateMsg;
    }
    case "randomness": {
      const draws = PLATFORM.randomness;
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        provider_bond: draws.provider_bond,
        commit_seconds: timings.drawCommitSeconds ?? draws.commit_seconds,
        reveal_seconds: timings.drawRevealSeconds ?? draws.reveal_seconds,
        min_commits: draws.min_commits,
        max_commits: draws.max_commits,
        owner: null,
      } satisfies RandomnessTypes.InstantiateMsg;
    }
    case "ticket-nft": {
      const tickets = PLATFORM["ticket-nft"];
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        platform_fee: tickets.platform_fee,
        burn_share: tickets.burn_share,
        settlement_delay_seconds: timings.settlementDelaySeconds ?? tickets.settlement_delay_seconds,
        name: tickets.name,
        symbol: tickets.symbol,
        randomness: need("randomness"),
        owner: null,
      } satisfies TicketNftTypes.InstantiateMsg;
    }
    case "crowdfund":
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        ticket_nft: need("ticket-nft"),
        treasury: roles.treasury,
        platform_fee: PLATFORM.crowdfund.platform_fee,
        randomness: need("randomness"),
        owner: null,
      } satisfies CrowdfundTypes.InstantiateMsg;
    case "tipping": {
      const tipping = PLATFORM.tipping;
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        fee: tipping.fee,
        min_ctc_tip: tipping.min_ctc_tip,
        native_denoms: [{ denom: nativeDenom, min_tip: tipping.native_min_tip }],
        owner: null,
      } satisfies TippingTypes.InstantiateMsg;
    }
    case "outcome-oracle": {
      const oracle = PLATFORM["outcome-oracle"];
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        arbiter: roles.arbiter,
        dispute_bond: oracle.dispute_bond,
        arbitration_timeout_seconds: oracle.arbitration_timeout_seconds,
        // Only when shortened: a record made before the parameter existed stays the same configuration.
        ...(timings.minDisputeWindowSeconds === undefined
          ? {}
          : { min_dispute_window_seconds: timings.minDisputeWindowSeconds }),
        creators: [roles.owner],
        owner: null,
      } satisfies OutcomeOracleTypes.InstantiateMsg;
    }
    case "wager-pool": {
      const wager = PLATFORM["wager-pool"];
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        oracle: need("outcome-oracle"),
        operator: roles.owner,
        treasury: roles.treasury,
        node_incentive: roles.nodeIncentive,
        treasury_share: wager.treasury_share,
        creation_bond: wager.creation_bond,
        bet_floor: wager.bet_floor,
        bet_ceiling: wager.bet_ceiling,
        scenario_bond: wager.scenario_bond,
        scenario_min_identity: wager.scenario_min_identity as WagerPoolTypes.IdentityLevel,
        max_open_scenarios: wager.max_open_scenarios,
        randomness: need("randomness"),
        owner: null,
      } satisfies WagerPoolTypes.InstantiateMsg;
    }
    case "schedules":
      return {
        registry: need("partner-registry"),
        ticket_nft: need("ticket-nft"),
        owner: null,
      } satisfies SchedulesTypes.InstantiateMsg;
    case "vouchers": {
      const vouchers = PLATFORM.vouchers;
      return {
        token: need("ctc-token"),
        registry: need("partner-registry"),
        treasury: roles.treasury,
        platform_fee: vouchers.platform_fee,
        burn_share: vouchers.burn_share,
        min_holder_identity: vouchers.min_holder_identity,
        name: vouchers.name,
        symbol: vouchers.symbol,
        owner: null,
      } satisfies VouchersTypes.InstantiateMsg;
    }
    case "account-factory": {
      const accounts = PLATFORM["account-factory"];
      if (!accountCode) throw new Error("account-factory needs the fan-account code, which is not stored yet");
      return {
        account_code_id: accountCode.codeId,
        ctc_token: need("ctc-token"),
        registry: need("partner-registry"),
        account_admin: accountCode.admin,
        min_delay_seconds: timings.accountMinDelaySeconds ?? accounts.min_delay_seconds,
        max_delay_seconds: accounts.max_delay_seconds,
        min_period_seconds: timings.accountMinPeriodSeconds ?? accounts.min_period_seconds,
        max_period_seconds: accounts.max_period_seconds,
        owner: null,
      } satisfies AccountFactoryTypes.InstantiateMsg;
    }
  }
}
