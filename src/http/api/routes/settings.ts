import { z } from 'zod';
import { LocaleSchema } from '../../../domain/i18n/locale.js';
import { WorkCalendarConfigSchema } from '../../../domain/timing/index.js';
import { WorkspaceSettingsSchema } from '../../../domain/workspace.js';
import { getSettings, updateSettings } from '../../../workflow/admin/settings.js';
import type { WorkflowDeps } from '../../../workflow/deps.js';
import { expectedVersion, expectedVersionField, patchOf, route, versionTag } from './shared.js';

const tag = 'Settings';

const VersionedSettingsSchema = z.object({
  settings: WorkspaceSettingsSchema,
  version: z.int().describe('0 while the workspace runs on the configured defaults'),
});

const settingsPatch = z.strictObject({
  calendar: patchOf(WorkCalendarConfigSchema)
    .extend({ region: z.string().nullable().optional().describe('null removes the region') })
    .optional()
    .describe('Only the calendar settings named change'),
  locale: LocaleSchema.optional(),
  expectedVersion: expectedVersionField,
});

/** The workspace: its calendar (time zone, holidays, closing days, default time) and language. */
export function settingsRoutes(deps: WorkflowDeps) {
  return [
    route({
      method: 'get',
      path: '/settings',
      operationId: 'getSettings',
      summary: 'Get the workspace settings',
      tag,
      scope: 'admin',
      response: VersionedSettingsSchema,
      handler: async ({ actor }) => {
        const current = await getSettings(deps, actor);
        return { body: current, headers: versionTag(current) };
      },
    }),
    route({
      method: 'patch',
      path: '/settings',
      operationId: 'updateSettings',
      summary: 'Change the workspace settings',
      description:
        'New working-day calculations use the new calendar at once; stamped actions keep their dates.',
      tag,
      scope: 'admin',
      conditional: true,
      body: settingsPatch,
      response: VersionedSettingsSchema,
      handler: async ({ actor, body, ifMatch }) => {
        const { expectedVersion: bodyVersion, ...patch } = body;
        const updated = await updateSettings(deps, actor, {
          patch,
          expectedVersion: expectedVersion(ifMatch, bodyVersion),
        });
        return { body: updated, headers: versionTag(updated) };
      },
    }),
  ];
}
