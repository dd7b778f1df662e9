/** Every sentence Cais shows a seller exists in Portuguese and English. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorText, errorTexts, fieldRuleTexts } from './errors.ts';
import { adapterHintTables, amazonCategoryHintsPt, classHintsPt, hintsPt, hintText } from './hints.ts';
import { languages, preferredLanguage } from './language.ts';

describe('marketplace hints', () => {
  it('has Portuguese words for every hint code an adapter exports, and for every failure class', () => {
    for (const [marketplace, tables] of Object.entries(adapterHintTables)) {
      for (const [code, english] of Object.entries(tables.hints)) {
        assert.ok(english, `${code} has English words`);
        assert.ok(hintsPt[code], `${code} (${marketplace}) has no Portuguese hint`);
      }
      for (const failure of Object.keys(tables.classes)) {
        assert.ok(
          classHintsPt[marketplace]?.[failure as 'permanent'],
          `${marketplace} has no Portuguese hint for ${failure}`,
        );
      }
    }
    for (const category of Object.keys(adapterHintTables.amazon.categories)) {
      assert.ok(amazonCategoryHintsPt[category], `Amazon category ${category} has no Portuguese hint`);
    }
  });

  it('answers the adapter’s English in English, and never English in Portuguese', () => {
    const closed = adapterHintTables.ml.hints['ml.item.status.not_modifiable']!;
    const source = { code: 'ml.item.status.not_modifiable', failure: 'permanent', hint: closed };
    assert.equal(hintText(source, 'en'), closed);
    assert.match(hintText(source, 'pt-BR')!, /encerrado no Mercado Livre/);
    // A code no table knows (a cause Mercado Livre added later) falls back on its class.
    const unknown = { code: 'ml.item.brand_new_rule', failure: 'permanent', hint: 'Fix it.' };
    assert.equal(hintText(unknown, 'pt-BR'), classHintsPt.ml!.permanent);
    const category = adapterHintTables.amazon.categories.INVALID_PRICE!;
    assert.equal(
      hintText({ code: 'amazon.issue.90220', failure: 'permanent', hint: category }, 'pt-BR'),
      amazonCategoryHintsPt.INVALID_PRICE,
    );
    assert.equal(
      hintText({ code: 'http_503', failure: 'transient', hint: 'x' }, 'pt-BR'),
      classHintsPt.any!.transient,
    );
  });
});

describe('API error sentences', () => {
  it('exist in both languages, the Portuguese needing no parameter the English lacks', () => {
    for (const [code, texts] of Object.entries({ ...errorTexts, ...fieldRuleTexts })) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const lang of languages) assert.ok(texts[lang], `${code} has no ${lang} text`);
      for (const name of names(texts['pt-BR'])) {
        assert.ok(names(texts.en).includes(name), `${code}: {${name}} is only in the Portuguese`);
      }
    }
  });

  it('fill the field and the limit, and refuse to answer with a hole', () => {
    const params = { field: 'rules.stock.buffer_units', rule: 'minimum', limit: 0 };
    assert.equal(
      errorText('invalid_field', params, 'pt-BR'),
      'rules.stock.buffer_units: deve ser no mínimo 0',
    );
    assert.equal(errorText('product_not_found', {}, 'pt-BR'), undefined);
    assert.equal(errorText('no_such_code', {}, 'pt-BR'), undefined);
    // Every sentence without parameters renders as it is (no stray braces left to fill).
    for (const [code, texts] of Object.entries(errorTexts)) {
      if (!/\{\w+\}/.test(texts['pt-BR'])) assert.equal(errorText(code, {}, 'pt-BR'), texts['pt-BR'], code);
    }
  });

  it('reads the language from Accept-Language, English by default', () => {
    assert.equal(preferredLanguage(undefined), 'en');
    assert.equal(preferredLanguage('pt-BR'), 'pt-BR');
    assert.equal(preferredLanguage('pt-BR,pt;q=0.9,en-US;q=0.8'), 'pt-BR');
    assert.equal(preferredLanguage('en;q=0.9, pt;q=0.5'), 'en');
    assert.equal(preferredLanguage('fr-FR, pt;q=0.4'), 'pt-BR');
    assert.equal(preferredLanguage('de'), 'en');
  });
});
