import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { configSchema } from '../src/config/config.js';

/**
 * `npm run teams:package`: writes the Teams app package (docs/teams.md) — manifest/teams/ with the bot id
 * and the info page filled in from the environment — as the zip that Teams' "Upload a custom app" and the
 * Teams admin center take.
 */
export const MANIFEST_FOLDER = path.join(import.meta.dirname, '..', 'manifest', 'teams');
const FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'] as const;

export interface TeamsPackageInput {
  /** The bot's Entra ID application id: the bot id, and the app id of the package as well. */
  appId: string;
  /** The https page about the bot: website, privacy statement and terms of use in the manifest. */
  infoUrl: string;
  /** The package's version, which Teams compares on re-upload. */
  version: string;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A zip of deflated files, with a fixed timestamp so the same input gives the same bytes. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data, { level: 9 });
    const fields = (signature: number, size: number) => {
      const header = Buffer.alloc(size);
      header.writeUInt32LE(signature, 0);
      return header;
    };
    const local = fields(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1 January 1980
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = fields(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The manifest with its placeholders filled; every one must be, or the package would be refused. */
export function fillManifest(template: string, input: TeamsPackageInput): string {
  const values: Record<string, string> = {
    TEAMS_APP_ID: input.appId,
    TEAMS_INFO_URL: input.infoUrl,
    VERSION: input.version,
  };
  const filled = template.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match);
  const left = /\{\{\w+\}\}/.exec(filled);
  if (left) throw new Error(`manifest.json has a placeholder nobody fills: ${left[0]}`);
  return `${JSON.stringify(JSON.parse(filled), null, 2)}\n`;
}

export async function buildTeamsPackage(input: TeamsPackageInput, folder = MANIFEST_FOLDER): Promise<Buffer> {
  const entries = await Promise.all(
    FILES.map(async (name) => ({ name, data: await readFile(path.join(folder, name)) })),
  );
  return zip(
    entries.map((entry) =>
      entry.name === 'manifest.json'
        ? { name: entry.name, data: Buffer.from(fillManifest(entry.data.toString('utf8'), input)) }
        : entry,
    ),
  );
}

/** What the package needs from the environment, checked by the service's own rules for these keys. */
const packageSchema = configSchema.pick({ TEAMS_APP_ID: true, TEAMS_INFO_URL: true });

/** The package's settings from the environment; an error names every key missing or wrong. */
export function packageSettingsOf(env: Readonly<Record<string, string | undefined>>) {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = packageSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`);
  for (const key of ['TEAMS_APP_ID', 'TEAMS_INFO_URL'] as const)
    if (!present[key]) problems.push(`${key} (required)`);
  if (problems.length > 0 || !parsed.success)
    throw new Error(`The Teams app package needs: ${problems.join(', ')}`);
  return { appId: parsed.data.TEAMS_APP_ID!, infoUrl: parsed.data.TEAMS_INFO_URL! };
}

async function main(argv: readonly string[]): Promise<void> {
  const settings = packageSettingsOf(process.env);
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(
    outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : 'dist/stempel-teams.zip',
  );
  const { version } = z
    .object({ version: z.string() })
    .parse(JSON.parse(await readFile(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')));
  const bytes = await buildTeamsPackage({ ...settings, version });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, bytes);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)} (${bytes.length} bytes)\n`);
}

if (import.meta.filename === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
