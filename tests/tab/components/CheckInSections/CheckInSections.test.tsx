/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { checkInBuckets } from '@/kernel/check-in';
import { buildAction } from '@tests/support/factories';
import { CheckInSections } from '@tab/components/CheckInSections/CheckInSections';

const TODAY = '2026-04-22'; // a Wednesday

describe('CheckInSections', () => {
  it('shows the four check-in lists with their counts on one screen', () => {
    const buckets = checkInBuckets(
      [
        buildAction({ description: 'Long overdue', dueDate: '2026-04-01' }),
        buildAction({ description: 'Due Friday', dueDate: '2026-04-24' }),
        buildAction({ description: 'Waiting on CAMHS', dueDate: '2026-05-20', status: 'waiting' }),
      ],
      TODAY,
    );
    render(
      <FluentProvider theme={teamsLightTheme}>
        <CheckInSections buckets={buckets} today={TODAY} onOpen={() => undefined} />
      </FluentProvider>,
    );
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Overdue (1)', 'Due this week (1)', 'Waiting on someone (1)', 'Needs escalation (1)']);
    expect(screen.getAllByRole('table')).toHaveLength(4);
    expect(screen.getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual([
      '#check-in-overdue',
      '#check-in-dueThisWeek',
      '#check-in-waiting',
      '#check-in-needsEscalation',
    ]);
  });
});
