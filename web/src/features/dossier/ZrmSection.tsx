import { Alert, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { todayIso } from "../../i18n/format.ts";
import { ActionForm } from "./ActionForm.tsx";
import { t } from "./labels.ts";
import type { SectionProps } from "./OverviewSection.tsx";
import type { CaseFile, Dossier, ZrmInstrument } from "./types.ts";
import { allDomainsOf, domainsOf } from "./useDossier.ts";
import { ZrmHistory } from "./ZrmChart.tsx";
import { initialZrm, toAssessment, validateScored, ZrmFields } from "./ZrmForm.tsx";

/** "ZRM invullen": one grid, starting from the previous assessment of the chosen resident. */
export function RecordZrmButton({
  dossier,
  instrument,
  current,
  done,
  primary,
}: {
  dossier: Dossier;
  instrument: ZrmInstrument;
  current: CaseFile;
  done(message?: string): Promise<void>;
  primary?: boolean;
}) {
  const domains = domainsOf(dossier, instrument);
  const descriptions = instrument.descriptions.filter((x) => x.zrmVersion === dossier.zrmVersion);
  const [value, setValue] = useState<Record<string, string>>(() => initialZrm(dossier, todayIso()));
  if (!dossier.allowed.writeAssessment || current.status === "closed") return null;
  return (
    <ActionForm
      id="zrm"
      title={t("dossier.recordZrm")}
      primary={primary}
      validate={() => validateScored("zrm", domains, value)}
      onSubmit={async () => {
        await api.post(`/api/cases/${current.id}/assessments`, toAssessment(domains, value));
        setValue(initialZrm(dossier, value.assessedOn ?? todayIso(), value.residentId));
        await done(t("workspace.saved.zrm"));
      }}
    >
      <ZrmFields
        prefix="zrm"
        dossier={dossier}
        domains={domains}
        descriptions={descriptions}
        value={value}
        onChange={setValue}
      />
    </ActionForm>
  );
}

/** Per member: acute domains flagged and the ZRM over time as a grid of domains × dates. */
export function ZrmSection({ dossier, instrument, current, done }: SectionProps) {
  const allDomains = allDomainsOf(instrument);
  const domainName = (key: string) => allDomains.find((x) => x.key === key)?.name ?? key;
  return (
    <section aria-labelledby="zrm-heading">
      <Heading2 id="zrm-heading">{t("dossier.zrm")}</Heading2>
      {current && (
        <div className="ww-toolbar">
          <RecordZrmButton
            dossier={dossier}
            instrument={instrument}
            current={current}
            done={done}
            primary
            key={`${dossier.assessments.length}`}
          />
        </div>
      )}
      {dossier.assessments.length === 0 && <Paragraph>{t("dossier.noZrm")}</Paragraph>}
      {dossier.members.map((m) => {
        const history = dossier.assessments.filter((a) => a.residentId === m.id);
        const latest = [...history].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn)).at(-1);
        if (!latest) return null;
        const name = `${m.givenName} ${m.familyName}`;
        const acute = latest.scores.filter((s) => s.level === 1).map((s) => domainName(s.domain));
        const notes = latest.scores.filter((s) => s.note);
        return (
          <section key={m.id} aria-label={`${t("dossier.zrm")}: ${name}`}>
            {acute.length > 0 && (
              <Alert type="error">
                <Paragraph data-testid="zrm-acute">
                  {name}: {t("dossier.acuteDomains", { domains: acute.join(", ") })}
                </Paragraph>
              </Alert>
            )}
            <ZrmHistory residentName={name} assessments={history} domains={allDomains} />
            {notes.length > 0 && (
              <dl className="ww-notes">
                {notes.map((s) => (
                  <div key={s.domain}>
                    <dt>{domainName(s.domain)}</dt>
                    <dd>{s.note}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
      <Paragraph className="ww-hint">{t("dossier.zrmAttribution")}</Paragraph>
    </section>
  );
}
