import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from "@utrecht/component-library-react";
import { formatDate } from "../../i18n/format.ts";
import { IntakeForm } from "./CaseRecordForms.tsx";
import { label, t } from "./labels.ts";
import type { SectionProps } from "./OverviewSection.tsx";
import { allDomainsOf } from "./useDossier.ts";

/** The intake conversation(s): the request in the resident's words and the question behind it. */
export function IntakeSection({ dossier, instrument, current, done, reload }: SectionProps) {
  const domainName = (key: string) => allDomainsOf(instrument).find((d) => d.key === key)?.name ?? key;
  const canRecord = dossier.allowed.write && !dossier.mergedIntoId && current && current.status !== "closed";
  return (
    <>
      <Heading2>{t("dossier.intake")}</Heading2>
      {canRecord && current && (
        <div className="ww-toolbar">
          <IntakeForm
            dossier={dossier}
            instrument={instrument}
            current={current}
            done={done}
            reload={reload}
            primary={dossier.intakes.length === 0}
          />
        </div>
      )}
      {dossier.intakes.length === 0 && <Paragraph>{t("workspace.noIntake")}</Paragraph>}
      {dossier.intakes.map((intake) => (
        <DataList key={intake.id}>
          {(
            [
              [
                t("dossier.conversationDate"),
                `${formatDate(intake.conversationDate)}, ${label("locationName", intake.location).toLowerCase()}`,
              ],
              [t("dossier.requestInOwnWords"), `“${intake.requestInOwnWords}”`],
              [t("dossier.underlyingQuestion"), intake.underlyingQuestion],
              [t("dossier.lifeDomains"), intake.lifeDomains.map(domainName).join(", ")],
              [t("dossier.ownStrengths"), intake.ownStrengths],
              [t("dossier.networkSummary"), intake.networkSummary],
              [t("dossier.urgency"), label("urgencyName", intake.urgency)],
              [t("dossier.safetyConcerns"), intake.safetyConcerns],
            ] as const
          )
            .filter(([, value]) => value)
            .map(([key, value]) => (
              <DataListItem key={key}>
                <DataListKey>{key}</DataListKey>
                <DataListValue>{value}</DataListValue>
              </DataListItem>
            ))}
        </DataList>
      ))}
    </>
  );
}
