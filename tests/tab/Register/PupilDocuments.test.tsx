/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import type { PupilDocument } from '@/kernel/pupil-document';
import { AppContext, type AppServices } from '@tab/app-context';
import PupilDocuments from '@tab/Register/PupilDocuments';
import { sencoActor } from '@tests/support/factories';

const plan = (extra: Partial<PupilDocument>): PupilDocument => ({
  id: '01ABCDEF',
  pupilId: 'pupil-1',
  name: 'Support plan.pdf',
  type: 'support_plan',
  status: 'current',
  reviewDate: '2027-02-01',
  contentType: 'application/pdf',
  size: 1234,
  uploadedBy: sencoActor,
  uploadedAt: '2026-11-02T09:00:00.000Z',
  supersededAt: null,
  webUrl: null,
  version: 1,
  ...extra,
});

/** The panel as the server's list route answers it: the network is the only thing stood in for. */
async function show(documents: PupilDocument[], canChange: boolean) {
  globalThis.fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ documents, canChange }) })) as never;
  const services = { getToken: async () => null, today: '2026-11-02' } as unknown as AppServices;
  await act(async () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <AppContext.Provider value={services}>
          <PupilDocuments pupilId="pupil-1" />
        </AppContext.Provider>
      </FluentProvider>,
    );
  });
}

describe('PupilDocuments', () => {
  const webUrl = 'https://oakfield.sharepoint.example/sites/send/SEND%20Pupil%20Records/pupil-1/Support%20plan.pdf';

  it('offers the SEND team “Open in SharePoint” for a document in the library, in a new tab', async () => {
    await show([plan({ webUrl })], true);
    const link = screen.getByRole('link', { name: 'Open in SharePoint: Support plan.pdf' });
    expect(link.getAttribute('href')).toBe(webUrl);
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('offers no SharePoint link to staff outside the SEND team: the library is not shared with them', async () => {
    await show([plan({ webUrl })], false);
    expect(screen.getByRole('button', { name: 'Support plan.pdf' })).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('offers no SharePoint link for a file the app keeps itself', async () => {
    await show([plan({})], true);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
