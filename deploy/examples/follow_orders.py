"""Follow Tradeflow orders from outside, as an ERP or CRM would: read order.events.v1 with the
standard Kafka client (pip install confluent-kafka) and print one line per event.

    python3 deploy/examples/follow_orders.py "$(cat .tradeflow/kafka.bootstrap)" [--from-beginning] [--max N] [--idle-exit S]

Records are JSON envelopes (see Shared/Contracts/asyncapi.json). De-duplicate by the envelope id:
delivery is at least once. Events of one buyer company arrive in order (the key is the buyer).
"""
import json
import sys

from confluent_kafka import Consumer

bootstrap = sys.argv[1]
from_beginning = "--from-beginning" in sys.argv
limit = int(sys.argv[sys.argv.index("--max") + 1]) if "--max" in sys.argv else None
idle_exit = int(sys.argv[sys.argv.index("--idle-exit") + 1]) if "--idle-exit" in sys.argv else None

consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "group.id": "erp-order-follower",          # your system's own group: Kafka remembers where it stopped
    "auto.offset.reset": "earliest" if from_beginning else "latest",
    "enable.auto.commit": True,
})
consumer.subscribe(["order.events.v1"])
seen, printed, idle = set(), 0, 0
try:
    while limit is None or printed < limit:
        record = consumer.poll(1.0)
        if record is None:
            idle += 1
            if idle_exit is not None and idle >= idle_exit:  # a bounded run stops when the topic goes quiet
                break
            continue
        idle = 0
        if record.error():
            print("error:", record.error(), file=sys.stderr)
            continue
        event = json.loads(record.value())
        if event["id"] in seen:                  # at-least-once: skip a redelivered event
            continue
        seen.add(event["id"])
        payload = event["payload"]
        print(event["occurredAt"], event["type"], payload.get("order", "-"), payload.get("buyer", "-"), flush=True)
        printed += 1
finally:
    consumer.close()
