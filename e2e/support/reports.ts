// e2e support: the report a person just filed, as their own device stored it
// (the outbox's IndexedDB, one database per user; client/src/reporting/
// indexedDbReportStore.ts). The moderation queue is sorted by deadline, not
// by arrival, so a spec finds "its" report by the ID the reporter's device
// gave it, never by position.
import type { Page } from "@playwright/test";

/** Every report this user's device stored: its ID, when it was made and its outbox state. */
export async function storedReports(
  page: Page,
  userId: string,
): Promise<{ reportId: string; createdAt: number; state: string }[]> {
  return page.evaluate(async (user) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`sbd-${user}-reports`);
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(new Error("no report database"));
      };
    });
    const all = await new Promise<{ reportId: string; createdAt: number; state: string }[]>(
      (resolve, reject) => {
        const request = db.transaction("reports").objectStore("reports").getAll();
        request.onsuccess = () => {
          resolve(request.result as { reportId: string; createdAt: number; state: string }[]);
        };
        request.onerror = () => {
          reject(new Error("reports unreadable"));
        };
      },
    );
    db.close();
    return all.map(({ reportId, createdAt, state }) => ({ reportId, createdAt, state }));
  }, userId);
}

export async function newestReportId(page: Page, userId: string): Promise<string> {
  const newest = (await storedReports(page, userId)).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (newest === undefined) throw new Error("no report stored");
  return newest.reportId;
}
