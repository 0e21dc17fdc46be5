// A small reader of the vendored Google Ads protos (test/specs/google-ads): messages and their
// field names (nested messages and oneofs included), enums and their values, and each RPC's
// `google.api.http` binding. Enough to check REST requests and answers; not a full proto parser.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ProtoMessage {
  fields: Map<string, string>; // snake_case name → type
}
export interface ProtoRpc {
  request: string;
  response: string;
  http: Record<string, string>; // post: "/v25/…", body: "*"
}
export interface ProtoFile {
  package: string;
  messages: Map<string, ProtoMessage>; // "Campaign", "Campaign.NetworkSettings"
  enums: Map<string, string[]>; // "CampaignStatusEnum.CampaignStatus"
  rpcs: Map<string, ProtoRpc>; // "CampaignService.MutateCampaigns"
}

export const SPEC_DIR = resolve(import.meta.dirname, '..', 'specs', 'google-ads');

export function readProto(file: string): ProtoFile {
  const text = readFileSync(resolve(SPEC_DIR, file), 'utf8').replace(/^\s*\/\/.*$/gm, ''); // whole-line comments (strings hold "https://…")
  // a long type may go on on the next line: `…CampaignPrimaryStatusReasonEnum\n      .CampaignPrimaryStatusReason`
  const tokens = text.replace(/\s*\n\s*\./g, '.').match(/"(?:[^"\\]|\\.)*"|[A-Za-z_][\w.]*|\d+|[{}()[\];=<>,:]/g) ?? [];
  const out: ProtoFile = { package: '', messages: new Map(), enums: new Map(), rpcs: new Map() };
  let i = 0;
  const next = () => tokens[i++]!;
  const skipTo = (stop: string) => {
    let depth = 0;
    while (i < tokens.length) {
      const t = next();
      if (t === '{' || t === '[' || t === '(') depth++;
      else if (t === '}' || t === ']' || t === ')') depth--;
      else if (t === stop && depth === 0) return;
    }
  };
  const block = (scope: string, into: ProtoMessage | null): void => {
    while (i < tokens.length) {
      const t = next();
      if (t === '}') return;
      if (t === 'message') {
        const name = `${scope}${next()}`;
        next(); // {
        const message: ProtoMessage = { fields: new Map() };
        out.messages.set(name, message);
        block(`${name}.`, message);
      } else if (t === 'enum') {
        const name = `${scope}${next()}`;
        next();
        const values: string[] = [];
        while (i < tokens.length && tokens[i] !== '}') {
          const v = next();
          if (v === 'option') skipTo(';');
          else {
            values.push(v);
            skipTo(';');
          }
        }
        next();
        out.enums.set(name, values);
      } else if (t === 'oneof') {
        next();
        next();
        block(scope, into); // a oneof's fields are the message's own
      } else if (t === 'service') {
        const service = next();
        next();
        service_(service);
      } else if (t === 'package') {
        out.package = next();
        next();
      } else if (t === 'syntax' || t === 'import' || t === 'option' || t === 'reserved') {
        skipTo(';');
      } else if (into) {
        // [optional|repeated] Type name = N [options];
        const type = t === 'optional' || t === 'repeated' ? next() : t;
        const name = next();
        into.fields.set(name, type);
        skipTo(';');
      }
    }
  };
  const service_ = (service: string): void => {
    while (i < tokens.length && tokens[i] !== '}') {
      const t = next();
      if (t === 'option') {
        skipTo(';');
        continue;
      }
      if (t !== 'rpc') continue;
      const name = next();
      next();
      const request = next();
      next();
      next(); // returns
      next();
      let response = next();
      if (response === 'stream') response = next();
      next();
      const http: Record<string, string> = {};
      if (next() === '{') {
        while (i < tokens.length && tokens[i] !== '}') {
          const o = next();
          if (o === 'option' && tokens[i] === '(' && tokens[i + 1] === 'google.api.http') {
            i += 5; // ( google.api.http ) = {
            while (i < tokens.length && tokens[i] !== '}') {
              const key = next();
              next(); // :
              http[key] = JSON.parse(next()) as string;
            }
            next();
            skipTo(';');
          } else if (o === 'option') skipTo(';');
        }
        next();
      }
      out.rpcs.set(`${service}.${name}`, { request: request.split('.').at(-1)!, response: response.split('.').at(-1)!, http });
    }
    next();
  };
  block('', null);
  return out;
}

/** REST JSON names are the lowerCamelCase of the proto's snake_case names. */
export const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A binding path as a RegExp: `/v25/customers/{customer_id=*}/campaigns:mutate`. */
export const bindingPattern = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, (c) => (c === '*' ? c : `\\${c}`)).replace(/\{[a-z_]+=\*\}/g, '[^/]+')}$`);
