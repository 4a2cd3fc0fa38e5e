// client i18n: the English words of why.shell.nl.ts, the same rules.
import type { WhyTexts } from "./why.nl.ts";
import type { whyShellNl } from "./why.shell.nl.ts";

export const whyShellEn: Readonly<Record<keyof typeof whyShellNl, WhyTexts>> = {
  "help/moment-table": {
    child: "The app picks help that fits you. And what just happened.",
    teen: "The app picks the help that fits your age and what just happened, such as a warning or a report.",
  },
  "help/kindertelefoon-for-minors": {
    child: "De Kindertelefoon is always there. You can talk to them about anything.",
    teen: "De Kindertelefoon is always there for everyone under 18, also when we don't know your age. You can talk to them about anything.",
  },
  "help/category-specific-help": {
    child: "After your report you also see help that fits what happened.",
    teen: "After a report you also see help that fits what you reported. For example Helpwanted when someone threatens to share photos.",
  },
  "help/emergency-outside-jurisdiction": {
    child:
      "You may be in another country. That is why 112 is there too. That number works all over Europe.",
    teen: "Your phone is set to another country. The Dutch helplines may not work there. That is why 112 is there: it works across the EU.",
  },
  "help/help-for-need": {
    child: "You said what is going on. So you see the help that fits.",
    teen: "You chose what is going on. So you see the help that fits best first. Only your choice counts, not your messages.",
  },
  "help/after-report-between-peers": {
    child: "It was about someone your age. Helpwanted can help to take a picture away.",
    teen: "You reported someone your age. Helpwanted helps you, for example to get a picture taken offline.",
  },

  // The engine itself.
  "engine/no-rule-applied": {
    child: "No rule fitted here. Then the app picks the safest choice.",
    teen: "No rule fitted here. Then the app always picks the safest choice.",
  },
  "engine/fail-closed": {
    child: "The app could not load its rules. So it is being extra careful now.",
    teen: "The app could not load its safety rules. So it is being extra careful now.",
  },
};
