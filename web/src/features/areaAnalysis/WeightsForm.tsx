import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { formatNumber } from "../../i18n/format.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { COMPONENTS } from "./areaAnalysis.types.ts";

const parse = (text: string) => Number(text.replace(",", "."));

/** The demand-index weights; shown to everyone who reads the analysis, editable with areaAnalysis.manage. */
export function WeightsForm(props: {
  weights: Record<string, number>;
  isDefault: boolean;
  canManage: boolean;
  onSaved(): Promise<void>;
}) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(COMPONENTS.map((c) => [c, String(props.weights[c] ?? 0).replace(".", ",")])),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const sum = COMPONENTS.reduce((s, c) => s + (parse(values[c] ?? "0") || 0), 0);
  const { busy, error, onSubmit } = useSubmit(async () => {
    setSaved(null);
    await api.post("/api/area-analysis/weights", {
      weights: Object.fromEntries(COMPONENTS.map((c) => [c, parse(values[c] ?? "0")])),
    });
    setSaved(t("area.weights.saved"));
    await props.onSaved();
  });
  return (
    <section aria-labelledby="weights-title">
      <Heading2 id="weights-title">{t("area.weights")}</Heading2>
      {props.isDefault && <Paragraph>{t("area.weights.default")}</Paragraph>}
      <form onSubmit={onSubmit} noValidate>
        {COMPONENTS.map((c) => (
          <TextField
            key={c}
            id={`weight-${c}`}
            label={t(`area.component.${c}` as MessageKey)}
            value={values[c] ?? ""}
            inputMode="decimal"
            readOnly={!props.canManage}
            onChange={(value) => setValues((old) => ({ ...old, [c]: value }))}
          />
        ))}
        <Paragraph>
          {t("area.weights.sum", { sum: formatNumber(sum, 4) })}. {t("area.weights.hint")}
        </Paragraph>
        <ErrorMessage message={error} />
        <SuccessMessage message={saved} />
        {props.canManage && (
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {busy ? t("form.saving") : t("form.save")}
          </Button>
        )}
      </form>
    </section>
  );
}
