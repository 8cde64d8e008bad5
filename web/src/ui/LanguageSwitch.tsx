import { Button } from "@utrecht/component-library-react";
import { getLanguage, setLanguage, t } from "../i18n/i18n.ts";

/** One button that switches between Dutch and English. */
export function LanguageSwitch() {
  const next = getLanguage() === "nl" ? "en" : "nl";
  return (
    <Button
      appearance="subtle-button"
      lang={next}
      aria-label={t("language.switchToLabel")}
      onClick={() => void setLanguage(next)}
    >
      {t("language.switchTo")}
    </Button>
  );
}
