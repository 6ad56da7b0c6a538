/** The `<option>`s of a staff picker, by Entra id, showing each name. */
export function StaffOptions({ staff }: { staff: readonly { id: string; name: string }[] }) {
  return (
    <>
      {staff.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}
