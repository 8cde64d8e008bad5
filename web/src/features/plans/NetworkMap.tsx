import { t } from "../../i18n/i18n.ts";
import { label } from "./labels.ts";
import type { Network } from "./types.ts";

const SIZE = 420;
const C = SIZE / 2;
const RADIUS = [0, 70, 130, 190];

/**
 * The ecogram: the resident in the centre, rings by closeness. Every person is a focusable node with an
 * accessible name (relation, contact, support given, strain, reluctance); the table below is the alternative.
 */
export function NetworkMap({ network }: { network: Network }) {
  const byRing = [1, 2, 3].map((ring) => network.members.filter((m) => m.closeness === ring));
  const centre = network.residents.map((r) => r.name).join(", ");
  return (
    <figure className="ww-network-map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing is grouped with role="group", a fieldset cannot live here */}
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width="100%"
        style={{ maxWidth: SIZE }}
        role="group"
        aria-label={t("network.map")}
      >
        {[1, 2, 3].map((ring) => (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG shapes are not focusable; the ring is decoration
          <circle
            key={ring}
            cx={C}
            cy={C}
            r={RADIUS[ring]}
            fill="none"
            stroke="#8a8a8a"
            strokeDasharray="4 4"
            aria-hidden="true"
          />
        ))}
        {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; role img names the resident */}
        <g role="img" aria-label={centre}>
          <circle cx={C} cy={C} r={30} fill="#154273" />
          <text x={C} y={C + 4} textAnchor="middle" fill="#fff" fontSize="11">
            {centre.split(" ")[0]}
          </text>
        </g>
        {byRing.flatMap((members, i) =>
          members.map((m, j) => {
            const angle = (2 * Math.PI * j) / members.length + i * 0.5;
            const x = C + (RADIUS[i + 1] ?? 0) * Math.cos(angle);
            const y = C + (RADIUS[i + 1] ?? 0) * Math.sin(angle);
            const extra = [
              m.actions.length > 0 ? `, ${t("network.supportGiven")}` : "",
              m.overburdened ? `, ${t("network.overburdened").toLowerCase()}` : "",
              m.reluctance.length > 0
                ? `, ${t("network.reluctance").toLowerCase()}: ${m.reluctance.map((r) => label("reluctance", r)).join(", ")}`
                : "",
            ].join("");
            const name = t("network.nodeLabel", {
              name: m.name,
              relation: label("relation", m.relation),
              frequency: label("frequency", m.contactFrequency),
              extra,
            });
            return (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: each person is one focusable, named image, so keyboard users can walk the map
              <g
                key={m.id}
                tabIndex={0}
                role="img"
                aria-label={name}
                className="ww-network-node"
                data-testid="network-node"
              >
                <title>{name}</title>
                <line
                  x1={C}
                  y1={C}
                  x2={x}
                  y2={y}
                  stroke={m.overburdened ? "#d52b1e" : "#154273"}
                  strokeWidth={m.actions.length > 0 ? 3 : 1}
                  strokeDasharray={m.reluctance.length > 0 ? "6 4" : undefined}
                />
                <circle cx={x} cy={y} r={18} fill={m.overburdened ? "#fde2e1" : "#e6eef7"} stroke="#154273" />
                <text x={x} y={y + 4} textAnchor="middle" fontSize="10">
                  {m.name.slice(0, 10)}
                </text>
                {m.actions.length > 0 && (
                  <text x={x + 14} y={y - 12} fontSize="12">
                    ★
                  </text>
                )}
                {m.overburdened && (
                  <text x={x - 20} y={y - 12} fontSize="12" fill="#d52b1e">
                    !
                  </text>
                )}
              </g>
            );
          }),
        )}
      </svg>
      <figcaption>{t("network.mapHelp")}</figcaption>
    </figure>
  );
}
