// What a view needs to show one of the engine's notices. The engine's
// Notice type fits it; views depend on this, not on the engine.
export type NoticeView = {
  readonly id: string;
  readonly severity: "info" | "caution" | "warning";
  /** The engine's copy key, already chosen for the reader's age band. */
  readonly copyKey: string;
};
