import { Link } from '@fluentui/react-components';
import type { DocumentPastReview } from '@/api-types';
import { formatDate } from '@/kernel/dates';
import { DOCUMENT_TYPE_LABELS } from '@/kernel/pupil-document';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { ScrollRegion } from '@tab/components/SimpleTable/ScrollRegion';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

/**
 * The pupils' current documents whose review date has passed: a plan or profile nobody has looked at
 * since it was due. Each opens the pupil's page, where the new version is added and made current.
 */
export function DocumentsPastReview({
  documents,
  onOpenPupil,
}: {
  documents: DocumentPastReview[];
  onOpenPupil: (pupilId: string) => void;
}) {
  const table = useSimpleTableStyles();
  return (
    <section aria-labelledby="documents-past-review">
      <h2 id="documents-past-review">Documents past their review date ({documents.length})</h2>
      {documents.length === 0 ? (
        <p>Every current document is within its review date.</p>
      ) : (
        <ScrollRegion label="Documents past their review date table">
          <table className={table.table}>
            <ColumnHeaders names={['Pupil', 'Document', 'Type', 'Review was due']} className={table.cell} />
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <th className={table.cell} scope="row">
                    <Link onClick={() => onOpenPupil(d.pupilId)}>{d.pupil}</Link>
                  </th>
                  <td className={table.cell}>{d.name}</td>
                  <td className={table.cell}>{DOCUMENT_TYPE_LABELS[d.type]}</td>
                  <td className={table.cell}>{formatDate(d.reviewDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
