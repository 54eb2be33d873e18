// The local wasmd chain of scripts/localnet.sh: its one test mnemonic, and who holds what at
// genesis. Every key of the chain (roles, scenario actors, validators) is an HD account of that
// mnemonic, so the shell script, the deploy tool and the tests derive the same addresses.
import { DirectSecp256k1HdWallet, makeCosmoshubPath } from "@cosmjs/proto-signing";
import { ROLE_NAMES } from "./platform-config";

/** For this machine's throwaway chain only: it holds nothing of value anywhere else. */
export const LOCALNET_MNEMONIC =
  "never blossom aware sugar quick rocket potato glare brick marble vault dove tornado cool " +
  "major dress fame goddess reason all inside cause spirit admit";

/** The people the scenario plays; fans are last and hold no native coins at genesis. */
export const SCENARIO_PARTNERS = [
  "grand-theater",
  "spring-troupe",
  "civil-id",
  "door-scanner",
  "reporter-0",
  "reporter-1",
  "reporter-2",
] as const;
const SCENARIO_FANS = ["fan-0", "fan-1", "fan-2", "fan-3"] as const;
/**
 * Accounts the gas calibration signs with, each from its first transaction: per run (codes not
 * pinned, then pinned), one pays its own fees and one is fee-granted.
 */
const CALIBRATION_ACCOUNTS = [
  "calibration-payer",
  "calibration-granted",
  "calibration-payer-pinned",
  "calibration-granted-pinned",
] as const;

/**
 * The café of the season's vouchers and its counter scanner: after the calibration accounts, so
 * that every earlier account keeps its HD index (and its address on an existing chain).
 */
const SCENARIO_MERCHANTS = ["blue-cafe", "cafe-scanner"] as const;

/** The lock-ups' beneficiaries: keys that never sign (anyone claims for them), after the merchants. */
const SCENARIO_BENEFICIARIES = ["founder", "investor"] as const;

/** fan-3's new phone, the key its account is recovered to, and a friend it delegates to: last. */
const SCENARIO_ACCOUNT_KEYS = ["fan-3-phone", "fan-3-friend"] as const;

const ACTOR_NAMES: readonly string[] = [
  ...SCENARIO_PARTNERS,
  ...SCENARIO_FANS,
  ...CALIBRATION_ACCOUNTS,
  ...SCENARIO_MERCHANTS,
  ...SCENARIO_BENEFICIARIES,
  ...SCENARIO_ACCOUNT_KEYS,
];

/** HD account index of a scenario actor: after the roles, with room for more roles. */
const ACTOR_BASE = 20;
/** HD account index of validator 0. */
const VALIDATOR_BASE = 100;
/** scripts/localnet.sh runs at most this many validators; they vote on proposals (pinning codes). */
const MAX_VALIDATORS = 10;
const VALIDATORS = Array.from({ length: MAX_VALIDATORS }, (_, i) => `validator-${i}`);

/** Every named account of the local chain: the scenario's cast, the calibration's, the validators. */
export const LOCALNET_ACCOUNTS: readonly string[] = [...ACTOR_NAMES, ...VALIDATORS];

/** HD account index of a named local-chain account. */
export const actorIndex = (name: string): number => {
  const validator = VALIDATORS.indexOf(name);
  if (validator >= 0) return VALIDATOR_BASE + validator;
  const index = ACTOR_NAMES.indexOf(name);
  if (index < 0) throw new Error(`no localnet account is named "${name}"`);
  return ACTOR_BASE + index;
};

const NATIVE_FOR_ROLES = 10_000_000_000n;
const NATIVE_FOR_DEPLOYER = 1_000_000_000_000n;
const NATIVE_FOR_SPONSOR = 100_000_000_000n;

/** HD account index → genesis balance in the staking and fee denom (absent: not funded). */
function genesisBalances(): Array<[number, bigint]> {
  const balances: Array<[number, bigint]> = ROLE_NAMES.map((role, index) => [
    index,
    role === "owner" ? NATIVE_FOR_DEPLOYER : role === "sponsor" ? NATIVE_FOR_SPONSOR : NATIVE_FOR_ROLES,
  ]);
  for (const name of [...SCENARIO_PARTNERS, ...SCENARIO_MERCHANTS]) balances.push([actorIndex(name), NATIVE_FOR_ROLES]);
  balances.push([actorIndex("calibration-payer"), NATIVE_FOR_ROLES]);
  balances.push([actorIndex("calibration-payer-pinned"), NATIVE_FOR_ROLES]);
  return balances;
}

export async function localnetWallet(indices: number[], prefix = "wasm"): Promise<DirectSecp256k1HdWallet> {
  return DirectSecp256k1HdWallet.fromMnemonic(LOCALNET_MNEMONIC, {
    prefix,
    hdPaths: indices.map((index) => makeCosmoshubPath(index)),
  });
}

/** `address amount` lines for `wasmd genesis add-genesis-account`. */
export async function genesisAccountLines(denom: string): Promise<string[]> {
  const balances = genesisBalances();
  const wallet = await localnetWallet(balances.map(([index]) => index));
  const accounts = await wallet.getAccounts();
  return balances.map(([, amount], i) => `${accounts[i].address} ${amount}${denom}`);
}

// The shell script's questions: `node localnet.js mnemonic | genesis-accounts DENOM | validator-index I`.
// The web app bundles this module for a browser, where there is no `require`.
if (typeof require !== "undefined" && require.main === module) {
  const [command, argument] = process.argv.slice(2);
  const run = async (): Promise<string> => {
    switch (command) {
      case "mnemonic":
        return LOCALNET_MNEMONIC;
      case "genesis-accounts":
        return (await genesisAccountLines(argument ?? "ustake")).join("\n");
      case "validator-index":
        return String(actorIndex(`validator-${argument ?? 0}`));
      default:
        throw new Error(`unknown command "${command}"`);
    }
  };
  run().then(
    (out) => console.log(out),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
