/** snowball-stemmers 0.6.0 ships no types: the little of it this app uses. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  const factory: {
    newStemmer(language: string): Stemmer;
    algorithms(): string[];
  };
  export default factory;
}
