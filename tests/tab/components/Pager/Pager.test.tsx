/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { Pager } from '@tab/components/Pager/Pager';

function renderPager(page: number, total: number) {
  const onPage = jest.fn();
  render(
    <FluentProvider theme={teamsLightTheme}>
      <Pager page={page} pageSize={50} total={total} onPage={onPage} label="Live tracker" />
    </FluentProvider>,
  );
  return onPage;
}

describe('Pager', () => {
  it('says which rows are showing out of how many, with thousands separators', () => {
    renderPager(1, 5000);
    expect(screen.getByRole('status').textContent).toBe('Showing 51–100 of 5,000 (page 2 of 100)');
  });

  it('moves a page either way', () => {
    const onPage = renderPager(1, 5000);
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(onPage.mock.calls).toEqual([[2], [0]]);
  });

  it('cannot go before the first page or past the last', () => {
    renderPager(0, 20);
    expect(screen.getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Next page' }).hasAttribute('disabled')).toBe(true);
  });
});
