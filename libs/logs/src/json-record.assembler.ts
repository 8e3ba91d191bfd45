export type AssembledRecord =
  | { kind: 'record'; line: number; text: string }
  | { kind: 'not-json'; line: number }
  | { kind: 'too-long'; line: number; chars: number };

/**
 * Collects a JSON record that spans lines: a pretty-printed record (Kong's documented payload) or a
 * batch array (Kong http-log with batching). NDJSON lines never come here: the line parser hands a
 * line over only when it does not parse on its own. Brackets are counted outside strings until they
 * balance. A record longer than `maxChars` is skipped without being kept, so it costs no memory.
 */
export class JsonRecordAssembler {
  private startLine = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private chars = 0;
  isOpen = false;

  constructor(private readonly maxChars: number) {}

  /** A line that starts a record but is not one by itself: opens a record, or is not JSON at all. */
  begin(line: string, lineNumber: number): AssembledRecord | undefined {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    if (this.scan(line) <= 0) return { kind: 'not-json', line: lineNumber };
    this.isOpen = true;
    this.startLine = lineNumber;
    this.parts = [line];
    this.chars = line.length;
    return undefined;
  }

  /** The next line of an open record: the whole record once its brackets balance. */
  push(line: string): AssembledRecord | undefined {
    this.chars += line.length + 1;
    if (this.chars <= this.maxChars) this.parts.push(line);
    if (this.scan(line) > 0) return undefined;
    const text = this.parts.join('\n');
    this.isOpen = false;
    this.parts = [];
    return this.chars > this.maxChars
      ? { kind: 'too-long', line: this.startLine, chars: this.chars }
      : { kind: 'record', line: this.startLine, text };
  }

  /** End of input: a record still open was cut off. */
  end(): AssembledRecord | undefined {
    if (!this.isOpen) return undefined;
    this.isOpen = false;
    this.parts = [];
    return { kind: 'not-json', line: this.startLine };
  }

  /** Updates bracket depth over `text` (strings and escapes respected) and returns it. */
  private scan(text: string): number {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (c === 0x7d || c === 0x5d) this.depth--;
    }
    return this.depth;
  }
}
