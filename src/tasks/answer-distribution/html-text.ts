import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { isPythonWhitespace } from '../../eventlog/parse/index.js';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];


// html5lib parses with scripting off (its default, edX's html5lib 1.0.1 too): <noscript>
// content is markup, not raw text. parse5's default is on.
const PARSE_AS_HTML5LIB = { scriptingEnabled: false };

/**
 * The visible text of an HTML fragment, as edX's `get_text_from_html` gives it
 * (answer_dist.py:554-587): parse the markup as a whole document the way
 * html5lib does (parse5 follows the same WHATWG algorithm), take every text
 * node in document order (comments and doctypes are not text), split each on
 * whitespace and join all the pieces with single spaces.
 */
export function htmlToText(markup: string): string {
  const tokens: string[] = [];
  collectText(parse(markup, PARSE_AS_HTML5LIB), tokens);
  return tokens.join(' ');
}

function collectText(node: Node, tokens: string[]): void {
  if (node.nodeName === '#text') {
    pythonSplit((node as DefaultTreeAdapterMap['textNode']).value, tokens);
    return;
  }
  const children = (node as ParentNode).childNodes;
  if (children) for (const child of children) collectText(child, tokens);
  // <template> keeps its children in a separate fragment; html5lib's etree keeps them inline.
  const content = (node as DefaultTreeAdapterMap['template']).content;
  if (node.nodeName === 'template' && content) collectText(content, tokens);
}

// Python's str.split() with no argument: runs of Python whitespace separate words (not JS's \s).
function pythonSplit(text: string, into: string[]): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isPythonWhitespace(text.charCodeAt(i));
    if (space && start >= 0) {
      into.push(text.slice(start, i));
      start = -1;
    } else if (!space && start < 0) start = i;
  }
}
