import { Paragraph } from "@utrecht/component-library-react";
import { type ReactNode, useEffect } from "react";
import { AreaAnalysisPage } from "../features/areaAnalysis/AreaAnalysisPage.tsx";
import { BudgetPage } from "../features/areaAnalysis/BudgetPage.tsx";
import { CbsImportPage } from "../features/areaAnalysis/CbsImportPage.tsx";
import { StaffingPage } from "../features/areaAnalysis/StaffingPage.tsx";
import { AuditPage } from "../features/audit/AuditPage.tsx";
import { AccountPage, accountPath } from "../features/auth/AccountPage.tsx";
import { LoginPage, mfaSetupPath } from "../features/auth/LoginPage.tsx";
import { MfaSetupPage } from "../features/auth/MfaSetupPage.tsx";
import { SetPasswordPage, setPasswordPath } from "../features/auth/SetPasswordPage.tsx";
import { ConferencePage } from "../features/conferences/ConferencePage.tsx";
import { ConferencesPage, conferencesPath } from "../features/conferences/ConferencesPage.tsx";
import { LearningNotesPage, learningNotesPath } from "../features/conferences/LearningNotesPage.tsx";
import { MinutesPage } from "../features/conferences/MinutesPage.tsx";
import { DirectoryEditPage } from "../features/directory/DirectoryEditPage.tsx";
import { DirectoryEntryPage } from "../features/directory/DirectoryEntryPage.tsx";
import { DirectoryImportPage } from "../features/directory/DirectoryImportPage.tsx";
import {
  DirectoryOverduePage,
  DirectorySearchPage,
  directoryPath,
} from "../features/directory/DirectorySearchPage.tsx";
import { DirectorySuggestionsPage } from "../features/directory/DirectorySuggestionsPage.tsx";
import { DirectoryUsagePage, directoryUsagePath } from "../features/directory/DirectoryUsagePage.tsx";
import {
  PublicDirectoryPage,
  PublicDirectoryStartPage,
  publicDirectoryPath,
} from "../features/directory/PublicDirectoryPage.tsx";
import { DossierPage } from "../features/dossier/DossierPage.tsx";
import { DossiersPage } from "../features/dossier/DossiersPage.tsx";
import { RegisterHouseholdPage } from "../features/dossier/RegisterHouseholdPage.tsx";
import { ZrmSettingsPage, zrmSettingsPath } from "../features/dossier/ZrmSettingsPage.tsx";
import { HomePage } from "../features/home/HomePage.tsx";
import { ImpactCasePage } from "../features/impactCalculator/ImpactCasePage.tsx";
import { ImpactTeamPage } from "../features/impactCalculator/ImpactTeamPage.tsx";
import { PriceListPage, priceListPath } from "../features/impactCalculator/PriceListPage.tsx";
import { OrganisationsPage } from "../features/organisations/OrganisationsPage.tsx";
import { OutcomesPage } from "../features/outcomes/OutcomesPage.tsx";
import { NetworkPage } from "../features/plans/NetworkPage.tsx";
import { PlanPage } from "../features/plans/PlanPage.tsx";
import { PrintPlanPage } from "../features/plans/PrintPlanPage.tsx";
import { ReciprocityPage } from "../features/plans/ReciprocityPage.tsx";
import { VersionsPage } from "../features/plans/VersionsPage.tsx";
import { WorklistPage } from "../features/plans/WorklistPage.tsx";
import { PortalAccessPage } from "../features/portal/PortalAccessPage.tsx";
import { CasePortalPage, PortalDeskPage, portalDeskPath } from "../features/portal/PortalDeskPage.tsx";
import { PortalOverviewPage, PortalStartPage } from "../features/portal/PortalHomePage.tsx";
import {
  DemoCodesPage,
  demoCodesPath,
  PortalLoginPage,
  portalHomePath,
  portalLoginPath,
} from "../features/portal/PortalLoginPage.tsx";
import { PortalMessagesPage } from "../features/portal/PortalMessagesPage.tsx";
import { PortalPlanPage } from "../features/portal/PortalPlanPage.tsx";
import { PortalSelfAssessmentPage } from "../features/portal/PortalSelfAssessmentPage.tsx";
import { ResidentAccountsPage, residentAccountsPath } from "../features/portal/ResidentAccountsPage.tsx";
import { ConsentPage } from "../features/privacy/ConsentPage.tsx";
import { EmergencyAccessPage } from "../features/privacy/EmergencyAccessPage.tsx";
import { EmergencyReviewsPage, emergencyReviewsPath } from "../features/privacy/EmergencyReviewsPage.tsx";
import { ExportRequestsPage, exportRequestsPath } from "../features/privacy/ExportRequestsPage.tsx";
import { PurposesPage, purposesPath } from "../features/privacy/PurposesPage.tsx";
import { ResidentRightsPage } from "../features/privacy/ResidentRightsPage.tsx";
import { ApiKeysPage } from "../features/signals/ApiKeysPage.tsx";
import { FiguresPage } from "../features/signals/FiguresPage.tsx";
import { NeighbourhoodPage } from "../features/signals/NeighbourhoodPage.tsx";
import { PublicSignalPage, PublicSignalStartPage } from "../features/signals/PublicSignalPage.tsx";
import { PublicStatusPage } from "../features/signals/PublicStatusPage.tsx";
import { publicSignalPath } from "../features/signals/reportForm.ts";
import { SignalDetailPage } from "../features/signals/SignalDetailPage.tsx";
import { SignalSettingsPage } from "../features/signals/SignalSettingsPage.tsx";
import { SignalsPage } from "../features/signals/SignalsPage.tsx";
import { TriagePage } from "../features/signals/TriagePage.tsx";
import { TeamDetailPage } from "../features/teams/TeamDetailPage.tsx";
import { TeamsPage } from "../features/teams/TeamsPage.tsx";
import { UsersPage } from "../features/users/UsersPage.tsx";
import { t, useLanguage } from "../i18n/i18n.ts";
import { AppShell } from "../ui/AppShell.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageTitle } from "../ui/PageTitle.tsx";
import { destinations } from "./navigation.ts";
import { AppLink, matchPath, navigate, usePath } from "./router.tsx";
import { hasAnyPermission, loginPath, loginPathAfterExpiry, useSession } from "./session.tsx";

function permissionsFor(href: string): readonly string[] {
  return destinations.find((item) => item.href === href)?.anyOf ?? [];
}

interface Route {
  pattern: string;
  /** Permissions of which the session needs one; empty means any signed-in user. */
  anyOf: readonly string[];
  render(params: Record<string, string>): ReactNode;
}

const portal = (page: (householdId: string) => ReactNode) => (params: Record<string, string>) =>
  page(params.householdId ?? "");

const routes: Route[] = [
  { pattern: portalHomePath, anyOf: ["portal.use"], render: () => <PortalStartPage /> },
  {
    pattern: "/mijn/:householdId",
    anyOf: ["portal.use"],
    render: portal((h) => <PortalOverviewPage key={h} householdId={h} />),
  },
  {
    pattern: "/mijn/:householdId/plan",
    anyOf: ["portal.use"],
    render: portal((h) => <PortalPlanPage key={h} householdId={h} />),
  },
  {
    pattern: "/mijn/:householdId/inschatting",
    anyOf: ["portal.use"],
    render: portal((h) => <PortalSelfAssessmentPage key={h} householdId={h} />),
  },
  {
    pattern: "/mijn/:householdId/berichten",
    anyOf: ["portal.use"],
    render: portal((h) => <PortalMessagesPage key={h} householdId={h} />),
  },
  {
    pattern: "/mijn/:householdId/inzage",
    anyOf: ["portal.use"],
    render: portal((h) => <PortalAccessPage key={h} householdId={h} />),
  },
  { pattern: portalDeskPath, anyOf: ["case.read"], render: () => <PortalDeskPage /> },
  { pattern: residentAccountsPath, anyOf: ["user.manage"], render: () => <ResidentAccountsPage /> },
  {
    pattern: `${portalDeskPath}/:caseId`,
    anyOf: ["case.read"],
    render: (p) => <CasePortalPage key={p.caseId} caseId={p.caseId ?? ""} />,
  },
  { pattern: "/dossiers", anyOf: permissionsFor("/dossiers"), render: () => <DossiersPage /> },
  { pattern: "/dossiers/nieuw", anyOf: ["household.write"], render: () => <RegisterHouseholdPage /> },
  { pattern: zrmSettingsPath, anyOf: ["zrm.configure"], render: () => <ZrmSettingsPage /> },
  {
    pattern: "/dossiers/:householdId/toestemming",
    anyOf: ["consent.write"],
    render: (p) => <ConsentPage key={p.householdId} householdId={p.householdId ?? ""} />,
  },
  {
    pattern: "/dossiers/:householdId/inzage",
    anyOf: ["resident.export", "resident.correct"],
    render: (p) => <ResidentRightsPage key={p.householdId} householdId={p.householdId ?? ""} />,
  },
  {
    pattern: "/dossiers/:householdId/noodtoegang",
    anyOf: ["emergencyAccess.request"],
    render: (p) => <EmergencyAccessPage key={p.householdId} householdId={p.householdId ?? ""} />,
  },
  { pattern: conferencesPath, anyOf: permissionsFor(conferencesPath), render: () => <ConferencesPage /> },
  {
    pattern: `${conferencesPath}/:id`,
    anyOf: ["conference.read"],
    render: (p) => <ConferencePage key={p.id} conferenceId={p.id ?? ""} />,
  },
  {
    pattern: `${conferencesPath}/:id/verslag`,
    anyOf: ["conference.read"],
    render: (p) => <MinutesPage key={p.id} conferenceId={p.id ?? ""} />,
  },
  {
    pattern: learningNotesPath,
    anyOf: permissionsFor(learningNotesPath),
    render: () => <LearningNotesPage />,
  },
  { pattern: purposesPath, anyOf: permissionsFor(purposesPath), render: () => <PurposesPage /> },
  {
    pattern: emergencyReviewsPath,
    anyOf: permissionsFor(emergencyReviewsPath),
    render: () => <EmergencyReviewsPage />,
  },
  {
    pattern: exportRequestsPath,
    anyOf: permissionsFor(exportRequestsPath),
    render: () => <ExportRequestsPage />,
  },
  {
    pattern: "/dossiers/:id",
    anyOf: ["household.read"],
    render: (params) => <DossierPage key={params.id} householdId={params.id ?? ""} />,
  },
  { pattern: "/signalen", anyOf: permissionsFor("/signalen"), render: () => <SignalsPage /> },
  { pattern: "/signalen/triage", anyOf: permissionsFor("/signalen/triage"), render: () => <TriagePage /> },
  {
    pattern: "/signalen/buurten",
    anyOf: permissionsFor("/signalen/buurten"),
    render: () => <NeighbourhoodPage />,
  },
  { pattern: "/signalen/cijfers", anyOf: permissionsFor("/signalen/cijfers"), render: () => <FiguresPage /> },
  {
    pattern: "/beheer/signalen",
    anyOf: permissionsFor("/beheer/signalen"),
    render: () => <SignalSettingsPage />,
  },
  {
    pattern: "/beheer/api-sleutels",
    anyOf: permissionsFor("/beheer/api-sleutels"),
    render: () => <ApiKeysPage />,
  },
  {
    pattern: "/signalen/:id",
    anyOf: permissionsFor("/signalen/triage"),
    render: (params) => <SignalDetailPage key={params.id} signalId={params.id ?? ""} />,
  },
  { pattern: "/mijn-werk", anyOf: permissionsFor("/mijn-werk"), render: () => <WorklistPage /> },
  {
    pattern: "/casussen/:caseId/plan",
    anyOf: ["plan.read"],
    render: (p) => <PlanPage key={p.caseId} caseId={p.caseId ?? ""} />,
  },
  {
    pattern: "/casussen/:caseId/plan/afdrukken",
    anyOf: ["plan.read"],
    render: (p) => <PrintPlanPage caseId={p.caseId ?? ""} />,
  },
  {
    pattern: "/casussen/:caseId/plan/versies",
    anyOf: ["plan.read"],
    render: (p) => <VersionsPage caseId={p.caseId ?? ""} />,
  },
  {
    pattern: "/dossiers/:householdId/netwerk",
    anyOf: ["plan.read"],
    render: (p) => <NetworkPage householdId={p.householdId ?? ""} />,
  },
  {
    pattern: "/dossiers/:householdId/wederkerigheid",
    anyOf: ["reciprocity.match"],
    render: (p) => <ReciprocityPage householdId={p.householdId ?? ""} />,
  },
  { pattern: "/", anyOf: [], render: () => <HomePage /> },
  { pattern: mfaSetupPath, anyOf: [], render: () => <MfaSetupPage /> },
  { pattern: accountPath, anyOf: [], render: () => <AccountPage /> },
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
  { pattern: directoryPath, anyOf: permissionsFor(directoryPath), render: () => <DirectorySearchPage /> },
  {
    pattern: `${directoryPath}/voorstellen`,
    anyOf: ["directory.suggest", "directory.manage"],
    render: () => <DirectorySuggestionsPage />,
  },
  {
    pattern: `${directoryPath}/te-controleren`,
    anyOf: ["directory.manage"],
    render: () => <DirectoryOverduePage />,
  },
  {
    pattern: `${directoryPath}/importeren`,
    anyOf: ["directory.manage"],
    render: () => <DirectoryImportPage />,
  },
  {
    pattern: `${directoryPath}/nieuw`,
    anyOf: ["directory.manage"],
    render: () => <DirectoryEditPage mode="create" />,
  },
  {
    pattern: `${directoryPath}/voorstel-nieuw`,
    anyOf: ["directory.suggest"],
    render: () => <DirectoryEditPage mode="suggestNew" />,
  },
  { pattern: directoryUsagePath, anyOf: ["directory.viewUsage"], render: () => <DirectoryUsagePage /> },
  {
    pattern: `${directoryPath}/:id/bewerken`,
    anyOf: ["directory.manage"],
    render: (params) => <DirectoryEditPage key={params.id} mode="edit" entryId={params.id ?? ""} />,
  },
  {
    pattern: `${directoryPath}/:id/voorstel`,
    anyOf: ["directory.suggest"],
    render: (params) => <DirectoryEditPage key={params.id} mode="suggestChange" entryId={params.id ?? ""} />,
  },
  {
    pattern: `${directoryPath}/:id`,
    anyOf: permissionsFor(directoryPath),
    render: (params) => <DirectoryEntryPage key={params.id} entryId={params.id ?? ""} />,
  },
  { pattern: "/monitor", anyOf: permissionsFor("/monitor"), render: () => <OutcomesPage /> },
  {
    pattern: "/effectencalculator",
    anyOf: permissionsFor("/effectencalculator"),
    render: () => <ImpactTeamPage />,
  },
  {
    pattern: priceListPath,
    anyOf: ["socialPrice.read", "socialPrice.manage"],
    render: () => <PriceListPage />,
  },
  {
    pattern: "/effectencalculator/:caseId",
    anyOf: ["impactCalculator.use"],
    render: (p) => <ImpactCasePage key={p.caseId} caseId={p.caseId ?? ""} />,
  },
  { pattern: "/wijkanalyse", anyOf: permissionsFor("/wijkanalyse"), render: () => <AreaAnalysisPage /> },
  {
    pattern: "/wijkanalyse/importeren",
    anyOf: permissionsFor("/wijkanalyse/importeren"),
    render: () => <CbsImportPage />,
  },
  { pattern: "/bezetting", anyOf: permissionsFor("/bezetting"), render: () => <StaffingPage /> },
  { pattern: "/wijkbudget", anyOf: permissionsFor("/wijkbudget"), render: () => <BudgetPage /> },
];

type Params = Record<string, string>;

/**
 * Pages anyone may open without signing in (they show no one's personal data): the social map and
 * the form for residents to report a concern. The first matching pattern wins.
 */
const publicRoutes: { pattern: string; render(params: Params): ReactNode }[] = [
  { pattern: publicDirectoryPath, render: () => <PublicDirectoryStartPage /> },
  {
    pattern: `${publicDirectoryPath}/:code`,
    render: (p) => <PublicDirectoryPage key={p.code} municipalityCode={p.code ?? ""} />,
  },
  { pattern: publicSignalPath, render: () => <PublicSignalStartPage /> },
  { pattern: `${publicSignalPath}/status`, render: () => <PublicSignalStartPage next="/status" /> },
  {
    pattern: `${publicSignalPath}/:code`,
    render: (p) => <PublicSignalPage key={p.code} municipalityCode={p.code ?? ""} />,
  },
  {
    pattern: `${publicSignalPath}/:code/status`,
    render: (p) => <PublicStatusPage key={p.code} municipalityCode={p.code ?? ""} />,
  },
];

function findPublicPage(path: string): ReactNode | null {
  for (const route of publicRoutes) {
    const params = matchPath(route.pattern, path);
    if (params) return route.render(params);
  }
  return null;
}

export function App() {
  useLanguage();
  const path = usePath();
  const { state } = useSession();
  // Two-step set-up is also reachable half-way through signing in, before there is a full session.
  // The pages for residents (social map, reporting a concern) need no login.
  const publicPage = findPublicPage(path);
  const isResidentPage = publicPage !== null;
  const isPortalLogin = path === portalLoginPath || path === demoCodesPath;
  const isPublic =
    isResidentPage ||
    isPortalLogin ||
    path === loginPath ||
    path === setPasswordPath ||
    (path === mfaSetupPath && state.status === "anonymous");

  // A resident's start page is the portal.
  const isResident = state.status === "authenticated" && state.session.user.role === "resident";
  useEffect(() => {
    if (state.status === "anonymous" && !isPublic) navigate(loginPathAfterExpiry(), { replace: true });
    if (state.status === "authenticated" && path === loginPath) navigate("/", { replace: true });
    if (isResident && (path === "/" || path === portalLoginPath)) navigate(portalHomePath, { replace: true });
  }, [state.status, isPublic, path, isResident]);

  return <AppShell>{renderPage()}</AppShell>;

  function renderPage() {
    if (state.status === "loading") return <Loading />;
    if (path === loginPath) return <LoginPage />;
    if (path === setPasswordPath) return <SetPasswordPage />;
    if (path === demoCodesPath) return <DemoCodesPage />;
    if (path === portalLoginPath && state.status !== "authenticated") return <PortalLoginPage />;
    if (isResidentPage) return publicPage;
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
