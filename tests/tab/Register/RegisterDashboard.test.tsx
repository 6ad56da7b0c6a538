/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { registerAnalytics } from '@/register/analytics';
import type { PupilRecord } from '@/kernel/pupil-record';
import { generatePrimaryRegister } from '@tests/register/generate-register';
import { RegisterDashboard } from '@tab/Register/RegisterDashboard';

const pupils: PupilRecord[] = generatePrimaryRegister(200, 11).map((p, i) => ({
  ...p,
  id: `p${i}`,
  onRoll: true,
  importedAt: '2026-01-10T00:00:00Z',
}));
const analytics = registerAnalytics({ pupils, openActionPupilIds: [], activeInterventionPupilIds: [], staffTrainingNeeds: ['SLCN'] });

describe('RegisterDashboard', () => {
  it('shows the four key questions with their computed answers, then school against national', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <RegisterDashboard analytics={analytics} />
      </FluentProvider>,
    );
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Key questions',
      'Our numbers and national (200 pupils, primary)',
      'Primary need',
      'Overlap with FSM, pupil premium and EAL',
      `Below 90% attendance with no plan or open item (${analytics.attendance.flagged.length})`,
    ]);
    for (const q of analytics.keyQuestions) expect(screen.getByText(q.answer)).toBeTruthy();
    const anySen = analytics.comparisons[0]!;
    expect(screen.getByRole('img', { name: `Any SEN: school ${anySen.schoolPercent}%, national primary 18.2%` })).toBeTruthy();
    const flagged = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(flagged).toHaveLength(analytics.attendance.flagged.length);
  });
});
