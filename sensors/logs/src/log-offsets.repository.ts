import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How far one content generation (see log-fingerprint.util) has been read and delivered. */
export interface GenerationOffset {
  span: number;
  offset: number;
  line: number;
  /** Where it was last read: lets a restart look beside that path for a rotated copy. */
  path: string;
  /** Read to its end after it was rotated away: nothing more will come. */
  complete?: boolean;
  updatedAt: number;
}

interface OffsetsFile {
  version: 1;
  generations: Record<string, GenerationOffset>;
}

/** Generations kept in the file (the oldest are forgotten first): the file is rewritten every second. */
const MAX_GENERATIONS = 10_000;
/** A generation read to its end and untouched this long is forgotten: its file is long rotated away. */
const FORGET_COMPLETE_MS = 30 * 24 * 3600 * 1000;

/**
 * `<data>/log-offsets.json`: offsets keyed by content fingerprint, not by path, so a renamed or
 * compressed log resumes where its content was left, and two paths to one content are read once.
 * Written to a temporary file and renamed: a crash leaves the old or the new file, never half of one.
 * An offset is saved only after its events were accepted by the sink (at-least-once delivery).
 */
export class LogOffsetsRepository {
  private readonly generations = new Map<string, GenerationOffset>();
  private dirty = false;

  constructor(private readonly file: string) {
    let parsed: OffsetsFile | undefined;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as OffsetsFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`cannot read the log offsets in ${file}: ${(error as Error).message}`);
      }
    }
    if (parsed?.version === 1 && typeof parsed.generations === 'object') {
      const now = Date.now();
      for (const [id, g] of Object.entries(parsed.generations)) {
        if (g.complete === true && now - g.updatedAt > FORGET_COMPLETE_MS) continue;
        if (Number.isSafeInteger(g.offset) && Number.isSafeInteger(g.line) && Number.isSafeInteger(g.span)) {
          this.generations.set(id, g);
        }
      }
    }
  }

  get(id: string): GenerationOffset | undefined {
    return this.generations.get(id);
  }

  /** Generations last read at `path`. */
  readAt(path: string): Array<[string, GenerationOffset]> {
    return [...this.generations].filter(([, g]) => g.path === path);
  }

  set(id: string, value: Omit<GenerationOffset, 'updatedAt'>): void {
    this.generations.delete(id);
    this.generations.set(id, { ...value, updatedAt: Date.now() });
    this.dirty = true;
  }

  delete(id: string): void {
    this.dirty = this.generations.delete(id) || this.dirty;
  }

  save(): void {
    if (!this.dirty) return;
    while (this.generations.size > MAX_GENERATIONS) {
      const oldest = this.generations.keys().next().value as string;
      this.generations.delete(oldest);
    }
    const body: OffsetsFile = { version: 1, generations: Object.fromEntries(this.generations) };
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(body)}\n`);
    renameSync(temp, this.file);
    this.dirty = false;
  }
}
