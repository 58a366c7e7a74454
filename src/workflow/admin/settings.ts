import { z } from 'zod';
import { fromZodError } from '../../domain/errors.js';
import { LocaleSchema } from '../../domain/i18n/locale.js';
import type { User } from '../../domain/rights/user.js';
import { type WorkspaceSettings, WorkspaceSettingsSchema } from '../../store/settings.js';
import type { WorkflowDeps } from '../deps.js';
import { concurrentChange } from '../errors.js';
import { requireAdmin } from './authorize.js';

export interface VersionedSettings {
  settings: WorkspaceSettings;
  /** 0 while the workspace still runs on the configured defaults. */
  version: number;
}

/**
 * A settings change names only what changes; calendar keys merge into the current calendar (send
 * `closingDays` alone to change only those). `region: null` removes the region.
 */
export const SettingsPatchSchema = z.strictObject({
  calendar: z
    .strictObject({
      timeZone: z.unknown(),
      country: z.unknown(),
      region: z.unknown(),
      closingDays: z.unknown(),
      defaultTimeOfDay: z.unknown(),
    })
    .partial()
    .optional(),
  locale: LocaleSchema.optional(),
  /** Replaces the escalation settings as a whole. */
  escalation: z.unknown().optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

/** The workspace settings as an administrator sees them; others read the workspace through its effects. */
export async function getSettings(deps: WorkflowDeps, actor: User): Promise<VersionedSettings> {
  requireAdmin(actor, 'read the workspace settings');
  return currentSettings(deps);
}

async function currentSettings(deps: WorkflowDeps): Promise<VersionedSettings> {
  const stored = await deps.stores.settings.get();
  if (stored) return stored;
  const workspace = await deps.workspace.get();
  return { settings: workspace.settings, version: 0 };
}

/**
 * Changes the workspace settings, checked as a whole by the calendar's own schema (errors name the
 * setting, e.g. `calendar.region`). Concurrent admins cannot overwrite each other: the write is
 * conditional on the version read (or the one the caller saw, when given).
 */
export async function updateSettings(
  deps: WorkflowDeps,
  actor: User,
  command: { patch: unknown; expectedVersion?: number | undefined },
): Promise<VersionedSettings> {
  requireAdmin(actor, 'change the workspace settings');
  const patch = SettingsPatchSchema.safeParse(command.patch);
  if (!patch.success) throw fromZodError(patch.error, 'settings.invalid');
  const current = await currentSettings(deps);
  if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
    throw concurrentChange('settings', 'workspace');
  }
  const { region, ...calendarPatch } = patch.data.calendar ?? {};
  const { region: currentRegion, ...currentCalendar } = current.settings.calendar;
  const nextRegion = region === undefined ? currentRegion : region;
  const merged = {
    calendar: {
      ...currentCalendar,
      ...Object.fromEntries(Object.entries(calendarPatch).filter(([, value]) => value !== undefined)),
      ...(nextRegion === null || nextRegion === undefined ? {} : { region: nextRegion }),
    },
    locale: patch.data.locale ?? current.settings.locale,
    escalation: patch.data.escalation ?? current.settings.escalation,
  };
  const parsed = WorkspaceSettingsSchema.safeParse(merged);
  if (!parsed.success) throw fromZodError(parsed.error, 'settings.invalid');
  const now = deps.clock();
  if (!(await deps.stores.settings.save(parsed.data, current.version, now))) {
    throw concurrentChange('settings', 'workspace');
  }
  deps.workspace.invalidate();
  const after = { settings: parsed.data, version: current.version + 1 };
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'settings.updated',
    entity: { type: 'settings', id: 'workspace' },
    before: current,
    after,
  });
  return after;
}
