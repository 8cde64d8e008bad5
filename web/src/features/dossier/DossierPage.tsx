import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
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
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { DossierPlanLinks } from "../plans/DossierPlanLinks.tsx";
import { CaseActions, JournalForm, OpenCaseForm } from "./CaseActions.tsx";
import {
  closureReasons,
  d,
  escalationLabels,
  journalKinds,
  languages,
  levelNames,
  locationLabels,
  relationLabels,
  statusLabels,
  urgencyLabels,
  useLanguage,
} from "./messages.ts";
import type { Dossier, ZrmInstrument } from "./types.ts";
import { formatDate } from "./types.ts";
import { ZrmHistory } from "./ZrmChart.tsx";
import "./dossier.css";

/** One page per household: members, case, ZRM profile and trend, timeline and journal. */
export function DossierPage({ householdId }: { householdId: string }) {
  useLanguage();
  const session = useAuthenticatedSession();
  const dossier = useResource<Dossier>(`/api/households/${encodeURIComponent(householdId)}`);
  const instrument = useResource<ZrmInstrument>("/api/zrm");
  const [saved, setSaved] = useState<string | null>(null);
  const done = async () => {
    await dossier.reload();
    setSaved(d("saved"));
  };

  if (!dossier.data || !instrument.data) {
    return (
      <>
        <PageTitle>{d("title")}</PageTitle>
        <ErrorMessage message={dossier.error ?? instrument.error} />
        {!dossier.error && <Loading />}
        <Paragraph>
          <AppLink href="/dossiers">{d("back")}</AppLink>
        </Paragraph>
      </>
    );
  }
  const data = dossier.data;
  const version =
    instrument.data.versions.find((v) => v.version === data.zrmVersion) ?? instrument.data.versions[0];
  const domains = version?.domains ?? [];
  const domainName = (key: string) =>
    instrument.data?.versions.flatMap((v) => v.domains).find((x) => x.key === key)?.name ?? key;
  const current = data.cases.find((c) => c.status !== "closed") ?? data.cases[0];
  const main = data.members.find((m) => m.isMainContact) ?? data.members[0];
  const teamId = current?.teamId ?? session.teams[0]?.id ?? "";

  return (
    <>
      <Paragraph>
        <AppLink href="/dossiers">{d("back")}</AppLink>
      </Paragraph>
      <PageTitle>{data.name}</PageTitle>
      {data.mergedIntoId && (
        <Alert type="warning">
          <Paragraph>
            {d("mergedInto")} <AppLink href={`/dossiers/${data.mergedIntoId}`}>{d("openMerged")}</AppLink>
          </Paragraph>
        </Alert>
      )}
      <SuccessMessage message={saved} />

      <Heading2>{d("members")}</Heading2>
      <Table>
        <TableCaption>{d("membersCaption", { name: data.name })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{d("name")}</TableHeaderCell>
            <TableHeaderCell scope="col">{d("relation")}</TableHeaderCell>
            <TableHeaderCell scope="col">{d("birthDate")}</TableHeaderCell>
            <TableHeaderCell scope="col">{d("address")}</TableHeaderCell>
            <TableHeaderCell scope="col">{d("language")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.members.map((m) => (
            <TableRow key={m.id}>
              <TableHeaderCell scope="row">
                {m.givenName} {m.familyName}
                {m.isMainContact && ` (${d("mainContact").toLowerCase()})`}
              </TableHeaderCell>
              <TableCell>{relationLabels[m.relation]}</TableCell>
              <TableCell>{formatDate(m.birthDate)}</TableCell>
              <TableCell>
                {[m.street, m.houseNumber, m.houseNumberAddition].filter(Boolean).join(" ")}
                {m.postcode && `, ${m.postcode} ${m.city ?? ""}`}
                {m.neighbourhoodName && ` (${m.neighbourhoodName})`}
              </TableCell>
              <TableCell>
                {languages[m.preferredLanguage] ?? m.preferredLanguage}
                {m.interpreterNeeded && `, ${d("interpreter").toLowerCase()}`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading2>{d("case")}</Heading2>
      <DossierPlanLinks householdId={data.id} caseId={current?.id ?? null} />
      {!current && <Paragraph>{d("noCase")}</Paragraph>}
      {!current && data.allowed.write && <OpenCaseForm dossier={data} teamId={teamId} done={done} />}
      {current && (
        <>
          {current.acute && (
            <Alert type="error">
              <Paragraph>
                <strong>{d("acute")}</strong>
              </Paragraph>
            </Alert>
          )}
          <DataList>
            <DataListItem>
              <DataListKey>{d("status")}</DataListKey>
              <DataListValue>
                <span data-testid="case-status">{statusLabels[current.status]}</span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{d("caseLead")}</DataListKey>
              <DataListValue>
                <span data-testid="case-lead">{current.caseLead?.name ?? "–"}</span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{d("team")}</DataListKey>
              <DataListValue>{current.teamName}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{d("allocatedBy")}</DataListKey>
              <DataListValue>
                {current.allocatedBy?.name}: {current.allocationGrounds}
              </DataListValue>
            </DataListItem>
            {current.closureReason && (
              <DataListItem>
                <DataListKey>{d("close")}</DataListKey>
                <DataListValue>
                  {d("closedSummary", {
                    reason: closureReasons[current.closureReason] ?? current.closureReason,
                    prevented: escalationLabels[current.escalationPrevented ?? "unknown"] ?? "",
                    date: current.aftercareDate ? formatDate(current.aftercareDate) : "–",
                  })}
                </DataListValue>
              </DataListItem>
            )}
          </DataList>
          <Table>
            <TableCaption>{d("professionalsCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{d("name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{d("organisation")}</TableHeaderCell>
                <TableHeaderCell scope="col">{d("roleInCase")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {current.professionals.map((p) => (
                <TableRow key={p.userId}>
                  <TableCell>
                    {p.name}
                    {p.isCaseLead && ` (${d("caseLead").toLowerCase()})`}
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
            done={done}
          />
        </>
      )}

      {data.intakes[0] && (
        <section aria-labelledby="intake-heading">
          <Heading2 id="intake-heading">{d("intake")}</Heading2>
          <DataList>
            {(
              [
                [
                  d("conversationDate"),
                  `${formatDate(data.intakes[0].conversationDate)} – ${locationLabels[data.intakes[0].location]}`,
                ],
                [d("requestInOwnWords"), `“${data.intakes[0].requestInOwnWords}”`],
                [d("underlyingQuestion"), data.intakes[0].underlyingQuestion],
                [d("lifeDomains"), data.intakes[0].lifeDomains.map(domainName).join(", ")],
                [d("ownStrengths"), data.intakes[0].ownStrengths],
                [d("networkSummary"), data.intakes[0].networkSummary],
                [d("urgency"), urgencyLabels[data.intakes[0].urgency]],
                [d("safetyConcerns"), data.intakes[0].safetyConcerns],
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

      <section aria-labelledby="zrm-heading">
        <Heading2 id="zrm-heading">{d("zrm")}</Heading2>
        <Paragraph>{d("zrmAttribution")}</Paragraph>
        {data.assessments.length === 0 && <Paragraph>{d("noZrm")}</Paragraph>}
        {data.members.map((m) => {
          const history = data.assessments.filter((a) => a.residentId === m.id);
          const latest = history.at(-1);
          if (!latest) return null;
          const name = `${m.givenName} ${m.familyName}`;
          const acute = latest.scores.filter((s) => s.level === 1).map((s) => domainName(s.domain));
          return (
            <section key={m.id} aria-label={`${d("zrm")}: ${name}`}>
              <Heading3>
                {d("zrmProfile")}: {name}
              </Heading3>
              {acute.length > 0 && (
                <Alert type="error">
                  <Paragraph data-testid="zrm-acute">
                    {d("acuteDomains", { domains: acute.join(", ") })}
                  </Paragraph>
                </Alert>
              )}
              <Table>
                <TableCaption>
                  {d("zrmProfileCaption", { name, date: formatDate(latest.assessedOn) })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{d("domain")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{d("level")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{d("residentLevel")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {latest.scores.map((s) => (
                    <TableRow key={s.domain}>
                      <TableHeaderCell scope="row">{domainName(s.domain)}</TableHeaderCell>
                      <TableCell>
                        <span className={`ww-level ww-level-${s.level}`}>{s.level}</span>{" "}
                        {levelNames[s.level]}
                      </TableCell>
                      <TableCell>{s.residentLevel ?? "–"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <ZrmHistory
                residentName={name}
                assessments={history}
                domains={
                  instrument.data?.versions
                    .flatMap((v) => v.domains)
                    .filter((x, i, all) => all.findIndex((y) => y.key === x.key) === i) ?? []
                }
              />
            </section>
          );
        })}
        {main === undefined && null}
      </section>

      <section aria-labelledby="journal-heading">
        <Heading2 id="journal-heading">{d("journal")}</Heading2>
        <JournalForm dossier={data} caseId={current?.id ?? null} done={done} />
        {data.journal.length === 0 && <Paragraph>{d("noJournal")}</Paragraph>}
        <OrderedList>
          {data.journal.map((j) => (
            <OrderedListItem key={j.id}>
              <strong>
                {formatDate(j.occurredOn)} – {journalKinds[j.kind]}
              </strong>{" "}
              ({j.author?.name}
              {j.participants ? `; ${j.participants}` : ""}): {j.text}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>

      <section aria-labelledby="timeline-heading">
        <Heading2 id="timeline-heading">{d("timeline")}</Heading2>
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
