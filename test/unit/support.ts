/** Shared helpers of the unit tests (not a test file itself). */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

/** Runs the CLI in-process and returns its exit code and standard output. */
export async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (c: Buffer) => (out += c.toString()));
  const code = await main(args, stream);
  return { code, out };
}

/** Encodes Arabic text as windows-1256, from the code page's own table (built by decoding it). */
export function toWindows1256(text: string): Uint8Array {
  const d = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(d.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
    return b;
  }));
}
