// What every domain's schema table shares: the table's type (one tuple schema per method, whose output
// is exactly the method's parameter list) and the arguments several domains take.
import { z } from 'zod';

/** One tuple schema per method of a domain's API. */
export type ApiSchemaTable<Api> = { [M in keyof Api]: Api[M] extends (...args: infer P) => unknown ? z.ZodType<P> : never };

/** a path the user chose; NUL would cut it short in the OS */
export const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), { message: 'NUL' });
