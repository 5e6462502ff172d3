import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

// Python's str.split() with no argument: runs of Unicode whitespace (str.isspace), not JS's \s.
const PYTHON_WHITESPACE_RUN = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * The visible text of an HTML fragment, as edX's `get_text_from_html` gives it
 * (answer_dist.py:554-587): parse the markup as a whole document the way
 * html5lib does (parse5 follows the same WHATWG algorithm), take every text
 * node in document order (comments and doctypes are not text), split each on
 * whitespace and join all the pieces with single spaces.
 */
export function htmlToText(markup: string): string {
  const tokens: string[] = [];
  collectText(parse(markup), tokens);
  return tokens.join(' ');
}

function collectText(node: Node, tokens: string[]): void {
  if (node.nodeName === '#text') {
    for (const piece of (node as DefaultTreeAdapterMap['textNode']).value.split(PYTHON_WHITESPACE_RUN))
      if (piece !== '') tokens.push(piece);
    return;
  }
  const children = (node as ParentNode).childNodes;
  if (children) for (const child of children) collectText(child, tokens);
  // <template> keeps its children in a separate fragment; html5lib's etree keeps them inline.
  const content = (node as DefaultTreeAdapterMap['template']).content;
  if (node.nodeName === 'template' && content) collectText(content, tokens);
}
