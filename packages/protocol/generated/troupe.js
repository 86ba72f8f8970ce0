/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const troupe = $root.troupe = (() => {

    /**
     * Namespace troupe.
     * @exports troupe
     * @namespace
     */
    const troupe = {};

    troupe.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof troupe
         * @namespace
         */
        const v1 = {};

        v1.Empty = (function() {

            /**
             * Properties of an Empty.
             * @memberof troupe.v1
             * @interface IEmpty
             */

            /**
             * Constructs a new Empty.
             * @memberof troupe.v1
             * @classdesc Represents an Empty.
             * @implements IEmpty
             * @constructor
             * @param {troupe.v1.IEmpty=} [properties] Properties to set
             */
            function Empty(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Creates a new Empty instance using the specified properties.
             * @function create
             * @memberof troupe.v1.Empty
             * @static
             * @param {troupe.v1.IEmpty=} [properties] Properties to set
             * @returns {troupe.v1.Empty} Empty instance
             */
            Empty.create = function create(properties) {
                return new Empty(properties);
            };

            /**
             * Encodes the specified Empty message. Does not implicitly {@link troupe.v1.Empty.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.Empty
             * @static
             * @param {troupe.v1.IEmpty} message Empty message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Empty.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes an Empty message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.Empty
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.Empty} Empty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Empty.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.Empty();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Empty
             * @function getTypeUrl
             * @memberof troupe.v1.Empty
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Empty.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.Empty";
            };

            return Empty;
        })();

        v1.ErrorInfo = (function() {

            /**
             * Properties of an ErrorInfo.
             * @memberof troupe.v1
             * @interface IErrorInfo
             * @property {string|null} [code] ErrorInfo code
             * @property {string|null} [name] ErrorInfo name
             * @property {string|null} [message] ErrorInfo message
             */

            /**
             * Constructs a new ErrorInfo.
             * @memberof troupe.v1
             * @classdesc Represents an ErrorInfo.
             * @implements IErrorInfo
             * @constructor
             * @param {troupe.v1.IErrorInfo=} [properties] Properties to set
             */
            function ErrorInfo(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ErrorInfo code.
             * @member {string} code
             * @memberof troupe.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.code = "";

            /**
             * ErrorInfo name.
             * @member {string} name
             * @memberof troupe.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.name = "";

            /**
             * ErrorInfo message.
             * @member {string} message
             * @memberof troupe.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.message = "";

            /**
             * Creates a new ErrorInfo instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ErrorInfo
             * @static
             * @param {troupe.v1.IErrorInfo=} [properties] Properties to set
             * @returns {troupe.v1.ErrorInfo} ErrorInfo instance
             */
            ErrorInfo.create = function create(properties) {
                return new ErrorInfo(properties);
            };

            /**
             * Encodes the specified ErrorInfo message. Does not implicitly {@link troupe.v1.ErrorInfo.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ErrorInfo
             * @static
             * @param {troupe.v1.IErrorInfo} message ErrorInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                return writer;
            };

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ErrorInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ErrorInfo} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ErrorInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.code = reader.string();
                            break;
                        }
                    case 2: {
                            message.name = reader.string();
                            break;
                        }
                    case 3: {
                            message.message = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ErrorInfo
             * @function getTypeUrl
             * @memberof troupe.v1.ErrorInfo
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ErrorInfo.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ErrorInfo";
            };

            return ErrorInfo;
        })();

        v1.BackendConfig = (function() {

            /**
             * Properties of a BackendConfig.
             * @memberof troupe.v1
             * @interface IBackendConfig
             * @property {number|null} [numReplicas] BackendConfig numReplicas
             * @property {number|null} [maxConcurrentQueries] BackendConfig maxConcurrentQueries
             * @property {number|null} [maxBatchSize] BackendConfig maxBatchSize
             * @property {number|null} [batchWaitTimeout] BackendConfig batchWaitTimeout
             * @property {string|null} [userConfigJson] BackendConfig userConfigJson
             * @property {number|null} [maxConcurrentBatches] BackendConfig maxConcurrentBatches
             * @property {number|null} [maxQueuedRequests] BackendConfig maxQueuedRequests
             */

            /**
             * Constructs a new BackendConfig.
             * @memberof troupe.v1
             * @classdesc Represents a BackendConfig.
             * @implements IBackendConfig
             * @constructor
             * @param {troupe.v1.IBackendConfig=} [properties] Properties to set
             */
            function BackendConfig(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackendConfig numReplicas.
             * @member {number|null|undefined} numReplicas
             * @memberof troupe.v1.BackendConfig
             * @instance
             */
            BackendConfig.prototype.numReplicas = null;

            /**
             * BackendConfig maxConcurrentQueries.
             * @member {number|null|undefined} maxConcurrentQueries
             * @memberof troupe.v1.BackendConfig
             * @instance
             */
            BackendConfig.prototype.maxConcurrentQueries = null;

            /**
             * BackendConfig maxBatchSize.
             * @member {number|null|undefined} maxBatchSize
             * @memberof troupe.v1.BackendConfig
             * @instance
             */
            BackendConfig.prototype.maxBatchSize = null;

            /**
             * BackendConfig batchWaitTimeout.
             * @member {number|null|undefined} batchWaitTimeout
             * @memberof troupe.v1.BackendConfig
             * @instance
             */
            BackendConfig.prototype.batchWaitTimeout = null;

            /**
             * BackendConfig userConfigJson.
             * @member {string|null|undefined} userConfigJson
             * @memberof troupe.v1.BackendConfig
             * @instance
             */
            BackendConfig.prototype.userConfigJson = null;

            /**
             * BackendConfig maxConcurrentBatches.
             * @member {number|null|undefined} maxConcurrentBatches
             * @memberof troupe.v1.BackendConfig
             * @instance
             */
            BackendConfig.prototype.maxConcurrentBatches = null;

            /**
             * BackendConfig maxQueuedRequests.
             * @member {number|null|undefined} maxQueuedRequests
             * @memberof troupe.v1.BackendConfig
             * @instance
             */
            BackendConfig.prototype.maxQueuedRequests = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendConfig.prototype, "_numReplicas", {
                get: $util.oneOfGetter($oneOfFields = ["numReplicas"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendConfig.prototype, "_maxConcurrentQueries", {
                get: $util.oneOfGetter($oneOfFields = ["maxConcurrentQueries"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendConfig.prototype, "_maxBatchSize", {
                get: $util.oneOfGetter($oneOfFields = ["maxBatchSize"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendConfig.prototype, "_batchWaitTimeout", {
                get: $util.oneOfGetter($oneOfFields = ["batchWaitTimeout"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendConfig.prototype, "_userConfigJson", {
                get: $util.oneOfGetter($oneOfFields = ["userConfigJson"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendConfig.prototype, "_maxConcurrentBatches", {
                get: $util.oneOfGetter($oneOfFields = ["maxConcurrentBatches"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendConfig.prototype, "_maxQueuedRequests", {
                get: $util.oneOfGetter($oneOfFields = ["maxQueuedRequests"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new BackendConfig instance using the specified properties.
             * @function create
             * @memberof troupe.v1.BackendConfig
             * @static
             * @param {troupe.v1.IBackendConfig=} [properties] Properties to set
             * @returns {troupe.v1.BackendConfig} BackendConfig instance
             */
            BackendConfig.create = function create(properties) {
                return new BackendConfig(properties);
            };

            /**
             * Encodes the specified BackendConfig message. Does not implicitly {@link troupe.v1.BackendConfig.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.BackendConfig
             * @static
             * @param {troupe.v1.IBackendConfig} message BackendConfig message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendConfig.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.numReplicas != null && Object.hasOwnProperty.call(message, "numReplicas"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.numReplicas);
                if (message.maxConcurrentQueries != null && Object.hasOwnProperty.call(message, "maxConcurrentQueries"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.maxConcurrentQueries);
                if (message.maxBatchSize != null && Object.hasOwnProperty.call(message, "maxBatchSize"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.maxBatchSize);
                if (message.batchWaitTimeout != null && Object.hasOwnProperty.call(message, "batchWaitTimeout"))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.batchWaitTimeout);
                if (message.userConfigJson != null && Object.hasOwnProperty.call(message, "userConfigJson"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.userConfigJson);
                if (message.maxConcurrentBatches != null && Object.hasOwnProperty.call(message, "maxConcurrentBatches"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.maxConcurrentBatches);
                if (message.maxQueuedRequests != null && Object.hasOwnProperty.call(message, "maxQueuedRequests"))
                    writer.uint32(/* id 7, wireType 0 =*/56).int32(message.maxQueuedRequests);
                return writer;
            };

            /**
             * Decodes a BackendConfig message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.BackendConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.BackendConfig} BackendConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendConfig.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.BackendConfig();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.numReplicas = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.maxConcurrentQueries = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.maxBatchSize = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.batchWaitTimeout = reader.double();
                            break;
                        }
                    case 5: {
                            message.userConfigJson = reader.string();
                            break;
                        }
                    case 6: {
                            message.maxConcurrentBatches = reader.uint32();
                            break;
                        }
                    case 7: {
                            message.maxQueuedRequests = reader.int32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BackendConfig
             * @function getTypeUrl
             * @memberof troupe.v1.BackendConfig
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendConfig.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.BackendConfig";
            };

            return BackendConfig;
        })();

        v1.BackendSpec = (function() {

            /**
             * Properties of a BackendSpec.
             * @memberof troupe.v1
             * @interface IBackendSpec
             * @property {string|null} [tag] BackendSpec tag
             * @property {string|null} [importPath] BackendSpec importPath
             * @property {string|null} [initArgsJson] BackendSpec initArgsJson
             * @property {troupe.v1.IBackendConfig|null} [config] BackendSpec config
             * @property {Array.<string>|null} [exposedMethods] BackendSpec exposedMethods
             */

            /**
             * Constructs a new BackendSpec.
             * @memberof troupe.v1
             * @classdesc Represents a BackendSpec.
             * @implements IBackendSpec
             * @constructor
             * @param {troupe.v1.IBackendSpec=} [properties] Properties to set
             */
            function BackendSpec(properties) {
                this.exposedMethods = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackendSpec tag.
             * @member {string} tag
             * @memberof troupe.v1.BackendSpec
             * @instance
             */
            BackendSpec.prototype.tag = "";

            /**
             * BackendSpec importPath.
             * @member {string} importPath
             * @memberof troupe.v1.BackendSpec
             * @instance
             */
            BackendSpec.prototype.importPath = "";

            /**
             * BackendSpec initArgsJson.
             * @member {string} initArgsJson
             * @memberof troupe.v1.BackendSpec
             * @instance
             */
            BackendSpec.prototype.initArgsJson = "";

            /**
             * BackendSpec config.
             * @member {troupe.v1.IBackendConfig|null|undefined} config
             * @memberof troupe.v1.BackendSpec
             * @instance
             */
            BackendSpec.prototype.config = null;

            /**
             * BackendSpec exposedMethods.
             * @member {Array.<string>} exposedMethods
             * @memberof troupe.v1.BackendSpec
             * @instance
             */
            BackendSpec.prototype.exposedMethods = $util.emptyArray;

            /**
             * Creates a new BackendSpec instance using the specified properties.
             * @function create
             * @memberof troupe.v1.BackendSpec
             * @static
             * @param {troupe.v1.IBackendSpec=} [properties] Properties to set
             * @returns {troupe.v1.BackendSpec} BackendSpec instance
             */
            BackendSpec.create = function create(properties) {
                return new BackendSpec(properties);
            };

            /**
             * Encodes the specified BackendSpec message. Does not implicitly {@link troupe.v1.BackendSpec.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.BackendSpec
             * @static
             * @param {troupe.v1.IBackendSpec} message BackendSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.tag != null && Object.hasOwnProperty.call(message, "tag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tag);
                if (message.importPath != null && Object.hasOwnProperty.call(message, "importPath"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.importPath);
                if (message.initArgsJson != null && Object.hasOwnProperty.call(message, "initArgsJson"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.initArgsJson);
                if (message.config != null && Object.hasOwnProperty.call(message, "config"))
                    $root.troupe.v1.BackendConfig.encode(message.config, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.exposedMethods != null && message.exposedMethods.length)
                    for (let i = 0; i < message.exposedMethods.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.exposedMethods[i]);
                return writer;
            };

            /**
             * Decodes a BackendSpec message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.BackendSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.BackendSpec} BackendSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.BackendSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.tag = reader.string();
                            break;
                        }
                    case 2: {
                            message.importPath = reader.string();
                            break;
                        }
                    case 3: {
                            message.initArgsJson = reader.string();
                            break;
                        }
                    case 4: {
                            message.config = $root.troupe.v1.BackendConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 5: {
                            if (!(message.exposedMethods && message.exposedMethods.length))
                                message.exposedMethods = [];
                            message.exposedMethods.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BackendSpec
             * @function getTypeUrl
             * @memberof troupe.v1.BackendSpec
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendSpec.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.BackendSpec";
            };

            return BackendSpec;
        })();

        v1.EndpointSpec = (function() {

            /**
             * Properties of an EndpointSpec.
             * @memberof troupe.v1
             * @interface IEndpointSpec
             * @property {string|null} [name] EndpointSpec name
             * @property {string|null} [route] EndpointSpec route
             * @property {Array.<string>|null} [methods] EndpointSpec methods
             * @property {Object.<string,number>|null} [traffic] EndpointSpec traffic
             * @property {Object.<string,number>|null} [shadows] EndpointSpec shadows
             */

            /**
             * Constructs a new EndpointSpec.
             * @memberof troupe.v1
             * @classdesc Represents an EndpointSpec.
             * @implements IEndpointSpec
             * @constructor
             * @param {troupe.v1.IEndpointSpec=} [properties] Properties to set
             */
            function EndpointSpec(properties) {
                this.methods = [];
                this.traffic = {};
                this.shadows = {};
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * EndpointSpec name.
             * @member {string} name
             * @memberof troupe.v1.EndpointSpec
             * @instance
             */
            EndpointSpec.prototype.name = "";

            /**
             * EndpointSpec route.
             * @member {string} route
             * @memberof troupe.v1.EndpointSpec
             * @instance
             */
            EndpointSpec.prototype.route = "";

            /**
             * EndpointSpec methods.
             * @member {Array.<string>} methods
             * @memberof troupe.v1.EndpointSpec
             * @instance
             */
            EndpointSpec.prototype.methods = $util.emptyArray;

            /**
             * EndpointSpec traffic.
             * @member {Object.<string,number>} traffic
             * @memberof troupe.v1.EndpointSpec
             * @instance
             */
            EndpointSpec.prototype.traffic = $util.emptyObject;

            /**
             * EndpointSpec shadows.
             * @member {Object.<string,number>} shadows
             * @memberof troupe.v1.EndpointSpec
             * @instance
             */
            EndpointSpec.prototype.shadows = $util.emptyObject;

            /**
             * Creates a new EndpointSpec instance using the specified properties.
             * @function create
             * @memberof troupe.v1.EndpointSpec
             * @static
             * @param {troupe.v1.IEndpointSpec=} [properties] Properties to set
             * @returns {troupe.v1.EndpointSpec} EndpointSpec instance
             */
            EndpointSpec.create = function create(properties) {
                return new EndpointSpec(properties);
            };

            /**
             * Encodes the specified EndpointSpec message. Does not implicitly {@link troupe.v1.EndpointSpec.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.EndpointSpec
             * @static
             * @param {troupe.v1.IEndpointSpec} message EndpointSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EndpointSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.route != null && Object.hasOwnProperty.call(message, "route"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.route);
                if (message.methods != null && message.methods.length)
                    for (let i = 0; i < message.methods.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.methods[i]);
                if (message.traffic != null && Object.hasOwnProperty.call(message, "traffic"))
                    for (let keys = Object.keys(message.traffic), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 1 =*/17).double(message.traffic[keys[i]]).ldelim();
                if (message.shadows != null && Object.hasOwnProperty.call(message, "shadows"))
                    for (let keys = Object.keys(message.shadows), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 1 =*/17).double(message.shadows[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes an EndpointSpec message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.EndpointSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.EndpointSpec} EndpointSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EndpointSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.EndpointSpec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.route = reader.string();
                            break;
                        }
                    case 3: {
                            if (!(message.methods && message.methods.length))
                                message.methods = [];
                            message.methods.push(reader.string());
                            break;
                        }
                    case 4: {
                            if (message.traffic === $util.emptyObject)
                                message.traffic = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.double();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.traffic, key);
                            message.traffic[key] = value;
                            break;
                        }
                    case 5: {
                            if (message.shadows === $util.emptyObject)
                                message.shadows = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.double();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.shadows, key);
                            message.shadows[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for EndpointSpec
             * @function getTypeUrl
             * @memberof troupe.v1.EndpointSpec
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            EndpointSpec.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.EndpointSpec";
            };

            return EndpointSpec;
        })();

        v1.DesiredState = (function() {

            /**
             * Properties of a DesiredState.
             * @memberof troupe.v1
             * @interface IDesiredState
             * @property {number|null} [version] DesiredState version
             * @property {Array.<troupe.v1.IBackendSpec>|null} [backends] DesiredState backends
             * @property {Array.<troupe.v1.IEndpointSpec>|null} [endpoints] DesiredState endpoints
             * @property {number|null} [configEpoch] DesiredState configEpoch
             */

            /**
             * Constructs a new DesiredState.
             * @memberof troupe.v1
             * @classdesc Represents a DesiredState.
             * @implements IDesiredState
             * @constructor
             * @param {troupe.v1.IDesiredState=} [properties] Properties to set
             */
            function DesiredState(properties) {
                this.backends = [];
                this.endpoints = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * DesiredState version.
             * @member {number} version
             * @memberof troupe.v1.DesiredState
             * @instance
             */
            DesiredState.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DesiredState backends.
             * @member {Array.<troupe.v1.IBackendSpec>} backends
             * @memberof troupe.v1.DesiredState
             * @instance
             */
            DesiredState.prototype.backends = $util.emptyArray;

            /**
             * DesiredState endpoints.
             * @member {Array.<troupe.v1.IEndpointSpec>} endpoints
             * @memberof troupe.v1.DesiredState
             * @instance
             */
            DesiredState.prototype.endpoints = $util.emptyArray;

            /**
             * DesiredState configEpoch.
             * @member {number} configEpoch
             * @memberof troupe.v1.DesiredState
             * @instance
             */
            DesiredState.prototype.configEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new DesiredState instance using the specified properties.
             * @function create
             * @memberof troupe.v1.DesiredState
             * @static
             * @param {troupe.v1.IDesiredState=} [properties] Properties to set
             * @returns {troupe.v1.DesiredState} DesiredState instance
             */
            DesiredState.create = function create(properties) {
                return new DesiredState(properties);
            };

            /**
             * Encodes the specified DesiredState message. Does not implicitly {@link troupe.v1.DesiredState.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.DesiredState
             * @static
             * @param {troupe.v1.IDesiredState} message DesiredState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DesiredState.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                if (message.backends != null && message.backends.length)
                    for (let i = 0; i < message.backends.length; ++i)
                        $root.troupe.v1.BackendSpec.encode(message.backends[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.endpoints != null && message.endpoints.length)
                    for (let i = 0; i < message.endpoints.length; ++i)
                        $root.troupe.v1.EndpointSpec.encode(message.endpoints[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.configEpoch != null && Object.hasOwnProperty.call(message, "configEpoch"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.configEpoch);
                return writer;
            };

            /**
             * Decodes a DesiredState message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.DesiredState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.DesiredState} DesiredState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DesiredState.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.DesiredState();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 2: {
                            if (!(message.backends && message.backends.length))
                                message.backends = [];
                            message.backends.push($root.troupe.v1.BackendSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 3: {
                            if (!(message.endpoints && message.endpoints.length))
                                message.endpoints = [];
                            message.endpoints.push($root.troupe.v1.EndpointSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 4: {
                            message.configEpoch = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for DesiredState
             * @function getTypeUrl
             * @memberof troupe.v1.DesiredState
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DesiredState.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.DesiredState";
            };

            return DesiredState;
        })();

        v1.CreateBackendRequest = (function() {

            /**
             * Properties of a CreateBackendRequest.
             * @memberof troupe.v1
             * @interface ICreateBackendRequest
             * @property {troupe.v1.IBackendSpec|null} [spec] CreateBackendRequest spec
             */

            /**
             * Constructs a new CreateBackendRequest.
             * @memberof troupe.v1
             * @classdesc Represents a CreateBackendRequest.
             * @implements ICreateBackendRequest
             * @constructor
             * @param {troupe.v1.ICreateBackendRequest=} [properties] Properties to set
             */
            function CreateBackendRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CreateBackendRequest spec.
             * @member {troupe.v1.IBackendSpec|null|undefined} spec
             * @memberof troupe.v1.CreateBackendRequest
             * @instance
             */
            CreateBackendRequest.prototype.spec = null;

            /**
             * Creates a new CreateBackendRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.CreateBackendRequest
             * @static
             * @param {troupe.v1.ICreateBackendRequest=} [properties] Properties to set
             * @returns {troupe.v1.CreateBackendRequest} CreateBackendRequest instance
             */
            CreateBackendRequest.create = function create(properties) {
                return new CreateBackendRequest(properties);
            };

            /**
             * Encodes the specified CreateBackendRequest message. Does not implicitly {@link troupe.v1.CreateBackendRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.CreateBackendRequest
             * @static
             * @param {troupe.v1.ICreateBackendRequest} message CreateBackendRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateBackendRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.troupe.v1.BackendSpec.encode(message.spec, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a CreateBackendRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.CreateBackendRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.CreateBackendRequest} CreateBackendRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateBackendRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.CreateBackendRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.spec = $root.troupe.v1.BackendSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for CreateBackendRequest
             * @function getTypeUrl
             * @memberof troupe.v1.CreateBackendRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CreateBackendRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.CreateBackendRequest";
            };

            return CreateBackendRequest;
        })();

        v1.UpdateBackendConfigRequest = (function() {

            /**
             * Properties of an UpdateBackendConfigRequest.
             * @memberof troupe.v1
             * @interface IUpdateBackendConfigRequest
             * @property {string|null} [tag] UpdateBackendConfigRequest tag
             * @property {troupe.v1.IBackendConfig|null} [config] UpdateBackendConfigRequest config
             */

            /**
             * Constructs a new UpdateBackendConfigRequest.
             * @memberof troupe.v1
             * @classdesc Represents an UpdateBackendConfigRequest.
             * @implements IUpdateBackendConfigRequest
             * @constructor
             * @param {troupe.v1.IUpdateBackendConfigRequest=} [properties] Properties to set
             */
            function UpdateBackendConfigRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateBackendConfigRequest tag.
             * @member {string} tag
             * @memberof troupe.v1.UpdateBackendConfigRequest
             * @instance
             */
            UpdateBackendConfigRequest.prototype.tag = "";

            /**
             * UpdateBackendConfigRequest config.
             * @member {troupe.v1.IBackendConfig|null|undefined} config
             * @memberof troupe.v1.UpdateBackendConfigRequest
             * @instance
             */
            UpdateBackendConfigRequest.prototype.config = null;

            /**
             * Creates a new UpdateBackendConfigRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.UpdateBackendConfigRequest
             * @static
             * @param {troupe.v1.IUpdateBackendConfigRequest=} [properties] Properties to set
             * @returns {troupe.v1.UpdateBackendConfigRequest} UpdateBackendConfigRequest instance
             */
            UpdateBackendConfigRequest.create = function create(properties) {
                return new UpdateBackendConfigRequest(properties);
            };

            /**
             * Encodes the specified UpdateBackendConfigRequest message. Does not implicitly {@link troupe.v1.UpdateBackendConfigRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.UpdateBackendConfigRequest
             * @static
             * @param {troupe.v1.IUpdateBackendConfigRequest} message UpdateBackendConfigRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateBackendConfigRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.tag != null && Object.hasOwnProperty.call(message, "tag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tag);
                if (message.config != null && Object.hasOwnProperty.call(message, "config"))
                    $root.troupe.v1.BackendConfig.encode(message.config, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an UpdateBackendConfigRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.UpdateBackendConfigRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.UpdateBackendConfigRequest} UpdateBackendConfigRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateBackendConfigRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.UpdateBackendConfigRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.tag = reader.string();
                            break;
                        }
                    case 2: {
                            message.config = $root.troupe.v1.BackendConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for UpdateBackendConfigRequest
             * @function getTypeUrl
             * @memberof troupe.v1.UpdateBackendConfigRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UpdateBackendConfigRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.UpdateBackendConfigRequest";
            };

            return UpdateBackendConfigRequest;
        })();

        v1.BackendRef = (function() {

            /**
             * Properties of a BackendRef.
             * @memberof troupe.v1
             * @interface IBackendRef
             * @property {string|null} [tag] BackendRef tag
             */

            /**
             * Constructs a new BackendRef.
             * @memberof troupe.v1
             * @classdesc Represents a BackendRef.
             * @implements IBackendRef
             * @constructor
             * @param {troupe.v1.IBackendRef=} [properties] Properties to set
             */
            function BackendRef(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackendRef tag.
             * @member {string} tag
             * @memberof troupe.v1.BackendRef
             * @instance
             */
            BackendRef.prototype.tag = "";

            /**
             * Creates a new BackendRef instance using the specified properties.
             * @function create
             * @memberof troupe.v1.BackendRef
             * @static
             * @param {troupe.v1.IBackendRef=} [properties] Properties to set
             * @returns {troupe.v1.BackendRef} BackendRef instance
             */
            BackendRef.create = function create(properties) {
                return new BackendRef(properties);
            };

            /**
             * Encodes the specified BackendRef message. Does not implicitly {@link troupe.v1.BackendRef.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.BackendRef
             * @static
             * @param {troupe.v1.IBackendRef} message BackendRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendRef.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.tag != null && Object.hasOwnProperty.call(message, "tag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tag);
                return writer;
            };

            /**
             * Decodes a BackendRef message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.BackendRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.BackendRef} BackendRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendRef.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.BackendRef();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.tag = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BackendRef
             * @function getTypeUrl
             * @memberof troupe.v1.BackendRef
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendRef.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.BackendRef";
            };

            return BackendRef;
        })();

        v1.EndpointRef = (function() {

            /**
             * Properties of an EndpointRef.
             * @memberof troupe.v1
             * @interface IEndpointRef
             * @property {string|null} [name] EndpointRef name
             */

            /**
             * Constructs a new EndpointRef.
             * @memberof troupe.v1
             * @classdesc Represents an EndpointRef.
             * @implements IEndpointRef
             * @constructor
             * @param {troupe.v1.IEndpointRef=} [properties] Properties to set
             */
            function EndpointRef(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * EndpointRef name.
             * @member {string} name
             * @memberof troupe.v1.EndpointRef
             * @instance
             */
            EndpointRef.prototype.name = "";

            /**
             * Creates a new EndpointRef instance using the specified properties.
             * @function create
             * @memberof troupe.v1.EndpointRef
             * @static
             * @param {troupe.v1.IEndpointRef=} [properties] Properties to set
             * @returns {troupe.v1.EndpointRef} EndpointRef instance
             */
            EndpointRef.create = function create(properties) {
                return new EndpointRef(properties);
            };

            /**
             * Encodes the specified EndpointRef message. Does not implicitly {@link troupe.v1.EndpointRef.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.EndpointRef
             * @static
             * @param {troupe.v1.IEndpointRef} message EndpointRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EndpointRef.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                return writer;
            };

            /**
             * Decodes an EndpointRef message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.EndpointRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.EndpointRef} EndpointRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EndpointRef.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.EndpointRef();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for EndpointRef
             * @function getTypeUrl
             * @memberof troupe.v1.EndpointRef
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            EndpointRef.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.EndpointRef";
            };

            return EndpointRef;
        })();

        v1.CreateEndpointRequest = (function() {

            /**
             * Properties of a CreateEndpointRequest.
             * @memberof troupe.v1
             * @interface ICreateEndpointRequest
             * @property {troupe.v1.IEndpointSpec|null} [spec] CreateEndpointRequest spec
             */

            /**
             * Constructs a new CreateEndpointRequest.
             * @memberof troupe.v1
             * @classdesc Represents a CreateEndpointRequest.
             * @implements ICreateEndpointRequest
             * @constructor
             * @param {troupe.v1.ICreateEndpointRequest=} [properties] Properties to set
             */
            function CreateEndpointRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CreateEndpointRequest spec.
             * @member {troupe.v1.IEndpointSpec|null|undefined} spec
             * @memberof troupe.v1.CreateEndpointRequest
             * @instance
             */
            CreateEndpointRequest.prototype.spec = null;

            /**
             * Creates a new CreateEndpointRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.CreateEndpointRequest
             * @static
             * @param {troupe.v1.ICreateEndpointRequest=} [properties] Properties to set
             * @returns {troupe.v1.CreateEndpointRequest} CreateEndpointRequest instance
             */
            CreateEndpointRequest.create = function create(properties) {
                return new CreateEndpointRequest(properties);
            };

            /**
             * Encodes the specified CreateEndpointRequest message. Does not implicitly {@link troupe.v1.CreateEndpointRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.CreateEndpointRequest
             * @static
             * @param {troupe.v1.ICreateEndpointRequest} message CreateEndpointRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateEndpointRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.troupe.v1.EndpointSpec.encode(message.spec, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a CreateEndpointRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.CreateEndpointRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.CreateEndpointRequest} CreateEndpointRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateEndpointRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.CreateEndpointRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.spec = $root.troupe.v1.EndpointSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for CreateEndpointRequest
             * @function getTypeUrl
             * @memberof troupe.v1.CreateEndpointRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CreateEndpointRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.CreateEndpointRequest";
            };

            return CreateEndpointRequest;
        })();

        v1.SetTrafficRequest = (function() {

            /**
             * Properties of a SetTrafficRequest.
             * @memberof troupe.v1
             * @interface ISetTrafficRequest
             * @property {string|null} [endpoint] SetTrafficRequest endpoint
             * @property {Object.<string,number>|null} [traffic] SetTrafficRequest traffic
             */

            /**
             * Constructs a new SetTrafficRequest.
             * @memberof troupe.v1
             * @classdesc Represents a SetTrafficRequest.
             * @implements ISetTrafficRequest
             * @constructor
             * @param {troupe.v1.ISetTrafficRequest=} [properties] Properties to set
             */
            function SetTrafficRequest(properties) {
                this.traffic = {};
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SetTrafficRequest endpoint.
             * @member {string} endpoint
             * @memberof troupe.v1.SetTrafficRequest
             * @instance
             */
            SetTrafficRequest.prototype.endpoint = "";

            /**
             * SetTrafficRequest traffic.
             * @member {Object.<string,number>} traffic
             * @memberof troupe.v1.SetTrafficRequest
             * @instance
             */
            SetTrafficRequest.prototype.traffic = $util.emptyObject;

            /**
             * Creates a new SetTrafficRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.SetTrafficRequest
             * @static
             * @param {troupe.v1.ISetTrafficRequest=} [properties] Properties to set
             * @returns {troupe.v1.SetTrafficRequest} SetTrafficRequest instance
             */
            SetTrafficRequest.create = function create(properties) {
                return new SetTrafficRequest(properties);
            };

            /**
             * Encodes the specified SetTrafficRequest message. Does not implicitly {@link troupe.v1.SetTrafficRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.SetTrafficRequest
             * @static
             * @param {troupe.v1.ISetTrafficRequest} message SetTrafficRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetTrafficRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.endpoint != null && Object.hasOwnProperty.call(message, "endpoint"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.endpoint);
                if (message.traffic != null && Object.hasOwnProperty.call(message, "traffic"))
                    for (let keys = Object.keys(message.traffic), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 1 =*/17).double(message.traffic[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a SetTrafficRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.SetTrafficRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.SetTrafficRequest} SetTrafficRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetTrafficRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.SetTrafficRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.endpoint = reader.string();
                            break;
                        }
                    case 2: {
                            if (message.traffic === $util.emptyObject)
                                message.traffic = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.double();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.traffic, key);
                            message.traffic[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for SetTrafficRequest
             * @function getTypeUrl
             * @memberof troupe.v1.SetTrafficRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SetTrafficRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.SetTrafficRequest";
            };

            return SetTrafficRequest;
        })();

        v1.ShadowTrafficRequest = (function() {

            /**
             * Properties of a ShadowTrafficRequest.
             * @memberof troupe.v1
             * @interface IShadowTrafficRequest
             * @property {string|null} [endpoint] ShadowTrafficRequest endpoint
             * @property {string|null} [backend] ShadowTrafficRequest backend
             * @property {number|null} [proportion] ShadowTrafficRequest proportion
             */

            /**
             * Constructs a new ShadowTrafficRequest.
             * @memberof troupe.v1
             * @classdesc Represents a ShadowTrafficRequest.
             * @implements IShadowTrafficRequest
             * @constructor
             * @param {troupe.v1.IShadowTrafficRequest=} [properties] Properties to set
             */
            function ShadowTrafficRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ShadowTrafficRequest endpoint.
             * @member {string} endpoint
             * @memberof troupe.v1.ShadowTrafficRequest
             * @instance
             */
            ShadowTrafficRequest.prototype.endpoint = "";

            /**
             * ShadowTrafficRequest backend.
             * @member {string} backend
             * @memberof troupe.v1.ShadowTrafficRequest
             * @instance
             */
            ShadowTrafficRequest.prototype.backend = "";

            /**
             * ShadowTrafficRequest proportion.
             * @member {number} proportion
             * @memberof troupe.v1.ShadowTrafficRequest
             * @instance
             */
            ShadowTrafficRequest.prototype.proportion = 0;

            /**
             * Creates a new ShadowTrafficRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ShadowTrafficRequest
             * @static
             * @param {troupe.v1.IShadowTrafficRequest=} [properties] Properties to set
             * @returns {troupe.v1.ShadowTrafficRequest} ShadowTrafficRequest instance
             */
            ShadowTrafficRequest.create = function create(properties) {
                return new ShadowTrafficRequest(properties);
            };

            /**
             * Encodes the specified ShadowTrafficRequest message. Does not implicitly {@link troupe.v1.ShadowTrafficRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ShadowTrafficRequest
             * @static
             * @param {troupe.v1.IShadowTrafficRequest} message ShadowTrafficRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShadowTrafficRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.endpoint != null && Object.hasOwnProperty.call(message, "endpoint"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.endpoint);
                if (message.backend != null && Object.hasOwnProperty.call(message, "backend"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.backend);
                if (message.proportion != null && Object.hasOwnProperty.call(message, "proportion"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.proportion);
                return writer;
            };

            /**
             * Decodes a ShadowTrafficRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ShadowTrafficRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ShadowTrafficRequest} ShadowTrafficRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShadowTrafficRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ShadowTrafficRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.endpoint = reader.string();
                            break;
                        }
                    case 2: {
                            message.backend = reader.string();
                            break;
                        }
                    case 3: {
                            message.proportion = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ShadowTrafficRequest
             * @function getTypeUrl
             * @memberof troupe.v1.ShadowTrafficRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ShadowTrafficRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ShadowTrafficRequest";
            };

            return ShadowTrafficRequest;
        })();

        v1.ChangeReply = (function() {

            /**
             * Properties of a ChangeReply.
             * @memberof troupe.v1
             * @interface IChangeReply
             * @property {number|null} [version] ChangeReply version
             */

            /**
             * Constructs a new ChangeReply.
             * @memberof troupe.v1
             * @classdesc Represents a ChangeReply.
             * @implements IChangeReply
             * @constructor
             * @param {troupe.v1.IChangeReply=} [properties] Properties to set
             */
            function ChangeReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ChangeReply version.
             * @member {number} version
             * @memberof troupe.v1.ChangeReply
             * @instance
             */
            ChangeReply.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new ChangeReply instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ChangeReply
             * @static
             * @param {troupe.v1.IChangeReply=} [properties] Properties to set
             * @returns {troupe.v1.ChangeReply} ChangeReply instance
             */
            ChangeReply.create = function create(properties) {
                return new ChangeReply(properties);
            };

            /**
             * Encodes the specified ChangeReply message. Does not implicitly {@link troupe.v1.ChangeReply.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ChangeReply
             * @static
             * @param {troupe.v1.IChangeReply} message ChangeReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChangeReply.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                return writer;
            };

            /**
             * Decodes a ChangeReply message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ChangeReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ChangeReply} ChangeReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChangeReply.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ChangeReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ChangeReply
             * @function getTypeUrl
             * @memberof troupe.v1.ChangeReply
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ChangeReply.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ChangeReply";
            };

            return ChangeReply;
        })();

        v1.BackendInfo = (function() {

            /**
             * Properties of a BackendInfo.
             * @memberof troupe.v1
             * @interface IBackendInfo
             * @property {troupe.v1.IBackendSpec|null} [spec] BackendInfo spec
             * @property {Array.<string>|null} [replicaTags] BackendInfo replicaTags
             */

            /**
             * Constructs a new BackendInfo.
             * @memberof troupe.v1
             * @classdesc Represents a BackendInfo.
             * @implements IBackendInfo
             * @constructor
             * @param {troupe.v1.IBackendInfo=} [properties] Properties to set
             */
            function BackendInfo(properties) {
                this.replicaTags = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackendInfo spec.
             * @member {troupe.v1.IBackendSpec|null|undefined} spec
             * @memberof troupe.v1.BackendInfo
             * @instance
             */
            BackendInfo.prototype.spec = null;

            /**
             * BackendInfo replicaTags.
             * @member {Array.<string>} replicaTags
             * @memberof troupe.v1.BackendInfo
             * @instance
             */
            BackendInfo.prototype.replicaTags = $util.emptyArray;

            /**
             * Creates a new BackendInfo instance using the specified properties.
             * @function create
             * @memberof troupe.v1.BackendInfo
             * @static
             * @param {troupe.v1.IBackendInfo=} [properties] Properties to set
             * @returns {troupe.v1.BackendInfo} BackendInfo instance
             */
            BackendInfo.create = function create(properties) {
                return new BackendInfo(properties);
            };

            /**
             * Encodes the specified BackendInfo message. Does not implicitly {@link troupe.v1.BackendInfo.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.BackendInfo
             * @static
             * @param {troupe.v1.IBackendInfo} message BackendInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.troupe.v1.BackendSpec.encode(message.spec, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.replicaTags != null && message.replicaTags.length)
                    for (let i = 0; i < message.replicaTags.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.replicaTags[i]);
                return writer;
            };

            /**
             * Decodes a BackendInfo message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.BackendInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.BackendInfo} BackendInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.BackendInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.spec = $root.troupe.v1.BackendSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            if (!(message.replicaTags && message.replicaTags.length))
                                message.replicaTags = [];
                            message.replicaTags.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BackendInfo
             * @function getTypeUrl
             * @memberof troupe.v1.BackendInfo
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendInfo.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.BackendInfo";
            };

            return BackendInfo;
        })();

        v1.BackendList = (function() {

            /**
             * Properties of a BackendList.
             * @memberof troupe.v1
             * @interface IBackendList
             * @property {Array.<troupe.v1.IBackendInfo>|null} [backends] BackendList backends
             */

            /**
             * Constructs a new BackendList.
             * @memberof troupe.v1
             * @classdesc Represents a BackendList.
             * @implements IBackendList
             * @constructor
             * @param {troupe.v1.IBackendList=} [properties] Properties to set
             */
            function BackendList(properties) {
                this.backends = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackendList backends.
             * @member {Array.<troupe.v1.IBackendInfo>} backends
             * @memberof troupe.v1.BackendList
             * @instance
             */
            BackendList.prototype.backends = $util.emptyArray;

            /**
             * Creates a new BackendList instance using the specified properties.
             * @function create
             * @memberof troupe.v1.BackendList
             * @static
             * @param {troupe.v1.IBackendList=} [properties] Properties to set
             * @returns {troupe.v1.BackendList} BackendList instance
             */
            BackendList.create = function create(properties) {
                return new BackendList(properties);
            };

            /**
             * Encodes the specified BackendList message. Does not implicitly {@link troupe.v1.BackendList.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.BackendList
             * @static
             * @param {troupe.v1.IBackendList} message BackendList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendList.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.backends != null && message.backends.length)
                    for (let i = 0; i < message.backends.length; ++i)
                        $root.troupe.v1.BackendInfo.encode(message.backends[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a BackendList message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.BackendList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.BackendList} BackendList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendList.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.BackendList();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.backends && message.backends.length))
                                message.backends = [];
                            message.backends.push($root.troupe.v1.BackendInfo.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BackendList
             * @function getTypeUrl
             * @memberof troupe.v1.BackendList
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendList.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.BackendList";
            };

            return BackendList;
        })();

        v1.EndpointList = (function() {

            /**
             * Properties of an EndpointList.
             * @memberof troupe.v1
             * @interface IEndpointList
             * @property {Array.<troupe.v1.IEndpointSpec>|null} [endpoints] EndpointList endpoints
             */

            /**
             * Constructs a new EndpointList.
             * @memberof troupe.v1
             * @classdesc Represents an EndpointList.
             * @implements IEndpointList
             * @constructor
             * @param {troupe.v1.IEndpointList=} [properties] Properties to set
             */
            function EndpointList(properties) {
                this.endpoints = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * EndpointList endpoints.
             * @member {Array.<troupe.v1.IEndpointSpec>} endpoints
             * @memberof troupe.v1.EndpointList
             * @instance
             */
            EndpointList.prototype.endpoints = $util.emptyArray;

            /**
             * Creates a new EndpointList instance using the specified properties.
             * @function create
             * @memberof troupe.v1.EndpointList
             * @static
             * @param {troupe.v1.IEndpointList=} [properties] Properties to set
             * @returns {troupe.v1.EndpointList} EndpointList instance
             */
            EndpointList.create = function create(properties) {
                return new EndpointList(properties);
            };

            /**
             * Encodes the specified EndpointList message. Does not implicitly {@link troupe.v1.EndpointList.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.EndpointList
             * @static
             * @param {troupe.v1.IEndpointList} message EndpointList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EndpointList.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.endpoints != null && message.endpoints.length)
                    for (let i = 0; i < message.endpoints.length; ++i)
                        $root.troupe.v1.EndpointSpec.encode(message.endpoints[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an EndpointList message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.EndpointList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.EndpointList} EndpointList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EndpointList.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.EndpointList();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.endpoints && message.endpoints.length))
                                message.endpoints = [];
                            message.endpoints.push($root.troupe.v1.EndpointSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for EndpointList
             * @function getTypeUrl
             * @memberof troupe.v1.EndpointList
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            EndpointList.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.EndpointList";
            };

            return EndpointList;
        })();

        v1.WorkerInfo = (function() {

            /**
             * Properties of a WorkerInfo.
             * @memberof troupe.v1
             * @interface IWorkerInfo
             * @property {string|null} [workerId] WorkerInfo workerId
             * @property {string|null} [nodeId] WorkerInfo nodeId
             * @property {string|null} [dataAddress] WorkerInfo dataAddress
             * @property {string|null} [controlAddress] WorkerInfo controlAddress
             * @property {Array.<troupe.v1.IReplicaStatus>|null} [replicas] WorkerInfo replicas
             * @property {boolean|null} [alive] WorkerInfo alive
             */

            /**
             * Constructs a new WorkerInfo.
             * @memberof troupe.v1
             * @classdesc Represents a WorkerInfo.
             * @implements IWorkerInfo
             * @constructor
             * @param {troupe.v1.IWorkerInfo=} [properties] Properties to set
             */
            function WorkerInfo(properties) {
                this.replicas = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WorkerInfo workerId.
             * @member {string} workerId
             * @memberof troupe.v1.WorkerInfo
             * @instance
             */
            WorkerInfo.prototype.workerId = "";

            /**
             * WorkerInfo nodeId.
             * @member {string} nodeId
             * @memberof troupe.v1.WorkerInfo
             * @instance
             */
            WorkerInfo.prototype.nodeId = "";

            /**
             * WorkerInfo dataAddress.
             * @member {string} dataAddress
             * @memberof troupe.v1.WorkerInfo
             * @instance
             */
            WorkerInfo.prototype.dataAddress = "";

            /**
             * WorkerInfo controlAddress.
             * @member {string} controlAddress
             * @memberof troupe.v1.WorkerInfo
             * @instance
             */
            WorkerInfo.prototype.controlAddress = "";

            /**
             * WorkerInfo replicas.
             * @member {Array.<troupe.v1.IReplicaStatus>} replicas
             * @memberof troupe.v1.WorkerInfo
             * @instance
             */
            WorkerInfo.prototype.replicas = $util.emptyArray;

            /**
             * WorkerInfo alive.
             * @member {boolean} alive
             * @memberof troupe.v1.WorkerInfo
             * @instance
             */
            WorkerInfo.prototype.alive = false;

            /**
             * Creates a new WorkerInfo instance using the specified properties.
             * @function create
             * @memberof troupe.v1.WorkerInfo
             * @static
             * @param {troupe.v1.IWorkerInfo=} [properties] Properties to set
             * @returns {troupe.v1.WorkerInfo} WorkerInfo instance
             */
            WorkerInfo.create = function create(properties) {
                return new WorkerInfo(properties);
            };

            /**
             * Encodes the specified WorkerInfo message. Does not implicitly {@link troupe.v1.WorkerInfo.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.WorkerInfo
             * @static
             * @param {troupe.v1.IWorkerInfo} message WorkerInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkerInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workerId != null && Object.hasOwnProperty.call(message, "workerId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workerId);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nodeId);
                if (message.dataAddress != null && Object.hasOwnProperty.call(message, "dataAddress"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.dataAddress);
                if (message.controlAddress != null && Object.hasOwnProperty.call(message, "controlAddress"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.controlAddress);
                if (message.replicas != null && message.replicas.length)
                    for (let i = 0; i < message.replicas.length; ++i)
                        $root.troupe.v1.ReplicaStatus.encode(message.replicas[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.alive != null && Object.hasOwnProperty.call(message, "alive"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.alive);
                return writer;
            };

            /**
             * Decodes a WorkerInfo message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.WorkerInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.WorkerInfo} WorkerInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkerInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.WorkerInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.workerId = reader.string();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.dataAddress = reader.string();
                            break;
                        }
                    case 4: {
                            message.controlAddress = reader.string();
                            break;
                        }
                    case 5: {
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            message.replicas.push($root.troupe.v1.ReplicaStatus.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 6: {
                            message.alive = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for WorkerInfo
             * @function getTypeUrl
             * @memberof troupe.v1.WorkerInfo
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            WorkerInfo.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.WorkerInfo";
            };

            return WorkerInfo;
        })();

        v1.ProxyInfo = (function() {

            /**
             * Properties of a ProxyInfo.
             * @memberof troupe.v1
             * @interface IProxyInfo
             * @property {string|null} [proxyId] ProxyInfo proxyId
             * @property {string|null} [nodeId] ProxyInfo nodeId
             * @property {string|null} [httpAddress] ProxyInfo httpAddress
             * @property {number|null} [version] ProxyInfo version
             * @property {boolean|null} [draining] ProxyInfo draining
             */

            /**
             * Constructs a new ProxyInfo.
             * @memberof troupe.v1
             * @classdesc Represents a ProxyInfo.
             * @implements IProxyInfo
             * @constructor
             * @param {troupe.v1.IProxyInfo=} [properties] Properties to set
             */
            function ProxyInfo(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ProxyInfo proxyId.
             * @member {string} proxyId
             * @memberof troupe.v1.ProxyInfo
             * @instance
             */
            ProxyInfo.prototype.proxyId = "";

            /**
             * ProxyInfo nodeId.
             * @member {string} nodeId
             * @memberof troupe.v1.ProxyInfo
             * @instance
             */
            ProxyInfo.prototype.nodeId = "";

            /**
             * ProxyInfo httpAddress.
             * @member {string} httpAddress
             * @memberof troupe.v1.ProxyInfo
             * @instance
             */
            ProxyInfo.prototype.httpAddress = "";

            /**
             * ProxyInfo version.
             * @member {number} version
             * @memberof troupe.v1.ProxyInfo
             * @instance
             */
            ProxyInfo.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ProxyInfo draining.
             * @member {boolean} draining
             * @memberof troupe.v1.ProxyInfo
             * @instance
             */
            ProxyInfo.prototype.draining = false;

            /**
             * Creates a new ProxyInfo instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ProxyInfo
             * @static
             * @param {troupe.v1.IProxyInfo=} [properties] Properties to set
             * @returns {troupe.v1.ProxyInfo} ProxyInfo instance
             */
            ProxyInfo.create = function create(properties) {
                return new ProxyInfo(properties);
            };

            /**
             * Encodes the specified ProxyInfo message. Does not implicitly {@link troupe.v1.ProxyInfo.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ProxyInfo
             * @static
             * @param {troupe.v1.IProxyInfo} message ProxyInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProxyInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.proxyId != null && Object.hasOwnProperty.call(message, "proxyId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.proxyId);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nodeId);
                if (message.httpAddress != null && Object.hasOwnProperty.call(message, "httpAddress"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.httpAddress);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.version);
                if (message.draining != null && Object.hasOwnProperty.call(message, "draining"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.draining);
                return writer;
            };

            /**
             * Decodes a ProxyInfo message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ProxyInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ProxyInfo} ProxyInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProxyInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ProxyInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.proxyId = reader.string();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.httpAddress = reader.string();
                            break;
                        }
                    case 4: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.draining = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ProxyInfo
             * @function getTypeUrl
             * @memberof troupe.v1.ProxyInfo
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ProxyInfo.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ProxyInfo";
            };

            return ProxyInfo;
        })();

        v1.ClusterStatus = (function() {

            /**
             * Properties of a ClusterStatus.
             * @memberof troupe.v1
             * @interface IClusterStatus
             * @property {number|null} [version] ClusterStatus version
             * @property {Array.<troupe.v1.IBackendInfo>|null} [backends] ClusterStatus backends
             * @property {Array.<troupe.v1.IEndpointSpec>|null} [endpoints] ClusterStatus endpoints
             * @property {Array.<troupe.v1.IWorkerInfo>|null} [workers] ClusterStatus workers
             * @property {Array.<troupe.v1.IProxyInfo>|null} [proxies] ClusterStatus proxies
             * @property {string|null} [headId] ClusterStatus headId
             * @property {string|null} [httpLocation] ClusterStatus httpLocation
             * @property {Array.<troupe.v1.IClusterCondition>|null} [conditions] ClusterStatus conditions
             */

            /**
             * Constructs a new ClusterStatus.
             * @memberof troupe.v1
             * @classdesc Represents a ClusterStatus.
             * @implements IClusterStatus
             * @constructor
             * @param {troupe.v1.IClusterStatus=} [properties] Properties to set
             */
            function ClusterStatus(properties) {
                this.backends = [];
                this.endpoints = [];
                this.workers = [];
                this.proxies = [];
                this.conditions = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ClusterStatus version.
             * @member {number} version
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterStatus backends.
             * @member {Array.<troupe.v1.IBackendInfo>} backends
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.backends = $util.emptyArray;

            /**
             * ClusterStatus endpoints.
             * @member {Array.<troupe.v1.IEndpointSpec>} endpoints
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.endpoints = $util.emptyArray;

            /**
             * ClusterStatus workers.
             * @member {Array.<troupe.v1.IWorkerInfo>} workers
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.workers = $util.emptyArray;

            /**
             * ClusterStatus proxies.
             * @member {Array.<troupe.v1.IProxyInfo>} proxies
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.proxies = $util.emptyArray;

            /**
             * ClusterStatus headId.
             * @member {string} headId
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.headId = "";

            /**
             * ClusterStatus httpLocation.
             * @member {string} httpLocation
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.httpLocation = "";

            /**
             * ClusterStatus conditions.
             * @member {Array.<troupe.v1.IClusterCondition>} conditions
             * @memberof troupe.v1.ClusterStatus
             * @instance
             */
            ClusterStatus.prototype.conditions = $util.emptyArray;

            /**
             * Creates a new ClusterStatus instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ClusterStatus
             * @static
             * @param {troupe.v1.IClusterStatus=} [properties] Properties to set
             * @returns {troupe.v1.ClusterStatus} ClusterStatus instance
             */
            ClusterStatus.create = function create(properties) {
                return new ClusterStatus(properties);
            };

            /**
             * Encodes the specified ClusterStatus message. Does not implicitly {@link troupe.v1.ClusterStatus.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ClusterStatus
             * @static
             * @param {troupe.v1.IClusterStatus} message ClusterStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterStatus.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                if (message.backends != null && message.backends.length)
                    for (let i = 0; i < message.backends.length; ++i)
                        $root.troupe.v1.BackendInfo.encode(message.backends[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.endpoints != null && message.endpoints.length)
                    for (let i = 0; i < message.endpoints.length; ++i)
                        $root.troupe.v1.EndpointSpec.encode(message.endpoints[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.workers != null && message.workers.length)
                    for (let i = 0; i < message.workers.length; ++i)
                        $root.troupe.v1.WorkerInfo.encode(message.workers[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.proxies != null && message.proxies.length)
                    for (let i = 0; i < message.proxies.length; ++i)
                        $root.troupe.v1.ProxyInfo.encode(message.proxies[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.headId != null && Object.hasOwnProperty.call(message, "headId"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.headId);
                if (message.httpLocation != null && Object.hasOwnProperty.call(message, "httpLocation"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.httpLocation);
                if (message.conditions != null && message.conditions.length)
                    for (let i = 0; i < message.conditions.length; ++i)
                        $root.troupe.v1.ClusterCondition.encode(message.conditions[i], writer.uint32(/* id 20, wireType 2 =*/162).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ClusterStatus message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ClusterStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ClusterStatus} ClusterStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterStatus.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ClusterStatus();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 2: {
                            if (!(message.backends && message.backends.length))
                                message.backends = [];
                            message.backends.push($root.troupe.v1.BackendInfo.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 3: {
                            if (!(message.endpoints && message.endpoints.length))
                                message.endpoints = [];
                            message.endpoints.push($root.troupe.v1.EndpointSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 4: {
                            if (!(message.workers && message.workers.length))
                                message.workers = [];
                            message.workers.push($root.troupe.v1.WorkerInfo.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            if (!(message.proxies && message.proxies.length))
                                message.proxies = [];
                            message.proxies.push($root.troupe.v1.ProxyInfo.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 6: {
                            message.headId = reader.string();
                            break;
                        }
                    case 7: {
                            message.httpLocation = reader.string();
                            break;
                        }
                    case 20: {
                            if (!(message.conditions && message.conditions.length))
                                message.conditions = [];
                            message.conditions.push($root.troupe.v1.ClusterCondition.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ClusterStatus
             * @function getTypeUrl
             * @memberof troupe.v1.ClusterStatus
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ClusterStatus.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ClusterStatus";
            };

            return ClusterStatus;
        })();

        v1.ClusterCondition = (function() {

            /**
             * Properties of a ClusterCondition.
             * @memberof troupe.v1
             * @interface IClusterCondition
             * @property {string|null} [type] ClusterCondition type
             * @property {string|null} [status] ClusterCondition status
             * @property {string|null} [reason] ClusterCondition reason
             * @property {string|null} [message] ClusterCondition message
             */

            /**
             * Constructs a new ClusterCondition.
             * @memberof troupe.v1
             * @classdesc Represents a ClusterCondition.
             * @implements IClusterCondition
             * @constructor
             * @param {troupe.v1.IClusterCondition=} [properties] Properties to set
             */
            function ClusterCondition(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ClusterCondition type.
             * @member {string} type
             * @memberof troupe.v1.ClusterCondition
             * @instance
             */
            ClusterCondition.prototype.type = "";

            /**
             * ClusterCondition status.
             * @member {string} status
             * @memberof troupe.v1.ClusterCondition
             * @instance
             */
            ClusterCondition.prototype.status = "";

            /**
             * ClusterCondition reason.
             * @member {string} reason
             * @memberof troupe.v1.ClusterCondition
             * @instance
             */
            ClusterCondition.prototype.reason = "";

            /**
             * ClusterCondition message.
             * @member {string} message
             * @memberof troupe.v1.ClusterCondition
             * @instance
             */
            ClusterCondition.prototype.message = "";

            /**
             * Creates a new ClusterCondition instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ClusterCondition
             * @static
             * @param {troupe.v1.IClusterCondition=} [properties] Properties to set
             * @returns {troupe.v1.ClusterCondition} ClusterCondition instance
             */
            ClusterCondition.create = function create(properties) {
                return new ClusterCondition(properties);
            };

            /**
             * Encodes the specified ClusterCondition message. Does not implicitly {@link troupe.v1.ClusterCondition.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ClusterCondition
             * @static
             * @param {troupe.v1.IClusterCondition} message ClusterCondition message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterCondition.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.type);
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.status);
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.message);
                return writer;
            };

            /**
             * Decodes a ClusterCondition message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ClusterCondition
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ClusterCondition} ClusterCondition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterCondition.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ClusterCondition();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.type = reader.string();
                            break;
                        }
                    case 2: {
                            message.status = reader.string();
                            break;
                        }
                    case 3: {
                            message.reason = reader.string();
                            break;
                        }
                    case 4: {
                            message.message = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ClusterCondition
             * @function getTypeUrl
             * @memberof troupe.v1.ClusterCondition
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ClusterCondition.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ClusterCondition";
            };

            return ClusterCondition;
        })();

        v1.ClusterInfo = (function() {

            /**
             * Properties of a ClusterInfo.
             * @memberof troupe.v1
             * @interface IClusterInfo
             * @property {string|null} [natsUrl] ClusterInfo natsUrl
             * @property {string|null} [headId] ClusterInfo headId
             * @property {string|null} [httpLocation] ClusterInfo httpLocation
             * @property {string|null} [natsUser] ClusterInfo natsUser
             * @property {string|null} [natsPassword] ClusterInfo natsPassword
             * @property {string|null} [dataToken] ClusterInfo dataToken
             */

            /**
             * Constructs a new ClusterInfo.
             * @memberof troupe.v1
             * @classdesc Represents a ClusterInfo.
             * @implements IClusterInfo
             * @constructor
             * @param {troupe.v1.IClusterInfo=} [properties] Properties to set
             */
            function ClusterInfo(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ClusterInfo natsUrl.
             * @member {string} natsUrl
             * @memberof troupe.v1.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.natsUrl = "";

            /**
             * ClusterInfo headId.
             * @member {string} headId
             * @memberof troupe.v1.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.headId = "";

            /**
             * ClusterInfo httpLocation.
             * @member {string} httpLocation
             * @memberof troupe.v1.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.httpLocation = "";

            /**
             * ClusterInfo natsUser.
             * @member {string} natsUser
             * @memberof troupe.v1.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.natsUser = "";

            /**
             * ClusterInfo natsPassword.
             * @member {string} natsPassword
             * @memberof troupe.v1.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.natsPassword = "";

            /**
             * ClusterInfo dataToken.
             * @member {string} dataToken
             * @memberof troupe.v1.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.dataToken = "";

            /**
             * Creates a new ClusterInfo instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ClusterInfo
             * @static
             * @param {troupe.v1.IClusterInfo=} [properties] Properties to set
             * @returns {troupe.v1.ClusterInfo} ClusterInfo instance
             */
            ClusterInfo.create = function create(properties) {
                return new ClusterInfo(properties);
            };

            /**
             * Encodes the specified ClusterInfo message. Does not implicitly {@link troupe.v1.ClusterInfo.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ClusterInfo
             * @static
             * @param {troupe.v1.IClusterInfo} message ClusterInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.natsUrl != null && Object.hasOwnProperty.call(message, "natsUrl"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.natsUrl);
                if (message.headId != null && Object.hasOwnProperty.call(message, "headId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.headId);
                if (message.httpLocation != null && Object.hasOwnProperty.call(message, "httpLocation"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.httpLocation);
                if (message.dataToken != null && Object.hasOwnProperty.call(message, "dataToken"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.dataToken);
                if (message.natsUser != null && Object.hasOwnProperty.call(message, "natsUser"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.natsUser);
                if (message.natsPassword != null && Object.hasOwnProperty.call(message, "natsPassword"))
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.natsPassword);
                return writer;
            };

            /**
             * Decodes a ClusterInfo message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ClusterInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ClusterInfo} ClusterInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ClusterInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.natsUrl = reader.string();
                            break;
                        }
                    case 2: {
                            message.headId = reader.string();
                            break;
                        }
                    case 3: {
                            message.httpLocation = reader.string();
                            break;
                        }
                    case 10: {
                            message.natsUser = reader.string();
                            break;
                        }
                    case 11: {
                            message.natsPassword = reader.string();
                            break;
                        }
                    case 4: {
                            message.dataToken = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ClusterInfo
             * @function getTypeUrl
             * @memberof troupe.v1.ClusterInfo
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ClusterInfo.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ClusterInfo";
            };

            return ClusterInfo;
        })();

        v1.WaitRequest = (function() {

            /**
             * Properties of a WaitRequest.
             * @memberof troupe.v1
             * @interface IWaitRequest
             * @property {number|null} [version] WaitRequest version
             * @property {number|null} [timeoutSeconds] WaitRequest timeoutSeconds
             */

            /**
             * Constructs a new WaitRequest.
             * @memberof troupe.v1
             * @classdesc Represents a WaitRequest.
             * @implements IWaitRequest
             * @constructor
             * @param {troupe.v1.IWaitRequest=} [properties] Properties to set
             */
            function WaitRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WaitRequest version.
             * @member {number} version
             * @memberof troupe.v1.WaitRequest
             * @instance
             */
            WaitRequest.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WaitRequest timeoutSeconds.
             * @member {number} timeoutSeconds
             * @memberof troupe.v1.WaitRequest
             * @instance
             */
            WaitRequest.prototype.timeoutSeconds = 0;

            /**
             * Creates a new WaitRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.WaitRequest
             * @static
             * @param {troupe.v1.IWaitRequest=} [properties] Properties to set
             * @returns {troupe.v1.WaitRequest} WaitRequest instance
             */
            WaitRequest.create = function create(properties) {
                return new WaitRequest(properties);
            };

            /**
             * Encodes the specified WaitRequest message. Does not implicitly {@link troupe.v1.WaitRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.WaitRequest
             * @static
             * @param {troupe.v1.IWaitRequest} message WaitRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WaitRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                if (message.timeoutSeconds != null && Object.hasOwnProperty.call(message, "timeoutSeconds"))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.timeoutSeconds);
                return writer;
            };

            /**
             * Decodes a WaitRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.WaitRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.WaitRequest} WaitRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WaitRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.WaitRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.timeoutSeconds = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for WaitRequest
             * @function getTypeUrl
             * @memberof troupe.v1.WaitRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            WaitRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.WaitRequest";
            };

            return WaitRequest;
        })();

        v1.WaitReply = (function() {

            /**
             * Properties of a WaitReply.
             * @memberof troupe.v1
             * @interface IWaitReply
             * @property {boolean|null} [converged] WaitReply converged
             * @property {string|null} [detail] WaitReply detail
             * @property {number|null} [version] WaitReply version
             * @property {number|null} [snapshotVersion] WaitReply snapshotVersion
             * @property {string|null} [headId] WaitReply headId
             */

            /**
             * Constructs a new WaitReply.
             * @memberof troupe.v1
             * @classdesc Represents a WaitReply.
             * @implements IWaitReply
             * @constructor
             * @param {troupe.v1.IWaitReply=} [properties] Properties to set
             */
            function WaitReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WaitReply converged.
             * @member {boolean} converged
             * @memberof troupe.v1.WaitReply
             * @instance
             */
            WaitReply.prototype.converged = false;

            /**
             * WaitReply detail.
             * @member {string} detail
             * @memberof troupe.v1.WaitReply
             * @instance
             */
            WaitReply.prototype.detail = "";

            /**
             * WaitReply version.
             * @member {number} version
             * @memberof troupe.v1.WaitReply
             * @instance
             */
            WaitReply.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WaitReply snapshotVersion.
             * @member {number} snapshotVersion
             * @memberof troupe.v1.WaitReply
             * @instance
             */
            WaitReply.prototype.snapshotVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WaitReply headId.
             * @member {string} headId
             * @memberof troupe.v1.WaitReply
             * @instance
             */
            WaitReply.prototype.headId = "";

            /**
             * Creates a new WaitReply instance using the specified properties.
             * @function create
             * @memberof troupe.v1.WaitReply
             * @static
             * @param {troupe.v1.IWaitReply=} [properties] Properties to set
             * @returns {troupe.v1.WaitReply} WaitReply instance
             */
            WaitReply.create = function create(properties) {
                return new WaitReply(properties);
            };

            /**
             * Encodes the specified WaitReply message. Does not implicitly {@link troupe.v1.WaitReply.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.WaitReply
             * @static
             * @param {troupe.v1.IWaitReply} message WaitReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WaitReply.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.converged != null && Object.hasOwnProperty.call(message, "converged"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.converged);
                if (message.detail != null && Object.hasOwnProperty.call(message, "detail"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.detail);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.version);
                if (message.snapshotVersion != null && Object.hasOwnProperty.call(message, "snapshotVersion"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.snapshotVersion);
                if (message.headId != null && Object.hasOwnProperty.call(message, "headId"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.headId);
                return writer;
            };

            /**
             * Decodes a WaitReply message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.WaitReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.WaitReply} WaitReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WaitReply.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.WaitReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.converged = reader.bool();
                            break;
                        }
                    case 2: {
                            message.detail = reader.string();
                            break;
                        }
                    case 3: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.snapshotVersion = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.headId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for WaitReply
             * @function getTypeUrl
             * @memberof troupe.v1.WaitReply
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            WaitReply.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.WaitReply";
            };

            return WaitReply;
        })();

        v1.Admin = (function() {

            /**
             * Constructs a new Admin service.
             * @memberof troupe.v1
             * @classdesc Represents an Admin
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function Admin(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (Admin.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Admin;

            /**
             * Creates new Admin service using the specified rpc implementation.
             * @function create
             * @memberof troupe.v1.Admin
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {Admin} RPC service. Useful where requests and/or responses are streamed.
             */
            Admin.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link troupe.v1.Admin#createBackend}.
             * @memberof troupe.v1.Admin
             * @typedef CreateBackendCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ChangeReply} [response] ChangeReply
             */

            /**
             * Calls CreateBackend.
             * @function createBackend
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.ICreateBackendRequest} request CreateBackendRequest message or plain object
             * @param {troupe.v1.Admin.CreateBackendCallback} callback Node-style callback called with the error, if any, and ChangeReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.createBackend = function createBackend(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, createBackend, $root.troupe.v1.CreateBackendRequest, $root.troupe.v1.ChangeReply, request, callback);
            }, "name", { value: "CreateBackend" });

            /**
             * Calls CreateBackend.
             * @function createBackend
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.ICreateBackendRequest} request CreateBackendRequest message or plain object
             * @returns {Promise<troupe.v1.ChangeReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#updateBackendConfig}.
             * @memberof troupe.v1.Admin
             * @typedef UpdateBackendConfigCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ChangeReply} [response] ChangeReply
             */

            /**
             * Calls UpdateBackendConfig.
             * @function updateBackendConfig
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IUpdateBackendConfigRequest} request UpdateBackendConfigRequest message or plain object
             * @param {troupe.v1.Admin.UpdateBackendConfigCallback} callback Node-style callback called with the error, if any, and ChangeReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.updateBackendConfig = function updateBackendConfig(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, updateBackendConfig, $root.troupe.v1.UpdateBackendConfigRequest, $root.troupe.v1.ChangeReply, request, callback);
            }, "name", { value: "UpdateBackendConfig" });

            /**
             * Calls UpdateBackendConfig.
             * @function updateBackendConfig
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IUpdateBackendConfigRequest} request UpdateBackendConfigRequest message or plain object
             * @returns {Promise<troupe.v1.ChangeReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#getBackend}.
             * @memberof troupe.v1.Admin
             * @typedef GetBackendCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.BackendInfo} [response] BackendInfo
             */

            /**
             * Calls GetBackend.
             * @function getBackend
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IBackendRef} request BackendRef message or plain object
             * @param {troupe.v1.Admin.GetBackendCallback} callback Node-style callback called with the error, if any, and BackendInfo
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.getBackend = function getBackend(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getBackend, $root.troupe.v1.BackendRef, $root.troupe.v1.BackendInfo, request, callback);
            }, "name", { value: "GetBackend" });

            /**
             * Calls GetBackend.
             * @function getBackend
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IBackendRef} request BackendRef message or plain object
             * @returns {Promise<troupe.v1.BackendInfo>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#deleteBackend}.
             * @memberof troupe.v1.Admin
             * @typedef DeleteBackendCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ChangeReply} [response] ChangeReply
             */

            /**
             * Calls DeleteBackend.
             * @function deleteBackend
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IBackendRef} request BackendRef message or plain object
             * @param {troupe.v1.Admin.DeleteBackendCallback} callback Node-style callback called with the error, if any, and ChangeReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.deleteBackend = function deleteBackend(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, deleteBackend, $root.troupe.v1.BackendRef, $root.troupe.v1.ChangeReply, request, callback);
            }, "name", { value: "DeleteBackend" });

            /**
             * Calls DeleteBackend.
             * @function deleteBackend
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IBackendRef} request BackendRef message or plain object
             * @returns {Promise<troupe.v1.ChangeReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#listBackends}.
             * @memberof troupe.v1.Admin
             * @typedef ListBackendsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.BackendList} [response] BackendList
             */

            /**
             * Calls ListBackends.
             * @function listBackends
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @param {troupe.v1.Admin.ListBackendsCallback} callback Node-style callback called with the error, if any, and BackendList
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.listBackends = function listBackends(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listBackends, $root.troupe.v1.Empty, $root.troupe.v1.BackendList, request, callback);
            }, "name", { value: "ListBackends" });

            /**
             * Calls ListBackends.
             * @function listBackends
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @returns {Promise<troupe.v1.BackendList>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#createEndpoint}.
             * @memberof troupe.v1.Admin
             * @typedef CreateEndpointCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ChangeReply} [response] ChangeReply
             */

            /**
             * Calls CreateEndpoint.
             * @function createEndpoint
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.ICreateEndpointRequest} request CreateEndpointRequest message or plain object
             * @param {troupe.v1.Admin.CreateEndpointCallback} callback Node-style callback called with the error, if any, and ChangeReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.createEndpoint = function createEndpoint(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, createEndpoint, $root.troupe.v1.CreateEndpointRequest, $root.troupe.v1.ChangeReply, request, callback);
            }, "name", { value: "CreateEndpoint" });

            /**
             * Calls CreateEndpoint.
             * @function createEndpoint
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.ICreateEndpointRequest} request CreateEndpointRequest message or plain object
             * @returns {Promise<troupe.v1.ChangeReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#deleteEndpoint}.
             * @memberof troupe.v1.Admin
             * @typedef DeleteEndpointCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ChangeReply} [response] ChangeReply
             */

            /**
             * Calls DeleteEndpoint.
             * @function deleteEndpoint
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEndpointRef} request EndpointRef message or plain object
             * @param {troupe.v1.Admin.DeleteEndpointCallback} callback Node-style callback called with the error, if any, and ChangeReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.deleteEndpoint = function deleteEndpoint(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, deleteEndpoint, $root.troupe.v1.EndpointRef, $root.troupe.v1.ChangeReply, request, callback);
            }, "name", { value: "DeleteEndpoint" });

            /**
             * Calls DeleteEndpoint.
             * @function deleteEndpoint
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEndpointRef} request EndpointRef message or plain object
             * @returns {Promise<troupe.v1.ChangeReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#listEndpoints}.
             * @memberof troupe.v1.Admin
             * @typedef ListEndpointsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.EndpointList} [response] EndpointList
             */

            /**
             * Calls ListEndpoints.
             * @function listEndpoints
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @param {troupe.v1.Admin.ListEndpointsCallback} callback Node-style callback called with the error, if any, and EndpointList
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.listEndpoints = function listEndpoints(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listEndpoints, $root.troupe.v1.Empty, $root.troupe.v1.EndpointList, request, callback);
            }, "name", { value: "ListEndpoints" });

            /**
             * Calls ListEndpoints.
             * @function listEndpoints
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @returns {Promise<troupe.v1.EndpointList>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#setTraffic}.
             * @memberof troupe.v1.Admin
             * @typedef SetTrafficCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ChangeReply} [response] ChangeReply
             */

            /**
             * Calls SetTraffic.
             * @function setTraffic
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.ISetTrafficRequest} request SetTrafficRequest message or plain object
             * @param {troupe.v1.Admin.SetTrafficCallback} callback Node-style callback called with the error, if any, and ChangeReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.setTraffic = function setTraffic(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, setTraffic, $root.troupe.v1.SetTrafficRequest, $root.troupe.v1.ChangeReply, request, callback);
            }, "name", { value: "SetTraffic" });

            /**
             * Calls SetTraffic.
             * @function setTraffic
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.ISetTrafficRequest} request SetTrafficRequest message or plain object
             * @returns {Promise<troupe.v1.ChangeReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#shadowTraffic}.
             * @memberof troupe.v1.Admin
             * @typedef ShadowTrafficCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ChangeReply} [response] ChangeReply
             */

            /**
             * Calls ShadowTraffic.
             * @function shadowTraffic
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IShadowTrafficRequest} request ShadowTrafficRequest message or plain object
             * @param {troupe.v1.Admin.ShadowTrafficCallback} callback Node-style callback called with the error, if any, and ChangeReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.shadowTraffic = function shadowTraffic(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, shadowTraffic, $root.troupe.v1.ShadowTrafficRequest, $root.troupe.v1.ChangeReply, request, callback);
            }, "name", { value: "ShadowTraffic" });

            /**
             * Calls ShadowTraffic.
             * @function shadowTraffic
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IShadowTrafficRequest} request ShadowTrafficRequest message or plain object
             * @returns {Promise<troupe.v1.ChangeReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#getStatus}.
             * @memberof troupe.v1.Admin
             * @typedef GetStatusCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ClusterStatus} [response] ClusterStatus
             */

            /**
             * Calls GetStatus.
             * @function getStatus
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @param {troupe.v1.Admin.GetStatusCallback} callback Node-style callback called with the error, if any, and ClusterStatus
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.getStatus = function getStatus(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getStatus, $root.troupe.v1.Empty, $root.troupe.v1.ClusterStatus, request, callback);
            }, "name", { value: "GetStatus" });

            /**
             * Calls GetStatus.
             * @function getStatus
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @returns {Promise<troupe.v1.ClusterStatus>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#getClusterInfo}.
             * @memberof troupe.v1.Admin
             * @typedef GetClusterInfoCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ClusterInfo} [response] ClusterInfo
             */

            /**
             * Calls GetClusterInfo.
             * @function getClusterInfo
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @param {troupe.v1.Admin.GetClusterInfoCallback} callback Node-style callback called with the error, if any, and ClusterInfo
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.getClusterInfo = function getClusterInfo(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getClusterInfo, $root.troupe.v1.Empty, $root.troupe.v1.ClusterInfo, request, callback);
            }, "name", { value: "GetClusterInfo" });

            /**
             * Calls GetClusterInfo.
             * @function getClusterInfo
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @returns {Promise<troupe.v1.ClusterInfo>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#waitConverged}.
             * @memberof troupe.v1.Admin
             * @typedef WaitConvergedCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.WaitReply} [response] WaitReply
             */

            /**
             * Calls WaitConverged.
             * @function waitConverged
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IWaitRequest} request WaitRequest message or plain object
             * @param {troupe.v1.Admin.WaitConvergedCallback} callback Node-style callback called with the error, if any, and WaitReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.waitConverged = function waitConverged(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, waitConverged, $root.troupe.v1.WaitRequest, $root.troupe.v1.WaitReply, request, callback);
            }, "name", { value: "WaitConverged" });

            /**
             * Calls WaitConverged.
             * @function waitConverged
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IWaitRequest} request WaitRequest message or plain object
             * @returns {Promise<troupe.v1.WaitReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Admin#shutdown}.
             * @memberof troupe.v1.Admin
             * @typedef ShutdownCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.Empty} [response] Empty
             */

            /**
             * Calls Shutdown.
             * @function shutdown
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @param {troupe.v1.Admin.ShutdownCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Admin.prototype.shutdown = function shutdown(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, shutdown, $root.troupe.v1.Empty, $root.troupe.v1.Empty, request, callback);
            }, "name", { value: "Shutdown" });

            /**
             * Calls Shutdown.
             * @function shutdown
             * @memberof troupe.v1.Admin
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @returns {Promise<troupe.v1.Empty>} Promise
             * @variation 2
             */

            return Admin;
        })();

        /**
         * ReplicaState enum.
         * @name troupe.v1.ReplicaState
         * @enum {number}
         * @property {number} REPLICA_STATE_UNSPECIFIED=0 REPLICA_STATE_UNSPECIFIED value
         * @property {number} REPLICA_STATE_STARTING=1 REPLICA_STATE_STARTING value
         * @property {number} REPLICA_STATE_RUNNING=2 REPLICA_STATE_RUNNING value
         * @property {number} REPLICA_STATE_STOPPING=3 REPLICA_STATE_STOPPING value
         * @property {number} REPLICA_STATE_FAILED=4 REPLICA_STATE_FAILED value
         */
        v1.ReplicaState = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "REPLICA_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "REPLICA_STATE_STARTING"] = 1;
            values[valuesById[2] = "REPLICA_STATE_RUNNING"] = 2;
            values[valuesById[3] = "REPLICA_STATE_STOPPING"] = 3;
            values[valuesById[4] = "REPLICA_STATE_FAILED"] = 4;
            return values;
        })();

        v1.ReplicaConfig = (function() {

            /**
             * Properties of a ReplicaConfig.
             * @memberof troupe.v1
             * @interface IReplicaConfig
             * @property {number|null} [maxConcurrentQueries] ReplicaConfig maxConcurrentQueries
             * @property {number|null} [maxBatchSize] ReplicaConfig maxBatchSize
             * @property {number|null} [batchWaitTimeout] ReplicaConfig batchWaitTimeout
             * @property {string|null} [userConfigJson] ReplicaConfig userConfigJson
             * @property {number|null} [epoch] ReplicaConfig epoch
             * @property {number|null} [maxConcurrentBatches] ReplicaConfig maxConcurrentBatches
             */

            /**
             * Constructs a new ReplicaConfig.
             * @memberof troupe.v1
             * @classdesc Represents a ReplicaConfig.
             * @implements IReplicaConfig
             * @constructor
             * @param {troupe.v1.IReplicaConfig=} [properties] Properties to set
             */
            function ReplicaConfig(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ReplicaConfig maxConcurrentQueries.
             * @member {number} maxConcurrentQueries
             * @memberof troupe.v1.ReplicaConfig
             * @instance
             */
            ReplicaConfig.prototype.maxConcurrentQueries = 0;

            /**
             * ReplicaConfig maxBatchSize.
             * @member {number} maxBatchSize
             * @memberof troupe.v1.ReplicaConfig
             * @instance
             */
            ReplicaConfig.prototype.maxBatchSize = 0;

            /**
             * ReplicaConfig batchWaitTimeout.
             * @member {number} batchWaitTimeout
             * @memberof troupe.v1.ReplicaConfig
             * @instance
             */
            ReplicaConfig.prototype.batchWaitTimeout = 0;

            /**
             * ReplicaConfig userConfigJson.
             * @member {string|null|undefined} userConfigJson
             * @memberof troupe.v1.ReplicaConfig
             * @instance
             */
            ReplicaConfig.prototype.userConfigJson = null;

            /**
             * ReplicaConfig epoch.
             * @member {number} epoch
             * @memberof troupe.v1.ReplicaConfig
             * @instance
             */
            ReplicaConfig.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ReplicaConfig maxConcurrentBatches.
             * @member {number} maxConcurrentBatches
             * @memberof troupe.v1.ReplicaConfig
             * @instance
             */
            ReplicaConfig.prototype.maxConcurrentBatches = 0;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(ReplicaConfig.prototype, "_userConfigJson", {
                get: $util.oneOfGetter($oneOfFields = ["userConfigJson"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ReplicaConfig instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ReplicaConfig
             * @static
             * @param {troupe.v1.IReplicaConfig=} [properties] Properties to set
             * @returns {troupe.v1.ReplicaConfig} ReplicaConfig instance
             */
            ReplicaConfig.create = function create(properties) {
                return new ReplicaConfig(properties);
            };

            /**
             * Encodes the specified ReplicaConfig message. Does not implicitly {@link troupe.v1.ReplicaConfig.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ReplicaConfig
             * @static
             * @param {troupe.v1.IReplicaConfig} message ReplicaConfig message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReplicaConfig.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.maxConcurrentQueries != null && Object.hasOwnProperty.call(message, "maxConcurrentQueries"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.maxConcurrentQueries);
                if (message.maxBatchSize != null && Object.hasOwnProperty.call(message, "maxBatchSize"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.maxBatchSize);
                if (message.batchWaitTimeout != null && Object.hasOwnProperty.call(message, "batchWaitTimeout"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.batchWaitTimeout);
                if (message.userConfigJson != null && Object.hasOwnProperty.call(message, "userConfigJson"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.userConfigJson);
                if (message.epoch != null && Object.hasOwnProperty.call(message, "epoch"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.epoch);
                if (message.maxConcurrentBatches != null && Object.hasOwnProperty.call(message, "maxConcurrentBatches"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.maxConcurrentBatches);
                return writer;
            };

            /**
             * Decodes a ReplicaConfig message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ReplicaConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ReplicaConfig} ReplicaConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReplicaConfig.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ReplicaConfig();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.maxConcurrentQueries = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.maxBatchSize = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.batchWaitTimeout = reader.double();
                            break;
                        }
                    case 4: {
                            message.userConfigJson = reader.string();
                            break;
                        }
                    case 5: {
                            message.epoch = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.maxConcurrentBatches = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ReplicaConfig
             * @function getTypeUrl
             * @memberof troupe.v1.ReplicaConfig
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReplicaConfig.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ReplicaConfig";
            };

            return ReplicaConfig;
        })();

        v1.ReplicaStatus = (function() {

            /**
             * Properties of a ReplicaStatus.
             * @memberof troupe.v1
             * @interface IReplicaStatus
             * @property {string|null} [replicaTag] ReplicaStatus replicaTag
             * @property {string|null} [backend] ReplicaStatus backend
             * @property {troupe.v1.ReplicaState|null} [state] ReplicaStatus state
             * @property {number|null} [configEpoch] ReplicaStatus configEpoch
             * @property {troupe.v1.IErrorInfo|null} [error] ReplicaStatus error
             */

            /**
             * Constructs a new ReplicaStatus.
             * @memberof troupe.v1
             * @classdesc Represents a ReplicaStatus.
             * @implements IReplicaStatus
             * @constructor
             * @param {troupe.v1.IReplicaStatus=} [properties] Properties to set
             */
            function ReplicaStatus(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ReplicaStatus replicaTag.
             * @member {string} replicaTag
             * @memberof troupe.v1.ReplicaStatus
             * @instance
             */
            ReplicaStatus.prototype.replicaTag = "";

            /**
             * ReplicaStatus backend.
             * @member {string} backend
             * @memberof troupe.v1.ReplicaStatus
             * @instance
             */
            ReplicaStatus.prototype.backend = "";

            /**
             * ReplicaStatus state.
             * @member {troupe.v1.ReplicaState} state
             * @memberof troupe.v1.ReplicaStatus
             * @instance
             */
            ReplicaStatus.prototype.state = 0;

            /**
             * ReplicaStatus configEpoch.
             * @member {number} configEpoch
             * @memberof troupe.v1.ReplicaStatus
             * @instance
             */
            ReplicaStatus.prototype.configEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ReplicaStatus error.
             * @member {troupe.v1.IErrorInfo|null|undefined} error
             * @memberof troupe.v1.ReplicaStatus
             * @instance
             */
            ReplicaStatus.prototype.error = null;

            /**
             * Creates a new ReplicaStatus instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ReplicaStatus
             * @static
             * @param {troupe.v1.IReplicaStatus=} [properties] Properties to set
             * @returns {troupe.v1.ReplicaStatus} ReplicaStatus instance
             */
            ReplicaStatus.create = function create(properties) {
                return new ReplicaStatus(properties);
            };

            /**
             * Encodes the specified ReplicaStatus message. Does not implicitly {@link troupe.v1.ReplicaStatus.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ReplicaStatus
             * @static
             * @param {troupe.v1.IReplicaStatus} message ReplicaStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReplicaStatus.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.replicaTag != null && Object.hasOwnProperty.call(message, "replicaTag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replicaTag);
                if (message.backend != null && Object.hasOwnProperty.call(message, "backend"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.backend);
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.state);
                if (message.configEpoch != null && Object.hasOwnProperty.call(message, "configEpoch"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.configEpoch);
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.troupe.v1.ErrorInfo.encode(message.error, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ReplicaStatus message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ReplicaStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ReplicaStatus} ReplicaStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReplicaStatus.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ReplicaStatus();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.replicaTag = reader.string();
                            break;
                        }
                    case 2: {
                            message.backend = reader.string();
                            break;
                        }
                    case 3: {
                            message.state = reader.int32();
                            break;
                        }
                    case 4: {
                            message.configEpoch = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.error = $root.troupe.v1.ErrorInfo.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ReplicaStatus
             * @function getTypeUrl
             * @memberof troupe.v1.ReplicaStatus
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReplicaStatus.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ReplicaStatus";
            };

            return ReplicaStatus;
        })();

        v1.RegisterWorkerRequest = (function() {

            /**
             * Properties of a RegisterWorkerRequest.
             * @memberof troupe.v1
             * @interface IRegisterWorkerRequest
             * @property {string|null} [workerId] RegisterWorkerRequest workerId
             * @property {string|null} [nodeId] RegisterWorkerRequest nodeId
             * @property {string|null} [dataAddress] RegisterWorkerRequest dataAddress
             * @property {string|null} [controlAddress] RegisterWorkerRequest controlAddress
             * @property {Array.<troupe.v1.IReplicaStatus>|null} [replicas] RegisterWorkerRequest replicas
             * @property {boolean|null} [draining] RegisterWorkerRequest draining
             */

            /**
             * Constructs a new RegisterWorkerRequest.
             * @memberof troupe.v1
             * @classdesc Represents a RegisterWorkerRequest.
             * @implements IRegisterWorkerRequest
             * @constructor
             * @param {troupe.v1.IRegisterWorkerRequest=} [properties] Properties to set
             */
            function RegisterWorkerRequest(properties) {
                this.replicas = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RegisterWorkerRequest workerId.
             * @member {string} workerId
             * @memberof troupe.v1.RegisterWorkerRequest
             * @instance
             */
            RegisterWorkerRequest.prototype.workerId = "";

            /**
             * RegisterWorkerRequest nodeId.
             * @member {string} nodeId
             * @memberof troupe.v1.RegisterWorkerRequest
             * @instance
             */
            RegisterWorkerRequest.prototype.nodeId = "";

            /**
             * RegisterWorkerRequest dataAddress.
             * @member {string} dataAddress
             * @memberof troupe.v1.RegisterWorkerRequest
             * @instance
             */
            RegisterWorkerRequest.prototype.dataAddress = "";

            /**
             * RegisterWorkerRequest controlAddress.
             * @member {string} controlAddress
             * @memberof troupe.v1.RegisterWorkerRequest
             * @instance
             */
            RegisterWorkerRequest.prototype.controlAddress = "";

            /**
             * RegisterWorkerRequest replicas.
             * @member {Array.<troupe.v1.IReplicaStatus>} replicas
             * @memberof troupe.v1.RegisterWorkerRequest
             * @instance
             */
            RegisterWorkerRequest.prototype.replicas = $util.emptyArray;

            /**
             * RegisterWorkerRequest draining.
             * @member {boolean} draining
             * @memberof troupe.v1.RegisterWorkerRequest
             * @instance
             */
            RegisterWorkerRequest.prototype.draining = false;

            /**
             * Creates a new RegisterWorkerRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.RegisterWorkerRequest
             * @static
             * @param {troupe.v1.IRegisterWorkerRequest=} [properties] Properties to set
             * @returns {troupe.v1.RegisterWorkerRequest} RegisterWorkerRequest instance
             */
            RegisterWorkerRequest.create = function create(properties) {
                return new RegisterWorkerRequest(properties);
            };

            /**
             * Encodes the specified RegisterWorkerRequest message. Does not implicitly {@link troupe.v1.RegisterWorkerRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.RegisterWorkerRequest
             * @static
             * @param {troupe.v1.IRegisterWorkerRequest} message RegisterWorkerRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisterWorkerRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workerId != null && Object.hasOwnProperty.call(message, "workerId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workerId);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nodeId);
                if (message.dataAddress != null && Object.hasOwnProperty.call(message, "dataAddress"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.dataAddress);
                if (message.controlAddress != null && Object.hasOwnProperty.call(message, "controlAddress"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.controlAddress);
                if (message.replicas != null && message.replicas.length)
                    for (let i = 0; i < message.replicas.length; ++i)
                        $root.troupe.v1.ReplicaStatus.encode(message.replicas[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.draining != null && Object.hasOwnProperty.call(message, "draining"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.draining);
                return writer;
            };

            /**
             * Decodes a RegisterWorkerRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.RegisterWorkerRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.RegisterWorkerRequest} RegisterWorkerRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisterWorkerRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.RegisterWorkerRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.workerId = reader.string();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.dataAddress = reader.string();
                            break;
                        }
                    case 4: {
                            message.controlAddress = reader.string();
                            break;
                        }
                    case 5: {
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            message.replicas.push($root.troupe.v1.ReplicaStatus.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 6: {
                            message.draining = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for RegisterWorkerRequest
             * @function getTypeUrl
             * @memberof troupe.v1.RegisterWorkerRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RegisterWorkerRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.RegisterWorkerRequest";
            };

            return RegisterWorkerRequest;
        })();

        v1.RegisterWorkerReply = (function() {

            /**
             * Properties of a RegisterWorkerReply.
             * @memberof troupe.v1
             * @interface IRegisterWorkerReply
             * @property {string|null} [headId] RegisterWorkerReply headId
             * @property {number|null} [heartbeatIntervalSeconds] RegisterWorkerReply heartbeatIntervalSeconds
             * @property {number|null} [session] RegisterWorkerReply session
             */

            /**
             * Constructs a new RegisterWorkerReply.
             * @memberof troupe.v1
             * @classdesc Represents a RegisterWorkerReply.
             * @implements IRegisterWorkerReply
             * @constructor
             * @param {troupe.v1.IRegisterWorkerReply=} [properties] Properties to set
             */
            function RegisterWorkerReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RegisterWorkerReply headId.
             * @member {string} headId
             * @memberof troupe.v1.RegisterWorkerReply
             * @instance
             */
            RegisterWorkerReply.prototype.headId = "";

            /**
             * RegisterWorkerReply heartbeatIntervalSeconds.
             * @member {number} heartbeatIntervalSeconds
             * @memberof troupe.v1.RegisterWorkerReply
             * @instance
             */
            RegisterWorkerReply.prototype.heartbeatIntervalSeconds = 0;

            /**
             * RegisterWorkerReply session.
             * @member {number} session
             * @memberof troupe.v1.RegisterWorkerReply
             * @instance
             */
            RegisterWorkerReply.prototype.session = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new RegisterWorkerReply instance using the specified properties.
             * @function create
             * @memberof troupe.v1.RegisterWorkerReply
             * @static
             * @param {troupe.v1.IRegisterWorkerReply=} [properties] Properties to set
             * @returns {troupe.v1.RegisterWorkerReply} RegisterWorkerReply instance
             */
            RegisterWorkerReply.create = function create(properties) {
                return new RegisterWorkerReply(properties);
            };

            /**
             * Encodes the specified RegisterWorkerReply message. Does not implicitly {@link troupe.v1.RegisterWorkerReply.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.RegisterWorkerReply
             * @static
             * @param {troupe.v1.IRegisterWorkerReply} message RegisterWorkerReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisterWorkerReply.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.headId != null && Object.hasOwnProperty.call(message, "headId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.headId);
                if (message.heartbeatIntervalSeconds != null && Object.hasOwnProperty.call(message, "heartbeatIntervalSeconds"))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.heartbeatIntervalSeconds);
                if (message.session != null && Object.hasOwnProperty.call(message, "session"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.session);
                return writer;
            };

            /**
             * Decodes a RegisterWorkerReply message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.RegisterWorkerReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.RegisterWorkerReply} RegisterWorkerReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisterWorkerReply.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.RegisterWorkerReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.headId = reader.string();
                            break;
                        }
                    case 2: {
                            message.heartbeatIntervalSeconds = reader.double();
                            break;
                        }
                    case 3: {
                            message.session = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for RegisterWorkerReply
             * @function getTypeUrl
             * @memberof troupe.v1.RegisterWorkerReply
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RegisterWorkerReply.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.RegisterWorkerReply";
            };

            return RegisterWorkerReply;
        })();

        v1.HeartbeatRequest = (function() {

            /**
             * Properties of a HeartbeatRequest.
             * @memberof troupe.v1
             * @interface IHeartbeatRequest
             * @property {string|null} [workerId] HeartbeatRequest workerId
             * @property {Array.<troupe.v1.IReplicaStatus>|null} [replicas] HeartbeatRequest replicas
             * @property {boolean|null} [draining] HeartbeatRequest draining
             */

            /**
             * Constructs a new HeartbeatRequest.
             * @memberof troupe.v1
             * @classdesc Represents a HeartbeatRequest.
             * @implements IHeartbeatRequest
             * @constructor
             * @param {troupe.v1.IHeartbeatRequest=} [properties] Properties to set
             */
            function HeartbeatRequest(properties) {
                this.replicas = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HeartbeatRequest workerId.
             * @member {string} workerId
             * @memberof troupe.v1.HeartbeatRequest
             * @instance
             */
            HeartbeatRequest.prototype.workerId = "";

            /**
             * HeartbeatRequest replicas.
             * @member {Array.<troupe.v1.IReplicaStatus>} replicas
             * @memberof troupe.v1.HeartbeatRequest
             * @instance
             */
            HeartbeatRequest.prototype.replicas = $util.emptyArray;

            /**
             * HeartbeatRequest draining.
             * @member {boolean} draining
             * @memberof troupe.v1.HeartbeatRequest
             * @instance
             */
            HeartbeatRequest.prototype.draining = false;

            /**
             * Creates a new HeartbeatRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.HeartbeatRequest
             * @static
             * @param {troupe.v1.IHeartbeatRequest=} [properties] Properties to set
             * @returns {troupe.v1.HeartbeatRequest} HeartbeatRequest instance
             */
            HeartbeatRequest.create = function create(properties) {
                return new HeartbeatRequest(properties);
            };

            /**
             * Encodes the specified HeartbeatRequest message. Does not implicitly {@link troupe.v1.HeartbeatRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.HeartbeatRequest
             * @static
             * @param {troupe.v1.IHeartbeatRequest} message HeartbeatRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeartbeatRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workerId != null && Object.hasOwnProperty.call(message, "workerId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workerId);
                if (message.replicas != null && message.replicas.length)
                    for (let i = 0; i < message.replicas.length; ++i)
                        $root.troupe.v1.ReplicaStatus.encode(message.replicas[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.draining != null && Object.hasOwnProperty.call(message, "draining"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.draining);
                return writer;
            };

            /**
             * Decodes a HeartbeatRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.HeartbeatRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.HeartbeatRequest} HeartbeatRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeartbeatRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.HeartbeatRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.workerId = reader.string();
                            break;
                        }
                    case 2: {
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            message.replicas.push($root.troupe.v1.ReplicaStatus.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 3: {
                            message.draining = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for HeartbeatRequest
             * @function getTypeUrl
             * @memberof troupe.v1.HeartbeatRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            HeartbeatRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.HeartbeatRequest";
            };

            return HeartbeatRequest;
        })();

        v1.HeartbeatReply = (function() {

            /**
             * Properties of a HeartbeatReply.
             * @memberof troupe.v1
             * @interface IHeartbeatReply
             * @property {boolean|null} [known] HeartbeatReply known
             */

            /**
             * Constructs a new HeartbeatReply.
             * @memberof troupe.v1
             * @classdesc Represents a HeartbeatReply.
             * @implements IHeartbeatReply
             * @constructor
             * @param {troupe.v1.IHeartbeatReply=} [properties] Properties to set
             */
            function HeartbeatReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HeartbeatReply known.
             * @member {boolean} known
             * @memberof troupe.v1.HeartbeatReply
             * @instance
             */
            HeartbeatReply.prototype.known = false;

            /**
             * Creates a new HeartbeatReply instance using the specified properties.
             * @function create
             * @memberof troupe.v1.HeartbeatReply
             * @static
             * @param {troupe.v1.IHeartbeatReply=} [properties] Properties to set
             * @returns {troupe.v1.HeartbeatReply} HeartbeatReply instance
             */
            HeartbeatReply.create = function create(properties) {
                return new HeartbeatReply(properties);
            };

            /**
             * Encodes the specified HeartbeatReply message. Does not implicitly {@link troupe.v1.HeartbeatReply.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.HeartbeatReply
             * @static
             * @param {troupe.v1.IHeartbeatReply} message HeartbeatReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeartbeatReply.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.known != null && Object.hasOwnProperty.call(message, "known"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.known);
                return writer;
            };

            /**
             * Decodes a HeartbeatReply message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.HeartbeatReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.HeartbeatReply} HeartbeatReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeartbeatReply.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.HeartbeatReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.known = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for HeartbeatReply
             * @function getTypeUrl
             * @memberof troupe.v1.HeartbeatReply
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            HeartbeatReply.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.HeartbeatReply";
            };

            return HeartbeatReply;
        })();

        v1.SessionRequest = (function() {

            /**
             * Properties of a SessionRequest.
             * @memberof troupe.v1
             * @interface ISessionRequest
             * @property {string|null} [workerId] SessionRequest workerId
             * @property {number|null} [session] SessionRequest session
             */

            /**
             * Constructs a new SessionRequest.
             * @memberof troupe.v1
             * @classdesc Represents a SessionRequest.
             * @implements ISessionRequest
             * @constructor
             * @param {troupe.v1.ISessionRequest=} [properties] Properties to set
             */
            function SessionRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SessionRequest workerId.
             * @member {string} workerId
             * @memberof troupe.v1.SessionRequest
             * @instance
             */
            SessionRequest.prototype.workerId = "";

            /**
             * SessionRequest session.
             * @member {number} session
             * @memberof troupe.v1.SessionRequest
             * @instance
             */
            SessionRequest.prototype.session = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new SessionRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.SessionRequest
             * @static
             * @param {troupe.v1.ISessionRequest=} [properties] Properties to set
             * @returns {troupe.v1.SessionRequest} SessionRequest instance
             */
            SessionRequest.create = function create(properties) {
                return new SessionRequest(properties);
            };

            /**
             * Encodes the specified SessionRequest message. Does not implicitly {@link troupe.v1.SessionRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.SessionRequest
             * @static
             * @param {troupe.v1.ISessionRequest} message SessionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workerId != null && Object.hasOwnProperty.call(message, "workerId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workerId);
                if (message.session != null && Object.hasOwnProperty.call(message, "session"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.session);
                return writer;
            };

            /**
             * Decodes a SessionRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.SessionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.SessionRequest} SessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.SessionRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.workerId = reader.string();
                            break;
                        }
                    case 2: {
                            message.session = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for SessionRequest
             * @function getTypeUrl
             * @memberof troupe.v1.SessionRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SessionRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.SessionRequest";
            };

            return SessionRequest;
        })();

        v1.SessionEvent = (function() {

            /**
             * Properties of a SessionEvent.
             * @memberof troupe.v1
             * @interface ISessionEvent
             * @property {string|null} [headId] SessionEvent headId
             */

            /**
             * Constructs a new SessionEvent.
             * @memberof troupe.v1
             * @classdesc Represents a SessionEvent.
             * @implements ISessionEvent
             * @constructor
             * @param {troupe.v1.ISessionEvent=} [properties] Properties to set
             */
            function SessionEvent(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SessionEvent headId.
             * @member {string} headId
             * @memberof troupe.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.headId = "";

            /**
             * Creates a new SessionEvent instance using the specified properties.
             * @function create
             * @memberof troupe.v1.SessionEvent
             * @static
             * @param {troupe.v1.ISessionEvent=} [properties] Properties to set
             * @returns {troupe.v1.SessionEvent} SessionEvent instance
             */
            SessionEvent.create = function create(properties) {
                return new SessionEvent(properties);
            };

            /**
             * Encodes the specified SessionEvent message. Does not implicitly {@link troupe.v1.SessionEvent.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.SessionEvent
             * @static
             * @param {troupe.v1.ISessionEvent} message SessionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionEvent.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.headId != null && Object.hasOwnProperty.call(message, "headId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.headId);
                return writer;
            };

            /**
             * Decodes a SessionEvent message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.SessionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.SessionEvent} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionEvent.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.SessionEvent();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.headId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for SessionEvent
             * @function getTypeUrl
             * @memberof troupe.v1.SessionEvent
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SessionEvent.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.SessionEvent";
            };

            return SessionEvent;
        })();

        v1.Control = (function() {

            /**
             * Constructs a new Control service.
             * @memberof troupe.v1
             * @classdesc Represents a Control
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function Control(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (Control.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Control;

            /**
             * Creates new Control service using the specified rpc implementation.
             * @function create
             * @memberof troupe.v1.Control
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {Control} RPC service. Useful where requests and/or responses are streamed.
             */
            Control.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link troupe.v1.Control#registerWorker}.
             * @memberof troupe.v1.Control
             * @typedef RegisterWorkerCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.RegisterWorkerReply} [response] RegisterWorkerReply
             */

            /**
             * Calls RegisterWorker.
             * @function registerWorker
             * @memberof troupe.v1.Control
             * @instance
             * @param {troupe.v1.IRegisterWorkerRequest} request RegisterWorkerRequest message or plain object
             * @param {troupe.v1.Control.RegisterWorkerCallback} callback Node-style callback called with the error, if any, and RegisterWorkerReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.registerWorker = function registerWorker(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, registerWorker, $root.troupe.v1.RegisterWorkerRequest, $root.troupe.v1.RegisterWorkerReply, request, callback);
            }, "name", { value: "RegisterWorker" });

            /**
             * Calls RegisterWorker.
             * @function registerWorker
             * @memberof troupe.v1.Control
             * @instance
             * @param {troupe.v1.IRegisterWorkerRequest} request RegisterWorkerRequest message or plain object
             * @returns {Promise<troupe.v1.RegisterWorkerReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Control#heartbeat}.
             * @memberof troupe.v1.Control
             * @typedef HeartbeatCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.HeartbeatReply} [response] HeartbeatReply
             */

            /**
             * Calls Heartbeat.
             * @function heartbeat
             * @memberof troupe.v1.Control
             * @instance
             * @param {troupe.v1.IHeartbeatRequest} request HeartbeatRequest message or plain object
             * @param {troupe.v1.Control.HeartbeatCallback} callback Node-style callback called with the error, if any, and HeartbeatReply
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.heartbeat = function heartbeat(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, heartbeat, $root.troupe.v1.HeartbeatRequest, $root.troupe.v1.HeartbeatReply, request, callback);
            }, "name", { value: "Heartbeat" });

            /**
             * Calls Heartbeat.
             * @function heartbeat
             * @memberof troupe.v1.Control
             * @instance
             * @param {troupe.v1.IHeartbeatRequest} request HeartbeatRequest message or plain object
             * @returns {Promise<troupe.v1.HeartbeatReply>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.Control#session}.
             * @memberof troupe.v1.Control
             * @typedef SessionCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.SessionEvent} [response] SessionEvent
             */

            /**
             * Calls Session.
             * @function session
             * @memberof troupe.v1.Control
             * @instance
             * @param {troupe.v1.ISessionRequest} request SessionRequest message or plain object
             * @param {troupe.v1.Control.SessionCallback} callback Node-style callback called with the error, if any, and SessionEvent
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.session = function session(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, session, $root.troupe.v1.SessionRequest, $root.troupe.v1.SessionEvent, request, callback);
            }, "name", { value: "Session" });

            /**
             * Calls Session.
             * @function session
             * @memberof troupe.v1.Control
             * @instance
             * @param {troupe.v1.ISessionRequest} request SessionRequest message or plain object
             * @returns {Promise<troupe.v1.SessionEvent>} Promise
             * @variation 2
             */

            return Control;
        })();

        v1.StartReplicaRequest = (function() {

            /**
             * Properties of a StartReplicaRequest.
             * @memberof troupe.v1
             * @interface IStartReplicaRequest
             * @property {string|null} [replicaTag] StartReplicaRequest replicaTag
             * @property {string|null} [backend] StartReplicaRequest backend
             * @property {string|null} [importPath] StartReplicaRequest importPath
             * @property {string|null} [initArgsJson] StartReplicaRequest initArgsJson
             * @property {troupe.v1.IReplicaConfig|null} [config] StartReplicaRequest config
             * @property {Array.<string>|null} [exposedMethods] StartReplicaRequest exposedMethods
             */

            /**
             * Constructs a new StartReplicaRequest.
             * @memberof troupe.v1
             * @classdesc Represents a StartReplicaRequest.
             * @implements IStartReplicaRequest
             * @constructor
             * @param {troupe.v1.IStartReplicaRequest=} [properties] Properties to set
             */
            function StartReplicaRequest(properties) {
                this.exposedMethods = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StartReplicaRequest replicaTag.
             * @member {string} replicaTag
             * @memberof troupe.v1.StartReplicaRequest
             * @instance
             */
            StartReplicaRequest.prototype.replicaTag = "";

            /**
             * StartReplicaRequest backend.
             * @member {string} backend
             * @memberof troupe.v1.StartReplicaRequest
             * @instance
             */
            StartReplicaRequest.prototype.backend = "";

            /**
             * StartReplicaRequest importPath.
             * @member {string} importPath
             * @memberof troupe.v1.StartReplicaRequest
             * @instance
             */
            StartReplicaRequest.prototype.importPath = "";

            /**
             * StartReplicaRequest initArgsJson.
             * @member {string} initArgsJson
             * @memberof troupe.v1.StartReplicaRequest
             * @instance
             */
            StartReplicaRequest.prototype.initArgsJson = "";

            /**
             * StartReplicaRequest config.
             * @member {troupe.v1.IReplicaConfig|null|undefined} config
             * @memberof troupe.v1.StartReplicaRequest
             * @instance
             */
            StartReplicaRequest.prototype.config = null;

            /**
             * StartReplicaRequest exposedMethods.
             * @member {Array.<string>} exposedMethods
             * @memberof troupe.v1.StartReplicaRequest
             * @instance
             */
            StartReplicaRequest.prototype.exposedMethods = $util.emptyArray;

            /**
             * Creates a new StartReplicaRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.StartReplicaRequest
             * @static
             * @param {troupe.v1.IStartReplicaRequest=} [properties] Properties to set
             * @returns {troupe.v1.StartReplicaRequest} StartReplicaRequest instance
             */
            StartReplicaRequest.create = function create(properties) {
                return new StartReplicaRequest(properties);
            };

            /**
             * Encodes the specified StartReplicaRequest message. Does not implicitly {@link troupe.v1.StartReplicaRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.StartReplicaRequest
             * @static
             * @param {troupe.v1.IStartReplicaRequest} message StartReplicaRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StartReplicaRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.replicaTag != null && Object.hasOwnProperty.call(message, "replicaTag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replicaTag);
                if (message.backend != null && Object.hasOwnProperty.call(message, "backend"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.backend);
                if (message.importPath != null && Object.hasOwnProperty.call(message, "importPath"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.importPath);
                if (message.initArgsJson != null && Object.hasOwnProperty.call(message, "initArgsJson"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.initArgsJson);
                if (message.config != null && Object.hasOwnProperty.call(message, "config"))
                    $root.troupe.v1.ReplicaConfig.encode(message.config, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.exposedMethods != null && message.exposedMethods.length)
                    for (let i = 0; i < message.exposedMethods.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.exposedMethods[i]);
                return writer;
            };

            /**
             * Decodes a StartReplicaRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.StartReplicaRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.StartReplicaRequest} StartReplicaRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StartReplicaRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.StartReplicaRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.replicaTag = reader.string();
                            break;
                        }
                    case 2: {
                            message.backend = reader.string();
                            break;
                        }
                    case 3: {
                            message.importPath = reader.string();
                            break;
                        }
                    case 4: {
                            message.initArgsJson = reader.string();
                            break;
                        }
                    case 5: {
                            message.config = $root.troupe.v1.ReplicaConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 6: {
                            if (!(message.exposedMethods && message.exposedMethods.length))
                                message.exposedMethods = [];
                            message.exposedMethods.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for StartReplicaRequest
             * @function getTypeUrl
             * @memberof troupe.v1.StartReplicaRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StartReplicaRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.StartReplicaRequest";
            };

            return StartReplicaRequest;
        })();

        v1.StopReplicaRequest = (function() {

            /**
             * Properties of a StopReplicaRequest.
             * @memberof troupe.v1
             * @interface IStopReplicaRequest
             * @property {string|null} [replicaTag] StopReplicaRequest replicaTag
             * @property {number|null} [graceSeconds] StopReplicaRequest graceSeconds
             */

            /**
             * Constructs a new StopReplicaRequest.
             * @memberof troupe.v1
             * @classdesc Represents a StopReplicaRequest.
             * @implements IStopReplicaRequest
             * @constructor
             * @param {troupe.v1.IStopReplicaRequest=} [properties] Properties to set
             */
            function StopReplicaRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StopReplicaRequest replicaTag.
             * @member {string} replicaTag
             * @memberof troupe.v1.StopReplicaRequest
             * @instance
             */
            StopReplicaRequest.prototype.replicaTag = "";

            /**
             * StopReplicaRequest graceSeconds.
             * @member {number} graceSeconds
             * @memberof troupe.v1.StopReplicaRequest
             * @instance
             */
            StopReplicaRequest.prototype.graceSeconds = 0;

            /**
             * Creates a new StopReplicaRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.StopReplicaRequest
             * @static
             * @param {troupe.v1.IStopReplicaRequest=} [properties] Properties to set
             * @returns {troupe.v1.StopReplicaRequest} StopReplicaRequest instance
             */
            StopReplicaRequest.create = function create(properties) {
                return new StopReplicaRequest(properties);
            };

            /**
             * Encodes the specified StopReplicaRequest message. Does not implicitly {@link troupe.v1.StopReplicaRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.StopReplicaRequest
             * @static
             * @param {troupe.v1.IStopReplicaRequest} message StopReplicaRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StopReplicaRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.replicaTag != null && Object.hasOwnProperty.call(message, "replicaTag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replicaTag);
                if (message.graceSeconds != null && Object.hasOwnProperty.call(message, "graceSeconds"))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.graceSeconds);
                return writer;
            };

            /**
             * Decodes a StopReplicaRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.StopReplicaRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.StopReplicaRequest} StopReplicaRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StopReplicaRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.StopReplicaRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.replicaTag = reader.string();
                            break;
                        }
                    case 2: {
                            message.graceSeconds = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for StopReplicaRequest
             * @function getTypeUrl
             * @memberof troupe.v1.StopReplicaRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StopReplicaRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.StopReplicaRequest";
            };

            return StopReplicaRequest;
        })();

        v1.ReconfigureReplicaRequest = (function() {

            /**
             * Properties of a ReconfigureReplicaRequest.
             * @memberof troupe.v1
             * @interface IReconfigureReplicaRequest
             * @property {string|null} [replicaTag] ReconfigureReplicaRequest replicaTag
             * @property {troupe.v1.IReplicaConfig|null} [config] ReconfigureReplicaRequest config
             */

            /**
             * Constructs a new ReconfigureReplicaRequest.
             * @memberof troupe.v1
             * @classdesc Represents a ReconfigureReplicaRequest.
             * @implements IReconfigureReplicaRequest
             * @constructor
             * @param {troupe.v1.IReconfigureReplicaRequest=} [properties] Properties to set
             */
            function ReconfigureReplicaRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ReconfigureReplicaRequest replicaTag.
             * @member {string} replicaTag
             * @memberof troupe.v1.ReconfigureReplicaRequest
             * @instance
             */
            ReconfigureReplicaRequest.prototype.replicaTag = "";

            /**
             * ReconfigureReplicaRequest config.
             * @member {troupe.v1.IReplicaConfig|null|undefined} config
             * @memberof troupe.v1.ReconfigureReplicaRequest
             * @instance
             */
            ReconfigureReplicaRequest.prototype.config = null;

            /**
             * Creates a new ReconfigureReplicaRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ReconfigureReplicaRequest
             * @static
             * @param {troupe.v1.IReconfigureReplicaRequest=} [properties] Properties to set
             * @returns {troupe.v1.ReconfigureReplicaRequest} ReconfigureReplicaRequest instance
             */
            ReconfigureReplicaRequest.create = function create(properties) {
                return new ReconfigureReplicaRequest(properties);
            };

            /**
             * Encodes the specified ReconfigureReplicaRequest message. Does not implicitly {@link troupe.v1.ReconfigureReplicaRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ReconfigureReplicaRequest
             * @static
             * @param {troupe.v1.IReconfigureReplicaRequest} message ReconfigureReplicaRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReconfigureReplicaRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.replicaTag != null && Object.hasOwnProperty.call(message, "replicaTag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replicaTag);
                if (message.config != null && Object.hasOwnProperty.call(message, "config"))
                    $root.troupe.v1.ReplicaConfig.encode(message.config, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ReconfigureReplicaRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ReconfigureReplicaRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ReconfigureReplicaRequest} ReconfigureReplicaRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReconfigureReplicaRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ReconfigureReplicaRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.replicaTag = reader.string();
                            break;
                        }
                    case 2: {
                            message.config = $root.troupe.v1.ReplicaConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ReconfigureReplicaRequest
             * @function getTypeUrl
             * @memberof troupe.v1.ReconfigureReplicaRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReconfigureReplicaRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ReconfigureReplicaRequest";
            };

            return ReconfigureReplicaRequest;
        })();

        v1.ReplicaList = (function() {

            /**
             * Properties of a ReplicaList.
             * @memberof troupe.v1
             * @interface IReplicaList
             * @property {Array.<troupe.v1.IReplicaStatus>|null} [replicas] ReplicaList replicas
             */

            /**
             * Constructs a new ReplicaList.
             * @memberof troupe.v1
             * @classdesc Represents a ReplicaList.
             * @implements IReplicaList
             * @constructor
             * @param {troupe.v1.IReplicaList=} [properties] Properties to set
             */
            function ReplicaList(properties) {
                this.replicas = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ReplicaList replicas.
             * @member {Array.<troupe.v1.IReplicaStatus>} replicas
             * @memberof troupe.v1.ReplicaList
             * @instance
             */
            ReplicaList.prototype.replicas = $util.emptyArray;

            /**
             * Creates a new ReplicaList instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ReplicaList
             * @static
             * @param {troupe.v1.IReplicaList=} [properties] Properties to set
             * @returns {troupe.v1.ReplicaList} ReplicaList instance
             */
            ReplicaList.create = function create(properties) {
                return new ReplicaList(properties);
            };

            /**
             * Encodes the specified ReplicaList message. Does not implicitly {@link troupe.v1.ReplicaList.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ReplicaList
             * @static
             * @param {troupe.v1.IReplicaList} message ReplicaList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReplicaList.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.replicas != null && message.replicas.length)
                    for (let i = 0; i < message.replicas.length; ++i)
                        $root.troupe.v1.ReplicaStatus.encode(message.replicas[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ReplicaList message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ReplicaList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ReplicaList} ReplicaList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReplicaList.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ReplicaList();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            message.replicas.push($root.troupe.v1.ReplicaStatus.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ReplicaList
             * @function getTypeUrl
             * @memberof troupe.v1.ReplicaList
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReplicaList.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ReplicaList";
            };

            return ReplicaList;
        })();

        v1.InspectBackendRequest = (function() {

            /**
             * Properties of an InspectBackendRequest.
             * @memberof troupe.v1
             * @interface IInspectBackendRequest
             * @property {string|null} [importPath] InspectBackendRequest importPath
             */

            /**
             * Constructs a new InspectBackendRequest.
             * @memberof troupe.v1
             * @classdesc Represents an InspectBackendRequest.
             * @implements IInspectBackendRequest
             * @constructor
             * @param {troupe.v1.IInspectBackendRequest=} [properties] Properties to set
             */
            function InspectBackendRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * InspectBackendRequest importPath.
             * @member {string} importPath
             * @memberof troupe.v1.InspectBackendRequest
             * @instance
             */
            InspectBackendRequest.prototype.importPath = "";

            /**
             * Creates a new InspectBackendRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.InspectBackendRequest
             * @static
             * @param {troupe.v1.IInspectBackendRequest=} [properties] Properties to set
             * @returns {troupe.v1.InspectBackendRequest} InspectBackendRequest instance
             */
            InspectBackendRequest.create = function create(properties) {
                return new InspectBackendRequest(properties);
            };

            /**
             * Encodes the specified InspectBackendRequest message. Does not implicitly {@link troupe.v1.InspectBackendRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.InspectBackendRequest
             * @static
             * @param {troupe.v1.IInspectBackendRequest} message InspectBackendRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InspectBackendRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.importPath != null && Object.hasOwnProperty.call(message, "importPath"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.importPath);
                return writer;
            };

            /**
             * Decodes an InspectBackendRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.InspectBackendRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.InspectBackendRequest} InspectBackendRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InspectBackendRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.InspectBackendRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.importPath = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for InspectBackendRequest
             * @function getTypeUrl
             * @memberof troupe.v1.InspectBackendRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            InspectBackendRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.InspectBackendRequest";
            };

            return InspectBackendRequest;
        })();

        v1.BackendShape = (function() {

            /**
             * Properties of a BackendShape.
             * @memberof troupe.v1
             * @interface IBackendShape
             * @property {boolean|null} [isClass] BackendShape isClass
             * @property {boolean|null} [hasReconfigure] BackendShape hasReconfigure
             * @property {boolean|null} [acceptBatch] BackendShape acceptBatch
             */

            /**
             * Constructs a new BackendShape.
             * @memberof troupe.v1
             * @classdesc Represents a BackendShape.
             * @implements IBackendShape
             * @constructor
             * @param {troupe.v1.IBackendShape=} [properties] Properties to set
             */
            function BackendShape(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackendShape isClass.
             * @member {boolean} isClass
             * @memberof troupe.v1.BackendShape
             * @instance
             */
            BackendShape.prototype.isClass = false;

            /**
             * BackendShape hasReconfigure.
             * @member {boolean} hasReconfigure
             * @memberof troupe.v1.BackendShape
             * @instance
             */
            BackendShape.prototype.hasReconfigure = false;

            /**
             * BackendShape acceptBatch.
             * @member {boolean} acceptBatch
             * @memberof troupe.v1.BackendShape
             * @instance
             */
            BackendShape.prototype.acceptBatch = false;

            /**
             * Creates a new BackendShape instance using the specified properties.
             * @function create
             * @memberof troupe.v1.BackendShape
             * @static
             * @param {troupe.v1.IBackendShape=} [properties] Properties to set
             * @returns {troupe.v1.BackendShape} BackendShape instance
             */
            BackendShape.create = function create(properties) {
                return new BackendShape(properties);
            };

            /**
             * Encodes the specified BackendShape message. Does not implicitly {@link troupe.v1.BackendShape.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.BackendShape
             * @static
             * @param {troupe.v1.IBackendShape} message BackendShape message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendShape.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.isClass != null && Object.hasOwnProperty.call(message, "isClass"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.isClass);
                if (message.hasReconfigure != null && Object.hasOwnProperty.call(message, "hasReconfigure"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.hasReconfigure);
                if (message.acceptBatch != null && Object.hasOwnProperty.call(message, "acceptBatch"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.acceptBatch);
                return writer;
            };

            /**
             * Decodes a BackendShape message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.BackendShape
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.BackendShape} BackendShape
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendShape.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.BackendShape();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.isClass = reader.bool();
                            break;
                        }
                    case 2: {
                            message.hasReconfigure = reader.bool();
                            break;
                        }
                    case 3: {
                            message.acceptBatch = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BackendShape
             * @function getTypeUrl
             * @memberof troupe.v1.BackendShape
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendShape.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.BackendShape";
            };

            return BackendShape;
        })();

        v1.WorkerControl = (function() {

            /**
             * Constructs a new WorkerControl service.
             * @memberof troupe.v1
             * @classdesc Represents a WorkerControl
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function WorkerControl(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (WorkerControl.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = WorkerControl;

            /**
             * Creates new WorkerControl service using the specified rpc implementation.
             * @function create
             * @memberof troupe.v1.WorkerControl
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {WorkerControl} RPC service. Useful where requests and/or responses are streamed.
             */
            WorkerControl.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link troupe.v1.WorkerControl#startReplica}.
             * @memberof troupe.v1.WorkerControl
             * @typedef StartReplicaCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ReplicaStatus} [response] ReplicaStatus
             */

            /**
             * Calls StartReplica.
             * @function startReplica
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IStartReplicaRequest} request StartReplicaRequest message or plain object
             * @param {troupe.v1.WorkerControl.StartReplicaCallback} callback Node-style callback called with the error, if any, and ReplicaStatus
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(WorkerControl.prototype.startReplica = function startReplica(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, startReplica, $root.troupe.v1.StartReplicaRequest, $root.troupe.v1.ReplicaStatus, request, callback);
            }, "name", { value: "StartReplica" });

            /**
             * Calls StartReplica.
             * @function startReplica
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IStartReplicaRequest} request StartReplicaRequest message or plain object
             * @returns {Promise<troupe.v1.ReplicaStatus>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.WorkerControl#stopReplica}.
             * @memberof troupe.v1.WorkerControl
             * @typedef StopReplicaCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.Empty} [response] Empty
             */

            /**
             * Calls StopReplica.
             * @function stopReplica
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IStopReplicaRequest} request StopReplicaRequest message or plain object
             * @param {troupe.v1.WorkerControl.StopReplicaCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(WorkerControl.prototype.stopReplica = function stopReplica(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, stopReplica, $root.troupe.v1.StopReplicaRequest, $root.troupe.v1.Empty, request, callback);
            }, "name", { value: "StopReplica" });

            /**
             * Calls StopReplica.
             * @function stopReplica
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IStopReplicaRequest} request StopReplicaRequest message or plain object
             * @returns {Promise<troupe.v1.Empty>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.WorkerControl#reconfigureReplica}.
             * @memberof troupe.v1.WorkerControl
             * @typedef ReconfigureReplicaCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ReplicaStatus} [response] ReplicaStatus
             */

            /**
             * Calls ReconfigureReplica.
             * @function reconfigureReplica
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IReconfigureReplicaRequest} request ReconfigureReplicaRequest message or plain object
             * @param {troupe.v1.WorkerControl.ReconfigureReplicaCallback} callback Node-style callback called with the error, if any, and ReplicaStatus
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(WorkerControl.prototype.reconfigureReplica = function reconfigureReplica(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, reconfigureReplica, $root.troupe.v1.ReconfigureReplicaRequest, $root.troupe.v1.ReplicaStatus, request, callback);
            }, "name", { value: "ReconfigureReplica" });

            /**
             * Calls ReconfigureReplica.
             * @function reconfigureReplica
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IReconfigureReplicaRequest} request ReconfigureReplicaRequest message or plain object
             * @returns {Promise<troupe.v1.ReplicaStatus>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.WorkerControl#listReplicas}.
             * @memberof troupe.v1.WorkerControl
             * @typedef ListReplicasCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ReplicaList} [response] ReplicaList
             */

            /**
             * Calls ListReplicas.
             * @function listReplicas
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @param {troupe.v1.WorkerControl.ListReplicasCallback} callback Node-style callback called with the error, if any, and ReplicaList
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(WorkerControl.prototype.listReplicas = function listReplicas(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listReplicas, $root.troupe.v1.Empty, $root.troupe.v1.ReplicaList, request, callback);
            }, "name", { value: "ListReplicas" });

            /**
             * Calls ListReplicas.
             * @function listReplicas
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IEmpty} request Empty message or plain object
             * @returns {Promise<troupe.v1.ReplicaList>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link troupe.v1.WorkerControl#inspectBackend}.
             * @memberof troupe.v1.WorkerControl
             * @typedef InspectBackendCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.BackendShape} [response] BackendShape
             */

            /**
             * Calls InspectBackend.
             * @function inspectBackend
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IInspectBackendRequest} request InspectBackendRequest message or plain object
             * @param {troupe.v1.WorkerControl.InspectBackendCallback} callback Node-style callback called with the error, if any, and BackendShape
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(WorkerControl.prototype.inspectBackend = function inspectBackend(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, inspectBackend, $root.troupe.v1.InspectBackendRequest, $root.troupe.v1.BackendShape, request, callback);
            }, "name", { value: "InspectBackend" });

            /**
             * Calls InspectBackend.
             * @function inspectBackend
             * @memberof troupe.v1.WorkerControl
             * @instance
             * @param {troupe.v1.IInspectBackendRequest} request InspectBackendRequest message or plain object
             * @returns {Promise<troupe.v1.BackendShape>} Promise
             * @variation 2
             */

            return WorkerControl;
        })();

        v1.HttpRequest = (function() {

            /**
             * Properties of a HttpRequest.
             * @memberof troupe.v1
             * @interface IHttpRequest
             * @property {string|null} [method] HttpRequest method
             * @property {string|null} [path] HttpRequest path
             * @property {Object.<string,string>|null} [query] HttpRequest query
             * @property {Object.<string,string>|null} [headers] HttpRequest headers
             * @property {Uint8Array|null} [body] HttpRequest body
             * @property {string|null} [pathParamsJson] HttpRequest pathParamsJson
             */

            /**
             * Constructs a new HttpRequest.
             * @memberof troupe.v1
             * @classdesc Represents a HttpRequest.
             * @implements IHttpRequest
             * @constructor
             * @param {troupe.v1.IHttpRequest=} [properties] Properties to set
             */
            function HttpRequest(properties) {
                this.query = {};
                this.headers = {};
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HttpRequest method.
             * @member {string} method
             * @memberof troupe.v1.HttpRequest
             * @instance
             */
            HttpRequest.prototype.method = "";

            /**
             * HttpRequest path.
             * @member {string} path
             * @memberof troupe.v1.HttpRequest
             * @instance
             */
            HttpRequest.prototype.path = "";

            /**
             * HttpRequest query.
             * @member {Object.<string,string>} query
             * @memberof troupe.v1.HttpRequest
             * @instance
             */
            HttpRequest.prototype.query = $util.emptyObject;

            /**
             * HttpRequest headers.
             * @member {Object.<string,string>} headers
             * @memberof troupe.v1.HttpRequest
             * @instance
             */
            HttpRequest.prototype.headers = $util.emptyObject;

            /**
             * HttpRequest body.
             * @member {Uint8Array} body
             * @memberof troupe.v1.HttpRequest
             * @instance
             */
            HttpRequest.prototype.body = $util.newBuffer([]);

            /**
             * HttpRequest pathParamsJson.
             * @member {string} pathParamsJson
             * @memberof troupe.v1.HttpRequest
             * @instance
             */
            HttpRequest.prototype.pathParamsJson = "";

            /**
             * Creates a new HttpRequest instance using the specified properties.
             * @function create
             * @memberof troupe.v1.HttpRequest
             * @static
             * @param {troupe.v1.IHttpRequest=} [properties] Properties to set
             * @returns {troupe.v1.HttpRequest} HttpRequest instance
             */
            HttpRequest.create = function create(properties) {
                return new HttpRequest(properties);
            };

            /**
             * Encodes the specified HttpRequest message. Does not implicitly {@link troupe.v1.HttpRequest.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.HttpRequest
             * @static
             * @param {troupe.v1.IHttpRequest} message HttpRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HttpRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.method != null && Object.hasOwnProperty.call(message, "method"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.method);
                if (message.path != null && Object.hasOwnProperty.call(message, "path"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.path);
                if (message.query != null && Object.hasOwnProperty.call(message, "query"))
                    for (let keys = Object.keys(message.query), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.query[keys[i]]).ldelim();
                if (message.headers != null && Object.hasOwnProperty.call(message, "headers"))
                    for (let keys = Object.keys(message.headers), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.headers[keys[i]]).ldelim();
                if (message.body != null && Object.hasOwnProperty.call(message, "body"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.body);
                if (message.pathParamsJson != null && Object.hasOwnProperty.call(message, "pathParamsJson"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.pathParamsJson);
                return writer;
            };

            /**
             * Decodes a HttpRequest message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.HttpRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.HttpRequest} HttpRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HttpRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.HttpRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.method = reader.string();
                            break;
                        }
                    case 2: {
                            message.path = reader.string();
                            break;
                        }
                    case 3: {
                            if (message.query === $util.emptyObject)
                                message.query = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.query, key);
                            message.query[key] = value;
                            break;
                        }
                    case 4: {
                            if (message.headers === $util.emptyObject)
                                message.headers = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.headers, key);
                            message.headers[key] = value;
                            break;
                        }
                    case 5: {
                            message.body = reader.bytes();
                            break;
                        }
                    case 6: {
                            message.pathParamsJson = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for HttpRequest
             * @function getTypeUrl
             * @memberof troupe.v1.HttpRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            HttpRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.HttpRequest";
            };

            return HttpRequest;
        })();

        v1.Call = (function() {

            /**
             * Properties of a Call.
             * @memberof troupe.v1
             * @interface ICall
             * @property {number|null} [id] Call id
             * @property {string|null} [replicaTag] Call replicaTag
             * @property {string|null} [methodName] Call methodName
             * @property {troupe.v1.IHttpRequest|null} [http] Call http
             * @property {Uint8Array|null} [data] Call data
             * @property {boolean|null} [hasData] Call hasData
             * @property {boolean|null} [valueReply] Call valueReply
             */

            /**
             * Constructs a new Call.
             * @memberof troupe.v1
             * @classdesc Represents a Call.
             * @implements ICall
             * @constructor
             * @param {troupe.v1.ICall=} [properties] Properties to set
             */
            function Call(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Call id.
             * @member {number} id
             * @memberof troupe.v1.Call
             * @instance
             */
            Call.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Call replicaTag.
             * @member {string} replicaTag
             * @memberof troupe.v1.Call
             * @instance
             */
            Call.prototype.replicaTag = "";

            /**
             * Call methodName.
             * @member {string} methodName
             * @memberof troupe.v1.Call
             * @instance
             */
            Call.prototype.methodName = "";

            /**
             * Call http.
             * @member {troupe.v1.IHttpRequest|null|undefined} http
             * @memberof troupe.v1.Call
             * @instance
             */
            Call.prototype.http = null;

            /**
             * Call data.
             * @member {Uint8Array} data
             * @memberof troupe.v1.Call
             * @instance
             */
            Call.prototype.data = $util.newBuffer([]);

            /**
             * Call hasData.
             * @member {boolean} hasData
             * @memberof troupe.v1.Call
             * @instance
             */
            Call.prototype.hasData = false;

            /**
             * Call valueReply.
             * @member {boolean} valueReply
             * @memberof troupe.v1.Call
             * @instance
             */
            Call.prototype.valueReply = false;

            /**
             * Creates a new Call instance using the specified properties.
             * @function create
             * @memberof troupe.v1.Call
             * @static
             * @param {troupe.v1.ICall=} [properties] Properties to set
             * @returns {troupe.v1.Call} Call instance
             */
            Call.create = function create(properties) {
                return new Call(properties);
            };

            /**
             * Encodes the specified Call message. Does not implicitly {@link troupe.v1.Call.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.Call
             * @static
             * @param {troupe.v1.ICall} message Call message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Call.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                if (message.replicaTag != null && Object.hasOwnProperty.call(message, "replicaTag"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.replicaTag);
                if (message.methodName != null && Object.hasOwnProperty.call(message, "methodName"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.methodName);
                if (message.http != null && Object.hasOwnProperty.call(message, "http"))
                    $root.troupe.v1.HttpRequest.encode(message.http, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.data);
                if (message.hasData != null && Object.hasOwnProperty.call(message, "hasData"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.hasData);
                if (message.valueReply != null && Object.hasOwnProperty.call(message, "valueReply"))
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.valueReply);
                return writer;
            };

            /**
             * Decodes a Call message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.Call
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.Call} Call
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Call.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.Call();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.replicaTag = reader.string();
                            break;
                        }
                    case 3: {
                            message.methodName = reader.string();
                            break;
                        }
                    case 4: {
                            message.http = $root.troupe.v1.HttpRequest.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 5: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 6: {
                            message.hasData = reader.bool();
                            break;
                        }
                    case 7: {
                            message.valueReply = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Call
             * @function getTypeUrl
             * @memberof troupe.v1.Call
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Call.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.Call";
            };

            return Call;
        })();

        v1.Header = (function() {

            /**
             * Properties of a Header.
             * @memberof troupe.v1
             * @interface IHeader
             * @property {string|null} [name] Header name
             * @property {string|null} [value] Header value
             */

            /**
             * Constructs a new Header.
             * @memberof troupe.v1
             * @classdesc Represents a Header.
             * @implements IHeader
             * @constructor
             * @param {troupe.v1.IHeader=} [properties] Properties to set
             */
            function Header(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Header name.
             * @member {string} name
             * @memberof troupe.v1.Header
             * @instance
             */
            Header.prototype.name = "";

            /**
             * Header value.
             * @member {string} value
             * @memberof troupe.v1.Header
             * @instance
             */
            Header.prototype.value = "";

            /**
             * Creates a new Header instance using the specified properties.
             * @function create
             * @memberof troupe.v1.Header
             * @static
             * @param {troupe.v1.IHeader=} [properties] Properties to set
             * @returns {troupe.v1.Header} Header instance
             */
            Header.create = function create(properties) {
                return new Header(properties);
            };

            /**
             * Encodes the specified Header message. Does not implicitly {@link troupe.v1.Header.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.Header
             * @static
             * @param {troupe.v1.IHeader} message Header message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Header.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.value);
                return writer;
            };

            /**
             * Decodes a Header message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.Header
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.Header} Header
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Header.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.Header();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.value = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Header
             * @function getTypeUrl
             * @memberof troupe.v1.Header
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Header.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.Header";
            };

            return Header;
        })();

        /**
         * ReplyKind enum.
         * @name troupe.v1.ReplyKind
         * @enum {number}
         * @property {number} REPLY_KIND_UNSPECIFIED=0 REPLY_KIND_UNSPECIFIED value
         * @property {number} REPLY_KIND_VALUE=1 REPLY_KIND_VALUE value
         * @property {number} REPLY_KIND_HTTP=2 REPLY_KIND_HTTP value
         */
        v1.ReplyKind = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "REPLY_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "REPLY_KIND_VALUE"] = 1;
            values[valuesById[2] = "REPLY_KIND_HTTP"] = 2;
            return values;
        })();

        v1.Reply = (function() {

            /**
             * Properties of a Reply.
             * @memberof troupe.v1
             * @interface IReply
             * @property {number|null} [id] Reply id
             * @property {troupe.v1.IErrorInfo|null} [error] Reply error
             * @property {troupe.v1.ReplyKind|null} [kind] Reply kind
             * @property {Uint8Array|null} [value] Reply value
             * @property {number|null} [status] Reply status
             * @property {Array.<troupe.v1.IHeader>|null} [headers] Reply headers
             * @property {Uint8Array|null} [body] Reply body
             */

            /**
             * Constructs a new Reply.
             * @memberof troupe.v1
             * @classdesc Represents a Reply.
             * @implements IReply
             * @constructor
             * @param {troupe.v1.IReply=} [properties] Properties to set
             */
            function Reply(properties) {
                this.headers = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Reply id.
             * @member {number} id
             * @memberof troupe.v1.Reply
             * @instance
             */
            Reply.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Reply error.
             * @member {troupe.v1.IErrorInfo|null|undefined} error
             * @memberof troupe.v1.Reply
             * @instance
             */
            Reply.prototype.error = null;

            /**
             * Reply kind.
             * @member {troupe.v1.ReplyKind} kind
             * @memberof troupe.v1.Reply
             * @instance
             */
            Reply.prototype.kind = 0;

            /**
             * Reply value.
             * @member {Uint8Array} value
             * @memberof troupe.v1.Reply
             * @instance
             */
            Reply.prototype.value = $util.newBuffer([]);

            /**
             * Reply status.
             * @member {number} status
             * @memberof troupe.v1.Reply
             * @instance
             */
            Reply.prototype.status = 0;

            /**
             * Reply headers.
             * @member {Array.<troupe.v1.IHeader>} headers
             * @memberof troupe.v1.Reply
             * @instance
             */
            Reply.prototype.headers = $util.emptyArray;

            /**
             * Reply body.
             * @member {Uint8Array} body
             * @memberof troupe.v1.Reply
             * @instance
             */
            Reply.prototype.body = $util.newBuffer([]);

            /**
             * Creates a new Reply instance using the specified properties.
             * @function create
             * @memberof troupe.v1.Reply
             * @static
             * @param {troupe.v1.IReply=} [properties] Properties to set
             * @returns {troupe.v1.Reply} Reply instance
             */
            Reply.create = function create(properties) {
                return new Reply(properties);
            };

            /**
             * Encodes the specified Reply message. Does not implicitly {@link troupe.v1.Reply.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.Reply
             * @static
             * @param {troupe.v1.IReply} message Reply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reply.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.troupe.v1.ErrorInfo.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.kind);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.value);
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.status);
                if (message.headers != null && message.headers.length)
                    for (let i = 0; i < message.headers.length; ++i)
                        $root.troupe.v1.Header.encode(message.headers[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (message.body != null && Object.hasOwnProperty.call(message, "body"))
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.body);
                return writer;
            };

            /**
             * Decodes a Reply message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.Reply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.Reply} Reply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reply.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.Reply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.error = $root.troupe.v1.ErrorInfo.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.kind = reader.int32();
                            break;
                        }
                    case 4: {
                            message.value = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.status = reader.uint32();
                            break;
                        }
                    case 6: {
                            if (!(message.headers && message.headers.length))
                                message.headers = [];
                            message.headers.push($root.troupe.v1.Header.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 7: {
                            message.body = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Reply
             * @function getTypeUrl
             * @memberof troupe.v1.Reply
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Reply.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.Reply";
            };

            return Reply;
        })();

        v1.CallCancel = (function() {

            /**
             * Properties of a CallCancel.
             * @memberof troupe.v1
             * @interface ICallCancel
             * @property {number|null} [id] CallCancel id
             * @property {string|null} [replicaTag] CallCancel replicaTag
             */

            /**
             * Constructs a new CallCancel.
             * @memberof troupe.v1
             * @classdesc Represents a CallCancel.
             * @implements ICallCancel
             * @constructor
             * @param {troupe.v1.ICallCancel=} [properties] Properties to set
             */
            function CallCancel(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CallCancel id.
             * @member {number} id
             * @memberof troupe.v1.CallCancel
             * @instance
             */
            CallCancel.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CallCancel replicaTag.
             * @member {string} replicaTag
             * @memberof troupe.v1.CallCancel
             * @instance
             */
            CallCancel.prototype.replicaTag = "";

            /**
             * Creates a new CallCancel instance using the specified properties.
             * @function create
             * @memberof troupe.v1.CallCancel
             * @static
             * @param {troupe.v1.ICallCancel=} [properties] Properties to set
             * @returns {troupe.v1.CallCancel} CallCancel instance
             */
            CallCancel.create = function create(properties) {
                return new CallCancel(properties);
            };

            /**
             * Encodes the specified CallCancel message. Does not implicitly {@link troupe.v1.CallCancel.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.CallCancel
             * @static
             * @param {troupe.v1.ICallCancel} message CallCancel message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CallCancel.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                if (message.replicaTag != null && Object.hasOwnProperty.call(message, "replicaTag"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.replicaTag);
                return writer;
            };

            /**
             * Decodes a CallCancel message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.CallCancel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.CallCancel} CallCancel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CallCancel.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.CallCancel();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.replicaTag = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for CallCancel
             * @function getTypeUrl
             * @memberof troupe.v1.CallCancel
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CallCancel.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.CallCancel";
            };

            return CallCancel;
        })();

        v1.CallFrame = (function() {

            /**
             * Properties of a CallFrame.
             * @memberof troupe.v1
             * @interface ICallFrame
             * @property {Array.<troupe.v1.ICall>|null} [calls] CallFrame calls
             * @property {Array.<troupe.v1.ICallCancel>|null} [cancels] CallFrame cancels
             */

            /**
             * Constructs a new CallFrame.
             * @memberof troupe.v1
             * @classdesc Represents a CallFrame.
             * @implements ICallFrame
             * @constructor
             * @param {troupe.v1.ICallFrame=} [properties] Properties to set
             */
            function CallFrame(properties) {
                this.calls = [];
                this.cancels = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CallFrame calls.
             * @member {Array.<troupe.v1.ICall>} calls
             * @memberof troupe.v1.CallFrame
             * @instance
             */
            CallFrame.prototype.calls = $util.emptyArray;

            /**
             * CallFrame cancels.
             * @member {Array.<troupe.v1.ICallCancel>} cancels
             * @memberof troupe.v1.CallFrame
             * @instance
             */
            CallFrame.prototype.cancels = $util.emptyArray;

            /**
             * Creates a new CallFrame instance using the specified properties.
             * @function create
             * @memberof troupe.v1.CallFrame
             * @static
             * @param {troupe.v1.ICallFrame=} [properties] Properties to set
             * @returns {troupe.v1.CallFrame} CallFrame instance
             */
            CallFrame.create = function create(properties) {
                return new CallFrame(properties);
            };

            /**
             * Encodes the specified CallFrame message. Does not implicitly {@link troupe.v1.CallFrame.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.CallFrame
             * @static
             * @param {troupe.v1.ICallFrame} message CallFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CallFrame.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.calls != null && message.calls.length)
                    for (let i = 0; i < message.calls.length; ++i)
                        $root.troupe.v1.Call.encode(message.calls[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.cancels != null && message.cancels.length)
                    for (let i = 0; i < message.cancels.length; ++i)
                        $root.troupe.v1.CallCancel.encode(message.cancels[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a CallFrame message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.CallFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.CallFrame} CallFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CallFrame.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.CallFrame();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.calls && message.calls.length))
                                message.calls = [];
                            message.calls.push($root.troupe.v1.Call.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 2: {
                            if (!(message.cancels && message.cancels.length))
                                message.cancels = [];
                            message.cancels.push($root.troupe.v1.CallCancel.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for CallFrame
             * @function getTypeUrl
             * @memberof troupe.v1.CallFrame
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CallFrame.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.CallFrame";
            };

            return CallFrame;
        })();

        v1.ReplyFrame = (function() {

            /**
             * Properties of a ReplyFrame.
             * @memberof troupe.v1
             * @interface IReplyFrame
             * @property {Array.<troupe.v1.IReply>|null} [replies] ReplyFrame replies
             */

            /**
             * Constructs a new ReplyFrame.
             * @memberof troupe.v1
             * @classdesc Represents a ReplyFrame.
             * @implements IReplyFrame
             * @constructor
             * @param {troupe.v1.IReplyFrame=} [properties] Properties to set
             */
            function ReplyFrame(properties) {
                this.replies = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ReplyFrame replies.
             * @member {Array.<troupe.v1.IReply>} replies
             * @memberof troupe.v1.ReplyFrame
             * @instance
             */
            ReplyFrame.prototype.replies = $util.emptyArray;

            /**
             * Creates a new ReplyFrame instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ReplyFrame
             * @static
             * @param {troupe.v1.IReplyFrame=} [properties] Properties to set
             * @returns {troupe.v1.ReplyFrame} ReplyFrame instance
             */
            ReplyFrame.create = function create(properties) {
                return new ReplyFrame(properties);
            };

            /**
             * Encodes the specified ReplyFrame message. Does not implicitly {@link troupe.v1.ReplyFrame.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ReplyFrame
             * @static
             * @param {troupe.v1.IReplyFrame} message ReplyFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReplyFrame.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.replies != null && message.replies.length)
                    for (let i = 0; i < message.replies.length; ++i)
                        $root.troupe.v1.Reply.encode(message.replies[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ReplyFrame message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ReplyFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ReplyFrame} ReplyFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReplyFrame.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ReplyFrame();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.replies && message.replies.length))
                                message.replies = [];
                            message.replies.push($root.troupe.v1.Reply.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ReplyFrame
             * @function getTypeUrl
             * @memberof troupe.v1.ReplyFrame
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReplyFrame.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ReplyFrame";
            };

            return ReplyFrame;
        })();

        v1.Data = (function() {

            /**
             * Constructs a new Data service.
             * @memberof troupe.v1
             * @classdesc Represents a Data
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function Data(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (Data.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Data;

            /**
             * Creates new Data service using the specified rpc implementation.
             * @function create
             * @memberof troupe.v1.Data
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {Data} RPC service. Useful where requests and/or responses are streamed.
             */
            Data.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link troupe.v1.Data#stream}.
             * @memberof troupe.v1.Data
             * @typedef StreamCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {troupe.v1.ReplyFrame} [response] ReplyFrame
             */

            /**
             * Calls Stream.
             * @function stream
             * @memberof troupe.v1.Data
             * @instance
             * @param {troupe.v1.ICallFrame} request CallFrame message or plain object
             * @param {troupe.v1.Data.StreamCallback} callback Node-style callback called with the error, if any, and ReplyFrame
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Data.prototype.stream = function stream(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, stream, $root.troupe.v1.CallFrame, $root.troupe.v1.ReplyFrame, request, callback);
            }, "name", { value: "Stream" });

            /**
             * Calls Stream.
             * @function stream
             * @memberof troupe.v1.Data
             * @instance
             * @param {troupe.v1.ICallFrame} request CallFrame message or plain object
             * @returns {Promise<troupe.v1.ReplyFrame>} Promise
             * @variation 2
             */

            return Data;
        })();

        v1.ReplicaEndpoint = (function() {

            /**
             * Properties of a ReplicaEndpoint.
             * @memberof troupe.v1
             * @interface IReplicaEndpoint
             * @property {string|null} [replicaTag] ReplicaEndpoint replicaTag
             * @property {string|null} [workerId] ReplicaEndpoint workerId
             * @property {string|null} [dataAddress] ReplicaEndpoint dataAddress
             * @property {string|null} [nodeId] ReplicaEndpoint nodeId
             */

            /**
             * Constructs a new ReplicaEndpoint.
             * @memberof troupe.v1
             * @classdesc Represents a ReplicaEndpoint.
             * @implements IReplicaEndpoint
             * @constructor
             * @param {troupe.v1.IReplicaEndpoint=} [properties] Properties to set
             */
            function ReplicaEndpoint(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ReplicaEndpoint replicaTag.
             * @member {string} replicaTag
             * @memberof troupe.v1.ReplicaEndpoint
             * @instance
             */
            ReplicaEndpoint.prototype.replicaTag = "";

            /**
             * ReplicaEndpoint workerId.
             * @member {string} workerId
             * @memberof troupe.v1.ReplicaEndpoint
             * @instance
             */
            ReplicaEndpoint.prototype.workerId = "";

            /**
             * ReplicaEndpoint dataAddress.
             * @member {string} dataAddress
             * @memberof troupe.v1.ReplicaEndpoint
             * @instance
             */
            ReplicaEndpoint.prototype.dataAddress = "";

            /**
             * ReplicaEndpoint nodeId.
             * @member {string} nodeId
             * @memberof troupe.v1.ReplicaEndpoint
             * @instance
             */
            ReplicaEndpoint.prototype.nodeId = "";

            /**
             * Creates a new ReplicaEndpoint instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ReplicaEndpoint
             * @static
             * @param {troupe.v1.IReplicaEndpoint=} [properties] Properties to set
             * @returns {troupe.v1.ReplicaEndpoint} ReplicaEndpoint instance
             */
            ReplicaEndpoint.create = function create(properties) {
                return new ReplicaEndpoint(properties);
            };

            /**
             * Encodes the specified ReplicaEndpoint message. Does not implicitly {@link troupe.v1.ReplicaEndpoint.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ReplicaEndpoint
             * @static
             * @param {troupe.v1.IReplicaEndpoint} message ReplicaEndpoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReplicaEndpoint.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.replicaTag != null && Object.hasOwnProperty.call(message, "replicaTag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.replicaTag);
                if (message.workerId != null && Object.hasOwnProperty.call(message, "workerId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.workerId);
                if (message.dataAddress != null && Object.hasOwnProperty.call(message, "dataAddress"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.dataAddress);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.nodeId);
                return writer;
            };

            /**
             * Decodes a ReplicaEndpoint message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ReplicaEndpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ReplicaEndpoint} ReplicaEndpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReplicaEndpoint.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ReplicaEndpoint();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.replicaTag = reader.string();
                            break;
                        }
                    case 2: {
                            message.workerId = reader.string();
                            break;
                        }
                    case 3: {
                            message.dataAddress = reader.string();
                            break;
                        }
                    case 4: {
                            message.nodeId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ReplicaEndpoint
             * @function getTypeUrl
             * @memberof troupe.v1.ReplicaEndpoint
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReplicaEndpoint.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ReplicaEndpoint";
            };

            return ReplicaEndpoint;
        })();

        v1.BackendRoute = (function() {

            /**
             * Properties of a BackendRoute.
             * @memberof troupe.v1
             * @interface IBackendRoute
             * @property {string|null} [tag] BackendRoute tag
             * @property {number|null} [maxConcurrentQueries] BackendRoute maxConcurrentQueries
             * @property {Array.<troupe.v1.IReplicaEndpoint>|null} [replicas] BackendRoute replicas
             * @property {number|null} [numReplicas] BackendRoute numReplicas
             * @property {number|null} [maxQueuedRequests] BackendRoute maxQueuedRequests
             */

            /**
             * Constructs a new BackendRoute.
             * @memberof troupe.v1
             * @classdesc Represents a BackendRoute.
             * @implements IBackendRoute
             * @constructor
             * @param {troupe.v1.IBackendRoute=} [properties] Properties to set
             */
            function BackendRoute(properties) {
                this.replicas = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackendRoute tag.
             * @member {string} tag
             * @memberof troupe.v1.BackendRoute
             * @instance
             */
            BackendRoute.prototype.tag = "";

            /**
             * BackendRoute maxConcurrentQueries.
             * @member {number} maxConcurrentQueries
             * @memberof troupe.v1.BackendRoute
             * @instance
             */
            BackendRoute.prototype.maxConcurrentQueries = 0;

            /**
             * BackendRoute replicas.
             * @member {Array.<troupe.v1.IReplicaEndpoint>} replicas
             * @memberof troupe.v1.BackendRoute
             * @instance
             */
            BackendRoute.prototype.replicas = $util.emptyArray;

            /**
             * BackendRoute numReplicas.
             * @member {number} numReplicas
             * @memberof troupe.v1.BackendRoute
             * @instance
             */
            BackendRoute.prototype.numReplicas = 0;

            /**
             * BackendRoute maxQueuedRequests.
             * @member {number|null|undefined} maxQueuedRequests
             * @memberof troupe.v1.BackendRoute
             * @instance
             */
            BackendRoute.prototype.maxQueuedRequests = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            Object.defineProperty(BackendRoute.prototype, "_maxQueuedRequests", {
                get: $util.oneOfGetter($oneOfFields = ["maxQueuedRequests"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new BackendRoute instance using the specified properties.
             * @function create
             * @memberof troupe.v1.BackendRoute
             * @static
             * @param {troupe.v1.IBackendRoute=} [properties] Properties to set
             * @returns {troupe.v1.BackendRoute} BackendRoute instance
             */
            BackendRoute.create = function create(properties) {
                return new BackendRoute(properties);
            };

            /**
             * Encodes the specified BackendRoute message. Does not implicitly {@link troupe.v1.BackendRoute.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.BackendRoute
             * @static
             * @param {troupe.v1.IBackendRoute} message BackendRoute message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackendRoute.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.tag != null && Object.hasOwnProperty.call(message, "tag"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tag);
                if (message.maxConcurrentQueries != null && Object.hasOwnProperty.call(message, "maxConcurrentQueries"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.maxConcurrentQueries);
                if (message.replicas != null && message.replicas.length)
                    for (let i = 0; i < message.replicas.length; ++i)
                        $root.troupe.v1.ReplicaEndpoint.encode(message.replicas[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.numReplicas != null && Object.hasOwnProperty.call(message, "numReplicas"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.numReplicas);
                if (message.maxQueuedRequests != null && Object.hasOwnProperty.call(message, "maxQueuedRequests"))
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.maxQueuedRequests);
                return writer;
            };

            /**
             * Decodes a BackendRoute message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.BackendRoute
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.BackendRoute} BackendRoute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackendRoute.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.BackendRoute();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.tag = reader.string();
                            break;
                        }
                    case 2: {
                            message.maxConcurrentQueries = reader.uint32();
                            break;
                        }
                    case 3: {
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            message.replicas.push($root.troupe.v1.ReplicaEndpoint.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 4: {
                            message.numReplicas = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.maxQueuedRequests = reader.int32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BackendRoute
             * @function getTypeUrl
             * @memberof troupe.v1.BackendRoute
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BackendRoute.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.BackendRoute";
            };

            return BackendRoute;
        })();

        v1.Snapshot = (function() {

            /**
             * Properties of a Snapshot.
             * @memberof troupe.v1
             * @interface ISnapshot
             * @property {number|null} [version] Snapshot version
             * @property {string|null} [headId] Snapshot headId
             * @property {Array.<troupe.v1.IEndpointSpec>|null} [endpoints] Snapshot endpoints
             * @property {Array.<troupe.v1.IBackendRoute>|null} [backends] Snapshot backends
             * @property {number|null} [publishedAtMs] Snapshot publishedAtMs
             * @property {string|null} [httpLocation] Snapshot httpLocation
             */

            /**
             * Constructs a new Snapshot.
             * @memberof troupe.v1
             * @classdesc Represents a Snapshot.
             * @implements ISnapshot
             * @constructor
             * @param {troupe.v1.ISnapshot=} [properties] Properties to set
             */
            function Snapshot(properties) {
                this.endpoints = [];
                this.backends = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Snapshot version.
             * @member {number} version
             * @memberof troupe.v1.Snapshot
             * @instance
             */
            Snapshot.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Snapshot headId.
             * @member {string} headId
             * @memberof troupe.v1.Snapshot
             * @instance
             */
            Snapshot.prototype.headId = "";

            /**
             * Snapshot endpoints.
             * @member {Array.<troupe.v1.IEndpointSpec>} endpoints
             * @memberof troupe.v1.Snapshot
             * @instance
             */
            Snapshot.prototype.endpoints = $util.emptyArray;

            /**
             * Snapshot backends.
             * @member {Array.<troupe.v1.IBackendRoute>} backends
             * @memberof troupe.v1.Snapshot
             * @instance
             */
            Snapshot.prototype.backends = $util.emptyArray;

            /**
             * Snapshot publishedAtMs.
             * @member {number} publishedAtMs
             * @memberof troupe.v1.Snapshot
             * @instance
             */
            Snapshot.prototype.publishedAtMs = 0;

            /**
             * Snapshot httpLocation.
             * @member {string} httpLocation
             * @memberof troupe.v1.Snapshot
             * @instance
             */
            Snapshot.prototype.httpLocation = "";

            /**
             * Creates a new Snapshot instance using the specified properties.
             * @function create
             * @memberof troupe.v1.Snapshot
             * @static
             * @param {troupe.v1.ISnapshot=} [properties] Properties to set
             * @returns {troupe.v1.Snapshot} Snapshot instance
             */
            Snapshot.create = function create(properties) {
                return new Snapshot(properties);
            };

            /**
             * Encodes the specified Snapshot message. Does not implicitly {@link troupe.v1.Snapshot.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.Snapshot
             * @static
             * @param {troupe.v1.ISnapshot} message Snapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Snapshot.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                if (message.headId != null && Object.hasOwnProperty.call(message, "headId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.headId);
                if (message.endpoints != null && message.endpoints.length)
                    for (let i = 0; i < message.endpoints.length; ++i)
                        $root.troupe.v1.EndpointSpec.encode(message.endpoints[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.backends != null && message.backends.length)
                    for (let i = 0; i < message.backends.length; ++i)
                        $root.troupe.v1.BackendRoute.encode(message.backends[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.publishedAtMs != null && Object.hasOwnProperty.call(message, "publishedAtMs"))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.publishedAtMs);
                if (message.httpLocation != null && Object.hasOwnProperty.call(message, "httpLocation"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.httpLocation);
                return writer;
            };

            /**
             * Decodes a Snapshot message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.Snapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.Snapshot} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Snapshot.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.Snapshot();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.headId = reader.string();
                            break;
                        }
                    case 3: {
                            if (!(message.endpoints && message.endpoints.length))
                                message.endpoints = [];
                            message.endpoints.push($root.troupe.v1.EndpointSpec.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 4: {
                            if (!(message.backends && message.backends.length))
                                message.backends = [];
                            message.backends.push($root.troupe.v1.BackendRoute.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            message.publishedAtMs = reader.double();
                            break;
                        }
                    case 6: {
                            message.httpLocation = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Snapshot
             * @function getTypeUrl
             * @memberof troupe.v1.Snapshot
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Snapshot.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.Snapshot";
            };

            return Snapshot;
        })();

        v1.ProxyHeartbeat = (function() {

            /**
             * Properties of a ProxyHeartbeat.
             * @memberof troupe.v1
             * @interface IProxyHeartbeat
             * @property {string|null} [proxyId] ProxyHeartbeat proxyId
             * @property {string|null} [nodeId] ProxyHeartbeat nodeId
             * @property {string|null} [httpAddress] ProxyHeartbeat httpAddress
             * @property {number|null} [version] ProxyHeartbeat version
             * @property {boolean|null} [draining] ProxyHeartbeat draining
             */

            /**
             * Constructs a new ProxyHeartbeat.
             * @memberof troupe.v1
             * @classdesc Represents a ProxyHeartbeat.
             * @implements IProxyHeartbeat
             * @constructor
             * @param {troupe.v1.IProxyHeartbeat=} [properties] Properties to set
             */
            function ProxyHeartbeat(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ProxyHeartbeat proxyId.
             * @member {string} proxyId
             * @memberof troupe.v1.ProxyHeartbeat
             * @instance
             */
            ProxyHeartbeat.prototype.proxyId = "";

            /**
             * ProxyHeartbeat nodeId.
             * @member {string} nodeId
             * @memberof troupe.v1.ProxyHeartbeat
             * @instance
             */
            ProxyHeartbeat.prototype.nodeId = "";

            /**
             * ProxyHeartbeat httpAddress.
             * @member {string} httpAddress
             * @memberof troupe.v1.ProxyHeartbeat
             * @instance
             */
            ProxyHeartbeat.prototype.httpAddress = "";

            /**
             * ProxyHeartbeat version.
             * @member {number} version
             * @memberof troupe.v1.ProxyHeartbeat
             * @instance
             */
            ProxyHeartbeat.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ProxyHeartbeat draining.
             * @member {boolean} draining
             * @memberof troupe.v1.ProxyHeartbeat
             * @instance
             */
            ProxyHeartbeat.prototype.draining = false;

            /**
             * Creates a new ProxyHeartbeat instance using the specified properties.
             * @function create
             * @memberof troupe.v1.ProxyHeartbeat
             * @static
             * @param {troupe.v1.IProxyHeartbeat=} [properties] Properties to set
             * @returns {troupe.v1.ProxyHeartbeat} ProxyHeartbeat instance
             */
            ProxyHeartbeat.create = function create(properties) {
                return new ProxyHeartbeat(properties);
            };

            /**
             * Encodes the specified ProxyHeartbeat message. Does not implicitly {@link troupe.v1.ProxyHeartbeat.verify|verify} messages.
             * @function encode
             * @memberof troupe.v1.ProxyHeartbeat
             * @static
             * @param {troupe.v1.IProxyHeartbeat} message ProxyHeartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProxyHeartbeat.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.proxyId != null && Object.hasOwnProperty.call(message, "proxyId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.proxyId);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nodeId);
                if (message.httpAddress != null && Object.hasOwnProperty.call(message, "httpAddress"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.httpAddress);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.version);
                if (message.draining != null && Object.hasOwnProperty.call(message, "draining"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.draining);
                return writer;
            };

            /**
             * Decodes a ProxyHeartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof troupe.v1.ProxyHeartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {troupe.v1.ProxyHeartbeat} ProxyHeartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProxyHeartbeat.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.troupe.v1.ProxyHeartbeat();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.proxyId = reader.string();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.httpAddress = reader.string();
                            break;
                        }
                    case 4: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.draining = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for ProxyHeartbeat
             * @function getTypeUrl
             * @memberof troupe.v1.ProxyHeartbeat
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ProxyHeartbeat.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/troupe.v1.ProxyHeartbeat";
            };

            return ProxyHeartbeat;
        })();

        return v1;
    })();

    return troupe;
})();

export { $root as default };
