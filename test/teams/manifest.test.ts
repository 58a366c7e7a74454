import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ACCENT_COLOR, colorIcon, outlineIcon } from '../../scripts/teams-icons.js';
import {
  buildTeamsPackage,
  fillManifest,
  MANIFEST_FOLDER,
  packageSettingsOf,
} from '../../scripts/teams-package.js';
import { isParseFailure, parseCommand } from '../../src/chat/commands/grammar.js';

const APP_ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const INFO = 'https://stempel.example.org/teams';

/** The files of a zip, read from its central directory as any unzip would. */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(bytes.subarray(dataStart, dataStart + size)));
    at += 46 + nameLength + extra;
  }
  return files;
}

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA per pixel, row by row. */
  pixels: number[][];
}

/** A PNG decoded by the book: chunks, zlib, and each scanline's filter undone. */
function decodePng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  const colorType = header![9]!;
  expect(header![8], 'bit depth').toBe(8);
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows: number[][] = [];
  let previous = new Array<number>(stride).fill(0);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = [...raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))];
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? line[i - channels]! : 0;
      const up = previous[i]!;
      const corner = i >= channels ? previous[i - channels]! : 0;
      const paeth = () => {
        const p = left + up - corner;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        return a <= b && a <= c ? left : b <= c ? up : corner;
      };
      const add = [0, left, up, Math.floor((left + up) / 2), paeth()][filter]!;
      line[i] = (line[i]! + add) & 0xff;
    }
    previous = line;
    rows.push(line);
  }
  const pixels = rows.flatMap((line) =>
    Array.from({ length: width }, (_, x) => {
      const pixel = line.slice(x * channels, (x + 1) * channels);
      return channels === 4 ? pixel : [...pixel, 255];
    }),
  );
  return { width, height, colorType, pixels };
}

/** The command a manifest entry inserts; a title that needs its argument still names a command. */
function commandNameOf(title: string): string {
  const parsed = parseCommand(title);
  if (!isParseFailure(parsed)) return parsed.name;
  if (parsed.error === 'unknown-command') throw new Error(`the bot does not know "${title}"`);
  return parsed.command;
}

async function packageFiles(): Promise<Map<string, Buffer>> {
  return unzip(await buildTeamsPackage({ appId: APP_ID, infoUrl: INFO, version: '1.2.3' }));
}

describe('the Teams app package', () => {
  it('holds the manifest, its English localization and both icons', async () => {
    expect([...(await packageFiles()).keys()].sort()).toEqual([
      'color.png',
      'en.json',
      'manifest.json',
      'outline.png',
    ]);
  });

  it('has a manifest pinned to schema 1.19 with the configured bot id', async () => {
    const manifest = JSON.parse((await packageFiles()).get('manifest.json')!.toString('utf8'));
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifest).toMatchObject({ id: APP_ID, version: '1.2.3', accentColor: ACCENT_COLOR });
    expect(manifest.developer).toMatchObject({ websiteUrl: INFO, privacyUrl: INFO, termsOfUseUrl: INFO });
    expect(manifest.bots).toEqual([
      expect.objectContaining({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] }),
    ]);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('lists commands Teams accepts, in Dutch and English, each one a command the bot understands', async () => {
    const files = await packageFiles();
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    const english = JSON.parse(files.get('en.json')!.toString('utf8'));
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nl',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    expect(english.$schema).toContain(
      `/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    );
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full'])
      expect(english[key]).toBeTruthy();
    const commands = manifest.bots[0].commandLists[0].commands as Array<{
      title: string;
      description: string;
    }>;
    expect(commands.length).toBeLessThanOrEqual(10);
    commands.forEach((command, index) => {
      const translated = {
        title: english[`bots[0].commandLists[0].commands[${index}].title`],
        description: english[`bots[0].commandLists[0].commands[${index}].description`],
      };
      for (const entry of [command, translated]) {
        expect(entry.title.length).toBeLessThanOrEqual(32);
        expect(entry.description.length).toBeLessThanOrEqual(128);
      }
      expect(commandNameOf(translated.title)).toBe(commandNameOf(command.title));
    });
  });

  it('has a 192×192 colour icon, opaque, and a 32×32 outline icon, white on transparent', async () => {
    const files = await packageFiles();
    const color = decodePng(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixels.every((pixel) => pixel[3] === 255)).toBe(true);
    expect(new Set(color.pixels.map((pixel) => pixel.join())).size).toBeGreaterThan(2);

    const outline = decodePng(files.get('outline.png')!);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    const visible = outline.pixels.filter((pixel) => pixel[3]! > 0);
    expect(visible.every((pixel) => pixel[0] === 255 && pixel[1] === 255 && pixel[2] === 255)).toBe(true);
    expect(outline.pixels[0]![3], 'the corners are transparent').toBe(0);
    expect(visible.length).toBeGreaterThan(50);
    expect(visible.length).toBeLessThan(32 * 32 - 200);
  });

  it('ships the icons the drawing script makes', async () => {
    const committed = async (name: string) =>
      decodePng(await readFile(path.join(MANIFEST_FOLDER, name))).pixels;
    expect(await committed('color.png')).toEqual(decodePng(colorIcon()).pixels);
    expect(await committed('outline.png')).toEqual(decodePng(outlineIcon()).pixels);
  });

  it('refuses to build without the bot id and info page, naming them', () => {
    expect(() => packageSettingsOf({})).toThrow('TEAMS_APP_ID (required), TEAMS_INFO_URL (required)');
    expect(() => packageSettingsOf({ TEAMS_APP_ID: 'bot', TEAMS_INFO_URL: 'http://plain.example' })).toThrow(
      /TEAMS_APP_ID \(must be .*\), TEAMS_INFO_URL \(must be an https:\/\/ URL\)/,
    );
    expect(() =>
      fillManifest('{"id": "{{SOMETHING_ELSE}}"}', { appId: APP_ID, infoUrl: INFO, version: '1' }),
    ).toThrow('{{SOMETHING_ELSE}}');
  });
});
