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
import type { TeamDetail } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { permissions } from "../../app/navigation.ts";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { expertiseName, useAreas } from "../../ui/areas.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { AddMemberForm } from "./AddMemberForm.tsx";
import { teamModelLabel } from "./TeamsPage.tsx";

export function TeamDetailPage({ teamId }: { teamId: string }) {
  const areas = useAreas();
  const session = useAuthenticatedSession();
  const team = useResource<TeamDetail>(`/api/teams/${encodeURIComponent(teamId)}`);
  const canManage = hasAnyPermission(session, [permissions.teamManage]);

  if (!team.data) {
    return (
      <>
        <PageTitle>{t("teams.title")}</PageTitle>
        <ErrorMessage message={team.error} />
        {!team.error && <Loading />}
        <Paragraph>
          <AppLink href="/beheer/teams">{t("teams.back")}</AppLink>
        </Paragraph>
      </>
    );
  }
  const { name, model, areaCodes, members } = team.data;

  return (
    <>
      <Paragraph>
        <AppLink href="/beheer/teams">{t("teams.back")}</AppLink>
      </Paragraph>
      <PageTitle>{name}</PageTitle>
      <DataList>
        <DataListItem>
          <DataListKey>{t("team.model")}</DataListKey>
          <DataListValue>{teamModelLabel(model)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("team.areaCodes")}</DataListKey>
          <DataListValue>{areaCodes.map(areas.name).join(", ")}</DataListValue>
        </DataListItem>
      </DataList>

      <Heading2>{t("team.members")}</Heading2>
      {members.length === 0 ? (
        <Paragraph>{t("team.noMembers")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("team.membersCaption", { name })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("team.member")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("team.role")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("team.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("team.hours")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("team.expertise")}</TableHeaderCell>
              {model === "frontBackOffice" && (
                <TableHeaderCell scope="col">{t("team.office")}</TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((member) => (
              <TableRow key={member.userId}>
                <TableCell>{member.displayName}</TableCell>
                <TableCell>{tOptional(`role.${member.role}`) ?? member.role}</TableCell>
                <TableCell>{member.organisationName}</TableCell>
                <TableCell>{member.hoursPerWeek}</TableCell>
                <TableCell>{member.expertise.map(expertiseName).join(", ")}</TableCell>
                {model === "frontBackOffice" && (
                  <TableCell>{t(member.office ? `office.${member.office}` : "office.none")}</TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canManage && <AddMemberForm team={team.data} onAdded={team.reload} />}
    </>
  );
}
