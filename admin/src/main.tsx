import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { SessionProvider } from "./lib/session.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <SessionProvider>
      <App />
    </SessionProvider>,
  );
