import type { ArticleStatus } from "./article.ts";
import { AppError } from "./errors.ts";

/**
 * The editorial workflow as an explicit state machine:
 * draft → in_review → (back to draft with a note) → approved → scheduled | published → unpublished.
 * Editors may also publish or schedule straight from draft or review. Who may take each
 * transition is decided by policies, not here.
 */
export type WorkflowAction = "submit" | "requestChanges" | "approve" | "schedule" | "publish" | "unpublish";

export const TRANSITIONS: Readonly<
  Record<WorkflowAction, { from: readonly ArticleStatus[]; to: ArticleStatus }>
> = {
  submit: { from: ["draft"], to: "in_review" },
  requestChanges: { from: ["in_review", "approved"], to: "draft" },
  approve: { from: ["in_review"], to: "approved" },
  schedule: { from: ["draft", "in_review", "approved", "scheduled", "unpublished"], to: "scheduled" },
  publish: { from: ["draft", "in_review", "approved", "scheduled", "unpublished"], to: "published" },
  unpublish: { from: ["published", "scheduled"], to: "unpublished" },
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
