package io.coldtrace.api.auth;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.db.Database;
import io.coldtrace.core.ids.DivisionCode;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code create-token --role admin|operator|dispatcher|qa|partner|authority --name NAME [--org ORG] [--region CODE]}:
 * stores a new token's hash and prints the token once. This is how the first admin gets in, how a trading partner's
 * system gets its EPCIS capture token, and how a county department gets its authority token; the token cannot be
 * shown again. {@code --org} may be left out for an admin only (the database refuses a non-admin token without an
 * organisation too); {@code --region}, the GB/T 2260 division an authority governs, is required for an authority,
 * refused for every other role, and must be in the division table.
 */
public final class CreateTokenCommand {
    public static final String NAME = "create-token";
    private static final String USAGE = "usage: create-token --role admin|operator|dispatcher|qa|partner|authority "
            + "--name NAME [--org ORG] [--region DIVISION_CODE]";

    /** Parsed arguments. */
    public record Args(Role role, String name, String org, String region) {
        public Args {
            if (role == null) {
                throw new IllegalArgumentException("--role is required; " + USAGE);
            }
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("--name is required (1..200 characters); " + USAGE);
            }
            if (org != null && org.isBlank()) {
                throw new IllegalArgumentException("--org must not be empty when given; " + USAGE);
            }
            if (org == null && role != Role.ADMIN) {
                throw new IllegalArgumentException("--org is required for role " + role.label() + ": only an admin "
                        + "token may belong to no organisation (and then sees all of them); " + USAGE);
            }
            if (role == Role.AUTHORITY && region == null) {
                throw new IllegalArgumentException("--region is required for role authority: the GB/T 2260 division "
                        + "code it governs (e.g. 500238); " + USAGE);
            }
            if (role != Role.AUTHORITY && region != null) {
                throw new IllegalArgumentException("--region is for role authority only; " + USAGE);
            }
            if (region != null) {
                try {
                    new DivisionCode(region);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--region: " + e.getMessage() + "; " + USAGE, e);
                }
            }
        }

        /** Parses {@code argv} after the subcommand name. */
        public static Args parse(List<String> argv) {
            Role role = null;
            String name = null;
            String org = null;
            String region = null;
            for (int i = 0; i < argv.size(); i++) {
                String flag = argv.get(i);
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
                }
                String value = argv.get(++i);
                switch (flag) {
                    case "--role" -> role = Role.parse(value);
                    case "--name" -> name = value;
                    case "--org" -> org = value;
                    case "--region" -> region = value;
                    default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
                }
            }
            return new Args(role, name, org, region);
        }
    }

    private CreateTokenCommand() {
    }

    /** Runs the command; returns the process exit code (0 ok, 2 bad arguments, 1 database failure). */
    public static int run(String[] argv, DbConfig db, PrintStream out, PrintStream err) {
        Args args;
        try {
            args = Args.parse(Arrays.asList(argv).subList(1, argv.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        String token = Tokens.generate();
        // a CLI on the main thread: plain blocking JDBC is right here, there is no event loop to protect
        try (HikariDataSource ds = Database.pool(db, "coldtrace-api-cli")) {
            Database.migrate(ds, db);
            try (Connection c = ds.getConnection()) {
                if (args.region() != null && !TokenQueries.divisionExists(c, args.region())) {
                    err.println("--region " + args.region() + " is no division of the division table (import the "
                            + "national list first: import-divisions); " + USAGE);
                    return 2;
                }
                long id = TokenQueries.insert(c, args.name(), args.role(), args.org(), Tokens.hash(token), null,
                        args.region());
                err.println("created token #" + id + " for '" + args.name() + "' with role " + args.role().label()
                        + (args.region() == null ? "" : " governing " + args.region())
                        + "; it is printed once, below, and only its hash is stored");
            }
        } catch (SQLException | RuntimeException e) {
            err.println("could not create the token: " + e.getMessage());
            return 1;
        }
        out.println(token);
        return 0;
    }
}
