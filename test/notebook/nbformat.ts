// A validator for nbformat 4.5, shared by the unit tests and the browser tests. The schema
// (see README.md) is JSON Schema draft-04; Ajv 8 reads it once `$schema` is removed, since
// it uses no keyword whose meaning changed after draft-04.

import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

export function nbformatValidator() {
  const schema = JSON.parse(
    readFileSync(new URL('./nbformat.v4.5.schema.json', import.meta.url), 'utf8'),
  );
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(schema);
}
