import { Badge, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@/kernel/dates';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS, type PupilDocument } from '@/kernel/pupil-document';
import { useActionCardsStyles } from '@tab/components/ActionTable/ActionCards.styles';
import { useNarrow } from '@tab/components/Narrow/use-narrow';
import { ColumnHeaders } from '@tab/components/SimpleTable/ColumnHeaders';
import { ScrollRegion } from '@tab/components/SimpleTable/ScrollRegion';
import { useSimpleTableStyles } from '@tab/components/SimpleTable/SimpleTable.styles';

const useStyles = makeStyles({
  // A badge has a fixed height: "Not current" wrapped onto two lines is cut off in a narrow table.
  status: { whiteSpace: 'nowrap' },
  changes: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cardChanges: { marginTop: tokens.spacingVerticalS },
});

const STATUS_COLOUR: Record<PupilDocument['status'], 'success' | 'informative' | 'subtle'> = {
  current: 'success',
  superseded: 'subtle',
  not_current: 'informative',
};

export interface DocumentListProps {
  documents: readonly PupilDocument[];
  /** The SEND team: makes a document current, and opens it in SharePoint (the library is shared with them only). */
  canChange: boolean;
  onOpen: (d: PupilDocument) => void;
  onMakeCurrent: (d: PupilDocument) => void;
}

/** A pupil's documents as a table, or on a phone as cards (nothing to scroll sideways for). */
export function DocumentList(props: DocumentListProps) {
  return useNarrow() ? <DocumentCards {...props} /> : <DocumentTable {...props} />;
}

const caption = (n: number) => `Documents, current first (${n})`;
const added = (d: PupilDocument) => `${formatDate(d.uploadedAt.slice(0, 10))} by ${d.uploadedBy.name}`;

function StatusBadge({ d }: { d: PupilDocument }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOUR[d.status]} className={useStyles().status}>
      {DOCUMENT_STATUS_LABELS[d.status]}
    </Badge>
  );
}

function Changes({
  d,
  canChange,
  onMakeCurrent,
  className,
}: Omit<DocumentListProps, 'documents' | 'onOpen'> & { d: PupilDocument; className?: string }) {
  const styles = useStyles();
  if (!canChange) return null;
  return (
    <div className={className ? `${styles.changes} ${className}` : styles.changes}>
      {d.status !== 'current' && (
        <Button onClick={() => onMakeCurrent(d)} aria-label={`Make current: ${d.name}`}>
          Make current
        </Button>
      )}
      {/* Tenant mode: the library's permissions let the SEND team open it in SharePoint or Office for the web. */}
      {d.webUrl && (
        <Link href={d.webUrl} target="_blank" rel="noreferrer" aria-label={`Open in SharePoint: ${d.name}`}>
          Open in SharePoint
        </Link>
      )}
    </div>
  );
}

function DocumentTable({ documents, canChange, onOpen, onMakeCurrent }: DocumentListProps) {
  const table = useSimpleTableStyles();
  return (
    <ScrollRegion label="Documents table">
      <table className={table.table}>
        <caption>{caption(documents.length)}</caption>
        <ColumnHeaders names={['Document', 'Type', 'Status', 'Review by', 'Added', 'Change']} className={table.cell} />
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <th className={table.cell} scope="row">
                <Button appearance="transparent" onClick={() => onOpen(d)}>
                  {d.name}
                </Button>
              </th>
              <td className={table.cell}>{DOCUMENT_TYPE_LABELS[d.type]}</td>
              <td className={table.cell}>
                <StatusBadge d={d} />
              </td>
              <td className={table.cell}>{d.reviewDate ? formatDate(d.reviewDate) : '–'}</td>
              <td className={table.cell}>{added(d)}</td>
              <td className={table.cell}>
                <Changes d={d} canChange={canChange} onMakeCurrent={onMakeCurrent} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function DocumentCards({ documents, canChange, onOpen, onMakeCurrent }: DocumentListProps) {
  const cards = useActionCardsStyles();
  const styles = useStyles();
  return (
    <section aria-label={caption(documents.length)}>
      <p className={cards.caption}>{caption(documents.length)}</p>
      <ul className={cards.list}>
        {documents.map((d) => (
          <li key={d.id} className={cards.card}>
            <button type="button" className={cards.open} onClick={() => onOpen(d)}>
              {d.name}
            </button>
            <dl className={cards.facts}>
              <dt className={cards.term}>Type</dt>
              <dd className={cards.detail}>{DOCUMENT_TYPE_LABELS[d.type]}</dd>
              <dt className={cards.term}>Status</dt>
              <dd className={cards.detail}>
                <StatusBadge d={d} />
              </dd>
              <dt className={cards.term}>Review by</dt>
              <dd className={cards.detail}>{d.reviewDate ? formatDate(d.reviewDate) : '–'}</dd>
              <dt className={cards.term}>Added</dt>
              <dd className={cards.detail}>{added(d)}</dd>
            </dl>
            <Changes d={d} canChange={canChange} onMakeCurrent={onMakeCurrent} className={styles.cardChanges} />
          </li>
        ))}
      </ul>
    </section>
  );
}
