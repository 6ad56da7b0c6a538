import { makeStyles, tokens } from '@fluentui/react-components';

export const useTrackerFiltersStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  search: { minWidth: '220px', '@media (max-width: 640px)': { minWidth: 0, flexGrow: 1 } },
  // The pickers wrap in the bar on a wide screen, and stack full width when unfolded on a narrow one.
  fields: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 640px)': { flexDirection: 'column', alignItems: 'stretch', width: '100%' },
  },
});
