import {
  Heading2,
  Heading3,
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
import { formatDateTime, formatNumber } from "../../i18n/format.ts";
import { t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { roleLabel } from "../users/UsersPage.tsx";

/** Shape of GET /api/audit-events/refusals. */
interface Refusals {
  days: number;
  thresholds: { perDay: number; distinctTargets: number };
  items: {
    userId: string;
    displayName: string | null;
    role: string | null;
    refusals: number;
    distinctTargets: number;
    busiestDay: number;
    firstAt: string;
    lastAt: string;
    alert: boolean;
  }[];
  recent: {
    id: string;
    occurredAt: string;
    userId: string;
    displayName: string | null;
    role: string | null;
    method: string | null;
    route: string | null;
    status: number | null;
    resourceId: string | null;
    householdId: string | null;
    householdName: string | null;
  }[];
}

/** The part of the application a route belongs to, by the first segment after /api/. */
const AREAS: Record<string, string> = {
  households: "households",
  addresses: "households",
  residents: "residents",
  cases: "cases",
  plans: "plans",
  "plan-figures": "outcomes",
  signals: "signals",
  "signal-settings": "signals",
  "signal-routing-rules": "signals",
  "partner-api-keys": "signals",
  directory: "directory",
  portal: "portal",
  "portal-desk": "portal",
  "portal-settings": "portal",
  "emergency-access": "emergencyAccess",
  conferences: "conferences",
  "conference-decisions": "conferences",
  "conference-candidates": "conferences",
  "area-analysis": "areaAnalysis",
  areas: "areaAnalysis",
  staffing: "areaAnalysis",
  worklist: "worklist",
  users: "users",
  teams: "users",
  organisations: "users",
  "audit-events": "audit",
  privacy: "privacy",
  consents: "privacy",
  "export-requests": "privacy",
  "legal-holds": "privacy",
  retention: "privacy",
  impact: "impact",
  "social-prices": "impact",
  zrm: "zrm",
  reciprocity: "reciprocity",
  "network-members": "network",
  "learning-notes": "learning",
  outcomes: "outcomes",
  "front-office": "frontOffice",
  operations: "operations",
  platform: "operations",
};

/** "Huishoudens en dossiers: bekijken" from GET /api/households/:id; never the route itself. */
export function triedLabel(method: string | null, route: string | null): string {
  const segment = route?.match(/^\/api\/([a-z-]+)/)?.[1] ?? "";
  const area = tOptional(`refusals.area.${AREAS[segment] ?? "other"}`) ?? t("refusals.area.other");
  const verb = tOptional(`refusals.verb.${method ?? ""}`) ?? t("refusals.verb.other");
  return `${area}: ${verb}`;
}

export function statusLabel(status: number | null): string {
  return tOptional(`refusals.status.${status ?? ""}`) ?? t("refusals.status.other");
}

const who = (name: string | null, role: string | null) => (
  <>
    {name ?? "–"}
    {role && <> ({roleLabel(role)})</>}
  </>
);

/** For the administrator: refused attempts per user (with the snooping alert) and one by one. */
export function RefusalsSection() {
  const { data, error } = useResource<Refusals>("/api/audit-events/refusals");
  return (
    <section aria-labelledby="audit-refusals">
      <Heading2 id="audit-refusals">{t("refusals.title")}</Heading2>
      <ErrorMessage message={error} />
      {!data ? (
        !error && <Loading />
      ) : data.recent.length === 0 ? (
        <Paragraph>{t("refusals.empty", { days: data.days })}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("refusals.intro", { days: data.days })}</Paragraph>
          <Heading3>{t("refusals.perUser")}</Heading3>
          <div className="ww-table-scroll">
            <Table>
              <TableCaption>{t("refusals.perUser")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("audit.who")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.count")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.targets")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.busiestDay")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.last")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.alert")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((u) => (
                  <TableRow key={u.userId}>
                    <TableHeaderCell scope="row">{who(u.displayName, u.role)}</TableHeaderCell>
                    <TableCell>{formatNumber(u.refusals)}</TableCell>
                    <TableCell>{formatNumber(u.distinctTargets)}</TableCell>
                    <TableCell>{formatNumber(u.busiestDay)}</TableCell>
                    <TableCell>
                      <time dateTime={u.lastAt}>{formatDateTime(u.lastAt)}</time>
                    </TableCell>
                    <TableCell>
                      {u.alert ? (
                        <strong>
                          {t("refusals.alertYes", {
                            perDay: data.thresholds.perDay,
                            targets: data.thresholds.distinctTargets,
                          })}
                        </strong>
                      ) : (
                        t("refusals.alertNo")
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Heading3>{t("refusals.recent")}</Heading3>
          <div className="ww-table-scroll">
            <Table>
              <TableCaption>{t("refusals.recent")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("audit.when")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("audit.who")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.tried")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.target")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("refusals.answer")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.recent.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <time dateTime={r.occurredAt}>{formatDateTime(r.occurredAt)}</time>
                    </TableCell>
                    <TableCell>{who(r.displayName, r.role)}</TableCell>
                    <TableCell>{triedLabel(r.method, r.route)}</TableCell>
                    <TableCell>
                      {r.householdId
                        ? `${t("audit.household")}: ${
                            r.householdName ?? t("audit.householdHidden", { id: r.householdId.slice(0, 8) })
                          }`
                        : r.resourceId
                          ? t("refusals.record", { id: r.resourceId.slice(0, 8) })
                          : "–"}
                    </TableCell>
                    <TableCell>{statusLabel(r.status)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
