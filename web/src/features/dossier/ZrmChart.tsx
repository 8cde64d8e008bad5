import {
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
import { levelText, t } from "./labels.ts";
import { type Assessment, formatDate } from "./types.ts";

const COLORS = [
  "#01689b",
  "#ca005d",
  "#39870c",
  "#e17000",
  "#42145f",
  "#a90061",
  "#007bc7",
  "#673327",
  "#275937",
  "#8f0000",
  "#154273",
  "#6b6b6b",
  "#b35300",
];

/**
 * ZRM history: one line per life domain, levels 1–5 over time, drawn as inline SVG. The image has a
 * text alternative and the same numbers follow in a table, so nothing depends on seeing the chart.
 */
export function ZrmHistory({
  residentName,
  assessments,
  domains,
}: {
  residentName: string;
  assessments: Assessment[];
  domains: { key: string; name: string }[];
}) {
  if (assessments.length === 0) return null;
  const width = 640;
  const height = 240;
  const pad = { left: 40, right: 16, top: 16, bottom: 36 };
  const x = (i: number) =>
    pad.left +
    (assessments.length === 1 ? 0 : (i * (width - pad.left - pad.right)) / (assessments.length - 1));
  const y = (level: number) => pad.top + ((5 - level) * (height - pad.top - pad.bottom)) / 4;
  const used = domains.filter((dom) => assessments.some((a) => a.scores.some((s) => s.domain === dom.key)));
  return (
    <section aria-labelledby="zrm-history">
      <Heading3 id="zrm-history">{t("dossier.zrmHistory")}</Heading3>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t("dossier.zrmChartLabel", { name: residentName })}
        className="ww-chart"
        data-testid="zrm-chart"
      >
        {[1, 2, 3, 4, 5].map((level) => (
          <g key={level}>
            <line x1={pad.left} x2={width - pad.right} y1={y(level)} y2={y(level)} stroke="#ccc" />
            <text x={pad.left - 8} y={y(level) + 4} textAnchor="end" fontSize="12" fill="#333">
              {level}
            </text>
          </g>
        ))}
        <rect
          x={pad.left}
          y={y(1) - 6}
          width={width - pad.left - pad.right}
          height={12}
          fill="#d52b1e"
          opacity="0.12"
        />
        {assessments.map((a, i) => (
          <text key={a.id} x={x(i)} y={height - 12} textAnchor="middle" fontSize="12" fill="#333">
            {a.assessedOn}
          </text>
        ))}
        {used.map((dom, di) => {
          const points = assessments
            .map((a, i) => ({ i, s: a.scores.find((s) => s.domain === dom.key) }))
            .filter((p): p is { i: number; s: NonNullable<typeof p.s> } => p.s !== undefined);
          const color = COLORS[di % COLORS.length];
          return (
            <g key={dom.key} data-domain={dom.key}>
              <polyline
                fill="none"
                stroke={color}
                strokeWidth="2"
                points={points.map((p) => `${x(p.i)},${y(p.s.level)}`).join(" ")}
              />
              {points.map((p) => (
                <circle key={p.i} cx={x(p.i)} cy={y(p.s.level)} r={4} fill={color} />
              ))}
            </g>
          );
        })}
      </svg>
      <Paragraph>
        {used.map((dom, di) => (
          <span key={dom.key} className="ww-legend">
            <span aria-hidden="true" style={{ color: COLORS[di % COLORS.length] }}>
              ●
            </span>{" "}
            {dom.name}
          </span>
        ))}
      </Paragraph>
      <Table>
        <TableCaption>{t("dossier.zrmHistoryCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("dossier.domain")}</TableHeaderCell>
            {assessments.map((a) => (
              <TableHeaderCell scope="col" key={a.id}>
                {formatDate(a.assessedOn)}
                {a.kind === "final" ? ` (${t("dossier.finalZrm")})` : ""}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {used.map((dom) => (
            <TableRow key={dom.key}>
              <TableHeaderCell scope="row">{dom.name}</TableHeaderCell>
              {assessments.map((a) => {
                const s = a.scores.find((x) => x.domain === dom.key);
                return (
                  <TableCell key={a.id}>
                    {s ? levelText(s.level) : t("dossier.notScored")}
                    {s?.residentLevel
                      ? ` (${t("dossier.residentLevel").toLowerCase()}: ${s.residentLevel})`
                      : ""}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
