import "../lib/features.css";
import { LiveConsole } from "./live-console.tsx";
import { LiveList } from "./live-list.tsx";

/** The live blog console's routes (a lazy chunk): /admin/live and /admin/live/:id. */
export default function LiveScreens(props: { path: string }) {
  const match = /^\/admin\/live\/(\d+)$/.exec(props.path);
  if (match) return <LiveConsole key={match[1]} articleId={Number(match[1])} />;
  return <LiveList />;
}
