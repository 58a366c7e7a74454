/** Handshake and server-information commands, plus sessions and the transaction commands it refuses. */
import { hostname } from 'node:os';
import { ErrorCode, MongoCommandError, notSupported } from '../errors.js';
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE } from '../wire.js';
import type { CommandArgs } from './args.js';
import type { CommandContext, CommandDefinition } from './context.js';

/** Wire version of MongoDB 7.0: inside what driver 7 supports (9-29) and what the server implements. */
const MAX_WIRE_VERSION = 21;
const SERVER_VERSION = '7.0.0';

/**
 * The reply to hello/isMaster: a writable standalone. Compression is not offered, and no
 * topologyVersion is sent, so drivers poll instead of using streaming monitoring.
 */
function helloReply(args: CommandArgs, context: CommandContext, legacy: boolean) {
  if (args.boolean('loadBalanced')) throw notSupported('load-balanced mode');
  return {
    ...(args.doc.helloOk !== undefined ? { helloOk: true } : {}),
    [legacy ? 'ismaster' : 'isWritablePrimary']: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
  };
}

const hello = (legacy: boolean): CommandDefinition => ({
  options: [],
  lenient: true,
  run: (args, context) => helloReply(args, context, legacy),
});

const PARAMETERS: Record<string, unknown> = {
  featureCompatibilityVersion: { version: '7.0' },
  authenticationMechanisms: [],
  maxBSONDepth: 100,
};

const refuseTransactions: CommandDefinition = {
  options: ['autocommit', 'recoveryToken'],
  run: () => {
    throw new MongoCommandError(
      ErrorCode.IllegalOperation,
      'Transaction numbers are only allowed on a replica set member or mongos (the embedded MongoDB server is a standalone without transactions)',
    );
  },
};

const refuseAuthentication: CommandDefinition = {
  options: ['mechanism', 'payload', 'autoAuthorize', 'options', 'conversationId', 'user', 'db'],
  run: () => {
    throw notSupported('authentication');
  },
};

export const serverInfoCommands: Record<string, CommandDefinition> = {
  hello: hello(false),
  isMaster: hello(true),
  ismaster: hello(true),
  ping: { options: [], run: () => ({}) },
  buildInfo: { options: [], run: buildInfo },
  buildinfo: { options: [], run: buildInfo },
  getParameter: {
    options: Object.keys(PARAMETERS),
    adminOnly: true,
    run: (args) => {
      const wanted =
        args.target === '*'
          ? Object.keys(PARAMETERS)
          : Object.keys(args.doc).filter((key) => key in PARAMETERS);
      if (wanted.length === 0)
        throw new MongoCommandError(ErrorCode.InvalidOptions, 'no option found to get');
      return Object.fromEntries(wanted.map((key) => [key, PARAMETERS[key]]));
    },
  },
  hostInfo: {
    options: [],
    run: () => ({
      system: { currentTime: new Date(), hostname: hostname(), cpuAddrSize: 64, cpuArch: process.arch },
      os: { type: process.platform, name: process.platform, version: '' },
      extra: {},
    }),
  },
  endSessions: { options: [], run: () => ({}) },
  refreshSessions: { options: [], run: () => ({}) },
  abortTransaction: refuseTransactions,
  commitTransaction: refuseTransactions,
  saslStart: refuseAuthentication,
  saslContinue: refuseAuthentication,
  authenticate: refuseAuthentication,
};

function buildInfo() {
  return {
    version: SERVER_VERSION,
    gitVersion: 'stempel-embedded',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['embedded-memory'],
    javascriptEngine: 'none',
    modules: [],
    embedded: true,
  };
}
