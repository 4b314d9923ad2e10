// Stands in for `server-only` under Vitest, where no React Server environment exists.
export {};
