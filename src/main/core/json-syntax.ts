/**
 * Where a JSON text first goes wrong, as a line and column. JSON.parse's own message quotes
 * the text around the fault, and a file a person picked by mistake may be a passwords
 * export; so error messages say only where, never what (see handlers/templates.ts).
 * Called only after JSON.parse has refused the text.
 */

export interface TextPosition {
  line: number;
  column: number;
}

/** 1-based line and column of the character at `offset` (columns count UTF-16 units). */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const isWhitespace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * The offset of the first character that makes `text` invalid JSON (text.length when it
 * ends too early), or null when it is valid. Iterative, so deep nesting cannot overflow.
 */
export function jsonSyntaxErrorOffset(text: string): number | null {
  let i = 0;
  // What each open container expects next.
  const stack: ('object' | 'array')[] = [];
  const skip = (): void => {
    while (isWhitespace(text[i])) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          i++;
          return false;
        }
      } else {
        i++;
      }
    }
    return false;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (isDigit(text[i])) while (isDigit(text[i])) i++;
    else return false;
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) return false;
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) return false;
      while (isDigit(text[i])) i++;
    }
    return true;
  };
  const literal = (word: string): boolean => {
    for (const ch of word) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };
  /** A key and its colon, before an object's value. */
  const member = (): boolean => {
    skip();
    if (!string()) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };

  let needValue = true;
  for (;;) {
    skip();
    if (needValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          needValue = false;
        } else {
          stack.push(c === '{' ? 'object' : 'array');
          if (c === '{' && !member()) return i;
        }
        continue;
      }
      if (!scalar()) return i;
      needValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (text[i] === (top === 'object' ? '}' : ']')) {
      i++;
      stack.pop();
      continue;
    }
    if (text[i] !== ',') return i;
    i++;
    if (top === 'object' && !member()) return i;
    needValue = true;
  }
  return i === text.length ? null : i;
}
