// View model of sending an image or file in one conversation: the picked
// file's preview with an optional caption, a clear "too large" when it is
// over the deployment's limit, the engine's think-first notice before a
// photo goes to someone the engine says to think about first (the person may
// still send it), and this conversation's uploads from the session's outbox
// (progress, cancel, retry, and "unsend" with its caveat when the engine
// offered it). Whether to warn, and whether unsend is offered, is the
// engine's outgoing media decision; nothing here decides it.

import type { AgeBand } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import { checkAttachment, type AttachmentKind, type PickedFile } from "../media/attachmentKind.ts";
import type {
  EnqueueRequest,
  MediaOutboxSnapshot,
  OutboxItem,
  OutboxState,
  OutboxStep,
} from "../media/mediaOutbox.ts";
import type { NoticeView } from "./noticeView.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type ExplainedDecision, type WhyView } from "./whyView.ts";

/** What the engine's outgoing media decision carries that this screen shows (the engine's type fits it). */
export type OutgoingMediaDecisionView = ExplainedDecision & {
  readonly effect: "send" | "think-first";
  readonly notices: readonly NoticeView[];
  readonly help: readonly HelpResourceId[];
  readonly unsend: boolean;
  readonly unsendCaveat: NoticeView | null;
};

/** The session's outbox (media/mediaOutbox.ts), as this screen uses it. */
export type AttachmentOutbox = {
  subscribe(listener: () => void): () => void;
  getSnapshot(): MediaOutboxSnapshot;
  enqueue(request: EnqueueRequest): { readonly id: string; readonly done: Promise<void> };
  retry(id: string): Promise<void>;
  cancel(id: string): void;
  unsend(id: string): Promise<void>;
  dismiss(id: string): void;
};

export type AttachmentDependencies = {
  readonly roomId: string;
  readonly outbox: AttachmentOutbox;
  /** The engine's decision before sending this kind into this room (the session's decision store). */
  readonly decide: (roomId: string, kind: AttachmentKind) => OutgoingMediaDecisionView;
  /** The reader's band, for "why" (the room's decision store). */
  readonly readerBand: () => AgeBand;
  /** The deployment's size limit (VITE_MAX_ATTACHMENT_MB). */
  readonly maxBytes: number;
  /** A local address for the picked picture's preview (URL.createObjectURL in the app). */
  readonly previewUrls: {
    create(file: Blob): string;
    revoke(url: string): void;
  };
};

/** What a session gives every conversation for sending (main.tsx builds it). */
export type SessionMedia = Pick<AttachmentDependencies, "outbox" | "maxBytes" | "previewUrls">;

export type PickedAttachment = Blob & PickedFile;

/** What takes the composer's place while an attachment is being chosen. */
export type AttachmentStage =
  | { readonly kind: "none" }
  | {
      readonly kind: "preview";
      readonly name: string;
      readonly attachmentKind: AttachmentKind;
      readonly size: number;
      /** A local address of the picked picture (never uploaded as it is); undefined for a file. */
      readonly previewUrl: string | undefined;
      readonly caption: string;
    }
  | {
      readonly kind: "think-first";
      readonly name: string;
      readonly attachmentKind: AttachmentKind;
      readonly previewUrl: string | undefined;
      readonly notices: readonly NoticeView[];
      readonly help: readonly HelpResourceId[];
      readonly why: WhyView;
    }
  | {
      readonly kind: "refused";
      readonly name: string;
      readonly problem: "too-large" | "empty";
      /** The limit in whole megabytes, for the message. */
      readonly maxMegabytes: number;
    };

/** One attachment of this conversation in the outbox. */
export type UploadRow = {
  readonly id: string;
  readonly attachmentKind: AttachmentKind;
  readonly name: string;
  readonly state: OutboxState;
  /** 0-100 while uploading. */
  readonly percent: number;
  readonly failedStep: OutboxStep | "unsend" | undefined;
  readonly canCancel: boolean;
  /** Sent, and the engine offered to take it back: "unsend" with this caveat. */
  readonly unsendCaveat: NoticeView | undefined;
};

export type AttachmentSnapshot = {
  readonly stage: AttachmentStage;
  readonly uploads: readonly UploadRow[];
};

export type AttachmentViewActions = {
  /** A file was chosen (camera, gallery or files: the phone's own sheet). */
  readonly pick: (file: PickedAttachment) => void;
  readonly setCaption: (caption: string) => void;
  /** Send from the preview: asks the engine first; a think-first notice may come before it goes. */
  readonly send: () => void;
  /** After the think-first notice: send it anyway (the person's choice). */
  readonly sendAnyway: () => void;
  /** Closes the preview, the notice or the refusal; nothing is sent. */
  readonly discard: () => void;
  readonly cancelUpload: (id: string) => void;
  readonly retryUpload: (id: string) => Promise<void>;
  readonly unsend: (id: string) => Promise<void>;
  readonly dismiss: (id: string) => void;
};

type Picked = {
  readonly file: PickedAttachment;
  readonly kind: AttachmentKind;
  readonly previewUrl: string | undefined;
  caption: string;
  decision: OutgoingMediaDecisionView | undefined;
};

const MEGABYTE = 1024 * 1024;

export class AttachmentViewModel
  extends ViewModel<AttachmentSnapshot>
  implements AttachmentViewActions
{
  readonly #deps: AttachmentDependencies;
  #picked: Picked | undefined;
  #refused: Extract<AttachmentStage, { kind: "refused" }> | undefined;

  constructor(deps: AttachmentDependencies) {
    super({ stage: { kind: "none" }, uploads: [] });
    this.#deps = deps;
    this.onDispose(
      deps.outbox.subscribe(() => {
        this.#refresh();
      }),
    );
    this.onDispose(() => {
      this.#forgetPicked();
    });
    this.#refresh();
  }

  readonly pick = (file: PickedAttachment): void => {
    this.#forgetPicked();
    this.#refused = undefined;
    const check = checkAttachment(file, this.#deps.maxBytes);
    if (!check.ok) {
      this.#refused = {
        kind: "refused",
        name: file.name,
        problem: check.problem,
        maxMegabytes: Math.floor(check.maxBytes / MEGABYTE),
      };
    } else {
      this.#picked = {
        file,
        kind: check.kind,
        previewUrl: check.kind === "image" ? this.#deps.previewUrls.create(file) : undefined,
        caption: "",
        decision: undefined,
      };
    }
    this.#refresh();
  };

  readonly setCaption = (caption: string): void => {
    if (this.#picked === undefined) return;
    this.#picked.caption = caption;
    this.#refresh();
  };

  readonly send = (): void => {
    const picked = this.#picked;
    if (picked === undefined) return;
    const decision = this.#deps.decide(this.#deps.roomId, picked.kind);
    if (decision.effect === "think-first") {
      picked.decision = decision;
      this.#refresh();
      return;
    }
    this.#enqueue(picked, decision);
  };

  readonly sendAnyway = (): void => {
    const picked = this.#picked;
    if (picked?.decision === undefined) return;
    this.#enqueue(picked, picked.decision);
  };

  readonly discard = (): void => {
    this.#forgetPicked();
    this.#refused = undefined;
    this.#refresh();
  };

  readonly cancelUpload = (id: string): void => {
    this.#deps.outbox.cancel(id);
  };

  readonly retryUpload = (id: string): Promise<void> => this.#deps.outbox.retry(id);

  readonly unsend = (id: string): Promise<void> => this.#deps.outbox.unsend(id);

  readonly dismiss = (id: string): void => {
    this.#deps.outbox.dismiss(id);
  };

  #enqueue(picked: Picked, decision: OutgoingMediaDecisionView): void {
    const caveat = decision.unsend ? (decision.unsendCaveat ?? undefined) : undefined;
    // The outbox runs on by itself; how it goes shows in its rows.
    void this.#deps.outbox.enqueue({
      roomId: this.#deps.roomId,
      file: picked.file,
      kind: picked.kind,
      caption: picked.caption,
      unsendCaveat: caveat,
    }).done;
    this.#forgetPicked();
    this.#refresh();
  }

  #forgetPicked(): void {
    const url = this.#picked?.previewUrl;
    if (url !== undefined) this.#deps.previewUrls.revoke(url);
    this.#picked = undefined;
  }

  #refresh(): void {
    this.update({
      stage: this.#stage(),
      uploads: this.#deps.outbox
        .getSnapshot()
        .items.filter((item) => item.roomId === this.#deps.roomId)
        .map(uploadRow),
    });
  }

  #stage(): AttachmentStage {
    if (this.#refused !== undefined) return this.#refused;
    const picked = this.#picked;
    if (picked === undefined) return { kind: "none" };
    const decision = picked.decision;
    if (decision !== undefined) {
      return {
        kind: "think-first",
        name: picked.file.name,
        attachmentKind: picked.kind,
        previewUrl: picked.previewUrl,
        notices: decision.notices,
        help: decision.help,
        why: whyViewOf([decision], this.#deps.readerBand()),
      };
    }
    return {
      kind: "preview",
      name: picked.file.name,
      attachmentKind: picked.kind,
      size: picked.file.size,
      previewUrl: picked.previewUrl,
      caption: picked.caption,
    };
  }
}

function uploadRow(item: OutboxItem): UploadRow {
  return {
    id: item.id,
    attachmentKind: item.kind,
    name: item.name,
    state: item.state,
    percent: item.total > 0 ? Math.floor((item.loaded / item.total) * 100) : 0,
    failedStep: item.failedStep,
    canCancel:
      item.state === "preparing" ||
      item.state === "uploading" ||
      (item.state === "failed" && item.failedStep !== "unsend"),
    unsendCaveat: item.state === "sent" ? item.unsendCaveat : undefined,
  };
}
