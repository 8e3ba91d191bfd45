/** Files smaller than this finish before a bar would help. */
export const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;

const WIDTH = 30;
const REDRAW_MS = 100;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * `access.log [##########----------] 48% 512/1,066 MB 812,345 lines/s` on one stderr line, redrawn
 * at most ten times a second, and only on a terminal: piped stderr gets the summary alone.
 */
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = Date.now();
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly totalBytes: number,
  ) {
    this.enabled = stream.isTTY === true && totalBytes >= PROGRESS_MIN_BYTES;
  }

  update(doneBytes: number, lines: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const share = Math.min(1, doneBytes / this.totalBytes);
    const filled = Math.round(share * WIDTH);
    const mb = (b: number) => Math.round(b / 1e6).toLocaleString('en-US');
    const rate = Math.round(lines / Math.max((now - this.started) / 1000, 0.001)).toLocaleString('en-US');
    this.stream.write(
      `\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${mb(doneBytes)}/${mb(this.totalBytes)} MB ${rate} lines/s`,
    );
    this.drawn = true;
  }

  /** Clears the bar so the summary starts on a clean line. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
