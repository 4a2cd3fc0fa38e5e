// client i18n: "Waarom zie ik dit?" for the rules help before sign-in can
// give (the help point's and the engine's own): they ship with the first
// screen (shell.nl.ts); why.nl.ts holds them with every other rule's words.
import type { WhyTexts } from "./why.nl.ts";

export const whyShellNl = {
  // Help: which help the screen shows.
  "help/moment-table": {
    child: "De app kiest hulp die bij jou past. En bij wat er net gebeurde.",
    teen: "De app kiest de hulp die past bij je leeftijd en bij wat er net gebeurde, zoals een waarschuwing of een melding.",
  },
  "help/kindertelefoon-for-minors": {
    child: "De Kindertelefoon staat er altijd bij. Daar kun je over alles praten.",
    teen: "De Kindertelefoon staat er altijd bij voor iedereen onder de 18. Ook als we je leeftijd niet weten. Je kunt er over alles praten.",
  },
  "help/category-specific-help": {
    child: "Na je melding zie je ook hulp die past bij wat er gebeurde.",
    teen: "Na een melding zie je ook hulp die past bij wat je meldde. Bijvoorbeeld Helpwanted als iemand dreigt met foto's.",
  },
  "help/emergency-outside-jurisdiction": {
    child:
      "Je bent misschien in een ander land. Daarom staat 112 er ook bij. Dat nummer werkt in heel Europa.",
    teen: "Je telefoon staat op een ander land. De Nederlandse hulplijnen werken daar misschien niet. Daarom staat 112 erbij: dat werkt in heel de EU.",
  },
  "help/help-for-need": {
    child: "Jij zei wat er aan de hand is. Daarom zie je de hulp die daarbij past.",
    teen: "Je koos wat er aan de hand is. Daarom zie je eerst de hulp die daar het best bij past. Alleen je keuze telt, niet je berichten.",
  },
  "help/after-report-between-peers": {
    child: "Het ging om iemand van jouw leeftijd. Helpwanted kan helpen om een foto weg te halen.",
    teen: "Je meldde iemand van jouw leeftijd. Helpwanted helpt je, bijvoorbeeld om een foto offline te halen.",
  },

  // The engine itself.
  "engine/no-rule-applied": {
    child: "Geen regel paste hier. Dan kiest de app de veiligste keuze.",
    teen: "Geen enkele regel paste hier. Dan kiest de app altijd de veiligste keuze.",
  },
  "engine/fail-closed": {
    child: "De app kon de regels niet laden. Daarom is de app nu extra voorzichtig.",
    teen: "De app kon de veiligheidsregels niet laden. Daarom is de app nu extra voorzichtig.",
  },
} as const satisfies Readonly<Record<`help/${string}` | `engine/${string}`, WhyTexts>>;
