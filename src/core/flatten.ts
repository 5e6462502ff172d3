/**
 * requires() and output() return a single item or any nesting of arrays and
 * plain records of items. flatten() lists the leaves in a stable order;
 * mapTree() keeps the shape (input() mirrors requires() this way).
 */
export type Tree<T> = T | readonly Tree<T>[] | { readonly [key: string]: Tree<T> } | null | undefined;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function flatten<T>(tree: Tree<T>): T[] {
  const out: T[] = [];
  const walk = (node: Tree<T>): void => {
    if (node === null || node === undefined) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (isPlainRecord(node)) Object.keys(node).forEach((k) => walk((node as Record<string, Tree<T>>)[k]));
    else out.push(node as T);
  };
  walk(tree);
  return out;
}

export function mapTree<T, U>(tree: Tree<T>, fn: (leaf: T) => U): Tree<U> {
  if (tree === null || tree === undefined) return tree as null | undefined;
  if (Array.isArray(tree)) return tree.map((t) => mapTree(t, fn));
  if (isPlainRecord(tree)) {
    const out: Record<string, Tree<U>> = {};
    for (const [k, v] of Object.entries(tree)) out[k] = mapTree(v as Tree<T>, fn);
    return out;
  }
  return fn(tree as T);
}
