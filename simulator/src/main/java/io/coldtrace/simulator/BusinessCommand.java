package io.coldtrace.simulator;

import io.coldtrace.core.config.Env;
import io.coldtrace.simulator.business.BusinessPoster;
import io.coldtrace.simulator.provision.ApiClient;
import io.coldtrace.simulator.provision.ProvisionConfig;
import io.coldtrace.simulator.provision.ProvisionException;
import io.coldtrace.simulator.world.World;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code business}: posts the events of the world's business plan (harvests, packing, storage, trucks, receipts,
 * splits, deliveries) through tracking-api with an operator's token: the past since the world's start at once, then
 * each as the clock reaches it. Same world flags as {@code world} and {@code provision}.
 */
final class BusinessCommand {
    private static final Set<String> OWN_FLAGS = Set.of("api", "token", "org");

    /** Where to post, as whom, and the world whose business it is. */
    record Config(URI api, String token, String orgId, SimMain.WorldRun world) {
    }

    private BusinessCommand() {
    }

    static Config parse(List<String> flags, Env env) {
        List<String> own = new ArrayList<>();
        List<String> world = new ArrayList<>();
        for (int i = 0; i < flags.size(); i += 2) {
            String f = flags.get(i);
            List<String> to = f.startsWith("--") && OWN_FLAGS.contains(f.substring(2)) ? own : world;
            to.addAll(flags.subList(i, Math.min(i + 2, flags.size())));
        }
        Args a = new Args(own, OWN_FLAGS);
        String token = a.string("token", env.string("COLDTRACE_API_TOKEN", null));
        if (token == null || token.isBlank()) {
            throw new Args.UsageException("--token (or COLDTRACE_API_TOKEN) is required: an operator token of the "
                    + "organisation, from java -jar tracking-api/target/coldtrace-api.jar create-token --role operator "
                    + "--org ORG --name NAME");
        }
        SimMain.WorldRun run = SimMain.worldConfig(world, SimMain.DEFAULT_MQTT);
        // the same checks of the API URL and organisation as provision's
        ProvisionConfig checked = new ProvisionConfig(URI.create(a.string("api", env.string("COLDTRACE_API_URL",
                ProvisionCommand.DEFAULT_API))), token, a.string("org", ProvisionConfig.DEFAULT_ORG),
                java.time.Duration.ZERO, run.config());
        return new Config(checked.api(), token, checked.orgId(), run);
    }

    static int run(Config c, PrintStream out, PrintStream err) throws InterruptedException {
        BusinessPoster poster = new BusinessPoster(new ApiClient(c.api(), c.token()), new World(c.world().config()),
                c.orgId(), Clock.systemUTC(), out);
        Instant stopAt = c.world().duration().isZero() ? Instant.MAX : Instant.now().plus(c.world().duration());
        try {
            BusinessPoster.Counts n = poster.run(c.world().config().start(), stopAt);
            out.printf("business done: %s%n", n);
            return n.refused() == 0 ? 0 : 1;
        } catch (ProvisionException e) {
            err.println("error: " + e.getMessage());
            err.println("hint: " + e.hint());
            return 1;
        }
    }
}
