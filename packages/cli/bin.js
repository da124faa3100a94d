#!/usr/bin/env node
await import('./dist/index.js').then((m) => m.main());
