// Reads a vendor's OpenAPI / Swagger schemas the way the vendor's server applies them, for ajv:
// OpenAPI 3.0's `nullable` and draft-4 boolean `exclusiveMinimum/Maximum` become JSON Schema,
// and an object schema that names its properties without saying `additionalProperties` is closed
// (`unevaluatedProperties: false`), so a field the vendor does not describe is refused. Members of
// an `allOf` stay open: the composing schema is closed instead, over all of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A copy of the description with its schemas as above. */
export function closeObjects(doc: Json, swagger: boolean): Json {
  const copy = structuredClone(doc);
  const open = allOfMembers(copy);
  const walk = (node: Json): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.nullable === true || (swagger && node['x-nullable'] === true)) {
      if (typeof node.type === 'string') node.type = [node.type, 'null'];
      if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
    }
    for (const bound of ['Minimum', 'Maximum'] as const) {
      const flag = `exclusive${bound}`;
      if (typeof node[flag] === 'boolean') {
        if (node[flag]) node[flag] = node[bound.toLowerCase()];
        else delete node[flag];
        if (node[flag] !== undefined) delete node[bound.toLowerCase()];
      }
    }
    const names = node.properties && typeof node.properties === 'object' && !Array.isArray(node.properties);
    if ((names || Array.isArray(node.allOf)) && node.additionalProperties === undefined && node.patternProperties === undefined && !open.has(node)) node.unevaluatedProperties = false;
    for (const [key, child] of Object.entries(node)) if (key !== 'example' && key !== 'examples') walk(child);
  };
  walk(copy);
  return copy;
}

/** Schemas that are members of an `allOf`, directly or by `$ref`. */
function allOfMembers(doc: Json): Set<Json> {
  const members = new Set<Json>();
  const at = (ref: string): Json => ref.slice(2).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~')).reduce((n: Json, k) => n?.[k], doc);
  const walk = (node: Json): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.allOf))
      for (const member of node.allOf) {
        members.add(member);
        if (typeof member?.$ref === 'string' && member.$ref.startsWith('#/')) members.add(at(member.$ref));
      }
    for (const child of Object.values(node)) walk(child);
  };
  walk(doc);
  return members;
}
