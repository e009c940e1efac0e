import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../electron/engine/ingest/language';

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
});
