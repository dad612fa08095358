/** Lower case, accents dropped: as the full-text index's tokenizer (unicode61, remove_diacritics 2) folds them. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
