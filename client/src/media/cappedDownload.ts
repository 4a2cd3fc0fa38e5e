// Media (receive side): one authenticated download with a byte cap, shared by
// the chat's attachments (matrix/mediaDownload.ts) and the moderator's copy of
// reported media (reporting/reportMedia.ts). The token goes in a header, never
// in a URL; no cookies or referrer go to a content repository. A server or a
// sender can lie about the size, so the cap holds on the bytes that arrive,
// not only on what the headers declare.

/** Why no bytes came: no answer or an error status, past the cap, or 404 (gone from the server). */
export type CappedDownloadFailure = "unavailable" | "too-large" | "gone";

export class CappedDownloadError extends Error {
  readonly reason: CappedDownloadFailure;
  constructor(reason: CappedDownloadFailure, detail?: string) {
    super(`download: ${reason}${detail === undefined ? "" : ` (${detail})`}`);
    this.name = "CappedDownloadError";
    this.reason = reason;
  }
}

export type DownloadFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** GETs `url` with the token, reading at most `limit` bytes (the stream is cancelled beyond it). */
export async function downloadCapped(
  fetchImpl: DownloadFetch,
  url: string,
  token: string,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { Authorization: `Bearer ${token}` },
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
  } catch (error) {
    throw new CappedDownloadError("unavailable", String(error));
  }
  if (response.status === 404) throw new CappedDownloadError("gone");
  if (!response.ok || response.body === null) {
    throw new CappedDownloadError("unavailable", `HTTP ${String(response.status)}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > limit) {
    await response.body.cancel();
    throw new CappedDownloadError("too-large");
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new CappedDownloadError("too-large");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
