// `node --import tsx --import ./test/fakes/electron/register.mjs <entry>`: runs compiled app code
// with `electron` resolved to the fake, to check that the built entry starts (see
// test/integration/app/compiled-entry.test.ts).
import { register } from 'node:module';

register('./loader.mjs', import.meta.url);
