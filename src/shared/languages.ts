/** A language's English name from its ISO 639-1 code ("de" → "German"); the code itself when unknown. */
export const languageName = (() => {
  let names: Intl.DisplayNames | null = null;
  return (code: string): string => {
    try {
      names ??= new Intl.DisplayNames(['en'], { type: 'language' });
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
})();
