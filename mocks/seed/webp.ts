/**
 * A minimal lossless WebP (VP8L) encoder: no transforms, no colour cache,
 * every green/red/blue value coded with an 8-bit prefix code and a constant
 * alpha. Large, but valid and cheap to write. `padTo` uses the extended
 * (VP8X) layout plus an unknown chunk, which decoders must skip, so a file can
 * match a recorded byte length exactly.
 */
import { concat, latin1 } from './png';

const REVERSED = (() => {
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let r = 0;
    for (let b = 0; b < 8; b++) r |= ((i >>> b) & 1) << (7 - b);
    t[i] = r;
  }
  return t;
})();

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;

  /** Write `width` (<= 24) bits of `value`, least significant first. */
  bits(value: number, width: number): void {
    this.acc |= (value & ((1 << width) - 1)) << this.n;
    this.n += width;
    while (this.n >= 8) {
      this.bytes.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.n -= 8;
    }
  }

  bit(b: number): void {
    this.bits(b, 1);
  }

  /** An 8-bit prefix code, most significant bit first (how VP8L reads canonical codes). */
  code8(value: number): void {
    this.bits(REVERSED[value & 0xff] as number, 8); // the table has 256 entries
  }

  finish(): Uint8Array {
    if (this.n > 0) this.bytes.push(this.acc & 0xff);
    return new Uint8Array(this.bytes);
  }
}

const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8];

/** A normal prefix code where symbols 0..255 have length 8 and the rest of `alphabet` length 0. */
function writeLiteralCode(w: BitWriter, alphabet: number): void {
  w.bit(0); // normal code
  w.bits(CODE_LENGTH_ORDER.length - 4, 4);
  // The code-length code: symbols 0 and 8 get 1-bit codes (0 -> "0", 8 -> "1").
  for (const sym of CODE_LENGTH_ORDER) w.bits(sym === 0 || sym === 8 ? 1 : 0, 3);
  w.bit(0); // no max_symbol: all `alphabet` lengths follow
  for (let s = 0; s < alphabet; s++) w.bit(s < 256 ? 1 : 0);
}

/** A simple code with one 8-bit symbol (costs no bits per pixel). */
function writeSingleSymbol(w: BitWriter, symbol: number): void {
  w.bit(1); // simple code
  w.bit(0); // one symbol
  w.bit(1); // 8-bit symbol
  w.bits(symbol, 8);
}

function le32(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
}

function riffChunk(type: string, data: Uint8Array): Uint8Array {
  const pad = data.length % 2 ? new Uint8Array(1) : new Uint8Array(0);
  return concat([latin1(type), le32(data.length), data, pad]);
}

/** Encode RGB pixels (3 bytes each, row-major). */
export function encodeWebpLossless(
  width: number,
  height: number,
  rgb: Uint8Array,
  padTo?: number,
): Uint8Array {
  const w = new BitWriter();
  w.bits(0x2f, 8);
  w.bits(width - 1, 14);
  w.bits(height - 1, 14);
  w.bit(0); // alpha not used
  w.bits(0, 3); // version
  w.bit(0); // no transform
  w.bit(0); // no colour cache
  w.bit(0); // no meta prefix codes
  writeLiteralCode(w, 256 + 24); // green + length prefixes
  writeLiteralCode(w, 256); // red
  writeLiteralCode(w, 256); // blue
  writeSingleSymbol(w, 255); // alpha
  w.bit(1); // distance: simple code,
  w.bit(0); // one symbol,
  w.bit(0); // 1-bit symbol:
  w.bit(0); // 0
  // rgb holds 3 bytes a pixel: ?? 0 only guards a short buffer, which the callers never pass.
  for (let i = 0; i < width * height; i++) {
    w.code8(rgb[i * 3 + 1] ?? 0);
    w.code8(rgb[i * 3] ?? 0);
    w.code8(rgb[i * 3 + 2] ?? 0);
  }
  const vp8l = riffChunk('VP8L', w.finish());
  let body: Uint8Array;
  if (padTo === undefined) {
    body = vp8l;
  } else {
    const vp8x = new Uint8Array(10);
    vp8x.set([(width - 1) & 0xff, ((width - 1) >>> 8) & 0xff, (width - 1) >>> 16], 4);
    vp8x.set([(height - 1) & 0xff, ((height - 1) >>> 8) & 0xff, (height - 1) >>> 16], 7);
    const head = concat([riffChunk('VP8X', vp8x), vp8l]);
    const gap = padTo - 12 - head.length;
    if (gap < 8 || gap % 2) throw new Error(`WebP cannot be padded to ${padTo}`);
    body = concat([head, riffChunk('PADD', new Uint8Array(gap - 8))]);
  }
  return concat([latin1('RIFF'), le32(4 + body.length), latin1('WEBP'), body]);
}
