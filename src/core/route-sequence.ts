// The order a courier should work their open stops in (Req 11.11): from where they are, every parcel picked up
// before it is delivered, pickups inside their windows where possible, the day finished as early as possible.
//
// A pickup-and-delivery problem with time windows for one vehicle. Pure and deterministic: the same problem gives
// the same sequence. Restarts from seeded greedy routes (and one built by cheapest pair insertion), each taken to a
// local optimum — Or-opt (1–3 stops moved), 2-opt (a segment reversed), exchange, and (after the restarts) a parcel's
// pickup and delivery taken out and put back together where they cost least — with don't-look bits over granular
// neighbourhoods; then ruin and recreate of related parcels under simulated annealing, all inside a budget of move
// evaluations that shrinks with the day below 50 stops. A move is costed from the first position it changes, without
// building the candidate route, and dropped as soon as its schedule can no longer beat the bound (never earlier than
// the old schedule and no less late so far); a move that would put a delivery before its pickup is never costed (the
// positions a run may go to, and the segments that may be reversed, are bounded by the partners first — a third of
// the evaluations were such moves). Travel times come as a matrix, so road times from a routing service and
// straight-line estimates are the same problem.

import { seededRandom } from './seeded-random';

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
  /** Seeds the randomized restarts and the ruin and recreate (deterministic). */
  seed?: number;
  /**
   * Work allowed in all, in move evaluations (each costs at most one pass over the route), checked between local
   * searches: a budget in work rather than wall time keeps the answer the same on any machine.
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
  /** ranked[a * (size - 1) + r]: the r-th closest node to a (0 included): what ruin takes out together. */
  ranked: Int32Array;
};

/** For insertions without blinks: never below the blink rate. */
const NO_BLINKS = () => 1;

/** How many closest nodes each node may be linked to by a move (granular neighbourhoods, Toth & Vigo 2003). */
const NEIGHBOURS = 20;

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
  return { n, size, travel, ready, due, service, pred, succ, ...closestNodes(travel, size) };
}

function closestNodes(travel: Float64Array, size: number): { near: Uint8Array; ranked: Int32Array } {
  const near = new Uint8Array(size * size);
  const ranked = new Int32Array(size * (size - 1));
  const others: number[] = [];
  const k = Math.min(NEIGHBOURS, size - 1);
  for (let a = 0; a < size; a++) {
    others.length = 0;
    for (let b = 0; b < size; b++) if (b !== a) others.push(b);
    const gap = (b: number) => Math.min(travel[a * size + b]!, travel[b * size + a]!);
    others.sort((x, y) => gap(x) - gap(y) || x - y);
    ranked.set(others, a * (size - 1));
    for (let r = 0; r < k; r++) {
      const b = others[r]!;
      near[a * size + b] = 1;
      near[b * size + a] = 1;
    }
  }
  return { near, ranked };
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
 * The search over one current route, with its schedule kept per position so a change is costed by simulating only
 * from the first position it touches — and stopping early once the schedule meets the old one again (a wait
 * absorbed the change) or the cost so far already reaches the bound. Used whole (every stop in the route) by the
 * local search, and with some parcels taken out by ruin and recreate.
 */
class Search {
  private readonly seen: Int32Array;
  private stamp = 0;
  /** The current route (its first `len` entries), and per position: departure time, lateness so far. */
  private readonly route: Int32Array;
  private len = 0;
  private readonly depart: Float64Array;
  private readonly lateSum: Float64Array;
  /** Per node: its position in the current route, and whether it is in it. */
  private readonly pos: Int32Array;
  private readonly inRoute: Uint8Array;
  private current = Infinity;
  /** Scratch for the local search: each node's neighbours in the route before a move, and the route before it. */
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly routeBefore: Int32Array;
  /** Nodes whose moves are still to be tried (don't-look bits: a node is looked at again when its links change). */
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private queueHead = 0;
  private queueSize = 0;
  evaluations = 0;
  /**
   * Whether the local search relocates whole parcels (pickup and delivery together). Off while restarting: there
   * its bounded insertions spend a third of the work for a fifth of the gains, work better spent on more restarts.
   */
  pairMoves = true;

  constructor(private readonly c: Compiled) {
    this.seen = new Int32Array(c.size);
    this.route = new Int32Array(c.n);
    this.depart = new Float64Array(c.n);
    this.lateSum = new Float64Array(c.n);
    this.pos = new Int32Array(c.size);
    this.inRoute = new Uint8Array(c.size);
    this.prev = new Int32Array(c.size);
    this.next = new Int32Array(c.size);
    this.routeBefore = new Int32Array(c.n);
    this.queue = new Int32Array(c.size);
    this.queued = new Uint8Array(c.size);
    this.parcelTried = new Int32Array(c.size).fill(-1);
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

  /** Makes `route` (all or part of the stops) the current one. */
  private adopt(route: Int32Array): void {
    this.route.set(route);
    this.len = route.length;
    this.schedule();
  }

  /** The schedule of the current route, from its start. */
  private schedule(): void {
    const c = this.c;
    this.version++;
    this.inRoute.fill(0);
    let t = 0;
    let at = 0;
    let late = 0;
    for (let k = 0; k < this.len; k++) {
      const node = this.route[k]!;
      this.pos[node] = k;
      this.inRoute[node] = 1;
      t += c.travel[at * c.size + node]!;
      if (t < c.ready[node]!) t = c.ready[node]!;
      if (t > c.due[node]!) late += t - c.due[node]!;
      t += c.service[node]!;
      this.depart[k] = t;
      this.lateSum[k] = late;
      at = node;
    }
    this.current = t + LATE_WEIGHT * late;
  }

  private copy(): Int32Array {
    return this.route.slice(0, this.len);
  }

  /** Takes `nodes` out of the current route. */
  private remove(nodes: readonly number[]): void {
    for (const node of nodes) this.inRoute[node] = 0;
    let r = 0;
    for (let k = 0; k < this.len; k++) if (this.inRoute[this.route[k]!]) this.route[r++] = this.route[k]!;
    this.len = r;
    this.schedule();
  }

  /** Puts `first` before route[i] and `second` (unless 0) before route[j], j ≥ i. */
  private insertAt(first: number, i: number, second: number, j: number): void {
    const route = this.route;
    if (second !== 0) {
      route.copyWithin(j + 2, j, this.len);
      route[j + 1] = second;
      route.copyWithin(i + 1, i, j);
      route[i] = first;
      this.len += 2;
    } else {
      route.copyWithin(i + 1, i, this.len);
      route[i] = first;
      this.len += 1;
    }
    this.schedule();
  }

  /**
   * The cost of the current route with `last` served just before route[k] (departing `last` at t, with lateness
   * `late` so far), the rest following; Infinity once it reaches `bound`.
   */
  private finishFrom(k: number, last: number, t: number, late: number, bound: number): number {
    const c = this.c;
    const len = this.len;
    let at = last;
    for (; k < len; k++) {
      if (t + LATE_WEIGHT * late >= bound) return Infinity;
      const node = this.route[k]!;
      t += c.travel[at * c.size + node]!;
      if (t < c.ready[node]!) t = c.ready[node]!;
      if (t > c.due[node]!) late += t - c.due[node]!;
      t += c.service[node]!;
      if (t >= this.depart[k]!) {
        // No earlier than the old schedule from here on: the rest adds at least the old route's lateness (equal
        // when back on the old schedule).
        const cost = this.depart[len - 1]! + LATE_WEIGHT * (late + this.lateSum[len - 1]! - this.lateSum[k]!);
        if (cost >= bound) return Infinity;
        if (t === this.depart[k]) return cost;
      }
      at = node;
    }
    const cost = t + LATE_WEIGHT * late;
    return cost < bound ? cost : Infinity;
  }

  /**
   * Where `first` (and `second` after it, unless 0) cost least in the current route: every position pair, each
   * skipped with probability `blink` (randomized insertion, Christiaens & Vanden Berghe 2020), the scan of later
   * positions cut as soon as the part already scheduled reaches the best cost found.
   */
  private bestInsertion(
    first: number,
    second: number,
    blink: number,
    random: () => number,
    bound = Infinity,
  ): { i: number; j: number; cost: number } {
    const c = this.c;
    const size = c.size;
    const len = this.len;
    const route = this.route;
    let best = bound;
    let bestI = -1;
    let bestJ = -1;
    // A lone stop whose partner is already in the route goes on the right side of it.
    let lo = 0;
    let hi = len;
    if (second === 0) {
      const p = c.pred[first]!;
      if (p !== 0 && this.inRoute[p]) lo = this.pos[p]! + 1;
      const s = c.succ[first]!;
      if (s !== 0 && this.inRoute[s]) hi = this.pos[s]!;
    }
    for (let i = lo; i <= hi; i++) {
      if (blink > 0 && random() < blink) continue;
      let t = i > 0 ? this.depart[i - 1]! : 0;
      let late = i > 0 ? this.lateSum[i - 1]! : 0;
      let at = i > 0 ? route[i - 1]! : 0;
      t += c.travel[at * size + first]!;
      if (t < c.ready[first]!) t = c.ready[first]!;
      if (t > c.due[first]!) late += t - c.due[first]!;
      t += c.service[first]!;
      at = first;
      if (second === 0) {
        this.evaluations++;
        const cost = this.finishFrom(i, first, t, late, best);
        if (cost < best) [best, bestI, bestJ] = [cost, i, i];
        continue;
      }
      for (let j = i; j <= len; j++) {
        if (t + LATE_WEIGHT * late >= best) break;
        if (!(blink > 0 && random() < blink)) {
          this.evaluations++;
          let t2 = t + c.travel[at * size + second]!;
          let late2 = late;
          if (t2 < c.ready[second]!) t2 = c.ready[second]!;
          if (t2 > c.due[second]!) late2 += t2 - c.due[second]!;
          t2 += c.service[second]!;
          const cost = this.finishFrom(j, second, t2, late2, best);
          if (cost < best) [best, bestI, bestJ] = [cost, i, j];
        }
        if (j === len) break;
        const node = route[j]!;
        t += c.travel[at * size + node]!;
        if (t < c.ready[node]!) t = c.ready[node]!;
        if (t > c.due[node]!) late += t - c.due[node]!;
        t += c.service[node]!;
        at = node;
        // No earlier than the old schedule: the rest adds at least the old lateness, whichever j comes next.
        if (t >= this.depart[j]! && this.current + LATE_WEIGHT * (late - this.lateSum[j]!) >= best) break;
      }
    }
    return { i: bestI, j: bestJ, cost: best };
  }

  /** Inserts `first` (and `second`, unless 0) where they cost least. */
  private insertBest(first: number, second: number, blink: number, random: () => number): void {
    let found = this.bestInsertion(first, second, blink, random);
    // Every position blinked: try again without.
    if (found.i < 0) found = this.bestInsertion(first, second, 0, random);
    this.insertAt(first, found.i, second, found.j);
  }

  /** `route` with `first` (and `second` after it, unless 0) put where the route costs least. */
  cheapestInsertion(route: Int32Array, first: number, second: number): Int32Array {
    this.adopt(route);
    this.insertBest(first, second, 0, NO_BLINKS);
    return this.copy();
  }

  /**
   * Greedy: from where the courier is, the allowed stop that can be served soonest (ties: sooner due), or the one
   * `pick` chooses among the best three (its argument: how many there are).
   */
  nearest(pick: (count: number) => number, urgency = 1800): Int32Array {
    const c = this.c;
    const route = new Int32Array(c.n);
    const done = new Uint8Array(c.size);
    const topNode = new Int32Array(3);
    const topScore = new Float64Array(3);
    let at = 0;
    let t = 0;
    for (let k = 0; k < c.n; k++) {
      let kept = 0;
      for (let node = 1; node <= c.n; node++) {
        if (done[node] || (c.pred[node] !== 0 && !done[c.pred[node]!])) continue;
        const arrive = Math.max(t + c.travel[at * c.size + node]!, c.ready[node]!);
        const lateness = Math.max(0, arrive - c.due[node]!);
        // Urgent pickups first: a stop about to be late outranks a nearer one.
        const slack = c.due[node]! - arrive;
        const score = arrive - t + LATE_WEIGHT * lateness - (slack < urgency ? urgency - slack : 0);
        // The best three so far, in order (an equal score keeps the lower node first).
        if (kept === 3 && !(score < topScore[2]!)) continue;
        let r = kept < 3 ? kept++ : 2;
        for (; r > 0 && score < topScore[r - 1]!; r--) {
          topScore[r] = topScore[r - 1]!;
          topNode[r] = topNode[r - 1]!;
        }
        topScore[r] = score;
        topNode[r] = node;
      }
      const chosen = topNode[pick(kept)]!;
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
    this.adopt(new Int32Array(0));
    for (const first of units) this.insertBest(first, c.succ[first]!, 0, NO_BLINKS);
    return this.copy();
  }

  /**
   * Ruin and recreate (Schrimpf et al. 2000; SISR, Christiaens & Vanden Berghe 2020): a few related parcels —
   * close to a random stop, or a run of the route — taken out and put back one by one where they cost least,
   * with blinks, in `route`, which becomes the current one. Returns the stops put back.
   */
  ruinAndRecreate(route: Int32Array, random: () => number): number[] {
    this.adopt(route);
    const c = this.c;
    const units: number[] = [];
    const taken = this.queued; // reused as scratch: empty between local searches
    const take = (node: number) => {
      const first = c.pred[node] !== 0 ? c.pred[node]! : node;
      if (taken[first]) return;
      taken[first] = 1;
      units.push(first);
    };
    const count = 1 + Math.floor(random() * Math.min(MAX_RUIN, Math.max(1, Math.ceil(c.n / 3))));
    const seed = this.route[Math.floor(random() * this.len)]!;
    if (random() < 0.5) {
      // The seed's closest stops.
      const ranked = c.ranked;
      take(seed);
      for (let r = 0; r < c.n - 1 && units.length < count; r++) {
        const node = ranked[seed * (c.size - 1) + r]!;
        if (node !== 0) take(node);
      }
    } else {
      // A run of the route from the seed.
      for (let k = this.pos[seed]!; k < this.len && units.length < count; k++) take(this.route[k]!);
      for (let k = this.pos[seed]! - 1; k >= 0 && units.length < count; k--) take(this.route[k]!);
    }
    for (const first of units) taken[first] = 0;
    const removed: number[] = [];
    for (const first of units) {
      removed.push(first);
      if (c.succ[first] !== 0) removed.push(c.succ[first]!);
    }
    this.remove(removed);
    // Put back in a random order, or by window.
    if (random() < 0.5) {
      for (let k = units.length - 1; k > 0; k--) {
        const r = Math.floor(random() * (k + 1));
        [units[k], units[r]] = [units[r]!, units[k]!];
      }
    } else {
      units.sort((a, b) => c.due[a]! - c.due[b]! || a - b);
    }
    for (const first of units) this.insertBest(first, c.succ[first]!, BLINK, random);
    return removed;
  }

  /**
   * Local search to a local optimum from `start` (or the current route), looking first at `focus` (or every stop):
   * Or-opt (1–3 stops moved), 2-opt (a segment reversed), exchange, and a parcel's pickup and delivery taken out
   * and put back together where they cost least. First improvement; a stop is looked at again when its
   * neighbours in the route change.
   */
  improve(start: Int32Array | null, focus: readonly number[] | null): { route: Int32Array; cost: number } {
    if (start) this.adopt(start);
    const c = this.c;
    if (focus) {
      for (const node of focus) this.enqueue(node);
    } else {
      for (let k = 0; k < this.len; k++) this.enqueue(this.route[k]!);
    }
    const { prev, next, routeBefore } = this;
    while (this.queueSize > 0) {
      const node = this.queue[this.queueHead]!;
      this.queueHead = (this.queueHead + 1) % c.size;
      this.queueSize--;
      this.queued[node] = 0;
      routeBefore.set(this.route);
      if (this.moveStop(node)) {
        for (let k = 0; k < this.len; k++) {
          prev[routeBefore[k]!] = k > 0 ? routeBefore[k - 1]! : 0;
          next[routeBefore[k]!] = k + 1 < this.len ? routeBefore[k + 1]! : -1;
        }
        // Look again at every stop whose neighbours changed.
        for (let k = 0; k < this.len; k++) {
          const at = this.route[k]!;
          const before = k > 0 ? this.route[k - 1]! : 0;
          const after = k + 1 < this.len ? this.route[k + 1]! : -1;
          if (prev[at] !== before || next[at] !== after) {
            this.enqueue(at);
            if (before !== 0) this.enqueue(before);
            if (after !== -1) this.enqueue(after);
          }
        }
        this.enqueue(node);
      }
    }
    return { route: this.copy(), cost: this.current };
  }

  private enqueue(node: number): void {
    if (this.queued[node]) return;
    this.queued[node] = 1;
    this.queue[(this.queueHead + this.queueSize) % this.c.size] = node;
    this.queueSize++;
  }

  /** Tries the moves of `node`; true when one improved the route (and was made). */
  private moveStop(node: number): boolean {
    const p = this.pos[node]!;
    return this.orOpt(p) || this.twoOpt(p) || this.exchange(p) || (this.pairMoves && this.relocateParcel(node));
  }

  /** Bumped at every change of the current route; per parcel, the version at which relocating it last failed. */
  private version = 0;
  private readonly parcelTried: Int32Array;

  /** Whether a move may link a and b (0 is the courier's start; -1, past the end, links to anything). */
  private linkable(a: number, b: number): boolean {
    return a < 0 || b < 0 || this.c.near[a * this.c.size + b] === 1;
  }

  /** Node at position k of the current route; 0 before the start, -1 past the end. */
  private at(k: number): number {
    return k < 0 ? 0 : k >= this.len ? -1 : this.route[k]!;
  }

  /** The schedule of the move being costed: time, lateness so far, the last stop served. */
  private simT = 0;
  private simLate = 0;
  private simAt = 0;

  /** Starts costing a move that leaves the current route as it is before position `from`. */
  private beginMove(from: number): void {
    this.evaluations++;
    this.simT = from > 0 ? this.depart[from - 1]! : 0;
    this.simLate = from > 0 ? this.lateSum[from - 1]! : 0;
    this.simAt = from > 0 ? this.route[from - 1]! : 0;
  }

  /** Serves route[a..b] next (backwards when `backwards`, from b down to a); false once the cost reaches `bound`. */
  private serve(a: number, b: number, backwards: boolean, bound: number): boolean {
    const c = this.c;
    const size = c.size;
    let t = this.simT;
    let late = this.simLate;
    let at = this.simAt;
    for (let m = a; m <= b; m++) {
      const node = this.route[backwards ? a + b - m : m]!;
      t += c.travel[at * size + node]!;
      if (t < c.ready[node]!) t = c.ready[node]!;
      if (t > c.due[node]!) late += t - c.due[node]!;
      t += c.service[node]!;
      if (t + LATE_WEIGHT * late >= bound) return false;
      at = node;
    }
    this.simT = t;
    this.simLate = late;
    this.simAt = at;
    return true;
  }

  /** The cost of the move being costed once the current route from position `until` on follows it. */
  private finishMove(until: number, bound: number): number {
    return this.finishFrom(until, this.simAt, this.simT, this.simLate, bound);
  }

  /**
   * The 1–3 stops from position i moved elsewhere, beside a close stop — only where no stop passes its partner
   * (after the run's pickups, before its deliveries), so a move that breaks a precedence is never costed.
   */
  private orOpt(i: number): boolean {
    const c = this.c;
    const n = this.len;
    const route = this.route;
    const bound = this.current - 1e-9;
    for (let length = 1; length <= 3 && i + length <= n; length++) {
      let lo = 0;
      let hi = n - length;
      for (let k = i; k < i + length; k++) {
        const p = c.pred[route[k]!]!;
        if (p !== 0 && this.pos[p]! < i) lo = Math.max(lo, this.pos[p]! + 1);
        const s = c.succ[route[k]!]!;
        if (s !== 0 && this.pos[s]! >= i + length) hi = Math.min(hi, this.pos[s]! - length);
      }
      const head = route[i]! * c.size;
      const tail = route[i + length - 1]! * c.size;
      for (let j = lo; j <= hi; j++) {
        if (j === i) continue;
        // Beside a close stop (either end); past the end links to anything.
        const before = j < i ? (j > 0 ? route[j - 1]! : 0) : route[j + length - 1]!;
        const after = j < i ? route[j]! : j + length < n ? route[j + length]! : -1;
        if (after >= 0 && c.near[head + before] === 0 && c.near[tail + after] === 0) continue;
        let cost = Infinity;
        if (j < i) {
          this.beginMove(j);
          if (this.serve(i, i + length - 1, false, bound) && this.serve(j, i - 1, false, bound)) {
            cost = this.finishMove(i + length, bound);
          }
        } else {
          this.beginMove(i);
          if (this.serve(i + length, j + length - 1, false, bound) && this.serve(i, i + length - 1, false, bound)) {
            cost = this.finishMove(j + length, bound);
          }
        }
        if (cost < bound) {
          const run = route.slice(i, i + length);
          if (j < i) route.copyWithin(j + length, j, i);
          else route.copyWithin(i, i + length, j + length);
          route.set(run, j);
          this.schedule();
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The segment between position p and another reversed, when that links close stops — only segments holding no
   * whole parcel, whose reversal would put a delivery before its pickup.
   */
  private twoOpt(p: number): boolean {
    const c = this.c;
    const n = this.len;
    const route = this.route;
    const bound = this.current - 1e-9;
    let last = p;
    while (last + 1 < n && !(c.pred[route[last + 1]!] !== 0 && this.pos[c.pred[route[last + 1]!]!]! >= p)) last++;
    let first = p;
    while (first > 0 && !(c.succ[route[first - 1]!] !== 0 && this.pos[c.succ[route[first - 1]!]!]! <= p)) first--;
    for (let q = first; q <= last; q++) {
      if (q === p) continue;
      const i = Math.min(p, q);
      const j = Math.max(p, q);
      if (!this.linkable(this.at(i - 1), route[j]!) && !this.linkable(route[i]!, this.at(j + 1))) continue;
      this.beginMove(i);
      if (this.serve(i, j, true, bound) && this.finishMove(j + 1, bound) < bound) {
        route.subarray(i, j + 1).reverse();
        this.schedule();
        return true;
      }
    }
    return false;
  }

  /** The stop at position p swapped with another, when either lands beside a close stop and no partner is passed. */
  private exchange(p: number): boolean {
    const c = this.c;
    const n = this.len;
    const route = this.route;
    const bound = this.current - 1e-9;
    for (let q = 0; q < n; q++) {
      if (Math.abs(q - p) < 2) continue;
      const i = Math.min(p, q);
      const j = Math.max(p, q);
      const a = route[i]!;
      const b = route[j]!;
      // a goes after everything up to j, b before everything from i.
      if ((c.succ[a] !== 0 && this.pos[c.succ[a]!]! <= j) || (c.pred[b] !== 0 && this.pos[c.pred[b]!]! >= i)) continue;
      const near = c.near;
      if (
        j + 1 < n &&
        near[b * c.size + (i > 0 ? route[i - 1]! : 0)] === 0 &&
        near[b * c.size + route[i + 1]!] === 0 &&
        near[a * c.size + route[j - 1]!] === 0 &&
        near[a * c.size + route[j + 1]!] === 0
      ) {
        continue;
      }
      this.beginMove(i);
      if (
        this.serve(j, j, false, bound) &&
        this.serve(i + 1, j - 1, false, bound) &&
        this.serve(i, i, false, bound) &&
        this.finishMove(j + 1, bound) < bound
      ) {
        route[i] = b;
        route[j] = a;
        this.schedule();
        return true;
      }
    }
    return false;
  }

  /** The parcel of `node` (pickup and delivery together) taken out and put back where it costs least. */
  private relocateParcel(node: number): boolean {
    const c = this.c;
    const first = c.pred[node] !== 0 ? c.pred[node]! : node;
    const second = c.succ[first]!;
    if (second === 0 || this.parcelTried[first] === this.version) return false;
    const before = this.current;
    const saved = this.copy();
    this.remove([first, second]);
    const found = this.bestInsertion(first, second, 0, NO_BLINKS, before - 1e-9);
    if (found.i >= 0) {
      this.insertAt(first, found.i, second, found.j);
      return true;
    }
    this.adopt(saved);
    this.parcelTried[first] = this.version;
    return false;
  }
}

/** At most this many parcels are taken out by one ruin (and at most a third of the stops' parcels). */
const MAX_RUIN = 10;
/** The chance that recreate skips a position (SISR's blinks). */
const BLINK = 0.01;
/** The share of the budget spent on restarts; the rest goes to ruin and recreate from the best of them. */
const RESTART_SHARE = 0.85;
/** Simulated annealing's temperature, as a share of the accepted cost, at the start and at the end of the search. */
const START_TEMPERATURE = 0.01;
const END_TEMPERATURE = 0.0001;

/**
 * Move evaluations spent in all (constructions, restarts, local search, ruin and recreate) by default at 50 stops:
 * about 40 ms of CPU on a quiet machine.
 */
export const DEFAULT_BUDGET = 280_000;
/** Below 50 stops the default budget shrinks in proportion (a smaller day needs fewer restarts), to this share. */
const SMALLEST_BUDGET_SHARE = 0.2;

/**
 * The suggested order of `problem.stops`. Deterministic for a given problem and options.
 *
 * The days this serves are dominated by late pickups, and their local optima lie in basins apart (which pickups
 * wait for which): restarting from varied greedy routes finds the right basin far more often than perturbing one
 * route, so most of the budget goes to restarts, each taken to a local optimum, and the rest to ruin and recreate
 * with simulated annealing from the best.
 */
export function sequenceStops(problem: SequenceProblem, options: SequenceOptions = {}): SequenceResult {
  const c = compile(problem);
  if (c.n === 0) return { order: [], finishS: 0, lateS: 0, cost: 0, evaluations: 0 };
  const search = new Search(c);
  const random = seededRandom(options.seed ?? 1).next;
  const budget = options.budget ?? Math.round(DEFAULT_BUDGET * Math.min(1, Math.max(SMALLEST_BUDGET_SHARE, c.n / 50)));
  let best: { route: Int32Array; cost: number } = { route: new Int32Array(0), cost: Infinity };
  search.pairMoves = false;
  for (let run = 0; run < 2 || (c.n > 3 && search.evaluations < budget * RESTART_SHARE); run++) {
    // The greedy route, the insertion route, then greedy routes that now and then take the second or third
    // choice, with a random sense of urgency.
    const start =
      run === 0
        ? search.nearest(() => 0)
        : run === 1
          ? search.insertion()
          : search.nearest(
              (count) => (random() < 0.6 ? 0 : Math.floor(random() * Math.min(3, count))),
              random() * 3600,
            );
    const local = search.improve(start, null);
    if (local.cost < best.cost) best = local;
  }
  let current = best;
  search.pairMoves = true;
  const begin = search.evaluations;
  const span = Math.max(1, budget - begin);
  while (search.evaluations < budget && c.n > 3) {
    // Simulated annealing on the accepted cost: a worse route is taken now and then early on, rarely late.
    const progress = (search.evaluations - begin) / span;
    const temperature = current.cost * START_TEMPERATURE * Math.pow(END_TEMPERATURE / START_TEMPERATURE, progress);
    const moved = search.ruinAndRecreate(current.route, random);
    const local = search.improve(null, moved);
    if (local.cost < current.cost - temperature * Math.log(1 - random())) current = local;
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
