// The client's Vite config (the app lives in client/). Sibling packages are
// used from their TypeScript source through the custom export condition.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  plugins: [react()],
  resolve: {
    conditions: ["@safety-by-design/source", "module", "browser", "development|production"],
  },
  // The pre-bundler loses the crypto .wasm file; the SDK loads it itself.
  optimizeDeps: { exclude: ["@matrix-org/matrix-sdk-crypto-wasm"] },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2023",
    sourcemap: true,
    // The one large chunk is matrix-js-sdk, loaded lazily after sign-in; the
    // sign-in screen's own JS is measured by the client bench instead.
    chunkSizeWarningLimit: 1024,
    // Two pages: the app, and the facilitator console for usability studies.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL("client/index.html", import.meta.url)),
        console: fileURLToPath(new URL("client/console.html", import.meta.url)),
      },
    },
  },
});
