// Study kit: the facilitator console's client for the local study service
// (tools/lib/studyService.ts), which runs the scripted actors in Node. Every
// call carries the facilitator's access token; the service checks it.

export type ScenarioListing = {
  readonly id: string;
  readonly title: { readonly nl: string; readonly en: string };
  readonly participant: string;
};

export type ScenarioRunView = {
  readonly scenarioId: string;
  readonly status: "running" | "finished" | "failed" | "stopped";
  readonly steps: readonly {
    readonly index: number;
    readonly step: string;
    readonly status: string;
  }[];
};

export type StudyServicePort = {
  scenarios(): Promise<readonly ScenarioListing[]>;
  start(scenarioId: string): Promise<void>;
  stop(): Promise<void>;
  status(): Promise<ScenarioRunView | null>;
  resetParticipant(username: string): Promise<void>;
};

export function createStudyServiceClient(
  baseUrl: string,
  accessToken: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): StudyServicePort {
  const call = async (method: "GET" | "POST", path: string): Promise<unknown> => {
    const response = await fetchImpl(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json();
  };
  return {
    scenarios: async () => (await call("GET", "/scenarios")) as ScenarioListing[],
    start: async (scenarioId) => {
      await call("POST", `/scenarios/${encodeURIComponent(scenarioId)}/start`);
    },
    stop: async () => {
      await call("POST", "/scenarios/stop");
    },
    status: async () => (await call("GET", "/scenarios/status")) as ScenarioRunView | null,
    resetParticipant: async (username) => {
      await call("POST", `/participants/${encodeURIComponent(username)}/reset`);
    },
  };
}
