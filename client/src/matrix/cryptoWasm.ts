// Matrix layer: the crypto WASM (matrix-sdk-crypto-wasm, 7.8 MB), started
// early. The SDK compiles it only once it initialises crypto, late in a
// session's start; started with the session instead, it downloads and
// compiles while the SDK's own code loads (docs/performance.md). The SDK's
// initialisation then finds it ready: the package keeps one instance.
// Imported with import() only, so that it stays a small chunk of its own; the
// package's JavaScript is imported statically here, so that it arrives with
// this chunk and the WASM's download starts as soon as it runs, not after the
// SDK's own JavaScript has been evaluated (on a slow phone most of a second).
import { initAsync } from "@matrix-org/matrix-sdk-crypto-wasm";

export async function preloadCryptoWasm(): Promise<void> {
  await initAsync();
}
