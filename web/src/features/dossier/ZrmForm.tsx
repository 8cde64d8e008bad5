import { Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { SelectField, TextAreaField, TextField } from "../../ui/fields.tsx";
import { useFieldError } from "../../ui/form.tsx";
import { label, levelText, t } from "./labels.ts";
import type { Assessment, Dossier } from "./types.ts";

export type Domains = { key: string; name: string }[];
/** The municipality's own per-level descriptions of the version in use (may be empty). */
export type LevelDescriptions = { domain: string; level: number; description: string }[];

export interface ZrmValue {
  residentId: string;
  assessedOn: string;
  scores: { domain: string; level: number; residentLevel: number | null; note: string | null }[];
}

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The latest assessment of a resident, the starting point of the next one. */
export function previousAssessment(dossier: Dossier, residentId: string): Assessment | undefined {
  return dossier.assessments
    .filter((a) => a.residentId === residentId)
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn))
    .at(-1);
}

/** Form values (level per domain, "domain:resident", "domain:note") taken over from an assessment. */
export function valuesFrom(assessment: Assessment | undefined): Record<string, string> {
  const value: Record<string, string> = {};
  for (const s of assessment?.scores ?? []) {
    value[s.domain] = String(s.level);
    if (s.residentLevel !== null) value[`${s.domain}:resident`] = String(s.residentLevel);
  }
  return value;
}

/**
 * The ZRM as one grid: a row per life domain, a column per level (1 acute … 5 fully self-sufficient),
 * starting from the previous assessment, which stays marked. On a phone each row becomes a block.
 */
export function ZrmGrid({
  prefix,
  domains,
  descriptions,
  value,
  previous,
  onChange,
}: {
  prefix: string;
  domains: Domains;
  descriptions: LevelDescriptions;
  value: Record<string, string>;
  previous: Record<string, string>;
  onChange(v: Record<string, string>): void;
}) {
  const error = useFieldError(`${prefix}-${domains[0]?.key ?? ""}`);
  const chosen = domains
    .map((d) => ({ d, level: value[d.key] }))
    .map(({ d, level }) => ({
      d,
      level,
      description: descriptions.find((x) => x.domain === d.key && String(x.level) === level)?.description,
    }))
    .filter((x) => x.description);
  return (
    <>
      {error && (
        <p className="utrecht-form-field-error-message" id={`${prefix}-grid-error`}>
          {error}
        </p>
      )}
      <div className="ww-scroll-x">
        <table className="ww-zrm-grid" aria-describedby={error ? `${prefix}-grid-error` : undefined}>
          <caption className="ww-visually-hidden">{t("workspace.zrmGridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dossier.domain")}</th>
              {LEVELS.map((level) => (
                <th scope="col" key={level} title={label("levelName", level)}>
                  {level}
                  <span className="ww-visually-hidden"> {label("levelName", level)}</span>
                </th>
              ))}
              <th scope="col">{t("dossier.notScored")}</th>
            </tr>
          </thead>
          <tbody>
            {domains.map((d) => (
              <tr key={d.key}>
                <th scope="row" id={`${prefix}-${d.key}-name`}>
                  {d.name}
                  {previous[d.key] && (
                    <span className="ww-hint">
                      {" "}
                      ({t("workspace.previous", { level: previous[d.key] ?? "" })})
                    </span>
                  )}
                </th>
                {LEVELS.map((level) => {
                  const id = level === 1 ? `${prefix}-${d.key}` : `${prefix}-${d.key}-${level}`;
                  return (
                    <td
                      key={level}
                      className={previous[d.key] === String(level) ? "ww-zrm-previous" : undefined}
                    >
                      <input
                        type="radio"
                        className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
                        id={id}
                        name={`${prefix}-${d.key}`}
                        value={level}
                        checked={value[d.key] === String(level)}
                        aria-label={`${d.name}: ${levelText(level)}`}
                        onChange={() => onChange({ ...value, [d.key]: String(level) })}
                      />
                      <span className="ww-zrm-level-label" aria-hidden="true">
                        {level}
                      </span>
                    </td>
                  );
                })}
                <td>
                  <input
                    type="radio"
                    className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
                    id={`${prefix}-${d.key}-none`}
                    name={`${prefix}-${d.key}`}
                    value=""
                    checked={!value[d.key]}
                    aria-label={`${d.name}: ${t("dossier.notScored")}`}
                    onChange={() => onChange({ ...value, [d.key]: "" })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen.length > 0 && (
        <>
          <Paragraph>
            <strong>{t("workspace.zrmChosenHelp")}</strong>
          </Paragraph>
          <UnorderedList>
            {chosen.map(({ d, level, description }) => (
              <UnorderedListItem key={d.key}>
                {d.name}:{" "}
                {t("dossier.levelHelpChosen", { level: level ?? "", description: description ?? "" })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      <details className="ww-level-help">
        <summary>{t("workspace.zrmMore")}</summary>
        {domains
          .filter((d) => value[d.key])
          .map((d) => (
            <div key={d.key}>
              <SelectField
                id={`${prefix}-${d.key}-resident`}
                label={`${t("dossier.residentLevel")} ${d.name}`}
                value={value[`${d.key}:resident`] ?? ""}
                onChange={(v) => onChange({ ...value, [`${d.key}:resident`]: v })}
                options={LEVELS.map((l) => ({ value: String(l), label: levelText(l) }))}
                placeholder={t("dossier.notScored")}
              />
              <TextAreaField
                id={`${prefix}-${d.key}-note`}
                label={t("dossier.domainNote", { domain: d.name })}
                value={value[`${d.key}:note`] ?? ""}
                onChange={(v) => onChange({ ...value, [`${d.key}:note`]: v })}
                rows={2}
              />
            </div>
          ))}
      </details>
    </>
  );
}

/** Who and when, then the grid; choosing another resident starts from that resident's last assessment. */
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
  const previous = valuesFrom(previousAssessment(dossier, value.residentId ?? ""));
  return (
    <>
      {dossier.members.length > 1 && (
        <SelectField
          id={`${prefix}-resident`}
          label={t("dossier.resident")}
          value={value.residentId ?? ""}
          onChange={(residentId) =>
            onChange({
              residentId,
              assessedOn: value.assessedOn ?? "",
              ...valuesFrom(previousAssessment(dossier, residentId)),
            })
          }
          options={dossier.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))}
          placeholder={t("dossier.choose")}
          required
        />
      )}
      <TextField
        id={`${prefix}-date`}
        type="date"
        label={t("dossier.assessedOn")}
        value={value.assessedOn ?? ""}
        onChange={(assessedOn) => onChange({ ...value, assessedOn })}
        required
      />
      <ZrmGrid
        prefix={prefix}
        domains={domains}
        descriptions={descriptions}
        value={value}
        previous={previous}
        onChange={onChange}
      />
    </>
  );
}

/** Starting values: the main contact (or the given resident) with their last assessment. */
export function initialZrm(dossier: Dossier, date: string, residentId?: string): Record<string, string> {
  const main = residentId ?? dossier.members.find((m) => m.isMainContact)?.id ?? dossier.members[0]?.id ?? "";
  return { residentId: main, assessedOn: date, ...valuesFrom(previousAssessment(dossier, main)) };
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

/** A message on the grid when no domain is scored. */
export function validateScored(prefix: string, domains: Domains, value: Record<string, string>) {
  return domains.some((d) => value[d.key])
    ? {}
    : { [`${prefix}-${domains[0]?.key ?? ""}`]: t("workspace.zrmEmpty") };
}
