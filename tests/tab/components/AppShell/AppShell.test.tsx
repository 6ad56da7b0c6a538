/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { visibleViews } from '@tab/navigation/route';
import { AppShell } from '@tab/components/AppShell/AppShell';

// Fluent repeats each label in a hidden span that reserves bold width: read the visible content only.
const tabNames = () => screen.getAllByRole('tab').map((t) => t.querySelector('.fui-Tab__content')?.textContent);

function renderShell(sendTeam: boolean, onNavigate = jest.fn()) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <AppShell view="tracker" views={visibleViews(sendTeam)} userName="A. Teacher" onNavigate={onNavigate}>
        <p>content</p>
      </AppShell>
    </FluentProvider>,
  );
  return onNavigate;
}

describe('AppShell navigation', () => {
  it('offers a member of staff outside the SEND team only the tracker views', () => {
    renderShell(false);
    expect(tabNames()).toEqual(['Live tracker', 'Weekly check-in', 'My actions', 'Pupil', 'Archive']);
  });

  it('adds the register, interventions, provision map, digest preview, reminders and roles for the SEND team', () => {
    renderShell(true);
    expect(tabNames()).toEqual([
      'Live tracker',
      'Weekly check-in',
      'My actions',
      'Pupil',
      'Archive',
      'SEN register',
      'Interventions',
      'Provision map',
      'Digest preview',
      'Reminders',
      'Roles',
    ]);
  });

  it('navigates to the view whose tab is chosen', () => {
    const onNavigate = renderShell(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Provision map' }));
    expect(onNavigate).toHaveBeenCalledWith('provision');
  });
});
