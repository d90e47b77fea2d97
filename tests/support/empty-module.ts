// Stands in for the `server-only` package in Vitest, which runs outside React's server graph.
export {};
