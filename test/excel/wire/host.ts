/**
 * A RichApi host for Microsoft's Excel client library: it receives each request exactly as the
 * client serializes it (`{AutoKeepReference, Actions, ObjectPaths}`), interprets the actions in
 * order over the in-memory workbook (./model.ts), and answers as Excel does:
 * `{Results: [{ActionId, Value}], Error?: {Code, Message, Location, ActionIndex, HttpStatusCode}}`,
 * query values keyed by PascalCase wire names, collections as `{_Items: [...]}`, `null` for null
 * objects, `{_ReferenceId}` for objects kept across requests.
 *
 * What it enforces, as Excel does:
 * - the API level: a member above the workbook's ExcelApi level is ApiNotFound at sync (the client
 *   itself does not check);
 * - Excel on the web: 5 MB on the exact serialized request and response;
 * - a range read over 5 million cells answers `null` values;
 * - cell-edit mode: every request refused with InvalidOperationInCellEditMode, nothing applied;
 * - protected sheets: AccessDenied on writes;
 * - a failing action stops the request; the actions before it stay applied;
 * - the cleanup request (`_RemoveReference`) the client sends at the end of `Excel.run`.
 */
import { versionLE, type FakeWorkbook } from '../fake-excel';
import { HostError, MEMBER_LEVEL, objectModel, type Node, type TypeDef } from './model';

/** Excel on the web's cap on a request and on a response, in bytes. */
export const WEB_LIMIT = 5_000_000;

export interface RequestRecord {
  /** Actions in the request. */
  ops: number;
  requestBytes: number;
  responseBytes: number;
  /** The client's end-of-run request releasing kept references (not a sync the gateway asked for). */
  cleanup: boolean;
  /** The error code Excel answered, if any. */
  error?: string;
  /** For a refused response: the size it would have had. */
  refusedBytes?: number;
}

interface ObjectPath {
  Id: number;
  ObjectPathType: number;
  Name?: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

/** Arguments; an object argument travels as its object path id, listed in ReferencedObjectPathIds. */
interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

interface Action {
  Id: number;
  ActionType: number;
  Name?: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Skip?: number; Top?: number };
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPath>;
}

interface ResponseBody {
  Results?: { ActionId: number; Value: unknown }[];
  TraceIds?: unknown[];
  Error?: { Code: string; Message: string; Location: string; ActionIndex?: number; HttpStatusCode: number };
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v));

export class WireHost {
  private readonly T: Record<string, TypeDef>;
  private readonly refs = new Map<string, Node>();
  private nextRef = 1;

  constructor(private readonly wb: FakeWorkbook) {
    this.T = objectModel(wb);
  }

  private type(o: Node): TypeDef {
    const t = this.T[o.t];
    if (!t) throw new HostError('GeneralException', `No type ${o.t}`, 500);
    return t;
  }

  private gate(type: string, member: string): void {
    const v = MEMBER_LEVEL[`${type}.${member}`];
    if (v && !versionLE(v, this.wb.level))
      throw new HostError('ApiNotFound', `${type}.${member} needs ExcelApi ${v}.`, 404);
  }

  private args(
    info: ArgumentInfo | undefined,
    paths: Record<string, ObjectPath>,
    cache: Map<number, Node | null>,
  ): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds;
    if (!refs) return args;
    return args.map((v, i) =>
      typeof refs[i] === 'number' && refs[i] !== 0 ? this.path(refs[i] as number, paths, cache) : v,
    );
  }

  /** Evaluates object path `id` once per request. */
  private path(id: number, paths: Record<string, ObjectPath>, cache: Map<number, Node | null>): Node | null {
    if (cache.has(id)) return cache.get(id) as Node | null;
    const p = paths[id];
    if (!p) throw new HostError('InvalidRequest', `Unknown object path ${id}`);
    const args = this.args(p.ArgumentInfo, paths, cache);
    let v: Node | null;
    switch (p.ObjectPathType) {
      case 1: // global object
        v = { t: 'Workbook' };
        break;
      case 6: // reference kept from an earlier request
        if (!this.refs.has(String(p.Name)))
          throw new HostError(
            'InvalidObjectPath',
            `The object path '${p.Name}' isn't working for what you're trying to do.`,
          );
        v = this.refs.get(String(p.Name)) as Node;
        break;
      case 7: // null object
        v = null;
        break;
      default: {
        const parent = this.path(p.ParentObjectPathId as number, paths, cache);
        if (parent === null) {
          v = null;
          break;
        }
        const t = this.type(parent);
        const name = String(p.Name);
        if (p.ObjectPathType === 4) {
          this.gate(parent.t, name);
          const f = t.nav?.[name];
          if (!f) throw new HostError('ApiNotFound', `${parent.t}.${name}`, 404);
          v = f(parent);
        } else if (p.ObjectPathType === 3) {
          this.gate(parent.t, name);
          if (name === 'GetItemAt' && t.items) {
            v = t.items(parent)[Number(args[0])] ?? null;
            if (!v) throw new HostError('ItemNotFound', "The requested resource doesn't exist.", 404);
          } else {
            const f = t.methods?.[name];
            if (!f) throw new HostError('ApiNotFound', `${parent.t}.${name}`, 404);
            v = f(parent, args) as Node | null;
          }
        } else if (p.ObjectPathType === 5) {
          if (!t.indexer) throw new HostError('ApiNotFound', `${parent.t}[]`, 404);
          v = t.indexer(parent, args[0]);
        } else throw new HostError('InvalidRequest', `Object path type ${p.ObjectPathType}`);
      }
    }
    cache.set(id, v);
    return v;
  }

  /** Loads `Select` (camelCase names, `nav/prop` allowed) as PascalCase JSON. */
  private query(o: Node | null, q: Action['QueryInfo']): unknown {
    if (o === null) return null;
    const t = this.type(o);
    if (t.items) {
      let items = t.items(o);
      if (q?.Skip) items = items.slice(q.Skip);
      if (q?.Top !== undefined && q.Top >= 0) items = items.slice(0, q.Top);
      return { _Items: items.map((i) => this.query(i, q)) };
    }
    const select =
      q?.Select ??
      Object.keys(t.props ?? {})
        .filter((k) => t.props?.[k].get)
        .map((k) => k.charAt(0).toLowerCase() + k.slice(1));
    const out: Record<string, unknown> = {};
    for (const name of select) {
      const slash = name.indexOf('/');
      const head = pascal(slash < 0 ? name : name.slice(0, slash));
      this.gate(o.t, head);
      if (slash >= 0) {
        const nav = t.nav?.[head];
        if (!nav) throw new HostError('ApiNotFound', `${o.t}.${head}`, 404);
        const sub = this.query(nav(o), { Select: [name.slice(slash + 1)] }) as Record<string, unknown>;
        out[head] = { ...((out[head] as object) ?? {}), ...sub };
        continue;
      }
      const prop = t.props?.[head];
      if (!prop?.get) throw new HostError('InvalidArgument', `${o.t}.${head} cannot be loaded.`);
      out[head] = prop.get(o);
    }
    if (t.id) out.Id = t.id(o);
    return out;
  }

  private instantiated(o: Node | null): unknown {
    if (o === null) return null;
    if (o.ref) return { _ReferenceId: o.ref };
    const t = this.type(o);
    return t.id ? { Id: t.id(o) } : {};
  }

  /** One request → its response body; records sizes and refusals on the workbook. */
  execute(body: RequestBody): ResponseBody {
    const rec: RequestRecord = {
      ops: body.Actions.length,
      requestBytes: bytes(body),
      responseBytes: 0,
      cleanup:
        body.Actions.length > 0 &&
        body.Actions.every((a) => a.ActionType !== 3 || a.Name === '_RemoveReference') &&
        body.Actions.some((a) => a.Name === '_RemoveReference'),
    };
    const index = this.wb.requests.length;
    this.wb.requests.push(rec);
    this.wb.beforeRequest?.(index);
    const refuse = (code: string, message: string, http: number, location = ''): ResponseBody => {
      rec.error = code;
      const res = { Error: { Code: code, Message: message, Location: location, HttpStatusCode: http } };
      rec.responseBytes = bytes(res);
      return res;
    };
    if (rec.requestBytes > this.wb.payloadLimit)
      return refuse('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.', 413);
    if (this.wb.cellEdit && !rec.cleanup)
      return refuse('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 400);
    const cache = new Map<number, Node | null>();
    const Results: { ActionId: number; Value: unknown }[] = [];
    const TraceIds: unknown[] = [];
    for (let i = 0; i < body.Actions.length; i++) {
      const a = body.Actions[i];
      try {
        this.act(a, body.ObjectPaths, cache, Results, TraceIds);
      } catch (e) {
        if (!(e instanceof HostError)) throw e;
        rec.error = e.code;
        const res: ResponseBody = {
          Results,
          TraceIds,
          Error: { Code: e.code, Message: e.message, Location: a.Name ?? '', ActionIndex: i, HttpStatusCode: e.http },
        };
        rec.responseBytes = bytes(res);
        return res;
      }
    }
    const res: ResponseBody = { Results, TraceIds };
    rec.responseBytes = bytes(res);
    // The response is built, so the request's writes are applied; only the answer is refused.
    if (rec.responseBytes > this.wb.payloadLimit) {
      rec.refusedBytes = rec.responseBytes;
      return refuse('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.', 413);
    }
    return res;
  }

  private act(
    a: Action,
    paths: Record<string, ObjectPath>,
    cache: Map<number, Node | null>,
    Results: { ActionId: number; Value: unknown }[],
    TraceIds: unknown[],
  ): void {
    const args = this.args(a.ArgumentInfo, paths, cache);
    switch (a.ActionType) {
      case 1: // Instantiate
        Results.push({ ActionId: a.Id, Value: this.instantiated(this.path(a.ObjectPathId, paths, cache)) });
        return;
      case 2: // Query
        Results.push({ ActionId: a.Id, Value: this.query(this.path(a.ObjectPathId, paths, cache), a.QueryInfo) });
        return;
      case 3: {
        // Method
        const o = this.path(a.ObjectPathId, paths, cache);
        if (a.Name === '_KeepReference') {
          if (o && !o.ref) {
            o.ref = `ref${this.nextRef++}`;
            this.refs.set(o.ref, o);
          }
          return;
        }
        if (a.Name === '_RemoveReference') {
          this.refs.delete(String(args[0]));
          return;
        }
        if (o === null) throw new HostError('InvalidOperation', 'The operation is not valid on a null object.');
        const name = String(a.Name);
        this.gate(o.t, name);
        const f = this.type(o).methods?.[name];
        if (!f) throw new HostError('ApiNotFound', `${o.t}.${name}`, 404);
        const v = f(o, args);
        Results.push({ ActionId: a.Id, Value: v === undefined ? null : v });
        return;
      }
      case 4: {
        // SetProperty
        const o = this.path(a.ObjectPathId, paths, cache);
        if (o === null) throw new HostError('InvalidOperation', 'The operation is not valid on a null object.');
        const name = String(a.Name);
        this.gate(o.t, name);
        const prop = this.type(o).props?.[name];
        if (!prop?.set) throw new HostError('InvalidArgument', `${o.t}.${name} is read-only or unknown.`);
        prop.set(o, args[0]);
        return;
      }
      case 5: // Trace
        TraceIds.push(a.Id);
        return;
      default:
        throw new HostError('InvalidRequest', `Action type ${a.ActionType}`);
    }
  }

  /** What `Excel.run` takes as its first argument to send its requests here. */
  session(): unknown {
    const executor = {
      executeAsync: (_customData: unknown, _flags: unknown, msg: { Body: RequestBody }) =>
        Promise.resolve({
          ErrorCode: null,
          ErrorMessage: null,
          HttpStatusCode: 200,
          Headers: {},
          Body: this.execute(msg.Body),
        }),
    };
    return {
      _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'wire-host://workbook', headers: {} }),
      _createRequestExecutorOrNull: () => executor,
    };
  }
}
