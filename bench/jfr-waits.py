#!/usr/bin/env python3
"""Where a server's request threads waited during a timed load, from its JFR recording.

Sums the durations of the jdk.ThreadPark and jdk.SocketRead events of the threads whose names start with http (the
Tomcat request threads) between two wall-clock times, by the first frame of ours (org.zhengwu) or of the pool
(HikariPool.getConnection) on the event's stack, and divides by the number of requests acknowledged in that time.
JFR records such events only above its threshold (20 ms with settings=profile), so short statements are not seen.

  jfr print --events jdk.ThreadPark,jdk.SocketRead --stack-depth 40 app.jfr > waits.txt
  bench/jfr-waits.py waits.txt 22:32:27 22:32:56 100     # from, to (HH:MM:SS, the recording's zone), requests
"""
import collections
import re
import sys

UNITS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}


def events(path):
    event = None
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if re.match(r"^jdk\.\w+ \{", line):
                if event:
                    yield event
                event = {"type": line.split()[0].replace("jdk.", ""), "frames": []}
            elif event is not None:
                m = re.match(r"\s+startTime = (\S+)", line)
                if m:
                    event["time"] = m.group(1)[:8]
                m = re.match(r"\s+duration = (\S+) (\S+)", line)
                if m and "ms" not in event:
                    event["ms"] = float(m.group(1).replace(",", "")) * UNITS.get(m.group(2), 1.0)
                m = re.match(r'\s+eventThread = "([^"]*)"', line)
                if m:
                    event["thread"] = m.group(1)
                if "line:" in line:
                    event["frames"].append(line.strip().split("(")[0])
    if event:
        yield event


def main(path, start, end, requests):
    total = collections.Counter()
    count = collections.Counter()
    for e in events(path):
        if not (start <= e.get("time", "") <= end) or not e.get("thread", "").startswith("http"):
            continue
        ours = [f for f in e["frames"] if f.startswith("org.zhengwu") or "HikariPool.getConnection" in f]
        key = (e["type"], ours[0] if ours else "-")
        total[key] += e.get("ms", 0.0)
        count[key] += 1
    print(f"request threads' waits from {start} to {end}, per request of {requests}")
    for key, ms in total.most_common(20):
        print(f"{ms / requests:9.1f} ms {count[key]:6d} events  {key[0]:10s} {key[1]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
