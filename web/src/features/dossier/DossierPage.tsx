import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { DossierImpactLink } from "../impactCalculator/ImpactLinks.tsx";
import { DossierPlanLinks } from "../plans/DossierPlanLinks.tsx";
import { CasePortalPanel } from "../portal/CasePortalPanel.tsx";
import { DossierPrivacyLinks } from "../privacy/DossierPrivacyLinks.tsx";
import { CaseActions, OpenCaseForm } from "./CaseActions.tsx";
import { JournalForm } from "./CaseRecordForms.tsx";
import { label, t } from "./labels.ts";
import { MembersSection } from "./MembersSection.tsx";
import { MergeSection } from "./MergeSection.tsx";
import type { Dossier, ZrmInstrument } from "./types.ts";
import { formatDate } from "./types.ts";
import { ZrmSection } from "./ZrmSection.tsx";
import "./dossier.css";

/** One page per household: members, case, ZRM profile and trend, timeline and journal. */
export function DossierPage({ householdId }: { householdId: string }) {
  useLanguage();
  const session = useAuthenticatedSession();
  const dossier = useResource<Dossier>(`/api/households/${encodeURIComponent(householdId)}`);
  const instrument = useResource<ZrmInstrument>("/api/zrm");
  const [saved, setSaved] = useState<string | null>(null);
  const done = async (message = t("dossier.saved")) => {
    await dossier.reload();
    setSaved(message);
  };
  const reload = () => done(t("dossier.reloaded"));

  if (!dossier.data || !instrument.data) {
    return (
      <>
        <PageTitle>{t("dossier.title")}</PageTitle>
        <ErrorMessage message={dossier.error ?? instrument.error} />
        {!dossier.error && <Loading />}
        {dossier.error && <DossierPrivacyLinks householdId={householdId} />}
        <Paragraph>
          <AppLink href="/dossiers">{t("dossier.back")}</AppLink>
        </Paragraph>
      </>
    );
  }
  const data = dossier.data;
  const version =
    instrument.data.versions.find((v) => v.version === data.zrmVersion) ?? instrument.data.versions[0];
  const domains = version?.domains ?? [];
  const descriptions = instrument.data.descriptions.filter((x) => x.zrmVersion === data.zrmVersion);
  const domainName = (key: string) =>
    instrument.data?.versions.flatMap((v) => v.domains).find((x) => x.key === key)?.name ?? key;
  const current = data.cases.find((c) => c.status !== "closed") ?? data.cases[0];
  const teamId = current?.teamId ?? session.teams[0]?.id ?? "";

  return (
    <>
      <Paragraph>
        <AppLink href="/dossiers">{t("dossier.back")}</AppLink>
      </Paragraph>
      <PageTitle>{data.name}</PageTitle>
      <DossierPrivacyLinks householdId={householdId} />
      {data.mergedIntoId && (
        <Alert type="warning">
          <Paragraph>
            {t("dossier.mergedInto")}{" "}
            <AppLink href={`/dossiers/${data.mergedIntoId}`}>{t("dossier.openMerged")}</AppLink>
          </Paragraph>
        </Alert>
      )}
      <SuccessMessage message={saved} />

      <MembersSection dossier={data} done={done} reload={reload} />
      <MergeSection dossier={data} done={done} />

      <Heading2>{t("dossier.case")}</Heading2>
      <DossierPlanLinks householdId={data.id} caseId={current?.id ?? null} />
      <DossierImpactLink caseId={current?.id ?? null} />
      {!current && <Paragraph>{t("dossier.noCase")}</Paragraph>}
      {!current && data.allowed.write && <OpenCaseForm dossier={data} teamId={teamId} done={done} />}
      {current && (
        <>
          {current.acute && (
            <Alert type="error">
              <Paragraph>
                <strong>{t("dossier.acute")}</strong>
              </Paragraph>
            </Alert>
          )}
          <DataList>
            <DataListItem>
              <DataListKey>{t("dossier.status")}</DataListKey>
              <DataListValue>
                <span data-testid="case-status">{label("caseStatus", current.status)}</span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("dossier.caseLead")}</DataListKey>
              <DataListValue>
                <span data-testid="case-lead">{current.caseLead?.name ?? "–"}</span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("dossier.team")}</DataListKey>
              <DataListValue>{current.teamName}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t("dossier.allocatedBy")}</DataListKey>
              <DataListValue>
                {current.allocatedBy?.name}: {current.allocationGrounds}
              </DataListValue>
            </DataListItem>
            {current.closureReason && (
              <DataListItem>
                <DataListKey>{t("dossier.close")}</DataListKey>
                <DataListValue>
                  {t("dossier.closedSummary", {
                    reason: label("closureReason", current.closureReason),
                    prevented: label("escalationName", current.escalationPrevented ?? "unknown"),
                    date: current.aftercareDate ? formatDate(current.aftercareDate) : "–",
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
              {current.professionals.map((p) => (
                <TableRow key={p.userId}>
                  <TableCell>
                    {p.name}
                    {p.isCaseLead && ` (${t("dossier.caseLead").toLowerCase()})`}
                    {p.endedAt && ` – ${t("dossier.involvementEnded", { date: formatDate(p.endedAt) })}`}
                  </TableCell>
                  <TableCell>{p.organisationName}</TableCell>
                  <TableCell>{p.roleInCase}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <CaseActions
            key={`${current.id}-${current.version}`}
            c={current}
            dossier={data}
            domains={domains}
            descriptions={descriptions}
            done={done}
            reload={reload}
          />
          <CasePortalPanel caseId={current.id} />
        </>
      )}

      {data.intakes[0] && (
        <section aria-labelledby="intake-heading">
          <Heading2 id="intake-heading">{t("dossier.intake")}</Heading2>
          <DataList>
            {(
              [
                [
                  t("dossier.conversationDate"),
                  `${formatDate(data.intakes[0].conversationDate)} – ${label("locationName", data.intakes[0].location)}`,
                ],
                [t("dossier.requestInOwnWords"), `“${data.intakes[0].requestInOwnWords}”`],
                [t("dossier.underlyingQuestion"), data.intakes[0].underlyingQuestion],
                [t("dossier.lifeDomains"), data.intakes[0].lifeDomains.map(domainName).join(", ")],
                [t("dossier.ownStrengths"), data.intakes[0].ownStrengths],
                [t("dossier.networkSummary"), data.intakes[0].networkSummary],
                [t("dossier.urgency"), label("urgencyName", data.intakes[0].urgency)],
                [t("dossier.safetyConcerns"), data.intakes[0].safetyConcerns],
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
        </section>
      )}

      <ZrmSection dossier={data} instrument={instrument.data} />

      <section aria-labelledby="journal-heading">
        <Heading2 id="journal-heading">{t("dossier.journal")}</Heading2>
        <JournalForm dossier={data} caseId={current?.id ?? null} done={done} />
        {data.journal.length === 0 && <Paragraph>{t("dossier.noJournal")}</Paragraph>}
        <OrderedList>
          {data.journal.map((j) => (
            <OrderedListItem key={j.id}>
              <strong>
                {formatDate(j.occurredOn)} – {label("journalKind", j.kind)}
              </strong>{" "}
              ({j.author?.name}
              {j.participants ? `; ${j.participants}` : ""}): {j.text}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>

      <section aria-labelledby="timeline-heading">
        <Heading2 id="timeline-heading">{t("dossier.timeline")}</Heading2>
        <OrderedList data-testid="timeline">
          {data.timeline.map((item) => (
            <OrderedListItem key={`${item.kind}-${item.at}-${item.summary}-${item.detail ?? ""}`}>
              <strong>{formatDate(item.at)}</strong> – {item.summary}
              {item.actor ? ` (${item.actor})` : ""}
              {item.detail ? `: ${item.detail}` : ""}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>
    </>
  );
}
