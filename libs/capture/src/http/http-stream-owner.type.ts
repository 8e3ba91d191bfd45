import { type BodyCollector } from './body-collector.util';
import { type HttpHead } from './http-head.type';
import { type HttpStreamParser } from './http-stream.parser';

/** How the owner wants the body after a head: by its headers, none, or stop parsing (tunnel). */
export const BodyDecision = { FRAMING: 0, NONE: 1, TUNNEL: 2 } as const;
export type BodyDecision = (typeof BodyDecision)[keyof typeof BodyDecision];

export interface HttpStreamOwner {
  onHead(parser: HttpStreamParser, head: HttpHead, tsMs: number): BodyDecision;
  onMessageEnd(
    parser: HttpStreamParser,
    body: BodyCollector | undefined,
    tsMs: number,
    incomplete: boolean,
  ): void;
  onParseError(parser: HttpStreamParser, reason: string): void;
}
