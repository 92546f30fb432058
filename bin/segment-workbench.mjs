#!/usr/bin/env node
// The `segment-workbench` command: the built CLI (npm install runs the build via `prepare`).
import '../dist/cli.mjs';
