package org.formularium.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base for tests that need the Spring context and a real PostgreSQL: the embedded one (a fresh database per
 * JVM) or the server named by {@code SPRING_DATASOURCE_URL}. Liquibase migrates it on start.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
public abstract class AbstractDatabaseTest {
}
