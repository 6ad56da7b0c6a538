import { makeStyles, tokens } from '@fluentui/react-components';
import type { CheckInBuckets } from '@/kernel/check-in';
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
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** The four check-in lists, in the order the SEND lead runs the meeting. */
export const CHECK_IN_SECTIONS: { key: keyof CheckInBuckets; title: string; hint: string }[] = [
  { key: 'overdue', title: 'Overdue', hint: 'Past their due date and not closed.' },
  { key: 'dueThisWeek', title: 'Due this week', hint: 'Due between today and Sunday.' },
  { key: 'waiting', title: 'Waiting on someone', hint: 'Blocked on another person or service.' },
  { key: 'needsEscalation', title: 'Needs escalation', hint: 'A week or more overdue, or waiting a week with no update.' },
];

export interface CheckInSectionsProps {
  buckets: CheckInBuckets;
  today: IsoDate;
  onOpen: (id: string) => void;
}

/** One screen: four counts at the top (each a jump link), then the four lists. */
export function CheckInSections({ buckets, today, onOpen }: CheckInSectionsProps) {
  const styles = useStyles();
  return (
    <div>
      <ul className={styles.summary} aria-label="Check-in summary">
        {CHECK_IN_SECTIONS.map((s) => (
          <li key={s.key} className={styles.count}>
            <a className={styles.link} href={`#check-in-${s.key}`}>
              <span className={styles.number}>{buckets[s.key].length}</span>
              {s.title}
            </a>
          </li>
        ))}
      </ul>
      {CHECK_IN_SECTIONS.map((s) => (
        <section key={s.key} id={`check-in-${s.key}`} className={styles.section} aria-labelledby={`check-in-${s.key}-heading`}>
          <h2 id={`check-in-${s.key}-heading`} className={styles.heading}>
            {s.title} ({buckets[s.key].length})
          </h2>
          <ActionTable actions={buckets[s.key]} today={today} caption={s.hint} onOpen={onOpen} />
        </section>
      ))}
    </div>
  );
}
