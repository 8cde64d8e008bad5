import { Heading2, OrderedList, OrderedListItem, Paragraph } from "@utrecht/component-library-react";
import { formatDate } from "../../i18n/format.ts";
import { JournalForm } from "./CaseRecordForms.tsx";
import { label, t } from "./labels.ts";
import type { SectionProps } from "./OverviewSection.tsx";

/** The journal of contacts and the timeline of everything that happened, newest first. */
export function JournalSection({ dossier, current, done }: SectionProps) {
  return (
    <>
      <section aria-labelledby="journal-heading">
        <Heading2 id="journal-heading">{t("dossier.journal")}</Heading2>
        {!current && (
          <div className="ww-toolbar">
            <JournalForm dossier={dossier} caseId={null} done={done} primary />
          </div>
        )}
        {dossier.journal.length === 0 && <Paragraph>{t("dossier.noJournal")}</Paragraph>}
        <OrderedList>
          {dossier.journal.map((j) => (
            <OrderedListItem key={j.id}>
              <strong>
                {formatDate(j.occurredOn)}, {label("journalKind", j.kind)}
              </strong>{" "}
              ({j.author?.name ?? "–"}
              {j.participants ? `; ${j.participants}` : ""}): {j.text}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>
      <section aria-labelledby="timeline-heading">
        <Heading2 id="timeline-heading">{t("dossier.timeline")}</Heading2>
        <OrderedList data-testid="timeline">
          {dossier.timeline.map((item) => (
            <OrderedListItem key={`${item.kind}-${item.at}-${item.summary}-${item.detail ?? ""}`}>
              <strong>{formatDate(item.at)}</strong>: {item.summary}
              {item.actor ? ` (${item.actor})` : ""}
              {item.detail ? `: ${item.detail}` : ""}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>
    </>
  );
}
