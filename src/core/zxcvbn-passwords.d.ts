/** The one file of `@zxcvbn-ts/language-common` we load (it ships no types for it). */
declare module '@zxcvbn-ts/language-common/dist/passwords.json.mjs' {
  const passwords: string[];
  export default passwords;
}
