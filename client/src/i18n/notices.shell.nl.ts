// client i18n: the Dutch notice every decision can carry when the policy
// fails closed, help before sign-in included: it ships with the first screen
// (shell.nl.ts); notices.nl.ts holds it with every other notice.

export const shellNoticesNl = {
  // Fail closed: the safety settings could not be loaded; calm, not scary.
  // (.child is also used when the reader's band could not be read.)
  "notice.policyError.child":
    "Er ging iets mis in de app. Daarom is de app nu extra voorzichtig. Sommige dingen werken even niet. Je hebt niets fout gedaan.",
  "notice.policyError.teen13":
    "De app kon de veiligheidsinstellingen niet laden. Daarom is de app nu extra voorzichtig. Sommige dingen werken even niet. Je hebt niets fout gedaan.",
  "notice.policyError.teen16":
    "De app kon de veiligheidsinstellingen niet laden. Daarom is de app nu extra voorzichtig. Sommige dingen werken even niet. Probeer het later nog eens.",
  "notice.policyError.adult":
    "De app kon de veiligheidsinstellingen niet laden. Daarom is de app nu extra voorzichtig. Sommige dingen werken even niet. Probeer het later nog eens.",
  "notice.policyError.general":
    "De app kon de veiligheidsinstellingen niet laden. Daarom is de app nu extra voorzichtig. Sommige dingen werken even niet. Probeer het later nog eens.",
} as const;
