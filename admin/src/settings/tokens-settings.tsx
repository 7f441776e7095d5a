import { useState } from "react";
import { scopesForRole } from "../../../src/core/policy.ts";
import { api } from "../lib/api.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";
import { formatInZone } from "../lib/time.ts";
import { allowed } from "./access.ts";
import { ConfirmButton, Field, Outcome, SecretOnce, SettingsForm, useAction, useLoaded } from "./kit.tsx";
import { loadAccounts } from "./users-settings.tsx";

interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  userId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A new token for oneself: name and scopes (those the role can use); the value is shown once. */
function TokenForm(props: { onCreated: (name: string, token: string) => void }) {
  const { t } = usePrefs();
  const me = useSession().user!;
  const action = useAction();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["content:read"]);
  const toggle = (scope: string, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const submit = () =>
    action.run(async () => {
      const created = await api.post<{ token: string; record: ApiToken }>("/tokens", { name, scopes });
      setName("");
      props.onCreated(created.record.name, created.token);
    });
  return (
    <SettingsForm title={t("newToken")} submitLabel={t("create")} action={action} onSubmit={submit}>
      <Field label={t("tokenName")} value={name} onChange={setName} error={action.fields.name} required />
      <fieldset
        className="choices"
        aria-describedby={action.fields.scopes ? "token-scopes-error" : undefined}
      >
        <legend>{t("scopes")}</legend>
        {scopesForRole(me.role).map((scope) => (
          <label key={scope}>
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />{" "}
            <code>{scope}</code>
          </label>
        ))}
        {action.fields.scopes && (
          <span id="token-scopes-error" className="field-error">
            {action.fields.scopes}
          </span>
        )}
      </fieldset>
    </SettingsForm>
  );
}

/** API tokens: one's own (admins: everyone's), created with a secret shown once, revoked. */
export function TokensSettings() {
  const { t, zone, locale } = usePrefs();
  const me = useSession().user!;
  const mayAll = allowed(me, "token.manageAny");
  const [all, setAll] = useState(false);
  const list = useLoaded(
    () => api.get<{ items: ApiToken[] }>(all ? "/tokens?all=true" : "/tokens").then((r) => r.items),
    String(all),
  );
  const owners = useLoaded(
    async () =>
      mayAll ? new Map((await loadAccounts()).map((u) => [u.id, u.name])) : new Map<number, string>(),
    String(mayAll),
  );
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const action = useAction();
  const revoke = (token: ApiToken) =>
    action.run(async () => {
      await api.delete(`/tokens/${token.id}`);
      list.reload();
    }, t("savedOk"));
  const time = (iso: string | null) => (iso ? formatInZone(iso, zone, locale) : t("never"));

  return (
    <>
      <h1>{t("set_tokens")}</h1>
      <TokenForm
        onCreated={(name, token) => {
          setSecret({ name, token });
          list.reload();
        }}
      />
      <h2 id="tokens-list">{t("tokensList")}</h2>
      {mayAll && (
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t("allTokens")}
        </label>
      )}
      <Outcome action={action} />
      {list.error && <p className="error">{list.error}</p>}
      <table className="settings-table" aria-labelledby="tokens-list">
        <thead>
          <tr>
            <th scope="col">{t("tokenName")}</th>
            {all && <th scope="col">{t("owner")}</th>}
            <th scope="col">{t("prefix")}</th>
            <th scope="col">{t("scopes")}</th>
            <th scope="col">{t("createdAt")}</th>
            <th scope="col">{t("lastUsed")}</th>
            <th scope="col">{t("actionsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              {all && <td>{owners.data?.get(token.userId) ?? `#${token.userId}`}</td>}
              <td>
                <code>{token.prefix}</code>
              </td>
              <td>{token.scopes.join(", ")}</td>
              <td>{time(token.createdAt)}</td>
              <td>{time(token.lastUsedAt)}</td>
              <td>
                {token.revokedAt ? (
                  `${t("revoked")} ${time(token.revokedAt)}`
                ) : (
                  <ConfirmButton
                    label={t("revoke")}
                    accessibleName={t("revokeNamed", { name: token.name })}
                    title={t("revokeNamed", { name: token.name })}
                    text={t("revokeText", { name: token.name })}
                    confirmLabel={t("revoke")}
                    onConfirm={() => revoke(token)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.length === 0 && <p>{t("empty")}</p>}
      {secret && (
        <SecretOnce
          title={t("tokenSecretTitle", { name: secret.name })}
          text={t("tokenShownOnce")}
          value={secret.token}
          onClose={() => setSecret(null)}
        />
      )}
    </>
  );
}
