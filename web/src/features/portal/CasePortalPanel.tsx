import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t, tOptional } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PortalAccountsSection } from "./PortalAccountsSection.tsx";
import { MessageThread } from "./PortalMessagesPage.tsx";
import { ProposalItem } from "./ProposalDecision.tsx";
import type { CasePortal } from "./portal.types.ts";
import { formatDate, formatDateTime, SubmitButton, TextArea } from "./portal.ui.tsx";

/**
 * What the household did in the portal, for the case lead: agreement, self-assessment beside the ZRM,
 * messages with a reply form, proposed goals, comments, the planned end. Mount it in the dossier's case view:
 * `<CasePortalPanel caseId={c.id} />` (headings start at h2).
 */
export function CasePortalPanel({ caseId }: { caseId: string }) {
  const base = `/api/portal-desk/cases/${caseId}`;
  const { data, error, reload } = useResource<CasePortal>(base);
  if (error) return <ErrorMessage message={error} />;
  if (!data) return <Loading />;
  const current = data.agreements.find((a) => a.planVersion === data.planVersion);
  return (
    <div className="ww-case-portal">
      <section aria-labelledby="cp-agreement">
        <Heading2 id="cp-agreement">{t("portal.desk.agreement")}</Heading2>
        <Paragraph data-testid="portal-agreement">
          {current
            ? t("portal.desk.agreedVersion", {
                version: current.planVersion,
                date: formatDate(current.agreedOn),
                how: current.note ?? current.how,
              })
            : t("portal.desk.notAgreed")}
        </Paragraph>
      </section>
      <section aria-labelledby="cp-self">
        <Heading2 id="cp-self">{t("portal.desk.selfAssessment")}</Heading2>
        {data.selfAssessments.length === 0 && <Paragraph>{t("portal.desk.noSelfAssessment")}</Paragraph>}
        {data.selfAssessments.slice(0, 1).map((s) => (
          <div className="ww-table-scroll" key={s.id}>
            <Table>
              <TableCaption>
                {t("portal.desk.filledBy", { name: s.residentName, date: formatDateTime(s.submittedAt) })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("portal.desk.domain")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("portal.desk.residentScore")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("portal.desk.professionalScore")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.scores.map((x) => (
                  <TableRow key={x.domain}>
                    <TableHeaderCell scope="row">
                      {tOptional(`portal.domain.${x.domain}`) ?? x.domain}
                    </TableHeaderCell>
                    <TableCell>{x.level}</TableCell>
                    <TableCell>{x.professionalLevel ?? "–"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
      </section>
      <section aria-labelledby="cp-messages">
        <Heading2 id="cp-messages">{t("portal.desk.messages")}</Heading2>
        <MessageThread messages={data.messages} staff />
        {data.status !== "closed" && <Reply base={base} onSent={reload} />}
      </section>
      <section aria-labelledby="cp-proposals">
        <Heading2 id="cp-proposals">{t("portal.desk.proposals")}</Heading2>
        {data.proposals.length === 0 && <Paragraph>{t("portal.desk.noProposals")}</Paragraph>}
        {data.proposals.map((p) => (
          <ProposalItem key={p.id} proposal={p} base={base} data={data} onDecided={reload} />
        ))}
      </section>
      {data.comments.length > 0 && (
        <section aria-labelledby="cp-comments">
          <Heading2 id="cp-comments">{t("portal.desk.comments")}</Heading2>
          <UnorderedList>
            {data.comments.map((c) => (
              <UnorderedListItem key={c.id} className="ww-pre">
                <strong>{c.goal}</strong>: {c.text}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      {data.status !== "closed" && <ClosureForm base={base} current={data.closurePlan} onSaved={reload} />}
      <PortalAccountsSection data={data} onChanged={reload} />
    </div>
  );
}

function Reply({ base, onSent }: { base: string; onSent(): Promise<void> }) {
  const [text, setText] = useState("");
  const form = useSubmit(async () => {
    await api.post(`${base}/messages`, { text });
    setText("");
    await onSent();
  });
  return (
    <form onSubmit={form.onSubmit}>
      <ErrorMessage message={form.error} />
      <TextArea
        id="desk-reply"
        label={t("portal.desk.reply")}
        value={text}
        onChange={setText}
        maxLength={4000}
      />
      <SubmitButton busy={form.busy}>{t("portal.desk.send")}</SubmitButton>
    </form>
  );
}

function ClosureForm({
  base,
  current,
  onSaved,
}: {
  base: string;
  current: CasePortal["closurePlan"];
  onSaved(): Promise<void>;
}) {
  const [end, setEnd] = useState(current?.plannedEndDate ?? "");
  const [aftercare, setAftercare] = useState(current?.aftercareContactDate ?? "");
  const [note, setNote] = useState(current?.afterClosureNote ?? "");
  const form = useSubmit(async () => {
    await api.post(`${base}/closure-plan`, {
      plannedEndDate: end,
      aftercareContactDate: aftercare || null,
      afterClosureNote: note || null,
    });
    await onSaved();
  });
  return (
    <section aria-labelledby="cp-closure">
      <Heading2 id="cp-closure">{t("portal.desk.closure")}</Heading2>
      <form onSubmit={form.onSubmit}>
        <ErrorMessage message={form.error} />
        <TextField
          id="closure-end"
          type="date"
          label={t("portal.desk.plannedEnd")}
          value={end}
          onChange={setEnd}
          required
        />
        <TextField
          id="closure-aftercare"
          type="date"
          label={t("portal.desk.aftercareDate")}
          value={aftercare}
          onChange={setAftercare}
        />
        <TextArea
          id="closure-note"
          label={t("portal.desk.afterNote")}
          value={note}
          onChange={setNote}
          maxLength={2000}
        />
        <SubmitButton busy={form.busy}>{t("portal.desk.saveClosure")}</SubmitButton>
      </form>
    </section>
  );
}
