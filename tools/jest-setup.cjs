// Nest decorators need the Reflect metadata API before any module loads.
require('reflect-metadata');
