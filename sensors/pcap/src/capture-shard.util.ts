import { type CaptureStats, HttpCaptureParser } from '@apiscope/capture';

export interface CaptureShardOptions {
  sensorId: string;
  maxBodyBytes: number;
  shardIndex: number;
  shardCount: number;
}

/**
 * One engine and the NDJSON it produced since the last take. Used in the calling thread with one
 * worker and inside each worker thread otherwise, so both paths run the same code.
 */
export class CaptureShard {
  private readonly engine: HttpCaptureParser;
  private text = '';
  private count = 0;

  constructor(options: CaptureShardOptions) {
    this.engine = new HttpCaptureParser({
      sensorId: options.sensorId,
      maxBodyBytes: options.maxBodyBytes,
      shardIndex: options.shardIndex,
      shardCount: options.shardCount,
      onCall: (call) => {
        this.text += `${JSON.stringify(call)}\n`;
        this.count += 1;
      },
    });
  }

  push(chunk: Buffer): void {
    this.engine.push(chunk);
  }

  get failed(): boolean {
    return this.engine.failed;
  }

  /** Events produced since the last call, as NDJSON, and how many. */
  take(): { text: string; count: number } {
    const out = { text: this.text, count: this.count };
    this.text = '';
    this.count = 0;
    return out;
  }

  finish(): CaptureStats {
    return this.engine.finish();
  }

  snapshot(): CaptureStats {
    return this.engine.snapshot();
  }
}
