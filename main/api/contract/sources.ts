import { z } from 'zod';
import { method, NoInput } from './define.js';
import { SOURCE_CARD_KEY } from '../../sources/card-key.js';

/** Settings → Data sources: the Metabase server and account, and the card each job reads. */

/** The password never leaves the core: `password` is `********` when one is stored, else empty. */
export const SourceSettingsSchema = z.object({
  url: z.string(),
  username: z.string(),
  password: z.string(),
  passwordSet: z.boolean(),
  timeoutMs: z.number().int(),
  session: z.object({
    active: z.boolean(),
    loggedInAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  }),
});

const ConnectionFields = {
  url: z.string().max(500),
  username: z.string().max(200),
  /** Write-only. Leave it out to keep the stored password. */
  password: z.string().min(1).max(500),
  timeoutMs: z.number().int().min(1_000).max(600_000),
};

export const SourceSettingsPatchSchema = z
  .object({
    url: ConnectionFields.url.optional(),
    username: ConnectionFields.username.optional(),
    password: ConnectionFields.password.optional(),
    clearPassword: z.boolean().optional(),
    timeoutMs: ConnectionFields.timeoutMs.optional(),
  })
  .strict();

export const SourceTestInputSchema = z
  .object({
    /** The card to fetch; defaults to the SLA report's. */
    cardId: z.number().int().positive().optional(),
    /** A form's unsaved values, tried instead of the stored ones. */
    url: ConnectionFields.url.optional(),
    username: ConnectionFields.username.optional(),
    password: ConnectionFields.password.optional(),
    timeoutMs: ConnectionFields.timeoutMs.optional(),
  })
  .strict()
  .default({});

export const SourceTestResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    server: z.string(),
    cardId: z.number().int(),
    rows: z.number().int(),
    columns: z.number().int(),
    columnNames: z.array(z.string()),
    loginMs: z.number(),
    queryMs: z.number(),
    totalMs: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    server: z.string().nullable(),
    cardId: z.number().int(),
    error: z.object({ code: z.string(), message: z.string() }),
    totalMs: z.number(),
  }),
]);

export const SourceCardSchema = z.object({
  key: z.string(),
  cardId: z.number().int(),
  defaultCardId: z.number().int().nullable(),
  kind: z.enum(['job', 'campaign', 'custom']),
  custom: z.boolean(),
});

const SourceCardListSchema = z.object({ cards: z.array(SourceCardSchema) });

export const sourcesMethods = {
  'sources.get': method({ input: NoInput, output: SourceSettingsSchema, summary: 'The Metabase server, account (password masked), timeout and session state.' }),
  'sources.set': method({
    input: SourceSettingsPatchSchema,
    output: SourceSettingsSchema,
    summary: 'Change the Metabase server, account or timeout; a new server, user or password drops the stored session.',
  }),
  'sources.test': method({
    input: SourceTestInputSchema,
    output: SourceTestResultSchema,
    summary: 'Log in (fresh) and fetch one card: row and column counts and timings, or the error.',
  }),
  'sources.cards.list': method({ input: NoInput, output: SourceCardListSchema, summary: 'The card each job or campaign reads, with v1\'s defaults.' }),
  'sources.cards.set': method({
    input: z
      .object({
        key: z.string().regex(SOURCE_CARD_KEY, 'a job id or campaign name'),
        /** null returns the key to its default (or removes a key that has none). */
        cardId: z.number().int().positive().nullable(),
      })
      .strict(),
    output: SourceCardListSchema,
    summary: 'Set the card of a job or campaign, or reset it to the default.',
  }),
};

export type SourceSettings = z.infer<typeof SourceSettingsSchema>;
export type SourceTestResult = z.infer<typeof SourceTestResultSchema>;
export type SourceCard = z.infer<typeof SourceCardSchema>;
