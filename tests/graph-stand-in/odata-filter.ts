/**
 * The subset of OData `$filter` that SharePoint list items accept through Graph:
 * `fields/Name eq 'text'`, `ne`, `ge`, `gt`, `le`, `lt`, joined by `and` / `or`, with parentheses.
 * https://learn.microsoft.com/graph/filter-query-parameter
 * https://learn.microsoft.com/graph/api/listitem-list ("filter on fields", e.g. `fields/Color eq 'red'`)
 */
export type Comparison = 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';

export type FilterNode =
  | { kind: 'cmp'; field: string; op: Comparison; value: string | number | boolean | null }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };

/** A filter Graph would reject as malformed (400 invalidRequest). */
export class FilterSyntaxError extends Error {}

const TOKEN = /\s*(\(|\)|'(?:[^']|'')*'|[A-Za-z_][\w/]*|-?\d+(?:\.\d+)?)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) throw new FilterSyntaxError(`Invalid filter clause at position ${start}`);
    tokens.push(match[1]!);
  }
  return tokens;
}

const COMPARISONS = new Set<string>(['eq', 'ne', 'ge', 'gt', 'le', 'lt']);

/** Parses a `$filter` expression. @throws FilterSyntaxError */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const token = tokens[pos++];
    if (token === undefined) throw new FilterSyntaxError('Unexpected end of filter');
    return token;
  };

  function literal(token: string): string | number | boolean | null {
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    const n = Number(token);
    if (Number.isNaN(n)) throw new FilterSyntaxError(`Invalid literal ${token}`);
    return n;
  }

  function primary(): FilterNode {
    if (peek() === '(') {
      next();
      const inner = orExpr();
      if (next() !== ')') throw new FilterSyntaxError('Missing )');
      return inner;
    }
    const path = next();
    if (!path.startsWith('fields/')) throw new FilterSyntaxError(`Only fields/ properties can be filtered here, got ${path}`);
    const op = next();
    if (!COMPARISONS.has(op)) throw new FilterSyntaxError(`Unknown operator ${op}`);
    return { kind: 'cmp', field: path.slice('fields/'.length), op: op as Comparison, value: literal(next()) };
  }

  function andExpr(): FilterNode {
    let left = primary();
    while (peek() === 'and') {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }

  function orExpr(): FilterNode {
    let left = andExpr();
    while (peek() === 'or') {
      next();
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }

  const tree = orExpr();
  if (pos !== tokens.length) throw new FilterSyntaxError(`Unexpected ${tokens[pos]}`);
  return tree;
}

/** Every field a filter refers to (for the indexed-column rule). */
export function filterFields(node: FilterNode): string[] {
  return node.kind === 'cmp' ? [node.field] : [...filterFields(node.left), ...filterFields(node.right)];
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the item's fields satisfy the filter. */
export function matches(node: FilterNode, fields: Record<string, unknown>): boolean {
  if (node.kind !== 'cmp') {
    return node.kind === 'and'
      ? matches(node.left, fields) && matches(node.right, fields)
      : matches(node.left, fields) || matches(node.right, fields);
  }
  const actual = fields[node.field] ?? null;
  if (node.value === null) return node.op === 'eq' ? actual === null : node.op === 'ne' ? actual !== null : false;
  if (actual === null) return node.op === 'ne';
  const c = compare(actual, node.value);
  switch (node.op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'ge':
      return c >= 0;
    case 'gt':
      return c > 0;
    case 'le':
      return c <= 0;
    case 'lt':
      return c < 0;
  }
}

/** `$orderby=fields/A desc,fields/B` -> sort keys. @throws FilterSyntaxError */
export function parseOrderBy(text: string): { field: string; desc: boolean }[] {
  return text.split(',').map((part) => {
    const [path = '', direction = 'asc', extra] = part.trim().split(/\s+/);
    if (!path.startsWith('fields/') || extra !== undefined || !['asc', 'desc'].includes(direction)) {
      throw new FilterSyntaxError(`Invalid $orderby clause ${part.trim()}`);
    }
    return { field: path.slice('fields/'.length), desc: direction === 'desc' };
  });
}

/** Sorts items by the given keys (stable, so ties keep item id order). */
export function sortBy<T extends { fields: Record<string, unknown> }>(items: T[], keys: { field: string; desc: boolean }[]): T[] {
  return [...items].sort((a, b) => {
    for (const { field, desc } of keys) {
      const c = compare(a.fields[field] ?? null, b.fields[field] ?? null);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}
