// Tooling (Node only): the classroom's own certificate authority. Phones
// need HTTPS for a secure context (Web Crypto, storage, the service
// worker), and a laptop on a classroom network has no public name to get a
// certificate for. So the project makes a local CA once (kept in
// .local/lan/ca/, its key mode 600 and never served), and a certificate for
// the laptop's network address signed by it; a phone that trusts the CA
// (the console shows how) trusts the app.
//
// Built with node:crypto alone: it makes and signs with ECDSA P-256 keys but
// cannot write an X.509 certificate, so the few DER structures a certificate
// needs are written here (RFC 5280), and node:crypto's X509Certificate reads
// them back and checks the signature before anything is used. No openssl
// binary (a fresh machine or the homeserver's Debian root filesystem need not
// have one) and no dependency.

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  X509Certificate,
  type KeyObject,
} from "node:crypto";
import { isIP } from "node:net";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type CertificateAuthority = {
  readonly certificatePem: string;
  readonly certificateDer: Buffer;
  readonly key: KeyObject;
  /** SHA-256 of the CA certificate, colon-separated hex, for the console to show. */
  readonly fingerprint: string;
};

export type ServerCertificate = {
  readonly certificatePem: string;
  readonly keyPem: string;
};

/** Phones reject server certificates valid longer than 398 days. */
const SERVER_DAYS = 397;
const CA_DAYS = 3650;
const CA_NAME = "safety-by-design chat classroom CA";

/** Loads the CA in `dir`, making it the first time. */
export async function loadOrCreateAuthority(dir: string): Promise<CertificateAuthority> {
  const certFile = join(dir, "ca.pem");
  const keyFile = join(dir, "ca-key.pem");
  const exists = await stat(keyFile).then(
    () => true,
    () => false,
  );
  if (exists) {
    const certificatePem = await readFile(certFile, "utf8");
    const key = createPrivateKey(await readFile(keyFile, "utf8"));
    return authorityFrom(certificatePem, key);
  }
  const authority = createAuthority(new Date());
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyFile, authority.key.export({ type: "pkcs8", format: "pem" }), {
    mode: 0o600,
    flag: "wx",
  });
  await chmod(keyFile, 0o600);
  await writeFile(certFile, authority.certificatePem);
  return authority;
}

/** A new CA, valid from `now` for ten years. */
export function createAuthority(now: Date): CertificateAuthority {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const name = distinguishedName(CA_NAME);
  const der = signCertificate({
    issuer: name,
    subject: name,
    subjectKey: publicKey,
    issuerKey: publicKey,
    signingKey: privateKey,
    notBefore: new Date(now.getTime() - 60 * 60 * 1000),
    notAfter: new Date(now.getTime() + CA_DAYS * 86_400_000),
    extensions: [
      extension(OID.basicConstraints, true, sequence(boolean(true), integer(Buffer.from([0])))),
      extension(OID.keyUsage, true, bitString(Buffer.from([0x06]), 1)),
      extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(publicKey))),
    ],
  });
  return authorityFrom(toPem(der), privateKey);
}

/** A certificate for `address` (an IP address or a host name), signed by the CA. */
export function issueServerCertificate(
  authority: CertificateAuthority,
  address: string,
  now: Date,
): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const caCert = new X509Certificate(authority.certificateDer);
  const alternativeName =
    isIP(address) === 4
      ? tagged(0x87, Buffer.from(address.split(".").map(Number)))
      : tagged(0x82, Buffer.from(address, "ascii"));
  const der = signCertificate({
    issuer: distinguishedName(CA_NAME),
    subject: distinguishedName(address),
    subjectKey: publicKey,
    issuerKey: caCert.publicKey,
    signingKey: authority.key,
    notBefore: new Date(now.getTime() - 60 * 60 * 1000),
    notAfter: new Date(now.getTime() + SERVER_DAYS * 86_400_000),
    extensions: [
      extension(OID.basicConstraints, true, sequence()),
      extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
      extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth))),
      extension(OID.subjectAltName, false, sequence(alternativeName)),
      extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(publicKey))),
      extension(
        OID.authorityKeyIdentifier,
        false,
        sequence(tagged(0x80, keyIdentifier(caCert.publicKey))),
      ),
    ],
  });
  const certificate = new X509Certificate(der);
  if (!certificate.verify(caCert.publicKey)) throw new Error("the new certificate does not verify");
  return {
    certificatePem: toPem(der),
    keyPem: String(privateKey.export({ type: "pkcs8", format: "pem" })),
  };
}

function authorityFrom(certificatePem: string, key: KeyObject): CertificateAuthority {
  const certificate = new X509Certificate(certificatePem);
  if (!certificate.ca || !certificate.verify(certificate.publicKey)) {
    throw new Error("the classroom CA certificate is not a self-signed CA; delete .local/lan/ca");
  }
  if (!createPublicKey(key).equals(certificate.publicKey)) {
    throw new Error("the classroom CA key does not match its certificate; delete .local/lan/ca");
  }
  return {
    certificatePem,
    certificateDer: Buffer.from(certificate.raw),
    key,
    fingerprint: certificate.fingerprint256,
  };
}

/** Base64 SHA-256 of a certificate's public key (SPKI), as Chromium's pin list takes it. */
export function spkiHash(certificatePem: string): string {
  const spki = new X509Certificate(certificatePem).publicKey.export({
    type: "spki",
    format: "der",
  });
  return createHash("sha256").update(spki).digest("base64");
}

// --- DER, as much as a certificate needs (X.690) ---

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  serverAuth: "1.3.6.1.5.5.7.3.1",
} as const;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tagged(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

function sequence(...items: Buffer[]): Buffer {
  return tagged(0x30, Buffer.concat(items));
}

function set(...items: Buffer[]): Buffer {
  return tagged(0x31, Buffer.concat(items));
}

function boolean(value: boolean): Buffer {
  return tagged(0x01, Buffer.from([value ? 0xff : 0x00]));
}

/** A non-negative INTEGER from its big-endian bytes. */
function integer(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const padded = (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
  return tagged(0x02, padded);
}

function octetString(content: Buffer): Buffer {
  return tagged(0x04, content);
}

function bitString(content: Buffer, unusedBits: number): Buffer {
  return tagged(0x03, Buffer.concat([Buffer.from([unusedBits]), content]));
}

function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const bytes = [40 * (parts[0] ?? 0) + (parts[1] ?? 0)];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let rest = Math.floor(part / 128); rest > 0; rest = Math.floor(rest / 128)) {
      chunk.unshift((rest & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tagged(0x06, Buffer.from(bytes));
}

function utf8(text: string): Buffer {
  return tagged(0x0c, Buffer.from(text, "utf8"));
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? tagged(0x17, Buffer.from(`${iso.slice(2)}Z`, "ascii"))
    : tagged(0x18, Buffer.from(`${iso}Z`, "ascii"));
}

function distinguishedName(commonName: string): Buffer {
  return sequence(
    set(sequence(oid(OID.organization), utf8("safety-by-design chat"))),
    set(sequence(oid(OID.commonName), utf8(commonName))),
  );
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** SHA-1 of the public key's bits: the usual key identifier (RFC 5280 4.2.1.2), not a secret. */
function keyIdentifier(key: KeyObject): Buffer {
  const spki = key.export({ type: "spki", format: "der" });
  // The key's BIT STRING ends the SPKI; for P-256 it is the last 65 bytes.
  return createHash("sha1")
    .update(spki.subarray(spki.length - 65))
    .digest();
}

function signCertificate(input: {
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly subjectKey: KeyObject;
  readonly issuerKey: KeyObject;
  readonly signingKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: readonly Buffer[];
}): Buffer {
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = sequence(
    tagged(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    input.issuer,
    sequence(time(input.notBefore), time(input.notAfter)),
    input.subject,
    Buffer.from(input.subjectKey.export({ type: "spki", format: "der" })),
    tagged(0xa3, sequence(...input.extensions)),
  );
  const signature = sign("sha256", tbs, { key: input.signingKey, dsaEncoding: "der" });
  return sequence(tbs, algorithm, bitString(signature, 0));
}

function toPem(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}
