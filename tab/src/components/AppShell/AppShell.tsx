import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { VIEW_LABELS, type ViewName } from '@tab/navigation/route';

const useStyles = makeStyles({
  shell: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    paddingBottom: tokens.spacingVerticalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  who: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
});

export interface AppShellProps {
  view: ViewName;
  /** The views offered in the navigation (see `visibleViews`). */
  views: readonly ViewName[];
  userName?: string;
  onNavigate: (view: ViewName) => void;
  children: ReactNode;
}

/** Title, view switcher and the current view. */
export function AppShell({ view, views, userName, onNavigate, children }: AppShellProps) {
  const styles = useStyles();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1 className={styles.title}>SEND Tracker</h1>
        <nav aria-label="Views">
          <TabList selectedValue={view} onTabSelect={(_, d) => onNavigate(d.value as ViewName)}>
            {views.map((v) => (
              <Tab key={v} value={v}>
                {VIEW_LABELS[v]}
              </Tab>
            ))}
          </TabList>
        </nav>
        {userName && <span className={styles.who}>Signed in as {userName}</span>}
      </header>
      <main>{children}</main>
    </div>
  );
}
