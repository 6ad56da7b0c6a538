import { makeStyles, tokens } from '@fluentui/react-components';

/** The look of the tab's plain data tables (register, interventions, provision map, roles, outbox). */
export const useSimpleTableStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});
