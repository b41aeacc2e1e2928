export * from './text-field.js';
export * from './code-input.js';
export * from './password-field.js';
export * from './step-heading.js';
export * from './error-region.js';
export * from './form-state.js';
export * from './styles.js';
export * from './password-flow.machine.js';
