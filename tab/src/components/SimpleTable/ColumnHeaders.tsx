/** A simple table's header row: one column header per name, scoped so screen readers announce it with each cell. */
export function ColumnHeaders({ names, className }: { names: readonly string[]; className?: string }) {
  return (
    <thead>
      <tr>
        {names.map((name, i) => (
          // Index keys: two columns may share a name (e.g. "National" beside each measure).
          <th key={i} className={className} scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
