import { Paragraph } from "@utrecht/component-library-react";
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from "react";
import { t, useLanguage } from "../i18n/i18n.ts";
import { AppShell } from "../ui/AppShell.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageTitle } from "../ui/PageTitle.tsx";
import { destinations, landingPath } from "./navigation.ts";
import {
  accountPath,
  conferencesPath,
  demoCodesPath,
  directoryPath,
  directoryUsagePath,
  emergencyReviewsPath,
  exportRequestsPath,
  frontOfficePath,
  learningNotesPath,
  mfaSetupPath,
  portalDeskPath,
  portalHomePath,
  portalLoginPath,
  priceListPath,
  publicDirectoryPath,
  publicSignalPath,
  purposesPath,
  residentAccountsPath,
  reviewsPath,
  setPasswordPath,
  zrmSettingsPath,
} from "./paths.ts";
import { AppLink, matchPath, navigate, usePath } from "./router.tsx";
import { hasAnyPermission, loginPath, loginPathAfterExpiry, useSession } from "./session.tsx";

/**
 * Every page is its own chunk, loaded when its route is first opened: the login page and the public forms
 * do not carry the dossier's code.
 */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({
    default: (await load())[name] as unknown as ComponentType<object>,
  })) as unknown as M[K];
}

const AreaAnalysisPage = page(
  () => import("../features/areaAnalysis/AreaAnalysisPage.tsx"),
  "AreaAnalysisPage",
);
const BudgetPage = page(() => import("../features/areaAnalysis/BudgetPage.tsx"), "BudgetPage");
const CbsImportPage = page(() => import("../features/areaAnalysis/CbsImportPage.tsx"), "CbsImportPage");
const StaffingPage = page(() => import("../features/areaAnalysis/StaffingPage.tsx"), "StaffingPage");
const AuditPage = page(() => import("../features/audit/AuditPage.tsx"), "AuditPage");
const LoginPage = page(() => import("../features/auth/LoginPage.tsx"), "LoginPage");
const AccountPage = page(() => import("../features/auth/AccountPage.tsx"), "AccountPage");
const SetPasswordPage = page(() => import("../features/auth/SetPasswordPage.tsx"), "SetPasswordPage");
const MfaSetupPage = page(() => import("../features/auth/MfaSetupPage.tsx"), "MfaSetupPage");
const ConferencePage = page(() => import("../features/conferences/ConferencePage.tsx"), "ConferencePage");
const ConferencesPage = page(() => import("../features/conferences/ConferencesPage.tsx"), "ConferencesPage");
const LearningNotesPage = page(
  () => import("../features/conferences/LearningNotesPage.tsx"),
  "LearningNotesPage",
);
const MinutesPage = page(() => import("../features/conferences/MinutesPage.tsx"), "MinutesPage");
const DirectoryEditPage = page(
  () => import("../features/directory/DirectoryEditPage.tsx"),
  "DirectoryEditPage",
);
const DirectoryEntryPage = page(
  () => import("../features/directory/DirectoryEntryPage.tsx"),
  "DirectoryEntryPage",
);
const DirectoryImportPage = page(
  () => import("../features/directory/DirectoryImportPage.tsx"),
  "DirectoryImportPage",
);
const DirectoryOverduePage = page(
  () => import("../features/directory/DirectorySearchPage.tsx"),
  "DirectoryOverduePage",
);
const DirectorySearchPage = page(
  () => import("../features/directory/DirectorySearchPage.tsx"),
  "DirectorySearchPage",
);
const DirectorySuggestionsPage = page(
  () => import("../features/directory/DirectorySuggestionsPage.tsx"),
  "DirectorySuggestionsPage",
);
const DirectoryUsagePage = page(
  () => import("../features/directory/DirectoryUsagePage.tsx"),
  "DirectoryUsagePage",
);
const PublicDirectoryPage = page(
  () => import("../features/directory/PublicDirectoryPage.tsx"),
  "PublicDirectoryPage",
);
const PublicDirectoryStartPage = page(
  () => import("../features/directory/PublicDirectoryPage.tsx"),
  "PublicDirectoryStartPage",
);
const DossierPage = page(() => import("../features/dossier/DossierPage.tsx"), "DossierPage");
const DossiersPage = page(() => import("../features/dossier/DossiersPage.tsx"), "DossiersPage");
const RegisterHouseholdPage = page(
  () => import("../features/dossier/RegisterHouseholdPage.tsx"),
  "RegisterHouseholdPage",
);
const ZrmSettingsPage = page(() => import("../features/dossier/ZrmSettingsPage.tsx"), "ZrmSettingsPage");
const FrontOfficePage = page(() => import("../features/frontOffice/FrontOfficePage.tsx"), "FrontOfficePage");
const FrontOfficeRequestPage = page(
  () => import("../features/frontOffice/FrontOfficeRequestPage.tsx"),
  "FrontOfficeRequestPage",
);
const ReviewsPage = page(() => import("../features/reviews/ReviewsPage.tsx"), "ReviewsPage");
const HomePage = page(() => import("../features/home/HomePage.tsx"), "HomePage");
const ImpactCasePage = page(
  () => import("../features/impactCalculator/ImpactCasePage.tsx"),
  "ImpactCasePage",
);
const ImpactTeamPage = page(
  () => import("../features/impactCalculator/ImpactTeamPage.tsx"),
  "ImpactTeamPage",
);
const PriceListPage = page(() => import("../features/impactCalculator/PriceListPage.tsx"), "PriceListPage");
const OrganisationsPage = page(
  () => import("../features/organisations/OrganisationsPage.tsx"),
  "OrganisationsPage",
);
const OutcomesPage = page(() => import("../features/outcomes/OutcomesPage.tsx"), "OutcomesPage");
const NetworkPage = page(() => import("../features/plans/NetworkPage.tsx"), "NetworkPage");
const PlanPage = page(() => import("../features/plans/PlanPage.tsx"), "PlanPage");
const PrintPlanPage = page(() => import("../features/plans/PrintPlanPage.tsx"), "PrintPlanPage");
const ReciprocityPage = page(() => import("../features/plans/ReciprocityPage.tsx"), "ReciprocityPage");
const VersionsPage = page(() => import("../features/plans/VersionsPage.tsx"), "VersionsPage");
const WorklistPage = page(() => import("../features/plans/WorklistPage.tsx"), "WorklistPage");
const PortalAccessPage = page(() => import("../features/portal/PortalAccessPage.tsx"), "PortalAccessPage");
const CasePortalPage = page(() => import("../features/portal/PortalDeskPage.tsx"), "CasePortalPage");
const PortalDeskPage = page(() => import("../features/portal/PortalDeskPage.tsx"), "PortalDeskPage");
const PortalOverviewPage = page(() => import("../features/portal/PortalHomePage.tsx"), "PortalOverviewPage");
const PortalStartPage = page(() => import("../features/portal/PortalHomePage.tsx"), "PortalStartPage");
const DemoCodesPage = page(() => import("../features/portal/PortalLoginPage.tsx"), "DemoCodesPage");
const PortalLoginPage = page(() => import("../features/portal/PortalLoginPage.tsx"), "PortalLoginPage");
const PortalMessagesPage = page(
  () => import("../features/portal/PortalMessagesPage.tsx"),
  "PortalMessagesPage",
);
const PortalDocumentsPage = page(
  () => import("../features/portal/PortalDocumentsPage.tsx"),
  "PortalDocumentsPage",
);
const PortalPlanPage = page(() => import("../features/portal/PortalPlanPage.tsx"), "PortalPlanPage");
const PortalSelfAssessmentPage = page(
  () => import("../features/portal/PortalSelfAssessmentPage.tsx"),
  "PortalSelfAssessmentPage",
);
const ResidentAccountsPage = page(
  () => import("../features/portal/ResidentAccountsPage.tsx"),
  "ResidentAccountsPage",
);
const ConsentPage = page(() => import("../features/privacy/ConsentPage.tsx"), "ConsentPage");
const EmergencyAccessPage = page(
  () => import("../features/privacy/EmergencyAccessPage.tsx"),
  "EmergencyAccessPage",
);
const EmergencyReviewsPage = page(
  () => import("../features/privacy/EmergencyReviewsPage.tsx"),
  "EmergencyReviewsPage",
);
const ExportRequestsPage = page(
  () => import("../features/privacy/ExportRequestsPage.tsx"),
  "ExportRequestsPage",
);
const PurposesPage = page(() => import("../features/privacy/PurposesPage.tsx"), "PurposesPage");
const ResidentRightsPage = page(
  () => import("../features/privacy/ResidentRightsPage.tsx"),
  "ResidentRightsPage",
);
const ApiKeysPage = page(() => import("../features/signals/ApiKeysPage.tsx"), "ApiKeysPage");
const FiguresPage = page(() => import("../features/signals/FiguresPage.tsx"), "FiguresPage");
const NeighbourhoodPage = page(
  () => import("../features/signals/NeighbourhoodPage.tsx"),
  "NeighbourhoodPage",
);
const PublicSignalPage = page(() => import("../features/signals/PublicSignalPage.tsx"), "PublicSignalPage");
const PublicSignalStartPage = page(
  () => import("../features/signals/PublicSignalPage.tsx"),
  "PublicSignalStartPage",
);
const PublicStatusPage = page(() => import("../features/signals/PublicStatusPage.tsx"), "PublicStatusPage");
const SignalDetailPage = page(() => import("../features/signals/SignalDetailPage.tsx"), "SignalDetailPage");
const SignalSettingsPage = page(
  () => import("../features/signals/SignalSettingsPage.tsx"),
  "SignalSettingsPage",
);
const SignalsPage = page(() => import("../features/signals/SignalsPage.tsx"), "SignalsPage");
const TriagePage = page(() => import("../features/signals/TriagePage.tsx"), "TriagePage");
const TeamDetailPage = page(() => import("../features/teams/TeamDetailPage.tsx"), "TeamDetailPage");
const TeamsPage = page(() => import("../features/teams/TeamsPage.tsx"), "TeamsPage");
const UsersPage = page(() => import("../features/users/UsersPage.tsx"), "UsersPage");
const OperationsPage = page(() => import("../features/operations/OperationsPage.tsx"), "OperationsPage");

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
    pattern: "/mijn/:householdId/documenten",
    anyOf: ["portal.use"],
    render: portal((h) => <PortalDocumentsPage key={h} householdId={h} />),
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
    render: (params) => <DossierPage key={params.id} householdId={params.id ?? ""} section="overview" />,
  },
  { pattern: frontOfficePath, anyOf: ["case.route"], render: () => <FrontOfficePage /> },
  {
    pattern: `${frontOfficePath}/:householdId`,
    anyOf: ["case.route"],
    render: (p) => <FrontOfficeRequestPage key={p.householdId} householdId={p.householdId ?? ""} />,
  },
  { pattern: reviewsPath, anyOf: ["emergencyAccess.review"], render: () => <ReviewsPage /> },
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
  { pattern: "/beheer/werking", anyOf: permissionsFor("/beheer/werking"), render: () => <OperationsPage /> },
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
  // Last: the dossier's own sections, after every other page that lives under /dossiers/:id/…
  {
    pattern: "/dossiers/:id/:section",
    anyOf: ["household.read"],
    render: (params) => (
      <DossierPage key={params.id} householdId={params.id ?? ""} section={params.section ?? "overview"} />
    ),
  },
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
    if (state.status === "authenticated" && path === loginPath)
      navigate(landingPath(state.session), { replace: true });
    if (isResident && (path === "/" || path === portalLoginPath)) navigate(portalHomePath, { replace: true });
  }, [state, isPublic, path, isResident]);

  return (
    <AppShell>
      <Suspense fallback={<Loading />}>{renderPage()}</Suspense>
    </AppShell>
  );

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
