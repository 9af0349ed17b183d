"""The client side of deploy/bench/trace.sh (run by it; standard library only).

  trace_client.py import PORT TOKEN LOTS DAYS     imports LOTS lots' 10 events each through POST /api/v1/events/bulk,
                                                  showing progress on stderr; prints events_per_s on stdout
  trace_client.py measure PORT TOKEN SAMPLE EPS   times the public page, the custody summary and single event POSTs;
                                                  prints the bench's last line
"""
import datetime
import http.client
import json
import os
import queue
import random
import sys
import threading
import time

BATCH_LOTS = 500  # 5,000 events a request, the bulk import's limit


def say(msg):
    print(f"[bench] {time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def lot_events(i, lots, days, now):
    """Lot i's journey: farm -> pre-cooler -> packed -> origin room -> truck -> DC -> DC room -> buyer, 10 events."""
    k, dc = i % 10 + 1, i % 5 + 1
    room, truck, dc_room, buyer = (i // 10) % 8 + 1, (i // 80) % 4 + 1, (i // 40) % 8 + 1, i % 20 + 1
    start = now - datetime.timedelta(days=days) + datetime.timedelta(days=(days - 4) * i / lots)
    o, b, lot = f"O{k}", f"B{i}", f"L{i}"

    def ev(step, hours, fields, body):
        e = {"client_event_id": f"{lot}-{step}", "type": step.split(".")[0],
             "event_time": iso(start + datetime.timedelta(hours=hours)), "event_tz_offset": "+08:00", "body": body}
        e.update(fields)
        return e

    def it(code, q, **extra):
        return dict({"lot": code, "quantity": q, "uom": "kg"}, **extra)

    return [
        ev("harvest", 0, {"plot_id": f"P{k}", "party_id": f"F{k}"},
           {"batch": b, "commodity": "cabbage", "quantity": 1000, "uom": "kg", "grower": {"name": "Chen"}}),
        ev("pre_cool", 1, {"unit_id": f"{o}-pc"}, {"lots": [it(b, 1000)], "probe_temp_c": 4.5}),
        ev("pack", 3, {"unit_id": f"{o}-pc"},
           {"inputs": [it(b, 800)], "outputs": [it(lot, 800, product_id="cabbage")]}),
        ev("store_in", 4, {"unit_id": f"{o}-r{room}"}, {"lots": [it(lot, 800)]}),
        ev("load", 30, {"unit_id": f"{o}-t{truck}"}, {"lots": [it(lot, 800)]}),
        ev("ship", 31, {"unit_id": f"{o}-t{truck}"}, {"to_party_id": f"B{buyer}", "lots": [it(lot, 800)],
                                                     "documents": [{"type": "delivery_note", "id": f"DN-{i}"}]}),
        ev("receive", 40, {"site_id": f"D{dc}", "party_id": "carrier"},
           {"acceptance": "accept", "handover_temp_c": 3.5, "lots": [it(lot, 800)]}),
        ev("store_in.dc", 41, {"unit_id": f"D{dc}-r{dc_room}"}, {"lots": [it(lot, 800)]}),
        ev("deliver", 60, {"party_id": f"B{buyer}"}, {"lots": [it(lot, 500)]}),
        ev("loss", 70, {}, {"reason": "spoiled", "lots": [it(lot, 10)]}),
    ]


def conn(port):
    return http.client.HTTPConnection("127.0.0.1", int(port), timeout=300)


def do_import(port, token, lots, days):
    lots, days = int(lots), int(days)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    # the requests are built before the clock starts, as an importer's files exist before it uploads them: the rate
    # is the server's, not this script's JSON encoding competing with it for the same two cores
    bodies = queue.Queue()
    for first in range(0, lots, BATCH_LOTS):
        events = []
        for i in range(first, min(lots, first + BATCH_LOTS)):
            events.extend(lot_events(i, lots, days, now))
        bodies.put((len(events), json.dumps(events).encode()))
        if (first // BATCH_LOTS) % 40 == 39:
            say(f"requests built for {first + BATCH_LOTS:,}/{lots:,} lots")
    bodies.put(None)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    state = {"total": 0, "reported": 0, "slowest": 0.0, "error": None}
    lock = threading.Lock()
    started = time.perf_counter()

    def send():
        # two requests in flight: one is parsed while the other holds the organisation's chain
        c = conn(port)
        while (item := bodies.get()) is not None:
            n, body = item
            t0 = time.perf_counter()
            c.request("POST", "/api/v1/events/bulk", body, headers)
            r = c.getresponse()
            answer = r.read()
            with lock:
                state["slowest"] = max(state["slowest"], time.perf_counter() - t0)
                if r.status != 201:
                    state["error"] = f"bulk import: HTTP {r.status}: {answer[:500]!r}"
                    break
                state["total"] += n
                if state["total"] - state["reported"] >= 50_000 or state["total"] == lots * 10:
                    state["reported"] = state["total"]
                    el = time.perf_counter() - started
                    say(f"events {state['total']:,}/{lots * 10:,} ({state['total'] / el:,.0f}/s, "
                        f"slowest request {state['slowest']:.2f} s)")
        bodies.put(None)

    say(f"importing {lots:,} lots, {lots * 10:,} events, {BATCH_LOTS * 10:,} a request")
    senders = [threading.Thread(target=send) for _ in range(2)]
    for t in senders:
        t.start()
    for t in senders:
        t.join()
    if state["error"]:
        raise SystemExit(state["error"])
    eps = state["total"] / (time.perf_counter() - started)
    say(f"imported {state['total']:,} events at {eps:,.0f} events/s")
    print(f"{eps:.0f}")


def p99(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.99 * (len(xs) - 1))))]


WARM_UP = 200  # requests per read path before timing, on other lots than the timed ones


def measure(port, token, sample_file, eps):
    rows = [line.split() for line in open(sample_file) if line.strip()]
    # the JVM compiles a path's code over its first couple of hundred requests: those warm it up, on lots that are
    # not timed afterwards (so no timed lot's pages are in a cache because of the warm-up)
    warm, sample = rows[:WARM_UP], rows[WARM_UP:] if len(rows) > WARM_UP else rows
    c = conn(port)
    auth = {"Authorization": "Bearer " + token}

    def call(method, path, body=None, headers=None):
        t0 = time.perf_counter()
        c.request(method, path, body, headers or {})
        r = c.getresponse()
        data = r.read()
        return (time.perf_counter() - t0) * 1000, r.status, data

    def timed(name, path_of, headers=None):
        """p99 over the sample, or None when the route is not there (404 for a lot that exists)."""
        status = call("GET", path_of(sample[0]), headers=headers)[1]
        if status == 404:
            say(f"{name}: {path_of(sample[0])} answers 404 for a lot that exists: the route is not in this build, n/a")
            return None
        for row in warm:
            call("GET", path_of(row), headers=headers)
        times = []
        for row in sample:
            ms, status, data = call("GET", path_of(row), headers=headers)
            if status != 200:
                raise SystemExit(f"{name}: {path_of(row)}: HTTP {status}: {data[:300]!r}")
            times.append(ms)
        say(f"{name}: {len(times)} requests, p50 {sorted(times)[len(times) // 2]:.1f} ms, p99 {p99(times):.1f} ms, "
            f"last {len(data):,} bytes")
        return p99(times)

    say(f"measuring: {len(sample)} requests per read path after {len(warm)} warm-up requests on other lots")
    page = timed("public trace page", lambda row: f"/t/{row[2]}")
    custody = timed("lot custody summary", lambda row: f"/api/v1/lots/{row[0]}/custody", auth)
    if custody is None:
        custody = timed("lot custody summary (by code)", lambda row: f"/api/v1/lots/{row[1]}/custody", auth)

    # single POSTs: a 0.5 kg loss of a sampled lot from the DC room it is in (each holds 290 kg)
    rnd = random.Random(7)
    headers = dict(auth, **{"Content-Type": "application/json"})
    posts = []
    for n in range(len(sample) + WARM_UP):
        row = rnd.choice(sample)
        at = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)
        body = json.dumps({"client_event_id": f"single-{os.getpid()}-{n}", "type": "loss", "event_time": iso(at),
                           "event_tz_offset": "+08:00",
                           "body": {"reason": "sample", "lots": [{"lot": row[1], "quantity": 0.5, "uom": "kg"}]}})
        ms, status, data = call("POST", "/api/v1/events", body, headers)
        if status != 201:
            raise SystemExit(f"event POST: HTTP {status}: {data[:300]!r}")
        if n >= WARM_UP:
            posts.append(ms)
    say(f"single event POST: {len(posts)} requests, p50 {sorted(posts)[len(posts) // 2]:.1f} ms, "
        f"p99 {p99(posts):.1f} ms")
    fmt = lambda v: "n/a" if v is None else f"{v:.0f}"
    print(f"trace_page_p99_ms={fmt(page)} lot_summary_p99_ms={fmt(custody)} event_post_p99_ms={fmt(p99(posts))} "
          f"events_per_s={eps}")


if __name__ == "__main__":
    if sys.argv[1] == "import":
        do_import(*sys.argv[2:6])
    elif sys.argv[1] == "measure":
        measure(*sys.argv[2:6])
    else:
        raise SystemExit(__doc__)
