import { useState } from "react";
import type { Section } from "../../../src/core/section.ts";
import { api } from "../lib/api.ts";
import { forgetSections } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import {
  ConfirmButton,
  EditDialog,
  Field,
  Outcome,
  SelectField,
  SettingsForm,
  useAction,
  useLoaded,
} from "./kit.tsx";

/** A section as `GET /sections` nests it: the domain's fields, its slug path and its children. */
interface SectionNode extends Section {
  path: string;
  children: SectionNode[];
}

interface ParentOption {
  value: string;
  label: string;
}

function parentOptions(nodes: SectionNode[], prefix: string, except: number | null): ParentOption[] {
  return nodes.flatMap((n) => {
    if (n.id === except) return []; // a section cannot move under itself or its subsections
    const label = prefix ? `${prefix} / ${n.name}` : n.name;
    return [{ value: String(n.id), label }, ...parentOptions(n.children, label, except)];
  });
}

/** Create (no `section`) or edit one section: name, slug, parent, description. */
function SectionForm(props: { section?: SectionNode; tree: SectionNode[]; onSaved: () => void }) {
  const { t } = usePrefs();
  const action = useAction();
  const s = props.section;
  const [name, setName] = useState(s?.name ?? "");
  const [slug, setSlug] = useState(s?.slug ?? "");
  const [parent, setParent] = useState(s?.parentId ? String(s.parentId) : "");
  const [description, setDescription] = useState(s?.description ?? "");
  const options = [{ value: "", label: t("noParent") }, ...parentOptions(props.tree, "", s?.id ?? null)];
  const submit = () =>
    action.run(async () => {
      const body = { name, slug: slug || undefined, parentId: parent ? Number(parent) : null, description };
      if (s) await api.patch(`/sections/${s.id}`, body);
      else await api.post("/sections", body);
      forgetSections();
      if (!s) {
        setName("");
        setSlug("");
        setDescription("");
      }
      props.onSaved();
    }, t("savedOk"));
  const f = action.fields;
  return (
    <SettingsForm
      title={s ? t("editSection") : t("newSection")}
      submitLabel={s ? t("save") : t("create")}
      action={action}
      onSubmit={submit}
    >
      <Field label={t("name")} value={name} onChange={setName} error={f.name} required />
      <Field label={t("slugOptional")} value={slug} onChange={setSlug} error={f.slug} />
      <SelectField
        label={t("parentSection")}
        value={parent}
        onChange={setParent}
        options={options}
        error={f.parentId}
      />
      <Field
        label={t("description")}
        value={description}
        onChange={setDescription}
        error={f.description}
        multiline
      />
    </SettingsForm>
  );
}

/** Sections as a tree: create, rename, move under another parent, reorder, delete when empty. */
export function SectionsSettings() {
  const { t } = usePrefs();
  const tree = useLoaded(() => api.get<{ items: SectionNode[] }>("/sections").then((r) => r.items), "");
  const [editing, setEditing] = useState<SectionNode | null>(null);
  const saved = () => {
    setEditing(null);
    tree.reload();
  };
  const action = useAction();

  const reorder = (siblings: SectionNode[], index: number, delta: -1 | 1) =>
    action.run(async () => {
      const order = [...siblings];
      const [moved] = order.splice(index, 1);
      order.splice(index + delta, 0, moved!);
      // Positions 10, 20, 30…: only the siblings whose position changes are sent.
      for (const [i, s] of order.entries())
        if (s.position !== (i + 1) * 10) await api.patch(`/sections/${s.id}`, { position: (i + 1) * 10 });
      forgetSections();
      tree.reload();
    });

  const remove = (node: SectionNode) =>
    action.run(async () => {
      await api.delete(`/sections/${node.id}`);
      forgetSections();
      tree.reload();
    }, t("savedOk"));

  const renderLevel = (nodes: SectionNode[]) => (
    <ul className="section-tree">
      {nodes.map((node, index) => (
        <li key={node.id}>
          <div className="section-node">
            <span className="section-name">{node.name}</span>
            <code>/{node.path}</code>
            <span className="row-actions">
              <button
                type="button"
                className="secondary"
                aria-label={t("moveUp", { name: node.name })}
                disabled={index === 0 || action.busy}
                onClick={() => reorder(nodes, index, -1)}
              >
                {t("up")}
              </button>
              <button
                type="button"
                className="secondary"
                aria-label={t("moveDown", { name: node.name })}
                disabled={index === nodes.length - 1 || action.busy}
                onClick={() => reorder(nodes, index, 1)}
              >
                {t("down")}
              </button>
              <button
                type="button"
                className="secondary"
                aria-label={t("editNamed", { name: node.name })}
                onClick={() => setEditing(node)}
              >
                {t("edit")}
              </button>
              <ConfirmButton
                label={t("deleteAction")}
                accessibleName={t("deleteNamed", { name: node.name })}
                title={t("deleteConfirmTitle", { name: node.name })}
                text={t("deleteConfirmText", { name: node.name })}
                confirmLabel={t("deleteAction")}
                onConfirm={() => remove(node)}
              />
            </span>
          </div>
          {node.children.length > 0 && renderLevel(node.children)}
        </li>
      ))}
    </ul>
  );

  const nodes = tree.data ?? [];
  return (
    <>
      <h1>{t("set_sections")}</h1>
      <SectionForm tree={nodes} onSaved={tree.reload} />
      <h2>{t("sectionTree")}</h2>
      <Outcome action={action} />
      {tree.error && <p className="error">{tree.error}</p>}
      {tree.data === null ? (
        <p className="muted">{t("loading")}</p>
      ) : nodes.length === 0 ? (
        <p>{t("sectionsEmpty")}</p>
      ) : (
        renderLevel(nodes)
      )}
      {editing && (
        <EditDialog title={t("editSection")} onClose={() => setEditing(null)}>
          <SectionForm section={editing} tree={nodes} onSaved={saved} />
        </EditDialog>
      )}
    </>
  );
}
