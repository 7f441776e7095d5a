import { useState } from "react";
import { api, qs } from "../lib/api.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";
import type { Page, Role, User } from "../lib/types.ts";
import { allowed } from "./access.ts";
import { ProfilePick } from "./profile-pick.tsx";
import {
  ConfirmButton,
  EditDialog,
  Field,
  Outcome,
  SecretOnce,
  SelectField,
  SettingsForm,
  useAction,
  useLoaded,
} from "./kit.tsx";

interface Account extends User {
  disabled: boolean;
  createdAt: string;
}

interface Created {
  user: Account;
  generatedPassword: string | null;
}

const ROLES: Role[] = ["penulis", "editor", "redaktur", "admin"];

/** Every account, page by page (newsrooms have dozens, not thousands). */
export async function loadAccounts(): Promise<Account[]> {
  const all: Account[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Account> = await api.get<Page<Account>>(`/users${qs({ limit: 100, cursor })}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Create (no `account`) or edit an account: name, role; a new one also email and password. */
function AccountForm(props: {
  account?: Account;
  roles: { value: string; label: string }[];
  onSaved: (created: Created | null) => void;
}) {
  const { t } = usePrefs();
  const action = useAction();
  const a = props.account;
  const [name, setName] = useState(a?.name ?? "");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>(a?.role ?? props.roles[0]?.value ?? "penulis");
  const [password, setPassword] = useState("");
  const [personId, setPersonId] = useState<number | null>(a?.personId ?? null);
  const submit = () =>
    action.run(async () => {
      if (a) {
        await api.patch(`/users/${a.id}`, { name, personId, ...(role !== a.role ? { role } : {}) });
        props.onSaved(null);
        return;
      }
      const created = await api.post<Created>("/users", {
        name,
        email,
        role,
        personId,
        password: password || undefined,
      });
      setName("");
      setEmail("");
      setPassword("");
      setPersonId(null);
      props.onSaved(created);
    }, t("savedOk"));
  const f = action.fields;
  return (
    <SettingsForm
      title={a ? t("editUser") : t("newUser")}
      submitLabel={a ? t("save") : t("create")}
      action={action}
      onSubmit={submit}
    >
      <Field label={t("name")} value={name} onChange={setName} error={f.name} required />
      {!a && (
        <Field label={t("email")} type="email" value={email} onChange={setEmail} error={f.email} required />
      )}
      <SelectField label={t("role")} value={role} onChange={setRole} options={props.roles} error={f.role} />
      <ProfilePick personId={personId} onChange={setPersonId} />
      {f.personId && <p className="field-error">{f.personId}</p>}
      {!a && (
        <Field
          label={t("passwordOptional")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={f.password}
        />
      )}
    </SettingsForm>
  );
}

/** Newsroom accounts: list and search, create, edit name and role, disable/enable, reset password. */
export function UsersSettings() {
  const { t } = usePrefs();
  const me = useSession().user!;
  const list = useLoaded(loadAccounts, "");
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<Account | null>(null);
  const saved = () => {
    setEditing(null);
    list.reload();
  };
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);
  const action = useAction();

  const roleLabel = (role: Role) => t(`role_${role}`);
  const grantable = ROLES.filter((r) =>
    allowed(me, "user.manage", { type: "user", role: r, newRole: r }),
  ).map((r) => ({ value: r, label: roleLabel(r) }));
  const showPassword = (created: Created | null) => {
    if (created?.generatedPassword)
      setSecret({ name: created.user.name, password: created.generatedPassword });
    list.reload();
  };
  const setDisabled = (u: Account, disabled: boolean) =>
    action.run(async () => {
      await api.patch(`/users/${u.id}`, { disabled });
      list.reload();
    }, t("savedOk"));
  const reset = (u: Account) =>
    action.run(async () => showPassword(await api.post<Created>(`/users/${u.id}/password-reset`, {})));

  const needle = q.trim().toLocaleLowerCase("id");
  const shown = (list.data ?? []).filter(
    (u) => !needle || `${u.name} ${u.email}`.toLocaleLowerCase("id").includes(needle),
  );
  return (
    <>
      <h1>{t("set_users")}</h1>
      <AccountForm roles={grantable} onSaved={showPassword} />
      <h2 id="users-list">{t("usersList")}</h2>
      <Field label={t("userSearch")} type="search" value={q} onChange={setQ} />
      <Outcome action={action} />
      {list.error && <p className="error">{list.error}</p>}
      <table className="settings-table" aria-labelledby="users-list">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("accountStatus")}</th>
            <th scope="col">{t("actionsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{roleLabel(u.role)}</td>
              <td>{u.disabled ? t("inactive") : t("active")}</td>
              <td className="row-actions">
                {allowed(me, "user.manage", { type: "user", role: u.role }) && (
                  <>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t("editNamed", { name: u.name })}
                      onClick={() => setEditing(u)}
                    >
                      {t("edit")}
                    </button>
                    {u.disabled ? (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t("enableNamed", { name: u.name })}
                        onClick={() => setDisabled(u, false)}
                      >
                        {t("enable")}
                      </button>
                    ) : (
                      <ConfirmButton
                        label={t("disable")}
                        accessibleName={t("disableNamed", { name: u.name })}
                        title={t("disableNamed", { name: u.name })}
                        text={t("disableText", { name: u.name })}
                        confirmLabel={t("disable")}
                        onConfirm={() => setDisabled(u, true)}
                      />
                    )}
                  </>
                )}
                {allowed(me, "user.resetPassword", { type: "user", role: u.role }) && (
                  <ConfirmButton
                    label={t("resetPassword")}
                    accessibleName={t("resetPasswordNamed", { name: u.name })}
                    title={t("resetPasswordNamed", { name: u.name })}
                    text={t("resetPasswordText", { name: u.name })}
                    confirmLabel={t("resetPassword")}
                    onConfirm={() => reset(u)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <EditDialog title={t("editUser")} onClose={() => setEditing(null)}>
          <AccountForm
            account={editing}
            roles={
              grantable.some((r) => r.value === editing.role)
                ? grantable
                : [{ value: editing.role, label: roleLabel(editing.role) }, ...grantable]
            }
            onSaved={saved}
          />
        </EditDialog>
      )}
      {secret && (
        <SecretOnce
          title={t("passwordTitle", { name: secret.name })}
          text={t("passwordShownOnce")}
          value={secret.password}
          onClose={() => setSecret(null)}
        />
      )}
    </>
  );
}
