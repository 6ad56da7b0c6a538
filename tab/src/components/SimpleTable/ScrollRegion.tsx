import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// A wide table scrolls sideways in place on a phone rather than widening the page.
const useStyles = makeStyles({ scroll: { overflowX: 'auto', maxWidth: '100%' } });

/**
 * A table that may be wider than a phone, in a region of its own: named, and focusable so the
 * keyboard can scroll it (axe's scrollable-region-focusable rule).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
