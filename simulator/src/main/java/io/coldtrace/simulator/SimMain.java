package io.coldtrace.simulator;

import io.coldtrace.core.config.Env;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.live.WorldRunner;
import io.coldtrace.simulator.load.LoadConfig;
import io.coldtrace.simulator.load.LoadGenerator;
import io.coldtrace.simulator.load.LoadReport;
import io.coldtrace.simulator.publish.MqttDevicePublisher;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.World;
import io.coldtrace.simulator.world.WorldConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Command line of the simulator: {@code world} (default) publishes a simulated cold chain, {@code provision} creates
 * its master data through tracking-api, {@code load} benchmarks.
 */
public final class SimMain {
    static final String DEFAULT_MQTT = "tcp://127.0.0.1:1883";

    static final String USAGE = """
            usage: java -jar coldtrace-simulator.jar [world] [flags]
                   java -jar coldtrace-simulator.jar provision --token TOKEN [flags] [world flags]
                   java -jar coldtrace-simulator.jar business --token OPERATOR_TOKEN [flags] [world flags]
                   java -jar coldtrace-simulator.jar load [flags]

            world: publish telemetry of simulated cold rooms and reefer trucks
              --seed N             random seed; same seed + start = same payloads (default 1)
              --mqtt URL           broker (default $COLDTRACE_MQTT_URL or tcp://127.0.0.1:1883)
              --sites N            sites, 1..15, round-robin origin/consolidation/forward (default 3)
              --rooms-per-site N   cold rooms per site (default 2)
              --trucks N           reefer trucks, 1 or 2 compartments each (default 2)
              --interval-s N       reporting interval of rooms and trucks in seconds (default 60)
              --faults SPEC        e.g. dropout=0.01,duplicates=0.02 (default none); names:
                                   %s
                                   per-message probabilities: dropout probe_missing duplicates reorder malformed
                                   per device-hour rates: door_open compressor clock_skew offline
                                   per truck leg probability: reefer_failure (compartment A fails 3–5 h mid-leg)
              --backfill-hours H   first publish the past H hours as fast as possible (default 0)
              --duration-s N       how long to run live, 0 = forever (default 0)

            provision: create, through tracking-api, what an operator sets up for the world the same world flags
            simulate (organisation, sites, limit profiles, units, parties, products, farm plots, device bindings);
            running it again changes nothing
              --api URL            tracking-api (default $COLDTRACE_API_URL or http://127.0.0.1:8080)
              --token TOKEN        an admin token (default $COLDTRACE_API_TOKEN; required)
              --org ID             organisation that owns it all (default demo)
              --wait-devices-s N   wait this long for devices that have not reported yet (default 120)
              world flags          as for world; --seed --sites --rooms-per-site --trucks shape what is created,
                                   --backfill-hours moves the bindings' start back; the others are accepted, unused

            business: post the world's business through tracking-api as its people would: farms harvest, the
            origin stores pre-cool, pack and store lots, trucks carry them on their timetable to the consolidation
            centres (handover temperature from the truck's logger), which split them and deliver to buyers or send
            them on to the forward warehouses. The same seed gives the same events (client_event_id from the seed and
            the step, so a restart re-posts harmlessly); the past since the world's start is posted at once (events
            over 24 h old are flagged late_recorded), then each event when the clock reaches it
              --api URL            tracking-api (default $COLDTRACE_API_URL or http://127.0.0.1:8080)
              --token TOKEN        an operator token of the organisation (default $COLDTRACE_API_TOKEN; required)
              --org ID             the organisation (default demo)
              world flags          as for world: --seed --sites --rooms-per-site --trucks shape the plan,
                                   --backfill-hours its start, --duration-s how long it runs live (0 = forever),
                                   --faults reefer_failure=P which legs have compartment A fail

            load: publish benchmark telemetry as fast as asked and report what the broker acknowledged
              --mqtt URL           broker (default as above)
              --devices N          devices (default 100)
              --rate N             target readings per second, 0 = unpaced (default 50000)
              --readings-per-message N   (default 10)
              --seconds N          duration (default 10)
              --connections N      MQTT connections (default 4)
              --site ID            site topic segment (default LOAD)
              --device-prefix P    device id prefix (default LD-)
              --report PATH        write the LoadReport as JSON to PATH

              --help               this text
            """.formatted(FaultConfig.names());

    private SimMain() {
    }

    public static void main(String[] argv) throws Exception {
        System.exit(run(Arrays.asList(argv), Env.system(), System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 done, 1 failed, 2 bad command line). */
    public static int run(List<String> argv, Env env, PrintStream out, PrintStream err) throws Exception {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        String command = argv.isEmpty() || argv.get(0).startsWith("--") ? "world" : argv.get(0);
        List<String> flags = argv.isEmpty() || argv.get(0).startsWith("--") ? argv : argv.subList(1, argv.size());
        String mqttDefault = env.string("COLDTRACE_MQTT_URL", DEFAULT_MQTT);
        try {
            return switch (command) {
                case "world" -> world(worldConfig(flags, mqttDefault), out);
                case "provision" -> ProvisionCommand.run(ProvisionCommand.parse(flags, env), out, err);
                case "business" -> BusinessCommand.run(BusinessCommand.parse(flags, env), out, err);
                case "load" -> load(flags, mqttDefault, err, out);
                default -> throw new Args.UsageException("unknown command '" + command
                        + "' (world, provision, business or load)");
            };
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    /** World settings parsed from flags. */
    record WorldRun(WorldConfig config, String mqttUrl, Duration duration) {
    }

    static WorldRun worldConfig(List<String> flags, String mqttDefault) {
        Args a = new Args(flags, Set.of("seed", "mqtt", "sites", "rooms-per-site", "trucks", "interval-s", "faults",
                "backfill-hours", "duration-s"));
        int interval = a.integer("interval-s", 60, 1, 86_400);
        int backfillH = a.integer("backfill-hours", 0, 0, 24 * 400);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(backfillH));
        WorldConfig c = new WorldConfig(a.longValue("seed", 1), start, a.integer("sites", 3, 1, 15),
                a.integer("rooms-per-site", 2, 0, 50), a.integer("trucks", 2, 0, 200), Duration.ofSeconds(interval),
                Duration.ofSeconds(interval), FaultConfig.parse(a.string("faults", "")));
        return new WorldRun(c, a.string("mqtt", mqttDefault), Duration.ofSeconds(a.integer("duration-s", 0, 0,
                Integer.MAX_VALUE)));
    }

    private static int world(WorldRun run, PrintStream out) throws Exception {
        TelemetryCodec codec = TelemetryCodec.withDefaults();
        World world = new World(run.config(), codec);
        try (MqttDevicePublisher publisher = new MqttDevicePublisher(run.mqttUrl(), codec, Clock.systemUTC())) {
            for (SimUnit u : world.units()) {
                publisher.connect(u.siteId(), u.deviceId(), (int) u.interval().toSeconds());
            }
            out.printf("publishing %d devices of %d sites to %s on coldtrace/v1/{site}/{device}/telemetry (seed %d)%n",
                    world.units().size(), world.sites().size(), run.mqttUrl(), run.config().seed());
            WorldRunner runner = new WorldRunner(world, publisher::publish, Clock.systemUTC(), out);
            runner.backfill();
            runner.runLive(run.duration());
            out.printf("done: %d messages, %d failed publishes%n", runner.published(), publisher.failed());
        }
        return 0;
    }

    static LoadConfig loadConfig(Args a, String mqttDefault) {
        return new LoadConfig(a.string("mqtt", mqttDefault), a.integer("devices", 100, 1, 1_000_000),
                a.integer("rate", 50_000, 0, 10_000_000), a.integer("readings-per-message", 10, 1, 5_000),
                a.integer("seconds", 10, 1, 86_400), a.integer("connections", 4, 1, 256), a.string("site", "LOAD"),
                a.string("device-prefix", "LD-"));
    }

    private static int load(List<String> flags, String mqttDefault, PrintStream err, PrintStream out) throws Exception {
        Args a = new Args(flags, Set.of("mqtt", "devices", "rate", "readings-per-message", "seconds", "connections",
                "site", "device-prefix", "report"));
        LoadConfig c = loadConfig(a, mqttDefault);
        String reportPath = a.string("report", null);
        LoadReport r = new LoadGenerator(c, err).run();
        out.println(r.summary());
        if (reportPath != null) {
            r.writeJson(Path.of(reportPath));
            out.println("report written to " + reportPath);
        }
        return r.failedPublishes() == 0 ? 0 : 1;
    }
}
