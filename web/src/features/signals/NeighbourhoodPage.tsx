import {
  Button,
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
import { useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { shownCount } from "./BarChart.tsx";
import { type Cluster, InitiativeForm } from "./InitiativeForm.tsx";
import { label } from "./signalLabels.ts";

interface View {
  minimum: number;
  clusters: Cluster[];
  /** Counts are null when withheld for policy staff (small numbers). */
  totals: { neighbourhoodCode: string; neighbourhoodName: string; count: number | null }[];
  initiatives: {
    id: string;
    title: string;
    neighbourhoodName: string;
    category: string;
    signalCount: number | null;
  }[];
}
interface Shapes {
  buurten: { code: string; name: string; rings: number[][][] }[];
}

const WIDTH = 640;

/** Equirectangular projection, corrected for latitude: good enough for one municipality. */
function project(shapes: Shapes["buurten"]) {
  const points = shapes.flatMap((s) => s.rings.flat());
  const lons = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLon - minLon) * k || 1);
  const height = Math.ceil((maxLat - minLat) * scale) || 1;
  const toPath = (ring: number[][]) =>
    `${ring.map((p, i) => `${i === 0 ? "M" : "L"}${(((p[0] ?? 0) - minLon) * k * scale).toFixed(1)},${((maxLat - (p[1] ?? 0)) * scale).toFixed(1)}`).join("")}Z`;
  return { height, toPath };
}

/** Clusters of signals per buurt and topic: an SVG map on the real buurt boundaries, and the same as a table. */
export function NeighbourhoodPage() {
  const view = useResource<View>("/api/signals/neighbourhood");
  const shapes = useResource<Shapes>("/api/signals/map");
  const session = useAuthenticatedSession();
  // Starting an initiative is triage work for one's own team; policy officers only look.
  const mayStart = hasAnyPermission(session, ["signal.triage"]) && session.teams.length > 0;
  const [chosen, setChosen] = useState<Cluster | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  return (
    <>
      <PageTitle>{t("neighbourhood.title")}</PageTitle>
      <Paragraph>{t("neighbourhood.intro")}</Paragraph>
      <ErrorMessage message={view.error ?? shapes.error} />
      {!view.data || !shapes.data ? (
        !(view.error || shapes.error) && <Loading />
      ) : (
        <>
          <SignalMap view={view.data} shapes={shapes.data} />
          <Paragraph>{t("neighbourhood.source")}</Paragraph>
          <Heading2>{t("neighbourhood.clusters")}</Heading2>
          {view.data.clusters.length === 0 ? (
            <Paragraph>{t("neighbourhood.none")}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t("neighbourhood.clusterCaption", { minimum: view.data.minimum })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("signals.neighbourhood")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("signals.category")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("neighbourhood.count")}</TableHeaderCell>
                  {mayStart && <TableHeaderCell scope="col">{t("signalSettings.actions")}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.data.clusters.map((c) => (
                  <TableRow key={`${c.neighbourhoodCode}-${c.category}`}>
                    <TableCell>{c.neighbourhoodName}</TableCell>
                    <TableCell>{label("category", c.category)}</TableCell>
                    <TableCell>
                      {t("neighbourhood.cluster", {
                        count: c.count,
                        category: label("category", c.category).toLowerCase(),
                        buurt: c.neighbourhoodName,
                      })}
                    </TableCell>
                    {mayStart && (
                      <TableCell>
                        <Button
                          appearance="secondary-action-button"
                          onClick={() => {
                            setStarted(null);
                            setChosen(c);
                          }}
                        >
                          {t("initiative.startShort")}
                          <span className="ww-visually-hidden">
                            {" "}
                            {t("initiative.startFor", {
                              category: label("category", c.category).toLowerCase(),
                              buurt: c.neighbourhoodName,
                            })}
                          </span>
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <SuccessMessage message={started} />
          {chosen && (
            <InitiativeForm
              key={`${chosen.neighbourhoodCode}-${chosen.category}`}
              cluster={chosen}
              onCancel={() => setChosen(null)}
              onStarted={async (title) => {
                setChosen(null);
                setStarted(t("initiative.started", { title }));
                await view.reload();
              }}
            />
          )}
          {view.data.initiatives.length > 0 && (
            <>
              <Heading2>{t("neighbourhood.initiatives")}</Heading2>
              <ul>
                {view.data.initiatives.map((i) => (
                  <li key={i.id}>
                    {i.title} — {i.neighbourhoodName}, {label("category", i.category)} (
                    {shownCount(i.signalCount)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

function SignalMap({ view, shapes }: { view: View; shapes: Shapes }) {
  const { height, toPath } = project(shapes.buurten);
  const counts = new Map(view.totals.map((x) => [x.neighbourhoodCode, x.count]));
  const max = Math.max(1, ...[...counts.values()].map((n) => n ?? 0));
  return (
    <figure className="ww-map">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="map-title" width="100%">
        <title id="map-title">{t("neighbourhood.mapLabel")}</title>
        {shapes.buurten.map((b) => {
          // A withheld count (1 to 4) is tinted as the lightest shade with signals.
          const n = counts.has(b.code) ? (counts.get(b.code) ?? null) : 0;
          const tint =
            n === 0 ? "#f3f3f3" : `rgba(200, 16, 46, ${(0.2 + (0.8 * (n ?? 0)) / max).toFixed(2)})`;
          return (
            <path key={b.code} d={b.rings.map(toPath).join("")} fill={tint} stroke="#555" strokeWidth={0.6}>
              <title>{t("neighbourhood.signalsOnMap", { buurt: b.name, count: shownCount(n) })}</title>
            </path>
          );
        })}
      </svg>
    </figure>
  );
}
