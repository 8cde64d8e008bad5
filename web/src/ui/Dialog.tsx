import { Button, Heading2 } from "@utrecht/component-library-react";
import { type ReactNode, useEffect, useRef } from "react";
import { t } from "../i18n/i18n.ts";

/**
 * A form that opens in place: a modal drawer (native <dialog>, so focus stays inside and Escape closes it)
 * from the side on a wide screen and full width on a phone. Closing returns focus to the button that
 * opened it, so the user is back where they were.
 */
export function Drawer({
  open,
  title,
  onClose,
  children,
  id,
}: {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  id?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const headingId = `${id ?? "drawer"}-title`;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>(
        "input:not([type=hidden]), select, textarea, [data-autofocus]",
      );
      (first ?? dialog).focus();
    }
    if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && opener.current instanceof HTMLElement) {
      const back = opener.current;
      opener.current = null;
      // After a save the page re-renders; return focus once it has.
      requestAnimationFrame(() => {
        if (back.isConnected) back.focus();
      });
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="ww-drawer"
      aria-labelledby={headingId}
      id={id}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="ww-drawer__content">
          <div className="ww-drawer__header">
            <Heading2 id={headingId}>{title}</Heading2>
            <Button appearance="subtle-button" onClick={onClose} className="ww-drawer__close">
              {t("ui.close")}
            </Button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
