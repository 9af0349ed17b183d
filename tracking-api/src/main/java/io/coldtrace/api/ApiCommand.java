package io.coldtrace.api;

import io.coldtrace.core.config.DbConfig;
import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of the API's jar ({@code java -jar tracking-api.jar NAME ARGS...}) that a feature brings, found on the
 * class path like the features themselves: implement this with a public no-argument constructor and annotate the class
 * {@code @AutoService(ApiCommand.class)}. It runs on the main thread with plain JDBC (there is no event loop) and
 * returns the process's exit code: 0 done, 2 bad arguments or input, 1 anything else. {@code create-token} is the
 * kernel's own command ({@link io.coldtrace.api.auth.CreateTokenCommand}).
 */
public interface ApiCommand {
    /** The word that selects it, e.g. {@code import-divisions}. */
    String name();

    /** One line: how it is called. */
    String usage();

    /** Runs it with the arguments after its name. */
    int run(List<String> args, DbConfig db, PrintStream out, PrintStream err);

    /** The commands on the class path, by name. */
    static List<ApiCommand> found() {
        return java.util.ServiceLoader.load(ApiCommand.class).stream().map(java.util.ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(ApiCommand::name)).toList();
    }
}
