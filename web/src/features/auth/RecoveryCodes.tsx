import {
  Button,
  Checkbox,
  Code,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { t } from "../../i18n/i18n.ts";

/** The recovery codes, shown once; the user confirms they saved them before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="recovery-heading" data-testid="recovery-codes">
      <Heading2 id="recovery-heading">{t("recovery.title")}</Heading2>
      <Paragraph>{t("recovery.intro")}</Paragraph>
      <ol aria-label={t("recovery.listLabel")} className="ww-recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <Code>{code}</Code>
          </li>
        ))}
      </ol>
      <FormField
        type="checkbox"
        label={<FormLabel htmlFor="recovery-saved">{t("recovery.saved")}</FormLabel>}
        input={<Checkbox id="recovery-saved" checked={saved} onChange={(e) => setSaved(e.target.checked)} />}
      />
      <Button appearance="primary-action-button" disabled={!saved} onClick={onDone}>
        {t("recovery.continue")}
      </Button>
    </section>
  );
}
