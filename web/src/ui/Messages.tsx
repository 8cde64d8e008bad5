import { Alert, Paragraph } from "@utrecht/component-library-react";

/**
 * Error and success messages. The live regions are always in the page, so screen readers
 * announce a message as soon as it appears.
 */
export function ErrorMessage({ message }: { message: string | null }) {
  return (
    <div aria-live="assertive" aria-atomic="true">
      {message && (
        <Alert type="error" role="alert">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

export function SuccessMessage({ message }: { message: string | null }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {message && (
        <Alert type="ok" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
