import { Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { contentUrl, type DocumentItem } from "./types.ts";

/**
 * A preview that runs nothing from the file: an image as <img>, a PDF drawn page by page onto canvases
 * by PDF.js (no scripting, no eval) — never the browser's own viewer in a frame.
 */
export function Preview({ document: d }: { document: DocumentItem }) {
  if (d.preview === "image")
    return <img className="ww-preview__image" src={contentUrl(d.id, true)} alt={d.title} />;
  return <PdfPreview document={d} />;
}

const MAX_PAGES = 30;

function PdfPreview({ document: d }: { document: DocumentItem }) {
  const holder = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      const worker = await import("pdfjs-dist/build/pdf.worker.min.mjs?url");
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const data = await (await fetch(contentUrl(d.id, true), { credentials: "same-origin" })).arrayBuffer();
      const pdf = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
      if (cancelled) return;
      setPages(pdf.numPages);
      const box = holder.current;
      if (!box) return;
      box.replaceChildren();
      for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n++) {
        const page = await pdf.getPage(n);
        const viewport = page.getViewport({ scale: 1.25 });
        const canvas = document.createElement("canvas");
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.className = "ww-preview__page";
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", t("documents.preview.page", { page: n, pages: pdf.numPages }));
        box.append(canvas);
        await page.render({ canvas, viewport }).promise;
        if (cancelled) return;
      }
    })().catch(() => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
    };
  }, [d.id]);
  return (
    <div className="ww-preview">
      {failed && <ErrorMessage message={t("documents.preview.failed")} />}
      {pages === null && !failed && <Loading />}
      {pages !== null && pages > MAX_PAGES && (
        <Paragraph>{t("documents.preview.page", { page: MAX_PAGES, pages })}</Paragraph>
      )}
      <div ref={holder} />
    </div>
  );
}
