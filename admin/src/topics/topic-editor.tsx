import { useEffect, useId, useState } from "react";
import { api, ApiError } from "../lib/api.ts";
import { ConfirmButton } from "../lib/confirm-button.tsx";
import { formErrorsOf, NO_ERRORS, type FormErrors } from "../lib/field-errors.ts";
import { useLiveText } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { Link, navigate } from "../lib/router.tsx";
import { SearchPick } from "../lib/search-pick.tsx";
import { searchStories } from "../live/live-list.tsx";
import { TopicStories } from "./topic-stories.tsx";
import { useStories, type Topic } from "./topic-types.ts";

interface Fields {
  title: string;
  slug: string;
  intro: string;
  pinnedArticleId: number | null;
}

const EMPTY: Fields = { title: "", slug: "", intro: "", pinnedArticleId: null };

type Change = (patch: Partial<Fields>) => void;

/** `aria-invalid` and `aria-describedby` (the field's error line, then `help`) of a field. */
const fieldProps = (errors: FormErrors, id: string, name: keyof Fields, help?: string) => ({
  "aria-invalid": errors.fields[name] ? true : undefined,
  "aria-describedby":
    [errors.fields[name] ? `${id}-${name}-error` : "", help ?? ""].filter(Boolean).join(" ") || undefined,
});

/** The refusal shown under a field, `${id}-${name}-error`. */
function FieldError(props: { errors: FormErrors; id: string; name: keyof Fields }) {
  const { errors, id, name } = props;
  return (
    errors.fields[name] && (
      <p id={`${id}-${name}-error`} className="error">
        {errors.fields[name]}
      </p>
    )
  );
}

/** The topic being edited: loaded, changed field by field, created or saved (refusals per field). */
function useTopicForm(topicId: number | null) {
  const tl = useLiveText();
  const [topic, setTopic] = useState<Topic | null>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (next: Topic) => {
    setTopic(next);
    setFields({
      title: next.title,
      slug: next.slug,
      intro: next.intro,
      pinnedArticleId: next.pinnedArticleId,
    });
  };

  useEffect(() => {
    if (topicId === null) return;
    api.get<Topic>(`/topics/${topicId}`).then(show, (e: unknown) => setErrors(formErrorsOf(e)));
  }, [topicId]);

  const change: Change = (patch) => {
    setFields((f) => ({ ...f, ...patch }));
    setErrors(NO_ERRORS);
  };

  const save = async () => {
    if (!fields.title.trim()) {
      setErrors({ fields: { title: tl("topicTitleRequired") }, message: null });
      return;
    }
    setBusy(true);
    const body = {
      title: fields.title.trim(),
      slug: fields.slug.trim(),
      intro: fields.intro.trim(),
      pinnedArticleId: fields.pinnedArticleId,
    };
    try {
      if (topicId === null) {
        const created = await api.post<Topic>("/topics", body);
        navigate(`/admin/topik/${created.id}`, { replace: true });
      } else {
        show(await api.patch<Topic>(`/topics/${topicId}`, body));
        setNotice(tl("topicSaved"));
      }
    } catch (e) {
      setErrors(formErrorsOf(e));
    } finally {
      setBusy(false);
    }
  };

  return { topic, fields, errors, setErrors, notice, busy, show, change, save };
}

/**
 * `/admin/topik/baru` and `/admin/topik/:id`: title, slug, introduction and the pinned story
 * (picked by headline), then the timeline's stories (added by search, removed with confirmation).
 */
export function TopicEditor(props: { topicId: number | null }) {
  const { t } = usePrefs();
  const tl = useLiveText();
  const { topicId } = props;
  const { topic, fields, errors, setErrors, notice, busy, show, change, save } = useTopicForm(topicId);
  const id = useId();

  return (
    <section>
      <TopicHeading topic={topic} />
      <form
        className="topic-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TopicTextFields fields={fields} errors={errors} id={id} change={change} />
        <PinnedStoryField fields={fields} errors={errors} id={id} change={change} />
        {errors.message && (
          <p role="alert" className="error">
            {t("errorGeneric", { message: errors.message })}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {topicId === null ? tl("topicCreate") : tl("topicSave")}
          </button>
          {topic && (
            <DeleteTopicButton topic={topic} onFailed={(message) => setErrors({ fields: {}, message })} />
          )}
        </div>
        <p role="status" className="save-state">
          {notice}
        </p>
      </form>
      {topic && <TopicStories topic={topic} onChanged={show} />}
    </section>
  );
}

/** Back to the list, the topic's title and its public page. */
function TopicHeading(props: { topic: Topic | null }) {
  const tl = useLiveText();
  const { topic } = props;
  return (
    <>
      <p>
        <Link href="/admin/topik">← {tl("topicBack")}</Link>
      </p>
      <h1>{topic?.title ?? tl("topicNew")}</h1>
      {topic && (
        <p>
          <a href={topic.url} target="_blank" rel="noreferrer">
            {tl("topicViewSite")} (/topik/{topic.slug})
          </a>
        </p>
      )}
    </>
  );
}

/** Title, slug (with its help) and introduction. */
function TopicTextFields(props: { fields: Fields; errors: FormErrors; id: string; change: Change }) {
  const tl = useLiveText();
  const { fields, errors, id, change } = props;
  return (
    <>
      <label>
        {tl("topicTitle")}
        <input
          value={fields.title}
          maxLength={200}
          aria-required="true"
          {...fieldProps(errors, id, "title")}
          onChange={(e) => change({ title: e.target.value })}
        />
      </label>
      <FieldError errors={errors} id={id} name="title" />
      <label>
        {tl("topicSlug")}
        <input
          value={fields.slug}
          maxLength={80}
          {...fieldProps(errors, id, "slug", `${id}-slug-help`)}
          onChange={(e) => change({ slug: e.target.value })}
        />
      </label>
      <p id={`${id}-slug-help`} className="muted">
        {tl("topicSlugHelp")}
      </p>
      <FieldError errors={errors} id={id} name="slug" />
      <label>
        {tl("topicIntro")}
        <textarea
          rows={4}
          value={fields.intro}
          maxLength={2000}
          {...fieldProps(errors, id, "intro")}
          onChange={(e) => change({ intro: e.target.value })}
        />
      </label>
      <FieldError errors={errors} id={id} name="intro" />
    </>
  );
}

/** The pinned story: its headline, clearing it, and picking one by search. */
function PinnedStoryField(props: { fields: Fields; errors: FormErrors; id: string; change: Change }) {
  const tl = useLiveText();
  const { fields, errors, id, change } = props;
  const pinned = useStories(fields.pinnedArticleId ? [fields.pinnedArticleId] : []);
  const pinnedStory = fields.pinnedArticleId ? pinned.get(fields.pinnedArticleId) : null;
  return (
    <fieldset>
      <legend>{tl("topicPinned")}</legend>
      <p>
        {fields.pinnedArticleId
          ? (pinnedStory?.headline ?? `#${fields.pinnedArticleId}`)
          : tl("topicPinnedNone")}
      </p>
      {fields.pinnedArticleId && (
        <button type="button" className="secondary" onClick={() => change({ pinnedArticleId: null })}>
          {tl("topicPinnedClear")}
        </button>
      )}
      <SearchPick
        label={tl("topicPinnedPick")}
        search={searchStories}
        onPick={(story) => change({ pinnedArticleId: story.id })}
      />
      <FieldError errors={errors} id={id} name="pinnedArticleId" />
    </fieldset>
  );
}

/** Deleting the topic, confirmed; back to the list afterwards. */
function DeleteTopicButton(props: { topic: Topic; onFailed(message: string): void }) {
  const tl = useLiveText();
  const { topic } = props;
  return (
    <ConfirmButton
      label={tl("topicDelete")}
      title={tl("topicDeleteTitle")}
      text={tl("topicDeleteText", { slug: topic.slug })}
      cancel={tl("confirmCancel")}
      onConfirm={async () => {
        try {
          await api.delete(`/topics/${topic.id}`);
          navigate("/admin/topik");
        } catch (e) {
          props.onFailed(e instanceof ApiError ? e.message : String(e));
        }
      }}
    />
  );
}
