import 'i18next';
import type nl from './nl.json';

// Keys are checked at compile time: t('typo') is a type error, and nl.json is the reference.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
