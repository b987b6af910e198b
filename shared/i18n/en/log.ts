// English strings: log. The keys here are the keys every language must have.
export const log = {} as const;
