// One flat ESLint config for the repository. Besides the usual type-checked
// rules it enforces the layer boundaries of docs/architecture.md: each folder
// lists what it must not import, so a boundary breach fails the test command.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const sdkAndCrypto = [
  {
    group: ["matrix-js-sdk", "matrix-js-sdk/*"],
    message: "Only client/src/matrix talks to matrix-js-sdk.",
  },
  { group: ["@matrix-org/*"], message: "Only client/src/matrix talks to the crypto WASM." },
  {
    group: ["libsodium-wrappers", "libsodium-wrappers/*"],
    message: "Only the protocol package (protocol/src) uses libsodium.",
  },
];
const react = [
  {
    group: ["react", "react-dom", "react-dom/*", "react/*"],
    message: "React belongs in client/src/ui only.",
  },
];

// Packages meet at their front doors: code outside a package imports its
// entry points (package.json `exports`), never the files behind them.
const packageSources = [
  {
    group: ["**/client/src/**"],
    message:
      "Use the client's entry points: @safety-by-design/client/actors, /headless or /study (client/src/entries).",
  },
  {
    group: ["**/policy-engine/src/**"],
    message: "Use the engine's entry point: @safety-by-design/policy-engine.",
  },
  {
    group: ["**/protocol/src/**"],
    message: "Use the protocol's entry points: @safety-by-design/protocol or /testing.",
  },
];
// The client's folders (client/src/*). A folder that may import only a few of
// the others forbids the rest with clientFoldersExcept(...the allowed ones).
const CLIENT_FOLDERS = [
  "matrix",
  "age",
  "reporting",
  "media",
  "storage",
  "policy",
  "viewmodels",
  "ui",
  "help",
  "i18n",
  "study",
  "pwa",
  "entries",
];
const clientFoldersExcept = (...allowed) =>
  CLIENT_FOLDERS.filter((folder) => !allowed.includes(folder)).map((folder) => `**/${folder}/**`);
const namedExportsOnly = { selector: "ExportDefaultDeclaration", message: "Use named exports." };

/** The globals a pure package (the engine, the protocol) may not touch. */
const pureGlobals = (who) => [
  "error",
  ...["process", "fetch", "localStorage", "indexedDB"].map((name) => ({
    name,
    message: `${who} does no I/O.`,
  })),
  ...["window", "document"].map((name) => ({ name, message: `${who} has no DOM.` })),
];

/** Builds a no-restricted-imports rule from pattern groups. */
const forbid = (...groups) => ["error", { patterns: groups.flat() }];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".local/**",
      "test-results/**",
      "playwright-report/**",
      "docs/**",
    ],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "no-console": "error",
      "no-restricted-syntax": ["error", namedExportsOnly],
    },
  },
  {
    // Config files are read by their tools, which expect a default export.
    files: ["*.config.{js,ts}", "**/*.config.{js,ts}", "e2e/global-setup.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The engine is a pure leaf: no client, no SDK, no DOM, no I/O.
    files: ["policy-engine/src/**/*.ts"],
    ignores: ["policy-engine/src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        { group: ["node:*", "fs", "path", "os", "crypto"], message: "The engine does no I/O." },
        {
          group: ["**/client/**", "@safety-by-design/client", "@safety-by-design/client/*"],
          message: "The engine knows nothing of the client.",
        },
      ]),
      "no-restricted-globals": pureGlobals("The engine"),
      "no-restricted-properties": [
        "error",
        {
          object: "Date",
          property: "now",
          message: "The clock comes in with the request context.",
        },
        { object: "Math", property: "random", message: "Decisions are deterministic." },
      ],
    },
  },
  {
    // The protocol is pure: the wire formats and their cryptography
    // (libsodium, the one place it is used), no client, no SDK, no DOM, no I/O.
    files: ["protocol/src/**/*.ts"],
    ignores: ["protocol/src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": forbid(react, [
        {
          group: ["matrix-js-sdk", "matrix-js-sdk/*", "@matrix-org/*"],
          message: "The protocol defines formats; carrying them over Matrix is the client's.",
        },
        {
          group: ["node:*", "fs", "path", "os", "crypto", "http", "https"],
          message: "The protocol does no I/O.",
        },
        {
          group: ["**/client/**", "**/tools/**", "**/policy-engine/**", "@safety-by-design/*"],
          message: "The protocol depends on no other package of this repository.",
        },
      ]),
      "no-restricted-globals": pureGlobals("The protocol"),
    },
  },
  {
    // Services, below policy/: the age exchange and wallet (age/), reporting
    // and moderation (reporting/), the discovery gatekeeper's client
    // (discovery/). Plain TypeScript on the protocol and
    // injected browser APIs; the Matrix layer implements their ports
    // (ToDeviceTransport), so they never import it, nor any layer above.
    files: [
      "client/src/age/**/*.ts",
      "client/src/reporting/**/*.ts",
      "client/src/discovery/**/*.ts",
      "client/src/media/**/*.ts",
      "client/src/storage/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        {
          group: ["**/matrix/**", "**/policy/**", "**/viewmodels/**", "**/ui/**"],
          message: "Services sit below policy/ and beside the Matrix layer; they use the protocol.",
        },
      ]),
    },
  },
  {
    files: ["client/src/matrix/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(react, [
        {
          group: ["libsodium-wrappers", "libsodium-wrappers/*"],
          message: "Only the protocol package (protocol/src) uses libsodium.",
        },
        {
          group: ["**/viewmodels/**", "**/ui/**", "**/policy/**"],
          message: "matrix/ is the bottom layer.",
        },
      ]),
    },
  },
  {
    files: ["client/src/policy/**/*.ts"],
    ignores: ["client/src/policy/**/*.test.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        { group: ["**/viewmodels/**", "**/ui/**"], message: "policy/ sits below the view models." },
      ]),
    },
  },
  {
    files: ["client/src/viewmodels/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        { group: ["**/ui/**"], message: "View models do not know their views." },
      ]),
    },
  },
  {
    // Study metrics sit beside the policy layer: view models may record
    // through them; they never see the SDK, the Matrix layer or a screen.
    files: ["client/src/study/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        {
          group: ["**/matrix/**", "**/policy/**", "**/viewmodels/**", "**/ui/**"],
          message: "study/ records engine ids only; it knows no other client layer.",
        },
      ]),
    },
  },
  {
    files: ["client/src/ui/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": forbid(sdkAndCrypto, [
        {
          group: ["**/matrix/**"],
          message: "Views render view models; they never touch the Matrix layer.",
        },
        {
          group: ["**/policy/**", "@safety-by-design/policy-engine"],
          message: "Views render decisions; they never make them.",
        },
      ]),
    },
  },
  {
    // Translations: pure data and a lookup, the bottom of the client. They
    // know no layer above them, not even the help catalogue that uses them.
    files: ["client/src/i18n/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        {
          group: clientFoldersExcept("i18n"),
          message: "i18n/ is data and a lookup; it imports no other client folder.",
        },
      ]),
    },
  },
  {
    // The help catalogue: data and a lookup keyed by the engine's help ids
    // (which it may import); it may read i18n/, nothing else of the client.
    files: ["client/src/help/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        {
          group: clientFoldersExcept("help", "i18n"),
          message: "help/ is data and a lookup; it imports no client layer but i18n/.",
        },
      ]),
    },
  },
  {
    // The app's installability and offline shell (client/src/pwa/README.md):
    // code for the page, the service worker and the Vite build around one
    // contract. Browser and build APIs only: no React (its one view,
    // ui/UpdateNotice.tsx, reads appUpdate's model), no SDK, no package of
    // ours and no other client folder, so the worker knows nothing of chat.
    files: ["client/src/pwa/**/*.{ts,tsx}"],
    ignores: ["client/src/pwa/**/*.test.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        {
          group: [...clientFoldersExcept("pwa"), "@safety-by-design/*"],
          message: "pwa/ knows no client layer and no package of ours; main.tsx wires it in.",
        },
      ]),
    },
  },
  {
    // The deployment's configuration: read from the build environment, handed
    // to the composition roots. Configuration is data: it imports nothing.
    files: ["client/src/deployment.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        {
          group: ["./*", "../*", "@safety-by-design/*"],
          message: "deployment.ts is configuration; it imports no client code and no engine.",
        },
      ]),
    },
  },
  {
    // The composition roots (the app and the facilitator console): the only
    // files that know every layer, so they may import anything. Everything
    // they import keeps its own boundaries above.
    files: ["client/src/main.tsx", "client/src/consoleMain.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The client's front doors (client/package.json `exports`): each file only
    // re-exports what tools, e2e and the integration tests use, and nothing of
    // the views or the composition roots.
    files: ["client/src/entries/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(sdkAndCrypto, react, [
        {
          group: ["**/ui/**", "**/pwa/**", "**/main.tsx", "**/consoleMain.tsx"],
          message: "Entry points serve scripts and tests: no views, no composition roots.",
        },
      ]),
      "no-restricted-syntax": [
        "error",
        namedExportsOnly,
        {
          selector: "Program > :not(ExportNamedDeclaration[source])",
          message: "An entry point only re-exports (export { x } from ...): no code of its own.",
        },
      ],
    },
  },
  {
    // Inside the client, code imports the module itself: the entry points are
    // doors for code outside the client, not a way round the layer rules.
    files: ["client/src/**/*.{ts,tsx}"],
    ignores: ["client/src/entries/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        namedExportsOnly,
        {
          // Any import, dynamic import() or re-export (each has a `source`); the
          // regular expression spells "/" as \x2F because the selector ends at a slash.
          selector: "[source.value=/(^|\\x2F)entries\\x2F|^@safety-by-design\\x2Fclient/]",
          message: "Inside the client, import the module itself, not an entry point.",
        },
      ],
    },
  },
  {
    // Tools and e2e use the packages through their entry points only.
    files: ["tools/**", "e2e/**"],
    rules: { "no-restricted-imports": forbid(packageSources) },
  },
  {
    // Every spec uses e2e/support/test.ts, whose `test` closes the browser
    // contexts (personas' phones) a test opened; Playwright's own does not.
    files: ["e2e/tests/**"],
    rules: {
      "no-restricted-imports": forbid(packageSources, [
        {
          group: ["@playwright/test"],
          message:
            "import test, expect and the types from ../support/test.ts: its test closes the contexts a test opens.",
        },
      ]),
      // The suite runs in two halves on their own homeserver instances
      // (tools/lib/e2eHalves.ts): a spec that names one would use the other
      // half's homeserver, services or build.
      "no-restricted-syntax": [
        "error",
        namedExportsOnly,
        {
          selector:
            "CallExpression[callee.name=/^(resolveHomeserver|prepareLocalDeployment|ageIssuerDir|studyStorageDir|homeserverCommand)$/] > Literal.arguments:first-child",
          message:
            "use E2E_INSTANCE from ../support/e2eInstance.ts, not a named homeserver instance.",
        },
        {
          selector: "MemberExpression[object.name=/_PORTS$/][property.name='test']",
          message:
            "use PORTS[E2E_INSTANCE] (../support/e2eInstance.ts), not the test instance's port.",
        },
      ],
    },
  },
  {
    // The client's integration tests drive it as tools do, through
    // @safety-by-design/client/actors and /headless; a test of a module's
    // internals is a unit test beside it in src/.
    files: ["client/test/**"],
    rules: {
      "no-restricted-imports": forbid(packageSources, [
        {
          group: ["**/src/**"],
          message:
            "client/test drives the client through @safety-by-design/client/actors and /headless, not its source.",
        },
      ]),
      // The suite runs in two halves on their own homeserver instances
      // (tools/lib/integrationHalves.ts): a test that names one would use the
      // other half's homeserver or services.
      "no-restricted-syntax": [
        "error",
        namedExportsOnly,
        {
          selector:
            "CallExpression[callee.name=/^(resolveHomeserver|prepareLocalDeployment|ageIssuerDir|studyStorageDir)$/] > Literal.arguments:first-child",
          message:
            "use testHomeserver from support.ts (its half's instance), not a named homeserver instance.",
        },
        {
          selector: "MemberExpression[object.name=/_PORTS$/]",
          message:
            "start the service on port 0 (its own free port), not on an instance's fixed port.",
        },
      ],
    },
  },
  {
    // Benchmarks measure the client's own internals (the name index, the
    // report path), so they may import client/src; other packages they use
    // through their entry points.
    files: ["client/bench/**"],
    rules: { "no-restricted-imports": forbid(packageSources.slice(1)) },
  },
  {
    // Command-line tools and tests may print.
    files: ["tools/**", "e2e/**", "**/*.test.ts", "**/bench/**", "client/test/**"],
    rules: { "no-console": "off" },
  },
  {
    // expect(mock.method) passes a method unbound on purpose.
    files: ["**/*.test.ts"],
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
);
