#!/usr/bin/env python3
# Plays a board on one end of a socat pseudo-terminal pair, for the Board integration tests: prints the lesson's
# Wio Terminal lines (mode "wio") or the USB-bridge sketch's JSON lines (mode "bridge") and obeys {"led_on": ...}.
# Exits when the other end goes away (socat killed = board unplugged). Standard library only.
import json
import os
import select
import sys
import time

WIO_START = [
    "Connecting to WiFi..",
    "Connected!",
    "Attempting MQTT connection...Retying in 5 seconds - failed, rc=-2",
    "Attempting MQTT connection...connected",
]


def main():
    path, mode = sys.argv[1], sys.argv[2]
    interval_s = float(sys.argv[3]) / 1000 if len(sys.argv) > 3 else 0.2
    fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
    pending = b""
    light = 600
    led_on = False

    def say(line):
        os.write(fd, (line + "\r\n").encode("utf-8"))

    if mode == "wio":
        for line in WIO_START:
            say(line)
    next_reading = time.monotonic()
    while True:
        now = time.monotonic()
        if now >= next_reading:
            light = 200 if light >= 700 else light + 50
            reading = json.dumps({"light": light}, separators=(",", ":"))
            say(f"Sending telemetry {reading}" if mode == "wio" else json.dumps({"light": light}))
            next_reading = now + interval_s
        ready, _, _ = select.select([fd], [], [], max(0.0, next_reading - time.monotonic()))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            return
        if not chunk:
            return
        pending += chunk
        while b"\n" in pending:
            raw, pending = pending.split(b"\n", 1)
            text = raw.decode("utf-8", "replace").strip()
            try:
                command = json.loads(text)
            except ValueError:
                say(f"Unknown command: {text}")
                continue
            if mode == "wio":
                say(f"Message received:{text}")
            if isinstance(command, dict) and "led_on" in command:
                led_on = bool(command["led_on"])
                say("LED on" if led_on else "LED off")


if __name__ == "__main__":
    main()
