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
    message: "Only client/src/matrix uses libsodium.",
  },
];
const react = [
  {
    group: ["react", "react-dom", "react-dom/*", "react/*"],
    message: "React belongs in client/src/ui only.",
  },
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
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
      ],
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
          group: ["**/client/**", "@safety-by-design/client"],
          message: "The engine knows nothing of the client.",
        },
      ]),
      "no-restricted-globals": [
        "error",
        { name: "process", message: "The engine does no I/O." },
        { name: "window", message: "The engine has no DOM." },
        { name: "document", message: "The engine has no DOM." },
        { name: "fetch", message: "The engine does no I/O." },
      ],
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
    files: ["client/src/matrix/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(react, [
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
