import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, type ReactElement, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { type Price, STAKEHOLDERS, UNITS } from "./impact.types.ts";

type Field = "item" | "unit" | "price" | "stakeholder" | "source" | "year";
interface Problem {
  message: string;
  field: Field | null;
}

/** "80,00", "1.300,50", "80.5" → euros; null when it is no amount. */
export function parseEuros(text: string): number | null {
  const s = text.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replaceAll(".", "").replace(",", "."));
  if (/^\d+([.,]\d+)?$/.test(s)) return Number(s.replace(",", "."));
  return null;
}

const fields: readonly Field[] = ["item", "unit", "price", "stakeholder", "source", "year"];
const asField = (value: unknown): Field | null =>
  typeof value === "string" && (fields as readonly string[]).includes(value) ? (value as Field) : null;

/**
 * Adds or changes one price. A missing unit or year goes to the server as missing: the rule lives there,
 * and its precise message is what the user reads, at the top of the form and at the field it concerns.
 * Only what the server cannot be sent (an amount or year that is no number) is checked here.
 */
export function PriceForm({
  price,
  onSaved,
  onCancel,
}: {
  price: Price | null;
  onSaved(message: string): Promise<void>;
  onCancel(): void;
}) {
  const [form, setForm] = useState({
    item: price?.item ?? "",
    unit: price?.unit ?? "",
    price: price ? price.price.toFixed(2).replace(".", ",") : "",
    stakeholder: price?.stakeholder ?? "municipality",
    source: price?.source ?? "",
    year: price ? String(price.year) : "",
    active: price?.active ?? true,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: keyof typeof form) => (value: string | boolean) => setForm({ ...form, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = parseEuros(form.price);
    const year = form.year.trim();
    const local: Problem | null = form.price.trim().startsWith("-")
      ? { message: t("prices.negativePrice"), field: "price" }
      : amount === null
        ? { message: t("prices.invalidPrice"), field: "price" }
        : year !== "" && !/^\d{4}$/.test(year)
          ? { message: t("prices.invalidYear"), field: "year" }
          : null;
    setProblem(local);
    if (local || amount === null || busy) return;
    setBusy(true);
    const body = {
      item: form.item,
      unit: form.unit || undefined,
      price: amount,
      stakeholder: form.stakeholder,
      source: form.source,
      year: year === "" ? undefined : Number(year),
      active: form.active,
    };
    try {
      if (price) await api.put(`/api/social-prices/${price.id}`, body);
      else await api.post("/api/social-prices", body);
      await onSaved(t(price ? "prices.saved" : "prices.added", { item: form.item.trim() }));
    } catch (caught) {
      const details =
        caught instanceof ApiError ? (caught.details as { field?: unknown } | undefined) : undefined;
      setProblem({
        message: caught instanceof ApiError ? caught.message : t("error.generic"),
        field: asField(details?.field),
      });
    } finally {
      setBusy(false);
    }
  }

  const frame = (field: Field, label: MessageKey, hint: MessageKey | null, input: ReactElement) => (
    <FormField
      invalid={problem?.field === field}
      label={<FormLabel htmlFor={`price-${field}`}>{t(label)}</FormLabel>}
      description={hint && <FormFieldDescription id={`price-${field}-hint`}>{t(hint)}</FormFieldDescription>}
      errorMessage={
        problem?.field === field && (
          <FormFieldErrorMessage id={`price-${field}-error`}>{problem.message}</FormFieldErrorMessage>
        )
      }
      input={input}
    />
  );
  const described = (field: Field, hint: boolean) => ({
    id: `price-${field}`,
    name: field,
    invalid: problem?.field === field,
    "aria-invalid": problem?.field === field ? true : undefined,
    "aria-describedby":
      [hint ? `price-${field}-hint` : "", problem?.field === field ? `price-${field}-error` : ""]
        .filter(Boolean)
        .join(" ") || undefined,
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="price-form-title">
      <Heading2 id="price-form-title" ref={heading} tabIndex={-1}>
        {price ? t("prices.editTitle", { item: price.item }) : t("prices.addTitle")}
      </Heading2>
      <ErrorMessage message={problem?.message ?? null} />
      {frame(
        "item",
        "prices.item",
        "prices.itemHint",
        <Textbox
          {...described("item", true)}
          value={form.item}
          onChange={(e) => set("item")(e.target.value)}
        />,
      )}
      {frame(
        "unit",
        "prices.unit",
        null,
        <Select {...described("unit", false)} value={form.unit} onChange={(e) => set("unit")(e.target.value)}>
          <SelectOption value="">{t("prices.chooseUnit")}</SelectOption>
          {UNITS.map((u) => (
            <SelectOption key={u} value={u}>
              {t(`impact.unit.${u}` as MessageKey)}
            </SelectOption>
          ))}
        </Select>,
      )}
      {frame(
        "price",
        "prices.price",
        "prices.priceHint",
        <Textbox
          {...described("price", true)}
          inputMode="decimal"
          value={form.price}
          onChange={(e) => set("price")(e.target.value)}
        />,
      )}
      {frame(
        "stakeholder",
        "prices.stakeholder",
        null,
        <Select
          {...described("stakeholder", false)}
          value={form.stakeholder}
          onChange={(e) => set("stakeholder")(e.target.value)}
        >
          {STAKEHOLDERS.map((s) => (
            <SelectOption key={s} value={s}>
              {t(`impact.sh.${s}` as MessageKey)}
            </SelectOption>
          ))}
        </Select>,
      )}
      {frame(
        "source",
        "prices.source",
        "prices.sourceHint",
        <Textarea
          {...described("source", true)}
          rows={3}
          value={form.source}
          onChange={(e) => set("source")(e.target.value)}
        />,
      )}
      {frame(
        "year",
        "prices.year",
        "prices.yearHint",
        <Textbox
          {...described("year", true)}
          inputMode="numeric"
          value={form.year}
          onChange={(e) => set("year")(e.target.value)}
        />,
      )}
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor="price-active" type="checkbox">
            {t("prices.active")}
          </FormLabel>
        }
        input={
          <Checkbox
            id="price-active"
            checked={form.active}
            onChange={(e) => set("active")(e.target.checked)}
          />
        }
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {price ? t("prices.save") : t("prices.add")}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t("prices.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
