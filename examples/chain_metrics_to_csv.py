#!/usr/bin/env python3
"""Pull a chain's health metric series from Junction and write it as CSV.

Standard library only, so it runs in any notebook or on any machine with Python 3.8+.

    python3 examples/chain_metrics_to_csv.py --chain junction-devnet-l2a --metric HEAD_AGE_SECONDS \
        --from 2026-11-26T00:00:00Z --to 2026-11-27T00:00:00Z --bucket FIVE_MINUTES --out head_age.csv

The time range is split into requests of at most 1,000 buckets (the API's bound), so any range works.
Set JUNCTION_API_KEY (or --api-key) to send a key; JUNCTION_URL (or --url) to use another gateway.
"""
import argparse
import csv
import json
import os
import sys
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

BUCKET_SECONDS = {
    "ONE_MINUTE": 60,
    "FIVE_MINUTES": 300,
    "FIFTEEN_MINUTES": 900,
    "ONE_HOUR": 3600,
    "SIX_HOURS": 21600,
    "ONE_DAY": 86400,
}
MAX_BUCKETS_PER_REQUEST = 1000

QUERY = """
query ChainMetrics($slug: String!, $metric: ChainMetric!, $from: DateTimeISO!, $to: DateTimeISO!, $bucket: MetricBucket!) {
  chain(slug: $slug) {
    metrics(metric: $metric, from: $from, to: $to, bucket: $bucket) {
      points { bucketStart avg min max p95 count }
    }
  }
}
"""


def parse_time(text):
    """An ISO-8601 timestamp; a trailing Z means UTC."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def iso(value):
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def describe_error(error):
    """The error's message, and its stable code when the API gave one."""
    code = (error.get("extensions") or {}).get("code")
    return "{} ({})".format(error.get("message"), code) if code else str(error.get("message"))


def graphql(url, api_key, query, variables):
    headers = {"content-type": "application/json", "accept": "application/json"}
    if api_key:
        headers["authorization"] = "Bearer " + api_key
    request = urllib.request.Request(url, data=json.dumps({"query": query, "variables": variables}).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            body = json.load(response)
    except urllib.error.HTTPError as error:
        body = json.load(error)
    if body.get("errors"):
        messages = "; ".join(describe_error(e) for e in body["errors"])
        raise SystemExit("Junction refused the request: " + messages)
    return body["data"]


def windows(start, end, bucket_seconds):
    """Consecutive [from, to) windows of at most MAX_BUCKETS_PER_REQUEST buckets covering [start, end)."""
    step = timedelta(seconds=bucket_seconds * MAX_BUCKETS_PER_REQUEST)
    current = start
    while current < end:
        upper = min(current + step, end)
        yield current, upper
        current = upper


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("JUNCTION_URL", "http://localhost:4000/graphql"))
    parser.add_argument("--api-key", default=os.environ.get("JUNCTION_API_KEY"))
    parser.add_argument("--chain", required=True, help="chain slug, e.g. arbitrum-one")
    parser.add_argument("--metric", required=True, help="e.g. HEAD_AGE_SECONDS, FINALIZED_LAG_BLOCKS, GAS_PRICE_GWEI")
    parser.add_argument("--from", dest="start", required=True, type=parse_time)
    parser.add_argument("--to", dest="end", required=True, type=parse_time)
    parser.add_argument("--bucket", default="FIVE_MINUTES", choices=sorted(BUCKET_SECONDS))
    parser.add_argument("--out", help="CSV file to write; standard output when omitted")
    args = parser.parse_args(argv)
    if args.end <= args.start:
        raise SystemExit("--to must be later than --from")

    out = open(args.out, "w", newline="") if args.out else sys.stdout
    try:
        writer = csv.writer(out)
        writer.writerow(["bucket_start", "avg", "min", "max", "p95", "count"])
        rows = 0
        for window_start, window_end in windows(args.start, args.end, BUCKET_SECONDS[args.bucket]):
            data = graphql(args.url, args.api_key, QUERY, {
                "slug": args.chain, "metric": args.metric, "bucket": args.bucket,
                "from": iso(window_start), "to": iso(window_end),
            })
            if data["chain"] is None:
                raise SystemExit("No chain with slug " + args.chain)
            for point in data["chain"]["metrics"]["points"]:
                writer.writerow([point["bucketStart"], point["avg"], point["min"], point["max"], point["p95"], point["count"]])
                rows += 1
        print("wrote {} rows".format(rows), file=sys.stderr)
    finally:
        if args.out:
            out.close()


if __name__ == "__main__":
    main()
