package io.coldtrace.simulator;

import io.coldtrace.core.config.Env;
import io.coldtrace.simulator.provision.ApiClient;
import io.coldtrace.simulator.provision.Blueprint;
import io.coldtrace.simulator.provision.ProvisionConfig;
import io.coldtrace.simulator.provision.ProvisionException;
import io.coldtrace.simulator.provision.Provisioner;
import io.coldtrace.simulator.world.World;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code provision}: creates the world's organisation, sites, profiles, units, parties, products, plots and
 * bindings through tracking-api.
 */
final class ProvisionCommand {
    static final String DEFAULT_API = "http://127.0.0.1:8080";
    private static final Set<String> OWN_FLAGS = Set.of("api", "token", "org", "wait-devices-s");
    /**
     * Bindings start this long before the world's start: the world runs in another process that computed its start
     * (now − backfill) a little earlier than this one, and its first backfilled readings must fall inside the binding.
     */
    private static final Duration BIND_MARGIN = Duration.ofMinutes(10);

    private ProvisionCommand() {
    }

    /** Provision flags, then the world flags (the same as {@code world} takes, so one variable can feed both). */
    static ProvisionConfig parse(List<String> flags, Env env) {
        List<String> own = new ArrayList<>();
        List<String> world = new ArrayList<>();
        for (int i = 0; i < flags.size(); i += 2) {
            String f = flags.get(i);
            List<String> to = f.startsWith("--") && OWN_FLAGS.contains(f.substring(2)) ? own : world;
            to.addAll(flags.subList(i, Math.min(i + 2, flags.size())));
        }
        Args a = new Args(own, OWN_FLAGS);
        String api = a.string("api", env.string("COLDTRACE_API_URL", DEFAULT_API));
        String token = a.string("token", env.string("COLDTRACE_API_TOKEN", null));
        if (token == null || token.isBlank()) {
            throw new Args.UsageException("--token (or COLDTRACE_API_TOKEN) is required: an admin token, from "
                    + "java -jar tracking-api/target/coldtrace-api.jar create-token --role admin --name NAME");
        }
        URI uri;
        try {
            uri = new URI(api);
        } catch (URISyntaxException e) {
            throw new Args.UsageException("--api must be an http(s) URL, was '" + api + "'");
        }
        return new ProvisionConfig(uri, token, a.string("org", ProvisionConfig.DEFAULT_ORG),
                Duration.ofSeconds(a.integer("wait-devices-s", 120, 0, 3600)),
                SimMain.worldConfig(world, SimMain.DEFAULT_MQTT).config());
    }

    static int run(ProvisionConfig c, PrintStream out, PrintStream err) throws InterruptedException {
        Blueprint plan = Blueprint.of(new World(c.world()), c.orgId(), ProvisionConfig.DEFAULT_ORG_NAME);
        Provisioner p = new Provisioner(new ApiClient(c.api(), c.token()), plan,
                c.world().start().minus(BIND_MARGIN), c.deviceWait(), out);
        try {
            p.run();
            return 0;
        } catch (ProvisionException e) {
            err.println("error: " + e.getMessage());
            err.println("hint: " + e.hint());
            return 1;
        }
    }
}
