// tsc compiles TypeScript only; the web console's browser files are copied next to the compiled router.
import { cpSync } from 'node:fs';

cpSync('adapters/console/static', 'dist/adapters/console/static', { recursive: true });
