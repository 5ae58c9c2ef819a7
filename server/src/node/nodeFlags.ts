// Node flags the server runs with where its launcher can pass them (the VS Code client, the benchmark).
// A larger young generation: indexing and requests allocate many short-lived objects, and with the default 16 MB
// semi-space the scavenges that follow each other land on requests (completion p99 ≈ 5 ms at the reference size,
// 3–4 ms with 32 MB; cold start about 10% faster).
// A larger initial old generation: the first indexing builds an index that lives as long as the server (about 86 MB
// at the reference size), and an old generation that starts small is collected in full as it grows to hold it (three
// full collections during the cold start at the reference size, about 90 ms of the main thread, and two during a warm
// start; with 256 MB, one and none). It is where the first full collection is due, not a limit, and the heap after
// indexing is the same.
// Neither can be set from inside a running process.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--initial-old-space-size=256'];
