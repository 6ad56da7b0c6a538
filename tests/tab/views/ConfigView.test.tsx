/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import ConfigView from '@tab/views/ConfigView';

// teams-js is the Teams host's SDK (it calls fetch on import, which jsdom lacks): stand in for the host only.
const host = {
  saveHandler: undefined as undefined | ((e: { notifySuccess: () => void; notifyFailure: (r?: string) => void }) => void),
  setConfig: jest.fn(async (_config: unknown) => undefined),
  setValidityState: jest.fn(),
};
jest.mock('@microsoft/teams-js', () => ({
  pages: {
    config: {
      registerOnSaveHandler: (handler: typeof host.saveHandler) => {
        host.saveHandler = handler;
      },
      setConfig: (config: unknown) => host.setConfig(config),
      setValidityState: (valid: boolean) => host.setValidityState(valid),
    },
  },
}));

describe('ConfigView (channel tab configuration)', () => {
  it('saves a content URL for the chosen view when Teams asks', async () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <ConfigView inTeams />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByLabelText('Weekly check-in'));
    await waitFor(() => expect(host.setValidityState).toHaveBeenCalledWith(true));
    const notifySuccess = jest.fn();
    await waitFor(() => expect(host.saveHandler).toBeDefined());
    host.saveHandler!({ notifySuccess, notifyFailure: jest.fn() });
    await waitFor(() => expect(notifySuccess).toHaveBeenCalled());
    expect(host.setConfig).toHaveBeenLastCalledWith(
      expect.objectContaining({ contentUrl: `${window.location.origin}/tab/?view=check-in`, entityId: 'send-tracker-check-in' }),
    );
  });

  it('explains that saving needs Teams in a plain browser', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <ConfigView inTeams={false} />
      </FluentProvider>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/Open this page from Teams/);
  });
});
