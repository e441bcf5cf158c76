/*
 * JSON as a tree we serialise ourselves. A JavaScript object cannot hold a `__proto__` key written by an
 * object literal, nor the same key twice; a hostile body can, so bodies are built as text from this.
 */

export type JsonNode =
  /** A number, true, false or null, as its JSON text. */
  | { t: 'token'; text: string }
  | { t: 'string'; value: string }
  | { t: 'array'; items: JsonNode[] }
  | { t: 'object'; entries: [string, JsonNode][] };

export function jsonText(node: JsonNode): string {
  switch (node.t) {
    case 'token':
      return node.text;
    case 'string':
      // JSON.stringify escapes lone surrogates as \udXXX: the text stays well-formed, the value does not.
      return JSON.stringify(node.value);
    case 'array':
      return `[${node.items.map(jsonText).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([key, child]) => `${JSON.stringify(key)}:${jsonText(child)}`).join(',')}}`;
  }
}

/** The tree of a well-formed example value, to be mutated. */
export function jsonNodeOf(value: unknown): JsonNode {
  if (typeof value === 'string') return { t: 'string', value };
  if (Array.isArray(value)) return { t: 'array', items: value.map(jsonNodeOf) };
  if (value !== null && typeof value === 'object') return { t: 'object', entries: Object.entries(value).map(([key, child]) => [key, jsonNodeOf(child)]) };
  return { t: 'token', text: JSON.stringify(value ?? null) };
}

/**
 * One change to a tree, aimed at the node with index `at` (pre-order, modulo the node count), so the
 * same mutation applies to whatever example it is resolved against.
 */
export type JsonMutation =
  | { op: 'replace'; at: number; node: JsonNode }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; node: JsonNode }
  | { op: 'duplicate'; at: number }
  | { op: 'wrap'; at: number };

function nodeCount(node: JsonNode): number {
  if (node.t === 'array') return 1 + node.items.reduce((sum, item) => sum + nodeCount(item), 0);
  if (node.t === 'object') return 1 + node.entries.reduce((sum, [, child]) => sum + nodeCount(child), 0);
  return 1;
}

/** Applies `change` to the node at pre-order index `target`; `change` returns the replacement, or null to drop it. */
function rewrite(node: JsonNode, target: number, change: (node: JsonNode) => JsonNode | null): JsonNode | null {
  let index = 0;
  const visit = (current: JsonNode): JsonNode | null => {
    if (index++ === target) return change(current);
    if (current.t === 'array') return { t: 'array', items: current.items.map(visit).filter((item): item is JsonNode => item !== null) };
    if (current.t === 'object') {
      return { t: 'object', entries: current.entries.flatMap(([key, child]) => { const next = visit(child); return next ? [[key, next] as [string, JsonNode]] : []; }) };
    }
    return current;
  };
  return visit(node);
}

export function mutate(root: JsonNode, mutation: JsonMutation): JsonNode {
  const target = mutation.at % nodeCount(root);
  const changed = rewrite(root, target, (node) => {
    switch (mutation.op) {
      case 'replace':
        return mutation.node;
      case 'delete':
        return null;
      case 'add':
        if (node.t === 'object') return { t: 'object', entries: [...node.entries, [mutation.key, mutation.node]] };
        if (node.t === 'array') return { t: 'array', items: [...node.items, mutation.node] };
        return mutation.node;
      case 'duplicate':
        if (node.t === 'object' && node.entries.length > 0) return { t: 'object', entries: [...node.entries, node.entries[0]!] };
        if (node.t === 'array') return { t: 'array', items: [...node.items, ...node.items] };
        return { t: 'array', items: [node, node] };
      case 'wrap':
        return { t: 'array', items: [node] };
    }
  });
  return changed ?? { t: 'token', text: 'null' };
}
