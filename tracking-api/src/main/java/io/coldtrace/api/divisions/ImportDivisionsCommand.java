package io.coldtrace.api.divisions;

import com.google.auto.service.AutoService;
import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.api.ApiCommand;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.db.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code import-divisions --file FILE --by NAME}: imports a division list (CSV, as {@code POST
 * /api/v1/divisions/import} takes it) into the database the API's settings name, whole or not at all; prints what it
 * did, or every bad line (line number and field) and exits 2. {@code --by} is who imports, as the history keeps it.
 */
@AutoService(ApiCommand.class)
public final class ImportDivisionsCommand implements ApiCommand {
    private static final String USAGE = "import-divisions --file FILE.csv --by NAME";

    @Override
    public String name() {
        return "import-divisions";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, DbConfig db, PrintStream out, PrintStream err) {
        String file = null;
        String by = null;
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--file" -> file = value;
                case "--by" -> by = value;
                default -> value = null;
            }
            if (value == null || value.isBlank()) {
                err.println("unknown option or missing value: " + args.get(i) + "; usage: " + USAGE);
                return 2;
            }
        }
        if (file == null || by == null || by.length() > 200) {
            err.println("--file and --by (1..200 characters) are required; usage: " + USAGE);
            return 2;
        }
        String csv;
        try {
            csv = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e);
            return 2;
        }
        try (HikariDataSource ds = Database.pool(db, "coldtrace-api-cli")) {
            Database.migrate(ds, db);
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    DivisionImport.Outcome o = DivisionImport.run(c, csv, new DivisionImport.Importer("cli", by, null));
                    c.commit();
                    out.println(o.toJson().encode());
                    return 0;
                } catch (ClientError e) {
                    c.rollback();
                    err.println(e.getMessage());
                    e.lines().forEach(l -> err.println("  line " + l.line() + ", " + l.field() + ": " + l.message()));
                    return 2;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException | RuntimeException e) {
            err.println("could not import the divisions: " + e.getMessage());
            return 1;
        }
    }
}
