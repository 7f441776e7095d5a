import type { Generated, Selectable } from "kysely";
import type { ArticleStatus } from "../core/article.ts";
import type { CorrectionKind } from "../core/correction.ts";
import type { RevisionKind } from "../core/revision.ts";
import type { DeliveryStatus } from "../core/webhook.ts";
import type { WorkflowAction } from "../core/workflow.ts";

/** Tables of migration 003-newsroom (rows as stored; see schema.ts for the conventions). */
export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  /** 1, 2, 3… per article. */
  number: number;
  kind: RevisionKind;
  restored_from: number | null;
  /** JSON of the editable fields (RevisionSnapshot). */
  snapshot: string;
  /** JSON array of the names of fields that changed from the previous revision. */
  changed: string;
  actor_user_id: number | null;
  actor_label: string;
  created_at: string;
}

export interface ArticleStagedTable {
  article_id: number;
  revision_id: number;
  /** 1 when applying it stamps "Diperbarui". */
  substantive: number;
  staged_at: string;
}

export interface ArticleWorkflowLogTable {
  id: Generated<number>;
  article_id: number;
  action: WorkflowAction;
  from_status: ArticleStatus;
  to_status: ArticleStatus;
  note: string | null;
  actor_user_id: number | null;
  actor_label: string;
  created_at: string;
}

export interface ArticleCorrectionTable {
  id: Generated<number>;
  article_id: number;
  kind: CorrectionKind;
  note: string;
  actor_user_id: number | null;
  created_at: string;
}

export interface ScheduledPublicationTable {
  id: Generated<number>;
  article_id: number;
  scheduled_for: string;
  published_at: string;
  lateness_ms: number;
  runner: string;
}

export interface WebhookTable {
  id: Generated<number>;
  url: string;
  secret: string;
  /** JSON array of event types. */
  events: string;
  description: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: number;
  event_id: string;
  event_type: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  locked_until: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** Who has an article open in the editor (migration 018; services/presence.service.ts). */
export interface EditPresenceTable {
  article_id: number;
  user_id: number;
  /** "editing" or "viewing". */
  state: string;
  since: string;
  seen_at: string;
}

export interface NewsroomTables {
  article_revisions: ArticleRevisionTable;
  article_staged: ArticleStagedTable;
  article_workflow_log: ArticleWorkflowLogTable;
  article_corrections: ArticleCorrectionTable;
  scheduled_publications: ScheduledPublicationTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  edit_presence: EditPresenceTable;
}

export type ArticleRevisionRow = Selectable<ArticleRevisionTable>;
export type WebhookRow = Selectable<WebhookTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
