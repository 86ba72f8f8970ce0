// Public API of @troupe/protocol: the generated wire types and gRPC service definitions.
import $protobuf from 'protobufjs/minimal.js';
import { troupe } from '../generated/troupe.js';

// 64-bit fields (ids, versions) stay far below 2^53: decode them as plain numbers, not Long.
$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

export { troupe };
export const v1 = troupe.v1;
export * from './services.generated.js';
export * from './subjects.js';
export * from './value-codec.js';
