// Builds Troupe's image the way deploy/docker/Dockerfile lays it out, without a container daemon
// or registry, as an OCI image layout tar; with --import, loads it into every node of the real
// test cluster (npm run cluster:up). Also builds the NATS image the chart can use in tests.
//   npm run image:build [-- --import] [-- --tag TAG]
import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildNatsImage, buildTroupeImage, existingCluster } from '../packages/test-kit/src/index.ts';

const args = process.argv.slice(2);
const tagIndex = args.indexOf('--tag');
const tag = tagIndex === -1 ? undefined : args[tagIndex + 1];
const imageDir = join(homedir(), '.cache', 'troupe', 'images');

const troupe = await buildTroupeImage({ imageDir, ...(tag === undefined ? {} : { tag }) });
const nats = await buildNatsImage(imageDir);
for (const image of [troupe, nats]) process.stdout.write(`${image.ref} ${image.digest} ${image.file}\n`);
if (args.includes('--import')) {
  const cluster = await existingCluster();
  if (cluster === undefined) throw new Error('no healthy cluster is up: npm run cluster:up first');
  await cluster.importImage(troupe);
  await cluster.importImage(nats);
  process.stdout.write(`imported into ${cluster.nodes.map((n) => n.name).join(', ')}\n`);
}
process.stdout.write(
  `helm values: --set image.repository=${troupe.repository} --set image.tag=${troupe.tag} ` +
    `--set nats.image.repository=${nats.repository} --set nats.image.tag=${nats.tag}\n`,
);
