import type { ArticleStatus } from "./article.ts";
import { AppError } from "./errors.ts";

/**
 * The editorial workflow as an explicit state machine:
 * draft → in_review → (back to draft with a note) → approved → scheduled | published → unpublished.
 * Editors may also publish or schedule straight from draft or review; a withdrawn story can be
 * reopened as a draft. Publishing an article that is already published applies its staged
 * revision (services/articles.service.ts). Who may take each transition is decided by policies
 * (core/policy.ts), not here.
 */
export type WorkflowAction =
  "submit" | "requestChanges" | "approve" | "schedule" | "publish" | "unpublish" | "reopen";

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = [
  "submit",
  "requestChanges",
  "approve",
  "schedule",
  "publish",
  "unpublish",
  "reopen",
];

/** Actions that must say why (the note goes back to the writer). */
export const NOTE_REQUIRED: readonly WorkflowAction[] = ["requestChanges"];

export const TRANSITIONS: Readonly<
  Record<WorkflowAction, { from: readonly ArticleStatus[]; to: ArticleStatus }>
> = {
  submit: { from: ["draft"], to: "in_review" },
  requestChanges: { from: ["in_review", "approved"], to: "draft" },
  approve: { from: ["in_review"], to: "approved" },
  schedule: { from: ["draft", "in_review", "approved", "scheduled", "unpublished"], to: "scheduled" },
  publish: { from: ["draft", "in_review", "approved", "scheduled", "unpublished"], to: "published" },
  unpublish: { from: ["published", "scheduled"], to: "unpublished" },
  /** A withdrawn story goes back to draft to be reworked. */
  reopen: { from: ["unpublished"], to: "draft" },
};

const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: "draf",
  in_review: "dalam penyuntingan",
  approved: "disetujui",
  scheduled: "terjadwal",
  published: "terbit",
  unpublished: "ditarik",
};

export function statusLabel(status: ArticleStatus): string {
  return STATUS_LABELS[status];
}

export function canTransition(action: WorkflowAction, from: ArticleStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status after `action`, or an `invalid_transition` error explaining why not. */
export function transition(action: WorkflowAction, from: ArticleStatus): ArticleStatus {
  if (!canTransition(action, from))
    throw new AppError(
      "invalid_transition",
      `Artikel berstatus ${STATUS_LABELS[from]} tidak bisa di-${action}.`,
      {
        extra: { action, from },
      },
    );
  return TRANSITIONS[action].to;
}
