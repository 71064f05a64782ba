/** Image bytes for the demo artifacts, drawn in code (PNG, GIF, WebP) or embedded (one JPEG). */
import { encodeGif } from './gif';
import { encodePng, raster, type Raster } from './png';
import { Rng } from './random';
import { encodeWebpLossless } from './webp';

type Rgb = readonly [number, number, number];

/** A tiny RGB canvas with just enough drawing for plots and glyphs. */
export class Canvas {
  readonly img: Raster;

  constructor(
    readonly width: number,
    readonly height: number,
    bg: Rgb = [255, 255, 255],
  ) {
    this.img = raster(width, height, 3);
    for (let i = 0; i < width * height; i++) this.img.pixels.set(bg, i * 3);
  }

  set(x: number, y: number, c: Rgb): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    this.img.pixels.set(c, (yi * this.width + xi) * 3);
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.set(x + i, y + j, c);
  }

  line(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let i = 0; i <= n; i++) this.set(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n, c);
  }

  png(padTo?: number): Uint8Array {
    return encodePng(this.img, { padTo });
  }

  webp(padTo?: number): Uint8Array {
    return encodeWebpLossless(this.width, this.height, this.img.pixels, padTo);
  }
}

/** 64x64 RGB noise: 12,420 bytes, like the recorded images/random_noise.png. */
export function noisePng(seed: string): Uint8Array {
  const img = raster(64, 64, 3);
  img.pixels.set(new Rng(seed).bytes(img.pixels.length));
  return encodePng(img);
}

/** A 7x6 gray ramp: 116 bytes, like the recorded images/gradient_gray.png. */
export function gradientPng(): Uint8Array {
  const img = raster(7, 6, 1);
  for (let y = 0; y < 6; y++)
    for (let x = 0; x < 7; x++) img.pixels[y * 7 + x] = Math.round(((x + y) / 11) * 255);
  return encodePng(img);
}

/** A loss-curve figure (train blue, val orange, grid), padded to `size` bytes. */
export function lossCurvePng(size: number): Uint8Array {
  const c = new Canvas(96, 58);
  const grid: Rgb = [230, 230, 230];
  for (let x = 12; x < 94; x += 16) c.line(x, 4, x, 50, grid);
  for (let y = 10; y < 50; y += 10) c.line(12, y, 94, y, grid);
  c.line(12, 50, 94, 50, [0, 0, 0]);
  c.line(12, 4, 12, 50, [0, 0, 0]);
  const rng = new Rng('plots/loss_curve');
  let prevT: [number, number] = [12, 8];
  let prevV: [number, number] = [12, 10];
  for (let x = 13; x < 94; x++) {
    const t = (x - 12) / 82;
    const train = 8 + 38 * (1 - Math.exp(-4 * t)) + rng.normal() * 0.8;
    const val = 10 + 33 * (1 - Math.exp(-3.5 * t)) + rng.normal() * 1.5;
    c.line(prevT[0], prevT[1], x, train, [31, 119, 180]);
    c.line(prevV[0], prevV[1], x, val, [255, 127, 14]);
    prevT = [x, train];
    prevV = [x, val];
  }
  return c.png(size);
}

/** A 10x10 attention heat map, padded to `size` bytes. */
export function attentionPng(size: number): Uint8Array {
  const c = new Canvas(10, 10);
  for (let y = 0; y < 10; y++) {
    for (let x = 0; x < 10; x++) {
      const w = Math.exp(-Math.abs(x - y) / 1.5) * (x <= y ? 1 : 0.25);
      c.set(x, y, [Math.round(68 + 185 * w), Math.round(1 + 230 * w), Math.round(84 + 60 * w)]);
    }
  }
  return c.png(size);
}

/** A 4x5 swatch whose colours depend on the step (tiny, like the recorded step images). */
export function stepSwatch(step: number): Canvas {
  const c = new Canvas(4, 5);
  const rng = new Rng(`swatch/${step}`);
  for (let y = 0; y < 5; y++)
    for (let x = 0; x < 4; x++)
      c.set(x, y, [(step * 12 + x * 40) % 256, rng.int(0, 255), (y * 50) % 256]);
  return c;
}

/**
 * A 32x32 "sample" at a training step: a ring and a diagonal that emerge from
 * noise as the step grows, so each step looks visibly different.
 */
export function sampleCanvas(step: number, maxStep: number): Canvas {
  const c = new Canvas(32, 32, [0, 0, 0]);
  const rng = new Rng(`sample/${step}`);
  const clarity = Math.min(1, step / maxStep);
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 32; x++) {
      const r = Math.hypot(x - 15.5, y - 15.5);
      const ring = Math.abs(r - 10) < 2 ? 1 : 0;
      const diag = Math.abs(x - y) < 2 && r < 10 ? 1 : 0;
      const signal = Math.max(ring, diag);
      const noise = rng.next();
      const v = clarity * signal + (1 - clarity) * noise;
      c.set(x, y, [
        Math.round(v * 255),
        Math.round(v * (120 + 100 * clarity)),
        Math.round(255 * (1 - v) * 0.6),
      ]);
    }
  }
  return c;
}

/** A looping 16x16 spinner, 8 frames. */
export function spinnerGif(): Uint8Array {
  const palette = new Uint8Array(48);
  for (let i = 0; i < 16; i++) palette.set([255 - i * 14, 255 - i * 14, 255], i * 3);
  const frames = [];
  for (let f = 0; f < 8; f++) {
    const indices = new Uint8Array(256);
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        const r = Math.hypot(x - 7.5, y - 7.5);
        if (r < 4 || r > 7.5) continue;
        const angle = (Math.atan2(y - 7.5, x - 7.5) / (2 * Math.PI) + 1) % 1;
        indices[y * 16 + x] = 1 + Math.floor(((angle * 8 + f) % 8) * 1.8);
      }
    }
    frames.push({ indices, delay: 8 });
  }
  return encodeGif(16, 16, palette, frames);
}

/** A 64x48 landscape photo, JPEG quality 60 (718 bytes), made once with Pillow and embedded. */
const PHOTO_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdB' +
  'RkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P' +
  'T09PT09PT09PT09PT0//wAARCAAwAEADASIAAhEBAxEB/8QAGgABAAIDAQAAAAAAAAAAAAAAAwIFAAEGBP/EAC8QAAEDAwEF' +
  'BAsAAAAAAAAAAAEAAgMEERIxBRMhUaEUIkFSMlNhgZGSsdHh8PH/xAAaAQACAwEBAAAAAAAAAAAAAAACAwEEBQAG/8QAIxEA' +
  'AgIBAgcBAQAAAAAAAAAAAQIAAxEEEgUTITFBUVJhkf/aAAwDAQACEQMRAD8AfFZimwWYLZ3zPxBxWYpCWh4YXDIi4Clgu3zt' +
  'sHFPDQVE7M4oiW6XuB9VrBdOAGgBoAA4ADwWbxHiD6ULsGSff5LOn04tJz4nKzU8kEmErC12qhir7bDQaZhsLh+vuKp8FY0W' +
  'rOopDsMGLuqFb7RGxR1EjYITI4XtoOZXpfZjHPcbNaLkqhrKk1M2QBDBwaELWYENK8mG6aR02+vZ973Ct6edk0GdwC0d+/C3' +
  '4VIiklOJY1xDT6VjwKUrlTHOgYSwk2sBVDBt4BwPM+39/l9S7QkFO3dFkjLd0m+nJcYvTR1stI7uG7CbuYdD9kLhbBiwZEja' +
  'V6p0nT1E0lQ8Ok8NANAixUqaaOphEsRu0/EHkUuKcm1FCqMCJYEnJlC6WWRpa+V7mnUFxR7tvJTAUgF5/muPMqrYw7GHumEW' +
  'I6rXZovJ1KYBSAUc5/oxgsb3A7LD5OpW+yQ+TqU4CkAo51n0f7GBz7kIGCAkwlzL62ceKYSy+tf8xUQFIBCbXPcxgM//2Q==';

export function photoJpeg(): Uint8Array {
  return base64ToBytes(PHOTO_JPEG_BASE64);
}

export function base64ToBytes(b64: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = b64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | alphabet.indexOf(clean.charAt(i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}
