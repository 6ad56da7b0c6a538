/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { UnreachedNow } from '@/api-types';
import { runFacts } from '@tab/Reminders/run-words';
import { UnreachedTable } from '@tab/Reminders/UnreachedTable';

const people: UnreachedNow[] = [
  { id: 'u-grace', name: 'Grace Okafor', reason: 'install-not-allowed', items: 2, reachableNow: false },
  { id: 'u-tom', name: 'Tom Reed', reason: 'not-installed', items: 1, reachableNow: true },
];

function renderTable(canInstall: boolean, busy: string | null = null, onInstall = jest.fn()) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <UnreachedTable people={people} canInstall={canInstall} busy={busy} onInstall={onInstall} />
    </FluentProvider>,
  );
  return onInstall;
}

describe('UnreachedTable', () => {
  it('offers to install the app for whoever still cannot be messaged, and says who now can', () => {
    const onInstall = renderTable(true);
    const [, grace, tom] = screen.getAllByRole('row');

    expect(within(grace!).getByText('Teams did not allow the app to be installed for them: see the admin guide')).toBeTruthy();
    fireEvent.click(within(grace!).getByRole('button', { name: 'Install the app for Grace Okafor' }));
    expect(onInstall).toHaveBeenCalledWith(people[0]);
    expect(within(tom!).queryByRole('button')).toBeNull();
    expect(within(tom!).getByText(/^The bot can message them now/)).toBeTruthy();
  });

  it('asks staff to open the app themselves where this server cannot install it', () => {
    renderTable(false);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('Ask them to open SEND Tracker in Teams once.')).toBeTruthy();
  });

  it('holds every button while an install is under way', () => {
    renderTable(true, 'u-grace');
    expect((screen.getByRole('button', { name: 'Installing…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('runFacts', () => {
  const run = {
    today: '2026-12-02',
    schoolDay: true,
    cardsSent: 1,
    itemsReminded: 3,
    installed: 1,
    fallbacks: 0,
    leadOnly: 0,
    escalations: 0,
    undelivered: 1,
    failed: 1,
    unreached: [],
  };

  it('says what a run did in sentences, leaving out what did not happen', () => {
    expect(runFacts(run)).toEqual([
      '1 card sent, reminding owners of 3 items.',
      'The app was installed for 1 person so their reminder could reach them.',
      '1 reminder reached nobody (neither the owner nor the SEND lead can be messaged) and will be tried again.',
      '1 reminder was refused by Teams and will be tried again.',
    ]);
    expect(runFacts({ ...run, cardsSent: 0, itemsReminded: 0, installed: 0, undelivered: 0, failed: 0 })).toEqual(['No cards were sent.']);
    expect(runFacts({ ...run, schoolDay: false })).toEqual(['Not a school day: nothing was sent.']);
  });
});
