// The one place where errors are turned into their wire form and back, for gRPC calls (status
// code + metadata) and for data-plane replies (ErrorInfo).
import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import type { troupe } from '@troupe/protocol';
import {
  errorFromCode,
  InternalError,
  TroupeError,
  UnavailableError,
  TimeoutError,
} from './errors.js';

const CODE_KEY = 'troupe-error-code';
const NAME_KEY = 'troupe-error-name';

const grpcStatusByCode: Record<string, GrpcStatus> = {
  INVALID_ARGUMENT: GrpcStatus.INVALID_ARGUMENT,
  NOT_FOUND: GrpcStatus.NOT_FOUND,
  ALREADY_EXISTS: GrpcStatus.ALREADY_EXISTS,
  FAILED_PRECONDITION: GrpcStatus.FAILED_PRECONDITION,
  UNAUTHENTICATED: GrpcStatus.UNAUTHENTICATED,
  UNAVAILABLE: GrpcStatus.UNAVAILABLE,
  DEADLINE_EXCEEDED: GrpcStatus.DEADLINE_EXCEEDED,
};

export function toErrorInfo(error: unknown): troupe.v1.IErrorInfo {
  if (error instanceof TroupeError) return { code: error.code, name: error.name, message: error.message };
  if (error instanceof Error) return { code: 'BACKEND_ERROR', name: error.name, message: error.message };
  return { code: 'BACKEND_ERROR', name: 'Error', message: String(error) };
}

export function fromErrorInfo(info: troupe.v1.IErrorInfo): TroupeError {
  return errorFromCode(info.code ?? 'INTERNAL', info.name ?? '', info.message ?? '');
}

/** A gRPC error for a server handler's callback. */
export function toServiceError(error: unknown): Partial<ServiceError> {
  const info = toErrorInfo(error);
  const metadata = new Metadata();
  metadata.set(CODE_KEY, info.code ?? 'INTERNAL');
  metadata.set(NAME_KEY, info.name ?? 'Error');
  return {
    code: grpcStatusByCode[info.code ?? ''] ?? GrpcStatus.UNKNOWN,
    details: info.message ?? '',
    metadata,
  };
}

/** Rebuilds the error a gRPC call failed with. Transport failures become UnavailableError. */
export function fromServiceError(error: unknown): TroupeError {
  if (error instanceof TroupeError) return error;
  const serviceError = error as Partial<ServiceError>;
  const code = serviceError.metadata?.get(CODE_KEY)[0];
  if (typeof code === 'string') {
    const name = String(serviceError.metadata?.get(NAME_KEY)[0] ?? '');
    return errorFromCode(code, name, serviceError.details ?? '');
  }
  const message = serviceError.details ?? (error instanceof Error ? error.message : String(error));
  if (serviceError.code === GrpcStatus.UNAVAILABLE || serviceError.code === GrpcStatus.CANCELLED) {
    return new UnavailableError(message, { cause: error });
  }
  if (serviceError.code === GrpcStatus.DEADLINE_EXCEEDED) return new TimeoutError(message, { cause: error });
  if (serviceError.code === GrpcStatus.UNAUTHENTICATED) return errorFromCode('UNAUTHENTICATED', '', message);
  return new InternalError(message, { cause: error });
}
