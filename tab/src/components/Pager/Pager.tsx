import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
});

export interface PagerProps {
  /** Zero-based. */
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Names the list for screen readers, e.g. "Live tracker". */
  label: string;
}

/** "Showing 51–100 of 5,000" with previous/next: pages keep thousands of rows fast. */
export function Pager({ page, pageSize, total, onPage, label }: PagerProps) {
  const styles = useStyles();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  const n = (x: number) => x.toLocaleString('en-GB');
  return (
    <nav className={styles.pager} aria-label={`${label} pages`}>
      <Button disabled={page <= 0} onClick={() => onPage(page - 1)}>
        Previous page
      </Button>
      <span role="status">
        Showing {n(first)}–{n(last)} of {n(total)} (page {n(page + 1)} of {n(pages)})
      </span>
      <Button disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next page
      </Button>
    </nav>
  );
}
