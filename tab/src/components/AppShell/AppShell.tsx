import { Field, makeStyles, Select, Tab, TabList, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { VIEW_LABELS, type ViewName } from '@tab/navigation/route';
import { useNarrow } from '../Narrow/use-narrow';

const useStyles = makeStyles({
  shell: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    '@media (max-width: 640px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  },
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
  const narrow = useNarrow();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1 className={styles.title}>SEND Tracker</h1>
        <nav aria-label="Views">
          {narrow ? (
            // On a phone the views are one menu: ten tabs do not fit in 375 px.
            <Field label="View">
              <Select value={view} onChange={(_, d) => onNavigate(d.value as ViewName)}>
                {views.map((v) => (
                  <option key={v} value={v}>
                    {VIEW_LABELS[v]}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <TabList selectedValue={view} onTabSelect={(_, d) => onNavigate(d.value as ViewName)}>
              {views.map((v) => (
                <Tab key={v} value={v}>
                  {VIEW_LABELS[v]}
                </Tab>
              ))}
            </TabList>
          )}
        </nav>
        {userName && <span className={styles.who}>Signed in as {userName}</span>}
      </header>
      <main>{children}</main>
    </div>
  );
}
