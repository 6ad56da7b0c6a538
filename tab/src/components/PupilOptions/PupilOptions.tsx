import type { Pupil } from '@/kernel/action';
import { pupilLabel } from '@/kernel/pupil-label';

/** The `<option>`s of a pupil picker, by pupil reference, each shown as staff know the pupil (never the reference). */
export function PupilOptions({ pupils }: { pupils: readonly Pupil[] }) {
  return (
    <>
      {pupils.map((p) => (
        <option key={p.id} value={p.id}>
          {pupilLabel(p)}
        </option>
      ))}
    </>
  );
}
