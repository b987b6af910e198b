// English strings: keys. The keys here are the keys every language must have.
export const keys = {} as const;
