/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import type { InterventionView } from '@tab/Register/register-api';
import type { RegisterPupil } from '@tab/Register/passport-api';
import { InterventionList } from '@tab/Interventions/InterventionList';

const actor = { id: 'u-senco', name: 'Ms Senco' };
const reading: InterventionView = {
  id: 'i-1',
  pupilId: 'r-1',
  name: 'Reading catch-up',
  group: 'Y4 group A',
  staff: { id: 'u-ta', name: 'Mr Assistant', email: 'ta@school.example', role: 'teaching_assistant' },
  startDate: '2026-09-07',
  plannedEndDate: '2026-12-11',
  sessionsPerWeek: 3,
  sessionMinutes: 30,
  parentConsentDate: '2026-09-01',
  measureKind: 'reading_age',
  measureUnit: null,
  target: { description: 'Reading age 8y 0m', value: 96, direction: 'at_least' },
  reviewDates: [],
  measures: [
    { point: 'baseline', date: '2026-09-07', value: 84 },
    { point: 'mid', date: '2026-10-19', value: 88 },
  ],
  version: 1,
  createdBy: actor,
  createdAt: '2026-09-01T09:00:00.000Z',
  updatedAt: '2026-10-19T09:00:00.000Z',
  ratioGain: 2.9,
  band: 'substantial',
  metTarget: null,
  warnings: [{ code: 'past_planned_end', message: 'Still running 14 days past its planned end: review, end or re-plan it.' }],
};
const pupil: RegisterPupil = {
  id: 'r-1',
  forename: 'Jamie',
  surname: 'Brown',
  yearGroup: 4,
  regGroup: '4M',
  senStatus: 'K',
  needs: [],
  attendancePercent: 96,
};

describe('InterventionList', () => {
  it('shows each intervention with its pupil as initials, dates in en-GB, ratio gain with band and its warnings', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <InterventionList
          interventions={[
            reading,
            { ...reading, id: 'i-2', pupilId: 'r-gone', warnings: [], ratioGain: null, band: null, metTarget: true },
          ]}
          pupils={new Map([[pupil.id, pupil]])}
        />
      </FluentProvider>,
    );
    const cells = (row: number) => [...screen.getAllByRole('row')[row]!.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells(1)).toEqual([
      'J.B. (Y4)',
      'Reading catch-up (Y4 group A)',
      'Mr Assistant',
      'Mon 7 Sept 2026 to Fri 11 Dec 2026',
      '3 × 30 min a week',
      'Reading age: baseline 7 years 0 months, mid 7 years 4 months',
      '2.9 (substantial)',
      'Not yet',
      'Overrun Still running 14 days past its planned end: review, end or re-plan it.',
    ]);
    expect(cells(2)).toEqual(expect.arrayContaining(['Not on the register', '–', 'Yes', 'None']));
    expect(screen.queryByText('Brown', { exact: false })).toBeNull();
  });
});
