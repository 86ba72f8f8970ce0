#!/usr/bin/env node
// Committed launcher so the bin link works before the first build; the CLI itself is TypeScript.
await import('../dist/main.js');
