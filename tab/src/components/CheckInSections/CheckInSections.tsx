import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckInBucket } from '@/kernel/action-page';
import type { CheckInReply } from '@/api-types';
import type { IsoDate } from '@/kernel/dates';
import { ActionTable } from '../ActionTable/ActionTable';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  count: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  number: { display: 'block', fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  link: { color: tokens.colorBrandForegroundLink },
  section: { paddingTop: tokens.spacingVerticalL },
  more: { marginTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** The four check-in lists, in the order the SEND lead runs the meeting. */
export const CHECK_IN_SECTIONS: { key: CheckInBucket; title: string; hint: string }[] = [
  { key: 'overdue', title: 'Overdue', hint: 'Past their due date and not closed.' },
  { key: 'dueThisWeek', title: 'Due this week', hint: 'Due between today and Sunday.' },
  { key: 'waiting', title: 'Waiting on someone', hint: 'Blocked on another person or service.' },
  { key: 'needsEscalation', title: 'Needs escalation', hint: 'A week or more overdue, or waiting a week with no update.' },
];

export interface CheckInSectionsProps {
  /** Each list's total and the rows loaded so far. */
  lists: CheckInReply;
  today: IsoDate;
  onOpen: (id: string) => void;
  /** Loads the next rows of a list; "Show more" appears while some are not shown. */
  onMore?: (bucket: CheckInBucket) => void;
  /** The list whose next rows are on their way. */
  loadingMore?: CheckInBucket;
  /** Rows someone just changed. */
  highlight?: ReadonlySet<string>;
}

/** One screen: four counts at the top (each a jump link), then the four lists. */
export function CheckInSections({ lists, today, onOpen, onMore, loadingMore, highlight }: CheckInSectionsProps) {
  const styles = useStyles();
  return (
    <div>
      <ul className={styles.summary} aria-label="Check-in summary">
        {CHECK_IN_SECTIONS.map((s) => (
          <li key={s.key} className={styles.count}>
            <a className={styles.link} href={`#check-in-${s.key}`}>
              <span className={styles.number}>{lists[s.key].total.toLocaleString('en-GB')}</span>
              {s.title}
            </a>
          </li>
        ))}
      </ul>
      {CHECK_IN_SECTIONS.map((s) => (
        <section key={s.key} id={`check-in-${s.key}`} className={styles.section} aria-labelledby={`check-in-${s.key}-heading`}>
          <h2 id={`check-in-${s.key}-heading`} className={styles.heading}>
            {s.title} ({lists[s.key].total.toLocaleString('en-GB')})
          </h2>
          <ActionTable actions={lists[s.key].items} today={today} caption={s.hint} onOpen={onOpen} highlight={highlight} />
          {onMore && lists[s.key].items.length < lists[s.key].total && (
            <Button className={styles.more} disabled={loadingMore === s.key} onClick={() => onMore(s.key)}>
              Show more ({(lists[s.key].total - lists[s.key].items.length).toLocaleString('en-GB')} not shown)
            </Button>
          )}
        </section>
      ))}
    </div>
  );
}
