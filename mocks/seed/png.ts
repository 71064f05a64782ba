/**
 * A tiny PNG encoder that needs neither node:zlib nor Buffer (so the seed can
 * also run in a browser): IDAT holds stored (uncompressed) deflate blocks,
 * which is what zlib itself falls back to for noisy images. `padTo` adds a
 * tEXt chunk so a file can match a recorded byte length exactly.
 */

export interface Raster {
  width: number;
  height: number;
  /** 1 = gray, 3 = RGB, 4 = RGBA. */
  channels: 1 | 3 | 4;
  /** Row-major, `channels` bytes per pixel. */
  pixels: Uint8Array;
}

export function raster(width: number, height: number, channels: 1 | 3 | 4): Raster {
  return { width, height, channels, pixels: new Uint8Array(width * height * channels) };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = 0xffffffff;
  // The table has 256 entries, read at a byte; i < to <= bytes.length.
  for (let i = from; i < to; i++)
    c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib stream of stored deflate blocks. */
export function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const len = Math.min(65535, data.length - start);
    out[o++] = b === blocks - 1 ? 1 : 0;
    out[o++] = len & 0xff;
    out[o++] = len >>> 8;
    out[o++] = ~len & 0xff;
    out[o++] = (~len >>> 8) & 0xff;
    out.set(data.subarray(start, start + len), o);
    o += len;
  }
  const ad = adler32(data);
  out[o++] = ad >>> 24;
  out[o++] = (ad >>> 16) & 0xff;
  out[o++] = (ad >>> 8) & 0xff;
  out[o++] = ad & 0xff;
  return out;
}

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE = { 1: 0, 3: 2, 4: 6 } as const;

export interface PngOptions {
  /** tEXt chunks, e.g. { Software: '...' }. */
  text?: Record<string, string>;
  /** Exact file size wanted; pads with a tEXt chunk (needs at least 20 spare bytes, or none). */
  padTo?: number;
}

export function encodePng(img: Raster, opts: PngOptions = {}): Uint8Array {
  const { width, height, channels, pixels } = img;
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8;
  ihdr[9] = COLOR_TYPE[channels];
  const stride = width * channels;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++)
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const parts = [SIGNATURE, chunk('IHDR', ihdr)];
  for (const [k, t] of Object.entries(opts.text ?? {}))
    parts.push(chunk('tEXt', latin1(`${k}\0${t}`)));
  parts.push(chunk('IDAT', zlibStored(raw)));
  const iend = chunk('IEND', new Uint8Array(0));
  if (opts.padTo !== undefined) {
    const size = parts.reduce((n, p) => n + p.length, 0) + iend.length;
    const gap = opts.padTo - size;
    if (gap !== 0) {
      if (gap < 20) throw new Error(`PNG of ${size} bytes cannot be padded to ${opts.padTo}`);
      const filler = 'runlens demo '.repeat(Math.ceil(gap / 13)).slice(0, gap - 12 - 8);
      parts.push(chunk('tEXt', latin1(`Comment\0${filler}`)));
    }
  }
  parts.push(iend);
  return concat(parts);
}

export { concat, latin1 };
