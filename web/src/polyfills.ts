// The simulator and the wasm metering rewriter use Node's global Buffer; it must exist before the
// embedded chain's modules run.
import { Buffer } from "buffer";

(globalThis as { Buffer?: typeof Buffer }).Buffer ??= Buffer;
