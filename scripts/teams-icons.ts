import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/**
 * `npm run teams:icons`: draws the Teams app icons into manifest/teams/ — a 192×192 colour icon and the
 * 32×32 outline icon Teams wants white on transparent. Both show a stamp: a ring with a check mark. The
 * PNGs are committed; run this again only to change the drawing.
 */

type Rgba = [number, number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, every scanline unfiltered. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x: number, y: number, a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

/** Whether a point of the unit square (0…1) is ink: the stamp's ring or its check mark. */
function isInk(x: number, y: number, stroke: number): boolean {
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.36) <= stroke / 2;
  const check =
    segmentDistance(x, y, [0.33, 0.52], [0.45, 0.64]) <= stroke / 2 ||
    segmentDistance(x, y, [0.45, 0.64], [0.68, 0.38]) <= stroke / 2;
  return ring || check;
}

/** How much of pixel (px, py) of a size×size image is ink, sampled 4×4 for smooth edges. */
function coverage(px: number, py: number, size: number, stroke: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      if (isInk((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size, stroke)) hits += 1;
    }
  }
  return hits / 16;
}

const ACCENT: [number, number, number] = [0x1f, 0x6f, 0x5c];

/** White ink on the accent colour, opaque everywhere. */
export function colorIcon(): Buffer {
  return encodePng(192, 192, (x, y) => {
    const ink = coverage(x, y, 192, 0.07);
    const mix = (channel: number) => Math.round(channel + (255 - channel) * ink);
    return [mix(ACCENT[0]), mix(ACCENT[1]), mix(ACCENT[2]), 255];
  });
}

/** White ink on transparency: Teams tints it for its own themes. */
export function outlineIcon(): Buffer {
  return encodePng(32, 32, (x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, 32, 0.1))]);
}

export const ACCENT_COLOR = `#${ACCENT.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

if (import.meta.filename === process.argv[1]) {
  const folder = path.join(import.meta.dirname, '..', 'manifest', 'teams');
  await writeFile(path.join(folder, 'color.png'), colorIcon());
  await writeFile(path.join(folder, 'outline.png'), outlineIcon());
  process.stdout.write(`wrote ${folder}/color.png and outline.png\n`);
}
