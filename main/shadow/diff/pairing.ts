export interface Pair<T> {
  key: string;
  /** Position of the item on its side (the control's, or the candidate's for one only there). */
  index: number;
  control: T | null;
  candidate: T | null;
}

/**
 * Pairs items by key, in the control's order, then the candidate's leftovers in theirs. A key
 * repeated on a side pairs occurrence by occurrence (the second C101 with the second C101).
 */
export function pairByKey<T>(control: readonly T[], candidate: readonly T[], keyOf: (item: T) => string): Pair<T>[] {
  const waiting = new Map<string, Array<{ item: T; index: number }>>();
  candidate.forEach((item, index) => {
    const key = keyOf(item);
    const list = waiting.get(key);
    if (list) list.push({ item, index });
    else waiting.set(key, [{ item, index }]);
  });
  const pairs: Pair<T>[] = control.map((item, index) => {
    const key = keyOf(item);
    return { key, index, control: item, candidate: waiting.get(key)?.shift()?.item ?? null };
  });
  const leftovers: Pair<T>[] = [];
  for (const [key, list] of waiting) for (const { item, index } of list) leftovers.push({ key, index, control: null, candidate: item });
  return pairs.concat(leftovers.sort((a, b) => a.index - b.index));
}
