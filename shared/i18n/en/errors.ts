// English strings: errors. The keys here are the keys every language must have.
export const errors = {} as const;
