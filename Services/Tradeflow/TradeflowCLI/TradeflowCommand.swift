import Foundation
import Runtime

enum TradeflowCommand {
    static let usage = """
    usage: tradeflow <command> [options]

    commands:
      dev         start the whole platform on this machine (mock Kafka cluster + every service)
                    --http-addr HOST:PORT      gateway address (default 127.0.0.1:8080)
                    --admin-port-base PORT     first admin port; services use PORT..PORT+6 (default 9101)
                    --dir PATH                 working directory for state and logs (default .tradeflow)
                    --log-level LEVEL          trace|debug|info|warning|error (default info)
                    --no-demo                  do not seed the demo world (.tradeflow/demo.json)
                    --exit-with-parent         stop when the process that started it exits (as bench's own does)
      provision   create every topic on a real Kafka cluster (Admin API); safe to repeat
                    --bootstrap SERVERS        (default $TRADEFLOW_KAFKA_BOOTSTRAP)
                    --replication N            replication factor (default 1)
      topics      list every topic with its key, partitions and retention
      bench       measure the platform through the gateway; prints and writes the figures (JSON);
                  exit 1 when a check fails (errors, undecided orders, oversell, verify)
                    --scenario browse|mixed|flash-sale|capacity
                                               browse: price quotes and searches (closed loop, default);
                                               mixed: orders (1-8 lines) with quotes and searches at a fixed
                                               arrival rate (open loop), then shipments, a raw Kafka baseline
                                               and verify; flash-sale: one SKU, attempts from many buyers;
                                               capacity: mixed traffic in steps a quarter faster each until
                                               a rate misses the target twice; prints the highest rate met
                    --rate N                   mixed: orders/s (default 1000); flash-sale: attempts/s (5000);
                                               capacity: the first step's orders/s (50)
                    --duration S               seconds of load (browse 20, mixed 60, capacity 20 per step;
                                               at most 7200)
                    --connections N            keep-alive connections (browse 8, others 64)
                    --buyers N                 buyer companies created for the run (browse 80, others 100)
                    --quote-percent P          browse: share of price quotes, the rest searches (default 70)
                    --reads-per-order N        mixed, capacity: quotes/searches per order (default 2)
                    --lines N                  mixed, capacity: every order has N lines of distinct SKUs (1-100;
                                               default 1-8 at random)
                    --fulfil N                 mixed: confirmed orders then shipped and delivered (default 100)
                    --fulfil-live              mixed: ship and deliver every order as it is confirmed, during
                                               the run (instead of --fulfil)
                    --no-baseline              mixed: skip the raw produce+consume baseline
                    --chaos                    mixed: SIGKILL every service in turn during the run;
                                               flash-sale: order, inventory, payment as 1/4, 2/4, 3/4 of
                                               the stock is reserved
                    --p99-ms M                 capacity: the target's p99 acceptance (default 100); a step
                                               also needs every order accepted and confirmed
                    --steps N                  capacity: at most N steps, repeats included (default 20)
                    --require N                capacity: exit 1 when the capacity found is below N orders/s
                    --stock N                  flash-sale: units of the hot SKU (default 1000)
                    --attempts-per-unit N      flash-sale: attempts per unit (default 20)
                    --buyers-per-company N     flash-sale: buyers (API keys) per company (default 10)
                    --dir PATH                 the dev platform's directory (default .tradeflow); if no
                                               platform answers there, bench starts its own
                    --json PATH                where to write the figures (default <dir>/bench-<scenario>.json)
      verify      read the event topics and check the invariants: every accepted order settled, no
                  SKU oversold, no duplicate order, reservation or posting, the ledger balanced,
                  every confirmed order paid or on credit; exit 1 if a check fails
                    --dir PATH                 the dev platform's directory (default .tradeflow)
                    --bootstrap SERVERS        read a real cluster instead (or $TRADEFLOW_KAFKA_BOOTSTRAP)
                    --grace S                  orders younger than S seconds may still be in flight (default 30)
                    --json PATH                also write the report as JSON
      reliability poison messages, hostile HTTP and a paused service against the platform, then verify;
                  prints PASS/FAIL per check, exit 1 if one fails
                    --dir PATH                 the dev platform's directory (default .tradeflow); if no
                                               platform answers there, it starts its own
                    --quick                    200 fuzz requests (default 2,000); a platform it starts gets
                                               TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES=64
                    --fuzz N                   number of fuzz requests
                    --seed S                   fuzz seed (printed; the same seed repeats the same requests)
                    --only LIST                some of poison,fuzz,shed (default all)
                    --shed-max N               most connections the shedding check may open (default 5000)
                    --include-event-topics     also poison the event topics (verify then reports them)
    """

    static func main(_ arguments: [String]) async {
        guard let command = arguments.first else {
            StandardError.write(usage)
            exit(64)
        }
        let rest = arguments.dropFirst()
        switch command {
        case "dev": exit(await DevCommand.run(rest))
        case "provision": exit(await ProvisionCommand.run(rest))
        case "topics": exit(TopicsCommand.run(rest))
        case "bench": exit(await BenchCommand.run(rest))
        case "verify": exit(await VerifyCommand.run(rest))
        case "reliability": exit(await ReliabilityCommand.run(rest))
        case "help", "--help", "-h": StandardOutput.write(usage + "\n"); exit(0)
        default:
            StandardError.write("tradeflow: unknown command \(command)\n\n\(usage)")
            exit(64)
        }
    }
}
