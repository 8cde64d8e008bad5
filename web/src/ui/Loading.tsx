import { Paragraph } from "@utrecht/component-library-react";
import { t } from "../i18n/i18n.ts";

export function Loading() {
  return (
    <Paragraph role="status" aria-live="polite">
      {t("app.loading")}
    </Paragraph>
  );
}
