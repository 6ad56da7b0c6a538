import { makeStyles, tokens } from '@fluentui/react-components';

export const useTrackerFiltersStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  search: { minWidth: '220px' },
});
