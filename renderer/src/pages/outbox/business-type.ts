import type { TFunction } from 'i18next';

/**
 * A business type as people read it (`campaign.announcement` → 签约喜报). The catalogue keys replace
 * the dots (i18next reads dots as nesting); smartsheet types name their table; a type nobody
 * labelled yet shows as it is.
 */
export function businessTypeLabel(t: TFunction<'outbox'>, type: string): string {
  const smartsheet = /^smartsheet\.(.+)$/.exec(type);
  if (smartsheet) return t('businessTypes.smartsheet', { table: smartsheet[1] });
  return t(`businessTypes.${type.replace(/\./g, '_')}`, { defaultValue: type });
}
