import { z } from 'zod';

/** ids and names people write in config: connection ids, webhook names */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes');

/** where a credential is: the name of an environment variable, never the value itself */
export const envVarName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable (A-Z, 0-9, _), never a credential itself');
