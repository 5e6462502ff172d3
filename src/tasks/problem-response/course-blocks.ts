import { isPyDict, parsePythonJson, pyGet, pyKeys, pythonStr, type PyDict, type PyValue } from '../../eventlog/parse/index.js';

/** edX CourseBlockRecord: where a block sits in its course. */
export interface CourseBlock {
  blockId: string;
  courseId: string;
  blockType: string;
  displayName: string;
  isRoot: boolean;
  isOrphan: boolean;
  isDag: boolean;
  parentBlockId: string | null;
  coursePath: string;
  sortIdx: number;
}

export interface BlockPathOptions {
  /** `[course-blocks] path_delimiter`, default ` / `. */
  pathDelimiter: string;
  /** `[course-blocks] deleted_blocks_path`, default `(Deleted block :)`. */
  deletedBlocksPath: string;
  /** `[course-blocks] sort_orphan_blocks_up`: orphans sort first (-1) instead of last (number of blocks). */
  sortOrphanBlocksUp: boolean;
}

interface Placement {
  sortIdx: number;
  parents: string[];
  isDag: boolean;
}

/**
 * edX CourseBlocksApiDataTask for one line of the Course Blocks API dump
 * (`{"course_id", "root", "blocks": {id: {display_name, type, children}}}`):
 * blocks numbered in pre-order from the root; a block met again is a DAG
 * block (kept where first met); a block never met is an orphan, whose path
 * is the deleted-blocks text. Null when the line has no usable root.
 */
export function courseBlocksOf(line: string, options: BlockPathOptions): CourseBlock[] | null {
  const data = parsePythonJson(line);
  if (!isPyDict(data)) return null;
  const root = pyGet(data, 'root');
  const blocks = pyGet(data, 'blocks') ?? {};
  const courseId = pyGet(data, 'course_id');
  if (typeof courseId !== 'string' || typeof root !== 'string' || !isPyDict(blocks) || !isPyDict(pyGet(blocks, root))) return null;
  const placed = new Map<string, Placement>();
  placeInOrder(root, blocks as PyDict, placed);
  const ids = pyKeys(blocks as PyDict);
  const unplaced = options.sortOrphanBlocksUp ? -1 : ids.length;
  const sortIdxOf = (id: string) => placed.get(id)?.sortIdx ?? unplaced;
  // Python's sorted() is stable: equal sort indexes (the orphans) keep the dict's order.
  return [...ids]
    .sort((a, b) => sortIdxOf(a) - sortIdxOf(b))
    .map((id) => {
      const block = pyGet(blocks as PyDict, id) as PyDict;
      const place = placed.get(id);
      const isRoot = id === root;
      const parents = place?.parents ?? [];
      const isOrphan = !isRoot && parents.length === 0;
      const names = parents.map((p) => text(pyGet(pyGet(blocks as PyDict, p) as PyDict, 'display_name')));
      return {
        // The API repeats each block's key as its `id`; a hand-made dump may leave it out, and an empty
        // id would match no answer, sending every answer of the course to the deleted-blocks path.
        blockId: text(pyGet(block, 'id') ?? id),
        courseId,
        blockType: text(pyGet(block, 'type')),
        // CourseBlockRecord cuts the name to 255 characters, then its encoder squeezes the whitespace.
        displayName: normalizeWhitespace(text(pyGet(block, 'display_name')).slice(0, 255)),
        isRoot,
        isOrphan,
        isDag: place?.isDag ?? false,
        parentBlockId: parents.length > 0 ? parents[parents.length - 1]! : null,
        coursePath: normalizeWhitespace(isOrphan ? options.deletedBlocksPath : names.join(options.pathDelimiter)),
        sortIdx: sortIdxOf(id),
      };
    });
}

// edX `_index_children`, iteratively: pre-order numbering, parents = the path from the root.
function placeInOrder(root: string, blocks: PyDict, placed: Map<string, Placement>): void {
  let next = 0;
  const stack: [id: string, parents: string[]][] = [[root, []]];
  while (stack.length > 0) {
    const [id, parents] = stack.pop()!;
    const block = pyGet(blocks, id);
    if (!isPyDict(block)) continue;
    const seen = placed.get(id);
    if (seen) {
      seen.isDag = true;
      continue;
    }
    placed.set(id, { sortIdx: next++, parents, isDag: false });
    const children = pyGet(block, 'children');
    const list = Array.isArray(children) ? children.filter((c): c is string => typeof c === 'string') : [];
    for (let i = list.length - 1; i >= 0; i--) stack.push([list[i]!, [...parents, id]]);
  }
}

function text(value: PyValue | undefined): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : pythonStr(value);
}

/** edX's Record `normalize_whitespace`: runs of whitespace become one space (Python 2's `\s`: ASCII only). */
function normalizeWhitespace(value: string): string {
  return value.replace(/[ \t\n\r\f\v]+/g, ' ');
}
