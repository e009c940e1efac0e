/**
 * Tells the language of an article from its most common short words (and,
 * for scripts used by one language or family, from its letters), so that the
 * index can pick the matching stemmer. A small, deterministic detector: the
 * languages below are those Lunr has pipelines for, and news text is long
 * enough that function words settle the matter.
 */

const STOP_WORDS: Record<string, string> = {
  en: 'the of and to in is that it was for on are with as his they be at this have from or by not but what all were when we there can an which their said if do will he she has had would been who',
  fr: 'le la les des et est un une du que qui dans pour pas sur au avec ce il elle sont par plus ne se ou mais aux ont été cette leur nous vous était',
  de: 'der die und das ist nicht mit den von zu ein eine sich auf für dem des im auch es als wie wird sie er bei noch nach aus oder wurde sind hat werden aber',
  es: 'el la de que y los las en un una por con no es para se del al lo como más pero sus le ya fue este ha sí porque esta entre cuando muy sin sobre también',
  it: 'il di che la è e per un una non in sono del della le gli da con si lo al dei nel ma come anche più questo ha ci alla delle era essere',
  pt: 'de que o a e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está',
  nl: 'de het een en van ik te dat die in is niet op aan met voor zijn er maar om ook als dan bij nog wat wordt werd door naar uit heeft deze',
  sv: 'och att det som en på är av för med den till inte har de om ett men var jag han hon vi sig så från kan när också skulle',
  da: 'og at det er en til på de med for af den ikke har som et jeg der var om men så fra kan sig også havde blev være efter',
  no: 'og i det er som på en til av for at med ikke har de den var om men så fra kan seg også ble etter vil være jeg',
  fi: 'ja on ei se että oli hän ovat mutta kun niin myös joka kuin tai ole mitä jos nyt sen vain olisi hänen',
  ro: 'și de la în a că cu nu pe un o din este sunt care mai pentru ce se au fost lui dar sau către',
  hu: 'a az és hogy nem is egy van meg de ezt azt csak már mint volt kell még fel vagy után',
  tr: 've bir bu da de için ile çok ne daha gibi ama en olarak kadar sonra ya değil mi var',
};

const LANGUAGES = Object.keys(STOP_WORDS);

/** A stop word, its hash, and the languages (indexes into LANGUAGES) it is one in. */
interface StopWord {
  word: string;
  hash: number;
  languages: number[];
}

/**
 * The stop words in an open-addressed hash table: the detector hashes each
 * word's code units as it reads them, and compares a stop word with that hash
 * where the word stands in the text, without copying it out. Most words find
 * an empty slot at once, in one small array.
 */
const SLOTS = 4096;
const STOP_WORD_TABLE = new Array<StopWord | undefined>(SLOTS).fill(undefined);
let longestWord = 0;
for (const [language, words] of Object.entries(STOP_WORDS)) {
  for (const word of words.split(' ')) {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = addToHash(hash, word.charCodeAt(i));
    let slot = hash & (SLOTS - 1);
    while (STOP_WORD_TABLE[slot] && STOP_WORD_TABLE[slot]!.word !== word) slot = (slot + 1) & (SLOTS - 1);
    const known = STOP_WORD_TABLE[slot];
    if (known) known.languages.push(LANGUAGES.indexOf(language));
    else STOP_WORD_TABLE[slot] = { word, hash, languages: [LANGUAGES.indexOf(language)] };
    longestWord = Math.max(longestWord, word.length);
  }
}

// Kept to 30 bits, which the engine holds as a small integer: a wider hash is boxed as it is passed along.
function addToHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff;
}

// Scripts that name their language outright (or the family Lunr treats as one): [first, last] code units.
const SCRIPTS: [number, number, string][] = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0600, 0x06ff, 'ar'],
  [0x0900, 0x097f, 'hi'],
  [0x0e00, 0x0e7f, 'th'],
  [0x0b80, 0x0bff, 'ta'],
  [0x0400, 0x04ff, 'ru'],
];

/** Enough of an article to tell its language (some two hundred and fifty words); the rest only costs time. */
const SAMPLE = 1_500;

const LETTER = /\p{L}/u;

// Whether each code unit beyond ASCII is a letter, asked of LETTER the first time it is met: 0 not yet asked, 1 yes, 2 no.
const NON_ASCII_LETTER = new Uint8Array(0x10000);

function isLetter(c: number, text: string, at: number): boolean {
  if (c < 0x80) return (c | 32) >= 97 && (c | 32) <= 122;
  if (NON_ASCII_LETTER[c] === 0) NON_ASCII_LETTER[c] = LETTER.test(text[at]!) ? 1 : 2;
  return NON_ASCII_LETTER[c] === 1;
}

/** Adds to the scores of the languages that the word of `text` from `start` to `end` (with this hash) is a stop word in. */
function scoreStopWord(text: string, start: number, end: number, hash: number, scores: number[]): void {
  if (end - start > longestWord) return;
  for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const stopWord = STOP_WORD_TABLE[slot];
    if (!stopWord) return;
    const { word, languages } = stopWord;
    if (stopWord.hash === hash && word.length === end - start && text.startsWith(word, start)) {
      for (const language of languages) scores[language]!++;
      return;
    }
  }
}

/**
 * The language of an article with this title and body, as `detectLanguage`
 * tells it of the title, a line break and the body; only the sample is copied.
 */
export function detectArticleLanguage(title: string, body: string): string | null {
  const head = `${title}\n`;
  return detectLanguage(head.length >= SAMPLE ? head : head + body.slice(0, SAMPLE - head.length));
}

/**
 * The ISO 639-1 code of the language `text` is most likely in, or null when
 * it is too short or no language stands out. One pass over the sample counts
 * letters, script letters and function words together.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE).toLowerCase();
  const inScript = new Array<number>(SCRIPTS.length).fill(0);
  const scores = new Array<number>(LANGUAGES.length).fill(0);
  let letters = 0;
  let words = 0;
  let wordStart = -1;
  let hash = 0;
  // One step past the end, read as a space, ends the last word.
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    if (isLetter(c, sample, i)) {
      letters++;
      if (wordStart < 0) {
        wordStart = i;
        hash = 0;
      }
      hash = addToHash(hash, c);
      if (c >= 0x0400) {
        for (let s = 0; s < SCRIPTS.length; s++) {
          if (c >= SCRIPTS[s]![0] && c <= SCRIPTS[s]![1]) inScript[s]!++;
        }
      }
    } else if (wordStart >= 0) {
      words++;
      scoreStopWord(sample, wordStart, i, hash, scores);
      wordStart = -1;
    }
  }
  if (letters < 20) return null;
  for (let s = 0; s < SCRIPTS.length; s++) {
    const language = SCRIPTS[s]![2];
    // Japanese mixes kana with Chinese characters: a little kana is enough to tell it.
    const share = language === 'ja' ? 0.05 : 0.3;
    if (inScript[s]! / letters >= share) return language;
  }
  let best = 0;
  let bestScore = 0;
  let secondScore = 0;
  for (let l = 0; l < LANGUAGES.length; l++) {
    if (scores[l]! > bestScore) {
      secondScore = bestScore;
      bestScore = scores[l]!;
      best = l;
    } else if (scores[l]! > secondScore) secondScore = scores[l]!;
  }
  if (bestScore === 0 || words < 5) return null;
  // Function words make up a third or more of running text; a few stray ones prove nothing.
  if (bestScore / words < 0.08) return null;
  if (secondScore >= bestScore * 0.9) return null;
  return LANGUAGES[best]!;
}
