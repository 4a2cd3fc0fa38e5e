/// <reference types="vite/client" />

// Declaration merging with Vite's own ImportMetaEnv needs an interface.
// The values are the deployment's configuration; client/src/deployment.ts reads them.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
interface ImportMetaEnv {
  /** The homeserver the sign-in screen offers first (set by the demo and the tests). */
  readonly VITE_HOMESERVER_URL?: string;
  /** The age-assurance provider that issues attestations (the demo issuer in the demo). */
  readonly VITE_AGE_ISSUER_URL?: string;
  /** The discovery gatekeeper "Find people" asks (tools/lib/discoveryService.ts in the demo). */
  readonly VITE_DISCOVERY_SERVICE_URL?: string;
  /** JSON list of trusted age issuers: `[{ "keyId": "...", "publicKey": "..." }]`. */
  readonly VITE_TRUSTED_AGE_ISSUERS?: string;
  /** The moderation team's X25519 public key (base64url): reports are sealed to it. */
  readonly VITE_MODERATION_PUBLIC_KEY?: string;
  /** The local study service the facilitator console starts scenarios with (demo and tests). */
  readonly VITE_STUDY_SERVICE_URL?: string;
  /** Comma-separated Matrix IDs allowed to open the facilitator console. */
  readonly VITE_STUDY_FACILITATORS?: string;
  /** Comma-separated Matrix user IDs of the deployment's moderation accounts. */
  readonly VITE_MODERATION_ACCOUNTS?: string;
  /** "1" in a deployment that runs usability studies (demo, tests): study pack assignments apply. */
  readonly VITE_STUDY_MODE?: string;
  /** The quick exit's neutral page (default in client/src/deployment.ts: the KNMI's weather). */
  readonly VITE_QUICK_EXIT_URL?: string;
  readonly VITE_MAX_ATTACHMENT_MB?: string;
  /** Reported media's caps (client/src/deployment.ts): per item, items and total per report. */
  readonly VITE_REPORT_MEDIA_MAX_MB?: string;
  readonly VITE_REPORT_MEDIA_MAX_ITEMS?: string;
  readonly VITE_REPORT_MEDIA_MAX_TOTAL_MB?: string;
  /** The report intake (tools/lib/reportIntakeService.ts): reports that withhold the reporter. */
  readonly VITE_REPORT_INTAKE_URL?: string;
  /** The intake's Matrix account: the only sender of report parts in the moderation room. */
  readonly VITE_REPORT_INTAKE_USER?: string;
  /** The moderation room (alias or ID) the intake posts into. */
  readonly VITE_MODERATION_ROOM?: string;
  /** JSON: receiving bodies' X25519 public keys by help resource id (handoff packages). */
  readonly VITE_HANDOFF_KEYS?: string;
  /** JSON: handling deadlines in hours per report category, "*" for the rest. */
  readonly VITE_MODERATION_DEADLINES?: string;
  /** Local demo only (tools/demo.ts): the one shared demo password its sign-in links fill in. */
  readonly VITE_DEMO_PASSWORD?: string;
}
