import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectArticleLanguage, detectLanguage } from '../../../electron/engine/ingest/language';

describe('detectLanguage', () => {
  it('tells the common European languages of news text apart', () => {
    expect(
      detectLanguage('The minister said that the budget was not enough for the schools of the region.'),
    ).toBe('en');
    expect(
      detectLanguage('Le ministre a dit que le budget ne suffit pas pour les écoles de la région.'),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Der Minister sagte, dass das Budget für die Schulen der Region nicht reicht und auch nicht.',
      ),
    ).toBe('de');
    expect(
      detectLanguage('El ministro dijo que el presupuesto no es suficiente para las escuelas de la región.'),
    ).toBe('es');
    expect(
      detectLanguage('Il ministro ha detto che il bilancio non è sufficiente per le scuole della regione.'),
    ).toBe('it');
    expect(
      detectLanguage(
        'O ministro disse que o orçamento não é suficiente para as escolas da região e que não há.',
      ),
    ).toBe('pt');
    expect(
      detectLanguage(
        'De minister zei dat het budget niet genoeg is voor de scholen van de regio en ook niet.',
      ),
    ).toBe('nl');
  });

  it('tells languages by their script', () => {
    expect(detectLanguage('東京で新しい図書館が開館しました。多くの人が訪れています。')).toBe('ja');
    expect(detectLanguage('北京今天发布了新的经济数据，增长速度超过了预期。')).toBe('zh');
    expect(detectLanguage('Министр заявил, что бюджет недостаточен для школ региона.')).toBe('ru');
  });

  it('says nothing for text too short or without words it knows', () => {
    expect(detectLanguage('Hi')).toBeNull();
    expect(detectLanguage('xqz vbnm plok trew asdf ghjk lkjh poiu mnbv')).toBeNull();
  });

  it('counts a function word only when the whole word is one', () => {
    const sentence = 'The minister said that the budget was not enough for the schools of the region. ';
    expect(detectLanguage(sentence.replace(/\b(the|that|was|not|for|of|said)\b/gi, '$1s'))).toBeNull();
    expect(detectLanguage(sentence.replace(/\b(the|that|was|not|for|of|said)\b/gi, 'x$1'))).toBeNull();
  });
});

describe('detectArticleLanguage', () => {
  const words = fc.constantFrom(...'the of and le la der und İ Été минист 東京 . \n'.split(' '), ' ');
  const text = (maxLength: number) =>
    fc.oneof(
      fc.string({ maxLength }),
      fc.array(words, { maxLength }).map((parts) => parts.join(' ')),
    );

  it('tells what detectLanguage tells of the title, a line break and the body', () => {
    fc.assert(
      fc.property(text(60), text(3000), (title, body) => {
        expect(detectArticleLanguage(title, body)).toBe(detectLanguage(`${title}\n${body}`));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a title longer than the sample alone', () => {
    const title = 'Le ministre a dit que le budget ne suffit pas pour les écoles de la région. '.repeat(60);
    const body = 'The minister said that the budget was not enough for the schools of the region. '.repeat(
      60,
    );
    expect(detectArticleLanguage(title, body)).toBe('fr');
    expect(detectArticleLanguage(title.slice(0, 40), body)).toBe('en');
  });
});
