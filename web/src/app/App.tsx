import { Paragraph } from "@utrecht/component-library-react";
import { type ReactNode, useEffect } from "react";
import { AuditPage } from "../features/audit/AuditPage.tsx";
import { LoginPage, mfaSetupPath } from "../features/auth/LoginPage.tsx";
import { MfaSetupPage } from "../features/auth/MfaSetupPage.tsx";
import { HomePage } from "../features/home/HomePage.tsx";
import { OrganisationsPage } from "../features/organisations/OrganisationsPage.tsx";
import { TeamDetailPage } from "../features/teams/TeamDetailPage.tsx";
import { TeamsPage } from "../features/teams/TeamsPage.tsx";
import { UsersPage } from "../features/users/UsersPage.tsx";
import { t, useLanguage } from "../i18n/i18n.ts";
import { AppShell } from "../ui/AppShell.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageTitle } from "../ui/PageTitle.tsx";
import { destinations } from "./navigation.ts";
import { AppLink, matchPath, navigate, usePath } from "./router.tsx";
import { hasAnyPermission, loginPath, useSession } from "./session.tsx";

function permissionsFor(href: string): readonly string[] {
  return destinations.find((item) => item.href === href)?.anyOf ?? [];
}

interface Route {
  pattern: string;
  /** Permissions of which the session needs one; empty means any signed-in user. */
  anyOf: readonly string[];
  render(params: Record<string, string>): ReactNode;
}

const routes: Route[] = [
  { pattern: "/", anyOf: [], render: () => <HomePage /> },
  { pattern: mfaSetupPath, anyOf: [], render: () => <MfaSetupPage /> },
  {
    pattern: "/beheer/organisaties",
    anyOf: permissionsFor("/beheer/organisaties"),
    render: () => <OrganisationsPage />,
  },
  { pattern: "/beheer/teams", anyOf: permissionsFor("/beheer/teams"), render: () => <TeamsPage /> },
  {
    pattern: "/beheer/teams/:id",
    anyOf: permissionsFor("/beheer/teams"),
    render: (params) => <TeamDetailPage key={params.id} teamId={params.id ?? ""} />,
  },
  { pattern: "/beheer/gebruikers", anyOf: permissionsFor("/beheer/gebruikers"), render: () => <UsersPage /> },
  { pattern: "/audit", anyOf: permissionsFor("/audit"), render: () => <AuditPage /> },
];

export function App() {
  useLanguage();
  const path = usePath();
  const { state } = useSession();
  // Two-step set-up is also reachable half-way through signing in, before there is a full session.
  const isPublic = path === loginPath || (path === mfaSetupPath && state.status === "anonymous");

  useEffect(() => {
    if (state.status === "anonymous" && !isPublic) navigate(loginPath, { replace: true });
    if (state.status === "authenticated" && path === loginPath) navigate("/", { replace: true });
  }, [state.status, isPublic, path]);

  return <AppShell>{renderPage()}</AppShell>;

  function renderPage() {
    if (state.status === "loading") return <Loading />;
    if (path === loginPath) return <LoginPage />;
    if (path === mfaSetupPath && state.status === "anonymous") return <MfaSetupPage />;
    if (state.status !== "authenticated") return <Loading />;
    for (const route of routes) {
      const params = matchPath(route.pattern, path);
      if (!params) continue;
      if (route.anyOf.length > 0 && !hasAnyPermission(state.session, route.anyOf)) {
        return <Message title={t("app.forbidden.title")} text={t("app.forbidden.text")} />;
      }
      return route.render(params);
    }
    return <Message title={t("app.notFound.title")} text={t("app.notFound.text")} />;
  }
}

function Message({ title, text }: { title: string; text: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <AppLink href="/">{t("app.backHome")}</AppLink>
      </Paragraph>
    </>
  );
}
