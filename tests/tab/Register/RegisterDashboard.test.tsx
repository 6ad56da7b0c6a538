/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen, within } from '@testing-library/react';
import { registerAnalytics } from '@/register/analytics';
import type { PupilRecord } from '@/kernel/pupil-record';
import { generatePrimaryRegister } from '@tests/register/generate-register';
import { RegisterDashboard } from '@tab/Register/RegisterDashboard';
import { installResizeObserver } from '../support/resize-observer';

installResizeObserver();

const pupils: PupilRecord[] = generatePrimaryRegister(200, 11).map((p, i) => ({
  ...p,
  id: `p${i}`,
  onRoll: true,
  importedAt: '2026-01-10T00:00:00Z',
}));
const analytics = registerAnalytics({ pupils, openActionPupilIds: [], activeInterventionPupilIds: [], staffTrainingNeeds: ['SLCN'] });

describe('RegisterDashboard', () => {
  it('shows the four key questions with their computed answers, then school against national', async () => {
    // The charts load in a chunk of their own: let it arrive inside act.
    await act(async () => {
      render(
        <FluentProvider theme={teamsLightTheme}>
          <RegisterDashboard analytics={analytics} />
        </FluentProvider>,
      );
    });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Key questions',
      'Our numbers and national (200 pupils, primary)',
      'Primary need',
      'Overlap with FSM, pupil premium and EAL',
      `Below 90% attendance with no plan or open item (${analytics.attendance.flagged.length})`,
    ]);
    for (const q of analytics.keyQuestions) expect(screen.getByText(q.answer)).toBeTruthy();
    const anySen = analytics.comparisons[0]!;
    // The chart's figure carries the table it is drawn from, under the same caption.
    const figure = screen.getByRole('figure', { name: 'Percentage of pupils: school and national' });
    const table = within(figure).getByRole('region', { name: 'Percentage of pupils: school and national: table' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe(`Any SEN${anySen.schoolPercent}%18.2%primary`);
    const flagged = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(flagged).toHaveLength(analytics.attendance.flagged.length);
  });
});
