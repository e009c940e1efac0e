/** A name's words, as a person typing it would match them: without case or accents. */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The speakers a name given by hand stands for: those whose names hold each
 * of its words, in any case and with or without accents ("federer" stands
 * for Roger Federer and for Federer alone, "zoe hartwell" for Zoë Hartwell).
 * The speaker of exactly that name comes first, the others in alphabetical
 * order. A name without a letter or digit stands for no one.
 */
export function speakersCalled(name: string, speakers: Iterable<string>): string[] {
  const wanted = wordsOf(name);
  if (wanted.length === 0) return [];
  const exact: string[] = [];
  const others: string[] = [];
  for (const speaker of new Set(speakers)) {
    const words = wordsOf(speaker);
    if (!wanted.every((word) => words.includes(word))) continue;
    (speaker === name ? exact : others).push(speaker);
  }
  others.sort((a, b) => a.localeCompare(b));
  return [...exact, ...others];
}
