import { useRegisterStyles } from './Register.styles';

export interface CompareBar {
  label: string;
  school: number | null;
  national: number | null;
  /** e.g. "primary" or "all schools". */
  nationalLabel?: string;
}

const show = (n: number | null) => (n === null ? 'unknown' : `${n}%`);

/**
 * School-vs-national percentages as bars with a national marker. Every bar also carries its values in
 * text (aria-label and the visible figure), so the chart needs no colour or sight to be read.
 */
export function CompareBars({ title, bars, scaleMax }: { title: string; bars: CompareBar[]; scaleMax?: number }) {
  const styles = useRegisterStyles();
  const max = scaleMax ?? Math.max(10, ...bars.flatMap((b) => [b.school ?? 0, b.national ?? 0])) * 1.1;
  return (
    <figure className={styles.bars} aria-label={title}>
      <figcaption>{title}</figcaption>
      {bars.map((b) => (
        <div
          key={b.label}
          className={styles.barRow}
          role="img"
          aria-label={`${b.label}: school ${show(b.school)}, national${b.nationalLabel ? ` ${b.nationalLabel}` : ''} ${show(b.national)}`}
        >
          <span>{b.label}</span>
          <span className={styles.track}>
            {b.school !== null && <span className={styles.school} style={{ width: `${(b.school / max) * 100}%` }} />}
            {b.national !== null && <span className={styles.national} style={{ left: `${(b.national / max) * 100}%` }} />}
          </span>
          <span>{show(b.school)}</span>
        </div>
      ))}
    </figure>
  );
}
