import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { t } from "../../i18n/i18n.ts";
import { ScrollRegion } from "../areaAnalysis/ScrollRegion.tsx";
import { type DomainChange, label } from "./outcomes.types.ts";

const DELTAS = [-4, -3, -2, -1, 0, 1, 2, 3, 4];
const deltaLabel = (d: number) => (d > 0 ? `+${d}` : String(d));
const shown = (value: number | null, suppressed: boolean) =>
  suppressed ? t("outcomes.hiddenValue") : String(value ?? 0);
const mean = (m: number | null) =>
  m === null
    ? t("outcomes.hiddenValue")
    : (m > 0 ? "+" : "") + m.toLocaleString("nl-NL", { maximumFractionDigits: 2 });

/**
 * How far residents moved on the ZRM per life domain: bars per change in levels (decorative, hidden from
 * assistive technology) and the table that holds every number and the mean.
 */
export function ChangeSizeFigure({ domains }: { domains: DomainChange[] }) {
  const title = t("outcomes.changeSize.title");
  const max = Math.max(1, ...domains.flatMap((d) => d.cells.map((c) => c.value ?? 0)));
  const labelWidth = 200;
  const barArea = 360;
  const column = barArea / DELTAS.length;
  const rowHeight = 30;
  return (
    <section aria-label={title}>
      <h2 className="utrecht-heading-2">{title}</h2>
      <Paragraph>{t("outcomes.changeSize.intro")}</Paragraph>
      {domains.length === 0 ? (
        <Paragraph>{t("outcomes.noData")}</Paragraph>
      ) : (
        <>
          <figure className="ww-outcome-figure">
            <figcaption>
              <span className="ww-legend">
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <rect className="ww-series-1" width="12" height="12" />
                </svg>{" "}
                {t("outcomes.changeSize.lower")}
              </span>
              <span className="ww-legend">
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <rect className="ww-series-4" width="12" height="12" />
                </svg>{" "}
                {t("outcomes.changeSize.same")}
              </span>
              <span className="ww-legend">
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <rect className="ww-series-0" width="12" height="12" />
                </svg>{" "}
                {t("outcomes.changeSize.higher")}
              </span>
            </figcaption>
            <svg
              viewBox={`0 0 ${labelWidth + barArea} ${rowHeight * domains.length + 16}`}
              width={labelWidth + barArea}
              aria-hidden="true"
              focusable="false"
            >
              {DELTAS.map((d, i) => (
                <text
                  key={d}
                  x={labelWidth + i * column + column / 2}
                  y="12"
                  fontSize="11"
                  textAnchor="middle"
                >
                  {deltaLabel(d)}
                </text>
              ))}
              {domains.map((domain, r) => (
                <g key={domain.domain} transform={`translate(0 ${16 + r * rowHeight})`}>
                  <text x="0" y="18" fontSize="12">
                    {label("domain", domain.domain).slice(0, 28)}
                  </text>
                  {domain.cells.map((c, i) => {
                    const h = c.suppressed ? 0 : ((rowHeight - 6) * (c.value ?? 0)) / max;
                    const series = c.delta < 0 ? 1 : c.delta === 0 ? 4 : 0;
                    return (
                      <rect
                        key={c.delta}
                        className={`ww-series-${series}`}
                        x={labelWidth + i * column + 4}
                        y={rowHeight - 4 - h}
                        width={column - 8}
                        height={h}
                      />
                    );
                  })}
                </g>
              ))}
            </svg>
          </figure>
          <ScrollRegion label={title}>
            <Table>
              <TableCaption>{title}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("outcomes.domain")}</TableHeaderCell>
                  {DELTAS.map((d) => (
                    <TableHeaderCell key={d} scope="col">
                      {deltaLabel(d)}
                    </TableHeaderCell>
                  ))}
                  <TableHeaderCell scope="col">{t("outcomes.changeSize.residents")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("outcomes.changeSize.mean")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {domains.map((domain) => (
                  <TableRow key={domain.domain}>
                    <TableHeaderCell scope="row">{label("domain", domain.domain)}</TableHeaderCell>
                    {domain.cells.map((c) => (
                      <TableCell key={c.delta}>{shown(c.value, c.suppressed)}</TableCell>
                    ))}
                    <TableCell>{shown(domain.residents, domain.residents === null)}</TableCell>
                    <TableCell>{mean(domain.mean)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
