import { Heading1 } from "@utrecht/component-library-react";
import { useEffect } from "react";
import { t } from "../i18n/i18n.ts";

/** The page's one h1, also used as the browser tab title. */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = t("app.pageTitle", { page: children });
  }, [children]);
  return <Heading1>{children}</Heading1>;
}
