// The demo age issuer's command line (docs/age-assurance.md, "The demo
// issuer"). Stands in for a real age-assurance provider:
//
//   node tools/age-issuer.ts create-issuer --out <dir> [--force]
//   node tools/age-issuer.ts create-holder
//   node tools/age-issuer.ts issue --issuer <dir> --user <@user:server> --band <band>
//                                  --holder-key <base64url> [--days 90]
//
// `issue` prints only the attestation JSON on stdout, so it can be piped. Run
// it with `node --conditions=@safety-by-design/source` (npm scripts add the
// condition through .npmrc): the protocol is used from its TypeScript source.

import { parseArgs } from "node:util";
import {
  ATTESTED_AGE_BANDS,
  createHolderKeyPair,
  isAttestedAgeBand,
} from "@safety-by-design/protocol";
import { createIssuer, issueAttestation, loadIssuer } from "./lib/ageIssuer.ts";

const USAGE = `Usage:
  node tools/age-issuer.ts create-issuer --out <dir> [--force]
      Makes an issuer key pair: <dir>/issuer-secret.json (mode 600) and
      <dir>/issuer-public.json ({ keyId, publicKey }: list it among the trusted issuers).
  node tools/age-issuer.ts create-holder
      Prints a new holder key pair (contains the secret key; for trying things out).
  node tools/age-issuer.ts issue --issuer <dir> --user <@user:server> --band <band>
                                 --holder-key <base64url> [--days 90]
      Prints an attestation JSON. Bands: ${ATTESTED_AGE_BANDS.join(", ")}. Days: 1 to 90.`;

class UsageError extends Error {}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === "") throw new UsageError(`missing --${name}`);
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: "string" },
      force: { type: "boolean" },
      issuer: { type: "string" },
      user: { type: "string" },
      band: { type: "string" },
      "holder-key": { type: "string" },
      days: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help === true || command === "help" || command === undefined) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case "create-issuer": {
      const created = await createIssuer(required(values.out, "out"), {
        force: values.force === true,
      });
      console.error(`secret key: ${created.secretFile} (mode 600; keep it to the issuer)`);
      console.error(`public key: ${created.publicFile} (list it among the trusted issuers)`);
      console.log(JSON.stringify({ keyId: created.keyId, publicKey: created.publicKey }, null, 2));
      return;
    }
    case "create-holder": {
      console.log(JSON.stringify(await createHolderKeyPair(), null, 2));
      return;
    }
    case "issue": {
      const band = required(values.band, "band");
      if (!isAttestedAgeBand(band)) {
        throw new UsageError(`--band must be one of ${ATTESTED_AGE_BANDS.join(", ")}`);
      }
      const days = values.days === undefined ? undefined : Number(values.days);
      if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 90)) {
        throw new UsageError("--days must be a whole number from 1 to 90");
      }
      const issuer = await loadIssuer(required(values.issuer, "issuer"));
      const attestation = await issueAttestation(issuer, {
        userId: required(values.user, "user"),
        band,
        holderKey: required(values["holder-key"], "holder-key"),
        ...(days === undefined ? {} : { days }),
      });
      console.log(JSON.stringify(attestation, null, 2));
      return;
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`age-issuer: ${message}`);
  if (
    error instanceof UsageError ||
    (error as { code?: unknown }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
  ) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    process.exitCode = 1;
  }
}
