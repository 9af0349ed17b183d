"""The client side of deploy/bench/recall.sh (run by it; standard library only).

  recall_client.py chains PORT TOKEN CHAINS       imports CHAINS deep chains through POST /api/v1/events/bulk: a
                                                  harvest packed and then split or repacked 10 times (11 hops from the
                                                  last lot to its batch), each split's other half delivered to a buyer
  recall_client.py measure PORT TOKEN REQUESTS FILE LOTS DAYS
                                                  times backward traces from each chain's last lot and forward traces
                                                  from each chain's batch (FILE: "batch_id last_lot_id" lines), the
                                                  exposure of one origin cold room over one day, a recall case over
                                                  1,000 of the bench's LOTS lots (opened, scoped, frozen, held), an
                                                  EPCIS export of the ledger's events, the FSMA 204 sheet and the
                                                  case's audit pack (audit_pack_s= on the line before the last);
                                                  prints the bench's last line
"""
import datetime
import hashlib
import io
import json
import random
import sys
import time
import zipfile

from trace_client import conn, iso, p99, say

STEPS = 10  # transforms after the pack: 11 lot_link hops from a chain's last lot to its harvest batch
BATCH_CHAINS = 250  # 17 events a chain: 4,250 events a request, under the bulk import's 5,000


def chain_events(j, start):
    """Chain j: harvest DB{j} (1,024 kg) -> pack DX{j}-0 -> odd steps split in halves (DY{j}-s delivered), even repack."""
    k, q = j % 10 + 1, 1024
    unit = {"unit_id": f"O{k}-pc"}

    def ev(step, hours, typ, fields, body):
        e = {"client_event_id": f"DC{j}-{step}", "type": typ,
             "event_time": iso(start + datetime.timedelta(hours=hours)), "event_tz_offset": "+08:00", "body": body}
        e.update(fields)
        return e

    def it(code, qty, **extra):
        return dict({"lot": code, "quantity": qty, "uom": "kg"}, **extra)

    events = [
        ev("harvest", 0, "harvest", {"plot_id": f"P{k}", "party_id": f"F{k}"},
           {"batch": f"DB{j}", "commodity": "cabbage", "quantity": q, "uom": "kg", "grower": {"name": "Chen"}}),
        ev("pack", 1, "pack", unit, {"inputs": [it(f"DB{j}", q)],
                                     "outputs": [it(f"DX{j}-0", q, product_id="cabbage")]}),
    ]
    for s in range(1, STEPS + 1):
        prev, lot = f"DX{j}-{s - 1}", f"DX{j}-{s}"
        if s % 2:
            q //= 2
            events.append(ev(f"t{s}", 1 + s, "transform", unit, {
                "kind": "split", "inputs": [it(prev, 2 * q)],
                "outputs": [it(lot, q, product_id="cabbage"), it(f"DY{j}-{s}", q, product_id="cabbage")]}))
            events.append(ev(f"d{s}", 1.5 + s, "deliver", {"party_id": f"B{(j + s) % 20 + 1}"},
                             {"lots": [it(f"DY{j}-{s}", q)]}))
        else:
            events.append(ev(f"t{s}", 1 + s, "transform", unit, {
                "kind": "repack", "inputs": [it(prev, q)], "outputs": [it(lot, q, product_id="cabbage")]}))
    return events


def do_chains(port, token, chains):
    chains = int(chains)
    start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(hours=36)
    c = conn(port)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    total = 0
    for first in range(0, chains, BATCH_CHAINS):
        events = []
        for j in range(first, min(chains, first + BATCH_CHAINS)):
            events.extend(chain_events(j, start + datetime.timedelta(seconds=j)))
        c.request("POST", "/api/v1/events/bulk", json.dumps(events).encode(), headers)
        r = c.getresponse()
        answer = r.read()
        if r.status != 201:
            raise SystemExit(f"deep chains: HTTP {r.status}: {answer[:500]!r}")
        total += len(events)
    say(f"deep chains: {chains} chains of {STEPS + 1} hops, {total:,} events")


def measure(port, token, requests, chain_file, lots, days):
    chains = [line.split() for line in open(chain_file) if line.strip()]
    c = conn(port)
    auth = {"Authorization": "Bearer " + token}
    rnd = random.Random(8)

    def call(path):
        t0 = time.perf_counter()
        c.request("GET", path, None, auth)
        r = c.getresponse()
        data = r.read()
        return (time.perf_counter() - t0) * 1000, r.status, data

    def timed(name, path_of):
        first = chains[0]
        ms, status, data = call(path_of(first))
        if status != 200:
            raise SystemExit(f"{name}: {path_of(first)}: HTTP {status}: {data[:300]!r}")
        t = json.loads(data)
        say(f"{name}: depth {t['depth']}, {len(t['nodes'])} nodes, {len(t['edges'])} edges, {len(data):,} bytes")
        for _ in range(20):
            call(path_of(rnd.choice(chains)))
        times = []
        for _ in range(int(requests)):
            ms, status, data = call(path_of(rnd.choice(chains)))
            if status != 200:
                raise SystemExit(f"{name}: HTTP {status}: {data[:300]!r}")
            times.append(ms)
        say(f"{name}: {len(times)} requests, p50 {sorted(times)[len(times) // 2]:.1f} ms, p99 {p99(times):.1f} ms")
        return p99(times)

    say(f"measuring: {requests} requests per trace direction after 20 warm-up requests, over {len(chains)} chains")
    backward = timed("backward trace from a chain's last lot", lambda row: f"/api/v1/lots/{row[1]}/trace/backward")
    forward = timed("forward trace from a chain's batch", lambda row: f"/api/v1/lots/{row[0]}/trace/forward")
    exposure = exposures(call, rnd, int(requests), int(days))
    case_s, case_id = recall_case(port, token, int(lots))
    epcis = epcis_export(port, token, int(lots), int(days))
    fsma_sheet(port, token, int(lots), int(days))
    print(f"audit_pack_s={audit_pack(port, token, case_id):.1f}")
    print(f"backward_p99_ms={backward:.0f} forward_p99_ms={forward:.0f} exposure_p99_ms={exposure:.0f} "
          f"recall_case_s={case_s:.1f} epcis_export_events_per_s={epcis:.0f}")


def exposures(call, rnd, requests, days):
    """p99 of GET /api/v1/units/{room}/exposure over one day of one of the 80 origin cold rooms (lots stay a day)."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0)

    def path():
        room = f"O{rnd.randint(1, 10)}-r{rnd.randint(1, 8)}"
        hours = rnd.randint(24, max(24, (days - 4) * 24))
        start = now - datetime.timedelta(days=days) + datetime.timedelta(hours=hours)
        return (f"/api/v1/units/{room}/exposure?from={iso(start)}&to={iso(start + datetime.timedelta(days=1))}")

    lots = []
    for _ in range(20):
        ms, status, data = call(path())
        if status != 200:
            raise SystemExit(f"exposure: HTTP {status}: {data[:300]!r}")
    times = []
    for _ in range(requests):
        ms, status, data = call(path())
        if status != 200:
            raise SystemExit(f"exposure: HTTP {status}: {data[:300]!r}")
        times.append(ms)
        lots.append(json.loads(data)["count"])
    say(f"exposure of one origin room over one day: {len(times)} requests, {sorted(lots)[len(lots) // 2]} lots "
        f"(median), p50 {sorted(times)[len(times) // 2]:.1f} ms, p99 {p99(times):.1f} ms")
    return p99(times)


def recall_case(port, token, lots):
    """Seconds to open a recall case (not a drill) from 1,000 of the bench's lots: scope computed, frozen, held."""
    c = conn(port)
    # 1,000 distinct lots spread over the ledger (97 is prime to the lot count's factors), so to every buyer
    seeds = sorted({f"L{(i * 97) % lots}" for i in range(min(1000, lots))})
    body = json.dumps({"lots": seeds, "reason": "bench: residue test failed"}).encode()
    t0 = time.perf_counter()
    c.request("POST", "/api/v1/recalls", body, {"Authorization": "Bearer " + token,
                                                "Content-Type": "application/json"})
    r = c.getresponse()
    data = r.read()
    took = time.perf_counter() - t0
    if r.status != 201:
        raise SystemExit(f"recall case: HTTP {r.status}: {data[:300]!r}")
    k = json.loads(data)
    scope = k["scope"]
    say(f"recall case over {len(seeds):,} seed lots: {len(scope.get('lots', [])):,} lots and "
        f"{len(scope.get('buyers', [])):,} buyers in scope, {len(data):,} bytes, {took:.2f} s")
    return took, k["id"]


def audit_pack(port, token, case_id):
    """Seconds to download the recall case's audit pack (a streamed ZIP), checked against its manifest (printed)."""
    data, took = timed_get(port, token, "audit pack", f"/api/v1/recalls/{case_id}/audit-pack")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        manifest = json.loads(z.read("manifest.json"))
        for f in manifest["files"]:
            if hashlib.sha256(z.read(f["name"])).hexdigest() != f["sha256"]:
                raise SystemExit(f"audit pack: {f['name']} does not match its manifest hash")
        lots = len(json.loads(z.read("custody.json"))["lots"])
        events = json.loads(z.read("events.json"))["count"]
    sizes = ", ".join(f"{f['name']} {f['size'] / 1e6:,.1f} MB" for f in manifest["files"])
    say(f"audit pack of the recall case: {lots:,} lots' custody, {events:,} events, {len(data) / 1e6:,.1f} MB zipped "
        f"({sizes}) in {took:.2f} s, every file matching the manifest")
    return took


def timed_get(port, token, name, path):
    """One authenticated GET: its body and seconds; a status other than 200 ends the bench naming {name}."""
    c = conn(port)
    t0 = time.perf_counter()
    c.request("GET", path, None, {"Authorization": "Bearer " + token})
    r = c.getresponse()
    data = r.read()
    took = time.perf_counter() - t0
    if r.status != 200:
        raise SystemExit(f"{name}: HTTP {r.status}: {data[:300]!r}")
    return data, took


def fsma_sheet(port, token, lots, days):
    """Seconds for the FSMA 204 spreadsheet (XLSX) of the bench's product over the EPCIS export's window (printed)."""
    start, end = window(lots, days)
    data, took = timed_get(port, token, "FSMA 204 sheet",
                           f"/api/v1/fsma204?from={iso(start)}&to={iso(end)}&product_id=cabbage&format=xlsx")
    say(f"FSMA 204 sheet (XLSX) of the same window: {len(data) / 1e6:,.1f} MB in {took:.2f} s")


def window(lots, days):
    """About 100,000 of the ledger's events: lots start evenly over days - 4 days, 10 events each over three days."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    start = now - datetime.timedelta(days=days // 2)
    return start, start + datetime.timedelta(days=min(days / 2, 100_000 * max(1, days - 4) / (lots * 10)))


def epcis_export(port, token, lots, days):
    """Events per second of GET /api/v1/epcis/events over a window holding about 100,000 of the ledger's events."""
    start, end = window(lots, days)
    data, took = timed_get(port, token, "EPCIS export",
                           f"/api/v1/epcis/events?GE_eventTime={iso(start)}&LT_eventTime={iso(end)}")
    n = len(json.loads(data)["epcisBody"]["eventList"])
    say(f"EPCIS export: {n:,} events, {len(data) / 1e6:,.1f} MB in {took:.2f} s")
    return n / took


if __name__ == "__main__":
    if sys.argv[1] == "chains":
        do_chains(*sys.argv[2:5])
    elif sys.argv[1] == "measure":
        measure(*sys.argv[2:8])
    else:
        raise SystemExit(__doc__)
