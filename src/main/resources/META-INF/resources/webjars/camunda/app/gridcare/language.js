// GridCare: the language the Camunda webapps show, decided the way they decide it themselves (the browser's first
// preferred language, the part before "-"). Chinese (zh.json) for zh, zh-CN, zh-Hans...; English for all others.
const preferred = ((navigator.languages && navigator.languages[0]) || navigator.language || '').split('-')[0].toLowerCase();

export const chinese = preferred === 'zh';

/** The entry of a table of [English, Chinese] pairs in the shown language; `fallback` when it has none. */
export function inShownLanguage(pairs, key, fallback) {
  const pair = pairs[key];
  return pair ? pair[chinese ? 1 : 0] : fallback;
}

// The fallback is the shown language itself for Chinese: zh.json is complete, and loading en.json as well would let
// its date settings (moment's "en" locale) win the race and show "5 minutes ago" in a Chinese screen.
export const locales = {
  availableLocales: ['en', 'zh'],
  fallbackLocale: chinese ? 'zh' : 'en'
};
