import { t } from "../../i18n/i18n.ts";
import { euro, type ImpactCase, STAKEHOLDERS } from "./impact.types.ts";

const monthTotal = (m: Record<string, number> | undefined) =>
  m ? STAKEHOLDERS.reduce((s, k) => s + (m[k] ?? 0), 0) : 0;

/** Both scenarios on one month scale: bars per month (decorative; the tables below hold every amount) and event marks. */
export function ImpactTimeline({ data }: { data: ImpactCase }) {
  // The scale covers the horizon and every event, also one after the horizon.
  const months = Math.max(data.result.horizonMonths, ...data.events.map((e) => e.monthOffset + 1));
  const left = 84;
  const step = Math.max(14, Math.floor(680 / months));
  const width = left + step * months + 10;
  const chart = 140;
  const highest = Math.max(
    1,
    ...Array.from({ length: months }, (_, i) =>
      Math.max(monthTotal(data.result.actual.months[i]), monthTotal(data.result.counterfactual.months[i])),
    ),
  );
  // A round top for the money axis: 1, 2 or 5 times a power of ten (in euros).
  const euros = highest / 100;
  const power = 10 ** Math.floor(Math.log10(Math.max(1, euros)));
  const top = ([1, 2, 5, 10].map((f) => f * power).find((v) => v >= euros) ?? 10 * power) * 100;
  const max = top;
  const h = (cents: number) => ((chart - 10) * cents) / max;
  const ticks = [0, max / 2, max];
  const labelEvery = months > 24 ? 6 : months > 12 ? 3 : 1;
  const eventMonths = new Map<number, number>();
  for (const e of data.events) eventMonths.set(e.monthOffset, (eventMonths.get(e.monthOffset) ?? 0) + 1);
  return (
    <figure className="ww-timeline">
      <figcaption>
        <strong>{t("impact.timeline")}</strong> —{" "}
        <svg width="12" height="12" aria-hidden="true" focusable="false">
          <rect className="ww-bar-actual" width="12" height="12" />
        </svg>{" "}
        {t("impact.actual")}{" "}
        <svg width="12" height="12" aria-hidden="true" focusable="false">
          <rect className="ww-bar-counterfactual" width="12" height="12" />
        </svg>{" "}
        {t("impact.counterfactual")}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${chart + 52}`}
        width="100%"
        style={{ maxWidth: width }}
        aria-hidden="true"
        focusable="false"
      >
        {Array.from({ length: months }, (_, i) => {
          const x = left + i * step;
          const a = monthTotal(data.result.actual.months[i]);
          const c = monthTotal(data.result.counterfactual.months[i]);
          const half = (step - 4) / 2;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: months are positions on a fixed scale
            <g key={i}>
              <rect className="ww-bar-actual" x={x} y={chart - h(a)} width={half} height={h(a)} />
              <rect
                className="ww-bar-counterfactual"
                x={x + half}
                y={chart - h(c)}
                width={half}
                height={h(c)}
              />
              {i % labelEvery === 0 && (
                <text x={x} y={chart + 16} fontSize="12">
                  {i}
                </text>
              )}
              {eventMonths.has(i) && (
                <circle
                  cx={x + half}
                  cy={chart + 28}
                  r={Math.min(6, 2 + (eventMonths.get(i) ?? 0))}
                  fill="#154273"
                />
              )}
            </g>
          );
        })}
        <line x1={left} x2={width} y1={chart} y2={chart} stroke="#333" />
        <line x1={left} x2={left} y1={chart} y2={10} stroke="#333" />
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left - 4} x2={width} y1={chart - h(tick)} y2={chart - h(tick)} stroke="#ddd" />
            <text x={left - 6} y={chart - h(tick) + 4} fontSize="12" textAnchor="end">
              {euro(tick)}
            </text>
          </g>
        ))}
        <text x={left} y={chart + 44} fontSize="12">
          {t("impact.axisMonths")}
        </text>
      </svg>
    </figure>
  );
}
