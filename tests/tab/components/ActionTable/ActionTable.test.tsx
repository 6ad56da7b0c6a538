/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { buildAction } from '@tests/support/factories';
import { ActionTable } from '@tab/components/ActionTable/ActionTable';

const TODAY = '2026-04-24';

function renderTable(props: Partial<Parameters<typeof ActionTable>[0]> = {}) {
  const onOpen = jest.fn();
  const onSort = jest.fn();
  const actions = [
    buildAction({ description: 'Chase the SALT referral', dueDate: '2026-04-20' }),
    buildAction({ description: 'Share the pupil passport', dueDate: '2026-05-02', nextReviewDate: '2026-06-01' }),
  ];
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ActionTable
        actions={actions}
        today={TODAY}
        caption="Open items: 2 matching"
        onOpen={onOpen}
        onSort={onSort}
        sort={{ key: 'dueDate', direction: 'asc' }}
        {...props}
      />
    </FluentProvider>,
  );
  return { onOpen, onSort, actions };
}

describe('ActionTable', () => {
  it('names a parent’s action by the parent and the member of staff who chases it', () => {
    renderTable({ actions: [buildAction({ outsideOwner: 'parent', description: 'Send the sleep diary' })] });
    const row = screen.getByRole('row', { name: /Send the sleep diary/ });
    expect(within(row).getByText('Parent (Tom Reed chases)')).toBeTruthy();
  });

  it('is a captioned table with column headers and a row header per pupil', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Open items: 2 matching' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Pupil', 'Action', 'Type', 'Owner', 'Due ▲', 'Status', 'Next review']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['J.B. (Year 4)', 'J.B. (Year 4)']); // initials and year: two pupils with the same initials are told apart
  });

  it('marks an overdue item with the word "Overdue", not only a colour', () => {
    renderTable();
    const [, overdueRow, laterRow] = screen.getAllByRole('row');
    expect(within(overdueRow!).getByText('Overdue')).toBeTruthy();
    expect(within(laterRow!).queryByText('Overdue')).toBeNull();
  });

  it('shows dates the en-GB way', () => {
    renderTable();
    expect(screen.getByText('Mon 20 Apr 2026')).toBeTruthy();
    expect(screen.getByText('Mon 1 Jun 2026')).toBeTruthy();
  });

  it('opens an item from its action text and sorts from a header button', () => {
    const { onOpen, onSort, actions } = renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Share the pupil passport' }));
    expect(onOpen).toHaveBeenCalledWith(actions[1]!.id);
    fireEvent.click(screen.getByRole('button', { name: 'Owner' }));
    expect(onSort).toHaveBeenCalledWith('owner');
    expect(screen.getByRole('columnheader', { name: 'Due ▲' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('says so when nothing matches', () => {
    renderTable({ actions: [] });
    expect(screen.getByText('No items match.')).toBeTruthy();
  });

  it('says in the archive when each item was closed (a London day), and leaves out the owner in My actions', () => {
    const closed = buildAction({ description: 'Closed late on a summer night' }, { status: 'done', closedAt: '2026-06-30T23:30:00Z' });
    render(
      <FluentProvider theme={teamsLightTheme}>
        <ActionTable actions={[closed]} today={TODAY} caption="Closed items" onOpen={() => undefined} archive hideOwner />
      </FluentProvider>,
    );
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toContain('Closed on');
    expect(headers).not.toContain('Owner');
    expect(headers).not.toContain('Next review');
    expect(screen.getByText('Wed 1 Jul 2026')).toBeTruthy(); // 00:30 in London
  });
});
