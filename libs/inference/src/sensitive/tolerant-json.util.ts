import { DYNAMIC_SEGMENT, pathSegmentOf } from './json-path.util';
import { type LeafVisitor, type WalkBudget } from './json-leaves.util';
import { type SensitiveScanLimits } from './sensitive-scan-limits.constant';

interface Frame {
  array: boolean;
  path: string;
  name: string | null;
  parent: string | null;
  /** Object frames: the member key being read, its path segment, and whether the next string is a key. */
  key: string | null;
  segment: string;
  expectKey: boolean;
  children: number;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function parseString(raw: string): string | null {
  // Most strings have no escapes: no need for the JSON parser then.
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

/** Index just past the string starting at `i`, or -1 when the text ends inside it. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 1;
    else if (c === 34) return j + 1;
  }
  return -1;
}

/** Index just past the value starting at `i` (skipped unread), or -1 when the text ends inside it. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c !== '{' && c !== '[') {
    for (let j = i; j < text.length; j += 1)
      if (text[j] === ',' || text[j] === '}' || text[j] === ']') return j;
    return -1;
  }
  let depth = 0;
  for (let j = i; j < text.length; j += 1) {
    const d = text[j];
    if (d === '"') {
      const end = stringEnd(text, j);
      if (end === -1) return -1;
      j = end - 1;
    } else if (d === '{' || d === '[') depth += 1;
    else if ((d === '}' || d === ']') && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * Leaves of a JSON text that the sensor cut short (bodies are capped at 64 KiB) or that does not
 * parse: reads tokens left to right with the same paths and limits as `walkJsonLeaves`, and stops at
 * the first incomplete or malformed token. What was read before it is still reported. `cut` says the
 * text may end mid-token (a capped body) rather than being complete but malformed.
 */
export function scanJsonTextLeaves(
  text: string,
  visit: LeafVisitor,
  limits: SensitiveScanLimits,
  budget: WalkBudget,
  cut = true,
): void {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ':') {
      i += 1;
      continue;
    }
    if (c === ',') {
      if (top !== undefined && !top.array) top.expectKey = true;
      i += 1;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      i += 1;
      continue;
    }
    const isKey = top !== undefined && !top.array && top.expectKey;
    if (isKey) {
      const end = c === '"' ? stringEnd(text, i) : -1;
      const key = end === -1 ? null : parseString(text.slice(i, end));
      if (key === null) return;
      top.key = key;
      top.segment = pathSegmentOf(key);
      top.expectKey = false;
      i = end;
      continue;
    }
    // A value: where it sits, and whether limits say to skip it unread.
    let path = '$';
    let name: string | null = null;
    let parent: string | null = null;
    if (top !== undefined) {
      top.children += 1;
      if (top.array) [path, name, parent] = [`${top.path}[*]`, top.name, top.parent];
      else if (top.segment === DYNAMIC_SEGMENT)
        [path, name, parent] = [top.path + top.segment, top.name, top.parent];
      else [path, name, parent] = [top.path + top.segment, top.key, top.name];
    }
    const overWidth =
      top !== undefined && top.children > (top.array ? limits.maxArrayItems : limits.maxObjectKeys);
    if (budget.nodes <= 0 || overWidth || ((c === '{' || c === '[') && stack.length >= limits.maxDepth)) {
      budget.exhausted ||= !(overWidth && top?.array === true);
      const end = valueEnd(text, i);
      if (end === -1) return;
      i = end;
      continue;
    }
    budget.nodes -= 1;
    if (c === '{' || c === '[') {
      stack.push({
        array: c === '[',
        path,
        name,
        parent,
        key: null,
        segment: '',
        expectKey: c === '{',
        children: 0,
      });
      i += 1;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const value = end === -1 ? null : parseString(text.slice(i, end));
      if (value === null) return;
      visit(path, name, parent, value);
      i = end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      // A number running into the end of a cut text may have lost digits, and one followed by
      // anything but a delimiter was cut mid-exponent or is malformed: neither is read.
      const after = text[i + (m?.[0].length ?? 0)];
      if (m === null || (after === undefined ? cut : !/[\s,\]}]/.test(after))) return;
      visit(path, name, parent, Number(m[0]));
      i += m[0].length;
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else return;
  }
}
