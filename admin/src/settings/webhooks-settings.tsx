import { useState } from "react";
import { WEBHOOK_EVENTS } from "../../../src/core/webhook.ts";
import { api } from "../lib/api.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { ConfirmButton, Field, Outcome, SecretOnce, SettingsForm, useAction, useLoaded } from "./kit.tsx";
import { DeliveriesDialog } from "./webhook-deliveries.tsx";

interface Webhook {
  id: number;
  url: string;
  events: string[];
  description: string;
  active: boolean;
}

/** A new webhook: receiver URL, description, events (none = all); the signing secret is shown once. */
function WebhookForm(props: { onCreated: (url: string, secret: string) => void }) {
  const { t } = usePrefs();
  const action = useAction();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const toggle = (event: string, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));
  const submit = () =>
    action.run(async () => {
      const body = { url, description, ...(events.length > 0 ? { events } : {}) };
      const created = await api.post<Webhook & { secret: string }>("/webhooks", body);
      setUrl("");
      setDescription("");
      setEvents([]);
      props.onCreated(created.url, created.secret);
    });
  return (
    <SettingsForm title={t("newWebhook")} submitLabel={t("create")} action={action} onSubmit={submit}>
      <Field
        label={t("webhookUrl")}
        type="url"
        value={url}
        onChange={setUrl}
        error={action.fields.url}
        required
      />
      <Field
        label={t("description")}
        value={description}
        onChange={setDescription}
        error={action.fields.description}
      />
      <fieldset className="choices">
        <legend>{t("events")}</legend>
        <p className="muted">{t("eventsHint")}</p>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event}>
            <input
              type="checkbox"
              checked={events.includes(event)}
              onChange={(e) => toggle(event, e.target.checked)}
            />{" "}
            <code>{event}</code>
          </label>
        ))}
        {action.fields.events && <span className="field-error">{action.fields.events}</span>}
      </fieldset>
    </SettingsForm>
  );
}

/** Webhooks (admin): create with a secret shown once, list, delivery log, disable/enable, delete. */
export function WebhooksSettings() {
  const { t } = usePrefs();
  const list = useLoaded(() => api.get<{ items: Webhook[] }>("/webhooks").then((r) => r.items), "");
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [log, setLog] = useState<Webhook | null>(null);
  const action = useAction();
  const setActive = (w: Webhook, active: boolean) =>
    action.run(async () => {
      await api.patch(`/webhooks/${w.id}`, { active });
      list.reload();
    }, t("savedOk"));
  const rotate = (w: Webhook) =>
    action.run(async () => {
      const rotated = await api.post<Webhook & { secret: string }>(`/webhooks/${w.id}/rotate-secret`);
      setSecret({ url: rotated.url, secret: rotated.secret });
    });
  const remove = (w: Webhook) =>
    action.run(async () => {
      await api.delete(`/webhooks/${w.id}`);
      list.reload();
    }, t("savedOk"));

  return (
    <>
      <h1>{t("set_webhooks")}</h1>
      <WebhookForm
        onCreated={(url, value) => {
          setSecret({ url, secret: value });
          list.reload();
        }}
      />
      <h2 id="webhooks-list">{t("webhooksList")}</h2>
      <Outcome action={action} />
      {list.error && <p className="error">{list.error}</p>}
      <table className="settings-table" aria-labelledby="webhooks-list">
        <thead>
          <tr>
            <th scope="col">{t("webhookUrl")}</th>
            <th scope="col">{t("events")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("actionsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((w) => (
            <tr key={w.id}>
              <td>
                <code>{w.url}</code>
                {w.description && <div className="muted">{w.description}</div>}
              </td>
              <td>{w.events.join(", ")}</td>
              <td>{w.active ? t("active") : t("inactive")}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t("deliveriesNamed", { name: w.url })}
                  onClick={() => setLog(w)}
                >
                  {t("deliveries")}
                </button>
                {w.active ? (
                  <ConfirmButton
                    label={t("disable")}
                    accessibleName={t("disableNamed", { name: w.url })}
                    title={t("disableNamed", { name: w.url })}
                    text={t("webhookDisableText")}
                    confirmLabel={t("disable")}
                    onConfirm={() => setActive(w, false)}
                  />
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t("enableNamed", { name: w.url })}
                    onClick={() => setActive(w, true)}
                  >
                    {t("enable")}
                  </button>
                )}
                <ConfirmButton
                  label={t("rotateSecret")}
                  accessibleName={t("rotateSecretNamed", { name: w.url })}
                  title={t("rotateSecretNamed", { name: w.url })}
                  text={t("rotateSecretText")}
                  confirmLabel={t("rotateSecret")}
                  onConfirm={() => rotate(w)}
                />
                <ConfirmButton
                  label={t("deleteAction")}
                  accessibleName={t("deleteNamed", { name: w.url })}
                  title={t("deleteConfirmTitle", { name: w.url })}
                  text={t("webhookDeleteText")}
                  confirmLabel={t("deleteAction")}
                  onConfirm={() => remove(w)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.length === 0 && <p>{t("empty")}</p>}
      {log && <DeliveriesDialog webhook={log} onClose={() => setLog(null)} />}
      {secret && (
        <SecretOnce
          title={t("webhookSecretTitle", { name: secret.url })}
          text={t("webhookShownOnce")}
          value={secret.secret}
          onClose={() => setSecret(null)}
        />
      )}
    </>
  );
}
