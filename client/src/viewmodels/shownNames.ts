// View-model layer: the mediated names and room titles views render. They are
// made by the policy layer's decision store (policy/roomDecisionStore.ts);
// views import them from here, as they may not reach into policy/.

export type { MediatedName, RoomTitle } from "../policy/roomDecisionStore.ts";
