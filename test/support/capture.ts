import { execFileSync } from 'node:child_process';

/** Live capture needs tcpdump and the right to capture (root or CAP_NET_RAW); tests skip without them. */
export function canCapture(): boolean {
  try {
    // opens the interface, prints the filter program
    execFileSync('tcpdump', ['-i', 'lo', '-d'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
