/** Walks a card's JSON the way a Teams client renders it, to find what a button would post. */
type Node = Record<string, unknown>;

function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const n of node) yield* walk(n);
  else if (node && typeof node === 'object') {
    yield node as Node;
    for (const value of Object.values(node)) yield* walk(value);
  }
}

/** The `data` an Action.Execute with `verb` for `actionId` would post, with `inputs` merged in as Teams does. */
export function clickData(card: Node, verb: string, actionId: string, inputs: Record<string, string> = {}): Record<string, unknown> {
  for (const node of walk(card.body)) {
    const data = node.data as Node | undefined;
    if (node.type === 'Action.Execute' && node.verb === verb && data?.actionId === actionId) return { ...data, ...inputs };
  }
  throw new Error(`no ${verb} button for ${actionId} on the card`);
}

/** Every TextBlock's and TextRun's text, in order, for reading a card like a person would. */
export function cardText(card: Node): string {
  return [...walk(card.body)]
    .filter((n) => n.type === 'TextBlock' || n.type === 'TextRun')
    .map((n) => String(n.text))
    .join('\n');
}
