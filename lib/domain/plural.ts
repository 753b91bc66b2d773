// "1 user", "2 users": a count with its noun, in the number the count asks for.
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
