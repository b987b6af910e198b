// English strings: compose. The keys here are the keys every language must have.
export const compose = {} as const;
