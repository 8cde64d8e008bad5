import { Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { levelText, t } from "./labels.ts";
import { TextAreaField } from "./TextAreaField.tsx";
import { type Dossier, today } from "./types.ts";

export type Domains = { key: string; name: string }[];
/** The municipality's own per-level descriptions of the version in use (may be empty). */
export type LevelDescriptions = { domain: string; level: number; description: string }[];

export interface ZrmValue {
  residentId: string;
  assessedOn: string;
  scores: { domain: string; level: number; residentLevel: number | null; note: string | null }[];
}

const LEVELS = [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: levelText(l) }));

/** Help under a domain: the chosen level's description and, folded, what every level means. */
function LevelHelp({
  domain,
  chosen,
  descriptions,
}: {
  domain: { key: string; name: string };
  chosen: string | undefined;
  descriptions: LevelDescriptions;
}) {
  const own = descriptions.filter((x) => x.domain === domain.key).sort((a, b) => a.level - b.level);
  if (own.length === 0) return null;
  const current = own.find((x) => String(x.level) === chosen);
  return (
    <>
      {current && (
        <Paragraph className="ww-hint">
          {t("dossier.levelHelpChosen", { level: current.level, description: current.description })}
        </Paragraph>
      )}
      <details className="ww-level-help">
        <summary>{t("dossier.levelHelp", { domain: domain.name })}</summary>
        <dl>
          {own.map((x) => (
            <div key={x.level}>
              <dt>{levelText(x.level)}</dt>
              <dd>{x.description}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}

export function ZrmFields({
  prefix,
  dossier,
  domains,
  descriptions,
  value,
  onChange,
}: {
  prefix: string;
  dossier: Dossier;
  domains: Domains;
  descriptions: LevelDescriptions;
  value: Record<string, string>;
  onChange(v: Record<string, string>): void;
}) {
  const set = (key: string) => (v: string) => onChange({ ...value, [key]: v });
  return (
    <>
      <SelectField
        id={`${prefix}-resident`}
        label={t("dossier.resident")}
        value={value.residentId ?? ""}
        onChange={set("residentId")}
        options={dossier.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))}
        placeholder={t("dossier.choose")}
        required
      />
      <TextField
        id={`${prefix}-date`}
        type="date"
        label={t("dossier.assessedOn")}
        value={value.assessedOn ?? ""}
        onChange={set("assessedOn")}
        required
      />
      {domains.map((dom) => (
        <Fieldset key={dom.key}>
          <FieldsetLegend>{dom.name}</FieldsetLegend>
          <SelectField
            id={`${prefix}-${dom.key}`}
            label={`${t("dossier.level")} ${dom.name}`}
            value={value[dom.key] ?? ""}
            onChange={set(dom.key)}
            options={LEVELS}
            placeholder={t("dossier.notScored")}
          />
          <LevelHelp domain={dom} chosen={value[dom.key]} descriptions={descriptions} />
          <SelectField
            id={`${prefix}-${dom.key}-resident`}
            label={`${t("dossier.residentLevel")} ${dom.name}`}
            value={value[`${dom.key}:resident`] ?? ""}
            onChange={set(`${dom.key}:resident`)}
            options={LEVELS}
            placeholder={t("dossier.notScored")}
          />
          <TextAreaField
            id={`${prefix}-${dom.key}-note`}
            label={t("dossier.domainNote", { domain: dom.name })}
            value={value[`${dom.key}:note`] ?? ""}
            onChange={set(`${dom.key}:note`)}
          />
        </Fieldset>
      ))}
    </>
  );
}

export function toAssessment(domains: Domains, value: Record<string, string>): ZrmValue {
  return {
    residentId: value.residentId ?? "",
    assessedOn: value.assessedOn ?? "",
    scores: domains
      .filter((dom) => value[dom.key])
      .map((dom) => ({
        domain: dom.key,
        level: Number(value[dom.key]),
        residentLevel: value[`${dom.key}:resident`] ? Number(value[`${dom.key}:resident`]) : null,
        note: value[`${dom.key}:note`]?.trim() || null,
      })),
  };
}

export function ZrmForm({
  id,
  title,
  dossier,
  domains,
  descriptions,
  onSave,
}: {
  id: string;
  title: string;
  dossier: Dossier;
  domains: Domains;
  descriptions: LevelDescriptions;
  onSave(body: ZrmValue): Promise<void>;
}) {
  const [value, setValue] = useState<Record<string, string>>({
    residentId: dossier.members[0]?.id ?? "",
    assessedOn: today(),
  });
  return (
    <ActionForm id={id} title={title} onSubmit={() => onSave(toAssessment(domains, value))}>
      <ZrmFields
        prefix={id}
        dossier={dossier}
        domains={domains}
        descriptions={descriptions}
        value={value}
        onChange={setValue}
      />
    </ActionForm>
  );
}
