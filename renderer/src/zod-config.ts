import { config } from 'zod';

// zod probes for eval (`Function('')`) to compile faster parsers; the CSP forbids eval, so the
// probe itself is a violation. Imported first by main.tsx, before any schema is built.
config({ jitless: true });
