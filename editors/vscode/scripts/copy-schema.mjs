// Copies the committed JSON Schema (schema/postmortem.schema.json at the repository
// root) into this extension's schema/ folder, which jsonValidation and yamlValidation
// point at. The copy is generated, never committed (see .gitignore).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(extensionDir, '..', '..', 'schema', 'postmortem.schema.json');
const target = join(extensionDir, 'schema', 'postmortem.schema.json');

mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`schema: ${source} -> ${target}`);
