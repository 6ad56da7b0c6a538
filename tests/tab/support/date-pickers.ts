import { waitFor } from '@testing-library/react';

/** Until every DateField has its picker: the picker's chunk is lazy, and a read-only stand-in shows the date meanwhile. */
export async function datePickersReady(): Promise<void> {
  await waitFor(() => expect(document.querySelector('input[readonly][placeholder="dd/mm/yyyy"]')).toBeNull());
}
