import { Link, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { ApiError } from "../../api/client.ts";
import { t } from "./labels.ts";

/** The closure fields the server names, with the id of the form field each one belongs to. */
const FIELD_IDS: Record<string, string> = {
  reason: "close-reason",
  finalAssessment: "close-zrm",
  escalationPrevented: "close-escalation",
  escalationExplanation: "close-explanation",
  residentInformed: "close-informed",
  residentInformedHow: "close-how",
  aftercareDate: "close-aftercare",
};

export interface ClosureProblem {
  field: string;
  message: string;
}

/** The problems of a refused closure (422 closureIncomplete), or null for any other error. */
export function closureProblems(error: unknown): ClosureProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== "closureIncomplete") return null;
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as ClosureProblem[]) : null;
}

/** A list of what to fill in, each item a link to its field (the server's message says it all too). */
export function ClosureProblems({ problems }: { problems: ClosureProblem[] | null }) {
  if (!problems || problems.length === 0) return null;
  return (
    <nav aria-label={t("dossier.closureProblems")} className="ww-problems">
      <UnorderedList>
        {problems.map((p) => (
          <UnorderedListItem key={`${p.field}-${p.message}`}>
            <Link href={`#${FIELD_IDS[p.field] ?? "close"}`}>{p.message}</Link>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </nav>
  );
}
