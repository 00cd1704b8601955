#!/usr/bin/env node
// The installed `herald` command: the compiled CLI (built by `npm run build` / the installer).
import '../out/main/cli/main.js';
