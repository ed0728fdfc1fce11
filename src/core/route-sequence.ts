// The order a courier should work their open stops in (Req 11.11): from where they are, every parcel picked up
// before it is delivered, pickups inside their windows where possible, the day finished as early as possible.
//
// A pickup-and-delivery problem with time windows for one vehicle. Pure and deterministic: the same problem gives
// the same sequence. Several constructions (nearest-by-ready-time, cheapest pair insertion by window, seeded
// randomized nearest), each improved by local search — pair relocation (a parcel's pickup and delivery moved
// together), Or-opt (segments of 1–3 stops moved), 2-opt (a segment reversed) and exchange — then an iterated
// local search with seeded perturbations inside a work budget. Travel times come as a matrix, so road times from a
// routing service and straight-line estimates are the same problem.

/** One stop to sequence; indices into the travel matrix are 1..n in the order given (0 is the courier). */
export type SequenceStop = {
  /** Seconds from the start at which the stop can be served at the earliest (a pickup window's start). */
  readyS?: number;
  /** Seconds from the start by which the stop should be served (a pickup window's end). Late costs more. */
  dueS?: number;
  /** Seconds spent at the stop. */
  serviceS: number;
  /** Index (0-based, into `stops`) of the stop that must come first — a delivery's pickup. */
  after?: number;
};

export type SequenceProblem = {
  stops: readonly SequenceStop[];
  /** Travel seconds, (n + 1) × (n + 1), row-major; index 0 is the courier's position, i + 1 is stops[i]. */
  travelS: Float64Array | readonly number[];
};

export type SequenceOptions = {
  /** Seeds the randomized constructions and perturbations (deterministic). */
  seed?: number;
  /**
   * Work allowed for the iterated local search after the constructions, in move evaluations (each costs at most
   * one pass over the route): a budget in work rather than wall time keeps the answer the same on any machine.
   */
  budget?: number;
};

export type SequenceResult = {
  /** Indices into `stops`, in the order to work them. */
  order: number[];
  /** Seconds from the start until the last stop is done. */
  finishS: number;
  /** Seconds served after due, summed over the stops. */
  lateS: number;
  /** finishS + LATE_WEIGHT × lateS: what the search minimizes. */
  cost: number;
  /** Move evaluations spent (constructions and local search). */
  evaluations: number;
};

/** A second late at a pickup weighs as much as ten seconds longer on the road. */
export const LATE_WEIGHT = 10;

type Compiled = {
  n: number;
  size: number;
  travel: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  /** pred[i]: the node (1..n) that must precede node i, or 0. */
  pred: Int32Array;
  /** succ[i]: the node that node i must precede, or 0. */
  succ: Int32Array;
  /** near[a * size + b] = 1 when b is among a's closest nodes (either way): the links moves are allowed to make. */
  near: Uint8Array;
};

/** How many closest nodes each node may be linked to by a move (granular neighbourhoods, Toth & Vigo 2003). */
const NEIGHBOURS = 10;

function compile(problem: SequenceProblem): Compiled {
  const n = problem.stops.length;
  const size = n + 1;
  if (problem.travelS.length !== size * size) {
    throw new RangeError(`travelS must have ${size * size} entries for ${n} stops, got ${problem.travelS.length}`);
  }
  const travel = Float64Array.from(problem.travelS);
  const ready = new Float64Array(size);
  const due = new Float64Array(size).fill(Infinity);
  const service = new Float64Array(size);
  const pred = new Int32Array(size);
  const succ = new Int32Array(size);
  problem.stops.forEach((stop, i) => {
    const node = i + 1;
    ready[node] = stop.readyS ?? 0;
    due[node] = stop.dueS ?? Infinity;
    service[node] = stop.serviceS;
    if (stop.after !== undefined) {
      if (!Number.isInteger(stop.after) || stop.after < 0 || stop.after >= n || stop.after === i) {
        throw new RangeError(`stops[${i}].after must name another stop, got ${stop.after}`);
      }
      const before = stop.after + 1;
      if (succ[before] !== 0) throw new RangeError(`stops[${stop.after}] is named as 'after' by two stops`);
      pred[node] = before;
      succ[before] = node;
    }
  });
  return { n, size, travel, ready, due, service, pred, succ, near: closestNodes(travel, size) };
}

function closestNodes(travel: Float64Array, size: number): Uint8Array {
  const near = new Uint8Array(size * size);
  const others: number[] = [];
  const k = Math.min(NEIGHBOURS, size - 1);
  for (let a = 0; a < size; a++) {
    others.length = 0;
    for (let b = 0; b < size; b++) if (b !== a) others.push(b);
    const gap = (b: number) => Math.min(travel[a * size + b]!, travel[b * size + a]!);
    others.sort((x, y) => gap(x) - gap(y) || x - y);
    for (let r = 0; r < k; r++) {
      const b = others[r]!;
      near[a * size + b] = 1;
      near[b * size + a] = 1;
    }
  }
  return near;
}

/** Finish time and lateness of `route` (nodes 1..n), or Infinity when a stop comes before the one it must follow. */
function evaluate(c: Compiled, route: Int32Array, seen: Int32Array, stamp: number): { finish: number; late: number } {
  let t = 0;
  let at = 0;
  let late = 0;
  for (let k = 0; k < route.length; k++) {
    const node = route[k]!;
    const p = c.pred[node]!;
    if (p !== 0 && seen[p] !== stamp) return { finish: Infinity, late: Infinity };
    seen[node] = stamp;
    t += c.travel[at * c.size + node]!;
    if (t < c.ready[node]!) t = c.ready[node]!;
    if (t > c.due[node]!) late += t - c.due[node]!;
    t += c.service[node]!;
    at = node;
  }
  return { finish: t, late };
}

/**
 * Local search over one current route with its schedule kept per position, so a move is costed by simulating
 * only from the first position it changes — and stopping early once the schedule meets the old one again (a
 * wait absorbed the change) or the cost so far already exceeds the route's.
 */
class Search {
  private readonly seen: Int32Array;
  private stamp = 0;
  /** A candidate route being costed. */
  private readonly work: Int32Array;
  /** The current route, and per position: departure time, lateness so far; per node: its position. */
  private route: Int32Array;
  private readonly depart: Float64Array;
  private readonly lateSum: Float64Array;
  private readonly pos: Int32Array;
  private current = Infinity;
  evaluations = 0;

  constructor(private readonly c: Compiled) {
    this.seen = new Int32Array(c.size);
    this.work = new Int32Array(c.n);
    this.route = new Int32Array(c.n);
    this.depart = new Float64Array(c.n);
    this.lateSum = new Float64Array(c.n);
    this.pos = new Int32Array(c.size);
  }

  result(route: Int32Array): SequenceResult {
    this.stamp++;
    const { finish, late } = evaluate(this.c, route, this.seen, this.stamp);
    return {
      order: Array.from(route, (node) => node - 1),
      finishS: finish,
      lateS: late,
      cost: finish + LATE_WEIGHT * late,
      evaluations: this.evaluations,
    };
  }

  /** Makes `route` the current one, with its schedule. */
  private adopt(route: Int32Array): number {
    const c = this.c;
    this.route.set(route);
    let t = 0;
    let at = 0;
    let late = 0;
    for (let k = 0; k < c.n; k++) {
      const node = route[k]!;
      this.pos[node] = k;
      t += c.travel[at * c.size + node]!;
      if (t < c.ready[node]!) t = c.ready[node]!;
      if (t > c.due[node]!) late += t - c.due[node]!;
      t += c.service[node]!;
      this.depart[k] = t;
      this.lateSum[k] = late;
      at = node;
    }
    this.current = t + LATE_WEIGHT * late;
    return this.current;
  }

  /**
   * The cost of `work`, which equals the current route before position `from` and from position `until` on;
   * Infinity when it breaks a precedence or cannot beat the current cost.
   */
  private costOfWork(from: number, until: number): number {
    this.evaluations++;
    const c = this.c;
    const n = c.n;
    const work = this.work;
    const stamp = ++this.stamp;
    let t = from > 0 ? this.depart[from - 1]! : 0;
    let late = from > 0 ? this.lateSum[from - 1]! : 0;
    let at = from > 0 ? work[from - 1]! : 0;
    for (let k = from; k < n; k++) {
      const node = work[k]!;
      if (k < until) {
        const p = c.pred[node]!;
        if (p !== 0 && this.seen[p] !== stamp && this.pos[p]! >= from) return Infinity;
        this.seen[node] = stamp;
      }
      t += c.travel[at * c.size + node]!;
      if (t < c.ready[node]!) t = c.ready[node]!;
      if (t > c.due[node]!) late += t - c.due[node]!;
      t += c.service[node]!;
      if (t + LATE_WEIGHT * late >= this.current - 1e-9) return Infinity;
      if (k >= until && t === this.depart[k]) {
        // Back on the old schedule: the rest is as before.
        return this.depart[n - 1]! + LATE_WEIGHT * (late + this.lateSum[n - 1]! - this.lateSum[k]!);
      }
      at = node;
    }
    return t + LATE_WEIGHT * late;
  }

  /** Greedy: from where the courier is, the allowed stop that can be served soonest (ties: sooner due). */
  nearest(pick: (count: number) => number): Int32Array {
    const c = this.c;
    const route = new Int32Array(c.n);
    const done = new Uint8Array(c.size);
    let at = 0;
    let t = 0;
    const ranked: { node: number; score: number }[] = [];
    for (let k = 0; k < c.n; k++) {
      ranked.length = 0;
      for (let node = 1; node <= c.n; node++) {
        if (done[node] || (c.pred[node] !== 0 && !done[c.pred[node]!])) continue;
        const arrive = Math.max(t + c.travel[at * c.size + node]!, c.ready[node]!);
        const lateness = Math.max(0, arrive - c.due[node]!);
        // Urgent pickups first: a stop about to be late outranks a nearer one.
        const slack = c.due[node]! - arrive;
        const score = arrive - t + LATE_WEIGHT * lateness - (slack < 1800 ? 1800 - slack : 0);
        ranked.push({ node, score });
      }
      ranked.sort((a, b) => a.score - b.score || a.node - b.node);
      const chosen = ranked[pick(ranked.length)]!.node;
      route[k] = chosen;
      done[chosen] = 1;
      t = Math.max(t + c.travel[at * c.size + chosen]!, c.ready[chosen]!) + c.service[chosen]!;
      at = chosen;
    }
    return route;
  }

  /** Pairs (or lone stops) inserted one by one, earliest window first, each where it costs least. */
  insertion(): Int32Array {
    const c = this.c;
    const units: number[] = [];
    for (let node = 1; node <= c.n; node++) if (c.pred[node] === 0) units.push(node);
    units.sort((a, b) => c.ready[a]! - c.ready[b]! || c.due[a]! - c.due[b]! || a - b);
    let route: Int32Array = new Int32Array(0);
    for (const first of units) route = this.cheapestInsertion(route, first, c.succ[first]!);
    return route;
  }

  /** `route` with `first` (and `second` after it, unless 0) put where the route costs least. */
  cheapestInsertion(route: Int32Array, first: number, second: number): Int32Array {
    const c = this.c;
    let best: Int32Array | null = null;
    let bestCost = Infinity;
    const len = route.length;
    for (let i = 0; i <= len; i++) {
      for (let j = i; j <= (second === 0 ? i : len); j++) {
        const candidate = second === 0 ? spliceIn(route, i, first) : spliceInPair(route, i, first, j, second);
        this.stamp++;
        this.evaluations++;
        const { finish, late } = evaluate(c, candidate, this.seen, this.stamp);
        const cost = finish + LATE_WEIGHT * late;
        if (cost < bestCost || best === null) [best, bestCost] = [candidate, cost];
      }
    }
    return best ?? route;
  }

  /** Local search to a local optimum: Or-opt, 2-opt, exchange, pair relocation; first improvement. */
  improve(start: Int32Array): { route: Int32Array; cost: number } {
    this.adopt(start);
    for (let improved = true; improved;) {
      const moved = [this.orOpt(), this.twoOpt(), this.exchange(), this.relocatePairs()];
      improved = moved.includes(true);
    }
    return { route: this.route.slice(), cost: this.current };
  }

  private accept(): true {
    this.adopt(this.work);
    return true;
  }

  /** Whether a move may link a and b (0 is the courier's start; -1, past the end, links to anything). */
  private linkable(a: number, b: number): boolean {
    return a < 0 || b < 0 || this.c.near[a * this.c.size + b] === 1;
  }

  /** Node at position k of the current route; 0 before the start, -1 past the end. */
  private at(k: number): number {
    return k < 0 ? 0 : k >= this.c.n ? -1 : this.route[k]!;
  }

  private orOpt(): boolean {
    let improved = false;
    const n = this.c.n;
    const work = this.work;
    work.set(this.route);
    for (let length = 1; length <= 3; length++) {
      for (let i = 0; i + length <= n; i++) {
        for (let j = 0; j <= n - length; j++) {
          if (j === i) continue;
          const route = this.route;
          // route[i, i + length) moved to start at position j; only positions between change. Only moves that
          // put the segment beside a close node are tried.
          const before = j < i ? this.at(j - 1) : this.at(j + length - 1);
          const after = j < i ? this.at(j) : this.at(j + length);
          if (!this.linkable(before, route[i]!) && !this.linkable(route[i + length - 1]!, after)) continue;
          if (j < i) {
            for (let k = 0; k < length; k++) work[j + k] = route[i + k]!;
            for (let k = j; k < i; k++) work[k + length] = route[k]!;
          } else {
            for (let k = i; k < j; k++) work[k] = route[k + length]!;
            for (let k = 0; k < length; k++) work[j + k] = route[i + k]!;
          }
          const from = Math.min(i, j);
          const until = Math.max(i, j) + length;
          if (this.costOfWork(from, until) < this.current - 1e-9) improved = this.accept();
          else for (let k = from; k < until; k++) work[k] = route[k]!;
        }
      }
    }
    return improved;
  }

  private twoOpt(): boolean {
    let improved = false;
    const n = this.c.n;
    const work = this.work;
    work.set(this.route);
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        const route = this.route;
        if (!this.linkable(this.at(i - 1), route[j]!) && !this.linkable(route[i]!, this.at(j + 1))) continue;
        for (let k = i; k <= j; k++) work[k] = route[i + j - k]!;
        if (this.costOfWork(i, j + 1) < this.current - 1e-9) improved = this.accept();
        else for (let k = i; k <= j; k++) work[k] = route[k]!;
      }
    }
    return improved;
  }

  private exchange(): boolean {
    let improved = false;
    const n = this.c.n;
    const work = this.work;
    work.set(this.route);
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 2; j < n; j++) {
        const route = this.route;
        const a = route[i]!;
        const b = route[j]!;
        if (
          !this.linkable(this.at(i - 1), b) &&
          !this.linkable(b, this.at(i + 1)) &&
          !this.linkable(this.at(j - 1), a) &&
          !this.linkable(a, this.at(j + 1))
        ) {
          continue;
        }
        work[i] = b;
        work[j] = a;
        if (this.costOfWork(i, j + 1) < this.current - 1e-9) improved = this.accept();
        else [work[i], work[j]] = [a, b];
      }
    }
    return improved;
  }

  /** A parcel's pickup and delivery moved together: each put beside a close node, or the two side by side. */
  private relocatePairs(): boolean {
    let improved = false;
    const c = this.c;
    const n = c.n;
    const work = this.work;
    if (n < 2) return false;
    const rest = new Int32Array(n - 2);
    const restAt = (k: number) => (k < 0 ? 0 : k >= n - 2 ? -1 : rest[k]!);
    pairs: for (let pickup = 1; pickup <= c.n; pickup++) {
      const delivery = c.succ[pickup]!;
      if (delivery === 0) continue;
      const p0 = this.pos[pickup]!;
      const d0 = this.pos[delivery]!;
      let r = 0;
      for (let k = 0; k < n; k++) if (k !== p0 && k !== d0) rest[r++] = this.route[k]!;
      for (let i = 0; i <= n - 2; i++) {
        // The pickup goes before rest[i].
        const pickupLinked = this.linkable(restAt(i - 1), pickup) || this.linkable(pickup, restAt(i));
        for (let j = i; j <= n - 2; j++) {
          if (i === p0 && j + 1 === d0) continue;
          // The delivery goes before rest[j]: right after the pickup when j = i.
          const deliveryLinked =
            j === i
              ? this.linkable(delivery, restAt(i))
              : this.linkable(restAt(j - 1), delivery) || this.linkable(delivery, restAt(j));
          if (!(j === i ? pickupLinked || deliveryLinked : pickupLinked && deliveryLinked)) continue;
          work.set(rest.subarray(0, i), 0);
          work[i] = pickup;
          work.set(rest.subarray(i, j), i + 1);
          work[j + 1] = delivery;
          work.set(rest.subarray(j), j + 2);
          if (this.costOfWork(Math.min(i, p0), Math.max(j + 1, d0) + 1) < this.current - 1e-9) {
            improved = this.accept();
            continue pairs;
          }
        }
      }
    }
    return improved;
  }

  /** A seeded kick: a few pairs or stops taken out and put back at random allowed places. */
  perturb(route: Int32Array, random: () => number): Int32Array {
    const c = this.c;
    let next: Int32Array = route.slice();
    const kicks = Math.max(2, Math.round(c.n * 0.1));
    for (let k = 0; k < kicks; k++) {
      const node = next[Math.floor(random() * next.length)]!;
      const first = c.pred[node] !== 0 ? c.pred[node]! : node;
      const second = c.succ[first]!;
      const rest = next.filter((x) => x !== first && x !== second);
      const i = Math.floor(random() * (rest.length + 1));
      if (second === 0) {
        next = spliceIn(rest, i, first);
      } else {
        const j = i + Math.floor(random() * (rest.length - i + 1));
        next = spliceInPair(rest, i, first, j, second);
      }
    }
    return next;
  }
}

function spliceIn(route: Int32Array, at: number, node: number): Int32Array {
  const out = new Int32Array(route.length + 1);
  out.set(route.subarray(0, at), 0);
  out[at] = node;
  out.set(route.subarray(at), at + 1);
  return out;
}

/** `first` inserted before route[i], `second` before route[j] (j ≥ i), so first comes before second. */
function spliceInPair(route: Int32Array, i: number, first: number, j: number, second: number): Int32Array {
  const out = new Int32Array(route.length + 2);
  out.set(route.subarray(0, i), 0);
  out[i] = first;
  out.set(route.subarray(i, j), i + 1);
  out[j + 1] = second;
  out.set(route.subarray(j), j + 2);
  return out;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Move evaluations spent on the iterated local search by default. */
export const DEFAULT_BUDGET = 20_000;

/** The suggested order of `problem.stops`. Deterministic for a given problem and options. */
export function sequenceStops(problem: SequenceProblem, options: SequenceOptions = {}): SequenceResult {
  const c = compile(problem);
  if (c.n === 0) return { order: [], finishS: 0, lateS: 0, cost: 0, evaluations: 0 };
  const search = new Search(c);
  const random = mulberry32(options.seed ?? 1);
  const starts = [
    search.nearest(() => 0),
    search.insertion(),
    search.nearest((count) => Math.floor(random() * Math.min(3, count))),
  ];
  let best = { route: starts[0]!, cost: Infinity };
  for (const start of starts) {
    const local = search.improve(start);
    if (local.cost < best.cost) best = local;
  }
  const budget = options.budget ?? DEFAULT_BUDGET;
  const until = search.evaluations + budget;
  let current = best;
  while (search.evaluations < until && c.n > 3) {
    const local = search.improve(search.perturb(current.route, random));
    if (local.cost < current.cost - 1e-9) current = local;
    if (local.cost < best.cost - 1e-9) best = local;
  }
  return search.result(best.route);
}

/**
 * The optimal order by branch and bound (every precedence-respecting order, pruned by the cost so far, which
 * never decreases). For tests and benchmarks: exponential, use on up to about 12 stops.
 */
export function optimalSequence(problem: SequenceProblem): SequenceResult {
  const c = compile(problem);
  const route = new Int32Array(c.n);
  const done = new Uint8Array(c.size);
  let best: Int32Array = new Int32Array(0);
  let bestCost = Infinity;
  // Start from the heuristic's answer: a tight bound from the first branch on.
  if (c.n > 0) {
    const start = sequenceStops(problem);
    best = Int32Array.from(start.order, (i) => i + 1);
    bestCost = start.cost;
  }
  const visit = (depth: number, at: number, t: number, late: number) => {
    if (t + LATE_WEIGHT * late >= bestCost - 1e-9) return;
    if (depth === c.n) {
      bestCost = t + LATE_WEIGHT * late;
      best = route.slice();
      return;
    }
    for (let node = 1; node <= c.n; node++) {
      if (done[node] || (c.pred[node] !== 0 && !done[c.pred[node]!])) continue;
      let arrive = t + c.travel[at * c.size + node]!;
      if (arrive < c.ready[node]!) arrive = c.ready[node]!;
      const lateHere = arrive > c.due[node]! ? arrive - c.due[node]! : 0;
      done[node] = 1;
      route[depth] = node;
      visit(depth + 1, node, arrive + c.service[node]!, late + lateHere);
      done[node] = 0;
    }
  };
  visit(0, 0, 0, 0);
  const search = new Search(c);
  return search.result(best);
}

export type StopSchedule = {
  /** Seconds from the start at which each stop (by index into `stops`) is reached, waiting for its window included. */
  arriveS: number[];
  /** Seconds each stop is served after it was due (0 when on time). */
  lateS: number[];
  finishS: number;
};

/** When each stop of `order` is reached and how late; RangeError when the order breaks a precedence. */
export function scheduleOf(problem: SequenceProblem, order: readonly number[]): StopSchedule {
  const c = compile(problem);
  assertPermutationOrder(c, order);
  const arriveS = new Array<number>(c.n).fill(0);
  const lateS = new Array<number>(c.n).fill(0);
  let t = 0;
  let at = 0;
  for (const index of order) {
    const node = index + 1;
    t += c.travel[at * c.size + node]!;
    if (t < c.ready[node]!) t = c.ready[node]!;
    arriveS[index] = t;
    lateS[index] = t > c.due[node]! ? t - c.due[node]! : 0;
    t += c.service[node]!;
    at = node;
  }
  return { arriveS, lateS, finishS: t };
}

function assertPermutationOrder(c: Compiled, order: readonly number[]): void {
  if (order.length !== c.n) throw new RangeError(`order must list all ${c.n} stops, got ${order.length}`);
  const placed = new Uint8Array(c.size);
  order.forEach((index, k) => {
    if (!Number.isInteger(index) || index < 0 || index >= c.n || placed[index + 1]) {
      throw new RangeError(`order[${k}] must be a stop index not listed before, got ${index}`);
    }
    const p = c.pred[index + 1]!;
    if (p !== 0 && !placed[p]) throw new RangeError(`order[${k}] (stop ${index}) comes before stop ${p - 1}`);
    placed[index + 1] = 1;
  });
}

/**
 * The courier's own order kept, and the stops it does not list put where they cost least (a parcel's pickup and
 * delivery together, each pickup before its delivery): how a hand-made order takes in new work.
 */
export function insertIntoOrder(problem: SequenceProblem, kept: readonly number[]): SequenceResult {
  const c = compile(problem);
  const inRoute = new Uint8Array(c.size);
  kept.forEach((index, k) => {
    if (!Number.isInteger(index) || index < 0 || index >= c.n || inRoute[index + 1]) {
      throw new RangeError(`kept[${k}] must be a stop index not listed before, got ${index}`);
    }
    const p = c.pred[index + 1]!;
    if (p !== 0 && !inRoute[p] && kept.includes(p - 1)) {
      throw new RangeError(`kept[${k}] (stop ${index}) comes before stop ${p - 1}`);
    }
    inRoute[index + 1] = 1;
  });
  // A kept delivery whose pickup is not kept goes back in with its pickup.
  let route: Int32Array = Int32Array.from(
    kept.filter((index) => c.pred[index + 1] === 0 || inRoute[c.pred[index + 1]!]),
    (index) => index + 1,
  );
  inRoute.fill(0);
  for (const node of route) inRoute[node] = 1;
  const search = new Search(c);
  for (let first = 1; first <= c.n; first++) {
    if (inRoute[first] || (c.pred[first] !== 0 && !inRoute[c.pred[first]!])) continue;
    const second = c.succ[first]!;
    route = search.cheapestInsertion(route, first, second !== 0 && !inRoute[second] ? second : 0);
    inRoute[first] = 1;
    if (second !== 0) inRoute[second] = 1;
  }
  return search.result(route);
}
