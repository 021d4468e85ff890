import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database.*;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Build-time jOOQ code generation (run by exec-maven-plugin in generate-sources, as a single-file Java
 * program): starts an embedded PostgreSQL, applies the Liquibase changelog, generates jOOQ classes from the
 * real schema. Skips the work when the changelog has not changed since the last run.
 * Arguments: master changelog, target directory, package name.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path changelog = Path.of(args[0]).toAbsolutePath();
        Path target = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        Path changelogRoot = changelog.getParent().getParent(); // the top-level db/ folder
        Path stamp = target.resolve(".changelog.sha256");
        String hash = hash(changelogRoot, JooqCodegen.class.getName() + packageName);
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("[jooq-codegen] changelog unchanged, keeping " + target);
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Connection connection = pg.getPostgresDatabase().getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(changelogRoot.relativize(changelog).toString(),
                    new DirectoryResourceAccessor(changelogRoot), database);
            liquibase.update(new Contexts());
            String url = pg.getJdbcUrl("postgres", "postgres");
            Configuration configuration = new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                            .withUser("postgres").withPassword("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new org.jooq.meta.jaxb.Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("databasechangelog|databasechangeloglock"))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withJavaTimeTypes(true)
                                    .withFluentSetters(true))
                            .withTarget(new Target().withPackageName(packageName)
                                    .withDirectory(target.toString()).withClean(true)));
            GenerationTool.generate(configuration);
        }
        Files.writeString(stamp, hash);
    }

    private static String hash(Path root, String salt) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
