import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { api } from "../../api/client.ts";
import { formatDate } from "../../i18n/format.ts";
import { DossierImpactLink } from "../impactCalculator/ImpactLinks.tsx";
import { HandoverForm, InvolveForm, OpenCaseForm, ReopenForm, StatusForm } from "./CaseActions.tsx";
import { CloseForm } from "./CaseRecordForms.tsx";
import { label, t } from "./labels.ts";
import type { SectionProps } from "./OverviewSection.tsx";

/** The case: how it was allocated, who is involved, and the actions on it (handover, closure, …). */
export function CaseSection({ dossier, instrument, current, done, reload }: SectionProps) {
  const write = dossier.allowed.write && !dossier.mergedIntoId;
  if (!current) {
    return (
      <>
        <Heading2>{t("dossier.case")}</Heading2>
        <Paragraph>{t("dossier.noCase")}</Paragraph>
        {write && <OpenCaseForm dossier={dossier} done={done} primary />}
      </>
    );
  }
  const c = current;
  const post = async (path: string, body: object, message: string) => {
    await api.post(`/api/cases/${c.id}/${path}`, { version: c.version, ...body });
    await done(message);
  };
  return (
    <>
      <Heading2>{t("dossier.case")}</Heading2>
      {write && (
        <div className="ww-toolbar" key={`${c.id}-${c.version}`}>
          {c.status === "closed" ? (
            <ReopenForm post={post} reload={reload} />
          ) : (
            <>
              <HandoverForm c={c} post={post} reload={reload} />
              <InvolveForm c={c} post={post} reload={reload} />
              <StatusForm c={c} post={post} reload={reload} />
              {/* Once the case has its plan, closing is in the header on every section. */}
              {!["plan", "execution", "evaluation"].includes(c.status) && (
                <CloseForm
                  dossier={dossier}
                  instrument={instrument}
                  current={c}
                  done={done}
                  reload={reload}
                />
              )}
            </>
          )}
        </div>
      )}
      <DataList>
        <DataListItem>
          <DataListKey>{t("workspace.openedOn")}</DataListKey>
          <DataListValue>{formatDate(c.openedAt)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("dossier.allocatedBy")}</DataListKey>
          <DataListValue>
            {c.allocatedBy?.name ?? "–"}: {c.allocationGrounds}
          </DataListValue>
        </DataListItem>
        {c.closureReason && (
          <DataListItem>
            <DataListKey>{t("dossier.close")}</DataListKey>
            <DataListValue>
              {t("dossier.closedSummary", {
                reason: label("closureReason", c.closureReason),
                prevented: label("escalationName", c.escalationPrevented ?? "unknown"),
                date: c.aftercareDate ? formatDate(c.aftercareDate) : "–",
              })}
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
      <Table>
        <TableCaption>{t("dossier.professionalsCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("dossier.name")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("dossier.organisation")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("dossier.roleInCase")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {c.professionals.map((p) => (
            <TableRow key={p.userId}>
              <TableCell>
                {p.name}
                {p.isCaseLead && ` (${t("dossier.caseLead").toLowerCase()})`}
              </TableCell>
              <TableCell>{p.organisationName}</TableCell>
              <TableCell>{p.roleInCase}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <DossierImpactLink caseId={c.id} />
    </>
  );
}
