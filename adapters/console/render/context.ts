import type { Locale } from '../../../src/domain/i18n/locale.js';

/** What every console renderer needs beyond the view: the viewer's language and how to post back. */
export interface RenderContext {
  locale: Locale;
  /** Where the console is mounted ('/console'); links and forms are built from it. */
  basePath: string;
  /** The session's CSRF token, put into every form so that posts without it can be refused. */
  csrfToken: string;
}
