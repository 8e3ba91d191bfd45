import { segmentKind } from '@apiscope/inference';
for (const v of process.argv.slice(2)) console.log(v, segmentKind(v));
