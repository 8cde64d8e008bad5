import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { destinations } from "../../app/navigation.ts";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { mfaSetupPath } from "../auth/LoginPage.tsx";

/** The start page: a welcome for the role and tiles for what the role may do. */
export function HomePage() {
  const session = useAuthenticatedSession();
  const { user, teams } = session;
  const tiles = destinations.filter((item) => hasAnyPermission(session, item.anyOf));

  return (
    <>
      <PageTitle>{t("home.title", { name: user.displayName })}</PageTitle>
      <Paragraph appearance="lead">
        {tOptional(`home.intro.${user.role}`, { municipality: user.municipalityName })}
      </Paragraph>
      {user.organisationName && (
        <Paragraph>{t("home.organisation", { name: user.organisationName })}</Paragraph>
      )}
      {!user.mfaEnabled && (
        <Alert type="info">
          <Paragraph>
            {t("home.mfaOff")} <AppLink href={mfaSetupPath}>{t("home.mfaSetUp")}</AppLink>
          </Paragraph>
        </Alert>
      )}

      <section aria-labelledby="tasks-heading">
        <Heading2 id="tasks-heading">{t("home.tasks")}</Heading2>
        {tiles.length === 0 ? (
          <Paragraph>{t("home.noTasks")}</Paragraph>
        ) : (
          <ul className="ww-tiles">
            {tiles.map((tile) => (
              <li key={tile.href} className="ww-tile">
                <Heading3>
                  <AppLink href={tile.href}>{t(tile.label)}</AppLink>
                </Heading3>
                <Paragraph>{t(tile.description)}</Paragraph>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="teams-heading">
        <Heading2 id="teams-heading">{t("home.teams")}</Heading2>
        {teams.length === 0 ? (
          <Paragraph>{t("home.noTeams")}</Paragraph>
        ) : (
          <UnorderedList>
            {teams.map((team) => (
              <UnorderedListItem key={team.id}>
                {team.name} ({tOptional(`teamModel.${team.model}`) ?? team.model})
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </section>
    </>
  );
}
