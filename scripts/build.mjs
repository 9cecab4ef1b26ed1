// Builds the CLI and the library as single ES-module bundles with esbuild.
// One bundle per entry keeps cold start low (no module graph to resolve at run time).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'esm', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // the main entry imports no Node module (browsers too); the node entry adds the Node host
  build({ ...common, platform: 'neutral', entryPoints: ['src/api/index.ts'], outfile: 'dist/index.js' }),
  build({ ...common, entryPoints: ['src/api/node.ts'], outfile: 'dist/node.js' }),
]);
