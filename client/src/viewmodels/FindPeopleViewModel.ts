// View model of "Find people": a search through the deployment's discovery
// gatekeeper, filtered by the engine's discovery decision (policy/discovery.ts),
// and the person's own "findable by people my age" setting, changed only as
// the engine's protective-setting decision says (with its information first).
// Where discovery cannot work (no gatekeeper, or no verified age) the screen
// says so instead of showing an empty search.

import type { Notice } from "@safety-by-design/policy-engine";
import type { MessageKey } from "../i18n/i18n.ts";
import type { DiscoveryAvailability, PeopleFinder } from "../policy/discovery.ts";
import { ViewModel } from "./ViewModel.ts";

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
    { readonly newValue: boolean; readonly notices: readonly Notice[] } | undefined;
  /** The engine refused the change (e.g. for 8-12): its notice says why. */
  readonly refused: readonly Notice[] | undefined;
  readonly saving: boolean;
};

export type FindPeopleSnapshot = {
  /** "available", or why searching and being found cannot work here. */
  readonly availability: DiscoveryAvailability;
  readonly term: string;
  readonly searching: boolean;
  /** undefined until the first search. */
  readonly results: readonly FoundPerson[] | undefined;
  readonly error: MessageKey | undefined;
  readonly findable: FindableSetting;
};

export class FindPeopleViewModel extends ViewModel<FindPeopleSnapshot> {
  readonly #people: PeopleFinder;
  readonly #navigation: FindPeopleNavigation;
  #searchGeneration = 0;

  constructor(people: PeopleFinder, navigation: FindPeopleNavigation) {
    super({
      availability: people.availability(),
      term: "",
      searching: false,
      results: undefined,
      error: undefined,
      findable: {
        on: people.settings().findableByPeers,
        confirming: undefined,
        refused: undefined,
        saving: false,
      },
    });
    this.#people = people;
    this.#navigation = navigation;
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
        this.#setFindable({ ...findable, confirming: undefined, refused: decision.notices });
        return;
      case "allow-with-information":
        this.#setFindable({
          ...findable,
          refused: undefined,
          confirming: { newValue, notices: decision.notices },
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
    this.#setFindable({
      ...this.getSnapshot().findable,
      confirming: undefined,
      refused: undefined,
    });
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
      this.#setFindable({ on: newValue, confirming: undefined, refused: undefined, saving: false });
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
