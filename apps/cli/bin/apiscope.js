#!/usr/bin/env node
'use strict';
// The `apiscope` command runs from the TypeScript sources, compiled by SWC on first use (decorator
// metadata included) and cached, so a fresh checkout needs only `npm install` before it works.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = path.join(__dirname, '..', 'tsconfig.runtime.json');
require('./ts-loader').register(process.env.SWC_NODE_PROJECT);
require('reflect-metadata');
void require('../src/main.ts').main(process.argv);
