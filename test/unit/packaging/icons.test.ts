import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { heraldIcons } from '../../../scripts/make-icons.mjs';

const resources = path.resolve(import.meta.dirname, '../../../resources');

function readPng(file: string): { width: number; height: number; rgba: Buffer } {
  const png = fs.readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += len + 12;
  }
  return { width, height, rgba: zlib.inflateSync(Buffer.concat(idat)) };
}

/** The RGB of one pixel of an unfiltered RGBA PNG, as hex. */
function pixel(file: string, x: number, y: number): string {
  const { width, rgba } = readPng(file);
  const at = y * (width * 4 + 1) + 1 + x * 4;
  return rgba.subarray(at, at + 3).toString('hex');
}

describe('icons in resources/', () => {
  it('are exactly what scripts/make-icons.mjs draws', () => {
    const drawn = heraldIcons();
    expect(Object.keys(drawn).sort()).toEqual(fs.readdirSync(resources).filter((f) => f.endsWith('.png')).sort());
    for (const [name, png] of Object.entries(drawn)) expect([name, fs.readFileSync(path.join(resources, name)).equals(png)]).toEqual([name, true]);
  });

  it('have the sizes Windows uses: a 256 px app icon, 16 px tray icons with 32 px @2x variants', () => {
    expect(readPng(path.join(resources, 'icon.png'))).toMatchObject({ width: 256, height: 256 });
    for (const state of ['ok', 'failed', 'paused']) {
      expect(readPng(path.join(resources, `tray-${state}.png`))).toMatchObject({ width: 16, height: 16 });
      expect(readPng(path.join(resources, `tray-${state}@2x.png`))).toMatchObject({ width: 32, height: 32 });
    }
  });

  it('tell the states apart at a glance: different colours and different glyphs', () => {
    const [ok, failed, paused] = ['ok', 'failed', 'paused'].map((s) => path.join(resources, `tray-${s}@2x.png`)) as [string, string, string];
    // Background at the left edge, halfway down.
    expect(new Set([ok, failed, paused].map((f) => pixel(f, 3, 16))).size).toBe(3);
    // The centre: the H's crossbar and the "!" stem are white, the gap between the pause bars is not.
    expect(pixel(ok, 16, 16)).toBe('ffffff');
    expect(pixel(failed, 16, 16)).toBe('ffffff');
    expect(pixel(paused, 16, 16)).not.toBe('ffffff');
  });
});
