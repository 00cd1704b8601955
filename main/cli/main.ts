import { createProgram } from './program.js';
import { isHeraldError } from '../shared/errors.js';

createProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    console.error(`herald: ${isHeraldError(err) ? err.message : err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
