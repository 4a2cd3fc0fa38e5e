// View model of "Find people": a search through the deployment's discovery
// gatekeeper, filtered by the engine's discovery decision (policy/discovery.ts),
// and the person's own "findable by people my age" setting, changed only as
// the engine's protective-setting decision says (with its information first).
// Where discovery cannot work (no gatekeeper, or no verified age) the screen
// says so instead of showing an empty search. Results and the setting each
// carry "why am I seeing this?": the engine's decisions behind whom a search
// can show, behind who may find this person (and see their band), and behind
// a refused or explained change of the setting.

import type { AgeBand } from "@safety-by-design/policy-engine";
import type { MessageKey } from "../i18n/i18n.ts";
import type { DiscoveryAvailability, PeopleFinder } from "../policy/discovery.ts";
import type { NoticeView } from "./noticeView.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

export type FindPeopleNavigation = {
  readonly back: () => void;
  /** Starts a chat through "new chat", so the contact decision runs as always. */
  readonly startChatWith: (userId: string) => void;
};

export type FoundPerson = { readonly userId: string; readonly name: string | undefined };

export type FindableSetting = {
  readonly on: boolean;
  /** A change the engine allowed only after this information was read. */
  readonly confirming:
    { readonly newValue: boolean; readonly notices: readonly NoticeView[] } | undefined;
  /** The engine refused the change (e.g. for 8-12): its notice says why. */
  readonly refused: readonly NoticeView[] | undefined;
  readonly saving: boolean;
  /**
   * Why: the refused or explained change on screen, or (while on) who may
   * find this person and see their band; undefined while off and unasked.
   */
  readonly why: WhyView | undefined;
};

export type FindPeopleSnapshot = {
  /** "available", or why searching and being found cannot work here. */
  readonly availability: DiscoveryAvailability;
  readonly term: string;
  readonly searching: boolean;
  /** undefined until the first search. */
  readonly results: readonly FoundPerson[] | undefined;
  /** Why these results (and nobody else): the rules behind whom a search can show. */
  readonly resultsWhy: WhyView | undefined;
  readonly error: MessageKey | undefined;
  readonly findable: FindableSetting;
};

/** What the "find people" view may ask for. */
export type FindPeopleViewActions = {
  readonly setTerm: (term: string) => void;
  readonly search: () => Promise<void>;
  readonly startChatWith: (userId: string) => void;
  readonly requestFindable: (newValue: boolean) => Promise<void>;
  readonly confirmFindable: () => Promise<void>;
  readonly cancelFindable: () => void;
  readonly back: () => void;
};

export class FindPeopleViewModel
  extends ViewModel<FindPeopleSnapshot>
  implements FindPeopleViewActions
{
  readonly #people: PeopleFinder;
  readonly #navigation: FindPeopleNavigation;
  /** The device user's band: whom the explanations are written for. */
  readonly #readerBand: () => AgeBand;
  #searchGeneration = 0;

  constructor(people: PeopleFinder, navigation: FindPeopleNavigation, readerBand: () => AgeBand) {
    const on = people.settings().findableByPeers;
    super({
      availability: people.availability(),
      term: "",
      searching: false,
      results: undefined,
      resultsWhy: undefined,
      error: undefined,
      findable: restingSetting(people, on, readerBand),
    });
    this.#people = people;
    this.#navigation = navigation;
    this.#readerBand = readerBand;
  }

  readonly setTerm = (term: string): void => {
    this.update({ ...this.getSnapshot(), term, error: undefined });
  };

  readonly search = async (): Promise<void> => {
    if (this.getSnapshot().availability !== "available") return;
    const term = this.getSnapshot().term.trim();
    if (term.length < 2) {
      this.update({ ...this.getSnapshot(), error: "findPeople.error.short" });
      return;
    }
    const generation = ++this.#searchGeneration;
    this.update({ ...this.getSnapshot(), searching: true, error: undefined });
    try {
      const found = await this.#people.find(term);
      if (generation !== this.#searchGeneration) return;
      if (found.kind === "rate-limited") {
        this.update({
          ...this.getSnapshot(),
          searching: false,
          error: "findPeople.error.rateLimited",
        });
        return;
      }
      this.update({
        ...this.getSnapshot(),
        searching: false,
        results: found.people.map((person) => ({
          userId: person.userId,
          name: person.displayName,
        })),
        resultsWhy: whyViewOf(this.#people.searchDecisions(), this.#readerBand()),
      });
    } catch {
      if (generation !== this.#searchGeneration) return;
      this.update({ ...this.getSnapshot(), searching: false, error: "findPeople.error.failed" });
    }
  };

  readonly startChatWith = (userId: string): void => {
    this.#navigation.startChatWith(userId);
  };

  /** The switch was flipped: the engine decides what happens next. */
  readonly requestFindable = async (newValue: boolean): Promise<void> => {
    const decision = this.#people.findableChange(newValue);
    const findable = this.getSnapshot().findable;
    switch (decision.effect) {
      case "refuse":
        this.#setFindable({
          ...findable,
          confirming: undefined,
          refused: decision.notices,
          why: whyViewOf([decision], this.#readerBand()),
        });
        return;
      case "allow-with-information":
        this.#setFindable({
          ...findable,
          refused: undefined,
          confirming: { newValue, notices: decision.notices },
          why: whyViewOf([decision], this.#readerBand()),
        });
        return;
      case "allow":
        await this.#save(newValue);
        return;
    }
  };

  /** After reading the engine's information. */
  readonly confirmFindable = async (): Promise<void> => {
    const confirming = this.getSnapshot().findable.confirming;
    if (confirming !== undefined) await this.#save(confirming.newValue);
  };

  readonly cancelFindable = (): void => {
    const { on, saving } = this.getSnapshot().findable;
    this.#setFindable({ ...restingSetting(this.#people, on, this.#readerBand), saving });
  };

  readonly back = (): void => {
    this.#navigation.back();
  };

  override dispose(): void {
    this.#searchGeneration++;
    super.dispose();
  }

  async #save(newValue: boolean): Promise<void> {
    const { error, findable } = this.getSnapshot();
    // A new attempt replaces the last save's failure; a search error stays.
    this.update({
      ...this.getSnapshot(),
      error: error === "findPeople.error.setting" ? undefined : error,
      findable: { ...findable, saving: true },
    });
    try {
      await this.#people.setFindable(newValue);
      this.#setFindable(restingSetting(this.#people, newValue, this.#readerBand));
    } catch {
      this.update({
        ...this.getSnapshot(),
        error: "findPeople.error.setting",
        findable: { ...this.getSnapshot().findable, saving: false },
      });
    }
  }

  #setFindable(findable: FindableSetting): void {
    this.update({ ...this.getSnapshot(), findable });
  }
}

/**
 * The setting at rest. When the engine would refuse switching it (an 8-12
 * cannot become findable), its refusal shows at once and there is nothing to
 * tap: a switch never looks usable until a tap reveals that it is not. While
 * on: who may find this person and see their band. While off and open to
 * change there is nothing to explain.
 */
function restingSetting(
  people: PeopleFinder,
  on: boolean,
  readerBand: () => AgeBand,
): FindableSetting {
  const change = people.findableChange(!on);
  if (change.effect === "refuse") {
    return {
      on,
      confirming: undefined,
      refused: change.notices,
      saving: false,
      why: whyViewOf([change], readerBand()),
    };
  }
  return {
    on,
    confirming: undefined,
    refused: undefined,
    saving: false,
    why: on ? whyViewOf(people.findableDecisions(), readerBand()) : undefined,
  };
}
