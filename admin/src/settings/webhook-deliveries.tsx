import { useState } from "react";
import { api, qs } from "../lib/api.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { formatInZone } from "../lib/time.ts";
import type { Page } from "../lib/types.ts";
import { describeError, useLoaded } from "./kit.tsx";

interface Delivery {
  id: number;
  eventType: string;
  status: "pending" | "sending" | "succeeded" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
}

/** A webhook's delivery log, newest first, 25 at a time (`Muat lagi` adds the next 25). */
export function DeliveriesDialog(props: { webhook: { id: number; url: string }; onClose: () => void }) {
  const { t, zone, locale } = usePrefs();
  const path = `/webhooks/${props.webhook.id}/deliveries`;
  const first = useLoaded(() => api.get<Page<Delivery>>(`${path}${qs({ limit: 25 })}`), path);
  const [more, setMore] = useState<Delivery[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const nextCursor = next === undefined ? first.data?.nextCursor : next;
  const loadMore = async () => {
    try {
      const page = await api.get<Page<Delivery>>(`${path}${qs({ limit: 25, cursor: nextCursor })}`);
      setMore((rows) => [...rows, ...page.items]);
      setNext(page.nextCursor);
    } catch (failure) {
      setError(describeError(failure, t).message);
    }
  };
  const rows = [...(first.data?.items ?? []), ...more];
  return (
    <Modal title={t("deliveriesNamed", { name: props.webhook.url })} onClose={props.onClose} wide>
      {(first.error ?? error) && <p className="error">{first.error ?? error}</p>}
      {first.data && rows.length === 0 ? (
        <p>{t("deliveriesEmpty")}</p>
      ) : (
        <table className="settings-table">
          <thead>
            <tr>
              <th scope="col">{t("createdAt")}</th>
              <th scope="col">{t("event")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("attempts")}</th>
              <th scope="col">{t("httpStatus")}</th>
              <th scope="col">{t("lastError")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{formatInZone(d.createdAt, zone, locale)}</td>
                <td>
                  <code>{d.eventType}</code>
                </td>
                <td>{t(`delivery_${d.status}`)}</td>
                <td>{d.attempts}</td>
                <td>{d.lastStatusCode ?? "–"}</td>
                <td>{d.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        {nextCursor && (
          <button type="button" className="secondary" onClick={loadMore}>
            {t("loadMore")}
          </button>
        )}
        <button type="button" className="secondary" onClick={props.onClose}>
          {t("close")}
        </button>
      </div>
    </Modal>
  );
}
