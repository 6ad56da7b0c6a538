import { makeStyles, tokens } from '@fluentui/react-components';
import type { StatutoryDeadlinesReply } from '@/api-types';
import { formatDate, type IsoDate } from '@/kernel/dates';
import { ActionTable } from '../ActionTable/ActionTable';

const useStyles = makeStyles({
  section: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { marginTop: tokens.spacingVerticalM },
});

const LISTS = [
  { key: 'missed', title: 'Missed', caption: 'Statutory steps past their date and not done: put right and record what happened.' },
  { key: 'atRisk', title: 'At risk', caption: 'Due within two weeks and not started, or waiting on someone.' },
  { key: 'comingUp', title: 'Coming up', caption: 'The other statutory steps due in the next six weeks.' },
] as const;

/**
 * The EHC plans' statutory deadlines at the top of the check-in, apart from ordinary actions: the law
 * sets these dates, and they run through the holidays. A list with nothing in it says so in one line.
 */
export function StatutoryDeadlines({
  lists,
  today,
  onOpen,
}: {
  lists: StatutoryDeadlinesReply;
  today: IsoDate;
  onOpen: (id: string) => void;
}) {
  const styles = useStyles();
  const total = lists.missed.length + lists.atRisk.length + lists.comingUp.length;
  return (
    <section className={styles.section} aria-labelledby="statutory-deadlines-heading">
      <h2 id="statutory-deadlines-heading" className={styles.heading}>
        Statutory deadlines to {formatDate(lists.horizon)} ({total})
      </h2>
      {total === 0 && <p>No EHC plan step is due in the next six weeks, and none is missed.</p>}
      {LISTS.filter((l) => lists[l.key].length > 0).map((l) => (
        <div key={l.key} className={styles.list}>
          <h3>
            {l.title} ({lists[l.key].length})
          </h3>
          <ActionTable actions={lists[l.key]} today={today} caption={l.caption} onOpen={onOpen} />
        </div>
      ))}
    </section>
  );
}
