import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useId } from "react";

export interface Bar {
  key: string;
  label: string;
  /** null: withheld for policy staff (1 to 4, or a figure that would give such a count away). */
  count: number | null;
}

/** A count as shown: a withheld one reads "< 5". */
export const shownCount = (count: number | null) => (count === null ? "< 5" : String(count));

const LABEL_WIDTH = 220;
const BAR_AREA = 360;
const ROW = 28;

/**
 * A horizontal bar chart in inline SVG, followed by the same figures as a table. The SVG is one
 * image with a text summary; the table is what screen readers and printouts rely on.
 */
export function BarChart({
  title,
  bars,
  labelHeader,
  countHeader,
  summary,
}: {
  title: string;
  bars: readonly Bar[];
  labelHeader: string;
  countHeader: string;
  summary: string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0));
  const height = bars.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_AREA + 60;
  return (
    <figure className="ww-chart">
      {bars.length > 0 && (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="ww-chart__svg"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {bars.map((bar, index) => {
            const y = index * ROW + 4;
            const w = bar.count === null ? 0 : Math.max(2, Math.round((bar.count / max) * BAR_AREA));
            return (
              <g key={bar.key}>
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 5} textAnchor="end" fontSize="14" fill="#1a1a1a">
                  {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
                </text>
                <rect x={LABEL_WIDTH} y={y + 3} width={w} height={ROW - 8} fill="#24578f" />
                <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2 + 5} fontSize="14" fill="#1a1a1a">
                  {shownCount(bar.count)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <Table>
        <TableCaption>{title}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{labelHeader}</TableHeaderCell>
            <TableHeaderCell scope="col">{countHeader}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {bars.map((bar) => (
            <TableRow key={bar.key}>
              <TableHeaderCell scope="row">{bar.label}</TableHeaderCell>
              <TableCell>{shownCount(bar.count)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
