import {
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useResource } from "../../api/useResource.ts";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ScrollRegion } from "../areaAnalysis/ScrollRegion.tsx";
import { PriceListLink } from "./ImpactLinks.tsx";
import { euro, type PerStakeholder, STAKEHOLDERS } from "./impact.types.ts";

interface Overview {
  teamId: string;
  cases: {
    caseId: string;
    label: string;
    actualTotal: number;
    counterfactualTotal: number;
    netBenefit: number;
  }[];
  totals: {
    cases: number;
    withCounterfactual: number;
    actual: PerStakeholder;
    counterfactual: PerStakeholder;
    benefit: PerStakeholder;
    actualTotal: number;
    counterfactualTotal: number;
    netBenefit: number;
  };
}

function TeamOverview({ teamId, name }: { teamId: string; name: string }) {
  const r = useResource<Overview>(`/api/impact/teams/${teamId}`);
  const d = r.data;
  return (
    <section aria-label={name}>
      <h2 className="utrecht-heading-2">{name}</h2>
      <ErrorMessage message={r.error} />
      {!d && !r.error && <Loading />}
      {d && d.cases.length === 0 && <Paragraph>{t("impact.noCases")}</Paragraph>}
      {d && d.cases.length > 0 && (
        <>
          <Paragraph>{`${t("impact.cases")}: ${d.totals.cases}, ${d.totals.withCounterfactual} ${t("impact.withCounterfactual")}`}</Paragraph>
          <ScrollRegion label={`${t("impact.totals")} – ${name}`}>
            <Table>
              <TableCaption>{`${t("impact.totals")} – ${name}`}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("impact.stakeholder")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.actual")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.counterfactual")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("impact.benefit")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {STAKEHOLDERS.map((k) => (
                  <TableRow key={k}>
                    <TableHeaderCell scope="row">{t(`impact.sh.${k}` as MessageKey)}</TableHeaderCell>
                    <TableCell>{euro(d.totals.actual[k])}</TableCell>
                    <TableCell>{euro(d.totals.counterfactual[k])}</TableCell>
                    <TableCell>{euro(d.totals.benefit[k])}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
          <ul className="utrecht-unordered-list">
            {d.cases.map((c) => (
              <li key={c.caseId}>
                <Link href={`/effectencalculator/${c.caseId}`}>{c.label}</Link>: {t("impact.net")}{" "}
                {euro(c.netBenefit)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The team overview: the lead's teams, several cases added up. */
export function ImpactTeamPage() {
  const session = useAuthenticatedSession();
  return (
    <>
      <PageTitle>{`${t("impact.title")}: ${t("impact.team")}`}</PageTitle>
      <Paragraph>{t("impact.teamIntro")}</Paragraph>
      <PriceListLink />
      {session.teams.map((team) => (
        <TeamOverview key={team.id} teamId={team.id} name={team.name} />
      ))}
    </>
  );
}
