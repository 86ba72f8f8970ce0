import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");
export namespace troupe {

    namespace v1 {

        interface IEmpty {
        }

        class Empty implements IEmpty {
            constructor(properties?: troupe.v1.IEmpty);
            public static create(properties?: troupe.v1.IEmpty): troupe.v1.Empty;
            public static encode(message: troupe.v1.IEmpty, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Empty;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IErrorInfo {
            code?: (string|null);
            name?: (string|null);
            message?: (string|null);
        }

        class ErrorInfo implements IErrorInfo {
            constructor(properties?: troupe.v1.IErrorInfo);
            public code: string;
            public name: string;
            public message: string;
            public static create(properties?: troupe.v1.IErrorInfo): troupe.v1.ErrorInfo;
            public static encode(message: troupe.v1.IErrorInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ErrorInfo;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendConfig {
            numReplicas?: (number|null);
            maxConcurrentQueries?: (number|null);
            maxBatchSize?: (number|null);
            batchWaitTimeout?: (number|null);
            userConfigJson?: (string|null);
            maxConcurrentBatches?: (number|null);
            maxQueuedRequests?: (number|null);
        }

        class BackendConfig implements IBackendConfig {
            constructor(properties?: troupe.v1.IBackendConfig);
            public numReplicas?: (number|null);
            public maxConcurrentQueries?: (number|null);
            public maxBatchSize?: (number|null);
            public batchWaitTimeout?: (number|null);
            public userConfigJson?: (string|null);
            public maxConcurrentBatches?: (number|null);
            public maxQueuedRequests?: (number|null);
            public static create(properties?: troupe.v1.IBackendConfig): troupe.v1.BackendConfig;
            public static encode(message: troupe.v1.IBackendConfig, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackendConfig;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendSpec {
            tag?: (string|null);
            importPath?: (string|null);
            initArgsJson?: (string|null);
            config?: (troupe.v1.IBackendConfig|null);
            exposedMethods?: (string[]|null);
        }

        class BackendSpec implements IBackendSpec {
            constructor(properties?: troupe.v1.IBackendSpec);
            public tag: string;
            public importPath: string;
            public initArgsJson: string;
            public config?: (troupe.v1.IBackendConfig|null);
            public exposedMethods: string[];
            public static create(properties?: troupe.v1.IBackendSpec): troupe.v1.BackendSpec;
            public static encode(message: troupe.v1.IBackendSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackendSpec;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEndpointSpec {
            name?: (string|null);
            route?: (string|null);
            methods?: (string[]|null);
            traffic?: ({ [k: string]: number }|null);
            shadows?: ({ [k: string]: number }|null);
        }

        class EndpointSpec implements IEndpointSpec {
            constructor(properties?: troupe.v1.IEndpointSpec);
            public name: string;
            public route: string;
            public methods: string[];
            public traffic: { [k: string]: number };
            public shadows: { [k: string]: number };
            public static create(properties?: troupe.v1.IEndpointSpec): troupe.v1.EndpointSpec;
            public static encode(message: troupe.v1.IEndpointSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EndpointSpec;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDesiredState {
            version?: (number|null);
            backends?: (troupe.v1.IBackendSpec[]|null);
            endpoints?: (troupe.v1.IEndpointSpec[]|null);
            configEpoch?: (number|null);
        }

        class DesiredState implements IDesiredState {
            constructor(properties?: troupe.v1.IDesiredState);
            public version: number;
            public backends: troupe.v1.IBackendSpec[];
            public endpoints: troupe.v1.IEndpointSpec[];
            public configEpoch: number;
            public static create(properties?: troupe.v1.IDesiredState): troupe.v1.DesiredState;
            public static encode(message: troupe.v1.IDesiredState, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.DesiredState;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICreateBackendRequest {
            spec?: (troupe.v1.IBackendSpec|null);
        }

        class CreateBackendRequest implements ICreateBackendRequest {
            constructor(properties?: troupe.v1.ICreateBackendRequest);
            public spec?: (troupe.v1.IBackendSpec|null);
            public static create(properties?: troupe.v1.ICreateBackendRequest): troupe.v1.CreateBackendRequest;
            public static encode(message: troupe.v1.ICreateBackendRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.CreateBackendRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUpdateBackendConfigRequest {
            tag?: (string|null);
            config?: (troupe.v1.IBackendConfig|null);
        }

        class UpdateBackendConfigRequest implements IUpdateBackendConfigRequest {
            constructor(properties?: troupe.v1.IUpdateBackendConfigRequest);
            public tag: string;
            public config?: (troupe.v1.IBackendConfig|null);
            public static create(properties?: troupe.v1.IUpdateBackendConfigRequest): troupe.v1.UpdateBackendConfigRequest;
            public static encode(message: troupe.v1.IUpdateBackendConfigRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.UpdateBackendConfigRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendRef {
            tag?: (string|null);
        }

        class BackendRef implements IBackendRef {
            constructor(properties?: troupe.v1.IBackendRef);
            public tag: string;
            public static create(properties?: troupe.v1.IBackendRef): troupe.v1.BackendRef;
            public static encode(message: troupe.v1.IBackendRef, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackendRef;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEndpointRef {
            name?: (string|null);
        }

        class EndpointRef implements IEndpointRef {
            constructor(properties?: troupe.v1.IEndpointRef);
            public name: string;
            public static create(properties?: troupe.v1.IEndpointRef): troupe.v1.EndpointRef;
            public static encode(message: troupe.v1.IEndpointRef, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EndpointRef;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICreateEndpointRequest {
            spec?: (troupe.v1.IEndpointSpec|null);
        }

        class CreateEndpointRequest implements ICreateEndpointRequest {
            constructor(properties?: troupe.v1.ICreateEndpointRequest);
            public spec?: (troupe.v1.IEndpointSpec|null);
            public static create(properties?: troupe.v1.ICreateEndpointRequest): troupe.v1.CreateEndpointRequest;
            public static encode(message: troupe.v1.ICreateEndpointRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.CreateEndpointRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISetTrafficRequest {
            endpoint?: (string|null);
            traffic?: ({ [k: string]: number }|null);
        }

        class SetTrafficRequest implements ISetTrafficRequest {
            constructor(properties?: troupe.v1.ISetTrafficRequest);
            public endpoint: string;
            public traffic: { [k: string]: number };
            public static create(properties?: troupe.v1.ISetTrafficRequest): troupe.v1.SetTrafficRequest;
            public static encode(message: troupe.v1.ISetTrafficRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.SetTrafficRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IShadowTrafficRequest {
            endpoint?: (string|null);
            backend?: (string|null);
            proportion?: (number|null);
        }

        class ShadowTrafficRequest implements IShadowTrafficRequest {
            constructor(properties?: troupe.v1.IShadowTrafficRequest);
            public endpoint: string;
            public backend: string;
            public proportion: number;
            public static create(properties?: troupe.v1.IShadowTrafficRequest): troupe.v1.ShadowTrafficRequest;
            public static encode(message: troupe.v1.IShadowTrafficRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ShadowTrafficRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IChangeReply {
            version?: (number|null);
        }

        class ChangeReply implements IChangeReply {
            constructor(properties?: troupe.v1.IChangeReply);
            public version: number;
            public static create(properties?: troupe.v1.IChangeReply): troupe.v1.ChangeReply;
            public static encode(message: troupe.v1.IChangeReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ChangeReply;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendInfo {
            spec?: (troupe.v1.IBackendSpec|null);
            replicaTags?: (string[]|null);
        }

        class BackendInfo implements IBackendInfo {
            constructor(properties?: troupe.v1.IBackendInfo);
            public spec?: (troupe.v1.IBackendSpec|null);
            public replicaTags: string[];
            public static create(properties?: troupe.v1.IBackendInfo): troupe.v1.BackendInfo;
            public static encode(message: troupe.v1.IBackendInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackendInfo;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendList {
            backends?: (troupe.v1.IBackendInfo[]|null);
        }

        class BackendList implements IBackendList {
            constructor(properties?: troupe.v1.IBackendList);
            public backends: troupe.v1.IBackendInfo[];
            public static create(properties?: troupe.v1.IBackendList): troupe.v1.BackendList;
            public static encode(message: troupe.v1.IBackendList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackendList;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEndpointList {
            endpoints?: (troupe.v1.IEndpointSpec[]|null);
        }

        class EndpointList implements IEndpointList {
            constructor(properties?: troupe.v1.IEndpointList);
            public endpoints: troupe.v1.IEndpointSpec[];
            public static create(properties?: troupe.v1.IEndpointList): troupe.v1.EndpointList;
            public static encode(message: troupe.v1.IEndpointList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EndpointList;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkerInfo {
            workerId?: (string|null);
            nodeId?: (string|null);
            dataAddress?: (string|null);
            controlAddress?: (string|null);
            replicas?: (troupe.v1.IReplicaStatus[]|null);
            alive?: (boolean|null);
        }

        class WorkerInfo implements IWorkerInfo {
            constructor(properties?: troupe.v1.IWorkerInfo);
            public workerId: string;
            public nodeId: string;
            public dataAddress: string;
            public controlAddress: string;
            public replicas: troupe.v1.IReplicaStatus[];
            public alive: boolean;
            public static create(properties?: troupe.v1.IWorkerInfo): troupe.v1.WorkerInfo;
            public static encode(message: troupe.v1.IWorkerInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.WorkerInfo;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProxyInfo {
            proxyId?: (string|null);
            nodeId?: (string|null);
            httpAddress?: (string|null);
            version?: (number|null);
            draining?: (boolean|null);
        }

        class ProxyInfo implements IProxyInfo {
            constructor(properties?: troupe.v1.IProxyInfo);
            public proxyId: string;
            public nodeId: string;
            public httpAddress: string;
            public version: number;
            public draining: boolean;
            public static create(properties?: troupe.v1.IProxyInfo): troupe.v1.ProxyInfo;
            public static encode(message: troupe.v1.IProxyInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ProxyInfo;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IClusterStatus {
            version?: (number|null);
            backends?: (troupe.v1.IBackendInfo[]|null);
            endpoints?: (troupe.v1.IEndpointSpec[]|null);
            workers?: (troupe.v1.IWorkerInfo[]|null);
            proxies?: (troupe.v1.IProxyInfo[]|null);
            headId?: (string|null);
            httpLocation?: (string|null);
            conditions?: (troupe.v1.IClusterCondition[]|null);
        }

        class ClusterStatus implements IClusterStatus {
            constructor(properties?: troupe.v1.IClusterStatus);
            public version: number;
            public backends: troupe.v1.IBackendInfo[];
            public endpoints: troupe.v1.IEndpointSpec[];
            public workers: troupe.v1.IWorkerInfo[];
            public proxies: troupe.v1.IProxyInfo[];
            public headId: string;
            public httpLocation: string;
            public conditions: troupe.v1.IClusterCondition[];
            public static create(properties?: troupe.v1.IClusterStatus): troupe.v1.ClusterStatus;
            public static encode(message: troupe.v1.IClusterStatus, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterStatus;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IClusterCondition {
            type?: (string|null);
            status?: (string|null);
            reason?: (string|null);
            message?: (string|null);
        }

        class ClusterCondition implements IClusterCondition {
            constructor(properties?: troupe.v1.IClusterCondition);
            public type: string;
            public status: string;
            public reason: string;
            public message: string;
            public static create(properties?: troupe.v1.IClusterCondition): troupe.v1.ClusterCondition;
            public static encode(message: troupe.v1.IClusterCondition, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterCondition;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IClusterInfo {
            natsUrl?: (string|null);
            headId?: (string|null);
            httpLocation?: (string|null);
            natsUser?: (string|null);
            natsPassword?: (string|null);
            dataToken?: (string|null);
        }

        class ClusterInfo implements IClusterInfo {
            constructor(properties?: troupe.v1.IClusterInfo);
            public natsUrl: string;
            public headId: string;
            public httpLocation: string;
            public natsUser: string;
            public natsPassword: string;
            public dataToken: string;
            public static create(properties?: troupe.v1.IClusterInfo): troupe.v1.ClusterInfo;
            public static encode(message: troupe.v1.IClusterInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterInfo;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWaitRequest {
            version?: (number|null);
            timeoutSeconds?: (number|null);
        }

        class WaitRequest implements IWaitRequest {
            constructor(properties?: troupe.v1.IWaitRequest);
            public version: number;
            public timeoutSeconds: number;
            public static create(properties?: troupe.v1.IWaitRequest): troupe.v1.WaitRequest;
            public static encode(message: troupe.v1.IWaitRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.WaitRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWaitReply {
            converged?: (boolean|null);
            detail?: (string|null);
            version?: (number|null);
            snapshotVersion?: (number|null);
            headId?: (string|null);
        }

        class WaitReply implements IWaitReply {
            constructor(properties?: troupe.v1.IWaitReply);
            public converged: boolean;
            public detail: string;
            public version: number;
            public snapshotVersion: number;
            public headId: string;
            public static create(properties?: troupe.v1.IWaitReply): troupe.v1.WaitReply;
            public static encode(message: troupe.v1.IWaitReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.WaitReply;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        class Admin extends $protobuf.rpc.Service {
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Admin;
            public createBackend(request: troupe.v1.ICreateBackendRequest, callback: troupe.v1.Admin.CreateBackendCallback): void;
            public createBackend(request: troupe.v1.ICreateBackendRequest): Promise<troupe.v1.ChangeReply>;
            public updateBackendConfig(request: troupe.v1.IUpdateBackendConfigRequest, callback: troupe.v1.Admin.UpdateBackendConfigCallback): void;
            public updateBackendConfig(request: troupe.v1.IUpdateBackendConfigRequest): Promise<troupe.v1.ChangeReply>;
            public getBackend(request: troupe.v1.IBackendRef, callback: troupe.v1.Admin.GetBackendCallback): void;
            public getBackend(request: troupe.v1.IBackendRef): Promise<troupe.v1.BackendInfo>;
            public deleteBackend(request: troupe.v1.IBackendRef, callback: troupe.v1.Admin.DeleteBackendCallback): void;
            public deleteBackend(request: troupe.v1.IBackendRef): Promise<troupe.v1.ChangeReply>;
            public listBackends(request: troupe.v1.IEmpty, callback: troupe.v1.Admin.ListBackendsCallback): void;
            public listBackends(request: troupe.v1.IEmpty): Promise<troupe.v1.BackendList>;
            public createEndpoint(request: troupe.v1.ICreateEndpointRequest, callback: troupe.v1.Admin.CreateEndpointCallback): void;
            public createEndpoint(request: troupe.v1.ICreateEndpointRequest): Promise<troupe.v1.ChangeReply>;
            public deleteEndpoint(request: troupe.v1.IEndpointRef, callback: troupe.v1.Admin.DeleteEndpointCallback): void;
            public deleteEndpoint(request: troupe.v1.IEndpointRef): Promise<troupe.v1.ChangeReply>;
            public listEndpoints(request: troupe.v1.IEmpty, callback: troupe.v1.Admin.ListEndpointsCallback): void;
            public listEndpoints(request: troupe.v1.IEmpty): Promise<troupe.v1.EndpointList>;
            public setTraffic(request: troupe.v1.ISetTrafficRequest, callback: troupe.v1.Admin.SetTrafficCallback): void;
            public setTraffic(request: troupe.v1.ISetTrafficRequest): Promise<troupe.v1.ChangeReply>;
            public shadowTraffic(request: troupe.v1.IShadowTrafficRequest, callback: troupe.v1.Admin.ShadowTrafficCallback): void;
            public shadowTraffic(request: troupe.v1.IShadowTrafficRequest): Promise<troupe.v1.ChangeReply>;
            public getStatus(request: troupe.v1.IEmpty, callback: troupe.v1.Admin.GetStatusCallback): void;
            public getStatus(request: troupe.v1.IEmpty): Promise<troupe.v1.ClusterStatus>;
            public getClusterInfo(request: troupe.v1.IEmpty, callback: troupe.v1.Admin.GetClusterInfoCallback): void;
            public getClusterInfo(request: troupe.v1.IEmpty): Promise<troupe.v1.ClusterInfo>;
            public waitConverged(request: troupe.v1.IWaitRequest, callback: troupe.v1.Admin.WaitConvergedCallback): void;
            public waitConverged(request: troupe.v1.IWaitRequest): Promise<troupe.v1.WaitReply>;
            public shutdown(request: troupe.v1.IEmpty, callback: troupe.v1.Admin.ShutdownCallback): void;
            public shutdown(request: troupe.v1.IEmpty): Promise<troupe.v1.Empty>;
        }

        namespace Admin {

            type CreateBackendCallback = (error: (Error|null), response?: troupe.v1.ChangeReply) => void;

            type UpdateBackendConfigCallback = (error: (Error|null), response?: troupe.v1.ChangeReply) => void;

            type GetBackendCallback = (error: (Error|null), response?: troupe.v1.BackendInfo) => void;

            type DeleteBackendCallback = (error: (Error|null), response?: troupe.v1.ChangeReply) => void;

            type ListBackendsCallback = (error: (Error|null), response?: troupe.v1.BackendList) => void;

            type CreateEndpointCallback = (error: (Error|null), response?: troupe.v1.ChangeReply) => void;

            type DeleteEndpointCallback = (error: (Error|null), response?: troupe.v1.ChangeReply) => void;

            type ListEndpointsCallback = (error: (Error|null), response?: troupe.v1.EndpointList) => void;

            type SetTrafficCallback = (error: (Error|null), response?: troupe.v1.ChangeReply) => void;

            type ShadowTrafficCallback = (error: (Error|null), response?: troupe.v1.ChangeReply) => void;

            type GetStatusCallback = (error: (Error|null), response?: troupe.v1.ClusterStatus) => void;

            type GetClusterInfoCallback = (error: (Error|null), response?: troupe.v1.ClusterInfo) => void;

            type WaitConvergedCallback = (error: (Error|null), response?: troupe.v1.WaitReply) => void;

            type ShutdownCallback = (error: (Error|null), response?: troupe.v1.Empty) => void;
        }

        enum ReplicaState {
            REPLICA_STATE_UNSPECIFIED = 0,
            REPLICA_STATE_STARTING = 1,
            REPLICA_STATE_RUNNING = 2,
            REPLICA_STATE_STOPPING = 3,
            REPLICA_STATE_FAILED = 4
        }

        interface IReplicaConfig {
            maxConcurrentQueries?: (number|null);
            maxBatchSize?: (number|null);
            batchWaitTimeout?: (number|null);
            userConfigJson?: (string|null);
            epoch?: (number|null);
            maxConcurrentBatches?: (number|null);
        }

        class ReplicaConfig implements IReplicaConfig {
            constructor(properties?: troupe.v1.IReplicaConfig);
            public maxConcurrentQueries: number;
            public maxBatchSize: number;
            public batchWaitTimeout: number;
            public userConfigJson?: (string|null);
            public epoch: number;
            public maxConcurrentBatches: number;
            public static create(properties?: troupe.v1.IReplicaConfig): troupe.v1.ReplicaConfig;
            public static encode(message: troupe.v1.IReplicaConfig, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ReplicaConfig;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReplicaStatus {
            replicaTag?: (string|null);
            backend?: (string|null);
            state?: (troupe.v1.ReplicaState|null);
            configEpoch?: (number|null);
            error?: (troupe.v1.IErrorInfo|null);
        }

        class ReplicaStatus implements IReplicaStatus {
            constructor(properties?: troupe.v1.IReplicaStatus);
            public replicaTag: string;
            public backend: string;
            public state: troupe.v1.ReplicaState;
            public configEpoch: number;
            public error?: (troupe.v1.IErrorInfo|null);
            public static create(properties?: troupe.v1.IReplicaStatus): troupe.v1.ReplicaStatus;
            public static encode(message: troupe.v1.IReplicaStatus, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ReplicaStatus;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRegisterWorkerRequest {
            workerId?: (string|null);
            nodeId?: (string|null);
            dataAddress?: (string|null);
            controlAddress?: (string|null);
            replicas?: (troupe.v1.IReplicaStatus[]|null);
            draining?: (boolean|null);
        }

        class RegisterWorkerRequest implements IRegisterWorkerRequest {
            constructor(properties?: troupe.v1.IRegisterWorkerRequest);
            public workerId: string;
            public nodeId: string;
            public dataAddress: string;
            public controlAddress: string;
            public replicas: troupe.v1.IReplicaStatus[];
            public draining: boolean;
            public static create(properties?: troupe.v1.IRegisterWorkerRequest): troupe.v1.RegisterWorkerRequest;
            public static encode(message: troupe.v1.IRegisterWorkerRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.RegisterWorkerRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRegisterWorkerReply {
            headId?: (string|null);
            heartbeatIntervalSeconds?: (number|null);
            session?: (number|null);
        }

        class RegisterWorkerReply implements IRegisterWorkerReply {
            constructor(properties?: troupe.v1.IRegisterWorkerReply);
            public headId: string;
            public heartbeatIntervalSeconds: number;
            public session: number;
            public static create(properties?: troupe.v1.IRegisterWorkerReply): troupe.v1.RegisterWorkerReply;
            public static encode(message: troupe.v1.IRegisterWorkerReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.RegisterWorkerReply;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IHeartbeatRequest {
            workerId?: (string|null);
            replicas?: (troupe.v1.IReplicaStatus[]|null);
            draining?: (boolean|null);
        }

        class HeartbeatRequest implements IHeartbeatRequest {
            constructor(properties?: troupe.v1.IHeartbeatRequest);
            public workerId: string;
            public replicas: troupe.v1.IReplicaStatus[];
            public draining: boolean;
            public static create(properties?: troupe.v1.IHeartbeatRequest): troupe.v1.HeartbeatRequest;
            public static encode(message: troupe.v1.IHeartbeatRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.HeartbeatRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IHeartbeatReply {
            known?: (boolean|null);
        }

        class HeartbeatReply implements IHeartbeatReply {
            constructor(properties?: troupe.v1.IHeartbeatReply);
            public known: boolean;
            public static create(properties?: troupe.v1.IHeartbeatReply): troupe.v1.HeartbeatReply;
            public static encode(message: troupe.v1.IHeartbeatReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.HeartbeatReply;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISessionRequest {
            workerId?: (string|null);
            session?: (number|null);
        }

        class SessionRequest implements ISessionRequest {
            constructor(properties?: troupe.v1.ISessionRequest);
            public workerId: string;
            public session: number;
            public static create(properties?: troupe.v1.ISessionRequest): troupe.v1.SessionRequest;
            public static encode(message: troupe.v1.ISessionRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.SessionRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISessionEvent {
            headId?: (string|null);
        }

        class SessionEvent implements ISessionEvent {
            constructor(properties?: troupe.v1.ISessionEvent);
            public headId: string;
            public static create(properties?: troupe.v1.ISessionEvent): troupe.v1.SessionEvent;
            public static encode(message: troupe.v1.ISessionEvent, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.SessionEvent;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        class Control extends $protobuf.rpc.Service {
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Control;
            public registerWorker(request: troupe.v1.IRegisterWorkerRequest, callback: troupe.v1.Control.RegisterWorkerCallback): void;
            public registerWorker(request: troupe.v1.IRegisterWorkerRequest): Promise<troupe.v1.RegisterWorkerReply>;
            public heartbeat(request: troupe.v1.IHeartbeatRequest, callback: troupe.v1.Control.HeartbeatCallback): void;
            public heartbeat(request: troupe.v1.IHeartbeatRequest): Promise<troupe.v1.HeartbeatReply>;
            public session(request: troupe.v1.ISessionRequest, callback: troupe.v1.Control.SessionCallback): void;
            public session(request: troupe.v1.ISessionRequest): Promise<troupe.v1.SessionEvent>;
        }

        namespace Control {

            type RegisterWorkerCallback = (error: (Error|null), response?: troupe.v1.RegisterWorkerReply) => void;

            type HeartbeatCallback = (error: (Error|null), response?: troupe.v1.HeartbeatReply) => void;

            type SessionCallback = (error: (Error|null), response?: troupe.v1.SessionEvent) => void;
        }

        interface IStartReplicaRequest {
            replicaTag?: (string|null);
            backend?: (string|null);
            importPath?: (string|null);
            initArgsJson?: (string|null);
            config?: (troupe.v1.IReplicaConfig|null);
            exposedMethods?: (string[]|null);
        }

        class StartReplicaRequest implements IStartReplicaRequest {
            constructor(properties?: troupe.v1.IStartReplicaRequest);
            public replicaTag: string;
            public backend: string;
            public importPath: string;
            public initArgsJson: string;
            public config?: (troupe.v1.IReplicaConfig|null);
            public exposedMethods: string[];
            public static create(properties?: troupe.v1.IStartReplicaRequest): troupe.v1.StartReplicaRequest;
            public static encode(message: troupe.v1.IStartReplicaRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StartReplicaRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStopReplicaRequest {
            replicaTag?: (string|null);
            graceSeconds?: (number|null);
        }

        class StopReplicaRequest implements IStopReplicaRequest {
            constructor(properties?: troupe.v1.IStopReplicaRequest);
            public replicaTag: string;
            public graceSeconds: number;
            public static create(properties?: troupe.v1.IStopReplicaRequest): troupe.v1.StopReplicaRequest;
            public static encode(message: troupe.v1.IStopReplicaRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StopReplicaRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReconfigureReplicaRequest {
            replicaTag?: (string|null);
            config?: (troupe.v1.IReplicaConfig|null);
        }

        class ReconfigureReplicaRequest implements IReconfigureReplicaRequest {
            constructor(properties?: troupe.v1.IReconfigureReplicaRequest);
            public replicaTag: string;
            public config?: (troupe.v1.IReplicaConfig|null);
            public static create(properties?: troupe.v1.IReconfigureReplicaRequest): troupe.v1.ReconfigureReplicaRequest;
            public static encode(message: troupe.v1.IReconfigureReplicaRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ReconfigureReplicaRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReplicaList {
            replicas?: (troupe.v1.IReplicaStatus[]|null);
        }

        class ReplicaList implements IReplicaList {
            constructor(properties?: troupe.v1.IReplicaList);
            public replicas: troupe.v1.IReplicaStatus[];
            public static create(properties?: troupe.v1.IReplicaList): troupe.v1.ReplicaList;
            public static encode(message: troupe.v1.IReplicaList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ReplicaList;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IInspectBackendRequest {
            importPath?: (string|null);
        }

        class InspectBackendRequest implements IInspectBackendRequest {
            constructor(properties?: troupe.v1.IInspectBackendRequest);
            public importPath: string;
            public static create(properties?: troupe.v1.IInspectBackendRequest): troupe.v1.InspectBackendRequest;
            public static encode(message: troupe.v1.IInspectBackendRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.InspectBackendRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendShape {
            isClass?: (boolean|null);
            hasReconfigure?: (boolean|null);
            acceptBatch?: (boolean|null);
        }

        class BackendShape implements IBackendShape {
            constructor(properties?: troupe.v1.IBackendShape);
            public isClass: boolean;
            public hasReconfigure: boolean;
            public acceptBatch: boolean;
            public static create(properties?: troupe.v1.IBackendShape): troupe.v1.BackendShape;
            public static encode(message: troupe.v1.IBackendShape, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackendShape;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        class WorkerControl extends $protobuf.rpc.Service {
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): WorkerControl;
            public startReplica(request: troupe.v1.IStartReplicaRequest, callback: troupe.v1.WorkerControl.StartReplicaCallback): void;
            public startReplica(request: troupe.v1.IStartReplicaRequest): Promise<troupe.v1.ReplicaStatus>;
            public stopReplica(request: troupe.v1.IStopReplicaRequest, callback: troupe.v1.WorkerControl.StopReplicaCallback): void;
            public stopReplica(request: troupe.v1.IStopReplicaRequest): Promise<troupe.v1.Empty>;
            public reconfigureReplica(request: troupe.v1.IReconfigureReplicaRequest, callback: troupe.v1.WorkerControl.ReconfigureReplicaCallback): void;
            public reconfigureReplica(request: troupe.v1.IReconfigureReplicaRequest): Promise<troupe.v1.ReplicaStatus>;
            public listReplicas(request: troupe.v1.IEmpty, callback: troupe.v1.WorkerControl.ListReplicasCallback): void;
            public listReplicas(request: troupe.v1.IEmpty): Promise<troupe.v1.ReplicaList>;
            public inspectBackend(request: troupe.v1.IInspectBackendRequest, callback: troupe.v1.WorkerControl.InspectBackendCallback): void;
            public inspectBackend(request: troupe.v1.IInspectBackendRequest): Promise<troupe.v1.BackendShape>;
        }

        namespace WorkerControl {

            type StartReplicaCallback = (error: (Error|null), response?: troupe.v1.ReplicaStatus) => void;

            type StopReplicaCallback = (error: (Error|null), response?: troupe.v1.Empty) => void;

            type ReconfigureReplicaCallback = (error: (Error|null), response?: troupe.v1.ReplicaStatus) => void;

            type ListReplicasCallback = (error: (Error|null), response?: troupe.v1.ReplicaList) => void;

            type InspectBackendCallback = (error: (Error|null), response?: troupe.v1.BackendShape) => void;
        }

        interface IHttpRequest {
            method?: (string|null);
            path?: (string|null);
            query?: ({ [k: string]: string }|null);
            headers?: ({ [k: string]: string }|null);
            body?: (Uint8Array|null);
            pathParamsJson?: (string|null);
        }

        class HttpRequest implements IHttpRequest {
            constructor(properties?: troupe.v1.IHttpRequest);
            public method: string;
            public path: string;
            public query: { [k: string]: string };
            public headers: { [k: string]: string };
            public body: Uint8Array;
            public pathParamsJson: string;
            public static create(properties?: troupe.v1.IHttpRequest): troupe.v1.HttpRequest;
            public static encode(message: troupe.v1.IHttpRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.HttpRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICall {
            id?: (number|null);
            replicaTag?: (string|null);
            methodName?: (string|null);
            http?: (troupe.v1.IHttpRequest|null);
            data?: (Uint8Array|null);
            hasData?: (boolean|null);
            valueReply?: (boolean|null);
        }

        class Call implements ICall {
            constructor(properties?: troupe.v1.ICall);
            public id: number;
            public replicaTag: string;
            public methodName: string;
            public http?: (troupe.v1.IHttpRequest|null);
            public data: Uint8Array;
            public hasData: boolean;
            public valueReply: boolean;
            public static create(properties?: troupe.v1.ICall): troupe.v1.Call;
            public static encode(message: troupe.v1.ICall, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Call;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IHeader {
            name?: (string|null);
            value?: (string|null);
        }

        class Header implements IHeader {
            constructor(properties?: troupe.v1.IHeader);
            public name: string;
            public value: string;
            public static create(properties?: troupe.v1.IHeader): troupe.v1.Header;
            public static encode(message: troupe.v1.IHeader, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Header;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum ReplyKind {
            REPLY_KIND_UNSPECIFIED = 0,
            REPLY_KIND_VALUE = 1,
            REPLY_KIND_HTTP = 2
        }

        interface IReply {
            id?: (number|null);
            error?: (troupe.v1.IErrorInfo|null);
            kind?: (troupe.v1.ReplyKind|null);
            value?: (Uint8Array|null);
            status?: (number|null);
            headers?: (troupe.v1.IHeader[]|null);
            body?: (Uint8Array|null);
        }

        class Reply implements IReply {
            constructor(properties?: troupe.v1.IReply);
            public id: number;
            public error?: (troupe.v1.IErrorInfo|null);
            public kind: troupe.v1.ReplyKind;
            public value: Uint8Array;
            public status: number;
            public headers: troupe.v1.IHeader[];
            public body: Uint8Array;
            public static create(properties?: troupe.v1.IReply): troupe.v1.Reply;
            public static encode(message: troupe.v1.IReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Reply;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICallCancel {
            id?: (number|null);
            replicaTag?: (string|null);
        }

        class CallCancel implements ICallCancel {
            constructor(properties?: troupe.v1.ICallCancel);
            public id: number;
            public replicaTag: string;
            public static create(properties?: troupe.v1.ICallCancel): troupe.v1.CallCancel;
            public static encode(message: troupe.v1.ICallCancel, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.CallCancel;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICallFrame {
            calls?: (troupe.v1.ICall[]|null);
            cancels?: (troupe.v1.ICallCancel[]|null);
        }

        class CallFrame implements ICallFrame {
            constructor(properties?: troupe.v1.ICallFrame);
            public calls: troupe.v1.ICall[];
            public cancels: troupe.v1.ICallCancel[];
            public static create(properties?: troupe.v1.ICallFrame): troupe.v1.CallFrame;
            public static encode(message: troupe.v1.ICallFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.CallFrame;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReplyFrame {
            replies?: (troupe.v1.IReply[]|null);
        }

        class ReplyFrame implements IReplyFrame {
            constructor(properties?: troupe.v1.IReplyFrame);
            public replies: troupe.v1.IReply[];
            public static create(properties?: troupe.v1.IReplyFrame): troupe.v1.ReplyFrame;
            public static encode(message: troupe.v1.IReplyFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ReplyFrame;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        class Data extends $protobuf.rpc.Service {
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Data;
            public stream(request: troupe.v1.ICallFrame, callback: troupe.v1.Data.StreamCallback): void;
            public stream(request: troupe.v1.ICallFrame): Promise<troupe.v1.ReplyFrame>;
        }

        namespace Data {

            type StreamCallback = (error: (Error|null), response?: troupe.v1.ReplyFrame) => void;
        }

        interface IReplicaEndpoint {
            replicaTag?: (string|null);
            workerId?: (string|null);
            dataAddress?: (string|null);
            nodeId?: (string|null);
        }

        class ReplicaEndpoint implements IReplicaEndpoint {
            constructor(properties?: troupe.v1.IReplicaEndpoint);
            public replicaTag: string;
            public workerId: string;
            public dataAddress: string;
            public nodeId: string;
            public static create(properties?: troupe.v1.IReplicaEndpoint): troupe.v1.ReplicaEndpoint;
            public static encode(message: troupe.v1.IReplicaEndpoint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ReplicaEndpoint;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBackendRoute {
            tag?: (string|null);
            maxConcurrentQueries?: (number|null);
            replicas?: (troupe.v1.IReplicaEndpoint[]|null);
            numReplicas?: (number|null);
            maxQueuedRequests?: (number|null);
        }

        class BackendRoute implements IBackendRoute {
            constructor(properties?: troupe.v1.IBackendRoute);
            public tag: string;
            public maxConcurrentQueries: number;
            public replicas: troupe.v1.IReplicaEndpoint[];
            public numReplicas: number;
            public maxQueuedRequests?: (number|null);
            public static create(properties?: troupe.v1.IBackendRoute): troupe.v1.BackendRoute;
            public static encode(message: troupe.v1.IBackendRoute, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackendRoute;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISnapshot {
            version?: (number|null);
            headId?: (string|null);
            endpoints?: (troupe.v1.IEndpointSpec[]|null);
            backends?: (troupe.v1.IBackendRoute[]|null);
            publishedAtMs?: (number|null);
            httpLocation?: (string|null);
        }

        class Snapshot implements ISnapshot {
            constructor(properties?: troupe.v1.ISnapshot);
            public version: number;
            public headId: string;
            public endpoints: troupe.v1.IEndpointSpec[];
            public backends: troupe.v1.IBackendRoute[];
            public publishedAtMs: number;
            public httpLocation: string;
            public static create(properties?: troupe.v1.ISnapshot): troupe.v1.Snapshot;
            public static encode(message: troupe.v1.ISnapshot, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Snapshot;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProxyHeartbeat {
            proxyId?: (string|null);
            nodeId?: (string|null);
            httpAddress?: (string|null);
            version?: (number|null);
            draining?: (boolean|null);
        }

        class ProxyHeartbeat implements IProxyHeartbeat {
            constructor(properties?: troupe.v1.IProxyHeartbeat);
            public proxyId: string;
            public nodeId: string;
            public httpAddress: string;
            public version: number;
            public draining: boolean;
            public static create(properties?: troupe.v1.IProxyHeartbeat): troupe.v1.ProxyHeartbeat;
            public static encode(message: troupe.v1.IProxyHeartbeat, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ProxyHeartbeat;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
