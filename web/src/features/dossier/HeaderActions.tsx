import { CloseForm, JournalForm } from "./CaseRecordForms.tsx";
import type { CaseFile, Dossier, ZrmInstrument } from "./types.ts";

/**
 * What the work asks on any section of a running case: record a contact and, once the case has its plan,
 * close it. The forms open in place and return focus to these buttons.
 */
export function HeaderActions({
  dossier,
  instrument,
  current,
  done,
  reload,
}: {
  dossier: Dossier;
  instrument: ZrmInstrument | null;
  current: CaseFile;
  done(message?: string): Promise<void>;
  reload(): Promise<void>;
}) {
  const underway = ["plan", "execution", "evaluation"].includes(current.status);
  const write = dossier.allowed.write && !dossier.mergedIntoId;
  return (
    <>
      <JournalForm dossier={dossier} caseId={current.id} done={done} />
      {write && underway && instrument && (
        <CloseForm
          key={`${current.id}-${current.version}`}
          dossier={dossier}
          instrument={instrument}
          current={current}
          done={done}
          reload={reload}
        />
      )}
    </>
  );
}
