import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const definition = protoLoader.loadSync(fileURLToPath(new URL('./echo.proto', import.meta.url)), {
  keepCase: true,
  defaults: false,
});

export const { Echo } = grpc.loadPackageDefinition(definition).benchecho;
export { grpc };
