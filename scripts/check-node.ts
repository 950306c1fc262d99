import semver from 'semver';
import packageJson from '../package.json';

// CI runs this right after installing, so an unsupported Node fails with one clear line.
const supported = packageJson.engines.node;
if (!semver.satisfies(process.version, supported)) {
  process.stderr.write(`Node ${process.version} is not supported: package.json engines.node is "${supported}"\n`);
  process.exit(1);
}
process.stdout.write(`Node ${process.version} satisfies engines.node "${supported}"\n`);
