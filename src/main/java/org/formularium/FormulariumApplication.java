package org.formularium;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;
import org.formularium.shared.database.DatabaseStartupCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Formularium: forms for municipalities. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Theme("formularium")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class FormulariumApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (!DatabaseStartupCheck.databaseAvailable(System.getenv(), System.getProperties(), args)) {
            System.err.println(DatabaseStartupCheck.MISSING_DATABASE_MESSAGE);
            System.exit(2);
        }
        SpringApplication.run(FormulariumApplication.class, args);
    }
}
