import { z } from 'zod';

/** An id people type and read: in config, URLs and the audit log. */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes');
