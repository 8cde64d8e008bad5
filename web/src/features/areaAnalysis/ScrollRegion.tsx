import type { ReactNode } from "react";

/** A horizontally scrolling wrapper for wide tables: focusable and named, so keyboard users can scroll it. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="ww-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
