/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { OPEN_STATUSES } from '@/kernel/status';
import { TrackerFilters } from '@tab/components/TrackerFilters/TrackerFilters';
import { datePickersReady } from '../../support/date-pickers';

async function renderFilters(hideOwner = false) {
  const onChange = jest.fn();
  render(
    <FluentProvider theme={teamsLightTheme}>
      <TrackerFilters
        filters={{ pupilId: 'p-1' }}
        search=""
        pupils={[{ id: 'p-1', name: 'J.B.', yearGroup: 4 }]}
        owners={[
          { id: 'o-1', name: 'Tom Reed' },
          { id: 'o-2', name: 'Grace Okafor' },
        ]}
        statuses={OPEN_STATUSES}
        hideOwner={hideOwner}
        onChange={onChange}
      />
    </FluentProvider>,
  );
  await datePickersReady();
  return onChange;
}

describe('TrackerFilters', () => {
  it('labels every control', async () => {
    await renderFilters();
    for (const label of ['Search', 'Pupil', 'Owner', 'Item type', 'Status', 'Due from', 'Due to']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('adds an owner filter and keeps the others', async () => {
    const onChange = await renderFilters();
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'o-2' } });
    expect(onChange).toHaveBeenCalledWith({ pupilId: 'p-1', ownerId: 'o-2' }, '');
  });

  it('filters by a due range and a status', async () => {
    const onChange = await renderFilters();
    fireEvent.change(screen.getByLabelText('Due to'), { target: { value: '1/5/2026' } });
    fireEvent.blur(screen.getByLabelText('Due to'));
    expect(onChange).toHaveBeenLastCalledWith({ pupilId: 'p-1', dueTo: '2026-05-01' }, '');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'waiting' } });
    expect(onChange).toHaveBeenLastCalledWith({ pupilId: 'p-1', statuses: ['waiting'] }, '');
  });

  it('clears every filter and the search at once', async () => {
    const onChange = await renderFilters();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenCalledWith({}, '');
  });

  it('has no owner filter in My actions', async () => {
    await renderFilters(true);
    expect(screen.queryByLabelText('Owner')).toBeNull();
  });
});
