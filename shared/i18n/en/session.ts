// English strings: session. The keys here are the keys every language must have.
export const session = {} as const;
