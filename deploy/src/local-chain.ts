// The embedded chain: cw-simulate's SimulateCosmWasmClient runs the optimized artifacts in this
// process behind CosmJS's SigningCosmWasmClient interface, so the deploy code and the generated
// clients run against it unchanged.
import { Secp256k1Wallet, type OfflineAminoSigner } from "@cosmjs/amino";
import { ripemd160, sha256 } from "@cosmjs/crypto";
import { fromBase64, toBase64, toBech32, toUtf8 } from "@cosmjs/encoding";
import type { CWSimulateApp } from "@oraichain/cw-simulate/dist/CWSimulateApp";
import { SimulateCosmWasmClient } from "@oraichain/cw-simulate/dist/SimulateCosmWasmClient";
import { secp256k1 } from "@noble/curves/secp256k1";
import { Err, Ok } from "ts-results";
import type { Network } from "./networks";
import { CALENDAR_TIMELINE, type ScenarioChain, type Timeline } from "./scenario-chain";

type KeyCompare = (a: Uint8Array, b: Uint8Array) => number;

export interface KeyOrderModule {
  compare: KeyCompare;
}

interface IterStorage {
  set(key: Uint8Array, value: Uint8Array): void;
  scan(start: Uint8Array | null, end: Uint8Array | null, order: number): Uint8Array;
  next(iterator: Uint8Array): { key: Uint8Array } | null;
}

export interface VmModule {
  BinaryKVIterStorage: new () => IterStorage;
  VMInstance: { prototype: Record<string | symbol, unknown> & { allocate_bytes(bytes: Uint8Array): unknown } };
}

export interface ContractModule {
  default: { prototype: Record<string | symbol, unknown> };
}

/**
 * The simulator's own module objects that the fixes below patch. Each must be the instance the
 * simulator itself loaded (a second copy would leave the simulator unpatched): Node reaches them
 * through the simulator's `require` (simulator-internals.ts), a browser bundle through its CommonJS
 * wrapper of the same files.
 */
export interface SimulatorInternals {
  keyOrder: KeyOrderModule;
  vm: VmModule;
  contract: ContractModule;
}

/** Orders keys as a chain's KV store does: byte by byte, a key before any longer key it starts. */
export const bytewiseCompare: KeyCompare = (a, b) => {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
};

/**
 * @oraichain/cosmwasm-vm-js 0.2.91 calls a key equal to itself followed by more bytes, so a
 * cw-storage-plus exclusive start bound (`key + 0x00`) acts inclusive: pages repeat their last item
 * and ranges inside contracts see an entry twice. Installs a bytewise order in the module cw-simulate
 * itself loads, then proves on the simulator's own storage that ranges are ordered and exclusive.
 */
export function installBytewiseKeyOrder({ keyOrder, vm }: SimulatorInternals): void {
  keyOrder.compare = bytewiseCompare;

  const storage = new vm.BinaryKVIterStorage();
  const value = Uint8Array.of(7);
  for (const key of [[1, 0], [1], [2]]) storage.set(Uint8Array.from(key), value);
  const ascending = 1;
  const keysFrom = (start: number[]): string[] => {
    const iterator = storage.scan(Uint8Array.from(start), null, ascending);
    const keys: string[] = [];
    for (let record = storage.next(iterator); record; record = storage.next(iterator)) {
      keys.push(Array.from(record.key).join(","));
    }
    return keys;
  };
  const fromOne = keysFrom([1]).join(" ");
  const afterOne = keysFrom([1, 0]).join(" ");
  if (keyOrder.compare(Uint8Array.of(1), Uint8Array.of(1, 0)) !== -1 || fromOne !== "1 1,0 2" || afterOne !== "1,0 2") {
    throw new Error(
      `the embedded chain does not order storage keys bytewise (scan from [1]: "${fromOne}", ` +
        `from [1,0]: "${afterOne}"); its results would differ from a real chain's`,
    );
  }
}

const UTF8_FIX = Symbol.for("ticketchain.cw-simulate.utf8-fix");

/**
 * cosmwasm-vm-js 0.2.91 sizes the memory region of a string it hands a contract by the string's
 * UTF-16 length, then writes its UTF-8 bytes: a message with Chinese text (an event's title, a
 * proposal's) overruns the region and the call fails with "offset is out of bounds". Sizes it by
 * the UTF-8 bytes, as a chain passes them.
 */
export function installUtf8Strings({ vm }: SimulatorInternals): void {
  const prototype = vm.VMInstance.prototype;
  if (prototype[UTF8_FIX]) return;
  const encoder = new TextEncoder();
  prototype.allocate_str = function (this: typeof prototype, text: string) {
    return this.allocate_bytes(encoder.encode(text));
  };
  prototype[UTF8_FIX] = true;
}

interface MsgResponse {
  type_url: string;
  value: string;
}

interface DispatchResult {
  ok: boolean;
  err: boolean;
  val:
    | { events: Array<{ type: string; attributes: Array<{ key: string; value: string }> }>; data: string | null }
    | string;
}

interface SubMsg {
  id: number;
  msg: { wasm?: Record<string, unknown>; bank?: Record<string, unknown> };
  reply_on: "always" | "never" | "success" | "error";
  /** CosmWasm 2: handed back unchanged in the reply; omitted when empty. */
  payload?: string;
}

/** The parts of cw-simulate's wasm module the reply fix works with. */
interface WasmModuleInternals {
  store: { tx<T>(run: () => Promise<T>): Promise<T> };
  chain: { handleMsg(sender: string, msg: SubMsg["msg"], traces: unknown[]): Promise<DispatchResult> };
  reply(contract: string, reply: object, traces: unknown[]): Promise<DispatchResult>;
  handleSubmsg(contract: string, message: SubMsg, traces?: unknown[]): Promise<DispatchResult>;
}

/** A length-delimited protobuf field (wire type 2) holding `bytes`. */
function protoField(field: number, bytes: Uint8Array): number[] {
  if (bytes.length === 0) return [];
  const length: number[] = [];
  for (let n = bytes.length; ; n >>>= 7) {
    if (n < 0x80) {
      length.push(n);
      break;
    }
    length.push((n & 0x7f) | 0x80);
  }
  return [(field << 3) | 2, ...length, ...bytes];
}

/** What a CosmWasm 2 chain reports for a sub-message that succeeded, as wasmd encodes it. */
function msgResponses(msg: SubMsg["msg"], result: Exclude<DispatchResult["val"], string>): MsgResponse[] {
  const data = result.data ? fromBase64(result.data) : new Uint8Array();
  if (msg.wasm && "execute" in msg.wasm) {
    const value = Uint8Array.from(protoField(1, data));
    return [{ type_url: "/cosmwasm.wasm.v1.MsgExecuteContractResponse", value: toBase64(value) }];
  }
  if (msg.wasm && ("instantiate" in msg.wasm || "instantiate2" in msg.wasm)) {
    const address =
      result.events.flatMap((event) => event.attributes).find((attribute) => attribute.key === "_contract_address")
        ?.value ?? "";
    const value = Uint8Array.from([...protoField(1, toUtf8(address)), ...protoField(2, data)]);
    const type = "instantiate2" in msg.wasm ? "MsgInstantiateContract2Response" : "MsgInstantiateContractResponse";
    return [{ type_url: `/cosmwasm.wasm.v1.${type}`, value: toBase64(value) }];
  }
  if (msg.bank && "send" in msg.bank) {
    return [{ type_url: "/cosmos.bank.v1beta1.MsgSendResponse", value: "" }];
  }
  return [];
}

/**
 * cw-simulate 2.8 replies in the CosmWasm 1 shape: no `payload`, no `msg_responses`, and the data of
 * an execute sub-message wrapped as an instantiate response. CosmWasm 2 contracts (wager-pool reads
 * the oracle's question id from `msg_responses` and its pool id from `payload`) need what wasmd
 * sends; this dispatches sub-messages and replies that way on the given app. What it still does not
 * match: `gas_used` is 0, `msg_responses` is empty for messages other than wasm execute/instantiate
 * and bank send, and an error reply carries the full error text where wasmd redacts it to a code.
 * No TicketChain contract replies on error.
 */
export function installCosmWasm2Replies(app: CWSimulateApp): void {
  const wasm = app.wasm as unknown as WasmModuleInternals;
  wasm.handleSubmsg = function (this: WasmModuleInternals, contract, message, traces = []) {
    return this.store.tx(async () => {
      const result = await this.chain.handleMsg(contract, message.msg, traces);
      const base = { id: message.id, payload: message.payload ?? "", gas_used: 0 };
      if (result.ok && typeof result.val !== "string") {
        if (message.reply_on !== "success" && message.reply_on !== "always") {
          return Ok({ events: result.val.events, data: null });
        }
        const responses = msgResponses(message.msg, result.val);
        const replied = await this.reply(
          contract,
          {
            ...base,
            result: { ok: { events: result.val.events, data: responses[0]?.value || null, msg_responses: responses } },
          },
          traces,
        );
        if (replied.err || typeof replied.val === "string") return replied;
        const events = [...result.val.events, ...replied.val.events];
        return Ok({ events, data: replied.val.data ?? null });
      }
      const error = typeof result.val === "string" ? result.val : JSON.stringify(result.val);
      if (message.reply_on !== "error" && message.reply_on !== "always") return result;
      const replied = await this.reply(contract, { ...base, result: { error } }, traces);
      if (replied.err || typeof replied.val === "string") return replied;
      return Ok({ events: replied.val.events, data: replied.val.data ?? null });
    });
  };
}

interface ContractInternals {
  _vm?: { backend: { storage: unknown } };
  _wasm: { chain: { kvIterStorageRegistry: new (state: unknown) => unknown } };
  getStorage(): unknown;
}

const REVERT_FIX = Symbol.for("ticketchain.cw-simulate.revert-fix");

/**
 * cw-simulate keeps each contract's storage inside its loaded VM between calls and rolls back only
 * the chain's store when a transaction fails, so the next call of that contract resurrects the
 * writes of the failed one (a refused cw20 `Send` still moves the tokens one call later). Makes
 * every state-changing call start from the chain's committed store, as a chain's does.
 */
export function installRevertingContractState({ contract }: SimulatorInternals): void {
  const prototype = contract.default.prototype;
  if (prototype[REVERT_FIX]) return;
  for (const method of ["instantiate", "execute", "migrate", "sudo", "reply"]) {
    const call = prototype[method] as (...args: unknown[]) => unknown;
    prototype[method] = function (this: ContractInternals, ...args: unknown[]) {
      if (this._vm) {
        const storage = new this._wasm.chain.kvIterStorageRegistry(this.getStorage());
        this._vm.backend = { ...this._vm.backend, storage };
      }
      return call.apply(this, args);
    };
  }
  prototype[REVERT_FIX] = true;
}

/**
 * cw-simulate throws on a raw query of an address that holds no contract, which aborts the
 * calling contract; wasmd's `QueryRaw` answers such a query with no value, so a contract can ask
 * whether an address is a contract (the cw2 check of a fee recipient). Answers it the same way.
 */
export function installEmptyRawQueryOfAccounts(app: CWSimulateApp): void {
  const wasm = app.wasm as unknown as {
    queryRaw: (raw: { contract_addr: string; key: string }) => string;
    getContractStorage(address: string): unknown;
  };
  const queryRaw = wasm.queryRaw;
  wasm.queryRaw = function (this: typeof wasm, raw) {
    if (!this.getContractStorage(raw.contract_addr)) return "";
    return queryRaw.call(this, raw);
  };
}

interface AdminInternals {
  getContractInfo(address: string): { admin?: string | null } | undefined;
  setContractInfo(address: string, info: object): void;
  handleMsg(sender: string, msg: Record<string, Record<string, unknown>>, traces?: unknown[]): Promise<unknown>;
  store: { tx<T>(body: () => Promise<T>): Promise<T> };
}

/**
 * cw-simulate runs a `migrate` a contract sends without asking whether that contract is the wasm
 * admin, has no `update_admin` or `clear_admin` for contracts, and its client no `updateAdmin`:
 * a governed platform (the committee migrates by proposal) needs all three as wasmd has them. Only
 * the admin may migrate, move or clear the admin ("unauthorized" otherwise, nothing changed).
 */
export function installWasmdAdminRules(client: SimulateCosmWasmClient): void {
  const wasm = client.app.wasm as unknown as AdminInternals;
  const handleMsg = wasm.handleMsg.bind(wasm);
  const adminOf = (address: string) => wasm.getContractInfo(address)?.admin ?? null;
  const setAdmin = (address: string, admin: string | null) =>
    wasm.setContractInfo(address, { ...wasm.getContractInfo(address), admin });
  wasm.handleMsg = function (sender, msg, traces) {
    const [kind] = Object.keys(msg);
    if (!["migrate", "update_admin", "clear_admin"].includes(kind)) return handleMsg(sender, msg, traces);
    const contract = msg[kind].contract_addr as string;
    if (adminOf(contract) !== sender) {
      return Promise.resolve(Err(`unauthorized: ${sender} is not the admin of ${contract}`));
    }
    if (kind === "migrate") return handleMsg(sender, msg, traces);
    return wasm.store.tx(() => {
      setAdmin(contract, kind === "update_admin" ? (msg[kind].admin as string) : null);
      return Promise.resolve(Ok({ events: [], data: null }));
    });
  };
  const updateAdmin = (sender: string, contract: string, admin: string) => {
    if (adminOf(contract) !== sender) throw new Error(`unauthorized: ${sender} is not the admin of ${contract}`);
    setAdmin(contract, admin);
    const height = client.app.height;
    return Promise.resolve({
      height,
      transactionHash: `update-admin-${height}-${contract}`,
      events: [],
      gasUsed: 0n,
      gasWanted: 0n,
      logs: [],
    });
  };
  Object.assign(client, { updateAdmin });
}

/** The private key of a named local actor. */
function actorKey(name: string): Uint8Array {
  return sha256(toUtf8(`ticketchain local ${name}`));
}

export class LocalChain implements ScenarioChain {
  readonly client: SimulateCosmWasmClient;
  /** Time jumps here, so the season keeps production's calendar. */
  readonly timeline: Timeline = CALENDAR_TIMELINE;

  constructor(
    readonly network: Network,
    internals: SimulatorInternals,
  ) {
    installBytewiseKeyOrder(internals);
    installRevertingContractState(internals);
    installUtf8Strings(internals);
    this.client = new SimulateCosmWasmClient({
      chainId: network.chainId,
      bech32Prefix: network.bech32Prefix,
      metering: true,
    });
    installCosmWasm2Replies(this.client.app);
    installEmptyRawQueryOfAccounts(this.client.app);
    installWasmdAdminRules(this.client);
  }

  /**
   * A stable address for a named local actor. The simulator signs no transaction, but a holder
   * signs its door code, so each actor has a key (derived from its name) and the address of it.
   */
  address(name: string): string {
    const pubkey = secp256k1.getPublicKey(actorKey(name), true);
    return toBech32(this.network.bech32Prefix, ripemd160(sha256(pubkey)));
  }

  holderSigner(name: string): Promise<OfflineAminoSigner> {
    return Secp256k1Wallet.fromKey(actorKey(name), this.network.bech32Prefix);
  }

  now(): Promise<number> {
    return Promise.resolve(Math.floor(this.client.app.time / 1e9));
  }

  /** Moves block time forward to `seconds`: the simulator otherwise follows the wall clock. */
  async advanceTo(seconds: number): Promise<void> {
    if (seconds > (await this.now())) this.client.app.time = seconds * 1e9;
  }

  async giveNative(address: string, amount: bigint): Promise<void> {
    const { amount: held } = await this.client.getBalance(address, this.network.feeDenom);
    this.client.app.bank.setBalance(address, [
      { denom: this.network.feeDenom, amount: (BigInt(held) + amount).toString() },
    ]);
  }

  /** Fees are free on the embedded chain. */
  sponsorFees(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  label(): void {}
}
