import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Textarea,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { formatDate } from "./signalLabels.ts";

export interface MeldcodeStep {
  step: number;
  title: string;
  done: boolean;
  skipped: boolean;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

/** The five steps of the meldcode on a signal of huiselijk geweld or zorgen om een kind, and recording one. */
export function MeldcodeSection({
  steps,
  path,
  maySkip,
  onDone,
}: {
  steps: MeldcodeStep[];
  path: string;
  /** A team lead may record that a step is skipped, and why. */
  maySkip: boolean;
  onDone(): Promise<void>;
}) {
  const open = steps.filter((s) => !s.done);
  const [step, setStep] = useState("");
  const [note, setNote] = useState("");
  const [skip, setSkip] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const chosen = step || String(open[0]?.step ?? "");
  const form = useSubmit(async () => {
    setSaved(null);
    await api.post(`${path}/meldcode-steps`, { step: Number(chosen), note, skipped: skip });
    setSaved(t("meldcode.saved", { step: chosen }));
    setStep("");
    setNote("");
    setSkip(false);
    await onDone();
  });
  return (
    <section aria-labelledby="meldcode">
      <Heading2 id="meldcode">{t("signal.meldcode")}</Heading2>
      <Paragraph>{t("signal.meldcodeIntro")}</Paragraph>
      <OrderedList>
        {steps.map((s) => (
          <OrderedListItem key={s.step}>
            <strong>{s.title}</strong> —{" "}
            {s.skipped ? t("signal.stepSkipped") : s.done ? t("signal.stepDone") : t("signal.stepOpen")}
            {s.done && (
              <div>
                {s.note}{" "}
                {s.recordedAt &&
                  t("meldcode.recordedBy", { name: s.recordedBy ?? "–", date: formatDate(s.recordedAt) })}
              </div>
            )}
          </OrderedListItem>
        ))}
      </OrderedList>
      <SuccessMessage message={saved} />
      {open.length > 0 && (
        <form onSubmit={form.onSubmit} aria-labelledby="meldcode-record" className="ww-form">
          <Heading2 id="meldcode-record">{t("meldcode.record")}</Heading2>
          <ErrorMessage message={form.error} />
          <SelectField
            id="meldcode-step"
            label={t("meldcode.step")}
            value={chosen}
            onChange={setStep}
            required
            options={open.map((s) => ({ value: String(s.step), label: `${s.step}. ${s.title}` }))}
          />
          <FormField
            label={
              <FormLabel htmlFor="meldcode-note">
                {t("meldcode.note")} <span className="ww-required">{t("form.required")}</span>
              </FormLabel>
            }
            description={
              <FormFieldDescription id="meldcode-note-hint">{t("meldcode.noteHint")}</FormFieldDescription>
            }
            input={
              <Textarea
                id="meldcode-note"
                value={note}
                required
                maxLength={2000}
                aria-describedby="meldcode-note-hint"
                onChange={(e) => setNote(e.target.value)}
              />
            }
          />
          {maySkip && (
            <FormField
              type="checkbox"
              label={<FormLabel htmlFor="meldcode-skip">{t("meldcode.skip")}</FormLabel>}
              input={
                <Checkbox id="meldcode-skip" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
              }
            />
          )}
          <Button type="submit" appearance="secondary-action-button" busy={form.busy}>
            {t("meldcode.record")}
          </Button>
        </form>
      )}
    </section>
  );
}
