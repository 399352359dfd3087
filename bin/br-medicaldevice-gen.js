#!/usr/bin/env -S node --import tsx
// The generator runs from its TypeScript sources through tsx; no build step to forget.
import '../generator/cli/run.ts';
