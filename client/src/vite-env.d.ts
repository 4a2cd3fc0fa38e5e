/// <reference types="vite/client" />

// Declaration merging with Vite's own ImportMetaEnv needs an interface.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
interface ImportMetaEnv {
  /** The homeserver the sign-in screen offers first (set by the demo and the tests). */
  readonly VITE_HOMESERVER_URL?: string;
}
