import { Paragraph } from "@utrecht/component-library-react";
import { useId, useState } from "react";
import { t } from "../../i18n/i18n.ts";
import type { Boundaries } from "./areaAnalysis.types.ts";
import "./areaAnalysis.css";

const PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const UNKNOWN = "url(#ww-unknown)";

/** Class boundaries at the quintiles of the known values (fewer classes when there are few values). */
export function classBreaks(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const classes = Math.min(PALETTE.length, new Set(sorted).size);
  return Array.from(
    { length: classes - 1 },
    (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / classes)] ?? 0,
  );
}

interface Props {
  title: string;
  boundaries: Boundaries;
  values: Map<string, number | null>;
  format(value: number): string;
  attribution: string;
}

/**
 * An SVG choropleth: each area is focusable with a name and its value; the legend lists the classes
 * and "onbekend" (hatched) for areas without a CBS figure. The page shows the same data as a table.
 */
export function ChoroplethMap({ title, boundaries, values, format, attribution }: Props) {
  const id = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const known = [...values.values()].filter((v): v is number => v != null);
  const breaks = classBreaks(known);
  const colour = (v: number | null | undefined) => {
    if (v == null) return UNKNOWN;
    const i = breaks.findIndex((b) => v < b);
    return PALETTE[i === -1 ? breaks.length : i] ?? PALETTE[0];
  };
  const describe = (code: string, name: string) => {
    const v = values.get(code);
    return `${name}: ${v == null ? t("area.unknown") : format(v)}`;
  };
  const min = known.length ? Math.min(...known) : 0;
  const max = known.length ? Math.max(...known) : 0;
  const bounds = [min, ...breaks, max];
  const selectedArea = boundaries.areas.find((a) => a.code === selected);
  return (
    <figure aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong>
        <br />
        {t("area.mapHint")}
      </figcaption>
      <svg className="ww-map" viewBox={boundaries.viewBox} width={boundaries.width}>
        <title>{title}</title>
        <defs>
          <pattern
            id="ww-unknown"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#f2f2f2" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" strokeWidth="2" />
          </pattern>
        </defs>
        {boundaries.areas.map((area) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG path cannot be a <button>; it carries the button role and keys
          <path
            key={area.code}
            d={area.path}
            fill={colour(values.get(area.code))}
            tabIndex={0}
            role="button"
            aria-pressed={selected === area.code}
            aria-label={describe(area.code, area.name)}
            onFocus={() => setSelected(area.code)}
            onClick={() => setSelected(area.code)}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") setSelected(area.code);
            }}
          >
            <title>{describe(area.code, area.name)}</title>
          </path>
        ))}
      </svg>
      <div aria-live="polite">
        {selectedArea && (
          <Paragraph>
            {t("area.selected")}: {describe(selectedArea.code, selectedArea.name)}
          </Paragraph>
        )}
      </div>
      <p id={`${id}-legend`}>
        <strong>{t("area.legend")}</strong>
      </p>
      <ul className="ww-legend" aria-labelledby={`${id}-legend`}>
        {bounds.slice(0, -1).map((from, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: legend classes are positional and never reorder
          <li key={i}>
            <span className="ww-swatch" style={{ background: PALETTE[i] }} aria-hidden="true" />
            {format(from)} – {format(bounds[i + 1] ?? from)}
          </li>
        ))}
        <li>
          <svg width="20" height="16" aria-hidden="true" focusable="false">
            <rect width="20" height="16" fill={UNKNOWN} stroke="#333" />
          </svg>
          {t("area.unknown")}
        </li>
      </ul>
      <Paragraph>
        <small>
          {attribution} {boundaries.source}.
        </small>
      </Paragraph>
    </figure>
  );
}
