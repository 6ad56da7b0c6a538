/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '@tab/api/api-error';
import { describedBy } from '../support/field-description';
import { installResizeObserver } from '../support/resize-observer';
import { likelyTerm, SnapshotForm } from '@tab/Register/SnapshotForm';

installResizeObserver();

function renderForm(takeSnapshot: (term: string) => Promise<unknown>, onTaken = jest.fn()) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <SnapshotForm api={{ takeSnapshot } as never} today="2026-11-25" onTaken={onTaken} />
    </FluentProvider>,
  );
  return onTaken;
}

describe('SnapshotForm', () => {
  it('names the likely term the way the API does', () => {
    expect(likelyTerm('2026-11-25')).toBe('2026-27 Autumn');
    expect(likelyTerm('2027-02-01')).toBe('2026-27 Spring');
    expect(likelyTerm('2027-06-30')).toBe('2026-27 Summer');
    expect(likelyTerm('2099-09-01')).toBe('2099-00 Autumn');
  });

  it('posts the term and hands back the snapshot the server stored', async () => {
    const terms: string[] = [];
    const onTaken = renderForm(async (term) => (terms.push(term), { term, total: 20 }));
    fireEvent.click(screen.getByRole('button', { name: 'Take termly snapshot' }));
    await waitFor(() => expect(onTaken).toHaveBeenCalledWith({ term: '2026-27 Autumn', total: 20 }));
    expect(terms).toEqual(['2026-27 Autumn']);
  });

  it('shows the server’s problem with the term beside the field', async () => {
    const onTaken = renderForm(async () => {
      throw new ApiError(400, 'validation', 'Invalid input', [{ path: 'term', message: 'must be a term like "2025-26 Autumn"' }]);
    });
    fireEvent.change(screen.getByLabelText('Term'), { target: { value: 'Autumn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Take termly snapshot' }));
    await waitFor(() => expect(describedBy(screen.getByLabelText('Term'))).toContain('must be a term like "2025-26 Autumn"'));
    expect(onTaken).not.toHaveBeenCalled();
  });
});
