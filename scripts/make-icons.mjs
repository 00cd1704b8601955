// Draws Herald's icons as PNG files: the app icon (256×256, used by electron-builder for the exe
// and the installer) and the tray icons for each state at 16 px and 32 px (`@2x`, picked by
// Electron on high-DPI screens). Shapes differ per state, not only colours, so the state reads at
// a glance and without colour vision: ok = "H", failed = "!", paused = two bars.
// `node scripts/make-icons.mjs [outDir]` (default resources/); the output is deterministic and a
// test checks the committed files match it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG from `pixel(x, y) → [r, g, b, a]` over a size×size canvas. */
export function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x += 1) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1 across the icon).
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const roundedSquare = (inset, radius) => (x, y) => {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

const GLYPHS = {
  H: union(rect(0.28, 0.24, 0.4, 0.76), rect(0.6, 0.24, 0.72, 0.76), rect(0.28, 0.44, 0.72, 0.56)),
  bang: union(rect(0.43, 0.2, 0.57, 0.6), circle(0.5, 0.74, 0.085)),
  pause: union(rect(0.3, 0.26, 0.44, 0.74), rect(0.56, 0.26, 0.7, 0.74)),
};

const COLOURS = {
  blue: [22, 119, 255],
  red: [217, 45, 32],
  amber: [214, 140, 0],
  white: [255, 255, 255],
};

/** Background and glyph, anti-aliased by 4×4 supersampling. */
function drawIcon(size, background, glyph, { inset = 0.03, radius = 0.2 } = {}) {
  const bg = roundedSquare(inset, radius);
  const samples = 4;
  return encodePng(size, (px, py) => {
    let cover = 0;
    let ink = 0;
    for (let sy = 0; sy < samples; sy += 1) {
      for (let sx = 0; sx < samples; sx += 1) {
        const x = (px + (sx + 0.5) / samples) / size;
        const y = (py + (sy + 0.5) / samples) / size;
        if (bg(x, y)) {
          cover += 1;
          if (glyph(x, y)) ink += 1;
        }
      }
    }
    if (cover === 0) return [0, 0, 0, 0];
    const t = ink / cover;
    const mix = (i) => Math.round(COLOURS[background][i] * (1 - t) + COLOURS.white[i] * t);
    return [mix(0), mix(1), mix(2), Math.round((255 * cover) / (samples * samples))];
  });
}

/** File name → PNG bytes, for every icon Herald ships. */
export function heraldIcons() {
  const tray = { ok: ['blue', GLYPHS.H], failed: ['red', GLYPHS.bang], paused: ['amber', GLYPHS.pause] };
  const files = { 'icon.png': drawIcon(256, 'blue', GLYPHS.H, { inset: 0.06, radius: 0.18 }) };
  for (const [state, [colour, glyph]] of Object.entries(tray)) {
    files[`tray-${state}.png`] = drawIcon(16, colour, glyph, { inset: 0, radius: 0.22 });
    files[`tray-${state}@2x.png`] = drawIcon(32, colour, glyph, { inset: 0, radius: 0.22 });
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'resources'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, png] of Object.entries(heraldIcons())) fs.writeFileSync(path.join(outDir, name), png);
  console.log(`Icons written to ${outDir}.`);
}
