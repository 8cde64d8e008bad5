import "@utrecht/component-library-css/dist/index.css";
import "@utrecht/design-tokens/dist/index.css";
import "./styles.css";
import "./ui/workspace.css";
import { Document } from "@utrecht/component-library-react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { SessionProvider } from "./app/session.tsx";
import { getLanguage, loadLanguage } from "./i18n/i18n.ts";

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element");
document.documentElement.lang = getLanguage();

await loadLanguage(getLanguage());
createRoot(container).render(
  <StrictMode>
    <Document className="utrecht-theme">
      <SessionProvider>
        <App />
      </SessionProvider>
    </Document>
  </StrictMode>,
);
