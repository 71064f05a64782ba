/**
 * A small GIF89a encoder (16-colour palette, optional animation). LZW output is
 * "uncompressed": a clear code every 14 literals keeps the code width at 5
 * bits, which every decoder accepts and which needs no dictionary.
 */
import { concat, latin1 } from './png';

export interface GifFrame {
  /** Palette indices (0..15), row-major. */
  indices: Uint8Array;
  /** Delay before the next frame, in 1/100 s. */
  delay?: number;
}

class BitPacker {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;

  write(code: number, width: number): void {
    this.acc |= code << this.n;
    this.n += width;
    while (this.n >= 8) {
      this.bytes.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.n -= 8;
    }
  }

  finish(): number[] {
    if (this.n > 0) this.bytes.push(this.acc & 0xff);
    return this.bytes;
  }
}

function lzwUncompressed(indices: Uint8Array): Uint8Array {
  const CLEAR = 16;
  const END = 17;
  const bits = new BitPacker();
  let i = 0;
  for (const index of indices) {
    if (i++ % 14 === 0) bits.write(CLEAR, 5);
    bits.write(index & 0x0f, 5);
  }
  bits.write(END, 5);
  const data = bits.finish();
  const out: number[] = [4]; // LZW minimum code size
  for (let i = 0; i < data.length; i += 255) {
    const block = data.slice(i, i + 255);
    out.push(block.length, ...block);
  }
  out.push(0);
  return new Uint8Array(out);
}

function le16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

/** `palette` holds 16 RGB triples (48 bytes). More than one frame makes a looping animation. */
export function encodeGif(
  width: number,
  height: number,
  palette: Uint8Array,
  frames: readonly GifFrame[],
): Uint8Array {
  const parts: Uint8Array[] = [
    latin1('GIF89a'),
    new Uint8Array([...le16(width), ...le16(height), 0xf3, 0, 0]),
    palette.subarray(0, 48),
  ];
  if (frames.length > 1) {
    parts.push(new Uint8Array([0x21, 0xff, 0x0b, ...latin1('NETSCAPE2.0'), 3, 1, 0, 0, 0]));
  }
  for (const frame of frames) {
    if (frames.length > 1)
      parts.push(new Uint8Array([0x21, 0xf9, 4, 0x04, ...le16(frame.delay ?? 10), 0, 0]));
    parts.push(new Uint8Array([0x2c, 0, 0, 0, 0, ...le16(width), ...le16(height), 0]));
    parts.push(lzwUncompressed(frame.indices));
  }
  parts.push(new Uint8Array([0x3b]));
  return concat(parts);
}
