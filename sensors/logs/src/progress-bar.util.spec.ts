import { PROGRESS_MIN_BYTES, ProgressBar } from './progress-bar.util';

function stream(isTTY: boolean): { isTTY: boolean; text: string; write(t: string): boolean } {
  return {
    isTTY,
    text: '',
    write(t: string) {
      this.text += t;
      return true;
    },
  };
}

describe(ProgressBar.name, () => {
  it('should draw on a terminal for a large file, then clear its line', () => {
    const tty = stream(true);
    const bar = new ProgressBar(tty, 'access.log', 4 * PROGRESS_MIN_BYTES);
    bar.update(2 * PROGRESS_MIN_BYTES, 1000);
    expect(tty.text).toMatch(/^\raccess\.log \[#{15}-{15}\] 50% 34\/67 MB [\d,]+ lines\/s$/);
    bar.done();
    expect(tty.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it.each([
    ['stderr is not a terminal', false, 4 * PROGRESS_MIN_BYTES],
    ['the file is small', true, PROGRESS_MIN_BYTES - 1],
  ])('should stay silent when %s', (_name, isTTY, size) => {
    const out = stream(isTTY);
    const bar = new ProgressBar(out, 'x', size);
    bar.update(size / 2, 10);
    bar.done();
    expect(out.text).toBe('');
  });
});
