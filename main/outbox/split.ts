/** UTF-8 length of a string without encoding it. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cuts one over-long line into pieces of at most `maxBytes`, never inside a character. */
function cutLine(line: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const b = utf8Bytes(ch);
    if (size + b > maxBytes && current) {
      pieces.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += b;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Splits a text that exceeds a channel's limit (WeCom robot: text 2048 bytes, markdown 4096 bytes,
 * UTF-8) into parts sent in order, at line boundaries; the line break between two parts (and blank
 * lines at a part's edges) are dropped, and only a single line longer than the limit is cut inside
 * the line.
 */
export function splitText(text: string, maxBytes: number): string[] {
  if (utf8Bytes(text) <= maxBytes) return [text];
  const parts: string[] = [];
  let current: string | undefined;
  let size = 0;
  const flush = () => {
    if (current !== undefined) parts.push(current);
    current = undefined;
    size = 0;
  };
  for (const line of text.split('\n')) {
    const lineBytes = utf8Bytes(line);
    if (lineBytes > maxBytes) {
      flush();
      const pieces = cutLine(line, maxBytes);
      parts.push(...pieces.slice(0, -1));
      current = pieces.at(-1) ?? '';
      size = utf8Bytes(current);
      continue;
    }
    const added = current === undefined ? lineBytes : size + 1 + lineBytes;
    if (added > maxBytes) {
      flush();
      current = line;
      size = lineBytes;
    } else {
      current = current === undefined ? line : `${current}\n${line}`;
      size = added;
    }
  }
  flush();
  // Blank lines at a part's edges would show as empty lines at the top or bottom of a message.
  return parts.map((p) => p.replace(/^\n+|\n+$/g, '')).filter((p) => p.trim() !== '');
}
