import "../lib/features.css";
import { TopicEditor } from "./topic-editor.tsx";
import { TopicsList } from "./topics-list.tsx";

/** Topik Pilihan's routes (a lazy chunk): /admin/topik, /admin/topik/baru, /admin/topik/:id. */
export default function TopicScreens(props: { path: string }) {
  if (props.path === "/admin/topik/baru") return <TopicEditor key="new" topicId={null} />;
  const match = /^\/admin\/topik\/(\d+)$/.exec(props.path);
  if (match) return <TopicEditor key={match[1]} topicId={Number(match[1])} />;
  return <TopicsList />;
}
