/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { checkInBuckets, type CheckInBuckets } from '@/kernel/check-in';
import type { CheckInReply } from '@/api-types';
import { buildAction } from '@tests/support/factories';
import { CheckInSections } from '@tab/components/CheckInSections/CheckInSections';

const TODAY = '2026-04-22'; // a Wednesday

/** Every row of each list shown, unless `totals` says the server holds more. */
const replyOf = (buckets: CheckInBuckets, totals: Partial<Record<keyof CheckInBuckets, number>> = {}): CheckInReply =>
  Object.fromEntries(
    Object.entries(buckets).map(([key, items]) => [key, { items, total: totals[key as keyof CheckInBuckets] ?? items.length }]),
  ) as CheckInReply;

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
        <CheckInSections lists={replyOf(buckets)} today={TODAY} onOpen={() => undefined} onMore={() => undefined} />
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
    expect(screen.queryByRole('button', { name: /show more/i })).toBeNull();
  });

  it('counts what the server holds and offers the rest of a long list a page at a time', () => {
    const buckets = checkInBuckets([buildAction({ description: 'Long overdue', dueDate: '2026-04-01' })], TODAY);
    const asked: string[] = [];
    render(
      <FluentProvider theme={teamsLightTheme}>
        <CheckInSections lists={replyOf(buckets, { overdue: 1240 })} today={TODAY} onOpen={() => undefined} onMore={(b) => asked.push(b)} />
      </FluentProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Overdue (1,240)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more (1,239 not shown)' }));
    expect(asked).toEqual(['overdue']);
  });
});
