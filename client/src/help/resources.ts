// The Dutch help resources as data: one typed table the help screen, the
// (Over 400 lines: data: each help service with its verification notes, one entry after another.)
// warnings and the post-report sheet all read, so a phone number is written
// (and checked) once. The policy engine decides WHICH resources fit a person
// and a moment (it returns HelpResourceIds); this table says what each one is.
//
// The text lives here in nl and en rather than in messages.*.ts because each
// entry is a set of facts with its own source and verification note; keeping
// them together is what lets a reviewer check a number against its source.
//
// Honesty rules for this file:
// - `verifiedOn` is the date the entry was checked. The check was made against
//   stored copies of public pages, not the live web; `verification` says what
//   was confirmed, where, and what was not. Re-check against the live pages
//   before shipping (see docs/measures/help.md).
// - A phone number or opening time that no source confirmed is not written
//   down as a fact: such hours carry status "not-confirmed" and no text, and
//   the screens leave the line out (no filler such as "see website").
// - `tel:` forms use the national dialling form (digits identical to the
//   display form): 0800 numbers are often unreachable from abroad, and the app
//   serves people in the Netherlands.

// The ids are the policy engine's: its help decisions name resources by
// them, and this table says what each one is. Re-exported so views need not
// import the engine.
import { HELP_RESOURCE_IDS, type HelpResourceId } from "@safety-by-design/policy-engine";
export { HELP_RESOURCE_IDS, type HelpResourceId };

/** The date of the brief's figures and of this check (ISO 8601). */
export const HELP_RESOURCES_VERIFIED_ON = "2026-11-23";

export type LocalizedText = { readonly nl: string; readonly en: string };

export type PhoneNumber = {
  readonly label: LocalizedText;
  /** As people write it, e.g. "0800-0432". */
  readonly display: string;
  /** The same digits as `display`, for a tap-to-call link. */
  readonly tel: `tel:${string}`;
};

export type WebAddress = {
  /** What the site offers (chat, mail, a report form). */
  readonly label: LocalizedText;
  readonly url: `https://${string}`;
};

/** "confirmed": found in a stored copy of a public page named in the verification note. */
export type FactStatus = "confirmed" | "not-confirmed" | "not-applicable";

/** Hours with a text only where a source confirmed them (or a sentence where hours do not apply). */
export type OpeningHours =
  | { readonly text: LocalizedText; readonly status: "confirmed" | "not-applicable" }
  | { readonly status: "not-confirmed" };

export type Verification = {
  /** What the stored sources confirmed, each with the source it came from. */
  readonly confirmed: readonly string[];
  /** What no stored source confirmed (re-check these first). */
  readonly notConfirmed: readonly string[];
  /** Addresses of the stored copies consulted, as they were stored. */
  readonly consulted: readonly string[];
};

export type HelpResource = {
  readonly id: HelpResourceId;
  readonly name: LocalizedText;
  /** What it is for. */
  readonly purpose: LocalizedText;
  /** Who it is for. */
  readonly audience: LocalizedText;
  /** Empty when the resource has no phone line. */
  readonly phones: readonly PhoneNumber[];
  /** Chat, mail or report form; empty when there is none. */
  readonly web: readonly WebAddress[];
  readonly hours: OpeningHours;
  /** The organisation's own page for these facts. */
  readonly sourceUrl: `https://${string}`;
  readonly verifiedOn: string;
  readonly verification: Verification;
};

export const HELP_RESOURCES: Readonly<Record<HelpResourceId, HelpResource>> = {
  kindertelefoon: {
    id: "kindertelefoon",
    name: { nl: "De Kindertelefoon", en: "De Kindertelefoon" },
    purpose: {
      nl: "Praat over alles wat je dwarszit. Over pesten, ruzie thuis, verliefd zijn of iets online. Het is gratis. Je hoeft je naam niet te zeggen.",
      en: "Talk about anything that bothers you: bullying, trouble at home, being in love or something online. It is free. You do not have to say your name.",
    },
    audience: {
      nl: "Kinderen en jongeren van 8 tot 18 jaar.",
      en: "Children and young people aged 8 to 18.",
    },
    phones: [
      {
        label: { nl: "Bellen (gratis)", en: "Call (free)" },
        display: "0800-0432",
        tel: "tel:08000432",
      },
    ],
    web: [
      {
        label: { nl: "Chatten via de website", en: "Chat on the website" },
        url: "https://www.kindertelefoon.nl/",
      },
    ],
    hours: { status: "not-confirmed" },
    sourceUrl: "https://www.kindertelefoon.nl/",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "0800-0432, free and anonymous, phone and chat, for children and young people aged 8 to 18: vriendenkindertelefoon.nl/kindertelefoon (the supporting foundation's page, undated copy).",
        "0800-0432 and the chat on kindertelefoon.nl: flaironline.nl and metronieuws.nl (both September 2019).",
      ],
      notConfirmed: [
        "Current opening hours: the only hours found (every day 11:00-21:00) are from 2019 news articles, so the data says 'see website'.",
        "kindertelefoon.nl itself was not among the stored copies.",
      ],
      consulted: [
        "https://www.vriendenkindertelefoon.nl/kindertelefoon",
        "https://www.flaironline.nl/nieuws/de-kindertelefoon-bestaat-al-40-jaar-en-maxima-bezoekt-de-vrijwilligers/",
        "https://www.metronieuws.nl/in-het-nieuws/2019/09/hoera-de-kindertelefoon-bestaat-40-jaar",
      ],
    },
  },

  helpwanted: {
    id: "helpwanted",
    name: { nl: "Helpwanted", en: "Helpwanted" },
    purpose: {
      nl: "Hulp als iemand online over je grens gaat. Bijvoorbeeld als iemand je naaktfoto deelt of je ermee chanteert. Of als iemand je seksueel benadert. Helpwanted helpt ook om beelden offline te halen. Het is gratis en anoniem.",
      en: "Help when someone crosses your line online. For example when someone shares your nude photo or blackmails you with it (sextortion). Or when someone approaches you sexually. Helpwanted also helps get images taken down. It is free and anonymous.",
    },
    audience: {
      nl: "Voor wie dit online meemaakt, jong of oud. Ook ouders en leraren mogen hier vragen stellen.",
      en: "For anyone who goes through this online, young or old. Parents and teachers can ask questions here too.",
    },
    phones: [
      { label: { nl: "Bellen", en: "Call" }, display: "020-261 52 75", tel: "tel:0202615275" },
    ],
    web: [
      {
        label: { nl: "Chatten of mailen via de website", en: "Chat or e-mail via the website" },
        url: "https://www.helpwanted.nl/",
      },
    ],
    hours: { status: "not-confirmed" },
    sourceUrl: "https://www.helpwanted.nl/en",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "Phone 020 - 261 52 75, chat and e-mail, free and anonymous; help with removing images; sextortion, grooming and image abuse: helpwanted.nl/en (the organisation's own page).",
        "Nude images shared online, being approached sexually online, blackmail with nude images; parents and teachers can ask too: helpwanted.nl/informatie-voor-scholieren-en-studenten (own page).",
        "Part of Offlimits; for anyone facing online transgressive behaviour: helpwanted.nl/privacy-disclaimer (own page). The offer was widened to all ages: offlimits.nl (2023-07-13).",
      ],
      notConfirmed: [
        "Opening hours of phone and chat: the only hours found (weekdays 14:00-17:00 chat) are from 2013 (eokm.nl), so the data says 'see website'.",
      ],
      consulted: [
        "http://www.helpwanted.nl/en",
        "https://www.helpwanted.nl/informatie-voor-scholieren-en-studenten",
        "https://helpwanted.nl/privacy-disclaimer",
        "https://offlimits.nl/nieuws/hulplijnen-offlimits-vaker-gebeld",
        "https://www.eokm.nl/sterke-toename-meldingen-helpwanted-nl/",
      ],
    },
  },

  "stop-it-now": {
    id: "stop-it-now",
    name: { nl: "Stop it Now", en: "Stop it Now" },
    purpose: {
      nl: "Hulp als je je zorgen maakt over je eigen seksuele gevoelens of gedrag naar iemand onder de 18. Je hoeft je naam niet te zeggen. Ook voor de mensen om je heen.",
      en: "Help if you are worried about your own sexual feelings or behaviour towards someone under 18. You do not have to say your name. Also for the people around you.",
    },
    audience: {
      nl: "Mensen die zich zorgen maken over zichzelf, jong of oud. En de mensen om hen heen.",
      en: "People who are worried about themselves, young or old. And the people around them.",
    },
    phones: [
      {
        label: { nl: "Bellen (gratis)", en: "Call (free)" },
        display: "0800-266 64 36",
        tel: "tel:08002666436",
      },
    ],
    web: [
      {
        label: { nl: "Chatten via de website", en: "Chat on the website" },
        url: "https://stopitnow.nl/",
      },
    ],
    hours: { status: "not-confirmed" },
    sourceUrl: "https://stopitnow.nl/",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "0800 266 64 36, anonymous and free; for people worried about their own sexual feelings or behaviour towards minors and the people around them; 'opening hours are available on the website': ecsa.lucyfaithfull.org/stop-it-now-nl (a third-party prevention database, undated).",
        "Part of Offlimits; a chat on the website: offlimits.nl (2024-06-11) and nhnieuws.nl (December 2023). Nearly half of the people who contact it are 26 or younger (offlimits.nl).",
      ],
      notConfirmed: [
        "Opening hours.",
        "The web address stopitnow.nl (from the brief): the organisation's own site was not among the stored copies.",
      ],
      consulted: [
        "https://ecsa.lucyfaithfull.org/stop-it-now-nl",
        "https://offlimits.nl/nieuws/enorme-stijging-hulpvragen-vanwege-seksueel-gedrag-enof-gevoelens-richting-minderjarigen",
        "https://www.nhnieuws.nl/nieuws/n134712/hulporganisatie-ziet-meer-jongeren-die-contact-zoeken-voor-kijken-naar-kinderporno",
      ],
    },
  },

  "centrum-seksueel-geweld": {
    id: "centrum-seksueel-geweld",
    name: { nl: "Centrum Seksueel Geweld", en: "Centrum Seksueel Geweld" },
    purpose: {
      nl: "Hulp na aanranding of verkrachting: medische zorg, steun en sporenonderzoek. Bel het liefst binnen 7 dagen. Is het langer geleden? Ook dan kun je bellen.",
      en: "Help after sexual assault or rape: medical care, support and forensic examination. Call within 7 days if you can. Was it longer ago? You can still call.",
    },
    audience: {
      nl: "Iedereen die seksueel geweld heeft meegemaakt, ook jongeren. Ook voor de mensen om hen heen.",
      en: "Anyone who has experienced sexual violence, young people too. Also for the people around them.",
    },
    phones: [
      {
        label: { nl: "Bellen (gratis)", en: "Call (free)" },
        display: "0800-0188",
        tel: "tel:08000188",
      },
    ],
    web: [
      {
        label: {
          nl: "Informatie en chat via de website",
          en: "Information and chat on the website",
        },
        url: "https://centrumseksueelgeweld.nl/",
      },
    ],
    hours: {
      text: { nl: "Telefoon: dag en nacht (24/7)", en: "Phone: day and night (24/7)" },
      status: "confirmed",
    },
    sourceUrl: "https://www.centrumseksueelgeweld.nl/category/in-de-media/",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "'Het CSG is 24/7 bereikbaar op het telefoonnummer 0800-0188'; help preferably within seven days: centrumseksueelgeweld.nl (the organisation's own page; an older, undated copy).",
        "0800 0188 as the national number: GGD Fryslân (2022-11-02). Free number, 24/7: omroepflevoland.nl (2016), veiligthuiswb.nl. Also for people who were assaulted longer ago: huiselijkgeweld.nl (2014). The number is also for the people around a victim: seksuelegezondheidoostnederland.nl.",
        "A chat since July 2020: nhnieuws.nl (August 2020).",
      ],
      notConfirmed: ["Chat opening hours (the data only states the phone hours)."],
      consulted: [
        "https://www.centrumseksueelgeweld.nl/category/in-de-media/",
        "https://www.ggdfryslan.nl/over-ggd/nieuws/centrum-seksueel-geweld-start-landelijke-campagne/",
        "https://www.omroepflevoland.nl/nieuws/133448/almere-centrum-seksueel-geweld-flevoland-van-start",
        "https://veiligthuiswb.nl/nieuws/centrum-seksueel-geweld-in-januari-van-start/",
        "https://www.huiselijkgeweld.nl/nieuws/2014/140214_landelijke-uitrol-centrum-seksueel-geweld",
        "https://seksuelegezondheidoostnederland.nl/centra-seksueel-geweld-oost-nederland/",
        "https://www.nhnieuws.nl/nieuws/n7096/veel-meer-meldingen-seksueel-geweld-maar-nog-steeds-topje-van-de-ijsberg",
      ],
    },
  },

  "veilig-thuis": {
    id: "veilig-thuis",
    name: { nl: "Veilig Thuis", en: "Veilig Thuis" },
    purpose: {
      nl: "Advies en hulp bij geweld of mishandeling thuis. Ook als je je zorgen maakt om iemand anders. Je mag anoniem bellen.",
      en: "Advice and help with violence or abuse at home. Also if you are worried about someone else. You can call anonymously.",
    },
    audience: {
      nl: "Voor iedereen, jong en oud.",
      en: "For everyone, young and old.",
    },
    phones: [
      {
        label: { nl: "Bellen (gratis)", en: "Call (free)" },
        display: "0800-2000",
        tel: "tel:08002000",
      },
    ],
    web: [
      {
        label: {
          nl: "Chatten via de website (niet altijd open)",
          en: "Chat on the website (not always open)",
        },
        url: "https://veiligthuis.nl/",
      },
    ],
    hours: {
      text: {
        nl: "Telefoon: dag en nacht (24/7).",
        en: "Phone: day and night (24/7).",
      },
      status: "confirmed",
    },
    sourceUrl: "https://veiligthuis.nl/",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "0800-2000, free, every day and every hour; anonymous if you wish; for victims, witnesses and those who use violence: rijksoverheid.nl (the government's page).",
        "0800 2000, 24/7, free: regional Veilig Thuis sites (veiligthuisnoordoostgelderland.nl; veiligthuisgv.nl). Chat at veiligthuis.nl: regiogv.nl, bredavandaag.nl (2021).",
        "Chat mostly open 9:00-17:00 and not always at the stated times in every region: gemeente.nu (2025-10-29), so the data says 'Chat: see website'.",
      ],
      notConfirmed: ["veiligthuis.nl itself was not among the stored copies."],
      consulted: [
        "https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/vraag-en-antwoord/wat-moet-ik-doen-bij-huiselijk-geweld",
        "https://www.veiligthuisnoordoostgelderland.nl/chat-veilig-thuis-zeker-tot-einde-2020/",
        "https://www.veiligthuisgv.nl/veelgestelde-vragen/",
        "https://www.regiogv.nl/nieuws/chatfunctie-veilig-thuis-verlengd/?bron=1739",
        "https://www.gemeente.nu/veiligheid/bereikbaarheid-veilig-thuis-met-24-7-chatfunctie-wenselijk/",
      ],
    },
  },

  politie: {
    id: "politie",
    name: { nl: "Politie", en: "Police (Politie)" },
    purpose: {
      nl: "Voor misdrijven. Ook voor beelden van seksueel misbruik die via een chatapp zijn gedeeld. Wil je niet zeggen wie je bent? Meld het dan bij Meld Misdaad Anoniem.",
      en: "For crimes. Also for images of sexual abuse shared through a chat app. Do you not want to say who you are? Then report it to Meld Misdaad Anoniem (report crime anonymously).",
    },
    audience: { nl: "Iedereen.", en: "Everyone." },
    phones: [
      {
        label: { nl: "Politie, geen spoed", en: "Police, not an emergency" },
        display: "0900-8844",
        tel: "tel:09008844",
      },
      {
        label: {
          nl: "Meld Misdaad Anoniem (gratis)",
          en: "Meld Misdaad Anoniem, report crime anonymously (free)",
        },
        display: "0800-7000",
        tel: "tel:08007000",
      },
    ],
    web: [
      {
        label: { nl: "Informatie van de politie", en: "Information from the police" },
        url: "https://www.politie.nl/",
      },
      {
        label: { nl: "Anoniem melden via een formulier", en: "Report anonymously with a form" },
        url: "https://www.meldmisdaadanoniem.nl/",
      },
    ],
    hours: { status: "not-confirmed" },
    sourceUrl: "https://www.politie.nl/themas/meld-misdaad-anoniem.html",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "0900-8844 for non-urgent matters, 112 when every second counts: politie.nl (2021-02-11, the police's own page).",
        "Meld Misdaad Anoniem: free number 0800-7000 or an online form, not part of the police, no emergencies and no formal police reports (aangifte): politie.nl/themas/meld-misdaad-anoniem.html (own page).",
        "Abuse images that are not on the public internet (one-to-one distribution, cloud, files) go to the police (0900-8844) or Meld Misdaad Anoniem (0800-7000, meldmisdaadanoniem.nl): meldpunt-kinderporno.nl/wat-melden.",
      ],
      notConfirmed: [
        "Opening hours of 0900-8844 and 0800-7000.",
        "A 2021 police news item (politie.nl/nieuws/2021/maart/24) told people to report a received video to Meldpunt Kinderporno; the Meldpunt's own page says it handles only material on the public internet. We follow the Meldpunt's own page (and the brief): chat material goes to the police.",
      ],
      consulted: [
        "https://www.politie.nl/nieuws/2021/februari/11/08-als-elke-seconde-telt.html",
        "https://www.politie.nl/themas/meld-misdaad-anoniem.html",
        "https://meldpunt-kinderporno.nl/wat-melden",
        "https://www.politie.nl/nieuws/2021/maart/24/00-kinderporno-moet-je-vooral-niet-verder-verspreiden.html",
      ],
    },
  },

  "emergency-112": {
    id: "emergency-112",
    name: { nl: "Alarmnummer 112", en: "Emergency number 112" },
    purpose: {
      nl: "Bel bij direct gevaar, als elke seconde telt. Dan komt de politie, de ambulance of de brandweer.",
      en: "Call in immediate danger, when every second counts. The police, an ambulance or the fire brigade will come.",
    },
    audience: { nl: "Iedereen.", en: "Everyone." },
    phones: [
      {
        label: { nl: "Bellen bij direct gevaar (gratis)", en: "Call in immediate danger (free)" },
        display: "112",
        tel: "tel:112",
      },
    ],
    web: [],
    hours: {
      text: { nl: "Dag en nacht (24/7)", en: "Day and night (24/7)" },
      status: "confirmed",
    },
    sourceUrl: "https://www.politie.nl/nieuws/2021/februari/11/08-als-elke-seconde-telt.html",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "112 is free and is for when every second counts: politie.nl (2021-02-11, the police's own page).",
        "Police, fire brigade and ambulance; reachable day and night in the whole country: wittekruis.nl; always reachable: alarmeringen.nl (both third parties).",
      ],
      notConfirmed: [],
      consulted: [
        "https://www.politie.nl/nieuws/2021/februari/11/08-als-elke-seconde-telt.html",
        "http://www.wittekruis.nl/112-en-dan/1081",
        "https://alarmeringen.nl/",
      ],
    },
  },

  "meldpunt-kinderporno": {
    id: "meldpunt-kinderporno",
    name: { nl: "Meldpunt Kinderporno", en: "Meldpunt Kinderporno" },
    purpose: {
      nl: "Melden van beelden van seksueel misbruik van kinderen die openbaar op een website staan. Je hebt de link (URL) nodig. Beelden uit een chat, e-mail of de cloud kan het Meldpunt niet behandelen. Meld die bij de politie.",
      en: "Report images of child sexual abuse that are publicly on a website. You need the link (URL). The Meldpunt cannot handle images from a chat, e-mail or the cloud. Report those to the police.",
    },
    audience: {
      nl: "Voor wie zulke beelden op internet ziet. Je mag anoniem melden.",
      en: "For anyone who sees such images on the internet. You can report anonymously.",
    },
    phones: [],
    web: [
      {
        label: { nl: "Melden via het formulier", en: "Report with the form" },
        url: "https://www.meldpunt-kinderporno.nl/",
      },
    ],
    hours: {
      text: {
        nl: "Melden kan met het formulier op de website.",
        en: "You report with the form on the website.",
      },
      status: "not-applicable",
    },
    sourceUrl: "https://www.meldpunt-kinderporno.nl/wat-melden/",
    verifiedOn: HELP_RESOURCES_VERIFIED_ON,
    verification: {
      confirmed: [
        "Handles only images on a public place with a URL; not cloud storage, files on a computer, one-to-one e-mail or the dark web; those go to the police: meldpunt-kinderporno.nl/wat-melden (the organisation's own page, two stored versions).",
        "Reports are confidential and can be anonymous; reports are made with the online form: meldpunt-kinderporno.nl/faq and /wat-melden/ (own pages).",
      ],
      notConfirmed: [],
      consulted: [
        "https://meldpunt-kinderporno.nl/wat-melden",
        "https://www.meldpunt-kinderporno.nl/wat-melden/",
        "https://meldpunt-kinderporno.nl/faq",
      ],
    },
  },
};

// Data for one fact the policy engine receives, `nameResemblesHelpService`:
// the client compares a sender's DISPLAY NAME with these names (policy/
// nameResemblance.ts: contained names, confusables, leetspeak) so a stranger
// calling themselves "Kindertelefoon", "Team Politie" or "Moderatie" is
// flagged. Everyday words on the list ("Support", "Helpdesk") count only as a
// whole name. The deployment's own moderation accounts are exempt by Matrix
// ID, not by name. This is not a content filter: we never inspect message
// content, and this list is never matched against messages.
const HELP_SERVICE_NAME_VARIANTS: readonly string[] = [
  "Kindertelefoon",
  "Kinder Telefoon",
  "De Kindertelefoon",
  "Help Wanted",
  "Helpwanted.nl",
  "Stop it Now!",
  "StopItNow",
  "CSG",
  "Meld Misdaad Anoniem",
  "Meldpunt",
  "Politie",
  "Politieagent",
  "Police",
  "Wijkagent",
  "Jongerenagent",
  "Alarmnummer",
  "Alarmcentrale",
  "112",
  "Offlimits",
  "Off Limits",
  "Expertisebureau Online Kindermisbruik",
  "Slachtofferhulp",
  "Moderation",
  "Moderatie",
  "Moderator",
  "Moderators",
  "Mod",
  "Mods",
  "Admin",
  "Beheerder",
  "Support",
  "Helpdesk",
  "Klantenservice",
  "Veilig Chatten",
  "Veilig Chatten team",
  "Team Veilig Chatten",
  "Veiligheidsteam",
  "Safe Chat",
  "Safe Chat team",
];

function uniqueIgnoringCase(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const folded = name.toLocaleLowerCase("nl");
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** Names a display name must not look like: every resource's names plus common variants. */
export const HELP_SERVICE_NAMES: readonly string[] = uniqueIgnoringCase([
  ...HELP_RESOURCE_IDS.flatMap((id) => [HELP_RESOURCES[id].name.nl, HELP_RESOURCES[id].name.en]),
  ...HELP_SERVICE_NAME_VARIANTS,
]);
