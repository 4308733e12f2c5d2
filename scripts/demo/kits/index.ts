/** Per-language kits: greetings, agents, reply templates, names. */
import type { Lang, LangKit } from '../types';
import { EN } from './en';
import { DE } from './de';
import { FR } from './fr';
import { ES } from './es';
import { PT } from './pt';

export const KITS: Record<Lang, LangKit> = { en: EN, de: DE, fr: FR, es: ES, pt: PT };
