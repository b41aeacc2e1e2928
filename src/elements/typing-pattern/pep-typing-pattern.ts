import { PepTypingPattern } from './typing-pattern.component.js';

export { PepTypingPattern };
export type { TypingPatternMode, OtherMethodReason } from './typing-pattern.component.js';

if (!customElements.get('pep-typing-pattern'))
  customElements.define('pep-typing-pattern', PepTypingPattern);

declare global {
  interface HTMLElementTagNameMap {
    'pep-typing-pattern': PepTypingPattern;
  }
}
