/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { EffectivenessTable } from '@tab/Interventions/EffectivenessTable';

describe('EffectivenessTable', () => {
  it('badges an intervention that is below expectation and shows unknowns as dashes', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <EffectivenessTable
          rows={[
            {
              name: 'Phonics boost',
              pupils: 2,
              measured: 2,
              medianRatioGain: 0.42,
              medianBand: 'modest',
              medianChange: null,
              percentMetTarget: 0,
              belowExpectation: true,
              entryExit: null,
            },
            {
              name: 'Reading catch-up',
              pupils: 3,
              measured: 3,
              medianRatioGain: 2.01,
              medianBand: 'substantial',
              medianChange: null,
              percentMetTarget: 66.7,
              belowExpectation: false,
              entryExit: null,
            },
          ]}
        />
      </FluentProvider>,
    );
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['Phonics boost220.42 (modest)–0%Below expectation', 'Reading catch-up332.01 (substantial)–66.7%']);
  });
});
